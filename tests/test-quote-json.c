/* test-quote-json.c: the quote model and its pricebook-quote/1 file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading the contract's own example, refusing every kind of wrong input
 * with the file, line:column, item and rule, saving and loading back to
 * an equal quote, and the "changed" signal the window re-prices on.
 */
#include "pb-error.h"
#include "pb-quote.h"

#include <glib/gstdio.h>
#include <string.h>


/* A quote file around @items, with @extra members before "items". */
static char *
quote_text (const char *extra, const char *items)
{
  return g_strdup_printf ("{ \"format\": \"pricebook-quote/1\",\n"
                          "  \"number\": \"Q-1\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
                          "  \"customer\": { \"name\": \"Acme\", \"enterprise\": true },\n"
                          "  %s%s\"items\": [\n%s\n  ] }\n",
                          extra ? extra : "", extra ? ",\n  " : "", items);
}

static PbQuote *
load_text (const char *text, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return pb_quote_new_from_bytes (bytes, "test.pricebook", error);
}

static PbQuote *
load_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  PbQuote *quote = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (quote);
  return quote;
}

/* Asserts that loading fails with PB_ERROR_INPUT and a message holding
 * every NULL-terminated needle. */
static void
assert_load_error (const char *text, const char *first_needle, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = load_text (text, &error);
  va_list args;

  g_assert_null (quote);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  va_start (args, first_needle);
  for (const char *needle = first_needle; needle != NULL; needle = va_arg (args, const char *))
    if (strstr (error->message, needle) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, needle);
  va_end (args);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "quotes", name, NULL);
}

/* every member of the contract's example lands where it belongs. */
static void
test_contract_example (void)
{
  g_autofree char *path = data_path ("contract-example.pricebook");
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = pb_quote_new_from_file (path, &error);
  PbCustomer *customer;
  PbQuoteItem *item;

  g_assert_no_error (error);
  g_assert_cmpstr (pb_quote_get_number (quote), ==, "Q-2026-0001");
  g_assert_cmpint (pb_quote_get_date (quote), ==, pb_time_from_parts (2026, 11, 22, 0, 0, 0));
  g_assert_cmpint (pb_quote_get_valid_days (quote), ==, 30);
  customer = pb_quote_get_customer (quote);
  g_assert_cmpstr (pb_customer_get_name (customer), ==, "示例科技有限公司");
  g_assert_true (pb_customer_get_enterprise (customer));
  g_assert_cmpstr (pb_quote_get_currency (quote), ==, "CNY");
  g_assert_cmpint (pb_quote_get_discount (quote), ==, 500);
  g_assert_cmpint (pb_quote_get_live_base_fee_until (quote), ==, PB_INSTANT_NONE);
  g_assert_cmpint (pb_quote_get_language (quote), ==, PB_QUOTE_LANGUAGE_EN);
  g_assert_cmpstr (pb_quote_get_origin (quote), ==, path);
  g_assert_cmpuint (pb_quote_get_n_items (quote), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (pb_quote_get_items (quote)), ==, 6);
  g_assert_true (g_list_model_get_item_type (pb_quote_get_items (quote)) == PB_TYPE_QUOTE_ITEM);

  item = pb_quote_get_item (quote, 0);
  g_assert_cmpint (pb_quote_item_get_kind (item), ==, PB_ITEM_KIND_NUMBERS);
  g_assert_cmpint (pb_quote_item_get_product (item), ==, PB_PRODUCT_VOICE);
  g_assert_cmpint (pb_quote_item_get_numbers (item), ==, 3);
  g_assert_cmpint (pb_quote_item_get_months (item), ==, 12);
  item = pb_quote_get_item (quote, 1);
  g_assert_cmpint (pb_quote_item_get_kind (item), ==, PB_ITEM_KIND_FIXED_PACKAGE);
  g_assert_cmpint (pb_quote_item_get_minutes (item), ==, 100000);
  g_assert_cmpint (pb_quote_item_get_quantity (item), ==, 2);
  item = pb_quote_get_item (quote, 2);
  g_assert_cmpint (pb_quote_item_get_kind (item), ==, PB_ITEM_KIND_CUSTOM_PACKAGE);
  g_assert_cmpint (pb_quote_item_get_minutes (item), ==, 25000);
  g_assert_cmpint (pb_quote_item_get_quantity (item), ==, 1);   /* the default */
  item = pb_quote_get_item (quote, 3);
  g_assert_cmpint (pb_quote_item_get_kind (item), ==, PB_ITEM_KIND_BASE_FEE);
  g_assert_cmpint (pb_quote_item_get_product (item), ==, PB_PRODUCT_LIVE);
  g_assert_cmpint (pb_quote_item_get_years (item), ==, 1);
  item = pb_quote_get_item (quote, 4);
  g_assert_cmpint (pb_quote_item_get_kind (item), ==, PB_ITEM_KIND_CODE);
  g_assert_cmpstr (pb_quote_item_get_tier (item), ==, "standard");
  g_assert_cmpint (pb_quote_item_get_quantity (item), ==, 3);
  g_assert_cmpint (pb_quote_item_get_extra_viewers (item), ==, 300);
  item = pb_quote_get_item (quote, 5);
  g_assert_cmpint (pb_quote_item_get_kind (item), ==, PB_ITEM_KIND_EXPANSION);
  g_assert_cmpstr (pb_quote_item_get_code (item), ==, "B");
  g_assert_cmpint (pb_quote_item_get_extra_viewers (item), ==, 10000);
  g_assert_null (pb_quote_item_get_voucher (item));
  /* Each item remembers its place in the file, for rule errors. */
  g_assert_true (g_str_has_prefix (pb_quote_item_get_origin (item), path));
  g_assert_true (g_str_has_suffix (pb_quote_item_get_origin (item), ":12:84"));
}

/* the defaults the contract gives (quantity 1, extra_viewers 0,
 * discount "0", language "en"). */
static void
test_defaults (void)
{
  g_autofree char *text = quote_text (NULL,
    "{ \"product\": \"voice\", \"kind\": \"fixed_package\", \"minutes\": 10000 },\n"
    "{ \"product\": \"live\", \"kind\": \"code\", \"tier\": \"flagship\" }");
  g_autoptr(PbQuote) quote = load_ok (text);

  g_assert_cmpint (pb_quote_get_discount (quote), ==, 0);
  g_assert_cmpstr (pb_quote_get_currency (quote), ==, "CNY");
  g_assert_cmpstr (pb_customer_get_contact (pb_quote_get_customer (quote)), ==, "");
  g_assert_cmpint (pb_quote_item_get_quantity (pb_quote_get_item (quote, 0)), ==, 1);
  g_assert_cmpint (pb_quote_item_get_quantity (pb_quote_get_item (quote, 1)), ==, 1);
  g_assert_cmpint (pb_quote_item_get_extra_viewers (pb_quote_get_item (quote, 1)), ==, 0);
  g_assert_cmpint (pb_quote_get_language (quote), ==, PB_QUOTE_LANGUAGE_EN);
}

