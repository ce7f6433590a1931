/* test-projection.c: a quote shown over time ("Show on timeline")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pb-key-dates.h"
#include "pb-lifecycle.h"
#include "pb-pricing.h"
#include "pb-projection.h"
#include "pb-test.h"

#define at(text) pb_test_at (text)

static PbQuoteItem *
item (PbItemKind kind)
{
  return pb_quote_item_new (kind);
}

static PbLifecycle *
project (PbQuote *quote, PbInstant start)
{
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = pb_quote_project (quote, catalog, start, &error);
  PbLifecycle *lifecycle;

  g_assert_no_error (error);
  lifecycle = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, &error);
  g_assert_no_error (error);
  return lifecycle;
}

/* Two base-fee years: one purchase of two consecutive years (EL-T2) that
 * gifts one code (EL-3 convention); three standard codes with add-ons, one
 * group under one id, to bind within two months (EL-7, EL-T3), charged
 * three times (EL-4, EL-5); nothing rejected. */
static void
test_projection_live (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbQuoteItem) codes = item (PB_ITEM_KIND_CODE);
  g_autoptr(PbQuoteItem) base = item (PB_ITEM_KIND_BASE_FEE);
  g_autoptr(PbLifecycle) lifecycle = NULL;
  const PbLifecycleCode *code;
  guint n;
  PbInstant expires;

  pb_quote_item_set_tier (codes, "standard");
  pb_quote_item_set_quantity (codes, 3);
  pb_quote_item_set_extra_viewers (codes, 300);
  pb_quote_item_set_years (base, 2);
  pb_quote_append_item (quote, codes);   /* after the codes: projected first all the same */
  pb_quote_append_item (quote, base);
  lifecycle = project (quote, at ("2020-01-01T12:00:00+08:00"));

  pb_lifecycle_get_rejections (lifecycle, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (pb_lifecycle_get_n_codes (lifecycle), ==, 2);
  g_assert_cmpint (pb_lifecycle_base_fee_at (lifecycle, at ("2020-06-01"), &expires), ==, PB_BASE_FEE_ACTIVE);
  g_assert_cmpint (expires, ==, at ("2021-12-31T12:00:00+08:00"));
  code = pb_lifecycle_lookup_code (lifecycle, "C1");
  g_assert_nonnull (code);
  g_assert_cmpint (code->quantity, ==, 3);
  g_assert_cmpstr (code->tier, ==, "standard");
  g_assert_cmpint (code->addon_viewers, ==, 300);
  g_assert_cmpint (code->bind_deadline, ==, at ("2020-03-01T12:00:00+08:00"));
  g_assert_nonnull (pb_lifecycle_lookup_code (lifecycle, "G1"));
  g_assert_cmpint (pb_lifecycle_lookup_code (lifecycle, "G1")->quantity, ==, 1);
  g_assert_null (pb_lifecycle_lookup_code (lifecycle, "G2"));
  /* 2 × ¥140,000 + 3 × (¥9,000 + 300 × ¥100) */
  g_assert_cmpint (pb_lifecycle_get_total (lifecycle), ==, PB_MONEY_FROM_YUAN (397000));
}

/* EL-3: the trap.  A base fee of 3 years gifts one Flagship code,
 * not three of which two are void two months later; a catalog that gifts
 * one a year projects three purchases. */
