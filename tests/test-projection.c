/* test-projection.c: a quote shown over time ("Show on timeline")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pb-key-dates.h"
#include "pb-lifecycle.h"
#include "pb-projection.h"
#include "pb-test.h"

static PbInstant
at (const char *text)
{
  PbInstant instant;

  g_assert_true (pb_time_parse (text, &instant, NULL));
  return instant;
}

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
 * gifts one code (EL-3 convention); three standard codes with add-ons to
 * bind within two months (EL-7, EL-T3); nothing rejected. */
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
  g_assert_cmpuint (pb_lifecycle_get_n_codes (lifecycle), ==, 4);
  g_assert_cmpint (pb_lifecycle_base_fee_at (lifecycle, at ("2020-06-01"), &expires), ==, PB_BASE_FEE_ACTIVE);
  g_assert_cmpint (expires, ==, at ("2021-12-31T12:00:00+08:00"));
  code = pb_lifecycle_lookup_code (lifecycle, "C3");
  g_assert_nonnull (code);
  g_assert_cmpstr (code->tier, ==, "standard");
  g_assert_cmpint (code->addon_viewers, ==, 300);
  g_assert_cmpint (code->bind_deadline, ==, at ("2020-03-01T12:00:00+08:00"));
  g_assert_nonnull (pb_lifecycle_lookup_code (lifecycle, "G1"));
  g_assert_null (pb_lifecycle_lookup_code (lifecycle, "G2"));
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

  g_assert_cmpuint (pb_lifecycle_get_n_numbers (lifecycle), ==, 2);
  g_assert_true (pb_lifecycle_number_at (lifecycle, pb_lifecycle_lookup_number (lifecycle, "N2"),
                                         at ("2028-01-01"), &active, &months));
  g_assert_false (active);
  g_assert_cmpuint (months, ==, 12);
  g_assert_cmpuint (pb_lifecycle_get_n_packages (lifecycle), ==, 2);
  package = pb_lifecycle_lookup_package (lifecycle, "P2");
  g_assert_cmpint (package->expires_at, ==, at ("2028-11-22T00:00:00+08:00"));
  g_assert_cmpint (pb_lifecycle_balance_at (lifecycle, at ("2027-01-01")), ==, 200000);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/projection/EL-3/EL-7/EL-10/live", test_projection_live);
  g_test_add_func ("/projection/VM-3/VM-4/VM-9/voice", test_projection_voice);
  g_test_add_func ("/projection/EL-7/held-base-fee", test_projection_held_base_fee);
  g_test_add_func ("/projection/EL-3/one-gift-per-purchase", test_projection_one_gift);
  g_test_add_func ("/projection/EL-7/EL-10/history", test_projection_history);
  return g_test_run ();
}