static void
assert_round_trip (PbQuote *quote)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pricebook-quote-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.pricebook", NULL);
  g_autoptr(PbQuote) again = NULL;
  g_autoptr(PbQuote) third = NULL;
  g_autofree char *first_text = pb_quote_to_string (quote);
  g_autofree char *second_text = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_no_error (error);
  g_assert_true (pb_quote_save_to_file (quote, path, &error));
  g_assert_no_error (error);
  again = pb_quote_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (pb_quote_equal (quote, again));
  second_text = pb_quote_to_string (again);
  g_assert_cmpstr (first_text, ==, second_text);
  /* Saving over an existing file works too, keeps the previous version as
   * "saved.pricebook~" and leaves no temporary file. */
  g_assert_true (pb_quote_save_to_file (again, path, &error));
  third = pb_quote_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (pb_quote_equal (quote, third));
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_ptr_array_add (names, g_strdup (name));
    g_assert_cmpuint (names->len, ==, 2);
    g_assert_true (g_ptr_array_find_with_equal_func (names, "saved.pricebook", g_str_equal, NULL));
    g_assert_true (g_ptr_array_find_with_equal_func (names, "saved.pricebook~", g_str_equal, NULL));
    g_unlink (backup);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* load → save → load gives an equal quote, byte for byte on save. */
static void
test_round_trip_files (void)
{
  const char *names[] = { "contract-example.pricebook", "sample.pricebook" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PbQuote) quote = pb_quote_new_from_file (path, &error);

      g_assert_no_error (error);
      assert_round_trip (quote);
    }
}

/* every field, the optional members and the extension included. */
static void
test_round_trip_memory (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbQuote) other = NULL;
  g_autoptr(PbCustomer) customer = pb_customer_new ("上海示例有限公司", "李雷 021-0000", TRUE);
  g_autoptr(PbQuoteItem) numbers = pb_quote_item_new (PB_ITEM_KIND_NUMBERS);
  g_autoptr(PbQuoteItem) custom = pb_quote_item_new (PB_ITEM_KIND_CUSTOM_PACKAGE);
  g_autoptr(PbQuoteItem) code = pb_quote_item_new (PB_ITEM_KIND_CODE);
  g_autoptr(PbQuoteItem) expansion = pb_quote_item_new (PB_ITEM_KIND_EXPANSION);

  pb_quote_set_number (quote, "Q-2026-0100");
  pb_quote_set_date (quote, pb_time_from_parts (2028, 2, 29, 0, 0, 0));
  pb_quote_set_valid_days (quote, 3650);
  pb_quote_set_customer (quote, customer);
  pb_quote_set_discount (quote, 1235);
  pb_quote_set_language (quote, PB_QUOTE_LANGUAGE_ZH_CN);
  pb_quote_set_live_base_fee_until (quote, pb_time_from_parts (2029, 1, 31, 12, 0, 0));
  pb_quote_item_set_numbers (numbers, PB_QUOTE_ITEM_MAX_NUMBERS);
  pb_quote_item_set_months (numbers, PB_QUOTE_ITEM_MAX_MONTHS);
  pb_quote_item_set_voucher (numbers, "VOUCHER-1");
  pb_quote_item_set_minutes (custom, PB_QUOTE_ITEM_MAX_MINUTES);
  pb_quote_item_set_quantity (custom, 7);
  pb_quote_item_set_tier (code, "flagship");
  pb_quote_item_set_quantity (code, PB_QUOTE_ITEM_MAX_QUANTITY);
  pb_quote_item_set_extra_viewers (code, PB_QUOTE_ITEM_MAX_EXTRA_VIEWERS);
  pb_quote_item_set_code (expansion, "甲-A \"quoted\"");
  pb_quote_item_set_extra_viewers (expansion, 10000);
  pb_quote_append_item (quote, numbers);
  pb_quote_append_item (quote, custom);
  pb_quote_append_item (quote, code);
  pb_quote_append_item (quote, expansion);
  assert_round_trip (quote);

  /* pb_quote_equal() sees a difference in any one field. */
  other = pb_quote_new ();
  g_assert_false (pb_quote_equal (quote, other));
  pb_quote_set_date (other, pb_quote_get_date (quote));
  g_assert_false (pb_quote_equal (quote, other));
  pb_quote_item_set_extra_viewers (expansion, 10100);
  {
    g_autofree char *text = pb_quote_to_string (quote);
    g_autoptr(PbQuote) loaded = load_ok (text);

    g_assert_true (pb_quote_equal (quote, loaded));
    pb_quote_item_set_extra_viewers (pb_quote_get_item (loaded, 3), 10000);
    g_assert_false (pb_quote_equal (quote, loaded));
  }
}

/* the quote's date is a real YYYY-MM-DD day. */
static void
test_dates (void)
{
  const char *bad[] = { "2026-02-30", "2026-13-01", "2026-2-3", "2026-11-22T00:00:00+08:00", "", "yesterday" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\",\n"
        "  \"date\": \"%s\", \"valid_days\": 30,\n"
        "  \"customer\": { \"name\": \"A\", \"enterprise\": true }, \"items\": [] }", bad[i]);

      assert_load_error (text, "test.pricebook:2:", "“date”", "not a valid date", NULL);
    }
  {
    g_autofree char *text = quote_text (NULL, "");
    g_autofree char *leap = NULL;
    g_autoptr(PbQuote) quote = NULL;
    char *at = NULL;

    leap = g_strdup (text);
    at = strstr (leap, "2026-11-22");
    memcpy (at, "2028-02-29", 10);
    quote = load_ok (leap);
    g_assert_cmpint (pb_quote_get_date (quote), ==, pb_time_from_parts (2028, 2, 29, 0, 0, 0));
  }
}

/* a kind, a product that matches it, and only the members of the kind. */
static void
test_kinds (void)
{
  g_autofree char *unknown_kind = quote_text (NULL,
    "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1 },\n"
    "{ \"product\": \"voice\", \"kind\": \"minutes\", \"minutes\": 1000 }");
  g_autofree char *unknown_product = quote_text (NULL,
    "{ \"product\": \"sms\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1 }");
  g_autofree char *mismatch = quote_text (NULL,
    "{ \"product\": \"live\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1 }");
  g_autofree char *foreign_member = quote_text (NULL,
    "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1, \"years\": 2 }");
  g_autofree char *typo = quote_text (NULL,
    "{ \"product\": \"voice\", \"kind\": \"fixed_package\", \"minutes\": 10000, \"quantiy\": 2 }");
  g_autofree char *no_kind = quote_text (NULL, "{ \"product\": \"voice\", \"numbers\": 1 }");
  g_autofree char *not_object = quote_text (NULL, "[ 1, 2 ]");
  g_autofree char *missing = quote_text (NULL, "{ \"product\": \"live\", \"kind\": \"code\" }");

  assert_load_error (unknown_kind, "test.pricebook:6:", "item 1", "unknown kind “minutes”", "Q-2", NULL);
  assert_load_error (unknown_product, "item 0", "unknown product “sms”", NULL);
  assert_load_error (mismatch, "item 0", "“voice”", "not “live”", NULL);
  assert_load_error (foreign_member, "item 0 (numbers)", "unknown member “years”", NULL);
  assert_load_error (typo, "test.pricebook:5:", "item 0 (fixed_package)", "unknown member “quantiy”", NULL);
  assert_load_error (no_kind, "item 0", "“kind” is missing", NULL);
  assert_load_error (not_object, "item 0", "must be an object", NULL);
  assert_load_error (missing, "item 0 (code)", "“tier” is missing", "EL-4", NULL);
}