static void
test_projection_one_gift (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbQuoteItem) base = item (PB_ITEM_KIND_BASE_FEE);
  g_autoptr(PbLifecycle) lifecycle = NULL;
  g_autoptr(PbCatalog) per_year = NULL;
  g_autoptr(PbScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  PbInstant expires;

  pb_quote_item_set_years (base, 3);
  pb_quote_append_item (quote, base);
  lifecycle = project (quote, at ("2026-11-22T00:00:00+08:00"));
  g_assert_cmpuint (pb_lifecycle_get_n_codes (lifecycle), ==, 1);
  g_assert_true (pb_lifecycle_lookup_code (lifecycle, "G1")->gift);
  g_assert_cmpint (pb_lifecycle_base_fee_at (lifecycle, at ("2027-01-01"), &expires), ==, PB_BASE_FEE_ACTIVE);
  g_assert_cmpint (expires, ==, at ("2029-11-21T00:00:00+08:00"));
  g_assert_cmpint (pb_lifecycle_get_total (lifecycle), ==, PB_MONEY_FROM_YUAN (420000));

  per_year = pb_test_catalog_edited ("\"one-per-purchase\"", "\"one-per-year\"");
  scenario = pb_quote_project (quote, per_year, at ("2026-11-22T00:00:00+08:00"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pb_scenario_get_n_events (scenario), ==, 3);
}

/* Numbers billed for 12 months (VM-3, VM-4) and packages valid 24 months (VM-9). */
static void
test_projection_voice (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbQuoteItem) numbers = item (PB_ITEM_KIND_NUMBERS);
  g_autoptr(PbQuoteItem) fixed = item (PB_ITEM_KIND_FIXED_PACKAGE);
  g_autoptr(PbLifecycle) lifecycle = NULL;
  const PbLifecyclePackage *package;
  gboolean active;
  guint months;

  pb_quote_item_set_numbers (numbers, 2);
  pb_quote_item_set_months (numbers, 12);
  pb_quote_item_set_minutes (fixed, 100000);
  pb_quote_item_set_quantity (fixed, 2);
  pb_quote_append_item (quote, numbers);
  pb_quote_append_item (quote, fixed);
  lifecycle = project (quote, at ("2026-11-22T00:00:00+08:00"));

  g_assert_cmpuint (pb_lifecycle_get_n_numbers (lifecycle), ==, 1);
  g_assert_true (pb_lifecycle_number_at (lifecycle, pb_lifecycle_lookup_number (lifecycle, "N1"),
                                         at ("2028-01-01"), &active, &months));
  g_assert_false (active);
  g_assert_cmpuint (months, ==, 12);
  g_assert_cmpint (pb_lifecycle_lookup_number (lifecycle, "N1")->spans[0].quantity, ==, 2);
  g_assert_cmpuint (pb_lifecycle_get_n_packages (lifecycle), ==, 1);
  package = pb_lifecycle_lookup_package (lifecycle, "P1");
  g_assert_cmpint (package->quantity, ==, 2);
  g_assert_cmpint (package->minutes, ==, 100000);
  g_assert_cmpint (package->expires_at, ==, at ("2028-11-22T00:00:00+08:00"));
  g_assert_cmpint (pb_lifecycle_balance_at (lifecycle, at ("2027-01-01")), ==, 200000);
  /* 2 numbers × 12 months × ¥50 + 2 × ¥10,000 */
  g_assert_cmpint (pb_lifecycle_get_total (lifecycle), ==, PB_MONEY_FROM_YUAN (21200));
}

/* Codes sold to a customer who already holds a base fee find it valid (EL-7). */
static void
test_projection_held_base_fee (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbQuoteItem) codes = item (PB_ITEM_KIND_CODE);
  g_autoptr(PbLifecycle) lifecycle = NULL;
  PbInstant expires;
  guint n;

  pb_quote_item_set_tier (codes, "flagship");
  pb_quote_append_item (quote, codes);
  pb_quote_set_live_base_fee_until (quote, at ("2027-03-31T00:00:00+08:00"));
  lifecycle = project (quote, at ("2026-11-22T00:00:00+08:00"));
  pb_lifecycle_get_rejections (lifecycle, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (pb_lifecycle_base_fee_at (lifecycle, at ("2026-11-22"), &expires), ==, PB_BASE_FEE_ACTIVE);
  g_assert_cmpint (expires, ==, at ("2027-03-31T00:00:00+08:00"));
}

/* The quote's account comes first, as it happened (EL-10: a base fee in
 * the quote renews the held one from its end): customer A's history up to
 * 2021-06-01, then a base fee and a code bought at the quote's date.  The
 * history's events keep their role and names; the quote's purchases take
 * names the history does not use; key dates start at the quote's date. */
