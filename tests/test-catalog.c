/* test-catalog.c: the built-in catalog holds the purchase guides' numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each figure is checked against the rule that states it, so that a change
 * to the data that breaks a documented price fails here by rule ID.
 */
#include "pb-catalog.h"
#include "pb-error.h"
#include "pb-test.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

static void
assert_entry (PbCatalog *catalog, const char *key, const char *rule, gboolean assumption)
{
  const PbCatalogEntry *entry = pb_catalog_lookup (catalog, key);

  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->rule, ==, rule);
  g_assert_cmpint (entry->assumption, ==, assumption);
  g_assert_true (entry->source != NULL && entry->source[0] != '\0');
  if (assumption)
    g_assert_true (entry->text[0] != '\0' && entry->text_zh[0] != '\0');
}

static void
test_catalog_voice (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  const PbFixedPackage *fixed;
  const PbCustomTier *tiers;
  guint n;

  /* VM-2 */
  assert_entry (catalog, "voice.number_monthly_fee", "VM-2", FALSE);
  g_assert_cmpint (pb_catalog_vm_monthly_fee (catalog), ==, PB_MONEY_FROM_YUAN (50));

  /* VM-5 */
  assert_entry (catalog, "voice.fixed_packages", "VM-5", FALSE);
  fixed = pb_catalog_vm_fixed_packages (catalog, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (fixed[0].minutes, ==, 10000);
  g_assert_cmpint (fixed[0].price, ==, PB_MONEY_FROM_YUAN (1050));
  g_assert_cmpint (fixed[1].minutes, ==, 100000);
  g_assert_cmpint (fixed[1].price, ==, PB_MONEY_FROM_YUAN (10000));
  g_assert_cmpint (fixed[2].minutes, ==, 500000);
  g_assert_cmpint (fixed[2].price, ==, PB_MONEY_FROM_YUAN (47500));
  g_assert_cmpint (fixed[3].minutes, ==, 1000000);
  g_assert_cmpint (fixed[3].price, ==, PB_MONEY_FROM_YUAN (90000));
  g_assert_cmpint (fixed[4].minutes, ==, 3000000);
  g_assert_cmpint (fixed[4].price, ==, PB_MONEY_FROM_YUAN (255000));
  g_assert_true (pb_catalog_vm_fixed_package (catalog, 500000) == &fixed[2]);
  g_assert_null (pb_catalog_vm_fixed_package (catalog, 20000));

  /* VM-6: the unit price follows the package's own size; [from, next) */
  assert_entry (catalog, "voice.custom_package", "VM-6", FALSE);
  tiers = pb_catalog_vm_custom_tiers (catalog, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpint (tiers[0].from_minutes, ==, 0);
  g_assert_cmpint (pb_catalog_vm_custom_min (catalog), ==, 1000);
  g_assert_cmpint (pb_catalog_vm_custom_step (catalog), ==, 1000);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 1000), ==, 110);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 9999), ==, 110);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 10000), ==, 105);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 99999), ==, 105);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 100000), ==, 100);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 499999), ==, 100);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 500000), ==, 95);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 999999), ==, 95);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 1000000), ==, 90);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 2999999), ==, 90);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 3000000), ==, 85);
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 900000000), ==, 85);

  /* VM-7, VM-8, VM-9 conventions are labelled as assumptions */
  assert_entry (catalog, "voice.call_zero_seconds_bills", "VM-7", TRUE);
  g_assert_cmpint (pb_catalog_vm_zero_second_minutes (catalog), ==, 1);
  assert_entry (catalog, "voice.call_without_balance", "VM-8", TRUE);
  assert_entry (catalog, "voice.package_validity_months", "VM-9", TRUE);
  g_assert_cmpuint (pb_catalog_vm_package_validity_months (catalog), ==, 24);
  assert_entry (catalog, "voice.package_consumption_order", "VM-9", TRUE);

  /* VM-1, VM-10, VM-11 */
  assert_entry (catalog, "voice.vouchers", "VM-1", FALSE);
  assert_entry (catalog, "voice.enterprise_only", "VM-10", FALSE);
  /* VM-11: from an older page than the guide, labelled an assumption. */
  assert_entry (catalog, "voice.max_numbers_advisory", "VM-11", TRUE);
  g_assert_cmpuint (pb_catalog_vm_max_numbers (catalog), ==, 5);
  assert_entry (catalog, "voice.low_balance_alarm_minutes", "VM-11", FALSE);
  g_assert_cmpint (pb_catalog_vm_low_balance_alarm (catalog), ==, 5000);
}