/* Numbers are JSON integers in the documented ranges, each error naming
 * the item and the rule of the member. */
static void
test_ranges (void)
{
  static const struct
  {
    const char *item;
    const char *needles[3];
  } cases[] = {
    { "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": \"3\", \"months\": 12 }",
      { "item 0 (numbers)", "“numbers” must be a whole number", "a string" } },
    { "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 3, \"months\": 1.5 }",
      { "item 0 (numbers)", "“months”", "a fraction" } },
    { "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 3, \"months\": 1e400 }",
      { "item 0 (numbers)", "“months”", "whole number" } },
    { "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 99999999999999999999, \"months\": 1 }",
      { "item 0 (numbers)", "“numbers”", "too large" } },
    { "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 10001, \"months\": 1 }",
      { "“numbers” is 10001", "0 to 10000", "VM-2" } },
    { "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1201 }",
      { "“months” is 1201", "0 to 1200", "VM-3" } },
    { "{ \"product\": \"voice\", \"kind\": \"custom_package\", \"minutes\": -1000 }",
      { "item 0 (custom_package)", "“minutes” is -1000", "VM-6" } },
    { "{ \"product\": \"voice\", \"kind\": \"custom_package\", \"minutes\": 1000000001 }",
      { "“minutes” is 1000000001", "0 to 1000000000", "VM-6" } },
    { "{ \"product\": \"voice\", \"kind\": \"fixed_package\", \"minutes\": 10000, \"quantity\": 100001 }",
      { "item 0 (fixed_package)", "“quantity” is 100001", "Q-2" } },
    { "{ \"product\": \"live\", \"kind\": \"base_fee\", \"years\": 101 }",
      { "item 0 (base_fee)", "“years” is 101", "EL-3" } },
    { "{ \"product\": \"live\", \"kind\": \"base_fee\", \"years\": true }",
      { "item 0 (base_fee)", "“years”", "not a boolean" } },
    { "{ \"product\": \"live\", \"kind\": \"code\", \"tier\": \"standard\", \"extra_viewers\": 10000100 }",
      { "item 0 (code)", "“extra_viewers” is 10000100", "EL-5" } },
    { "{ \"product\": \"live\", \"kind\": \"code\", \"tier\": 7 }",
      { "item 0 (code)", "“tier” must be a string", "EL-4" } },
    { "{ \"product\": \"live\", \"kind\": \"expansion\", \"code\": \"B\" }",
      { "item 0 (expansion)", "“extra_viewers” is missing", "EL-6" } },
    { "{ \"product\": \"live\", \"kind\": \"expansion\", \"code\": null, \"extra_viewers\": 100 }",
      { "item 0 (expansion)", "“code” must be a string", "not null" } },
    { "{ \"product\": \"voice\", \"kind\": \"custom_package\", \"minutes\": 1000, \"voucher\": 5 }",
      { "item 0 (custom_package)", "“voucher” must be a string", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = quote_text (NULL, cases[i].item);

      assert_load_error (text, "test.pricebook:5:", cases[i].needles[0], cases[i].needles[1],
                         cases[i].needles[2], NULL);
    }
}

/* the quote's own members. */
static void
test_header (void)
{
  static const struct
  {
    const char *extra;
    const char *needle;
  } cases[] = {
    { "\"discount_percent\": \"5.255\"", "more than 2 decimals" },
    { "\"discount_percent\": \"101\"", "“discount_percent”" },
    { "\"discount_percent\": 5", "“discount_percent” must be a string" },
    { "\"discount_percent\": \"-5\"", "“discount_percent”" },
    { "\"language\": \"fr\"", "unknown language “fr”" },
    { "\"currency\": 156", "“currency” must be a string" },
    { "\"account\": { \"live_base_fee_until\": \"2026-02-30T00:00:00+08:00\" }", "“live_base_fee_until”" },
    { "\"account\": { \"base_fee\": true }", "unknown member “base_fee”" },
    { "\"account\": []", "“account” must be an object" },
    { "\"colour\": \"blue\"", "unknown member “colour”" },
  };
  g_autofree char *no_enterprise = g_strdup (
    "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"A\" }, \"items\": [] }");
  g_autofree char *bad_days = g_strdup (
    "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\", \"date\": \"2026-11-22\", \"valid_days\": 0,\n"
    "  \"customer\": { \"name\": \"A\", \"enterprise\": true }, \"items\": [] }");
  g_autofree char *wrong_format = g_strdup (
    "{ \"format\": \"pricebook-scenario/1\", \"items\": [] }");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = quote_text (cases[i].extra, "");

      assert_load_error (text, "test.pricebook:4:", cases[i].needle, NULL);
    }
  assert_load_error (no_enterprise, "customer", "“enterprise” is missing", NULL);
  assert_load_error (bad_days, "“valid_days” is 0", NULL);
  assert_load_error (wrong_format, "unknown format", NULL);
}

/* the discount percent keeps two decimals, in hundredths. */
static void
test_discount (void)
{
  static const struct { const char *text; gint hundredths; } cases[] = {
    { "0", 0 }, { "5", 500 }, { "12.5", 1250 }, { "12.35", 1235 }, { "100", 10000 }, { "0.01", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *extra = g_strdup_printf ("\"discount_percent\": \"%s\"", cases[i].text);
      g_autofree char *text = quote_text (extra, "");
      g_autoptr(PbQuote) quote = load_ok (text);
      g_autoptr(JsonNode) saved = pb_quote_to_json (quote);

      g_assert_cmpint (pb_quote_get_discount (quote), ==, cases[i].hundredths);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (saved), "discount_percent"),
                       ==, cases[i].text);
    }
}

/* EL-7: the account's base fee, any offset in, +08:00 out. */
static void
test_account (void)
{
  g_autofree char *text = quote_text ("\"account\": { \"live_base_fee_until\": \"2020-12-31T04:00:00Z\" }",
    "{ \"product\": \"live\", \"kind\": \"code\", \"tier\": \"standard\" }");
  g_autoptr(PbQuote) quote = load_ok (text);
  g_autoptr(JsonNode) saved = pb_quote_to_json (quote);
  JsonObject *account;

  g_assert_cmpint (pb_quote_get_live_base_fee_until (quote), ==, pb_time_from_parts (2020, 12, 31, 12, 0, 0));
  account = json_object_get_object_member (json_node_get_object (saved), "account");
  g_assert_cmpstr (json_object_get_string_member (account, "live_base_fee_until"), ==,
                   "2020-12-31T12:00:00+08:00");
}

/* the language of the documents is an extension: written only when
 * it is not the default, so a plain quote stays a plain pricebook-quote/1. */
