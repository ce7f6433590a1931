/* test-pricing.c: what a quote costs and which rules it breaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every price here is worked out by hand from shared/spec's domain rules
 * (not from the catalog the code reads), so a wrong catalog entry or a
 * wrong formula fails here by rule ID.  Money is in milli-yuan: ¥1 = 1000.
 */
#include "pb-error.h"
#include "pb-pricing.h"
#include "pb-test.h"

#include <string.h>

#define YUAN(y) PB_MONEY_FROM_YUAN (y)

static PbQuote *
new_quote (gboolean enterprise)
{
  PbQuote *quote = pb_quote_new ();
  PbCustomer *customer = pb_quote_get_customer (quote);

  pb_quote_set_number (quote, "Q-TEST");
  pb_quote_set_date (quote, pb_time_from_parts (2026, 11, 22, 0, 0, 0));
  pb_customer_set_name (customer, "Acme");
  pb_customer_set_enterprise (customer, enterprise);
  return quote;
}

/* Appends an item of @kind; the quote keeps it, the caller borrows it. */
static PbQuoteItem *
add_item (PbQuote *quote, PbItemKind kind)
{
  g_autoptr(PbQuoteItem) item = pb_quote_item_new (kind);

  pb_quote_append_item (quote, item);
  return item;
}

static PbQuoteItem *
add_numbers (PbQuote *quote, gint64 numbers, gint64 months)
{
  PbQuoteItem *item = add_item (quote, PB_ITEM_KIND_NUMBERS);

  pb_quote_item_set_numbers (item, numbers);
  pb_quote_item_set_months (item, months);
  return item;
}

static PbQuoteItem *
add_package (PbQuote *quote, PbItemKind kind, gint64 minutes, gint64 quantity)
{
  PbQuoteItem *item = add_item (quote, kind);

  pb_quote_item_set_minutes (item, minutes);
  pb_quote_item_set_quantity (item, quantity);
  return item;
}

static PbQuoteItem *
add_code (PbQuote *quote, const char *tier, gint64 quantity, gint64 extra)
{
  PbQuoteItem *item = add_item (quote, PB_ITEM_KIND_CODE);

  pb_quote_item_set_tier (item, tier);
  pb_quote_item_set_quantity (item, quantity);
  pb_quote_item_set_extra_viewers (item, extra);
  return item;
}

static PbQuoteItem *
add_base_fee (PbQuote *quote, gint64 years)
{
  PbQuoteItem *item = add_item (quote, PB_ITEM_KIND_BASE_FEE);

  pb_quote_item_set_years (item, years);
  return item;
}

static PbQuoteItem *
add_expansion (PbQuote *quote, const char *code, gint64 extra)
{
  PbQuoteItem *item = add_item (quote, PB_ITEM_KIND_EXPANSION);

  pb_quote_item_set_code (item, code);
  pb_quote_item_set_extra_viewers (item, extra);
  return item;
}

static PbPricing *
price_ok (PbQuote *quote)
{
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(GError) error = NULL;
  PbPricing *pricing = NULL;

  g_assert_true (pb_pricing_compute (cat, quote, &pricing, &error));
  g_assert_no_error (error);
  g_assert_nonnull (pricing);
  g_assert_cmpuint (pricing->items->len, ==, pb_quote_get_n_items (quote));
  return pricing;
}

static GPtrArray *
check (PbQuote *quote)
{
  g_autoptr(PbCatalog) cat = pb_test_catalog ();

  return pb_pricing_check (cat, quote);
}

static const PbPriceLine *
line_of (PbPricing *pricing, guint item, guint line)
{
  PbPricedItem *priced = g_ptr_array_index (pricing->items, item);

  g_assert_cmpuint (line, <, priced->lines->len);
  return g_ptr_array_index (priced->lines, line);
}

static void
assert_line (const PbPriceLine *line, gint64 quantity, PbMoney unit, PbMoney amount, const char *rule)
{
  g_assert_cmpint (line->quantity, ==, quantity);
  g_assert_cmpint (line->unit_price, ==, unit);
  g_assert_cmpint (line->amount, ==, amount);
  g_assert_cmpstr (line->rule, ==, rule);
}

static void
assert_contains (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” does not contain “%s”", text, needle);
}

/* The only issue of @rule, asserted to be there with @item and @severity. */
static const PbQuoteIssue *
find_issue (GPtrArray *issues, int item, const char *rule, PbIssueSeverity severity)
{
  const PbQuoteIssue *found = NULL;

  for (guint i = 0; i < issues->len; i++)
    {
      const PbQuoteIssue *issue = g_ptr_array_index (issues, i);

      if (g_str_equal (issue->rule, rule) && issue->item == item)
        {
          g_assert_null (found);
          found = issue;
        }
    }
  if (found == NULL)
    g_error ("no %s issue for item %d", rule, item);
  g_assert_cmpint (found->severity, ==, severity);
  return found;
}

static gboolean has_term (PbPricing *pricing, const char *rule, gboolean assumption);

static void
assert_no_issue (GPtrArray *issues, const char *rule)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const PbQuoteIssue *issue = g_ptr_array_index (issues, i);

      if (g_str_equal (issue->rule, rule))
        g_error ("unexpected %s issue: %s", rule, issue->message);
    }
}

static void
assert_clean (PbQuote *quote)
{
  g_autoptr(GPtrArray) issues = check (quote);

  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *text = pb_quote_issue_to_string (g_ptr_array_index (issues, i));

      g_error ("unexpected issue: %s", text);
    }
}

/* Asserts that pricing fails with PB_ERROR_RULE naming every needle. */
static void
assert_not_priced (PbQuote *quote, const char *first_needle, ...)
{
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  va_list args;

  g_assert_false (pb_pricing_compute (cat, quote, &pricing, &error));
  g_assert_null (pricing);
  g_assert_error (error, PB_ERROR, PB_ERROR_RULE);
  va_start (args, first_needle);
  for (const char *needle = first_needle; needle != NULL; needle = va_arg (args, const char *))
    assert_contains (error->message, needle);
  va_end (args);
}

/* ------------------------------------------------------------------ */

/* The contract's example, by hand:
 *   item 0  3 numbers × 12 months = 36 × ¥50 (VM-2)                 ¥1,800.00
 *   item 1  2 × 100,000-minute package at ¥10,000 (VM-5)           ¥20,000.00
 *   item 2  25,000 custom minutes × ¥0.105 (VM-6: [10k, 100k))      ¥2,625.00
 *   item 3  1 year of base fee ¥140,000 (EL-3) + gifted Flagship ¥0 ¥140,000.00
 *   item 4  3 standard codes × ¥9,000 = ¥27,000 (EL-4)
 *           + 300 viewers × 3 codes × ¥100 = ¥90,000 (EL-5)        ¥117,000.00
 *   item 5  expansion of B by 10,000 viewers × ¥100 (EL-6)      ¥1,000,000.00
 *   subtotal                                                    ¥1,281,425.00
 *   discount 5 % (Q-3): 1,281,425.00 × 0.05 = 64,071.25            ¥64,071.25
 *   total                                                       ¥1,217,353.75 */
static void
test_contract_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "quotes",
                                                 "contract-example.pricebook", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = pb_quote_new_from_file (path, &error);
  g_autoptr(PbPricing) pricing = NULL;
  const PbMoney amounts[] = { YUAN (1800), YUAN (20000), YUAN (2625), YUAN (140000), YUAN (117000),
                              YUAN (1000000) };

  g_assert_no_error (error);
  pricing = price_ok (quote);
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    g_assert_cmpint (((PbPricedItem *) g_ptr_array_index (pricing->items, i))->amount, ==, amounts[i]);
  assert_line (line_of (pricing, 0, 0), 36, YUAN (50), YUAN (1800), "VM-2");
  assert_line (line_of (pricing, 1, 0), 2, YUAN (10000), YUAN (20000), "VM-5");
  assert_line (line_of (pricing, 2, 0), 1, YUAN (2625), YUAN (2625), "VM-6");
  assert_line (line_of (pricing, 3, 0), 1, YUAN (140000), YUAN (140000), "EL-3");
  assert_line (line_of (pricing, 3, 1), 1, 0, 0, "EL-3");
  assert_line (line_of (pricing, 4, 0), 3, YUAN (9000), YUAN (27000), "EL-4");
  assert_line (line_of (pricing, 4, 1), 900, YUAN (100), YUAN (90000), "EL-5");
  assert_line (line_of (pricing, 5, 0), 10000, YUAN (100), YUAN (1000000), "EL-6");
  g_assert_cmpint (pricing->subtotal, ==, YUAN (1281425));
  g_assert_cmpint (pricing->discount_percent, ==, 500);
  g_assert_cmpint (pricing->discount, ==, 64071250);
  g_assert_cmpint (pricing->total, ==, 1217353750);
  /* Q-6, VM-6: its packages, 225,000 minutes for ¥22,625, cost ¥125 more
   * than one custom 225,000-minute package at ¥0.1 (¥22,500). */
  g_assert_cmpuint (pricing->warnings->len, ==, 1);
  assert_contains (find_issue (pricing->warnings, -1, "VM-6", PB_ISSUE_WARNING)->message, "¥125.00 more");
}

/* VM-2: ¥50 per number per month; VM-3/VM-4: whole months. */
static void
test_numbers (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;

  add_numbers (quote, 3, 12);
  add_numbers (quote, 1, 1);
  pricing = price_ok (quote);
  assert_line (line_of (pricing, 0, 0), 36, YUAN (50), YUAN (1800), "VM-2");
  g_assert_cmpstr (line_of (pricing, 0, 0)->description, ==,
                   "Voice Message number monthly fee (3 numbers × 12 months)");
  assert_line (line_of (pricing, 1, 0), 1, YUAN (50), YUAN (50), "VM-2");
  g_assert_cmpstr (line_of (pricing, 1, 0)->description, ==,
                   "Voice Message number monthly fee (1 number × 1 month)");
  g_assert_cmpint (pricing->total, ==, YUAN (1850));
}

