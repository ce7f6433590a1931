/* test-cli-quote.c: `pricebook-cli quote QUOTE.json`, as outside tests see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract: the priced quote as JSON on stdout and exit 0; or exit 2,
 * nothing on stdout, and stderr naming the file, line:column, the item and
 * the rule.  Never a crash, whatever the file holds.
 */
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "pb-test-cli.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "quotes", name, NULL);
}

/* A quote file around @items, written to a temporary folder. */
static char *
write_quote (const char *customer, const char *items)
{
  g_autofree char *text = g_strdup_printf (
    "{ \"format\": \"pricebook-quote/1\",\n"
    "  \"number\": \"Q-T\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": %s,\n"
    "  \"items\": [\n%s\n  ] }\n",
    customer ? customer : "{ \"name\": \"测试科技有限公司\", \"enterprise\": true }", items);

  return pb_test_write_temp ("quote.pricebook", text, -1);
}

static const char *
money_member (JsonObject *object, const char *member)
{
  return json_object_get_string_member (object, member);
}

/* The contract's example, priced by hand (see test-pricing.c): items
 * ¥1,800 + ¥20,000 + ¥2,625 + ¥140,000 + ¥117,000 + ¥1,000,000 =
 * ¥1,281,425.00; 5 % off = ¥64,071.25; total ¥1,217,353.75. */
static void
test_contract_example (void)
{
  g_autofree char *path = data_path ("contract-example.pricebook");
  g_auto(PbCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *items, *lines, *terms;
  const char *amounts[] = { "1800.00", "20000.00", "2625.00", "140000.00", "117000.00", "1000000.00" };
  const guint n_lines[] = { 1, 1, 1, 2, 2, 1 };

  pb_cli_run (&run, "quote", path, NULL);
  root = pb_cli_run_json (&run);
  g_assert_cmpstr (run.err, ==, "");
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "number"), ==, "Q-2026-0001");
  items = json_object_get_array_member (object, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_cmpstr (money_member (item, "amount"), ==, amounts[i]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "lines")), ==, n_lines[i]);
    }
  lines = json_object_get_array_member (json_array_get_object_element (items, 0), "lines");
  {
    JsonObject *line = json_array_get_object_element (lines, 0);

    g_assert_cmpstr (json_object_get_string_member (line, "description"), ==,
                     "Voice Message number monthly fee (3 numbers × 12 months)");
    g_assert_cmpint (json_object_get_int_member (line, "quantity"), ==, 36);
    g_assert_cmpstr (money_member (line, "unit_price"), ==, "50.00");
    g_assert_cmpstr (money_member (line, "amount"), ==, "1800.00");
  }
  /* EL-3: the gifted Flagship code is a ¥0 line inside the base-fee item. */
  lines = json_object_get_array_member (json_array_get_object_element (items, 3), "lines");
  g_assert_cmpstr (money_member (json_array_get_object_element (lines, 1), "amount"), ==, "0.00");
  g_assert_cmpstr (money_member (object, "subtotal"), ==, "1281425.00");
  g_assert_cmpstr (money_member (object, "discount"), ==, "64071.25");
  g_assert_cmpstr (money_member (object, "total"), ==, "1217353.75");
  terms = json_object_get_array_member (object, "terms");
  g_assert_cmpuint (json_array_get_length (terms), >, 0);
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < json_array_get_length (terms); i++)
      g_string_append_printf (all, "%s\n", json_array_get_string_element (terms, i));
    g_assert_nonnull (strstr (all->str, "(EL-11)"));
    g_assert_nonnull (strstr (all->str, "(EL-7)"));
    g_assert_nonnull (strstr (all->str, "(VM-1)"));
    g_assert_nonnull (strstr (all->str, "(EL-6)"));
  }
  /* Q-6, VM-6: one custom 225,000-minute package costs ¥125 less than the
   * example's packages. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "warnings")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "warnings"), 0), ==,
                   "quote: the quote's minute packages cost ¥22,625.00 for 225,000 minutes together, ¥125.00 more "
                   "than the cheapest packages covering the same minutes; replace them with 1 × custom "
                   "225,000-minute package for ¥22,500.00 (VM-6)");
}

/* the shipped sample of both products, with a Chinese customer. */
static void
test_sample (void)
{
  g_autofree char *path = data_path ("sample.pricebook");
  g_auto(PbCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  pb_cli_run (&run, "quote", path, NULL);
  root = pb_cli_run_json (&run);
  /* 24 × ¥50 + ¥10,000 + 30,000 × ¥0.105 + ¥140,000 + 2 × (¥9,000 + 100 × ¥100)
   * = ¥192,350.00; 3.5 % = ¥6,732.25. */
  g_assert_cmpstr (money_member (json_node_get_object (root), "total"), ==, "185617.75");
  /* Q-6, VM-6: fixed 100,000 + custom 30,000 minutes cost ¥150 more than
   * custom 130,000; the only warning, a sentence ending with its rule. */
  {
    JsonArray *warnings = json_object_get_array_member (json_node_get_object (root), "warnings");

    g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
    g_assert_nonnull (strstr (json_array_get_string_element (warnings, 0), "¥150.00 more"));
    g_assert_true (g_str_has_suffix (json_array_get_string_element (warnings, 0), "(VM-6)"));
  }
}

/* The tax object of @run's output, checked member by member. */
static void
assert_tax (PbCliRun *run, const char *basis, const char *rate, const char *net, const char *tax,
            const char *gross)
{
  g_autoptr(JsonNode) root = pb_cli_run_json (run);
  JsonObject *object = json_object_get_object_member (json_node_get_object (root), "tax");

  g_assert_nonnull (object);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "basis"), ==, basis);
  g_assert_cmpstr (json_object_get_string_member (object, "rate_percent"), ==, rate);
  g_assert_cmpstr (money_member (object, "net"), ==, net);
  g_assert_cmpstr (money_member (object, "tax"), ==, tax);
  g_assert_cmpstr (money_member (object, "gross"), ==, gross);
}