static void
test_language (void)
{
  g_autofree char *plain = quote_text (NULL, "");
  g_autofree char *chinese = quote_text ("\"language\": \"zh_CN\"", "");
  g_autoptr(PbQuote) a = load_ok (plain);
  g_autoptr(PbQuote) b = load_ok (chinese);
  g_autoptr(JsonNode) a_saved = pb_quote_to_json (a);
  g_autoptr(JsonNode) b_saved = pb_quote_to_json (b);

  g_assert_cmpint (pb_quote_get_language (b), ==, PB_QUOTE_LANGUAGE_ZH_CN);
  g_assert_false (json_object_has_member (json_node_get_object (a_saved), "language"));
  g_assert_false (json_object_has_member (json_node_get_object (a_saved), "account"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (b_saved), "language"), ==, "zh_CN");
}

/* VM-1: a voucher member is accepted only so that the check can refuse it. */
static void
test_voucher_member (void)
{
  g_autofree char *text = quote_text (NULL,
    "{ \"product\": \"voice\", \"kind\": \"custom_package\", \"minutes\": 1000, \"voucher\": \"DJQ-1\" }");
  g_autoptr(PbQuote) quote = load_ok (text);

  g_assert_cmpstr (pb_quote_item_get_voucher (pb_quote_get_item (quote, 0)), ==, "DJQ-1");
}

/* The guarded loader's refusals reach the quote with the file's name. */
static void
test_guarded_input (void)
{
  GString *deep = g_string_new ("{ \"format\": \"pricebook-quote/1\", \"items\": ");

  for (int i = 0; i < 40; i++)
    g_string_append_c (deep, '[');
  assert_load_error (deep->str, "test.pricebook", "nested", NULL);
  assert_load_error ("{ \"format\": \"pricebook-quote/1\", ", "test.pricebook:1:", "malformed JSON", NULL);
  assert_load_error ("[1, 2]", "test.pricebook", "expected a JSON object", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) empty = g_bytes_new ("", 0);
    g_autoptr(PbQuote) quote = pb_quote_new_from_bytes (empty, "memo", &error);

    g_assert_null (quote);
    g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
    g_assert_true (g_str_has_prefix (error->message, "memo:"));
  }
  g_string_free (deep, TRUE);
}

/* a quote holds at most PB_QUOTE_MAX_ITEMS items. */
static void
test_too_many_items (void)
{
  GString *items = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (int i = 0; i <= PB_QUOTE_MAX_ITEMS; i++)
    g_string_append_printf (items, "%s{ \"product\": \"live\", \"kind\": \"base_fee\", \"years\": 1 }",
                            i > 0 ? ",\n" : "");
  text = quote_text (NULL, items->str);
  assert_load_error (text, "at most 1000 items", NULL);
  g_string_free (items, TRUE);
}

/* where the quote stands (an extension of the format), written only
 * when it is not a draft. */
static void
test_status (void)
{
  g_autofree char *accepted = quote_text ("\"status\": \"accepted\"", "");
  g_autofree char *unknown = quote_text ("\"status\": \"won\"", "");
  g_autofree char *plain = quote_text (NULL, "");
  g_autoptr(PbQuote) a = load_ok (accepted);
  g_autoptr(PbQuote) b = load_ok (plain);
  g_autoptr(JsonNode) a_saved = pb_quote_to_json (a);
  g_autoptr(JsonNode) b_saved = pb_quote_to_json (b);
  PbQuoteStatus status;

  g_assert_cmpint (pb_quote_get_status (a), ==, PB_QUOTE_STATUS_ACCEPTED);
  g_assert_cmpint (pb_quote_get_status (b), ==, PB_QUOTE_STATUS_DRAFT);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a_saved), "status"), ==, "accepted");
  g_assert_false (json_object_has_member (json_node_get_object (b_saved), "status"));
  g_assert_false (pb_quote_equal (a, b));
  assert_round_trip (a);
  assert_load_error (unknown, "test.pricebook:4:", "unknown status “won”", NULL);
  g_assert_true (pb_quote_status_from_string ("rejected", &status));
  g_assert_cmpint (status, ==, PB_QUOTE_STATUS_REJECTED);
  g_assert_cmpstr (pb_quote_status_to_string (PB_QUOTE_STATUS_SENT), ==, "sent");
}

/* a copy is equal, independent, and a new document. */
static void
test_copy (void)
{
  g_autofree char *path = data_path ("contract-example.pricebook");
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = pb_quote_new_from_file (path, &error);
  g_autoptr(PbQuote) copy = NULL;

  g_assert_no_error (error);
  pb_quote_set_status (quote, PB_QUOTE_STATUS_SENT);
  copy = pb_quote_copy (quote);
  g_assert_true (pb_quote_equal (quote, copy));
  g_assert_null (pb_quote_get_origin (copy));
  g_assert_null (pb_quote_item_get_origin (pb_quote_get_item (copy, 0)));
  g_assert_true (pb_quote_get_customer (copy) != pb_quote_get_customer (quote));
  g_assert_true (pb_quote_get_item (copy, 0) != pb_quote_get_item (quote, 0));
  pb_quote_item_set_months (pb_quote_get_item (copy, 0), 1);
  pb_customer_set_name (pb_quote_get_customer (copy), "Other");
  g_assert_cmpint (pb_quote_item_get_months (pb_quote_get_item (quote, 0)), ==, 12);
  g_assert_cmpstr (pb_customer_get_name (pb_quote_get_customer (quote)), ==, "示例科技有限公司");
  g_assert_false (pb_quote_equal (quote, copy));
}

static void
count_signal (gpointer instance, guint *count)
{
  (*count)++;
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* The quote's own view of its items agrees with the list model, position
 * by position, after each change. */
static void
assert_items_in_step (PbQuote *quote)
{
  GListModel *model = pb_quote_get_items (quote);
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (pb_quote_get_n_items (quote), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PbQuoteItem) item = g_list_model_get_item (model, i);

      g_assert_true (pb_quote_get_item (quote, i) == item);
    }
  g_assert_null (pb_quote_get_item (quote, n));
  g_assert_null (pb_quote_get_item (quote, G_MAXUINT));
}

/* A handler connected after the quote was made already sees the new list. */
static void
on_items_changed_check (GListModel *model, guint position, guint removed, guint added, PbQuote *quote)
{
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PbQuoteItem) item = g_list_model_get_item (model, position + i);

      g_assert_true (pb_quote_get_item (quote, position + i) == item);
    }
  g_assert_cmpuint (pb_quote_get_n_items (quote), ==, g_list_model_get_n_items (model));
}

/* items are read by position on every keystroke; whatever changes the
 * list, inserting, removing, or the model itself, each position gives the
 * item the model holds there, and none past the end. */