/* VM-5: the five fixed packages at their list prices. */
static void
test_fixed_packages (void)
{
  static const struct { gint64 minutes; PbMoney price; } packages[] = {
    { 10000, YUAN (1050) }, { 100000, YUAN (10000) }, { 500000, YUAN (47500) },
    { 1000000, YUAN (90000) }, { 3000000, YUAN (255000) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (packages); i++)
    {
      g_autoptr(PbQuote) quote = new_quote (TRUE);
      g_autoptr(PbPricing) pricing = NULL;

      add_package (quote, PB_ITEM_KIND_FIXED_PACKAGE, packages[i].minutes, 2);
      pricing = price_ok (quote);
      assert_line (line_of (pricing, 0, 0), 2, packages[i].price, packages[i].price * 2, "VM-5");
      assert_contains (line_of (pricing, 0, 0)->description, "minute package");
    }
}

/* VM-5: a size that is not a package is an error, with the sizes around it. */
static void
test_fixed_unknown_size (void)
{
  static const struct { gint64 minutes; const char *suggestion; } cases[] = {
    { 20000, "use 10,000 or 100,000 minutes" },
    { 5000, "use 10,000 minutes" },
    { 4000000, "use 3,000,000 minutes" },
    { 0, "use 10,000 minutes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PbQuote) quote = new_quote (TRUE);
      g_autoptr(GPtrArray) issues = NULL;
      const PbQuoteIssue *issue;

      add_numbers (quote, 1, 1);
      add_package (quote, PB_ITEM_KIND_FIXED_PACKAGE, cases[i].minutes, 1);
      issues = check (quote);
      issue = find_issue (issues, 1, "VM-5", PB_ISSUE_ERROR);
      g_assert_cmpint (issue->kind, ==, PB_ITEM_KIND_FIXED_PACKAGE);
      g_assert_cmpstr (issue->suggestion, ==, cases[i].suggestion);
      assert_not_priced (quote, "item 1 (fixed_package)", "(VM-5)", NULL);
    }
}

/* VM-6: unit price by the package's own size, × its minutes. */
static void
test_custom_tiers (void)
{
  static const struct { gint64 minutes; PbMoney price; const char *unit; } cases[] = {
    { 1000, YUAN (110), "¥0.11/minute" },              /* [0, 10k): 0.11 */
    { 9000, YUAN (990), "¥0.11/minute" },
    { 10000, YUAN (1050), "¥0.105/minute" },           /* [10k, 100k): 0.105 */
    { 25000, YUAN (2625), "¥0.105/minute" },
    { 99000, YUAN (10395), "¥0.105/minute" },
    { 100000, YUAN (10000), "¥0.10/minute" },          /* [100k, 500k): 0.1 */
    { 499000, YUAN (49900), "¥0.10/minute" },
    { 500000, YUAN (47500), "¥0.095/minute" },         /* [500k, 1M): 0.095 */
    { 1000000, YUAN (90000), "¥0.09/minute" },         /* [1M, 3M): 0.09 */
    { 2990000, YUAN (269100), "¥0.09/minute" },
    { 3000000, YUAN (255000), "¥0.085/minute" },       /* ≥ 3M: 0.085 */
    { 1000000000, YUAN (85000000), "¥0.085/minute" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PbQuote) quote = new_quote (TRUE);
      g_autoptr(PbPricing) pricing = NULL;

      add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, cases[i].minutes, 1);
      pricing = price_ok (quote);
      assert_line (line_of (pricing, 0, 0), 1, cases[i].price, cases[i].price, "VM-6");
      assert_contains (line_of (pricing, 0, 0)->description, cases[i].unit);
      g_assert_cmpint (pricing->total, ==, cases[i].price);
    }
}

/* VM-6: at least 1,000 minutes, in steps of 1,000. */
static void
test_custom_grid (void)
{
  static const struct { gint64 minutes; const char *suggestion; } cases[] = {
    { 1500, "round up to 2,000 minutes" },
    { 999, "raise it to 1,000 minutes" },
    { 0, "raise it to 1,000 minutes" },
    { 25001, "round up to 26,000 minutes" },
    { 999999999, "round up to 1,000,000,000 minutes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PbQuote) quote = new_quote (TRUE);
      g_autoptr(GPtrArray) issues = NULL;
      const PbQuoteIssue *issue;

      add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, cases[i].minutes, 1);
      issues = check (quote);
      issue = find_issue (issues, 0, "VM-6", PB_ISSUE_ERROR);
      g_assert_cmpstr (issue->suggestion, ==, cases[i].suggestion);
      assert_not_priced (quote, "item 0 (custom_package)", cases[i].suggestion, "(VM-6)", NULL);
    }
}

/* VM-5/VM-6: a package item that the optimizer covers for less is priced
 * as asked (list price, Q-3) but warned about. */
static void
test_cheaper_cover (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;
  const PbQuoteIssue *issue;

  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 99000, 1);     /* ¥10,395 > ¥10,000 */
  add_package (quote, PB_ITEM_KIND_FIXED_PACKAGE, 10000, 10);     /* ¥10,500 > ¥10,000 */
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 2990000, 1);   /* ¥269,100 > ¥255,000 */
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 9000, 1);      /* ¥990 < ¥1,050: fine */
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 25000, 1);     /* ¥2,625 is the best */
  pricing = price_ok (quote);
  g_assert_cmpint (pricing->subtotal, ==, YUAN (10395 + 10500 + 269100 + 990 + 2625));

  issue = find_issue (pricing->warnings, 0, "VM-6", PB_ISSUE_WARNING);
  assert_contains (issue->message, "¥10,395.00");
  assert_contains (issue->message, "¥395.00");
  assert_contains (issue->suggestion, "100,000-minute");
  assert_contains (issue->suggestion, "¥10,000.00");
  issue = find_issue (pricing->warnings, 1, "VM-5", PB_ISSUE_WARNING);
  assert_contains (issue->message, "¥10,500.00");
  issue = find_issue (pricing->warnings, 2, "VM-6", PB_ISSUE_WARNING);
  assert_contains (issue->suggestion, "3,000,000-minute");
  assert_contains (issue->suggestion, "¥255,000.00");
  /* and the five together, against the cheapest cover of them all. */
  find_issue (pricing->warnings, -1, "VM-6", PB_ISSUE_WARNING);
  g_assert_cmpuint (pricing->warnings->len, ==, 4);
}

/* The check's issues in words, one a line, with their fixes. */
static char *
issues_text (PbCatalog *cat, PbQuote *quote)
{
  g_autoptr(GPtrArray) issues = pb_pricing_check (cat, quote);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      const PbQuoteIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *text = pb_quote_issue_to_string (issue);

      g_string_append_printf (out, "%d %s %s %" G_GINT64_FORMAT "\n", issue->severity, text,
                              issue->fix_property ? issue->fix_property : "-", issue->fix_value);
    }
  return g_string_free (out, FALSE);
}

/* The built-in catalog, loaded anew: it has never answered anything. */
static PbCatalog *
fresh_catalog (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PB_CATALOG_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;
  PbCatalog *result;

  g_assert_nonnull (bytes);
  result = pb_catalog_new_from_bytes (bytes, "built-in catalog", &error);
  g_assert_no_error (error);
  return result;
}

/* VM-5/VM-6, EL-7: the window checks the whole quote on every keystroke,
 * and the check remembers the optimizer's answers from one keystroke to the
 * next.  After each edit of a many-item quote its words are those of a
 * first check by a catalog that has never answered before. */
static void
test_keystrokes (void)
{
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guint n_fixed, warnings = 0, base_fee_errors = 0;
  const PbFixedPackage *fixed = pb_catalog_vm_fixed_packages (cat, &n_fixed);

  for (int i = 0; i < 60; i++)
    switch (i % 3)
      {
      case 0:
        add_package (quote, PB_ITEM_KIND_FIXED_PACKAGE, fixed[g_rand_int_range (rand, 0, (gint32) n_fixed)].minutes,
                     g_rand_int_range (rand, 1, 12));
        break;
      case 1:
        add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 1000 * g_rand_int_range (rand, 1, 3000),
                     g_rand_int_range (rand, 1, 4));
        break;
      default:
        add_code (quote, "standard", g_rand_int_range (rand, 1, 5), 100 * g_rand_int_range (rand, 0, 3));
        break;
      }
  add_base_fee (quote, 1);

  for (int k = 0; k < 150; k++)
    {
      guint position = g_rand_int_range (rand, 0, (gint32) pb_quote_get_n_items (quote));
      PbQuoteItem *item = pb_quote_get_item (quote, position);
      g_autoptr(PbCatalog) fresh = fresh_catalog ();
      g_autofree char *kept = NULL;
      g_autofree char *first = NULL;

      switch (pb_quote_item_get_kind (item))
        {
        case PB_ITEM_KIND_CUSTOM_PACKAGE:
          /* Off the grid now and then: an error, then no warning. */
          pb_quote_item_set_minutes (item, k % 7 == 0 ? 1500 : 1000 * g_rand_int_range (rand, 1, 3000));
          break;
        case PB_ITEM_KIND_FIXED_PACKAGE:
          pb_quote_item_set_quantity (item, g_rand_int_range (rand, 1, 12));
          break;
        case PB_ITEM_KIND_CODE:
        default:
          pb_quote_item_set_quantity (item, g_rand_int_range (rand, 1, 5));
          break;
        }
      /* Now and then the base fee goes, and comes back (EL-7). */
      if (k % 30 == 10)
        for (guint i = pb_quote_get_n_items (quote); i-- > 0;)
          if (pb_quote_item_get_kind (pb_quote_get_item (quote, i)) == PB_ITEM_KIND_BASE_FEE)
            pb_quote_remove_item (quote, i);
      if (k % 30 == 20)
        add_base_fee (quote, 1);
      kept = issues_text (cat, quote);
      first = issues_text (fresh, quote);
      g_assert_cmpstr (kept, ==, first);
      warnings += strstr (kept, "cheapest packages") != NULL;
      base_fee_errors += strstr (kept, "(EL-7)") != NULL;
    }
  /* The edits went through both states that matter. */
  g_assert_cmpuint (warnings, >, 0);
  g_assert_cmpuint (base_fee_errors, >, 0);
  g_assert_cmpuint (base_fee_errors, <, 150);
}

/* EL-3: ¥140,000 a year.  Every purchase gifts a Flagship code, and a
 * base fee of 2 years is one purchase (EL-3 convention, in the catalog):
 * one ¥0 line that says the code must be bound in time (EL-7), and the
 * convention among the terms as an assumption. */
static void
test_base_fee (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;
  PbPricedItem *priced;

  add_base_fee (quote, 2);
  pricing = price_ok (quote);
  priced = g_ptr_array_index (pricing->items, 0);
  g_assert_cmpuint (priced->lines->len, ==, 2);
  assert_line (line_of (pricing, 0, 0), 2, YUAN (140000), YUAN (280000), "EL-3");
  g_assert_cmpstr (line_of (pricing, 0, 0)->description, ==, "Enterprise Live base annual fee (2 years)");
  assert_line (line_of (pricing, 0, 1), 1, 0, 0, "EL-3");
  assert_contains (line_of (pricing, 0, 1)->description, "Gifted Flagship activation code (one per base fee purchase)");
  assert_contains (line_of (pricing, 0, 1)->description, "bind within 2 months of purchase");
  g_assert_cmpint (priced->amount, ==, YUAN (280000));
  g_assert_true (has_term (pricing, "EL-3", TRUE));
}

/* EL-3: the convention is the catalog's data; one that gifts a code a year
 * gives a ¥0 line per year, at the same price. */