/* `quote` adds "tax", from the quote's total T in fen: the catalog's
 * inclusive 6 % when the quote states none (and a Q-7 assumption in the
 * terms), or the quote's own basis and rate.  By hand: the sample's total
 * ¥185,617.75 / 1.06 = ¥175,111.0849 → 175,111.08; ¥1,200.00 excl. 9.5 %
 * = ¥114.00 tax; incl. 13 %: 120,000 / 1.13 = 106,194.69 fen. */
static void
test_tax (void)
{
  const char *numbers = "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 2, \"months\": 12 }";
  g_autofree char *sample = data_path ("sample.pricebook");
  g_auto(PbCliRun) run = { 0 };
  struct { const char *tax; const char *basis, *rate, *net, *tax_amount, *gross; } cases[] = {
    { "\"tax\": { \"basis\": \"exclusive\", \"rate_percent\": \"9.5\" }", "exclusive", "9.5", "1200.00",
      "114.00", "1314.00" },
    { "\"tax\": { \"basis\": \"inclusive\", \"rate_percent\": \"13\" }", "inclusive", "13", "1061.95",
      "138.05", "1200.00" },
    { "\"tax\": { \"basis\": \"inclusive\", \"rate_percent\": \"0\" }", "inclusive", "0", "1200.00",
      "0.00", "1200.00" },
  };

  pb_cli_run (&run, "quote", sample, NULL);
  assert_tax (&run, "inclusive", "6", "175111.08", "10506.67", "185617.75");
  g_assert_nonnull (strstr (run.out, "6 % VAT"));
  g_assert_nonnull (strstr (run.out, "(Q-7)"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q-T\", \"date\": \"2026-11-22\",\n"
        "  \"valid_days\": 30, \"customer\": { \"name\": \"A\", \"enterprise\": true },\n"
        "  %s, \"items\": [ %s ] }\n", cases[i].tax, numbers);
      g_autofree char *path = pb_test_write_temp ("tax.pricebook", text, -1);
      g_auto(PbCliRun) priced = { 0 };

      pb_cli_run (&priced, "quote", path, NULL);
      assert_tax (&priced, cases[i].basis, cases[i].rate, cases[i].net, cases[i].tax_amount, cases[i].gross);
      g_assert_null (strstr (priced.out, "(Q-7)"));
    }
  {
    g_autofree char *text = g_strdup_printf (
      "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q-T\", \"date\": \"2026-11-22\",\n"
      "  \"valid_days\": 30, \"customer\": { \"name\": \"A\", \"enterprise\": true },\n"
      "  \"tax\": { \"basis\": \"inclusive\", \"rate_percent\": \"101\" }, \"items\": [ %s ] }\n", numbers);
    g_autofree char *path = pb_test_write_temp ("tax.pricebook", text, -1);
    g_auto(PbCliRun) refused = { 0 };

    pb_cli_run (&refused, "quote", path, NULL);
    pb_assert_input_error (&refused, "tax.pricebook:3:", "rate_percent", "Q-7", NULL);
  }
}