static void
test_projection_history (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(PbScenario) customer_a = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(PbQuote) quote = pb_quote_new_from_account (customer_a, at ("2021-05-31T12:00:00+08:00"));
  g_autoptr(PbQuoteItem) base = item (PB_ITEM_KIND_BASE_FEE);
  g_autoptr(PbQuoteItem) codes = item (PB_ITEM_KIND_CODE);
  g_autoptr(PbProjection) projection = NULL;
  g_autoptr(PbLifecycle) lifecycle = NULL;
  g_autoptr(GArray) dates = NULL;
  g_autoptr(GError) error = NULL;
  PbScenario *scenario;
  PbScenarioEvent named;
  PbInstant expires;
  guint n;

  /* A history that happens to use a name the projection would give. */
  pb_scenario_event_init (&named, PB_EVENT_LIVE_CODE_BUY, at ("2020-06-01T10:00:00+08:00"), "C1");
  named.tier = "standard";
  g_assert_cmpint (pb_scenario_append_event (pb_quote_get_account (quote), &named, NULL), ==, 4);
  pb_scenario_event_init (&named, PB_EVENT_LIVE_CODE_BIND, at ("2020-06-02T10:00:00+08:00"), "C1");
  g_assert_cmpint (pb_scenario_append_event (pb_quote_get_account (quote), &named, NULL), ==, 5);
  pb_quote_item_set_years (base, 1);
  pb_quote_item_set_tier (codes, "flagship");
  pb_quote_append_item (quote, base);
  pb_quote_append_item (quote, codes);
  /* EL-6: an expansion of the history's C1 is drawn on it; of a code
   * nobody knows, it is left out. */
  {
    g_autoptr(PbQuoteItem) known = item (PB_ITEM_KIND_EXPANSION);
    g_autoptr(PbQuoteItem) unknown = item (PB_ITEM_KIND_EXPANSION);

    pb_quote_item_set_code (known, "C1");
    pb_quote_item_set_extra_viewers (known, 100);
    pb_quote_item_set_code (unknown, "Z");
    pb_quote_item_set_extra_viewers (unknown, 100);
    pb_quote_append_item (quote, known);
    pb_quote_append_item (quote, unknown);
  }
  g_assert_cmpint (pb_quote_get_date (quote), ==, at ("2021-05-31T00:00:00+08:00"));

  projection = pb_projection_new (quote, catalog, NULL, &error);
  g_assert_no_error (error);
  scenario = pb_projection_get_scenario (projection);
  g_assert_cmpuint (pb_scenario_get_n_events (scenario), ==, 9);
  g_assert_cmpint (pb_scenario_get_event (scenario, 8)->type, ==, PB_EVENT_LIVE_CODE_EXPAND);
  g_assert_cmpstr (pb_scenario_get_event (scenario, 8)->subject, ==, "C1");
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (pb_projection_get_event_role (projection, i), ==, PB_PROJECTION_HISTORY);
  g_assert_cmpstr (pb_scenario_get_event (scenario, 0)->subject, ==, "A");
  g_assert_cmpint (pb_projection_get_event_role (projection, 6), ==, PB_PROJECTION_PROPOSED);
  g_assert_cmpstr (pb_scenario_get_event (scenario, 7)->subject, ==, "C2");

  lifecycle = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, &error);
  g_assert_no_error (error);
  pb_lifecycle_get_rejections (lifecycle, &n);
  g_assert_cmpuint (n, ==, 0);
  /* Held until 2021-12-31 12:00 (EL-10 renewal on 2020-05-01), renewed by
   * the quote to 2022-12-31 12:00. */
  g_assert_cmpint (pb_lifecycle_base_fee_at (lifecycle, at ("2021-06-01"), &expires), ==, PB_BASE_FEE_ACTIVE);
  g_assert_cmpint (expires, ==, at ("2022-12-31T12:00:00+08:00"));
  g_assert_true (pb_lifecycle_lookup_code (lifecycle, "B")->void_at == at ("2020-07-01T15:00:00+08:00"));
  g_assert_cmpuint (pb_lifecycle_lookup_code (lifecycle, "C1")->n_expansions, ==, 1);
  dates = pb_projection_key_dates (projection, lifecycle, PB_INSTANT_NONE);
  g_assert_cmpuint (dates->len, >, 0);
  for (guint i = 0; i < dates->len; i++)
    g_assert_cmpint (g_array_index (dates, PbKeyDate, i).at, >=, at ("2021-05-31T00:00:00+08:00"));
}

/* Issue 16.5: a valid quote of 999 items of 100,000 codes once projected
 * 99.9 million events.  Each item is one group now: as many events as
 * items, and the groups' charges add up to what the quote prices
 * (EL-4, VM-2, VM-5, VM-6). */
static void
test_projection_groups (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbScenario) scenario = NULL;
  g_autoptr(PbLifecycle) lifecycle = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuoteItem) base = item (PB_ITEM_KIND_BASE_FEE);
  g_autoptr(PbQuoteItem) numbers = item (PB_ITEM_KIND_NUMBERS);
  g_autoptr(PbQuoteItem) custom = item (PB_ITEM_KIND_CUSTOM_PACKAGE);

  pb_customer_set_enterprise (pb_quote_get_customer (quote), TRUE);
  pb_quote_item_set_years (base, 1);
  pb_quote_append_item (quote, base);
  for (guint i = 0; i < 999; i++)
    {
      g_autoptr(PbQuoteItem) codes = item (PB_ITEM_KIND_CODE);

      pb_quote_item_set_tier (codes, i % 2 ? "standard" : "flagship");
      pb_quote_item_set_quantity (codes, 100000);
      pb_quote_item_set_extra_viewers (codes, i % 3 ? 0 : 100);
      pb_quote_append_item (quote, codes);
    }
  pb_quote_item_set_numbers (numbers, 10000);
  pb_quote_item_set_months (numbers, 1200);
  pb_quote_append_item (quote, numbers);
  pb_quote_item_set_minutes (custom, 25000);
  pb_quote_item_set_quantity (custom, 100000);
  pb_quote_append_item (quote, custom);

  scenario = pb_quote_project (quote, catalog, at ("2026-11-22T00:00:00+08:00"), &error);
  g_assert_no_error (error);
  /* the base fee, 999 codes, a number's activation and end, a package */
  g_assert_cmpuint (pb_scenario_get_n_events (scenario), ==, 1 + 999 + 2 + 1);
  lifecycle = pb_test_replay (scenario);
  g_assert_cmpuint (pb_lifecycle_get_n_codes (lifecycle), ==, 1000);
  g_assert_true (pb_pricing_compute (catalog, quote, &pricing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pb_lifecycle_get_total (lifecycle), ==, pricing->subtotal);
}