static void
test_base_fee_gift_per_year (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog_edited ("\"one-per-purchase\"", "\"one-per-year\"");
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pb_catalog_el_base_fee_gifts (catalog, 3), ==, 3);
  add_base_fee (quote, 3);
  g_assert_true (pb_pricing_compute (catalog, quote, &pricing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (((PbPricedItem *) g_ptr_array_index (pricing->items, 0))->lines->len, ==, 4);
  assert_contains (line_of (pricing, 0, 3)->description, "Gifted Flagship activation code (base fee year 3)");
  g_assert_cmpint (pricing->total, ==, YUAN (420000));
}

/* EL-4: Flagship ¥65,000 (20,000 viewers), Standard ¥9,000 (200). */
static void
test_codes (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;

  add_base_fee (quote, 1);
  add_code (quote, "flagship", 1, 0);
  add_code (quote, "standard", 4, 0);
  pricing = price_ok (quote);
  g_assert_cmpuint (((PbPricedItem *) g_ptr_array_index (pricing->items, 1))->lines->len, ==, 1);
  assert_line (line_of (pricing, 1, 0), 1, YUAN (65000), YUAN (65000), "EL-4");
  assert_contains (line_of (pricing, 1, 0)->description, "Flagship activation code (20,000 viewers)");
  assert_line (line_of (pricing, 2, 0), 4, YUAN (9000), YUAN (36000), "EL-4");
  assert_contains (line_of (pricing, 2, 0)->description, "Standard activation code (200 viewers)");
  g_assert_cmpint (pricing->total, ==, YUAN (140000 + 65000 + 36000));
}

/* EL-4: a tier the catalog does not know is an error. */
static void
test_unknown_tier (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;
  const PbQuoteIssue *issue;

  add_base_fee (quote, 1);
  add_code (quote, "gold", 1, 0);
  issues = check (quote);
  issue = find_issue (issues, 1, "EL-4", PB_ISSUE_ERROR);
  assert_contains (issue->message, "“gold”");
  g_assert_cmpstr (issue->suggestion, ==, "use flagship or standard");
  assert_not_priced (quote, "item 1 (code)", "(EL-4)", NULL);
}

/* EL-5: ¥100 per add-on viewer, per code, in steps of 100. */
static void
test_addon (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;

  add_base_fee (quote, 1);
  add_code (quote, "standard", 3, 300);
  add_code (quote, "flagship", 1, 200);    /* a 20,200-viewer code */
  pricing = price_ok (quote);
  assert_line (line_of (pricing, 1, 1), 900, YUAN (100), YUAN (90000), "EL-5");
  assert_contains (line_of (pricing, 1, 1)->description, "300 extra viewers on each of 3 codes");
  assert_line (line_of (pricing, 2, 1), 200, YUAN (100), YUAN (20000), "EL-5");
  g_assert_cmpint (((PbPricedItem *) g_ptr_array_index (pricing->items, 2))->amount, ==, YUAN (85000));
}

/* EL-5: off the step is an error with the multiples around it; 0 on a
 * code means none, an expansion must add something. */
static void
test_addon_step (void)
{
  static const struct { gboolean expansion; gint64 extra; const char *suggestion; } cases[] = {
    { FALSE, 150, "use 100 or 200" },
    { FALSE, 50, "use 100 (or 0 for none)" },
    { TRUE, 50, "use 100" },
    { TRUE, 10050, "use 10,000 or 10,100" },
    { TRUE, 0, "use 100" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PbQuote) quote = new_quote (TRUE);
      g_autoptr(GPtrArray) issues = NULL;

      add_base_fee (quote, 1);
      if (cases[i].expansion)
        add_expansion (quote, "B", cases[i].extra);
      else
        add_code (quote, "standard", 1, cases[i].extra);
      issues = check (quote);
      g_assert_cmpstr (find_issue (issues, 1, "EL-5", PB_ISSUE_ERROR)->suggestion, ==, cases[i].suggestion);
      assert_not_priced (quote, "(EL-5)", NULL);
    }
  {
    g_autoptr(PbQuote) quote = new_quote (TRUE);
    g_autoptr(PbPricing) pricing = NULL;

    add_base_fee (quote, 1);
    add_code (quote, "standard", 2, 0);
    pricing = price_ok (quote);
    /* No add-on, no add-on line. */
    g_assert_cmpuint (((PbPricedItem *) g_ptr_array_index (pricing->items, 1))->lines->len, ==, 1);
  }
}

/* EL-6: an expansion of an existing code is add-on viewers at ¥100, and
 * its line says it needs the account manager's confirmation and that its
 * price is indicative until then. */
static void
test_expansion (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;
  const char *description;

  pb_quote_set_live_base_fee_until (quote, pb_time_from_parts (2027, 6, 1, 0, 0, 0));
  add_expansion (quote, "B", 10000);
  pricing = price_ok (quote);
  assert_line (line_of (pricing, 0, 0), 10000, YUAN (100), YUAN (1000000), "EL-6");
  description = line_of (pricing, 0, 0)->description;
  assert_contains (description, "code B");
  assert_contains (description, "10,000 extra viewers");
  assert_contains (description, "indicative price until the account manager confirms the expansion");
  assert_contains (description, "applied manually");
}

/* EL-6: an expansion names the code it expands. */
static void
test_expansion_needs_code (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;

  add_base_fee (quote, 1);
  add_expansion (quote, "", 100);
  issues = check (quote);
  find_issue (issues, 1, "EL-6", PB_ISSUE_ERROR);
  assert_not_priced (quote, "item 1 (expansion)", "(EL-6)", NULL);
}

/* EL-7: codes and expansions need a valid base fee, in the quote or in the
 * account on the quote's date; "until T" is over at T.  A code line says
 * it must be bound within 2 months of purchase. */
static void
test_base_fee_needed (void)
{
  PbInstant date = pb_time_from_parts (2026, 11, 22, 0, 0, 0);
  static const struct { int until_days; gboolean base_fee; gboolean ok; } cases[] = {
    { G_MININT, FALSE, FALSE },     /* nothing said: error */
    { G_MININT, TRUE, TRUE },       /* bought in the quote */
    { 30, FALSE, TRUE },            /* the account's fee runs past the date */
    { 0, FALSE, FALSE },            /* ends exactly at the date: over */
    { -1, FALSE, FALSE },           /* lapsed */
    { -1, TRUE, TRUE },             /* lapsed, renewed in the quote */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PbQuote) quote = new_quote (TRUE);
      g_autoptr(GPtrArray) issues = NULL;

      if (cases[i].until_days != G_MININT)
        pb_quote_set_live_base_fee_until (quote, pb_time_add_days (date, cases[i].until_days));
      add_code (quote, "standard", 1, 0);
      add_expansion (quote, "A", 100);
      if (cases[i].base_fee)
        add_base_fee (quote, 1);
      issues = check (quote);
      if (cases[i].ok)
        {
          g_autoptr(PbPricing) pricing = price_ok (quote);

          assert_no_issue (issues, "EL-7");
          assert_contains (line_of (pricing, 0, 0)->description, "bind within 2 months of purchase");
        }
      else
        {
          find_issue (issues, 0, "EL-7", PB_ISSUE_ERROR);
          find_issue (issues, 1, "EL-7", PB_ISSUE_ERROR);
          assert_not_priced (quote, "item 0 (code)", "item 1 (expansion)", "(EL-7)", NULL);
        }
    }
}

/* EL-T2: the base fees of a quote add up, each year after the first a
 * renewal; 3 × 100 years from 2026 would end in 2326.  The item whose
 * years pass 2199-12-31 is refused with the date, the limit and the rule;
 * up to the limit the quote is priced. */
static void
test_base_fee_years_limit (void)
{
  g_autoptr(PbQuote) fits = new_quote (TRUE);
  g_autoptr(PbQuote) too_far = new_quote (TRUE);
  g_autoptr(PbQuote) held = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  const PbQuoteIssue *issue;

  /* From 2026-11-22: 173 years end on 2199-11-21, the last that fits. */
  add_base_fee (fits, 100);
  add_base_fee (fits, 73);
  pricing = price_ok (fits);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = check (fits);
  assert_no_issue (issues, "EL-T2");

  for (int i = 0; i < 3; i++)
    add_base_fee (too_far, 100);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = check (too_far);
  issue = find_issue (issues, 1, "EL-T2", PB_ISSUE_ERROR);
  assert_contains (issue->message, "2200-11-21 00:00");
  assert_contains (issue->message, "2199-12-31 23:59:59");
  /* Once: the items after it are not blamed again. */
  g_assert_cmpuint (issues->len, ==, 1);
  assert_not_priced (too_far, "item 1 (base_fee)", "(EL-T2)", NULL);

  /* Renewals of a base fee the account holds count from its end:
   * 2027-06-01 + 100 + 73 years is a year too far. */
  pb_quote_set_live_base_fee_until (held, pb_time_from_parts (2027, 6, 1, 0, 0, 0));
  add_base_fee (held, 100);
  add_base_fee (held, 73);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = check (held);
  issue = find_issue (issues, 1, "EL-T2", PB_ISSUE_ERROR);
  assert_contains (issue->message, "2200-06-01 00:00");
}

/* VM-10: Voice Message only for enterprises. */
static void
test_voice_enterprise_only (void)
{
  g_autoptr(PbQuote) quote = new_quote (FALSE);
  g_autoptr(GPtrArray) issues = NULL;
  const PbQuoteIssue *issue;

  add_numbers (quote, 1, 12);
  add_package (quote, PB_ITEM_KIND_FIXED_PACKAGE, 10000, 1);
  issues = check (quote);
  issue = find_issue (issues, -1, "VM-10", PB_ISSUE_ERROR);
  assert_contains (issue->message, "not an enterprise");
  assert_contains (issue->suggestion, "items 0, 1");   /* the message names no item: the window puts the field first */
  assert_no_issue (issues, "EL-2");
  assert_not_priced (quote, "quote: ", "(VM-10)", NULL);

  pb_customer_set_enterprise (pb_quote_get_customer (quote), TRUE);
  assert_clean (quote);
}

/* EL-2: Enterprise Live only for enterprises. */
static void
test_live_enterprise_only (void)
{
  g_autoptr(PbQuote) quote = new_quote (FALSE);
  g_autoptr(GPtrArray) issues = NULL;

  add_base_fee (quote, 1);
  issues = check (quote);
  find_issue (issues, -1, "EL-2", PB_ISSUE_ERROR);
  assert_no_issue (issues, "VM-10");
  assert_not_priced (quote, "(EL-2)", NULL);
}

/* VM-11: more than 5 numbers is advice, not an error. */
static void
test_number_advisory (void)
{
  g_autoptr(PbQuote) five = new_quote (TRUE);
  g_autoptr(PbQuote) six = new_quote (TRUE);
  g_autoptr(PbQuote) split = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GPtrArray) issues = NULL;

  add_numbers (five, 5, 1);
  add_package (five, PB_ITEM_KIND_FIXED_PACKAGE, 10000, 1);   /* minutes to send with (VM-8) */
  assert_clean (five);
  add_numbers (six, 6, 2);
  pricing = price_ok (six);
  assert_contains (find_issue (pricing->warnings, 0, "VM-11", PB_ISSUE_WARNING)->message, "6 voice numbers");
  /* Advice from an older page than the guide, labelled so. */
  assert_contains (find_issue (pricing->warnings, 0, "VM-11", PB_ISSUE_WARNING)->message,
                   "older Tencent pricing page advises (an assumption");
  g_assert_cmpint (pricing->total, ==, YUAN (600));
  add_numbers (split, 3, 1);
  add_numbers (split, 3, 1);
  issues = check (split);
  find_issue (issues, -1, "VM-11", PB_ISSUE_WARNING);
}