/* Malformed JSON: the message says where. */
static void
test_malformed (void)
{
  g_autofree char *path = pb_test_write_temp ("bad.pricebook",
    "{ \"format\": \"pricebook-quote/1\",\n  \"number\": \"Q\" \"date\": \"2026-11-22\" }\n", -1);
  g_autofree char *where = g_strdup_printf ("%s:2:", path);
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, where, "malformed JSON", NULL);
}

static void
test_empty (void)
{
  g_autofree char *path = pb_test_write_temp ("empty.pricebook", "", 0);
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, path, "empty", NULL);
}

static void
test_binary (void)
{
  static const char bytes[] = { 0x7f, 'E', 'L', 'F', 0x02, 0x01, 0x00, 0x00, (char) 0xff, (char) 0xfe };
  g_autofree char *path = pb_test_write_temp ("binary.pricebook", bytes, sizeof bytes);
  g_autofree char *utf16 = pb_test_write_temp ("utf16.pricebook", "\xff\xfe{\x00}\x00", 6);
  g_autofree char *latin1 = pb_test_write_temp ("latin1.pricebook", "{ \"number\": \"caf\xe9\" }", -1);
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) run2 = { 0 };
  g_auto(PbCliRun) run3 = { 0 };

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, path, "binary", NULL);
  pb_cli_run (&run2, "quote", utf16, NULL);
  pb_assert_input_error (&run2, utf16, NULL);
  pb_cli_run (&run3, "quote", latin1, NULL);
  pb_assert_input_error (&run3, latin1, "UTF-8", NULL);
}

/* Every prefix of a good file is refused, never half-priced. */
static void
test_truncated (void)
{
  g_autofree char *good = data_path ("contract-example.pricebook");
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (good, &text, &length, NULL));
  for (gsize cut = 0; cut + 2 < length; cut += 37)
    {
      g_autofree char *path = pb_test_write_temp ("truncated.pricebook", text, (gssize) cut);
      g_auto(PbCliRun) run = { 0 };

      pb_cli_run (&run, "quote", path, NULL);
      pb_assert_input_error (&run, path, NULL);
    }
}

/* Numbers are JSON integers in range: strings, fractions and huge numbers
 * are refused, naming the member, the item and the place. */
static void
test_wrong_types (void)
{
  static const struct { const char *value; const char *needle; } cases[] = {
    { "\"12\"", "a string" },
    { "12.5", "a fraction" },
    { "1e400", "whole number" },
    { "99999999999999999999", "too large" },
    { "-99999999999999999999", "too large" },
    { "-3", "outside the range" },
    { "1201", "outside the range 0 to 1200" },
    { "null", "not null" },
    { "[12]", "not an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *item = g_strdup_printf (
        "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": %s }",
        cases[i].value);
      g_autofree char *path = write_quote (NULL, item);
      g_autofree char *where = g_strdup_printf ("%s:5:", path);
      g_auto(PbCliRun) run = { 0 };

      pb_cli_run (&run, "quote", path, NULL);
      pb_assert_input_error (&run, where, "item 0 (numbers)", "“months”", cases[i].needle, "VM-3", NULL);
    }
}