static void
test_items_in_step (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  PbItemKind kinds[] = { PB_ITEM_KIND_NUMBERS, PB_ITEM_KIND_CODE, PB_ITEM_KIND_BASE_FEE,
                         PB_ITEM_KIND_CUSTOM_PACKAGE, PB_ITEM_KIND_EXPANSION };
  g_autoptr(PbQuoteItem) spliced = pb_quote_item_new (PB_ITEM_KIND_FIXED_PACKAGE);
  gpointer additions[] = { spliced };

  g_signal_connect (pb_quote_get_items (quote), "items-changed", G_CALLBACK (on_items_changed_check), quote);
  assert_items_in_step (quote);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(PbQuoteItem) item = pb_quote_item_new (kinds[i]);

      /* At the end, at the start, in the middle, in turn. */
      pb_quote_insert_item (quote, i % 3 == 0 ? pb_quote_get_n_items (quote) : i % 3 == 1 ? 0
                                                : pb_quote_get_n_items (quote) / 2, item);
      assert_items_in_step (quote);
    }
  pb_quote_remove_item (quote, 2);
  assert_items_in_step (quote);
  pb_quote_remove_item (quote, pb_quote_get_n_items (quote) - 1);
  assert_items_in_step (quote);
  pb_quote_remove_item (quote, 0);
  assert_items_in_step (quote);
  /* The model is read-only by contract; even so, the quote keeps up. */
  g_list_store_splice (G_LIST_STORE (pb_quote_get_items (quote)), 0, 1, additions, 1);
  assert_items_in_step (quote);
  g_assert_true (pb_quote_get_item (quote, 0) == spliced);
  while (pb_quote_get_n_items (quote) > 0)
    {
      pb_quote_remove_item (quote, 0);
      assert_items_in_step (quote);
    }
}

/* "changed" after anything that can change the price or the checks,
 * so that the window re-prices on every keystroke. */
static void
test_changed_signal (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbQuoteItem) item = pb_quote_item_new (PB_ITEM_KIND_NUMBERS);
  g_autoptr(PbCustomer) customer = pb_customer_new ("A", NULL, FALSE);
  g_autoptr(PbCustomer) first_customer = g_object_ref (pb_quote_get_customer (quote));
  guint changed = 0, product_notified = 0;

  g_signal_connect (quote, "changed", G_CALLBACK (count_signal), &changed);
  pb_quote_set_discount (quote, 500);
  g_assert_cmpuint (changed, ==, 1);
  pb_quote_set_discount (quote, 500);              /* no change, no signal */
  g_assert_cmpuint (changed, ==, 1);
  pb_customer_set_enterprise (pb_quote_get_customer (quote), TRUE);
  g_assert_cmpuint (changed, ==, 2);
  pb_quote_append_item (quote, item);
  g_assert_cmpuint (changed, ==, 3);
  pb_quote_item_set_months (item, 12);
  g_assert_cmpuint (changed, ==, 4);
  g_object_set (item, "numbers", (gint64) 3, NULL);
  g_assert_cmpuint (changed, ==, 5);
  pb_quote_set_language (quote, PB_QUOTE_LANGUAGE_ZH_CN);
  pb_quote_set_live_base_fee_until (quote, 0);
  pb_quote_set_number (quote, "Q-9");
  pb_quote_set_currency (quote, "USD");
  pb_quote_set_valid_days (quote, 7);
  pb_quote_set_date (quote, 86400);
  pb_quote_set_status (quote, PB_QUOTE_STATUS_SENT);
  g_assert_cmpuint (changed, ==, 12);

  /* A new customer is followed, the old one no longer. */
  pb_quote_set_customer (quote, customer);
  g_assert_cmpuint (changed, ==, 13);
  pb_customer_set_enterprise (first_customer, FALSE);
  g_assert_cmpuint (changed, ==, 13);
  pb_customer_set_enterprise (customer, TRUE);
  g_assert_cmpuint (changed, ==, 14);

  /* A removed item no longer changes the quote. */
  pb_quote_remove_item (quote, 0);
  g_assert_cmpuint (changed, ==, 15);
  pb_quote_item_set_months (item, 6);
  g_assert_cmpuint (changed, ==, 15);
  g_assert_cmpuint (pb_quote_get_n_items (quote), ==, 0);

  /* the product follows the kind and says so. */
  g_signal_connect (item, "notify::product", G_CALLBACK (count_notify), &product_notified);
  pb_quote_item_set_kind (item, PB_ITEM_KIND_FIXED_PACKAGE);
  g_assert_cmpuint (product_notified, ==, 0);
  pb_quote_item_set_kind (item, PB_ITEM_KIND_CODE);
  g_assert_cmpuint (product_notified, ==, 1);
  g_assert_cmpint (pb_quote_item_get_product (item), ==, PB_PRODUCT_LIVE);
}