/* VM-1: no vouchers on Voice Message; Q-3: none deducted anywhere. */
static void
test_vouchers (void)
{
  g_autoptr(PbQuote) voice = new_quote (TRUE);
  g_autoptr(PbQuote) live = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  const PbQuoteIssue *issue;

  pb_quote_item_set_voucher (add_package (voice, PB_ITEM_KIND_CUSTOM_PACKAGE, 2000, 1), "DJQ-1");
  issues = check (voice);
  issue = find_issue (issues, 0, "VM-1", PB_ISSUE_ERROR);
  assert_contains (issue->message, "DJQ-1");
  g_assert_cmpstr (issue->suggestion, ==, "remove the voucher");
  assert_not_priced (voice, "item 0 (custom_package)", "(VM-1)", NULL);

  pb_quote_item_set_voucher (add_base_fee (live, 1), "DJQ-2");
  pricing = price_ok (live);
  find_issue (pricing->warnings, 0, "Q-3", PB_ISSUE_WARNING);
  g_assert_cmpint (pricing->total, ==, YUAN (140000));
}

/* every count is at least 1, each error naming its item. */
static void
test_counts (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;
  guint q4 = 0;

  add_numbers (quote, 0, 12);                                     /* 0 */
  add_numbers (quote, 2, 0);                                      /* 1 */
  add_package (quote, PB_ITEM_KIND_FIXED_PACKAGE, 10000, 0);      /* 2 */
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 2000, 0);      /* 3 */
  add_base_fee (quote, 0);                                        /* 4 */
  add_code (quote, "standard", 0, 0);                             /* 5 */
  issues = check (quote);
  for (int i = 0; i <= 5; i++)
    g_assert_cmpstr (find_issue (issues, i, "Q-4", PB_ISSUE_ERROR)->suggestion, ==, "use 1 or more");
  for (guint i = 0; i < issues->len; i++)
    q4 += g_str_equal (((PbQuoteIssue *) g_ptr_array_index (issues, i))->rule, "Q-4");
  g_assert_cmpuint (q4, ==, 6);
  assert_not_priced (quote, "6 rules", "item 0 (numbers): the number count is 0",
                     "item 1 (numbers): the month count is 0", "item 2 (fixed_package)",
                     "item 3 (custom_package)", "item 4 (base_fee)", "item 5 (code)", NULL);
}

/* the error lists every broken rule, one line each, and no warning. */
static void
test_error_lists_every_rule (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_auto(GStrv) lines = NULL;

  add_numbers (quote, 6, 1);                                      /* VM-11 warning only */
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 1500, 1);
  add_base_fee (quote, 1);
  add_code (quote, "standard", 1, 150);
  pb_quote_set_currency (quote, "USD");
  g_assert_false (pb_pricing_compute (cat, quote, &pricing, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_RULE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  assert_contains (lines[0], "3 rules");
  g_assert_cmpstr (lines[1], ==, "quote: the currency is “USD”, but the catalog's prices are in CNY; use CNY (Q-1)");
  g_assert_cmpstr (lines[2], ==, "item 1 (custom_package): a custom package of 1,500 minutes is off the "
                                 "1,000-minute grid; round up to 2,000 minutes (VM-6)");
  g_assert_cmpstr (lines[3], ==, "item 3 (code): 150 extra viewers is not a multiple of 100; use 100 or 200 (EL-5)");
  g_assert_null (strstr (error->message, "VM-11"));
}

typedef struct
{
  gint64      numbers_months;   /* ¥50 each */
  gint64      custom_minutes;   /* a custom package, 0 for none */
  const char *percent;
  PbMoney     subtotal;
  PbMoney     discount;
} DiscountCase;

/* the discount is the subtotal × percent, half-up to the fen; the
 * total is what is left. */
static void
test_discount_rounding (void)
{
  static const DiscountCase cases[] = {
    { 1, 0, "0.01", YUAN (50), 10 },        /* 0.005 → 0.01 (half-up) */
    { 1, 0, "0.09", YUAN (50), 50 },        /* 0.045 → 0.05 */
    { 1, 0, "0.08", YUAN (50), 40 },        /* 0.04, exact */
    { 0, 1000, "0.03", YUAN (110), 30 },    /* 0.033 → 0.03 (down) */
    { 0, 1000, "0.05", YUAN (110), 60 },    /* 0.055 → 0.06 */
    { 0, 1000, "0.07", YUAN (110), 80 },    /* 0.077 → 0.08 */
    { 1, 0, "33.33", YUAN (50), 16670 },    /* 16.665 → 16.67 */
    { 36, 25000, "12.35", YUAN (4425), 546490 },  /* 546.4875 → 546.49 */
    { 3, 0, "100", YUAN (150), YUAN (150) },
    { 3, 0, "0", YUAN (150), 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PbQuote) quote = new_quote (TRUE);
      g_autoptr(PbPricing) pricing = NULL;
      g_autoptr(GError) error = NULL;
      gint percent;

      if (cases[i].numbers_months > 0)
        add_numbers (quote, 1, cases[i].numbers_months);
      if (cases[i].custom_minutes > 0)
        add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, cases[i].custom_minutes, 1);
      g_assert_true (pb_percent_parse (cases[i].percent, &percent, &error));
      pb_quote_set_discount (quote, percent);
      pricing = price_ok (quote);
      g_assert_cmpint (pricing->subtotal, ==, cases[i].subtotal);
      g_assert_cmpint (pricing->discount, ==, cases[i].discount);
      g_assert_cmpint (pricing->total, ==, cases[i].subtotal - cases[i].discount);
    }
}

/* a total out of the PbMoney range is an error, never a wrap.  Each
 * item below is (¥65,000 + 10,000,000 × ¥100) × 100,000 ≈ ¥1.0e14 (1.0e17
 * milli-yuan): nine fit under ¥1e15, the tenth does not. */
static void
test_overflow (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPricing) pricing = NULL;

  add_base_fee (quote, 1);
  for (int i = 0; i < 9; i++)
    add_code (quote, "flagship", PB_QUOTE_ITEM_MAX_QUANTITY, PB_QUOTE_ITEM_MAX_EXTRA_VIEWERS);
  pricing = price_ok (quote);
  g_assert_cmpint (pricing->subtotal, ==, YUAN (140000) + 9 * (YUAN (65000) + YUAN (1000000000)) * 100000);
  g_clear_pointer (&pricing, pb_pricing_free);

  add_code (quote, "flagship", PB_QUOTE_ITEM_MAX_QUANTITY, PB_QUOTE_ITEM_MAX_EXTRA_VIEWERS);
  g_assert_false (pb_pricing_compute (cat, quote, &pricing, &error));
  g_assert_null (pricing);
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  assert_contains (error->message, "item 10 (code)");
}

/* A catalog whose base fee is @price. */
static PbCatalog *
catalog_with_base_fee (const char *price)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PB_CATALOG_RESOURCE, 0, &error);
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", price);
  PbCatalog *cat;

  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, "\"140000.00\"", quoted, 1), ==, 1);
  changed = g_bytes_new (text->str, text->len);
  cat = pb_catalog_new_from_bytes (changed, "huge catalog", &error);
  g_assert_no_error (error);
  return cat;
}

/* one line out of range, with a catalog whose base fee is the
 * largest whole-fen amount PbMoney holds: two years of it cannot be added
 * up.  Q-7: the largest amount of all, ¥999,999,999,999,999.999, is a
 * total, but its tax is not: rounded to the fen it leaves the range. */