static void
test_deep_nesting (void)
{
  GString *text = g_string_new ("{ \"format\": \"pricebook-quote/1\", \"items\": ");
  g_autofree char *path = NULL;
  g_auto(PbCliRun) run = { 0 };

  for (int i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  path = pb_test_write_temp ("deep.pricebook", text->str, (gssize) text->len);
  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, path, "nested", NULL);
  g_string_free (text, TRUE);
}

/* the date is a day that exists. */
static void
test_impossible_date (void)
{
  g_autofree char *path = pb_test_write_temp ("date.pricebook",
    "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\",\n"
    "  \"date\": \"2026-02-30\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"A\", \"enterprise\": true }, \"items\": [] }", -1);
  g_autofree char *where = g_strdup_printf ("%s:2:", path);
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, where, "2026-02-30", "not a valid date", NULL);
}

/* the item kinds of the contract, and nothing else. */
static void
test_unknown_kind (void)
{
  g_autofree char *path = write_quote (NULL,
    "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1 },\n"
    "    { \"product\": \"voice\", \"kind\": \"sms_package\", \"minutes\": 1000 }");
  g_autofree char *where = g_strdup_printf ("%s:6:", path);
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, where, "item 1", "unknown kind “sms_package”", "Q-2", NULL);
}

/* Unknown members are refused: a misspelt one must not take a default. */
static void
test_unknown_member (void)
{
  g_autofree char *path = write_quote (NULL,
    "    { \"product\": \"voice\", \"kind\": \"fixed_package\", \"minutes\": 10000, \"quantiy\": 5 }");
  g_autofree char *where = g_strdup_printf ("%s:5:", path);
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, where, "item 0 (fixed_package)", "unknown member “quantiy”", NULL);
}

/* VM-10, EL-2: only enterprises buy; the message names the items. */
static void
test_not_enterprise (void)
{
  g_autofree char *path = write_quote ("{ \"name\": \"张三\", \"enterprise\": false }",
    "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1 },\n"
    "    { \"product\": \"live\", \"kind\": \"base_fee\", \"years\": 1 }");
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, path, "not an enterprise", "(item 0)", "(VM-10)", "(item 1)", "(EL-2)", NULL);
}

/* VM-6: off the grid, reported at the item with the rounding to do. */
static void
test_off_grid (void)
{
  g_autofree char *path = write_quote (NULL,
    "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1 },\n"
    "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 2 },\n"
    "    { \"product\": \"voice\", \"kind\": \"custom_package\", \"minutes\": 1500 }");
  g_autofree char *where = g_strdup_printf ("%s:7:", path);
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, where, "item 2 (custom_package)", "round up to 2,000 minutes", "(VM-6)", NULL);
}

/* EL-7 and EL-5 at once: one line per broken rule. */
static void
test_every_rule_reported (void)
{
  g_autofree char *path = write_quote (NULL,
    "    { \"product\": \"live\", \"kind\": \"code\", \"tier\": \"standard\", \"extra_viewers\": 150 },\n"
    "    { \"product\": \"voice\", \"kind\": \"custom_package\", \"minutes\": 500, \"voucher\": \"V-1\" }");
  g_auto(PbCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, "item 0 (code)", "use 100 or 200 (EL-5)", "(EL-7)",
                         "item 1 (custom_package)", "(VM-6)", "(VM-1)", NULL);
  lines = g_strsplit (g_strchomp (run.err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], "pricebook-cli: ") && strstr (lines[i], path) != NULL);
}