/* the words of the file format, both ways. */
static void
test_enum_strings (void)
{
  const char *kinds[] = { "numbers", "fixed_package", "custom_package", "base_fee", "code", "expansion" };
  PbItemKind kind;
  PbProduct product;
  PbQuoteLanguage language;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_true (pb_item_kind_from_string (kinds[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (pb_item_kind_to_string (kind), ==, kinds[i]);
      g_assert_cmpint (pb_item_kind_get_product (kind), ==, i < 3 ? PB_PRODUCT_VOICE : PB_PRODUCT_LIVE);
    }
  g_assert_false (pb_item_kind_from_string ("Numbers", &kind));
  g_assert_false (pb_item_kind_from_string (NULL, &kind));
  g_assert_true (pb_product_from_string ("live", &product));
  g_assert_cmpint (product, ==, PB_PRODUCT_LIVE);
  g_assert_cmpstr (pb_product_to_string (PB_PRODUCT_VOICE), ==, "voice");
  g_assert_false (pb_product_from_string ("sms", &product));
  g_assert_true (pb_quote_language_from_string ("zh_CN", &language));
  g_assert_cmpint (language, ==, PB_QUOTE_LANGUAGE_ZH_CN);
  g_assert_false (pb_quote_language_from_string ("zh", &language));
}

/* The contract's "Quotation details": every member read, written back only
 * when given, equal after a round trip, copied with the quote. */
static const char details_customer[] =
  "{ \"name\": \"杭州云帆网络科技有限公司\", \"enterprise\": true, \"contact\": \"王丽\",\n"
  "    \"address\": \"杭州市西湖区文三路 90 号\", \"tax_id\": \"91330100MA2XXXXXXX\",\n"
  "    \"bank\": \"招商银行杭州分行\", \"bank_account\": \"5719 0000 0000 0000\" }";

static char *
details_text (const char *customer, const char *extra)
{
  return g_strdup_printf ("{ \"format\": \"pricebook-quote/1\",\n"
                          "  \"number\": \"Q-1\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
                          "  \"customer\": %s,\n"
                          "  %s%s\"items\": [] }\n",
                          customer, extra ? extra : "", extra ? ",\n  " : "");
}

static void
test_details (void)
{
  g_autofree char *text = details_text (details_customer,
                                        "\"tax\": { \"basis\": \"exclusive\", \"rate_percent\": \"9.5\" },\n"
                                        "  \"payment_terms\": \"100% prepayment within 5 business days of signing\",\n"
                                        "  \"notes\": \"第一行\\n第二行\", \"revision\": 2");
  g_autoptr(PbQuote) quote = load_ok (text);
  g_autoptr(PbQuote) again = NULL;
  g_autoptr(PbQuote) copy = NULL;
  g_autofree char *saved = NULL;
  PbCustomer *customer = pb_quote_get_customer (quote);

  g_assert_cmpstr (pb_customer_get_address (customer), ==, "杭州市西湖区文三路 90 号");
  g_assert_cmpstr (pb_customer_get_tax_id (customer), ==, "91330100MA2XXXXXXX");
  g_assert_cmpstr (pb_customer_get_bank (customer), ==, "招商银行杭州分行");
  g_assert_cmpstr (pb_customer_get_bank_account (customer), ==, "5719 0000 0000 0000");
  g_assert_true (pb_quote_get_tax_set (quote));
  g_assert_cmpint (pb_quote_get_tax_basis (quote), ==, PB_TAX_EXCLUSIVE);
  g_assert_cmpint (pb_quote_get_tax_rate (quote), ==, 950);
  g_assert_cmpstr (pb_quote_get_payment_terms (quote), ==, "100% prepayment within 5 business days of signing");
  g_assert_cmpstr (pb_quote_get_notes (quote), ==, "第一行\n第二行");
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 2);

  saved = pb_quote_to_string (quote);
  g_assert_nonnull (strstr (saved, "\"rate_percent\" : \"9.5\""));
  g_assert_nonnull (strstr (saved, "\"basis\" : \"exclusive\""));
  g_assert_nonnull (strstr (saved, "\"tax_id\" : \"91330100MA2XXXXXXX\""));
  again = load_ok (saved);
  g_assert_true (pb_quote_equal (quote, again));
  copy = pb_quote_copy (quote);
  g_assert_true (pb_quote_equal (quote, copy));
  g_assert_cmpstr (pb_customer_get_bank_account (pb_quote_get_customer (copy)), ==, "5719 0000 0000 0000");

  /* Each detail counts in equality. */
  pb_customer_set_tax_id (pb_quote_get_customer (copy), "X");
  g_assert_false (pb_quote_equal (quote, copy));
  pb_customer_set_tax_id (pb_quote_get_customer (copy), "91330100MA2XXXXXXX");
  pb_quote_set_tax_rate (copy, 900);
  g_assert_false (pb_quote_equal (quote, copy));
  pb_quote_set_tax_rate (copy, 950);
  pb_quote_set_tax_set (copy, FALSE);
  g_assert_false (pb_quote_equal (quote, copy));
  pb_quote_set_tax_set (copy, TRUE);
  pb_quote_set_revision (copy, 0);
  g_assert_false (pb_quote_equal (quote, copy));
  pb_quote_set_revision (copy, 2);
  pb_quote_set_notes (copy, "");
  g_assert_false (pb_quote_equal (quote, copy));
  pb_quote_set_notes (copy, "第一行\n第二行");
  g_assert_true (pb_quote_equal (quote, copy));
}

/* Old files stay valid and are written back as they were: no "tax" (the
 * catalog's default then applies, Q-7), no empty details. */
static void
test_details_absent (void)
{
  g_autofree char *text = details_text ("{ \"name\": \"Acme\", \"enterprise\": true }", NULL);
  g_autoptr(PbQuote) quote = load_ok (text);
  g_autofree char *saved = pb_quote_to_string (quote);
  const char *absent[] = { "tax", "basis", "payment_terms", "notes", "revision", "address", "tax_id", "bank" };

  g_assert_false (pb_quote_get_tax_set (quote));
  g_assert_cmpstr (pb_quote_get_payment_terms (quote), ==, "");
  g_assert_cmpstr (pb_quote_get_notes (quote), ==, "");
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 0);
  g_assert_cmpstr (pb_customer_get_address (pb_quote_get_customer (quote)), ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    {
      g_autofree char *member = g_strdup_printf ("\"%s\"", absent[i]);

      if (strstr (saved, member) != NULL)
        g_error ("%s is written though not given:\n%s", member, saved);
    }
}

/* wrong details are refused by member, with the rule. */
static void
test_details_refused (void)
{
  g_autofree char *long_line = g_strnfill (PB_TEXT_MAX_LINE + 1, 'x');
  g_autofree char *longest_line = g_strnfill (PB_TEXT_MAX_LINE, 'x');
  g_autofree char *long_notes = g_strnfill (PB_TEXT_MAX_PARAGRAPHS + 1, 'y');
  struct { const char *extra; const char *needle; const char *rule; } cases[] = {
    { "\"tax\": { \"basis\": \"gross\", \"rate_percent\": \"6\" }", "unknown basis", "Q-7" },
    { "\"tax\": { \"basis\": \"inclusive\", \"rate_percent\": \"100.01\" }", "rate_percent", "Q-7" },
    { "\"tax\": { \"basis\": \"inclusive\", \"rate_percent\": \"6.125\" }", "rate_percent", "Q-7" },
    { "\"tax\": { \"basis\": \"inclusive\", \"rate_percent\": \"-1\" }", "rate_percent", "Q-7" },
    { "\"tax\": { \"basis\": \"inclusive\", \"rate_percent\": 6 }", "rate_percent", "Q-7" },
    { "\"tax\": { \"basis\": \"inclusive\" }", "rate_percent", "Q-7" },
    { "\"tax\": { \"rate_percent\": \"6\" }", "basis", "Q-7" },
    { "\"tax\": { \"basis\": \"inclusive\", \"rate_percent\": \"6\", \"rate\": 6 }", "rate", NULL },
    { "\"tax\": \"6\"", "tax", NULL },
    { "\"revision\": 0", "revision", "Q-1" },
    { "\"revision\": 1000", "revision", "Q-1" },
    { "\"revision\": \"2\"", "revision", "Q-1" },
    { "\"notes\": 5", "notes", NULL },
    { "\"payment_terms\": \"a\\u0007b\"", "U+0007", "Q-1" },
  };
  g_autofree char *notes = g_strdup_printf ("\"notes\": \"%s\"", long_notes);
  g_autofree char *address = g_strdup_printf ("{ \"name\": \"A\", \"enterprise\": true, \"address\": \"%s\" }",
                                              long_line);
  g_autofree char *longest = g_strdup_printf ("{ \"name\": \"A\", \"enterprise\": true, \"bank\": \"%s\" }",
                                              longest_line);
  g_autofree char *text = NULL;
  g_autoptr(PbQuote) taken = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_free (text);
      text = details_text ("{ \"name\": \"A\", \"enterprise\": true }", cases[i].extra);
      assert_load_error (text, "test.pricebook:", cases[i].needle, cases[i].rule, NULL);
    }
  g_free (text);
  text = details_text ("{ \"name\": \"A\", \"enterprise\": true }", notes);
  assert_load_error (text, "notes", "2000", "2001", "Q-1", NULL);
  g_free (text);
  text = details_text (address, NULL);
  assert_load_error (text, "customer", "address", "200", "Q-1", NULL);
  g_free (text);
  text = details_text ("{ \"name\": \"A\", \"enterprise\": true, \"tax_id\": \"9133\\n0100\" }", NULL);
  assert_load_error (text, "tax_id", "U+000A", "one line", NULL);
  g_free (text);
  text = details_text ("{ \"name\": \"A\", \"enterprise\": true, \"iban\": \"X\" }", NULL);
  assert_load_error (text, "iban", NULL);
  /* The longest text is taken. */
  g_free (text);
  text = details_text (longest, NULL);
  taken = load_ok (text);
  g_assert_cmpstr (pb_customer_get_bank (pb_quote_get_customer (taken)), ==, longest_line);
}