static void
test_overflow_line (void)
{
  g_autoptr(PbCatalog) largest = catalog_with_base_fee ("999999999999999.999");

  g_autoptr(PbCatalog) cat = catalog_with_base_fee ("999999999999999.990");
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;

  add_base_fee (quote, 1);
  g_assert_true (pb_pricing_compute (cat, quote, &pricing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pricing->total, ==, PB_MONEY_MAX - 9);
  g_assert_cmpint (pricing->gross, ==, PB_MONEY_MAX - 9);
  g_clear_pointer (&pricing, pb_pricing_free);
  g_assert_false (pb_pricing_compute (largest, quote, &pricing, &error));
  g_assert_null (pricing);
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  assert_contains (error->message, "Q-7");
  g_clear_error (&error);

  pb_quote_item_set_years (pb_quote_get_item (quote, 0), 2);
  g_assert_false (pb_pricing_compute (cat, quote, &pricing, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  assert_contains (error->message, "item 0 (base_fee)");
}

/* VM-5 with a catalog that lists no fixed package (a --catalog file may):
 * a fixed-package item is an error naming the item, never a critical. */
static void
test_no_fixed_packages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PB_CATALOG_RESOURCE, 0, &error);
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(PbCatalog) cat = NULL;
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  const char *start, *end;

  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  start = strstr (text->str, "{ \"minutes\": 10000, \"price\": \"1050.00\" }");
  end = strstr (text->str, "{ \"minutes\": 3000000, \"price\": \"255000.00\" }");
  g_assert_true (start != NULL && end != NULL);
  end += strlen ("{ \"minutes\": 3000000, \"price\": \"255000.00\" }");
  g_string_erase (text, start - text->str, end - start);
  changed = g_bytes_new (text->str, text->len);
  cat = pb_catalog_new_from_bytes (changed, "no fixed packages", &error);
  g_assert_no_error (error);

  add_package (quote, PB_ITEM_KIND_FIXED_PACKAGE, 10000, 1);
  issues = pb_pricing_check (cat, quote);
  g_assert_true (pb_pricing_issues_have_errors (issues));
  find_issue (issues, 0, "VM-5", PB_ISSUE_ERROR);
  g_assert_false (pb_pricing_compute (cat, quote, &pricing, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_RULE);
  assert_contains (error->message, "item 0 (fixed_package)");
  assert_contains (error->message, "VM-5");
  g_assert_null (pricing);
}

static gboolean
has_term (PbPricing *pricing, const char *rule, gboolean assumption)
{
  for (guint i = 0; i < pricing->terms->len; i++)
    {
      const PbQuoteTerm *term = g_ptr_array_index (pricing->terms, i);

      if (g_str_equal (term->rule, rule) && term->assumption == assumption)
        return TRUE;
    }
  return FALSE;
}

/* the terms of the products quoted, each naming its rule, and every
 * assumption the quote relies on. */
static void
test_terms (void)
{
  g_autoptr(PbQuote) numbers = new_quote (TRUE);
  g_autoptr(PbQuote) packages = new_quote (TRUE);
  g_autoptr(PbQuote) live = new_quote (TRUE);
  g_autoptr(PbQuote) expansion = new_quote (TRUE);
  g_autoptr(PbPricing) p = NULL;

  add_numbers (numbers, 1, 1);
  p = price_ok (numbers);
  g_assert_true (has_term (p, "VM-10", FALSE) && has_term (p, "VM-1", FALSE));
  g_assert_false (has_term (p, "EL-11", FALSE) || has_term (p, "VM-9", TRUE));
  g_clear_pointer (&p, pb_pricing_free);

  add_package (packages, PB_ITEM_KIND_FIXED_PACKAGE, 10000, 1);
  p = price_ok (packages);
  g_assert_true (has_term (p, "VM-1", FALSE) && has_term (p, "VM-9", TRUE) &&
                 has_term (p, "VM-7", TRUE) && has_term (p, "VM-8", TRUE));
  g_assert_false (has_term (p, "EL-T4", TRUE));
  g_clear_pointer (&p, pb_pricing_free);

  add_base_fee (live, 1);
  add_code (live, "standard", 1, 0);
  p = price_ok (live);
  g_assert_true (has_term (p, "EL-11", FALSE) && has_term (p, "EL-7", FALSE) && has_term (p, "EL-2", FALSE) &&
                 has_term (p, "EL-T4", TRUE) && has_term (p, "EL-10", TRUE));
  g_assert_false (has_term (p, "EL-6", FALSE) || has_term (p, "EL-6", TRUE) || has_term (p, "VM-1", FALSE));
  for (guint i = 0; i < p->terms->len; i++)
    {
      const PbQuoteTerm *term = g_ptr_array_index (p->terms, i);
      g_autofree char *suffix = g_strdup_printf (" (%s)", term->rule);

      g_assert_true (g_str_has_suffix (term->text, suffix));
      g_assert_true (g_str_has_prefix (term->text, "Assumption: ") == term->assumption);
    }
  g_clear_pointer (&p, pb_pricing_free);

  pb_quote_set_live_base_fee_until (expansion, pb_time_from_parts (2027, 1, 1, 0, 0, 0));
  add_expansion (expansion, "B", 100);
  p = price_ok (expansion);
  g_assert_true (has_term (p, "EL-6", FALSE) && has_term (p, "EL-6", TRUE) && has_term (p, "EL-11", FALSE));
  g_assert_false (has_term (p, "EL-10", TRUE));
}

/* EL-11: every quote with Enterprise Live carries the no-refunds term, in
 * the quote's language; a Voice Message quote does not. */
static void
test_no_refunds (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbQuote) voice = new_quote (TRUE);
  g_autoptr(PbPricing) voice_pricing = NULL;

  add_numbers (voice, 1, 1);
  voice_pricing = price_ok (voice);
  g_assert_false (has_term (voice_pricing, "EL-11", FALSE));
  pb_quote_set_live_base_fee_until (quote, pb_time_from_parts (2027, 1, 1, 0, 0, 0));
  add_code (quote, "standard", 1, 0);
  for (int zh = 0; zh <= 1; zh++)
    {
      g_autoptr(PbPricing) pricing = NULL;
      const PbQuoteTerm *term = NULL;

      pb_quote_set_language (quote, zh ? PB_QUOTE_LANGUAGE_ZH_CN : PB_QUOTE_LANGUAGE_EN);
      pricing = price_ok (quote);
      for (guint i = 0; i < pricing->terms->len; i++)
        if (g_str_equal (((PbQuoteTerm *) g_ptr_array_index (pricing->terms, i))->rule, "EL-11"))
          term = g_ptr_array_index (pricing->terms, i);
      g_assert_nonnull (term);
      g_assert_false (term->assumption);
      assert_contains (term->text, zh ? "不支持退款" : "No refunds");
      assert_contains (term->text, zh ? "（EL-11）" : "(EL-11)");
    }
}

/* the terms come from the catalog, word for word, in the quote's
 * language. */
static void
test_terms_from_catalog (void)
{
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  GPtrArray *catalog_terms = pb_catalog_get_terms (cat);
  const PbCatalogEntry *validity = pb_catalog_lookup (cat, "voice.package_validity_months");

  add_numbers (quote, 1, 1);
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 1000, 1);
  add_base_fee (quote, 1);
  add_expansion (quote, "B", 100);
  for (int zh = 0; zh <= 1; zh++)
    {
      g_autoptr(PbPricing) pricing = NULL;
      g_autoptr(GString) all = g_string_new (NULL);

      pb_quote_set_language (quote, zh ? PB_QUOTE_LANGUAGE_ZH_CN : PB_QUOTE_LANGUAGE_EN);
      pricing = price_ok (quote);
      for (guint i = 0; i < pricing->terms->len; i++)
        g_string_append_printf (all, "%s\n", ((PbQuoteTerm *) g_ptr_array_index (pricing->terms, i))->text);
      /* Every catalog term applies: voice, live and an expansion are quoted. */
      for (guint i = 0; i < catalog_terms->len; i++)
        {
          const PbCatalogTerm *term = g_ptr_array_index (catalog_terms, i);
          g_autofree char *expected = zh ? g_strdup_printf ("%s（%s）\n", term->text_zh, term->rule)
                                         : g_strdup_printf ("%s (%s)\n", term->text, term->rule);

          assert_contains (all->str, expected);
        }
      assert_contains (all->str, zh ? validity->text_zh : validity->text);
      assert_contains (all->str, zh ? "假设：" : "Assumption: ");
    }
}

/* VM-3 and EL-9 (terms): a quote with numbers states that the month of
 * activation is billed whole; one with Enterprise Live states the 4-hour
 * limit per broadcast and unlimited broadcasts; in both languages, each
 * only where it applies. */
static void
test_terms_partial_month_and_broadcasts (void)
{
  g_autoptr(PbQuote) numbers = new_quote (TRUE);
  g_autoptr(PbQuote) live = new_quote (TRUE);

  add_numbers (numbers, 1, 3);
  add_base_fee (live, 1);
  for (int zh = 0; zh <= 1; zh++)
    {
      g_autoptr(PbPricing) voice_pricing = NULL;
      g_autoptr(PbPricing) live_pricing = NULL;
      g_autoptr(GString) voice_terms = g_string_new (NULL);
      g_autoptr(GString) live_terms = g_string_new (NULL);

      pb_quote_set_language (numbers, zh ? PB_QUOTE_LANGUAGE_ZH_CN : PB_QUOTE_LANGUAGE_EN);
      pb_quote_set_language (live, zh ? PB_QUOTE_LANGUAGE_ZH_CN : PB_QUOTE_LANGUAGE_EN);
      voice_pricing = price_ok (numbers);
      live_pricing = price_ok (live);
      for (guint i = 0; i < voice_pricing->terms->len; i++)
        g_string_append_printf (voice_terms, "%s\n", ((PbQuoteTerm *) g_ptr_array_index (voice_pricing->terms, i))->text);
      for (guint i = 0; i < live_pricing->terms->len; i++)
        g_string_append_printf (live_terms, "%s\n", ((PbQuoteTerm *) g_ptr_array_index (live_pricing->terms, i))->text);
      g_assert_true (has_term (voice_pricing, "VM-3", FALSE));
      g_assert_false (has_term (voice_pricing, "EL-9", FALSE));
      g_assert_true (has_term (live_pricing, "EL-9", FALSE));
      g_assert_false (has_term (live_pricing, "VM-3", FALSE));
      assert_contains (voice_terms->str, zh ? "不足一个月按一个月计费。（VM-3）" : "a partial month is billed as a whole month. (VM-3)");
      assert_contains (live_terms->str, zh ? "每场直播最长 4 小时" : "unlimited broadcasts, each of at most 4 hours");
    }
}

/* Q-2: line texts in Chinese for a zh_CN quote. */
static void
test_chinese_lines (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;

  pb_quote_set_language (quote, PB_QUOTE_LANGUAGE_ZH_CN);
  add_numbers (quote, 3, 12);
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 25000, 1);
  add_base_fee (quote, 1);
  add_code (quote, "standard", 3, 300);
  add_expansion (quote, "B", 10000);
  pricing = price_ok (quote);
  g_assert_cmpstr (line_of (pricing, 0, 0)->description, ==, "语音消息号码月功能费（3 个号码 × 12 个月）");
  assert_contains (line_of (pricing, 1, 0)->description, "¥0.105/分钟");
  assert_contains (line_of (pricing, 2, 1)->description, "赠送旗舰版激活码");
  assert_contains (line_of (pricing, 2, 1)->description, "2 个月内绑定");
  assert_contains (line_of (pricing, 3, 0)->description, "标准版激活码");
  assert_contains (line_of (pricing, 3, 1)->description, "+300 人");
  assert_contains (line_of (pricing, 4, 0)->description, "价格仅供参考，以商务经理确认为准");
  /* The words change, the money does not. */
  g_assert_cmpint (pricing->subtotal, ==, YUAN (1800 + 2625 + 140000 + 117000 + 1000000));
}

/* prices are in CNY; another currency is an error. */
static void
test_currency (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;

  add_numbers (quote, 1, 1);
  pb_quote_set_currency (quote, "USD");
  issues = check (quote);
  g_assert_cmpstr (find_issue (issues, -1, "Q-1", PB_ISSUE_ERROR)->suggestion, ==, "use CNY");
  assert_not_priced (quote, "“USD”", NULL);
}

/* an empty quote for an enterprise is ¥0 with no terms; a quote with
 * no number or customer name is priced with a warning. */
static void
test_empty_quote (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = price_ok (quote);
  g_autoptr(PbQuote) unnamed = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;

  g_assert_cmpint (pricing->total, ==, 0);
  g_assert_cmpuint (pricing->terms->len, ==, 0);
  g_assert_cmpuint (pricing->warnings->len, ==, 0);
  pb_quote_set_number (unnamed, "");
  pb_customer_set_name (pb_quote_get_customer (unnamed), "");
  issues = check (unnamed);
  g_assert_cmpuint (issues->len, ==, 2);
  g_assert_false (pb_pricing_issues_have_errors (issues));
}

/* pricing is a pure function: twice the same answer, the quote
 * untouched; the JSON carries money as two-decimal strings. */
static void
test_pure_and_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "quotes", "sample.pricebook", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = pb_quote_new_from_file (path, &error);
  g_autofree char *before = pb_quote_to_string (quote);
  g_autoptr(PbPricing) a = price_ok (quote);
  g_autoptr(PbPricing) b = price_ok (quote);
  g_autoptr(JsonNode) a_json = pb_pricing_to_json (a, quote);
  g_autoptr(JsonNode) b_json = pb_pricing_to_json (b, quote);
  g_autofree char *after = pb_quote_to_string (quote);
  JsonObject *root = json_node_get_object (a_json);
  JsonObject *line;

  g_assert_true (json_node_equal (a_json, b_json));
  g_assert_cmpstr (before, ==, after);
  /* sample.pricebook by hand: 24 × ¥50 + ¥10,000 + 30,000 × ¥0.105 + ¥140,000
   * + 2 × (¥9,000 + 100 × ¥100) = ¥192,350.00; 3.5 % = ¥6,732.25. */
  g_assert_cmpstr (json_object_get_string_member (root, "subtotal"), ==, "192350.00");
  g_assert_cmpstr (json_object_get_string_member (root, "discount"), ==, "6732.25");
  g_assert_cmpstr (json_object_get_string_member (root, "total"), ==, "185617.75");
  g_assert_cmpstr (json_object_get_string_member (root, "number"), ==, "Q-2026-0042");
  line = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (root, "items"), 0),
                                  "lines"), 0);
  g_assert_cmpint (json_object_get_int_member (line, "quantity"), ==, 24);
  g_assert_cmpstr (json_object_get_string_member (line, "unit_price"), ==, "50.00");
  g_assert_cmpstr (json_object_get_string_member (line, "amount"), ==, "1200.00");
  g_assert_cmpstr (json_object_get_string_member (line, "rule"), ==, "VM-2");
}

/* a suggestion with a single value comes with a fix that sets the
 * item's property; applying it clears the issue.  Two choices get none. */