/* A figure projects no more items than it can draw, and says which it did;
 * key dates need no numbers. */
static void
test_projection_options (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbProjection) first = NULL;
  g_autoptr(PbProjection) no_numbers = NULL;
  g_autoptr(GError) error = NULL;
  PbProjectionOptions options;
  const char * const kinds[] = { "numbers", "code", "expansion", "fixed", "code", "base" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(PbQuoteItem) it = NULL;

      if (g_str_equal (kinds[i], "numbers"))
        {
          it = item (PB_ITEM_KIND_NUMBERS);
          pb_quote_item_set_numbers (it, 3);
          pb_quote_item_set_months (it, 12);
        }
      else if (g_str_equal (kinds[i], "code"))
        {
          it = item (PB_ITEM_KIND_CODE);
          pb_quote_item_set_tier (it, "standard");
        }
      else if (g_str_equal (kinds[i], "expansion"))
        {
          it = item (PB_ITEM_KIND_EXPANSION);
          pb_quote_item_set_extra_viewers (it, 100);
        }
      else if (g_str_equal (kinds[i], "fixed"))
        {
          it = item (PB_ITEM_KIND_FIXED_PACKAGE);
          pb_quote_item_set_minutes (it, 10000);
        }
      else
        it = item (PB_ITEM_KIND_BASE_FEE);
      pb_quote_append_item (quote, it);
    }

  pb_projection_options_init (&options);
  options.max_items = 3;
  first = pb_projection_new (quote, catalog, &options, &error);
  g_assert_no_error (error);
  /* Base fees first (EL-7), then the quote's order; the expansion is not drawn. */
  g_assert_cmpstr (pb_projection_get_item_subject (first, 5), ==, "G1");
  g_assert_cmpstr (pb_projection_get_item_subject (first, 0), ==, "N1");
  g_assert_cmpstr (pb_projection_get_item_subject (first, 1), ==, "C1");
  g_assert_null (pb_projection_get_item_subject (first, 2));
  g_assert_null (pb_projection_get_item_subject (first, 3));
  g_assert_null (pb_projection_get_item_subject (first, 4));
  g_assert_cmpint (pb_projection_get_start (first), ==, pb_quote_get_date (quote));

  pb_projection_options_init (&options);
  options.numbers = FALSE;
  no_numbers = pb_projection_new (quote, catalog, &options, &error);
  g_assert_no_error (error);
  g_assert_null (pb_projection_get_item_subject (no_numbers, 0));
  g_assert_cmpstr (pb_projection_get_item_subject (no_numbers, 4), ==, "C2");
  g_assert_cmpuint (pb_scenario_get_n_events (pb_projection_get_scenario (no_numbers)), ==, 4);
}

/* The projection's title names the quote, and a new quote, which has no
 * number until it is first saved, as new (no "Quote  over time"). */
static void
test_projection_title (void)
{
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (NULL);
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbProjection) unnumbered = NULL;
  g_autoptr(PbProjection) numbered = NULL;
  g_autoptr(GError) error = NULL;

  unnumbered = pb_projection_new (quote, catalog, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_scenario_get_title (pb_projection_get_scenario (unnumbered)), ==, "New quote over time");
  pb_quote_set_number (quote, "Q-2026-0042");
  numbered = pb_projection_new (quote, catalog, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_scenario_get_title (pb_projection_get_scenario (numbered)), ==,
                   "Quote Q-2026-0042 over time");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/projection/EL-3/EL-7/EL-10/live", test_projection_live);
  g_test_add_func ("/projection/VM-3/VM-4/VM-9/voice", test_projection_voice);
  g_test_add_func ("/projection/EL-7/held-base-fee", test_projection_held_base_fee);
  g_test_add_func ("/projection/EL-3/one-gift-per-purchase", test_projection_one_gift);
  g_test_add_func ("/projection/EL-7/EL-10/history", test_projection_history);
  g_test_add_func ("/projection/EL-4/VM-2/VM-6/groups", test_projection_groups);
  g_test_add_func ("/projection/EL-7/options", test_projection_options);
  g_test_add_func ("/projection/title", test_projection_title);
  return g_test_run ();
}