/* The setters notify their property and the quote says "changed" once per
 * change; pb_quote_set_tax states basis and rate in one change. */
static void
test_details_signals (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  guint changed = 0, notified = 0, customer_notified = 0;

  g_signal_connect (quote, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (quote, "notify", G_CALLBACK (count_notify), &notified);
  g_signal_connect (pb_quote_get_customer (quote), "notify::tax-id", G_CALLBACK (count_notify),
                    &customer_notified);
  pb_quote_set_payment_terms (quote, "Net 30");
  pb_quote_set_notes (quote, "Hi");
  pb_quote_set_revision (quote, 3);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (notified, ==, 3);
  pb_quote_set_notes (quote, "Hi");
  g_assert_cmpuint (changed, ==, 3);
  pb_quote_set_tax (quote, PB_TAX_EXCLUSIVE, 1300);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpuint (notified, ==, 6);
  pb_quote_set_tax (quote, PB_TAX_EXCLUSIVE, 1300);
  g_assert_cmpuint (changed, ==, 4);
  g_object_set (quote, "tax-set", FALSE, NULL);
  g_assert_cmpuint (changed, ==, 5);
  g_object_set (pb_quote_get_customer (quote), "tax-id", "91", NULL);
  g_assert_cmpuint (customer_notified, ==, 1);
  g_assert_cmpuint (changed, ==, 6);
  pb_customer_set_tax_id (pb_quote_get_customer (quote), "91");
  g_assert_cmpuint (customer_notified, ==, 1);
}

/* What an export would lack: the window asks, the CLI warns. */
static void
test_missing (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbQuoteItem) item = pb_quote_item_new (PB_ITEM_KIND_BASE_FEE);
  g_autofree char *both = NULL, *name = NULL;

  g_assert_cmpint (pb_quote_get_missing (quote), ==,
                   PB_QUOTE_MISSING_CUSTOMER_NAME | PB_QUOTE_MISSING_ITEMS);
  both = pb_quote_missing_to_string (pb_quote_get_missing (quote));
  g_assert_cmpstr (both, ==, "The quote has no customer name and no items.");
  pb_customer_set_name (pb_quote_get_customer (quote), "  ");
  pb_quote_append_item (quote, item);
  g_assert_cmpint (pb_quote_get_missing (quote), ==, PB_QUOTE_MISSING_CUSTOMER_NAME);
  name = pb_quote_missing_to_string (pb_quote_get_missing (quote));
  g_assert_cmpstr (name, ==, "The quote has no customer name.");
  pb_customer_set_name (pb_quote_get_customer (quote), "Acme");
  g_assert_cmpint (pb_quote_get_missing (quote), ==, PB_QUOTE_MISSING_NONE);
  g_assert_null (pb_quote_missing_to_string (PB_QUOTE_MISSING_NONE));
}

/* Issue 17, item 6: a sent quote saved with changes is a new revision;
 * marking it sent, changing only its status, or a draft is none. */
static void
test_revise (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbQuote) saved = NULL;
  g_autoptr(PbQuoteItem) item = pb_quote_item_new (PB_ITEM_KIND_BASE_FEE);

  pb_customer_set_name (pb_quote_get_customer (quote), "Acme");
  pb_quote_append_item (quote, item);
  saved = pb_quote_copy (quote);
  /* A draft changed: no revision. */
  pb_quote_set_notes (quote, "Call first");
  g_assert_false (pb_quote_revise (quote, saved));
  /* Marked sent: the first revision, not stated. */
  pb_quote_set_status (quote, PB_QUOTE_STATUS_SENT);
  g_assert_false (pb_quote_revise (quote, saved));
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 0);
  g_clear_object (&saved);
  saved = pb_quote_copy (quote);
  /* Saved unchanged: none. */
  g_assert_false (pb_quote_revise (quote, saved));
  /* Changed once sent: rev. 2, and once only until it is saved. */
  pb_quote_set_notes (quote, "Call first, then e-mail");
  g_assert_true (pb_quote_revise (quote, saved));
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 2);
  g_assert_false (pb_quote_revise (quote, saved));
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 2);
  g_clear_object (&saved);
  saved = pb_quote_copy (quote);
  pb_quote_item_set_years (pb_quote_get_item (quote, 0), 2);
  g_assert_true (pb_quote_revise (quote, saved));
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 3);
  /* Accepted: a change of status alone is no revision. */
  g_clear_object (&saved);
  saved = pb_quote_copy (quote);
  pb_quote_set_status (quote, PB_QUOTE_STATUS_ACCEPTED);
  g_assert_false (pb_quote_revise (quote, saved));
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 3);
}

/* The documented example's history up to its renewal (EL-3, EL-7, EL-10),
 * as a quote's account. */