static void
test_fixes (void)
{
  static const struct
  {
    PbItemKind  kind;
    gint64      minutes;
    gint64      extra;
    gint64      quantity;
    const char *rule;
    const char *property;
    gint64      value;
  } cases[] = {
    { PB_ITEM_KIND_CUSTOM_PACKAGE, 1500, 0, 1, "VM-6", "minutes", 2000 },
    { PB_ITEM_KIND_CUSTOM_PACKAGE, 10, 0, 1, "VM-6", "minutes", 1000 },
    { PB_ITEM_KIND_CUSTOM_PACKAGE, 2000, 0, 0, "Q-4", "quantity", 1 },
    { PB_ITEM_KIND_FIXED_PACKAGE, 5000, 0, 1, "VM-5", "minutes", 10000 },
    { PB_ITEM_KIND_FIXED_PACKAGE, 20000, 0, 1, "VM-5", NULL, 0 },
    { PB_ITEM_KIND_CODE, 0, 50, 1, "EL-5", "extra-viewers", 100 },
    { PB_ITEM_KIND_CODE, 0, 150, 1, "EL-5", NULL, 0 },
    { PB_ITEM_KIND_EXPANSION, 0, 0, 1, "EL-5", "extra-viewers", 100 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PbQuote) quote = new_quote (TRUE);
      g_autoptr(GPtrArray) issues = NULL;
      const PbQuoteIssue *issue;
      PbQuoteItem *item;

      pb_quote_set_live_base_fee_until (quote, pb_time_from_parts (2027, 1, 1, 0, 0, 0));
      item = add_item (quote, cases[i].kind);
      pb_quote_item_set_minutes (item, cases[i].minutes);
      pb_quote_item_set_extra_viewers (item, cases[i].extra);
      pb_quote_item_set_quantity (item, cases[i].quantity);
      pb_quote_item_set_tier (item, "standard");
      pb_quote_item_set_code (item, "B");
      issues = check (quote);
      issue = find_issue (issues, 0, cases[i].rule, PB_ISSUE_ERROR);
      g_assert_cmpstr (issue->fix_property, ==, cases[i].property);
      if (cases[i].property == NULL)
        continue;
      g_assert_cmpint (issue->fix_value, ==, cases[i].value);
      g_object_set (item, issue->fix_property, issue->fix_value, NULL);
      g_clear_pointer (&issues, g_ptr_array_unref);
      issues = check (quote);
      assert_no_issue (issues, cases[i].rule);
    }
}

/* net, tax and gross worked out by hand from the contract's formulas,
 * in fen: inclusive net = T / (1 + r), exclusive tax = T × r, each rounded
 * half-up; both bases, rates other than 6 %, and the halves. */