/* a total beyond the money range is an input error, never a wrap. */
static void
test_overflow (void)
{
  GString *items = g_string_new ("    { \"product\": \"live\", \"kind\": \"base_fee\", \"years\": 1 }");
  g_autofree char *path = NULL;
  g_auto(PbCliRun) run = { 0 };

  for (int i = 0; i < 10; i++)
    g_string_append (items, ",\n    { \"product\": \"live\", \"kind\": \"code\", \"tier\": \"flagship\", "
                            "\"quantity\": 100000, \"extra_viewers\": 10000000 }");
  path = write_quote (NULL, items->str);
  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, path, "item 10 (code)", "out of range", NULL);
  g_string_free (items, TRUE);
}

/* warnings are priced, listed as strings with their rule. */
static void
test_warnings (void)
{
  g_autofree char *path = write_quote (NULL,
    "    { \"product\": \"voice\", \"kind\": \"custom_package\", \"minutes\": 99000 }");
  g_auto(PbCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *warnings;
  const char *warning;

  pb_cli_run (&run, "quote", path, NULL);
  root = pb_cli_run_json (&run);
  g_assert_cmpstr (money_member (json_node_get_object (root), "total"), ==, "10395.00");
  warnings = json_object_get_array_member (json_node_get_object (root), "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  warning = json_array_get_string_element (warnings, 0);
  g_assert_true (g_str_has_prefix (warning, "item 0 (custom_package): "));
  g_assert_nonnull (strstr (warning, "100,000-minute"));
  g_assert_true (g_str_has_suffix (warning, "(VM-6)"));
}

/* EL-7, EL-6: customer A's history (the documented example up to its
 * renewal) is the account: the code needs no base fee in the quote, and B
 * may be expanded on 2020-06-01; an event on or after the quote's date is
 * an input error at its place, with its index. */
static void
test_account_history (void)
{
  g_autofree char *path = data_path ("account.pricebook");
  g_autofree char *text = NULL;
  g_autofree char *late_path = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GString) late = NULL;
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) refused = { 0 };
  g_autoptr(JsonNode) root = NULL;

  pb_cli_run (&run, "quote", path, NULL);
  root = pb_cli_run_json (&run);
  g_assert_cmpstr (money_member (json_node_get_object (root), "total"), ==, "19000.00");

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  late = g_string_new (text);
  g_assert_cmpuint (g_string_replace (late, "2020-05-01T15:00:00+08:00\", \"type\": \"live.code.expand",
                                      "2020-06-01T00:00:00+08:00\", \"type\": \"live.code.expand", 1), ==, 1);
  late_path = pb_test_write_temp ("late.pricebook", late->str, -1);
  where = g_strdup_printf ("%s:13:", late_path);
  pb_cli_run (&refused, "quote", late_path, NULL);
  pb_assert_input_error (&refused, where, "account: event 3 (live.code.expand)", "not before the quote's date",
                         "(Q-1)", NULL);
}

/* EL-T2: 3 × 100-year base fees from 2026 would end in 2326: every command
 * that reads the quote refuses it at item 1, with the limit and the rule. */