#define HISTORY \
  "\"account\": { \"events\": [\n" \
  "    { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" },\n" \
  "    { \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\", \"note\": \"备注\" },\n" \
  "    { \"at\": \"2020-05-01T15:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"B\" } ] }"

/* A quote dated 2026-11-22 holding @history (an "account" member). */
static char *
quote_with_history (const char *history)
{
  return quote_text (history, "{ \"product\": \"live\", \"kind\": \"code\", \"tier\": \"standard\" }");
}

/* The account's events are read as a scenario's (same members, same
 * checks), kept in order with their notes, written back as read, and part
 * of the quote's equality and copy. */
static void
test_account_events (void)
{
  g_autofree char *text = quote_with_history (HISTORY);
  g_autoptr(PbQuote) quote = load_ok (text);
  g_autoptr(PbQuote) copy = NULL;
  g_autoptr(PbQuote) again = NULL;
  g_autofree char *saved = NULL;
  PbScenario *account = pb_quote_get_account (quote);

  g_assert_nonnull (account);
  g_assert_cmpuint (pb_scenario_get_n_events (account), ==, 3);
  g_assert_cmpint (pb_scenario_get_event (account, 1)->type, ==, PB_EVENT_LIVE_CODE_BIND);
  g_assert_cmpstr (pb_scenario_get_event (account, 1)->note, ==, "备注");
  g_assert_cmpint (pb_scenario_get_event (account, 2)->at, ==, pb_time_from_parts (2020, 5, 1, 15, 0, 0));

  saved = pb_quote_to_string (quote);
  g_assert_nonnull (strstr (saved, "\"gift_code\" : \"B\""));
  again = load_ok (saved);
  g_assert_true (pb_quote_equal (quote, again));
  copy = pb_quote_copy (quote);
  g_assert_true (pb_quote_equal (quote, copy));
  g_assert_true (pb_quote_get_account (copy) != account);

  /* A history changed is a quote changed. */
  pb_scenario_set_event_enabled (pb_quote_get_account (copy), 1, FALSE);
  g_assert_false (pb_quote_equal (quote, copy));
  pb_quote_set_account (copy, NULL);
  g_assert_null (pb_quote_get_account (copy));
  g_assert_false (pb_quote_equal (quote, copy));
}

static void
on_changed (PbQuote *quote, guint *count)
{
  (*count)++;
}

/* Editing the history through the quote's accessor is a change the window
 * re-prices on. */
static void
test_account_changed (void)
{
  g_autofree char *text = quote_with_history (HISTORY);
  g_autoptr(PbQuote) quote = load_ok (text);
  PbScenarioEvent event;
  guint count = 0;

  g_signal_connect (quote, "changed", G_CALLBACK (on_changed), &count);
  pb_scenario_event_init (&event, PB_EVENT_LIVE_CODE_BIND, pb_time_from_parts (2020, 5, 2, 10, 0, 0), "B");
  g_assert_cmpint (pb_scenario_append_event (pb_quote_get_account (quote), &event, NULL), ==, 3);
  g_assert_cmpuint (count, ==, 1);
  pb_quote_set_account (quote, NULL);
  g_assert_cmpuint (count, ==, 2);
}

/* the history is what happened before the quote: an event at or after
 * its date (2026-11-22 00:00) is an input error naming the event, its
 * place and why; a malformed event is refused as a scenario's is. */
static void
test_account_events_refused (void)
{
  g_autofree char *late = quote_with_history (
    "\"account\": { \"events\": [\n"
    "    { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" },\n"
    "    { \"at\": \"2026-11-22T00:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\" } ] }");
  g_autofree char *before = quote_with_history (
    "\"account\": { \"events\": [\n"
    "    { \"at\": \"2026-11-21T23:59:59+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" } ] }");
  g_autofree char *tier = quote_with_history (
    "\"account\": { \"events\": [\n"
    "    { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\", \"tier\": \"gold\" } ] }");
  g_autofree char *member = quote_with_history (
    "\"account\": { \"events\": [\n"
    "    { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"C\", \"viewers\": 3 } ] }");
  g_autofree char *twice = quote_with_history (
    "\"account\": { \"events\": [\n"
    "    { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" },\n"
    "    { \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" } ] }");
  g_autofree char *unknown = quote_with_history ("\"account\": { \"history\": [] }");
  g_autoptr(PbQuote) ok = NULL;

  assert_load_error (late, "test.pricebook:6:", "account: event 1 (live.code.bind)", "2026-11-22T00:00:00+08:00",
                     "not before the quote's date 2026-11-22", "Q-1", NULL);
  ok = load_ok (before);
  g_assert_cmpuint (pb_scenario_get_n_events (pb_quote_get_account (ok)), ==, 1);
  assert_load_error (tier, "test.pricebook:5:", "account: event 0 (live.code.buy)", "unknown tier “gold”",
                     "EL-4", NULL);
  assert_load_error (member, "account: event 0 (live.code.bind)", "unknown member “viewers”", NULL);
  assert_load_error (twice, "account: event 1 (live.base_fee.buy)", "already bought by event 0", NULL);
  assert_load_error (unknown, "unknown member “history”", NULL);
}

/* "Quote from here": the simulator's enabled events up to the instant are
 * the new quote's history, dated that day, or the next when the history
 * already holds an event on it. */
static void
test_quote_from_account (void)
{
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (NULL);
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_resource (PB_SCENARIO_RESOURCE_DIR "customer-a.pbscenario",
                                                                  catalog, NULL);
  g_autoptr(PbQuote) morning = NULL;
  g_autoptr(PbQuote) evening = NULL;
  g_autoptr(PbQuote) what_if = NULL;
  PbScenario *history;

  g_assert_nonnull (scenario);
  /* 2020-05-01 10:00: A bought and bound, the renewal at 15:00 not yet. */
  morning = pb_quote_new_from_account (scenario, pb_time_from_parts (2020, 5, 1, 10, 0, 0));
  history = pb_quote_get_account (morning);
  g_assert_cmpuint (pb_scenario_get_n_events (history), ==, 2);
  g_assert_cmpint (pb_quote_get_date (morning), ==, pb_time_from_parts (2020, 5, 1, 0, 0, 0));
  g_assert_true (pb_customer_get_enterprise (pb_quote_get_customer (morning)));
  /* At 16:00 the renewal and B's expansion are history, and happened that day: the quote is
   * dated the next day, after it. */
  evening = pb_quote_new_from_account (scenario, pb_time_from_parts (2020, 5, 1, 16, 0, 0));
  g_assert_cmpuint (pb_scenario_get_n_events (pb_quote_get_account (evening)), ==, 4);
  g_assert_cmpint (pb_quote_get_date (evening), ==, pb_time_from_parts (2020, 5, 2, 0, 0, 0));
  /* A what-if switched off is not history. */
  pb_scenario_set_event_enabled (scenario, 1, FALSE);
  what_if = pb_quote_new_from_account (scenario, pb_time_from_parts (2020, 5, 1, 10, 0, 0));
  g_assert_cmpuint (pb_scenario_get_n_events (pb_quote_get_account (what_if)), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quote-json/Q-1/contract-example", test_contract_example);
  g_test_add_func ("/quote-json/Q-2/defaults", test_defaults);
  g_test_add_func ("/quote-json/Q-1/round-trip/files", test_round_trip_files);
  g_test_add_func ("/quote-json/Q-1/round-trip/memory", test_round_trip_memory);
  g_test_add_func ("/quote-json/Q-1/dates", test_dates);
  g_test_add_func ("/quote-json/Q-2/kinds", test_kinds);
  g_test_add_func ("/quote-json/Q-4/ranges", test_ranges);
  g_test_add_func ("/quote-json/Q-1/header", test_header);
  g_test_add_func ("/quote-json/Q-3/discount", test_discount);
  g_test_add_func ("/quote-json/EL-7/account", test_account);
  g_test_add_func ("/quote-json/EL-3/EL-7/EL-10/account-events", test_account_events);
  g_test_add_func ("/quote-json/Q-1/account-changed", test_account_changed);
  g_test_add_func ("/quote-json/Q-1/EL-4/account-events-refused", test_account_events_refused);
  g_test_add_func ("/quote-json/Q-1/quote-from-account", test_quote_from_account);
  g_test_add_func ("/quote-json/Q-1/language", test_language);
  g_test_add_func ("/quote-json/VM-1/voucher-member", test_voucher_member);
  g_test_add_func ("/quote-json/Q-4/guarded-input", test_guarded_input);
  g_test_add_func ("/quote-json/Q-1/too-many-items", test_too_many_items);
  g_test_add_func ("/quote-json/Q-1/status", test_status);
  g_test_add_func ("/quote-json/Q-1/copy", test_copy);
  g_test_add_func ("/quote-json/Q-1/changed-signal", test_changed_signal);
  g_test_add_func ("/quote-json/Q-1/items-in-step", test_items_in_step);
  g_test_add_func ("/quote-json/Q-2/enum-strings", test_enum_strings);
  g_test_add_func ("/quote-json/Q-7/details", test_details);
  g_test_add_func ("/quote-json/Q-7/details-absent", test_details_absent);
  g_test_add_func ("/quote-json/Q-7/details-refused", test_details_refused);
  g_test_add_func ("/quote-json/Q-1/details-signals", test_details_signals);
  g_test_add_func ("/quote-json/Q-1/missing", test_missing);
  g_test_add_func ("/quote-json/Q-1/revise", test_revise);

  return g_test_run ();
}