static void
test_catalog_live (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  const PbCodeTier *flagship, *standard;
  guint n;

  /* EL-1 */
  assert_entry (catalog, "live.trial", "EL-1", FALSE);
  g_assert_cmpuint (pb_catalog_el_trial_max_viewers (catalog), ==, 10);
  g_assert_cmpuint (pb_catalog_el_trial_radar_top_viewers (catalog), ==, 2);
  /* EL-2 */
  assert_entry (catalog, "live.enterprise_only", "EL-2", FALSE);
  /* EL-3 */
  assert_entry (catalog, "live.base_fee", "EL-3", FALSE);
  g_assert_cmpint (pb_catalog_el_base_fee (catalog), ==, PB_MONEY_FROM_YUAN (140000));
  g_assert_cmpstr (pb_catalog_el_gift_tier (catalog), ==, "flagship");
  /* EL-3 (convention): one gift per purchase, however many years. */
  assert_entry (catalog, "live.base_fee_gifts", "EL-3", TRUE);
  g_assert_cmpint (pb_catalog_el_base_fee_gifts (catalog, 3), ==, 1);
  /* EL-4 */
  assert_entry (catalog, "live.code_tiers", "EL-4", FALSE);
  pb_catalog_el_tiers (catalog, &n);
  g_assert_cmpuint (n, ==, 2);
  flagship = pb_catalog_el_tier (catalog, "flagship");
  standard = pb_catalog_el_tier (catalog, "standard");
  g_assert_nonnull (flagship);
  g_assert_nonnull (standard);
  g_assert_cmpint (flagship->price, ==, PB_MONEY_FROM_YUAN (65000));
  g_assert_cmpint (flagship->viewers, ==, 20000);
  g_assert_cmpstr (flagship->name_zh, ==, "旗舰版");
  g_assert_cmpint (standard->price, ==, PB_MONEY_FROM_YUAN (9000));
  g_assert_cmpint (standard->viewers, ==, 200);
  g_assert_null (pb_catalog_el_tier (catalog, "platinum"));
  /* EL-5 */
  assert_entry (catalog, "live.addon_viewers", "EL-5", FALSE);
  g_assert_cmpint (pb_catalog_el_addon_step (catalog), ==, 100);
  g_assert_cmpint (pb_catalog_el_addon_price (catalog), ==, PB_MONEY_FROM_YUAN (100));
  /* EL-6, EL-10, EL-T4: conventions */
  assert_entry (catalog, "live.expansion_eligibility", "EL-6", TRUE);
  assert_entry (catalog, "live.renewal_after_lapse", "EL-10", TRUE);
  assert_entry (catalog, "live.term_rule", "EL-T4", TRUE);
  g_assert_cmpint (pb_catalog_el_term_rule (catalog), ==, PB_TERM_RULE_CALENDAR);
  /* EL-7, EL-9 */
  assert_entry (catalog, "live.bind_within_months", "EL-7", FALSE);
  g_assert_cmpuint (pb_catalog_el_bind_months (catalog), ==, 2);
  assert_entry (catalog, "live.broadcast_max_minutes", "EL-9", FALSE);
  g_assert_cmpuint (pb_catalog_el_broadcast_max_minutes (catalog), ==, 240);
}