static void
test_base_fee_years_past_range (void)
{
  const char *text =
    "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"A\", \"enterprise\": true },\n"
    "  \"items\": [\n"
    "    { \"product\": \"live\", \"kind\": \"base_fee\", \"years\": 100 },\n"
    "    { \"product\": \"live\", \"kind\": \"base_fee\", \"years\": 100 },\n"
    "    { \"product\": \"live\", \"kind\": \"base_fee\", \"years\": 100 } ] }\n";
  g_autofree char *path = pb_test_write_temp ("centuries.pricebook", text, -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (dir, "centuries.pdf", NULL);
  const char *commands[][4] = { { "quote", path }, { "key-dates", path }, { "export-pdf", path, "-o", pdf } };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(PbCliRun) run = { 0 };

      pb_cli_run (&run, commands[i][0], commands[i][1], commands[i][2], commands[i][3], NULL);
      pb_assert_input_error (&run, "centuries.pricebook:5:", "item 1 (base_fee)", "2200-11-21 00:00",
                             "2199-12-31 23:59:59", "(EL-T2)", NULL);
    }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* "5." and ".5" are not percents; "23:59:60" and "+24:00" are
 * not instants (GLib reads them as 23:59:59 and as a day's offset): each
 * is refused at its place in the file, like other malformed input. */
static void
test_malformed_values (void)
{
  const struct { const char *member; const char *value; } cases[] = {
    { "discount_percent", "5." }, { "discount_percent", ".5" },
    { "live_base_fee_until", "2026-12-31T23:59:60+08:00" }, { "live_base_fee_until", "2026-12-31T12:00:00+24:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{ \"format\": \"pricebook-quote/1\",\n"
        "  \"number\": \"Q-T\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
        "  \"customer\": { \"name\": \"A\", \"enterprise\": true },\n"
        "  %s\"%s\": \"%s\"%s,\n"
        "  \"items\": [] }\n",
        g_str_equal (cases[i].member, "discount_percent") ? "" : "\"account\": { ", cases[i].member, cases[i].value,
        g_str_equal (cases[i].member, "discount_percent") ? "" : " }");
      g_autofree char *path = pb_test_write_temp ("values.pricebook", text, -1);
      g_autofree char *where = g_strconcat (path, ":4:", NULL);
      g_auto(PbCliRun) run = { 0 };

      pb_cli_run (&run, "quote", path, NULL);
      pb_assert_input_error (&run, where, cases[i].member, cases[i].value, NULL);
    }
}

/* Text from a file never reaches the terminal raw: a member name holding
 * ESC, BEL, a line break and a C1 control is quoted with them escaped, and
 * so is a file name.  A value holding one is refused without quoting it. */
static void
test_control_characters (void)
{
  const char *text =
    "{ \"format\": \"pricebook-quote/1\",\n"
    "  \"number\": \"Q-T\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"A\", \"enterprise\": true },\n"
    "  \"items\": [], \"x\\u001b[2J\\u0007\\n\\u009b\\u007f\": 1 }\n";
  const char *value =
    "{ \"format\": \"pricebook-quote/1\",\n"
    "  \"number\": \"Q\\u001b]0;pwned\\u0007\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"A\", \"enterprise\": true }, \"items\": [] }\n";
  g_autofree char *path = pb_test_write_temp ("controls.pricebook", text, -1);
  g_autofree char *value_path = pb_test_write_temp ("value.pricebook", value, -1);
  g_autofree char *dir = g_dir_make_tmp ("pricebook-cli-XXXXXX", NULL);
  g_autofree char *named = g_build_filename (dir, "a\033[1mb.pricebook", NULL);
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) run_value = { 0 };
  g_auto(PbCliRun) run_named = { 0 };

  pb_cli_run (&run, "quote", path, NULL);
  pb_assert_input_error (&run, "unknown member “x\\u001b[2J\\u0007\\u000a\\u009b\\u007f”", NULL);
  pb_cli_run (&run_value, "quote", value_path, NULL);
  pb_assert_input_error (&run_value, "value.pricebook:2:", "“number”", "control character U+001B", NULL);
  g_assert_true (g_file_set_contents (named, value, -1, NULL));
  pb_cli_run (&run_named, "quote", named, NULL);
  pb_assert_input_error (&run_named, "a\\u001b[1mb.pricebook", NULL);
  for (const char *p = run.err; *p; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
  for (const char *p = run_named.err; *p; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
  g_unlink (named);
  g_rmdir (dir);
}

/* A FIFO or a device is refused at once, by its kind: reading a FIFO
 * nobody writes to used to wait forever, /dev/zero to read 32 MiB. */
static void
test_not_regular_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pricebook-cli-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "quote.pricebook", NULL);
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) simulate = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  pb_cli_run (&run, "quote", fifo, NULL);
  pb_assert_input_error (&run, fifo, "pipe (FIFO), not a regular file", NULL);
  pb_cli_run (&simulate, "simulate", fifo, NULL);
  pb_assert_input_error (&simulate, fifo, "pipe (FIFO), not a regular file", NULL);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* Unreadable input and wrong usage are input errors too. */
static void
test_usage_and_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pricebook-cli-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pricebook", NULL);
  g_auto(PbCliRun) none = { 0 };
  g_auto(PbCliRun) two = { 0 };
  g_auto(PbCliRun) absent = { 0 };
  g_auto(PbCliRun) folder = { 0 };
  g_auto(PbCliRun) help = { 0 };

  pb_cli_run (&none, "quote", NULL);
  pb_assert_input_error (&none, "quote", NULL);
  pb_cli_run (&two, "quote", missing, missing, NULL);
  pb_assert_input_error (&two, "quote", NULL);
  pb_cli_run (&absent, "quote", missing, NULL);
  pb_assert_input_error (&absent, missing, "cannot read", NULL);
  pb_cli_run (&folder, "quote", dir, NULL);
  pb_assert_input_error (&folder, dir, "folder", NULL);
  pb_cli_run (&help, "quote", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "pricebook-cli quote QUOTE.json"));
  g_rmdir (dir);
}