static void
test_tax_compute (void)
{
  static const struct { PbMoney total; PbTaxBasis basis; gint rate; PbMoney net, tax, gross; } cases[] = {
    /* ¥106.00 incl. 6 %: 100.00 + 6.00 */
    { 106000, PB_TAX_INCLUSIVE, 600, 100000, 6000, 106000 },
    /* ¥185,617.75 incl. 6 %: 18,561,775 / 1.06 = 17,511,108.49 fen */
    { 185617750, PB_TAX_INCLUSIVE, 600, 175111080, 10506670, 185617750 },
    /* ¥100.00 incl. 13 %: 10,000 / 1.13 = 8,849.56 fen → 88.50 */
    { 100000, PB_TAX_INCLUSIVE, 1300, 88500, 11500, 100000 },
    /* ¥1,130.00 incl. 13 %: 1,000.00 + 130.00 */
    { 1130000, PB_TAX_INCLUSIVE, 1300, 1000000, 130000, 1130000 },
    /* ¥1,095.00 incl. 9.5 %: 1,000.00 + 95.00 */
    { 1095000, PB_TAX_INCLUSIVE, 950, 1000000, 95000, 1095000 },
    /* ¥123.45 incl. 0 %: all net */
    { 123450, PB_TAX_INCLUSIVE, 0, 123450, 0, 123450 },
    /* Halves: ¥0.64 incl. 2.4 %: 64 / 1.024 = 62.5 fen → 63; ¥0.01 and
     * ¥0.03 incl. 100 %: 0.5 → 1 and 1.5 → 2 fen.  ¥0.639 is ¥0.64 (T is
     * in fen, Q-3's half-up); ¥0.62 incl. 2.4 % is 60.55 fen → 61. */
    { 640, PB_TAX_INCLUSIVE, 240, 630, 10, 640 },
    { 10, PB_TAX_INCLUSIVE, 10000, 10, 0, 10 },
    { 30, PB_TAX_INCLUSIVE, 10000, 20, 10, 30 },
    { 639, PB_TAX_INCLUSIVE, 240, 630, 10, 640 },
    { 620, PB_TAX_INCLUSIVE, 240, 610, 10, 620 },
    /* ¥1,000.00 excl. 13 %: + 130.00 */
    { 1000000, PB_TAX_EXCLUSIVE, 1300, 1000000, 130000, 1130000 },
    /* ¥1.00 excl. 9.5 %: 9.5 fen → 10 (half up), ¥0.99: 9.405 → 9 */
    { 1000, PB_TAX_EXCLUSIVE, 950, 1000, 100, 1100 },
    { 990, PB_TAX_EXCLUSIVE, 950, 990, 90, 1080 },
    /* ¥0.25 excl. 6 %: 1.5 fen → 2; ¥0.24: 1.44 → 1 */
    { 250, PB_TAX_EXCLUSIVE, 600, 250, 20, 270 },
    { 240, PB_TAX_EXCLUSIVE, 600, 240, 10, 250 },
    /* ¥5.00 excl. 0 % */
    { 5000, PB_TAX_EXCLUSIVE, 0, 5000, 0, 5000 },
    /* ¥1.005 is ¥1.01 (Q-3 rounds half-up to the fen): excl. 100 % */
    { 1005, PB_TAX_EXCLUSIVE, 10000, 1010, 1010, 2020 },
    { 0, PB_TAX_EXCLUSIVE, 600, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      PbMoney net = -1, tax = -1, gross = -1;

      g_test_message ("case %u", i);
      g_assert_true (pb_tax_compute (cases[i].total, cases[i].basis, cases[i].rate, &net, &tax, &gross, &error));
      g_assert_no_error (error);
      g_assert_cmpint (net, ==, cases[i].net);
      g_assert_cmpint (tax, ==, cases[i].tax);
      g_assert_cmpint (gross, ==, cases[i].gross);
      g_assert_cmpint (net + tax, ==, gross);
    }
}

/* what does not fit is an error, never a wrap or a clamp. */
static void
test_tax_limits (void)
{
  g_autoptr(GError) error = NULL;
  PbMoney net = 0, tax = 0, gross = 0;
  PbMoney largest = PB_MONEY_MAX - 9;   /* ¥999,999,999,999,999.99 */

  /* Inclusive never exceeds the total; exclusive at 100 % doubles it. */
  g_assert_true (pb_tax_compute (largest, PB_TAX_INCLUSIVE, 10000, &net, &tax, &gross, &error));
  g_assert_cmpint (gross, ==, largest);
  g_assert_true (pb_tax_compute (largest / 2 - 5, PB_TAX_EXCLUSIVE, 10000, &net, &tax, &gross, &error));
  g_assert_false (pb_tax_compute (largest, PB_TAX_EXCLUSIVE, 10000, &net, &tax, &gross, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (pb_tax_compute (1000, PB_TAX_EXCLUSIVE, 10001, &net, &tax, &gross, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  assert_contains (error->message, "Q-7");
  g_clear_error (&error);
  g_assert_false (pb_tax_compute (1000, PB_TAX_INCLUSIVE, -1, &net, &tax, &gross, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
}

/* Q-7 in a priced quote: the quote's own tax, or the catalog's default
 * (inclusive 6 %) as a labelled assumption; the JSON of `quote` too. */
static void
test_tax_in_quote (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *tax;
  gboolean assumed = FALSE;

  /* 2 numbers × 12 months × ¥50 = ¥1,200.00 */
  add_numbers (quote, 2, 12);
  pricing = price_ok (quote);
  g_assert_cmpint (pricing->total, ==, YUAN (1200));
  g_assert_true (pricing->tax_assumed);
  g_assert_cmpint (pricing->tax_basis, ==, PB_TAX_INCLUSIVE);
  g_assert_cmpint (pricing->tax_rate, ==, 600);
  /* 120,000 / 1.06 = 113,207.55 fen */
  g_assert_cmpint (pricing->net, ==, 1132080);
  g_assert_cmpint (pricing->tax, ==, 67920);
  g_assert_cmpint (pricing->gross, ==, YUAN (1200));
  for (guint i = 0; i < pricing->terms->len; i++)
    {
      const PbQuoteTerm *term = g_ptr_array_index (pricing->terms, i);

      if (g_str_equal (term->rule, "Q-7"))
        {
          g_assert_true (term->assumption);
          assert_contains (term->text, "Assumption: ");
          assert_contains (term->text, "6 %");
          g_assert_null (strstr (term->body, "Assumption"));
          g_assert_null (strstr (term->body, "(Q-7)"));
          assumed = TRUE;
        }
    }
  g_assert_true (assumed);
  g_clear_pointer (&pricing, pb_pricing_free);

  /* Stated: exclusive 13 %, and a 5 % discount first: ¥1,140.00. */
  pb_quote_set_discount (quote, 500);
  pb_quote_set_tax (quote, PB_TAX_EXCLUSIVE, 1300);
  pricing = price_ok (quote);
  g_assert_false (pricing->tax_assumed);
  g_assert_cmpint (pricing->net, ==, YUAN (1140));
  g_assert_cmpint (pricing->tax, ==, 148200);
  g_assert_cmpint (pricing->gross, ==, 1288200);
  for (guint i = 0; i < pricing->terms->len; i++)
    g_assert_cmpstr (((PbQuoteTerm *) g_ptr_array_index (pricing->terms, i))->rule, !=, "Q-7");
  json = pb_pricing_to_json (pricing, quote);
  tax = json_object_get_object_member (json_node_get_object (json), "tax");
  g_assert_nonnull (tax);
  g_assert_cmpuint (json_object_get_size (tax), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (tax, "basis"), ==, "exclusive");
  g_assert_cmpstr (json_object_get_string_member (tax, "rate_percent"), ==, "13");
  g_assert_cmpstr (json_object_get_string_member (tax, "net"), ==, "1140.00");
  g_assert_cmpstr (json_object_get_string_member (tax, "tax"), ==, "148.20");
  g_assert_cmpstr (json_object_get_string_member (tax, "gross"), ==, "1288.20");
}

/* An error of the quote as a whole whose message begins with @start. */
static void
assert_issue_says (GPtrArray *issues, const char *start)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const PbQuoteIssue *issue = g_ptr_array_index (issues, i);

      if (issue->item == -1 && issue->severity == PB_ISSUE_ERROR && g_str_equal (issue->rule, "Q-1") &&
          g_str_has_prefix (issue->message, start))
        return;
    }
  g_error ("no Q-1 error “%s…”", start);
}

/* free text a page could not hold, or could not show, keeps the
 * quote from being priced (and saved as a file that would not load). */
static void
test_text_limits (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autofree char *long_notes = g_strnfill (PB_TEXT_MAX_PARAGRAPHS + 1, 'n');
  g_autofree char *long_line = g_strnfill (PB_TEXT_MAX_LINE + 1, 'a');
  g_autoptr(GPtrArray) issues = NULL;

  add_numbers (quote, 1, 1);
  pb_quote_set_notes (quote, long_notes);
  pb_customer_set_address (pb_quote_get_customer (quote), long_line);
  pb_customer_set_bank (pb_quote_get_customer (quote), "Bank\x1b");
  issues = check (quote);
  g_assert_true (pb_pricing_issues_have_errors (issues));
  assert_issue_says (issues, "the notes: at most 2000 characters, this text has 2001");
  assert_issue_says (issues, "the customer's address: at most 200 characters");
  assert_issue_says (issues, "the customer's bank: control character U+001B");
  assert_not_priced (quote, "Q-1", "the notes", NULL);
}

/* ------------------------------------------------------------------ */
/* The customer's account (the quote's history)                       */

/* A quote dated @y-@m-@d 00:00 whose history is the documented example's
 * events before that date (customer A: base fee from 2020-01-01 12:00,
 * A bound on 2020-02-01, renewal on 2020-05-01 15:00 gifting B, B expanded
 * at once; B never bound, void from 2020-07-01 15:00). */
static PbQuote *
quote_for_customer_a (int y, int m, int d)
{
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
  PbInstant date = pb_time_from_parts (y, m, d, 0, 0, 0);
  PbQuote *quote = pb_quote_new_from_account (scenario, date - 1);

  pb_quote_set_date (quote, date);
  pb_quote_set_number (quote, "Q-TEST");
  pb_customer_set_name (pb_quote_get_customer (quote), "Customer A");
  return quote;
}

/* Words for people: a date as 2021-12-31 12:00, never the ISO form, and
 * never a member name of the file. */
static void
assert_for_people (const PbQuoteIssue *issue)
{
  g_autofree char *text = pb_quote_issue_to_string (issue);

  if (strstr (text, "+08:00") != NULL || strstr (text, "T12:") != NULL || strstr (text, "account.") != NULL ||
      strstr (text, "live_base_fee_until") != NULL)
    g_error ("not for people: %s", text);
}

/* EL-7: codes need a valid base fee, and the customer's history holds one
 * until 2021-12-31 12:00 (the replay of its events says so, EL-10); after
 * that, the quote must buy one.  EL-10: a base fee in the quote renews the
 * held one from its end, or starts a new term after the lapse, and its
 * line says which, until when. */
static void
test_account_base_fee (void)
{
  g_autoptr(PbQuote) held = quote_for_customer_a (2021, 6, 1);
  g_autoptr(PbQuote) lapsed = quote_for_customer_a (2022, 1, 10);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  const PbQuoteIssue *issue;

  add_code (held, "standard", 1, 0);
  issues = check (held);
  g_assert_false (pb_pricing_issues_have_errors (issues));
  g_clear_pointer (&issues, g_ptr_array_unref);
  add_base_fee (held, 1);
  pricing = price_ok (held);
  assert_contains (line_of (pricing, 1, 0)->description, "(1 year): a renewal, continuing the current term "
                                                         "to 2022-12-31 12:00");
  g_clear_pointer (&pricing, pb_pricing_free);
  pb_quote_set_language (held, PB_QUOTE_LANGUAGE_ZH_CN);
  pricing = price_ok (held);
  assert_contains (line_of (pricing, 1, 0)->description, "续费，自当前有效期结束时顺延，有效期至 2022-12-31 12:00");
  g_clear_pointer (&pricing, pb_pricing_free);

  add_code (lapsed, "standard", 1, 0);
  issues = check (lapsed);
  issue = find_issue (issues, 0, "EL-7", PB_ISSUE_ERROR);
  assert_contains (issue->message, "the customer's base fee ended at 2021-12-31 12:00, by the quote's date 2022-01-10");
  assert_for_people (issue);
  /* Its fix buys a year of base fee (a new term after the lapse, EL-10). */
  g_assert_cmpint (issue->fix_kind, ==, PB_QUOTE_FIX_RENEW_BASE_FEE);
  {
    g_autoptr(PbQuote) fixed = pb_quote_copy (lapsed);
    g_autoptr(GPtrArray) after = NULL;

    g_assert_true (pb_quote_issue_apply_fix (issue, fixed));
    after = check (fixed);
    g_assert_false (pb_pricing_issues_have_errors (after));
  }
  add_base_fee (lapsed, 2);
  pricing = price_ok (lapsed);
  assert_contains (line_of (pricing, 1, 0)->description, "(2 years): a new term, valid until 2024-01-09 00:00");
}

/* EL-7: a quote for a customer nothing is known of names no member of the
 * file in what it says. */
static void
test_account_words (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;

  add_code (quote, "standard", 1, 0);
  pb_quote_set_live_base_fee_until (quote, pb_time_from_parts (2026, 11, 1, 12, 0, 0));
  issues = check (quote);
  assert_for_people (find_issue (issues, 0, "EL-7", PB_ISSUE_ERROR));
  g_clear_pointer (&issues, g_ptr_array_unref);
  pb_quote_set_live_base_fee_until (quote, PB_INSTANT_NONE);
  issues = check (quote);
  assert_for_people (find_issue (issues, 0, "EL-7", PB_ISSUE_ERROR));
}

/* EL-6 (convention): with the history known, an expansion is for a code
 * the customer holds that is neither void nor expired: B may be expanded on
 * 2020-06-01 (unbound, within its binding window), not once void on
 * 2020-07-01 15:00; A not after it expired on 2021-01-31 12:00. */
static void
test_account_expansion (void)
{
  g_autoptr(PbQuote) june = quote_for_customer_a (2020, 6, 1);
  g_autoptr(PbQuote) august = quote_for_customer_a (2020, 8, 1);
  g_autoptr(PbQuote) later = quote_for_customer_a (2021, 3, 1);
  g_autoptr(GPtrArray) issues = NULL;

  add_expansion (june, "B", 100);
  assert_clean (june);
  add_expansion (june, "Z", 100);
  issues = check (june);
  assert_contains (find_issue (issues, 1, "EL-6", PB_ISSUE_ERROR)->message, "holds no code “Z”");
  g_clear_pointer (&issues, g_ptr_array_unref);

  add_expansion (august, "B", 100);
  issues = check (august);
  assert_contains (find_issue (issues, 0, "EL-6", PB_ISSUE_ERROR)->message,
                   "code “B” became void at 2020-07-01 15:00");
  g_clear_pointer (&issues, g_ptr_array_unref);

  add_expansion (later, "A", 100);
  issues = check (later);
  assert_contains (find_issue (issues, 0, "EL-6", PB_ISSUE_ERROR)->message, "code “A” expired at 2021-01-31 12:00");
}

/* the history comes before the quote's date (the window may move the
 * date after the history was read); EL-3: a history that buys the base fee
 * and a date it ends besides would disagree. */
static void
test_account_conflicts (void)
{
  g_autoptr(PbQuote) quote = quote_for_customer_a (2020, 6, 1);
  g_autoptr(GPtrArray) issues = NULL;
  const PbQuoteIssue *issue;

  pb_quote_set_date (quote, pb_time_from_parts (2020, 5, 1, 0, 0, 0));
  issues = check (quote);
  issue = find_issue (issues, -1, "Q-1", PB_ISSUE_ERROR);
  assert_contains (issue->message, "event at 2020-05-01 15:00 (event 2), not before the quote's date 2020-05-01");
  assert_for_people (issue);
  g_clear_pointer (&issues, g_ptr_array_unref);

  pb_quote_set_date (quote, pb_time_from_parts (2020, 6, 1, 0, 0, 0));
  pb_quote_set_live_base_fee_until (quote, pb_time_from_parts (2021, 12, 31, 12, 0, 0));
  issues = check (quote);
  find_issue (issues, -1, "EL-3", PB_ISSUE_ERROR);
}

/* ------------------------------------------------------------------ */
/* Whole-quote advice and the fixes it offers                   */

/* The only warning of @rule about @item, which has a fix of @kind that,
 * applied, makes the warning go away (nothing else is checked here). */
static void
assert_fix_removes (PbQuote *quote, int item, const char *rule, PbQuoteFixKind kind)
{
  g_autoptr(GPtrArray) before = check (quote);
  g_autoptr(GPtrArray) after = NULL;
  const PbQuoteIssue *issue = find_issue (before, item, rule, PB_ISSUE_WARNING);

  assert_for_people (issue);
  g_assert_nonnull (issue->suggestion);
  g_assert_cmpint (issue->fix_kind, ==, kind);
  g_assert_true (pb_quote_issue_apply_fix (issue, quote));
  after = check (quote);
  g_assert_false (pb_pricing_issues_have_errors (after));
  for (guint i = 0; i < after->len; i++)
    if (g_str_equal (((PbQuoteIssue *) g_ptr_array_index (after, i))->rule, rule))
      g_error ("the fix left a %s issue: %s", rule, ((PbQuoteIssue *) g_ptr_array_index (after, i))->message);
}

/* Q-6, VM-6: the shipped sample buys fixed 100,000 + custom 30,000
 * minutes for ¥13,150 where one custom 130,000-minute package costs
 * ¥13,000 (130,000 × ¥0.1): the quote says so with the saving, and its fix
 * replaces both packages with that one, in their place. */
static void
test_advice_sample_packages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "quotes", "sample.pricebook", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = pb_quote_new_from_file (path, &error);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) before = NULL;
  g_autoptr(PbPricing) after = NULL;
  const PbQuoteIssue *issue;
  PbQuoteItem *fixed;

  g_assert_no_error (error);
  issues = check (quote);
  issue = find_issue (issues, -1, "VM-6", PB_ISSUE_WARNING);
  assert_contains (issue->message, "cost ¥13,150.00 for 130,000 minutes together, ¥150.00 more than the "
                                   "cheapest packages covering the same minutes");
  g_assert_cmpstr (issue->suggestion, ==, "replace them with 1 × custom 130,000-minute package for ¥13,000.00");
  g_assert_cmpint (issue->fix_kind, ==, PB_QUOTE_FIX_CHEAPEST_COVER);
  g_assert_cmpuint (issue->fix_remove->len, ==, 2);
  g_assert_cmpuint (g_array_index (issue->fix_remove, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (issue->fix_remove, guint, 1), ==, 2);
  g_assert_cmpuint (issue->fix_items->len, ==, 1);
  before = price_ok (quote);
  assert_fix_removes (quote, -1, "VM-6", PB_QUOTE_FIX_CHEAPEST_COVER);
  g_assert_cmpuint (pb_quote_get_n_items (quote), ==, 4);
  fixed = pb_quote_get_item (quote, 1);
  g_assert_cmpint (pb_quote_item_get_kind (fixed), ==, PB_ITEM_KIND_CUSTOM_PACKAGE);
  g_assert_cmpint (pb_quote_item_get_minutes (fixed), ==, 130000);
  after = price_ok (quote);
  g_assert_cmpint (before->subtotal - after->subtotal, ==, YUAN (150));
}

/* Q-6, VM-6: two custom 5,000-minute packages cost ¥1,100 (2 × 5,000 ×
 * ¥0.11); one fixed 10,000-minute package costs ¥1,050.  Each alone is
 * the cheapest for its 5,000 minutes, so only the whole quote shows it. */
static void
test_advice_two_custom (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;
  const PbQuoteIssue *issue;

  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 5000, 1);
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 5000, 1);
  issues = check (quote);
  g_assert_cmpuint (issues->len, ==, 1);
  issue = find_issue (issues, -1, "VM-6", PB_ISSUE_WARNING);
  assert_contains (issue->message, "cost ¥1,100.00 for 10,000 minutes together, ¥50.00 more");
  assert_contains (issue->suggestion, "1 × fixed 10,000-minute package for ¥1,050.00");
  assert_fix_removes (quote, -1, "VM-6", PB_QUOTE_FIX_CHEAPEST_COVER);
  g_assert_cmpuint (pb_quote_get_n_items (quote), ==, 1);
  g_assert_cmpint (pb_quote_item_get_kind (pb_quote_get_item (quote, 0)), ==, PB_ITEM_KIND_FIXED_PACKAGE);
  assert_clean (quote);
}

/* VM-5/VM-6: one item dearer than the cheapest cover of its minutes offers
 * that cover as its fix, in the item's place. */
static void
test_advice_item_cover_fix (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);

  add_numbers (quote, 1, 12);
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 99000, 1);
  assert_fix_removes (quote, 1, "VM-6", PB_QUOTE_FIX_CHEAPEST_COVER);
  g_assert_cmpuint (pb_quote_get_n_items (quote), ==, 2);
  g_assert_cmpint (pb_quote_item_get_minutes (pb_quote_get_item (quote, 1)), ==, 100000);
  assert_clean (quote);
}