/* the terms a buyer must know, each with its rule ID, in both languages. */
static void
test_catalog_terms (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  GPtrArray *terms = pb_catalog_get_terms (catalog);
  const char *needed[] = { "EL-11", "EL-7", "EL-2", "VM-10", "VM-1", "EL-6" };

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      gboolean found = FALSE;

      for (guint t = 0; t < terms->len; t++)
        {
          PbCatalogTerm *term = g_ptr_array_index (terms, t);

          g_assert_true (term->text[0] != '\0' && term->text_zh[0] != '\0');
          found |= g_str_equal (term->rule, needed[i]);
        }
      g_assert_true (found);
    }
}

/* Every entry of the catalog names a rule and a source. */
static void
test_catalog_entries (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  GPtrArray *entries = pb_catalog_get_entries (catalog);

  g_assert_cmpuint (entries->len, >=, 20);
  for (guint i = 0; i < entries->len; i++)
    {
      PbCatalogEntry *entry = g_ptr_array_index (entries, i);

      g_assert_true (g_regex_match_simple ("^(VM|EL|Q)-T?[0-9]+$", entry->rule, 0, 0));
      g_assert_true (entry->source[0] != '\0');
    }
}

static char *
built_in_text (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PB_CATALOG_RESOURCE, 0, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_bad_catalog (const char *text, const char *needle)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_new_from_bytes (bytes, "edited.json", &error);

  g_assert_null (catalog);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
  g_assert_true (g_str_has_prefix (error->message, "edited.json"));
}

static char *
replace (const char *text, const char *from, const char *to)
{
  g_autoptr(GString) out = g_string_new (text);

  g_assert_nonnull (strstr (text, from));
  g_string_replace (out, from, to, 1);
  return g_strdup (out->str);
}

/* A catalog file edited by hand is checked as strictly as a quote. */
static void
test_catalog_bad (void)
{
  g_autofree char *good = built_in_text ();
  g_autofree char *price = replace (good, "\"price\": \"1050.00\"", "\"price\": 1050");
  g_autofree char *minutes = replace (good, "\"minutes\": 10000,", "\"minutes\": \"10000\",");
  g_autofree char *order = replace (good, "\"minutes\": 100000,", "\"minutes\": 1000,");
  g_autofree char *tier = replace (good, "\"gift_tier\": \"flagship\"", "\"gift_tier\": \"gold\"");
  g_autofree char *rule = replace (good, "\"value\": \"calendar\"", "\"value\": \"lunar\"");
  g_autofree char *missing = replace (good, "\"live.bind_within_months\"", "\"live.bind_months\"");
  g_autofree char *source = replace (good, "\"rule\": \"VM-2\", \"source\": \"vm-guide\"",
                                     "\"rule\": \"VM-2\", \"source\": \"rumour\"");
  /* Cut between two characters: the half-way byte may fall inside one. */
  g_autofree char *truncated = g_strndup (good, g_utf8_offset_to_pointer (good, g_utf8_strlen (good, -1) / 2) - good);

  assert_bad_catalog (price, "must be a string");
  assert_bad_catalog (minutes, "whole number");
  assert_bad_catalog (order, "ascending");
  assert_bad_catalog (tier, "unknown tier “gold”");
  assert_bad_catalog (rule, "unknown term rule “lunar”");
  assert_bad_catalog (missing, "live.bind_within_months");
  assert_bad_catalog (source, "unknown source “rumour”");
  assert_bad_catalog (truncated, "malformed JSON");
  assert_bad_catalog ("{\"format\": \"pricebook-quote/1\"}", "unknown format");
}

/* Unknown members, entries and values a rule cannot use are refused: a
 * misspelt member would otherwise leave a number at a silent default, an
 * unknown "applies_to" a term never printed, a second tier of one id
 * unreachable. */