/* JSON that json-glib alone would read otherwise than it says: a member
 * given twice (the last would win), an octal number (010 would be 8),
 * a second value after the first (ignored).  Each is refused where it is. */
static void
test_strict_json (void)
{
  const struct
  {
    const char *items;
    const char *where;
    const char *needle;
  } cases[] = {
    { "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1, \"numbers\": 9 }",
      ":5:", "“numbers” is given twice" },
    { "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 010, \"months\": 1 }",
      ":5:", "a number JSON does not allow" },
    { "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 0x10, \"months\": 1 }",
      ":5:", "a number JSON does not allow" },
    { "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1 }\n  ] }\n{ \"items\": [",
      ":7:1:", "goes on after its JSON value" },
    /* json-glib takes these; JSON has none of them. */
    { "    { 'product': \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1 }",
      ":5:7:", "single quotes" },
    { "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, /* two */ \"months\": 1 }",
      ":5:", "does not have outside a string" },
    { "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1, \"x\": True }",
      ":5:", "does not have outside a string" },
    { "    { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1, \"n\x01\": 1 }",
      ":5:", "a control character inside a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_quote (NULL, cases[i].items);
      g_autofree char *where = g_strconcat (path, cases[i].where, NULL);
      g_auto(PbCliRun) run = { 0 };

      pb_cli_run (&run, "quote", path, NULL);
      pb_assert_input_error (&run, where, cases[i].needle, NULL);
    }
}

static char *
write_dated_quote (const char *date)
{
  g_autofree char *text = g_strdup_printf (
    "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q-D\", \"date\": \"%s\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"测试\", \"enterprise\": true },\n"
    "  \"items\": [ { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": 1 } ] }\n", date);

  return pb_test_write_temp ("dated.pricebook", text, -1);
}

/* the quote's date is a day of 1970-01-01 to 2199-12-31, both in;
 * year 0 is an input error, not a GLib critical. */
static void
test_date_range (void)
{
  const char *in[] = { "1970-01-01", "2199-12-31" };
  const char *out[] = { "0000-01-01", "1969-12-31", "2200-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    {
      g_autofree char *path = write_dated_quote (in[i]);
      g_auto(PbCliRun) run = { 0 };
      g_autoptr(JsonNode) root = NULL;

      pb_cli_run (&run, "quote", path, NULL);
      root = pb_cli_run_json (&run);
      g_assert_cmpstr (money_member (json_node_get_object (root), "total"), ==, "50.00");
    }
  for (guint i = 0; i < G_N_ELEMENTS (out); i++)
    {
      g_autofree char *path = write_dated_quote (out[i]);
      g_auto(PbCliRun) run = { 0 };

      pb_cli_run (&run, "quote", path, NULL);
      pb_assert_input_error (&run, path, ":1:", "“date”", out[i], NULL);
      g_assert_null (strstr (run.err, "CRITICAL"));
    }
}

/* Exit 1, an internal error, when the answer cannot be written: a script
 * must not take an empty or half output for success. */