/* the single-value fixes are applied the same way. */
static void
test_advice_property_fix (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;
  const PbQuoteIssue *issue;

  add_numbers (quote, 1, 1);
  add_package (quote, PB_ITEM_KIND_CUSTOM_PACKAGE, 1500, 1);
  issues = check (quote);
  issue = find_issue (issues, 1, "VM-6", PB_ISSUE_ERROR);
  g_assert_cmpint (issue->fix_kind, ==, PB_QUOTE_FIX_SET_PROPERTY);
  g_assert_true (pb_quote_issue_apply_fix (issue, quote));
  g_assert_cmpint (pb_quote_item_get_minutes (pb_quote_get_item (quote, 1)), ==, 2000);
  assert_clean (quote);
}

/* Q-6, VM-8: numbers with no minutes in the quote or left in the account
 * cannot send; the fix adds the smallest package.  Minutes left in the
 * customer's account are enough; minutes expired (VM-9) are not. */
static void
test_advice_numbers_without_minutes (void)
{
  g_autoptr(PbQuote) quote = new_quote (TRUE);
  g_autoptr(PbQuote) held = new_quote (TRUE);
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(PbScenario) history = pb_scenario_new (catalog);
  g_autoptr(GPtrArray) issues = NULL;
  PbScenarioEvent package;

  add_numbers (quote, 2, 12);
  assert_fix_removes (quote, 0, "VM-8", PB_QUOTE_FIX_ADD_PACKAGE);
  g_assert_cmpint (pb_quote_item_get_kind (pb_quote_get_item (quote, 1)), ==, PB_ITEM_KIND_FIXED_PACKAGE);
  g_assert_cmpint (pb_quote_item_get_minutes (pb_quote_get_item (quote, 1)), ==, 10000);

  /* Bought 2025-06-01, valid 24 months: left on 2026-11-22. */
  pb_scenario_event_init (&package, PB_EVENT_VOICE_PACKAGE_BUY, pb_time_from_parts (2025, 6, 1, 9, 0, 0), "P");
  package.package_kind = PB_PACKAGE_FIXED;
  package.minutes = 10000;
  g_assert_cmpint (pb_scenario_append_event (history, &package, NULL), ==, 0);
  pb_quote_set_account (held, history);
  add_numbers (held, 2, 12);
  assert_clean (held);
  /* On 2027-07-01 it has expired, on 2027-06-01 09:00 (VM-9). */
  pb_quote_set_date (held, pb_time_from_parts (2027, 7, 1, 0, 0, 0));
  issues = check (held);
  find_issue (issues, 0, "VM-8", PB_ISSUE_WARNING);
}

/* Q-6, EL-8: a code bought while the base fee ends less than a year later
 * is suspended from that end: the issue's case, a Flagship code for a
 * customer whose base fee ends 40 days after the quote's date, and customer
 * A's codes quoted on 2021-06-01 (base fee until 2021-12-31 12:00).  The
 * warning says when; its fix buys a year of base fee first (EL-10), and
 * then nothing is suspended.  A base fee bought in the quote lasts a year. */
static void
test_advice_code_year (void)
{
  g_autoptr(PbQuote) soon = new_quote (TRUE);
  g_autoptr(PbQuote) customer_a = quote_for_customer_a (2021, 6, 1);
  g_autoptr(PbQuote) bought = new_quote (TRUE);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  const PbQuoteIssue *issue;

  pb_quote_set_live_base_fee_until (soon, pb_time_from_parts (2027, 1, 1, 12, 0, 0));
  add_code (soon, "flagship", 1, 0);
  add_expansion (soon, "K", 1000);
  issues = check (soon);
  issue = find_issue (issues, 0, "EL-8", PB_ISSUE_WARNING);
  assert_contains (issue->message, "the base fee ends at 2027-01-01 12:00, less than a year after the quote's date: "
                                   "codes bought now would be suspended from 2027-01-01 12:00");
  assert_contains (find_issue (issues, 1, "EL-8", PB_ISSUE_WARNING)->message,
                   "code “K” and its expansion would be suspended from 2027-01-01 12:00");
  g_assert_false (pb_pricing_issues_have_errors (issues));
  /* Warnings never block pricing. */
  pricing = price_ok (soon);
  g_assert_cmpint (pricing->total, ==, YUAN (65000 + 100000));
  assert_fix_removes (soon, 0, "EL-8", PB_QUOTE_FIX_RENEW_BASE_FEE);
  g_assert_cmpint (pb_quote_item_get_kind (pb_quote_get_item (soon, 2)), ==, PB_ITEM_KIND_BASE_FEE);

  add_code (customer_a, "standard", 2, 0);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = check (customer_a);
  assert_contains (find_issue (issues, 0, "EL-8", PB_ISSUE_WARNING)->message, "suspended from 2021-12-31 12:00");
  assert_fix_removes (customer_a, 0, "EL-8", PB_QUOTE_FIX_RENEW_BASE_FEE);

  add_base_fee (bought, 1);
  add_code (bought, "standard", 1, 0);
  assert_clean (bought);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pricing/Q-3/contract-example", test_contract_example);
  g_test_add_func ("/pricing/VM-2/numbers", test_numbers);
  g_test_add_func ("/pricing/VM-5/fixed-packages", test_fixed_packages);
  g_test_add_func ("/pricing/VM-5/unknown-size", test_fixed_unknown_size);
  g_test_add_func ("/pricing/VM-5/catalog-without-fixed-packages", test_no_fixed_packages);
  g_test_add_func ("/pricing/VM-6/custom-tiers", test_custom_tiers);
  g_test_add_func ("/pricing/VM-6/custom-grid", test_custom_grid);
  g_test_add_func ("/pricing/VM-6/cheaper-cover", test_cheaper_cover);
  g_test_add_func ("/pricing/VM-5/VM-6/EL-7/keystrokes", test_keystrokes);
  g_test_add_func ("/pricing/EL-3/one-gift-per-purchase", test_base_fee);
  g_test_add_func ("/pricing/EL-3/gift-per-year-catalog", test_base_fee_gift_per_year);
  g_test_add_func ("/pricing/EL-4/codes", test_codes);
  g_test_add_func ("/pricing/EL-4/unknown-tier", test_unknown_tier);
  g_test_add_func ("/pricing/EL-5/add-on", test_addon);
  g_test_add_func ("/pricing/EL-5/add-on-step", test_addon_step);
  g_test_add_func ("/pricing/EL-6/expansion", test_expansion);
  g_test_add_func ("/pricing/EL-6/expansion-names-code", test_expansion_needs_code);
  g_test_add_func ("/pricing/EL-7/base-fee-needed", test_base_fee_needed);
  g_test_add_func ("/pricing/EL-T2/base-fee-years-limit", test_base_fee_years_limit);
  g_test_add_func ("/pricing/VM-10/enterprise-only", test_voice_enterprise_only);
  g_test_add_func ("/pricing/EL-2/enterprise-only", test_live_enterprise_only);
  g_test_add_func ("/pricing/VM-11/more-than-five-numbers", test_number_advisory);
  g_test_add_func ("/pricing/VM-1/vouchers", test_vouchers);
  g_test_add_func ("/pricing/Q-4/counts-below-one", test_counts);
  g_test_add_func ("/pricing/Q-4/error-lists-every-rule", test_error_lists_every_rule);
  g_test_add_func ("/pricing/Q-4/fixes", test_fixes);
  g_test_add_func ("/pricing/Q-3/discount-rounding", test_discount_rounding);
  g_test_add_func ("/pricing/Q-3/overflow", test_overflow);
  g_test_add_func ("/pricing/Q-3/overflow-line", test_overflow_line);
  g_test_add_func ("/pricing/Q-5/terms", test_terms);
  g_test_add_func ("/pricing/Q-5/terms-from-catalog", test_terms_from_catalog);
  g_test_add_func ("/pricing/Q-5/VM-3/EL-9/terms", test_terms_partial_month_and_broadcasts);
  g_test_add_func ("/pricing/EL-11/no-refunds-term", test_no_refunds);
  g_test_add_func ("/pricing/Q-2/chinese-lines", test_chinese_lines);
  g_test_add_func ("/pricing/Q-1/currency", test_currency);
  g_test_add_func ("/pricing/Q-1/empty-quote", test_empty_quote);
  g_test_add_func ("/pricing/Q-3/pure-and-json", test_pure_and_json);
  g_test_add_func ("/pricing/EL-7/EL-10/account-base-fee", test_account_base_fee);
  g_test_add_func ("/pricing/EL-7/account-words", test_account_words);
  g_test_add_func ("/pricing/EL-6/account-expansion", test_account_expansion);
  g_test_add_func ("/pricing/Q-1/EL-3/account-conflicts", test_account_conflicts);
  g_test_add_func ("/pricing/Q-6/VM-6/sample-packages", test_advice_sample_packages);
  g_test_add_func ("/pricing/Q-6/VM-6/two-custom-packages", test_advice_two_custom);
  g_test_add_func ("/pricing/Q-6/VM-5/VM-6/item-cover-fix", test_advice_item_cover_fix);
  g_test_add_func ("/pricing/Q-4/VM-6/property-fix", test_advice_property_fix);
  g_test_add_func ("/pricing/Q-6/VM-8/VM-9/numbers-without-minutes", test_advice_numbers_without_minutes);
  g_test_add_func ("/pricing/Q-6/EL-8/EL-10/code-year", test_advice_code_year);
  g_test_add_func ("/pricing/Q-7/tax-compute", test_tax_compute);
  g_test_add_func ("/pricing/Q-7/tax-limits", test_tax_limits);
  g_test_add_func ("/pricing/Q-7/tax-in-quote", test_tax_in_quote);
  g_test_add_func ("/pricing/Q-1/text-limits", test_text_limits);

  return g_test_run ();
}