static void
test_catalog_strict (void)
{
  g_autofree char *good = built_in_text ();
  const struct
  {
    const char *from;
    const char *to;
    const char *needle;
  } cases[] = {
    { "\"id\": \"tencent-cloud\",", "\"id\": \"tencent-cloud\", \"version\": 2,", "unknown member “version”" },
    { "\"currency\": \"CNY\"", "\"currency\": \"USD\"", "currency is “USD”" },
    { "\"voice.vouchers\": {", "\"voice.voucher\": { \"rule\": \"VM-1\", \"source\": \"vm-guide\", \"value\": false },\n"
      "    \"voice.vouchers\": {", "unknown entry “voice.voucher”" },
    { "\"gift_tier\": \"flagship\"", "\"gift_tier\": \"flagship\", \"gift_tierr\": \"standard\"",
      "live.base_fee: unknown member “gift_tierr”" },
    { "\"step\": 100,", "\"step\": 100, \"steps\": 200,", "unknown member “steps”" },
    { "{ \"minutes\": 10000, \"price\": \"1050.00\" }", "{ \"minutes\": 10000, \"price\": \"1050.00\", \"qty\": 1 }",
      "voice.fixed_packages: unknown member “qty”" },
    { "{ \"from_minutes\": 0, \"unit_price\": \"0.110\" }", "{ \"from_minute\": 0, \"unit_price\": \"0.110\" }",
      "unknown member “from_minute”" },
    { "\"vm-guide\": \"Tencent Cloud Voice Message purchase guide", "\"vm-guide\": { \"t\": \"x\" }, \"vm-guide-old\": \"",
      "sources: “vm-guide” must be a string, not an object" },
    { "\"rule\": \"VM-1\", \"source\": \"vm-guide\",\n      \"value\": false", "\"rule\": \"VM-1\", \"source\": \"vm-guide\",\n      \"value\": 0",
      "voice.vouchers: “value” must be true or false" },
    { "{ \"id\": \"standard\"", "{ \"id\": \"flagship\"", "tier “flagship” is listed twice" },
    { "\"applies_to\": \"voice\"", "\"applies_to\": \"voise\"", "“applies_to” is “voise”" },
    /* EL-3: the gift convention is one of the two the code knows. */
    { "\"value\": \"one-per-purchase\"", "\"value\": \"one-per-decade\"", "unknown gift rule “one-per-decade”" },
    /* EL-1: both numbers of the trial are read. */
    { "\"radar_top_viewers\": 2", "\"radar_top\": 2", "unknown member “radar_top”" },
    { ", \"radar_top_viewers\": 2", "", "live.trial: “radar_top_viewers” is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = replace (good, cases[i].from, cases[i].to);

      assert_bad_catalog (text, cases[i].needle);
    }
}

/* A catalog from a file replaces the built-in one (the CLI's --catalog). */
static void
test_catalog_from_file (void)
{
  g_autofree char *good = built_in_text ();
  g_autofree char *cheaper = replace (good, "\"value\": \"50.00\"", "\"value\": \"45.50\"");
  g_autofree char *dir = g_dir_make_tmp ("pricebook-catalog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "catalog.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = NULL;

  g_assert_true (g_file_set_contents (path, cheaper, -1, NULL));
  catalog = pb_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pb_catalog_vm_monthly_fee (catalog), ==, 45500);
  g_assert_null (pb_catalog_new_from_file ("/nonexistent/catalog.json", &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_clear_error (&error);
  /* The same guards as every file: a folder, and a device read up to the
   * 32 MiB limit rather than forever. */
  g_assert_null (pb_catalog_new_from_file (dir, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_assert_null (pb_catalog_new_from_file ("/dev/zero", &error));
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_nonnull (strstr (error->message, "a device, not a regular file"));
    }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalog/VM-1/VM-2/VM-5/VM-6/VM-7/VM-8/VM-9/VM-10/VM-11/voice", test_catalog_voice);
  g_test_add_func ("/catalog/EL-1/EL-2/EL-3/EL-4/EL-5/EL-6/EL-7/EL-9/EL-10/EL-T4/live", test_catalog_live);
  g_test_add_func ("/catalog/Q-5/terms", test_catalog_terms);
  g_test_add_func ("/catalog/entries-cite-rules", test_catalog_entries);
  g_test_add_func ("/catalog/bad-input", test_catalog_bad);
  g_test_add_func ("/catalog/bad-input/strict", test_catalog_strict);
  g_test_add_func ("/catalog/from-file", test_catalog_from_file);
  return g_test_run ();
}