static void
test_output_failure (void)
{
  g_autofree char *path = data_path ("contract-example.pricebook");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full here");
      return;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PRICEBOOK_CLI"), "quote", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "cannot write the output"));
}

/* A device is read up to the 32 MiB limit, not forever; --catalog takes
 * the same guards and needs its FILE. */
static void
test_devices_and_catalog_option (void)
{
  g_autofree char *path = data_path ("contract-example.pricebook");
  g_autofree char *dir = g_dir_make_tmp ("pricebook-cli-XXXXXX", NULL);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_auto(PbCliRun) zero = { 0 };
      g_auto(PbCliRun) catalog = { 0 };

      pb_cli_run (&zero, "quote", "/dev/zero", NULL);
      pb_assert_input_error (&zero, "/dev/zero", "a device, not a regular file", NULL);
      pb_cli_run (&catalog, "--catalog", "/dev/zero", "quote", path, NULL);
      pb_assert_input_error (&catalog, "/dev/zero", "a device, not a regular file", NULL);
    }
  {
    g_auto(PbCliRun) no_file = { 0 };
    g_auto(PbCliRun) folder = { 0 };

    pb_cli_run (&no_file, "--catalog", NULL);
    pb_assert_input_error (&no_file, "--catalog", "needs a FILE", NULL);
    pb_cli_run (&folder, "--catalog", dir, "quote", path, NULL);
    pb_assert_input_error (&folder, dir, "folder", NULL);
  }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/quote/EL-6/EL-7/Q-1/account-history", test_account_history);
  g_test_add_func ("/cli/quote/Q-3/contract-example", test_contract_example);
  g_test_add_func ("/cli/quote/Q-2/Q-6/VM-6/sample", test_sample);
  g_test_add_func ("/cli/quote/Q-7/tax", test_tax);
  g_test_add_func ("/cli/quote/Q-4/malformed-json", test_malformed);
  g_test_add_func ("/cli/quote/Q-4/empty-file", test_empty);
  g_test_add_func ("/cli/quote/Q-4/binary-file", test_binary);
  g_test_add_func ("/cli/quote/Q-4/truncated-file", test_truncated);
  g_test_add_func ("/cli/quote/Q-4/wrong-types", test_wrong_types);
  g_test_add_func ("/cli/quote/Q-4/deep-nesting", test_deep_nesting);
  g_test_add_func ("/cli/quote/Q-1/impossible-date", test_impossible_date);
  g_test_add_func ("/cli/quote/Q-2/unknown-kind", test_unknown_kind);
  g_test_add_func ("/cli/quote/Q-4/unknown-member", test_unknown_member);
  g_test_add_func ("/cli/quote/VM-10/not-enterprise", test_not_enterprise);
  g_test_add_func ("/cli/quote/VM-6/off-grid", test_off_grid);
  g_test_add_func ("/cli/quote/Q-4/every-rule-reported", test_every_rule_reported);
  g_test_add_func ("/cli/quote/Q-3/overflow", test_overflow);
  g_test_add_func ("/cli/quote/Q-5/warnings", test_warnings);
  g_test_add_func ("/cli/quote/Q-4/usage-and-files", test_usage_and_files);
  g_test_add_func ("/cli/quote/Q-4/strict-json", test_strict_json);
  g_test_add_func ("/cli/quote/Q-3/malformed-values", test_malformed_values);
  g_test_add_func ("/cli/quote/control-characters", test_control_characters);
  g_test_add_func ("/cli/quote/not-regular-input", test_not_regular_input);
  g_test_add_func ("/cli/quote/Q-1/date-range", test_date_range);
  g_test_add_func ("/cli/quote/EL-T2/base-fee-years-past-range", test_base_fee_years_past_range);
  g_test_add_func ("/cli/quote/output-failure", test_output_failure);
  g_test_add_func ("/cli/quote/devices-and-catalog-option", test_devices_and_catalog_option);

  return g_test_run ();
}
