/* test-lifecycle.c: the lifecycle engine, instant by instant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every check names its instant in +08:00 and is looked at one second
 * before and exactly at each boundary, because intervals are half-open.
 * The scenarios live in tests/data/scenarios/ (and the documented example
 * in the GResource); each one is also replayed cut off at every instant
 * checked, to prove that the state at T depends only on the events up to T.
 */
#include <string.h>

#include "pb-error.h"
#include "pb-lifecycle.h"
#include "pb-scenario.h"
#include "pb-test.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                            */

static PbInstant
at (const char *text)
{
  g_autoptr(GError) error = NULL;
  PbInstant instant = 0;

  g_assert_true (pb_time_parse (text, &instant, &error));
  g_assert_no_error (error);
  return instant;
}

static void
assert_instant (PbInstant instant, const char *expected)
{
  if (expected == NULL)
    g_assert_cmpint (instant, ==, PB_INSTANT_NONE);
  else
    {
      g_autofree char *text = instant == PB_INSTANT_NONE ? g_strdup ("none") : pb_time_format (instant);

      g_assert_cmpstr (text, ==, expected);
    }
}

static PbScenario *
load_data (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "scenarios", name, NULL);
  PbScenario *scenario = pb_scenario_new_from_file (path, catalog, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

static PbLifecycle *
replay (PbScenario *scenario, PbInstant until)
{
  g_autoptr(GError) error = NULL;
  PbLifecycle *lifecycle = pb_lifecycle_replay_scenario (scenario, until, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lifecycle);
  return lifecycle;
}

static void
assert_base_fee (PbLifecycle *lifecycle, const char *when, PbBaseFeeState state, const char *expires)
{
  PbInstant expires_at;

  g_assert_cmpstr (pb_base_fee_state_to_string (pb_lifecycle_base_fee_at (lifecycle, at (when), &expires_at)),
                   ==, pb_base_fee_state_to_string (state));
  assert_instant (expires_at, expires);
}

static PbCodeStatus
code_status (PbLifecycle *lifecycle, const char *id, const char *when)
{
  const PbLifecycleCode *code = pb_lifecycle_lookup_code (lifecycle, id);
  PbCodeStatus status = { 0 };

  g_assert_nonnull (code);
  if (!pb_lifecycle_code_at (lifecycle, code, at (when), &status))
    g_error ("code %s is not bought at %s", id, when);
  return status;
}

static void
assert_code (PbLifecycle *lifecycle, const char *id, const char *when, PbCodeState state,
             gboolean usable, gint64 max_viewers)
{
  PbCodeStatus status = code_status (lifecycle, id, when);

  if (status.state != state)
    g_error ("code %s at %s is %s, expected %s", id, when, pb_code_state_to_string (status.state),
             pb_code_state_to_string (state));
  g_assert_cmpint (status.usable, ==, usable);
  g_assert_cmpint (status.max_viewers, ==, max_viewers);
}

static void
assert_not_bought (PbLifecycle *lifecycle, const char *id, const char *when)
{
  const PbLifecycleCode *code = pb_lifecycle_lookup_code (lifecycle, id);
  PbCodeStatus status;

  g_assert_true (code == NULL || !pb_lifecycle_code_at (lifecycle, code, at (when), &status));
}

static void
assert_span (const PbSpan *span, const char *start, const char *end)
{
  assert_instant (span->start, start);
  if (end == NULL)
    g_assert_cmpint (span->end, ==, PB_INSTANT_FOREVER);
  else
    assert_instant (span->end, end);
}

/* The rejections, as "event:rule" joined by spaces. */
static char *
rejections_summary (PbLifecycle *lifecycle)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;
  const PbRejection *rejections = pb_lifecycle_get_rejections (lifecycle, &n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%u:%s", i ? " " : "", rejections[i].event, rejections[i].rule);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_rejections (PbLifecycle *lifecycle, const char *expected)
{
  g_autofree char *summary = rejections_summary (lifecycle);

  g_assert_cmpstr (summary, ==, expected);
}

static const PbRejection *
rejection_of (PbLifecycle *lifecycle, guint event)
{
  guint n;
  const PbRejection *rejections = pb_lifecycle_get_rejections (lifecycle, &n);

  for (guint i = 0; i < n; i++)
    if (rejections[i].event == event)
      return &rejections[i];
  g_error ("event %u is not rejected", event);
}

static void
assert_reason (PbLifecycle *lifecycle, guint event, const char *needle)
{
  const PbRejection *rejection = rejection_of (lifecycle, event);

  if (strstr (rejection->reason, needle) == NULL)
    g_error ("the reason “%s” does not mention “%s”", rejection->reason, needle);
}

/* Everything the state at @when says, as one line of text, so that two
 * replays can be compared whole. */
static char *
state_digest (PbLifecycle *lifecycle, PbInstant when, gboolean with_events)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PbInstant expires;
  PbBaseFeeState base = pb_lifecycle_base_fee_at (lifecycle, when, &expires);
  guint n_rejections, n_charges, n_alarms;
  const PbRejection *rejections = pb_lifecycle_get_rejections (lifecycle, &n_rejections);
  const PbCharge *charges = pb_lifecycle_get_charges (lifecycle, &n_charges);
  const PbAlarm *alarms = pb_lifecycle_get_alarms (lifecycle, &n_alarms);
  PbMoney charged = 0;

  g_string_append_printf (text, "base %d %" G_GINT64_FORMAT ";", base, expires);
  for (guint i = 0; i < pb_lifecycle_get_n_codes (lifecycle); i++)
    {
      const PbLifecycleCode *code = pb_lifecycle_get_code (lifecycle, i);
      PbCodeStatus s;

      if (pb_lifecycle_code_at (lifecycle, code, when, &s))
        g_string_append_printf (text, " code %s %s %d %d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ";",
                                code->id, code->tier, s.state, s.usable, s.max_viewers, s.bound_at,
                                s.expires_at, s.void_at, code->bind_deadline);
    }
  for (guint i = 0; i < pb_lifecycle_get_n_numbers (lifecycle); i++)
    {
      const PbLifecycleNumber *number = pb_lifecycle_get_number (lifecycle, i);
      gboolean active;
      guint months;

      if (pb_lifecycle_number_at (lifecycle, number, when, &active, &months))
        g_string_append_printf (text, " number %s %d %u;", number->id, active, months);
    }
  for (guint i = 0; i < pb_lifecycle_get_n_packages (lifecycle); i++)
    {
      const PbLifecyclePackage *package = pb_lifecycle_get_package (lifecycle, i);
      gint64 remaining = pb_lifecycle_package_remaining_at (package, when);

      if (remaining >= 0)
        g_string_append_printf (text, " package %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ";",
                                package->id, remaining, package->expires_at);
    }
  g_string_append_printf (text, " balance %" G_GINT64_FORMAT ";", pb_lifecycle_balance_at (lifecycle, when));
  for (guint i = 0; i < pb_lifecycle_count_rejections_at (lifecycle, when); i++)
    g_string_append_printf (text, " rejected %u %s %s;", with_events ? rejections[i].event : 0,
                            rejections[i].rule, rejections[i].subject);
  for (guint i = 0; i < pb_lifecycle_count_charges_at (lifecycle, when); i++)
    charged += charges[i].amount;
  g_string_append_printf (text, " charged %" G_GINT64_FORMAT " of %u;", charged,
                          pb_lifecycle_count_charges_at (lifecycle, when));
  for (guint i = 0; i < n_alarms && alarms[i].at <= when; i++)
    g_string_append_printf (text, " alarm %d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ";",
                            alarms[i].kind, alarms[i].at, alarms[i].value);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The contract: `--at T` applies the events at or before T.  A full replay
 * asked about T must say exactly what the replay cut off at T says, at every
 * event's instant, one second either side, and at @extra instants. */
static void
assert_prefix_consistent (PbScenario *scenario, const char * const *extra)
{
  g_autoptr(PbLifecycle) full = replay (scenario, PB_INSTANT_NONE);
  g_autoptr(GArray) instants = g_array_new (FALSE, FALSE, sizeof (PbInstant));
  guint n_events;
  const PbScenarioEvent *events = pb_scenario_get_events (scenario, &n_events);

  for (guint i = 0; i < n_events; i++)
    for (int delta = -1; delta <= 1; delta++)
      {
        PbInstant instant = events[i].at + delta;

        g_array_append_val (instants, instant);
      }
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    for (int delta = -1; delta <= 0; delta++)
      {
        PbInstant instant = at (extra[i]) + delta;

        g_array_append_val (instants, instant);
      }

  for (guint i = 0; i < instants->len; i++)
    {
      PbInstant when = g_array_index (instants, PbInstant, i);
      g_autoptr(PbLifecycle) cut = replay (scenario, when);
      g_autofree char *expected = state_digest (cut, when, TRUE);
      g_autofree char *got = state_digest (full, when, TRUE);

      if (g_strcmp0 (expected, got) != 0)
        {
          g_autofree char *text = pb_time_format (when);

          g_error ("at %s the full replay says\n  %s\nbut the replay up to then says\n  %s", text, got, expected);
        }
    }
}

/* ------------------------------------------------------------------ */
/* The documented example, under both term rules                      */

static const char * const customer_a_boundaries[] = {
  "2020-01-01T12:00:00+08:00", "2020-02-01T12:00:00+08:00", "2020-03-01T12:00:00+08:00",
  "2020-05-01T15:00:00+08:00", "2020-07-01T15:00:00+08:00", "2020-12-31T12:00:00+08:00",
  "2021-01-31T12:00:00+08:00", "2021-12-31T12:00:00+08:00", NULL
};

static void
check_customer_a (PbLifecycle *lc)
{
  /* EL-3: the base fee and the gifted Flagship code A. */
  assert_base_fee (lc, "2020-01-01T11:59:59+08:00", PB_BASE_FEE_NONE, NULL);
  assert_not_bought (lc, "A", "2020-01-01T11:59:59+08:00");
  assert_base_fee (lc, "2020-01-01T12:00:00+08:00", PB_BASE_FEE_ACTIVE, "2020-12-31T12:00:00+08:00");
  assert_code (lc, "A", "2020-01-01T12:00:00+08:00", PB_CODE_UNBOUND, FALSE, 20000);
  g_assert_cmpstr (pb_lifecycle_lookup_code (lc, "A")->tier, ==, "flagship");
  g_assert_true (pb_lifecycle_lookup_code (lc, "A")->gift);
  /* EL-7/EL-T3: bind before 2020-03-01 12:00. */
  assert_instant (pb_lifecycle_lookup_code (lc, "A")->bind_deadline, "2020-03-01T12:00:00+08:00");

  /* EL-8: bound on 2020-02-01 12:00, valid until 2021-01-31 12:00 (EL-T1). */
  assert_code (lc, "A", "2020-02-01T11:59:59+08:00", PB_CODE_UNBOUND, FALSE, 20000);
  g_assert_cmpint (code_status (lc, "A", "2020-02-01T11:59:59+08:00").bound_at, ==, PB_INSTANT_NONE);
  assert_code (lc, "A", "2020-02-01T12:00:00+08:00", PB_CODE_ACTIVE, TRUE, 20000);
  assert_instant (code_status (lc, "A", "2020-02-01T12:00:00+08:00").bound_at, "2020-02-01T12:00:00+08:00");
  assert_instant (code_status (lc, "A", "2020-02-01T12:00:00+08:00").expires_at, "2021-01-31T12:00:00+08:00");
  /* Bound in time: the deadline passing changes nothing. */
  assert_code (lc, "A", "2020-03-01T11:59:59+08:00", PB_CODE_ACTIVE, TRUE, 20000);
  assert_code (lc, "A", "2020-03-01T12:00:00+08:00", PB_CODE_ACTIVE, TRUE, 20000);

  /* EL-10/EL-T2: the renewal on 2020-05-01 15:00 extends to 2021-12-31 12:00,
   * gifts B; B's expansion at the same instant makes 30,000 viewers. */
  assert_base_fee (lc, "2020-05-01T14:59:59+08:00", PB_BASE_FEE_ACTIVE, "2020-12-31T12:00:00+08:00");
  assert_not_bought (lc, "B", "2020-05-01T14:59:59+08:00");
  assert_base_fee (lc, "2020-05-01T15:00:00+08:00", PB_BASE_FEE_ACTIVE, "2021-12-31T12:00:00+08:00");
  assert_code (lc, "B", "2020-05-01T15:00:00+08:00", PB_CODE_UNBOUND, FALSE, 30000);
  assert_instant (pb_lifecycle_lookup_code (lc, "B")->bind_deadline, "2020-07-01T15:00:00+08:00");
  /* EL-8: A's validity never moves. */
  assert_instant (code_status (lc, "A", "2020-05-01T15:00:00+08:00").expires_at, "2021-01-31T12:00:00+08:00");

  /* EL-7: B is never bound in the shipped example: void at its deadline. */
  assert_code (lc, "B", "2020-07-01T14:59:59+08:00", PB_CODE_UNBOUND, FALSE, 30000);
  assert_code (lc, "B", "2020-07-01T15:00:00+08:00", PB_CODE_VOID, FALSE, 30000);
  assert_instant (code_status (lc, "B", "2020-07-01T15:00:00+08:00").void_at, "2020-07-01T15:00:00+08:00");

  /* The first term's end passes unnoticed: the renewal covers it. */
  assert_base_fee (lc, "2020-12-31T11:59:59+08:00", PB_BASE_FEE_ACTIVE, "2021-12-31T12:00:00+08:00");
  assert_code (lc, "A", "2020-12-31T11:59:59+08:00", PB_CODE_ACTIVE, TRUE, 20000);
  assert_code (lc, "A", "2020-12-31T12:00:00+08:00", PB_CODE_ACTIVE, TRUE, 20000);

  /* A's own expiry. */
  assert_code (lc, "A", "2021-01-31T11:59:59+08:00", PB_CODE_ACTIVE, TRUE, 20000);
  assert_code (lc, "A", "2021-01-31T12:00:00+08:00", PB_CODE_EXPIRED, FALSE, 20000);

  /* The renewed term's end. */
  assert_base_fee (lc, "2021-12-31T11:59:59+08:00", PB_BASE_FEE_ACTIVE, "2021-12-31T12:00:00+08:00");
  assert_base_fee (lc, "2021-12-31T12:00:00+08:00", PB_BASE_FEE_EXPIRED, "2021-12-31T12:00:00+08:00");
  assert_rejections (lc, "");
}

static void
check_customer_a_timeline (PbLifecycle *lc)
{
  guint n_terms, n_periods, n_charges;
  const PbBaseFeeTerm *terms = pb_lifecycle_get_base_fee_terms (lc, &n_terms);
  const PbSpan *periods = pb_lifecycle_get_base_fee_periods (lc, &n_periods);
  const PbCharge *charges = pb_lifecycle_get_charges (lc, &n_charges);
  const PbLifecycleCode *a = pb_lifecycle_lookup_code (lc, "A");
  const PbLifecycleCode *b = pb_lifecycle_lookup_code (lc, "B");
  g_autofree char *total = pb_money_format (pb_lifecycle_get_total (lc));

  g_assert_cmpuint (n_terms, ==, 2);
  g_assert_false (terms[0].renewal);
  g_assert_true (terms[1].renewal);
  assert_instant (terms[1].start, "2020-12-31T12:00:00+08:00");
  assert_instant (terms[1].end, "2021-12-31T12:00:00+08:00");
  g_assert_cmpuint (n_periods, ==, 1);
  assert_span (&periods[0], "2020-01-01T12:00:00+08:00", "2021-12-31T12:00:00+08:00");

  g_assert_cmpuint (a->n_usable, ==, 1);
  assert_span (&a->usable[0], "2020-02-01T12:00:00+08:00", "2021-01-31T12:00:00+08:00");
  g_assert_cmpuint (a->n_suspended, ==, 0);
  g_assert_cmpuint (b->n_usable, ==, 0);
  assert_instant (b->void_at, "2020-07-01T15:00:00+08:00");
  g_assert_cmpuint (b->n_expansions, ==, 1);
  g_assert_cmpint (b->expansions[0].viewers, ==, 10000);
  /* EL-6: the expansion ends with the code. */
  assert_instant (b->expansions[0].end, "2020-07-01T15:00:00+08:00");

  /* EL-3 twice, two ¥0 gifts, EL-5/EL-6 10,000 viewers at ¥100. */
  g_assert_cmpuint (n_charges, ==, 5);
  g_assert_cmpint (charges[0].kind, ==, PB_CHARGE_BASE_FEE);
  g_assert_cmpint (charges[0].amount, ==, PB_MONEY_FROM_YUAN (140000));
  g_assert_cmpstr (charges[0].rule, ==, "EL-3");
  g_assert_cmpint (charges[1].kind, ==, PB_CHARGE_GIFT_CODE);
  g_assert_cmpint (charges[1].amount, ==, 0);
  g_assert_cmpint (charges[4].kind, ==, PB_CHARGE_EXPANSION);
  g_assert_cmpint (charges[4].amount, ==, PB_MONEY_FROM_YUAN (1000000));
  g_assert_cmpstr (total, ==, "1280000.00");
}

static void
test_customer_a (gconstpointer data)
{
  const char *name = data;
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource (name);
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);

  g_assert_cmpint (pb_lifecycle_get_term_rule (lc), ==,
                   strstr (name, "365") ? PB_TERM_RULE_365_DAYS : PB_TERM_RULE_CALENDAR);
  check_customer_a (lc);
  check_customer_a_timeline (lc);
  assert_prefix_consistent (scenario, customer_a_boundaries);
}

/* The documented example never binds B: its description says so, with the
 * instant the replay makes B void (EL-7). */
static void
test_customer_a_b_void (void)
{
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  g_autofree char *void_at = pb_time_format_display (pb_lifecycle_lookup_code (lc, "B")->void_at);

  g_assert_cmpstr (void_at, ==, "2020-07-01 15:00");
  g_assert_nonnull (strstr (pb_scenario_get_description (scenario), "does not say when code B is bound"));
  g_assert_nonnull (strstr (pb_scenario_get_description (scenario), "B is void from 2020-07-01 15:00"));
  assert_code (lc, "B", "2020-07-01T14:59:59+08:00", PB_CODE_UNBOUND, FALSE, 30000);
  assert_code (lc, "B", "2020-07-01T15:00:00+08:00", PB_CODE_VOID, FALSE, 30000);
}

static const char * const b_bound_boundaries[] = {
  "2020-01-01T12:00:00+08:00", "2020-02-01T12:00:00+08:00", "2020-03-01T12:00:00+08:00",
  "2020-05-01T15:00:00+08:00", "2020-05-02T12:00:00+08:00", "2020-07-01T15:00:00+08:00",
  "2020-12-31T12:00:00+08:00", "2021-01-31T12:00:00+08:00", "2021-05-01T12:00:00+08:00",
  "2021-12-31T12:00:00+08:00", NULL
};

/* The variant: B bound the day after the renewal, 2020-05-02 12:00 (EL-7:
 * before its deadline, 2020-07-01 15:00, while the base fee is valid).  B
 * is then valid a year, until 2021-05-01 12:00 (EL-8, EL-T1), with its
 * 10,000-viewer expansion for 30,000 viewers (EL-5, EL-6), never suspended
 * (the base fee runs to 2021-12-31 12:00, EL-10); A is as documented. */
static void
test_customer_a_b_bound (void)
{
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a-b-bound.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  const PbLifecycleCode *b = pb_lifecycle_lookup_code (lc, "B");
  g_autofree char *expires = NULL;

  assert_rejections (lc, "");
  assert_base_fee (lc, "2020-05-01T15:00:00+08:00", PB_BASE_FEE_ACTIVE, "2021-12-31T12:00:00+08:00");
  assert_code (lc, "B", "2020-05-01T15:00:00+08:00", PB_CODE_UNBOUND, FALSE, 30000);
  assert_code (lc, "B", "2020-05-02T11:59:59+08:00", PB_CODE_UNBOUND, FALSE, 30000);
  assert_code (lc, "B", "2020-05-02T12:00:00+08:00", PB_CODE_ACTIVE, TRUE, 30000);
  assert_instant (code_status (lc, "B", "2020-05-02T12:00:00+08:00").bound_at, "2020-05-02T12:00:00+08:00");
  assert_instant (code_status (lc, "B", "2020-05-02T12:00:00+08:00").expires_at, "2021-05-01T12:00:00+08:00");
  /* Bound in time: its deadline passes unnoticed. */
  assert_code (lc, "B", "2020-07-01T14:59:59+08:00", PB_CODE_ACTIVE, TRUE, 30000);
  assert_code (lc, "B", "2020-07-01T15:00:00+08:00", PB_CODE_ACTIVE, TRUE, 30000);
  assert_instant (b->void_at, NULL);
  /* A's own year ends first; the base fee's first term passes under the renewal. */
  assert_code (lc, "A", "2021-01-31T11:59:59+08:00", PB_CODE_ACTIVE, TRUE, 20000);
  assert_code (lc, "A", "2021-01-31T12:00:00+08:00", PB_CODE_EXPIRED, FALSE, 20000);
  assert_code (lc, "B", "2020-12-31T12:00:00+08:00", PB_CODE_ACTIVE, TRUE, 30000);
  assert_code (lc, "B", "2021-05-01T11:59:59+08:00", PB_CODE_ACTIVE, TRUE, 30000);
  assert_code (lc, "B", "2021-05-01T12:00:00+08:00", PB_CODE_EXPIRED, FALSE, 30000);
  g_assert_cmpuint (b->n_usable, ==, 1);
  assert_span (&b->usable[0], "2020-05-02T12:00:00+08:00", "2021-05-01T12:00:00+08:00");
  g_assert_cmpuint (b->n_suspended, ==, 0);
  g_assert_cmpuint (b->n_expansions, ==, 1);
  assert_instant (b->expansions[0].end, "2021-05-01T12:00:00+08:00");
  assert_base_fee (lc, "2021-12-31T12:00:00+08:00", PB_BASE_FEE_EXPIRED, "2021-12-31T12:00:00+08:00");
  g_assert_cmpint (pb_lifecycle_get_total (lc), ==, PB_MONEY_FROM_YUAN (1280000));
  /* What its description says is what the replay says. */
  expires = pb_time_format_display (b->expires_at);
  g_assert_nonnull (strstr (pb_scenario_get_description (scenario), expires));
  assert_prefix_consistent (scenario, b_bound_boundaries);
}

/* The same events, the term rule flipped by the scenario's override: the
 * documented dates come out of both rules (EL-T4). */
static void
test_customer_a_both_rules (void)
{
  const char *rules[] = { "calendar", "365-days" };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
      g_autoptr(PbLifecycle) lc = NULL;

      g_assert_true (pb_scenario_set_term_rule_override (scenario, rules[i]));
      lc = replay (scenario, PB_INSTANT_NONE);
      check_customer_a (lc);
    }
}

/* Outside a leap year the two rules part: 2021-01-01 12:00 plus "one year"
 * is 2021-12-31 12:00 by EL-T1, 2022-01-01 12:00 by 365 days (EL-T4). */
static void
test_term_rules_differ (void)
{
  static const char text[] =
    "{ \"format\": \"pricebook-scenario/1\", \"events\": ["
    "  { \"at\": \"2021-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" },"
    "  { \"at\": \"2021-03-01T11:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\" },"
    "  { \"at\": \"2021-06-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"B\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_bytes (bytes, "rules.json", catalog, &error);
  g_autoptr(PbLifecycle) calendar = NULL;
  g_autoptr(PbLifecycle) days = NULL;

  g_assert_no_error (error);
  calendar = replay (scenario, PB_INSTANT_NONE);
  g_assert_true (pb_scenario_set_term_rule_override (scenario, "365-days"));
  days = replay (scenario, PB_INSTANT_NONE);

  assert_base_fee (calendar, "2021-05-31T00:00:00+08:00", PB_BASE_FEE_ACTIVE, "2021-12-31T12:00:00+08:00");
  assert_base_fee (days, "2021-05-31T00:00:00+08:00", PB_BASE_FEE_ACTIVE, "2022-01-01T12:00:00+08:00");
  /* EL-T2: the renewal adds a calendar year, or 365 days. */
  assert_base_fee (calendar, "2021-06-01T12:00:00+08:00", PB_BASE_FEE_ACTIVE, "2022-12-31T12:00:00+08:00");
  assert_base_fee (days, "2021-06-01T12:00:00+08:00", PB_BASE_FEE_ACTIVE, "2023-01-01T12:00:00+08:00");
  /* EL-8 with EL-T1: bound 2021-03-01 11:00 (an hour before the EL-T3
   * deadline) → 2022-02-28 11:00; with 365 days → 2022-03-01 11:00. */
  assert_instant (pb_lifecycle_lookup_code (calendar, "A")->expires_at, "2022-02-28T11:00:00+08:00");
  assert_instant (pb_lifecycle_lookup_code (days, "A")->expires_at, "2022-03-01T11:00:00+08:00");
}

/* ------------------------------------------------------------------ */
/* Enterprise Live variants                                           */

/* EL-8: without the renewal, A is suspended from the base fee's end until
 * its own expiry, then expired; no broadcast, no expansion meanwhile. */
static void
test_no_renewal (void)
{
  g_autoptr(PbScenario) scenario = load_data ("no-renewal.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  const PbLifecycleCode *a = pb_lifecycle_lookup_code (lc, "A");
  const char * const extra[] = { "2020-12-31T12:00:00+08:00", "2021-01-31T12:00:00+08:00", NULL };
  guint n_broadcasts;

  assert_code (lc, "A", "2020-12-31T11:59:59+08:00", PB_CODE_ACTIVE, TRUE, 20000);
  assert_base_fee (lc, "2020-12-31T12:00:00+08:00", PB_BASE_FEE_EXPIRED, "2020-12-31T12:00:00+08:00");
  assert_code (lc, "A", "2020-12-31T12:00:00+08:00", PB_CODE_SUSPENDED, FALSE, 20000);
  assert_code (lc, "A", "2021-01-31T11:59:59+08:00", PB_CODE_SUSPENDED, FALSE, 20000);
  assert_code (lc, "A", "2021-01-31T12:00:00+08:00", PB_CODE_EXPIRED, FALSE, 20000);

  g_assert_cmpuint (a->n_usable, ==, 1);
  assert_span (&a->usable[0], "2020-02-01T12:00:00+08:00", "2020-12-31T12:00:00+08:00");
  g_assert_cmpuint (a->n_suspended, ==, 1);
  assert_span (&a->suspended[0], "2020-12-31T12:00:00+08:00", "2021-01-31T12:00:00+08:00");

  /* The full-house broadcast went through; the others did not. */
  pb_lifecycle_get_broadcasts (lc, &n_broadcasts);
  g_assert_cmpuint (n_broadcasts, ==, 1);
  assert_rejections (lc, "3:EL-8 4:EL-6 5:EL-8");
  assert_reason (lc, 3, "suspended");
  assert_reason (lc, 5, "expired");
  assert_prefix_consistent (scenario, extra);
}

/* EL-7/EL-T3: binding must happen strictly before purchase + 2 months. */
static void
test_bind_after_deadline (void)
{
  g_autoptr(PbScenario) scenario = load_data ("bind-after-deadline.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);

  assert_code (lc, "S", "2020-03-01T11:59:59+08:00", PB_CODE_ACTIVE, TRUE, 200);
  assert_code (lc, "A", "2020-03-01T11:59:59+08:00", PB_CODE_UNBOUND, FALSE, 20000);
  assert_code (lc, "A", "2020-03-01T12:00:00+08:00", PB_CODE_VOID, FALSE, 20000);
  assert_instant (pb_lifecycle_lookup_code (lc, "A")->void_at, "2020-03-01T12:00:00+08:00");
  assert_instant (pb_lifecycle_lookup_code (lc, "A")->bound_at, NULL);
  assert_rejections (lc, "3:EL-7 4:EL-6");
  assert_reason (lc, 3, "2020-03-01 12:00");
  assert_reason (lc, 4, "void");
  assert_prefix_consistent (scenario, NULL);
}

/* EL-3 (convention): a base fee bought for 3 years at once is one purchase
 * of 3 consecutive years (EL-T1, then EL-T2 twice) gifting one Flagship
 * code; a 2-year renewal while valid extends from the end (EL-10).  One
 * charge each, for every year bought. */
static void
test_multi_year_purchase (void)
{
  static const char text[] =
    "{ \"format\": \"pricebook-scenario/1\", \"events\": [\n"
    "  { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\", \"years\": 3 },\n"
    "  { \"at\": \"2022-06-01T09:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"B\", \"years\": 2 } ] }";
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_bytes (bytes, "years.json", catalog, &error);
  g_autoptr(PbLifecycle) lc = NULL;
  g_autoptr(JsonNode) saved = NULL;
  guint n_terms, n_charges;
  const PbBaseFeeTerm *terms;
  const PbCharge *charges;

  g_assert_no_error (error);
  g_assert_cmpint (pb_scenario_get_event (scenario, 0)->years, ==, 3);
  lc = replay (scenario, PB_INSTANT_NONE);
  terms = pb_lifecycle_get_base_fee_terms (lc, &n_terms);
  charges = pb_lifecycle_get_charges (lc, &n_charges);
  assert_rejections (lc, "");
  g_assert_cmpuint (n_terms, ==, 2);
  g_assert_cmpint (terms[0].years, ==, 3);
  g_assert_false (terms[0].renewal);
  assert_instant (terms[0].end, "2022-12-31T12:00:00+08:00");
  g_assert_true (terms[1].renewal);
  assert_instant (terms[1].start, "2022-12-31T12:00:00+08:00");
  assert_instant (terms[1].end, "2024-12-31T12:00:00+08:00");
  assert_base_fee (lc, "2020-12-31T12:00:00+08:00", PB_BASE_FEE_ACTIVE, "2022-12-31T12:00:00+08:00");
  assert_base_fee (lc, "2022-06-01T08:59:59+08:00", PB_BASE_FEE_ACTIVE, "2022-12-31T12:00:00+08:00");
  assert_base_fee (lc, "2024-12-31T11:59:59+08:00", PB_BASE_FEE_ACTIVE, "2024-12-31T12:00:00+08:00");
  assert_base_fee (lc, "2024-12-31T12:00:00+08:00", PB_BASE_FEE_EXPIRED, "2024-12-31T12:00:00+08:00");
  /* One gift per purchase: A and B, nothing else. */
  g_assert_cmpuint (pb_lifecycle_get_n_codes (lc), ==, 2);
  assert_code (lc, "A", "2020-01-01T12:00:00+08:00", PB_CODE_UNBOUND, FALSE, 20000);
  assert_code (lc, "A", "2020-03-01T12:00:00+08:00", PB_CODE_VOID, FALSE, 20000);
  g_assert_cmpuint (n_charges, ==, 4);
  g_assert_cmpint (charges[0].amount, ==, PB_MONEY_FROM_YUAN (420000));
  g_assert_cmpint (charges[2].amount, ==, PB_MONEY_FROM_YUAN (280000));
  g_assert_cmpint (pb_lifecycle_get_total (lc), ==, PB_MONEY_FROM_YUAN (700000));

  /* Saved as read: "years" only where more than one. */
  saved = pb_scenario_to_json (scenario);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (saved), "events"), 0), "years"), ==, 3);
}

/* EL-7: no binding and no purchase while the base fee has lapsed.  EL-10: a
 * purchase after the lapse starts a new term at that moment; EL-8: A is
 * usable again until its own expiry. */
static void
test_renewal_after_lapse (void)
{
  g_autoptr(PbScenario) scenario = load_data ("renewal-after-lapse.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  const PbLifecycleCode *a = pb_lifecycle_lookup_code (lc, "A");
  const PbLifecycleCode *l = pb_lifecycle_lookup_code (lc, "L");
  guint n_terms, n_periods;
  const PbBaseFeeTerm *terms = pb_lifecycle_get_base_fee_terms (lc, &n_terms);
  const PbSpan *periods = pb_lifecycle_get_base_fee_periods (lc, &n_periods);
  const char * const extra[] = { "2020-12-31T12:00:00+08:00", "2021-01-31T12:00:00+08:00",
                                 "2022-01-09T10:00:00+08:00", "2022-01-10T10:00:00+08:00", NULL };

  assert_rejections (lc, "3:EL-7 4:EL-7");
  assert_reason (lc, 3, "2020-12-31 12:00");
  assert_not_bought (lc, "X", "2021-02-01T00:00:00+08:00");

  assert_base_fee (lc, "2021-01-10T09:59:59+08:00", PB_BASE_FEE_EXPIRED, "2020-12-31T12:00:00+08:00");
  assert_base_fee (lc, "2021-01-10T10:00:00+08:00", PB_BASE_FEE_ACTIVE, "2022-01-09T10:00:00+08:00");
  g_assert_cmpuint (n_terms, ==, 2);
  g_assert_false (terms[1].renewal);
  assert_instant (terms[1].start, "2021-01-10T10:00:00+08:00");
  g_assert_cmpuint (n_periods, ==, 2);
  assert_span (&periods[1], "2021-01-10T10:00:00+08:00", "2022-01-09T10:00:00+08:00");

  assert_code (lc, "A", "2021-01-10T09:59:59+08:00", PB_CODE_SUSPENDED, FALSE, 20000);
  assert_code (lc, "A", "2021-01-10T10:00:00+08:00", PB_CODE_ACTIVE, TRUE, 20000);
  assert_code (lc, "A", "2021-01-31T12:00:00+08:00", PB_CODE_EXPIRED, FALSE, 20000);
  g_assert_cmpuint (a->n_suspended, ==, 1);
  assert_span (&a->suspended[0], "2020-12-31T12:00:00+08:00", "2021-01-10T10:00:00+08:00");
  g_assert_cmpuint (a->n_usable, ==, 2);
  assert_span (&a->usable[1], "2021-01-10T10:00:00+08:00", "2021-01-31T12:00:00+08:00");

  /* L, bound in the new term, outlives it by a day: suspended at the end. */
  assert_instant (l->expires_at, "2022-01-10T10:00:00+08:00");
  g_assert_cmpuint (l->n_suspended, ==, 1);
  assert_span (&l->suspended[0], "2022-01-09T10:00:00+08:00", "2022-01-10T10:00:00+08:00");
  assert_code (lc, "L", "2022-01-09T09:59:59+08:00", PB_CODE_ACTIVE, TRUE, 200);
  assert_code (lc, "L", "2022-01-09T10:00:00+08:00", PB_CODE_SUSPENDED, FALSE, 200);
  assert_prefix_consistent (scenario, extra);
}

/* EL-5: add-on viewers with the code; EL-6: expansions on codes neither
 * void nor expired, bound or not, ending with the code. */
static void
test_expansions (void)
{
  g_autoptr(PbScenario) scenario = load_data ("expansions.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  const PbLifecycleCode *a = pb_lifecycle_lookup_code (lc, "A");
  const PbLifecycleCode *f = pb_lifecycle_lookup_code (lc, "F");
  guint n_charges, n_broadcasts;
  const PbCharge *charges = pb_lifecycle_get_charges (lc, &n_charges);

  /* Flagship + 200 is a 20,200-viewer code; ¥65,000 + 200 × ¥100. */
  g_assert_cmpint (f->addon_viewers, ==, 200);
  assert_code (lc, "F", "2020-01-02T12:00:00+08:00", PB_CODE_UNBOUND, FALSE, 20200);
  g_assert_cmpint (charges[2].kind, ==, PB_CHARGE_CODE);
  g_assert_cmpint (charges[2].amount, ==, PB_MONEY_FROM_YUAN (65000));
  g_assert_cmpint (charges[3].kind, ==, PB_CHARGE_ADDON);
  g_assert_cmpstr (charges[3].rule, ==, "EL-5");
  g_assert_cmpint (charges[3].amount, ==, PB_MONEY_FROM_YUAN (20000));

  /* An unbound code can be expanded; it counts from the expansion on. */
  assert_code (lc, "F", "2020-01-03T11:59:59+08:00", PB_CODE_UNBOUND, FALSE, 20200);
  assert_code (lc, "F", "2020-01-03T12:00:00+08:00", PB_CODE_UNBOUND, FALSE, 21200);
  assert_instant (f->expansions[0].end, "2020-03-02T12:00:00+08:00");

  /* A bound code: 30,000 viewers from the expansion's instant. */
  assert_code (lc, "A", "2020-01-05T11:59:59+08:00", PB_CODE_ACTIVE, TRUE, 20000);
  assert_code (lc, "A", "2020-01-05T12:00:00+08:00", PB_CODE_ACTIVE, TRUE, 30000);
  g_assert_cmpuint (a->n_expansions, ==, 1);
  assert_instant (a->expansions[0].end, "2021-01-03T12:00:00+08:00");
  pb_lifecycle_get_broadcasts (lc, &n_broadcasts);
  g_assert_cmpuint (n_broadcasts, ==, 1);

  /* Void (F) and expired (A) codes cannot be expanded. */
  assert_rejections (lc, "6:EL-6 8:EL-6");
  assert_reason (lc, 6, "void");
  assert_reason (lc, 8, "expired");
  assert_code (lc, "A", "2021-02-01T12:00:00+08:00", PB_CODE_EXPIRED, FALSE, 30000);
  assert_prefix_consistent (scenario, NULL);
}

/* EL-9: at most 240 minutes and the code's viewers; EL-8: only on a usable
 * code. */
static void
test_broadcasts (void)
{
  g_autoptr(PbScenario) scenario = load_data ("broadcasts.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  guint n;
  const PbBroadcast *broadcasts = pb_lifecycle_get_broadcasts (lc, &n);

  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (broadcasts[0].event, ==, 4);
  g_assert_cmpint (broadcasts[0].viewers, ==, 300);
  assert_instant (broadcasts[0].end, "2020-01-04T16:00:00+08:00");
  assert_rejections (lc, "2:EL-8 5:EL-9 6:EL-9 7:EL-8");
  assert_reason (lc, 2, "not bound");
  assert_reason (lc, 5, "300");
  assert_reason (lc, 6, "240");
  assert_prefix_consistent (scenario, NULL);
}

/* Ties apply in file order: a code bought "at the same instant" but listed
 * before the base fee is refused (EL-7); a broadcast listed before the
 * binding is refused (EL-8), the one after it goes through. */
static void
test_ties (void)
{
  g_autoptr(PbScenario) scenario = load_data ("ties.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  guint n;
  const PbBroadcast *broadcasts = pb_lifecycle_get_broadcasts (lc, &n);

  assert_rejections (lc, "0:EL-7 3:EL-8");
  assert_not_bought (lc, "E", "2020-01-01T12:00:00+08:00");
  assert_code (lc, "F", "2020-01-01T12:00:00+08:00", PB_CODE_UNBOUND, FALSE, 200);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (broadcasts[0].event, ==, 5);
  assert_prefix_consistent (scenario, NULL);
}

/* Events in any order in the file replay in time order; rejections and
 * charges keep the file's indices. */
static void
test_out_of_order (void)
{
  g_autoptr(PbScenario) shuffled = load_data ("out-of-order.pbscenario");
  g_autoptr(PbScenario) ordered = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (shuffled, PB_INSTANT_NONE);
  g_autoptr(PbLifecycle) reference = replay (ordered, PB_INSTANT_NONE);
  guint n_charges;
  const PbCharge *charges = pb_lifecycle_get_charges (lc, &n_charges);

  check_customer_a (lc);
  for (guint i = 0; customer_a_boundaries[i] != NULL; i++)
    {
      g_autofree char *got = state_digest (lc, at (customer_a_boundaries[i]), FALSE);
      g_autofree char *expected = state_digest (reference, at (customer_a_boundaries[i]), FALSE);

      g_assert_cmpstr (got, ==, expected);
    }
  /* The first charge is the base fee of file event 3. */
  g_assert_cmpuint (charges[0].event, ==, 3);
  g_assert_cmpuint (pb_lifecycle_lookup_code (lc, "A")->bind_event, ==, 2);
  assert_instant (pb_lifecycle_get_first_instant (lc), "2020-01-01T12:00:00+08:00");
  assert_instant (pb_lifecycle_get_horizon (lc), "2020-05-01T15:00:00+08:00");
  assert_prefix_consistent (shuffled, customer_a_boundaries);
}

/* What-if: switching the renewal off turns the example into the
 * no-renewal variant (EL-8). */
static void
test_disabled_event (void)
{
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(PbLifecycle) lc = NULL;

  pb_scenario_set_event_enabled (scenario, 2, FALSE);
  lc = replay (scenario, PB_INSTANT_NONE);
  assert_code (lc, "A", "2020-12-31T12:00:00+08:00", PB_CODE_SUSPENDED, FALSE, 20000);
  assert_not_bought (lc, "B", "2021-01-01T00:00:00+08:00");
  /* B was never gifted, so its expansion has nothing to expand. */
  assert_rejections (lc, "3:EL-6");
  assert_reason (lc, 3, "not been bought");
}

/* ------------------------------------------------------------------ */
/* Voice Message                                                      */

static void
assert_number (PbLifecycle *lc, const char *id, const char *when, gboolean active, guint months)
{
  const PbLifecycleNumber *number = pb_lifecycle_lookup_number (lc, id);
  gboolean is_active;
  guint months_billed;

  g_assert_nonnull (number);
  if (!pb_lifecycle_number_at (lc, number, at (when), &is_active, &months_billed))
    g_error ("number %s is not activated at %s", id, when);
  g_assert_cmpint (is_active, ==, active);
  g_assert_cmpuint (months_billed, ==, months);
}

/* VM-2..VM-4: from the activation month to the unsubscription month,
 * inclusive, in +08:00 whatever TZ says. */
static void
test_numbers (void)
{
  g_autoptr(PbScenario) scenario = load_data ("numbers.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  const PbLifecycleNumber *n1 = pb_lifecycle_lookup_number (lc, "N1");
  const PbLifecycleNumber *n3 = pb_lifecycle_lookup_number (lc, "N3");
  guint n_charges, fees = 0;
  const PbCharge *charges = pb_lifecycle_get_charges (lc, &n_charges);
  gboolean active;
  guint months;
  const char * const extra[] = { "2020-02-01T00:00:00+08:00", "2020-07-01T00:00:00+08:00", NULL };

  /* 2020-01-31 23:00 +08:00 is January (in New York it is still the 31st
   * 10:00, in UTC 15:00: the same month here by design, not by luck). */
  g_assert_false (pb_lifecycle_number_at (lc, n1, at ("2020-01-31T22:59:59+08:00"), &active, &months));
  g_assert_cmpint (n1->spans[0].first_month, ==, pb_time_month_index (at ("2020-01-15")));
  assert_number (lc, "N1", "2020-01-31T23:00:00+08:00", TRUE, 1);
  assert_number (lc, "N1", "2020-01-31T23:59:59+08:00", TRUE, 1);
  assert_number (lc, "N1", "2020-02-01T00:00:00+08:00", TRUE, 2);
  assert_number (lc, "N1", "2020-02-01T00:30:00+08:00", FALSE, 2);
  assert_number (lc, "N1", "2020-12-01T00:00:00+08:00", FALSE, 2);

  /* Same-month unsubscribe = 1 month; activated again in March, March is
   * not billed twice. */
  assert_number (lc, "N2", "2020-03-25T10:00:00+08:00", FALSE, 1);
  assert_number (lc, "N2", "2020-03-26T10:00:00+08:00", TRUE, 1);
  assert_number (lc, "N2", "2020-04-01T00:00:00+08:00", TRUE, 2);
  assert_number (lc, "N2", "2020-06-01T00:00:00+08:00", FALSE, 3);

  /* Never unsubscribed: counted to the month asked about. */
  assert_number (lc, "N3", "2020-06-30T23:59:59+08:00", TRUE, 3);
  assert_number (lc, "N3", "2020-07-01T00:00:00+08:00", TRUE, 4);
  assert_number (lc, "N3", "2020-12-15T00:00:00+08:00", TRUE, 9);
  /* ...and billed to the horizon (the last event, July) in the timeline. */
  g_assert_cmpuint (n3->months_billed, ==, 4);
  g_assert_cmpint (n3->spans[0].end, ==, PB_INSTANT_FOREVER);

  for (guint i = 0; i < n_charges; i++)
    if (charges[i].kind == PB_CHARGE_NUMBER_MONTH)
      {
        g_assert_cmpint (charges[i].amount, ==, PB_MONEY_FROM_YUAN (50));
        fees++;
      }
  g_assert_cmpuint (fees, ==, 2 + 3 + 4 + 1);
  /* The February fee of N1 is charged at the start of February. */
  assert_instant (charges[1].at, "2020-02-01T00:00:00+08:00");
  g_assert_cmpstr (charges[1].subject, ==, "N1");

  /* VM-3: activated twice; VM-4: not active; calls from numbers that are
   * not active. */
  assert_rejections (lc, "7:VM-3 8:VM-4 10:VM-4 11:VM-3");
  assert_prefix_consistent (scenario, extra);
}

static const PbCall *
call_of (PbLifecycle *lc, guint event)
{
  guint n;
  const PbCall *calls = pb_lifecycle_get_calls (lc, &n);

  for (guint i = 0; i < n; i++)
    if (calls[i].event == event)
      return &calls[i];
  g_error ("event %u is not a call that went through", event);
}

static void
assert_remaining (PbLifecycle *lc, const char *id, const char *when, gint64 remaining)
{
  const PbLifecyclePackage *package = pb_lifecycle_lookup_package (lc, id);

  g_assert_nonnull (package);
  g_assert_cmpint (pb_lifecycle_package_remaining_at (package, at (when)), ==, remaining);
}

/* VM-6 prices, VM-9 expiry (+24 months, clamped) and consumption order
 * (earliest expiry first), VM-7 rounding, VM-8 overage and refusal. */
static void
test_packages (void)
{
  g_autoptr(PbScenario) scenario = load_data ("packages.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  const PbLifecyclePackage *p1 = pb_lifecycle_lookup_package (lc, "P1");
  const PbLifecyclePackage *p2 = pb_lifecycle_lookup_package (lc, "P2");
  const PbLifecyclePackage *p3 = pb_lifecycle_lookup_package (lc, "P3");
  const char * const extra[] = { "2022-02-28T12:00:00+08:00", "2022-02-28T13:00:00+08:00", NULL };

  /* VM-6: 2,000 and 1,000 minutes at ¥0.11; VM-5: 10,000 for ¥1,050. */
  g_assert_cmpint (p1->price, ==, PB_MONEY_FROM_YUAN (220));
  g_assert_cmpint (p2->price, ==, PB_MONEY_FROM_YUAN (110));
  g_assert_cmpint (p3->price, ==, PB_MONEY_FROM_YUAN (1050));

  /* VM-9: 2020-02-29 + 24 months is clamped to 2022-02-28. */
  assert_instant (p2->expires_at, "2022-02-28T12:00:00+08:00");
  assert_instant (p1->expires_at, "2022-02-28T13:00:00+08:00");

  /* VM-7: 0 s answered bills 1 minute, taken from P2 (expires first). */
  g_assert_cmpint (call_of (lc, 3)->billed_minutes, ==, 1);
  assert_remaining (lc, "P2", "2020-03-01T10:00:00+08:00", 999);
  assert_remaining (lc, "P1", "2020-03-01T10:00:00+08:00", 2000);
  /* Unanswered: free. */
  g_assert_cmpint (call_of (lc, 4)->billed_minutes, ==, 0);
  assert_remaining (lc, "P2", "2020-03-01T10:01:00+08:00", 999);
  /* 999 minutes empty P2 exactly; 61 s are 2 minutes from P1. */
  g_assert_cmpint (call_of (lc, 5)->billed_minutes, ==, 999);
  assert_remaining (lc, "P2", "2020-03-01T10:02:00+08:00", 0);
  g_assert_cmpint (call_of (lc, 6)->billed_minutes, ==, 2);
  assert_remaining (lc, "P1", "2020-03-01T10:03:00+08:00", 1998);
  /* VM-8: a call that starts with 1,998 minutes needs 1,999: overage 1. */
  g_assert_cmpint (call_of (lc, 7)->billed_minutes, ==, 1998);
  g_assert_cmpint (call_of (lc, 7)->overage_minutes, ==, 1);
  g_assert_cmpint (pb_lifecycle_balance_at (lc, at ("2020-03-01T10:04:00+08:00")), ==, 0);
  /* VM-8: with 0 minutes the call fails (answered or not), unbilled. */
  assert_rejections (lc, "8:VM-8 9:VM-8 12:VM-8");

  /* A new package: calls go through again. */
  g_assert_cmpint (call_of (lc, 11)->billed_minutes, ==, 1);
  /* VM-9: expired minutes are lost at the expiry instant. */
  assert_remaining (lc, "P3", "2022-03-02T09:59:59+08:00", 9999);
  assert_remaining (lc, "P3", "2022-03-02T10:00:00+08:00", 0);
  assert_remaining (lc, "P3", "2020-03-02T09:59:59+08:00", -1);
  assert_instant (p3->steps[p3->n_steps - 1].at, "2022-03-02T10:00:00+08:00");
  assert_prefix_consistent (scenario, extra);
}

/* VM-9: equal expiries (2020-02-28 and 2020-02-29 + 24 months are both
 * 2022-02-28): the one bought first is used first, whatever the file order. */
static void
test_packages_equal_expiry (void)
{
  static const char text[] =
    "{ \"format\": \"pricebook-scenario/1\", \"events\": ["
    "  { \"at\": \"2020-02-29T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"LATE\","
    "    \"kind\": \"custom\", \"minutes\": 1000 },"
    "  { \"at\": \"2020-02-28T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"EARLY\","
    "    \"kind\": \"custom\", \"minutes\": 1000 },"
    "  { \"at\": \"2020-02-28T12:00:00+08:00\", \"type\": \"voice.number.activate\", \"number\": \"N\" },"
    "  { \"at\": \"2020-03-01T12:00:00+08:00\", \"type\": \"voice.call\", \"number\": \"N\","
    "    \"seconds\": 600, \"answered\": true } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_bytes (bytes, "equal.json", catalog, &error);
  g_autoptr(PbLifecycle) lc = NULL;

  g_assert_no_error (error);
  lc = replay (scenario, PB_INSTANT_NONE);
  g_assert_cmpint (pb_lifecycle_lookup_package (lc, "LATE")->expires_at, ==,
                   pb_lifecycle_lookup_package (lc, "EARLY")->expires_at);
  assert_remaining (lc, "EARLY", "2020-03-01T12:00:00+08:00", 990);
  assert_remaining (lc, "LATE", "2020-03-01T12:00:00+08:00", 1000);
}

/* VM-9 with many packages bought out of file order: each call of 1,000
 * minutes empties exactly the next package by purchase date. */
static void
test_packages_many (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (PbScenarioEvent));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLifecycle) lc = NULL;
  PbInstant start = at ("2020-01-01T12:00:00+08:00");
  PbInstant calls = at ("2020-03-01T00:00:00+08:00");
  PbScenarioEvent event;

  pb_scenario_event_init (&event, PB_EVENT_VOICE_NUMBER_ACTIVATE, start, "N");
  g_array_append_val (events, event);
  for (guint i = 0; i < 40; i++)
    {
      guint day = (i * 17) % 40;    /* a permutation of 0..39 */
      char *name = g_strdup_printf ("day%02u", day);

      g_ptr_array_add (names, name);
      pb_scenario_event_init (&event, PB_EVENT_VOICE_PACKAGE_BUY, start + day * 86400, name);
      event.package_kind = PB_PACKAGE_CUSTOM;
      event.minutes = 1000;
      g_array_append_val (events, event);
    }
  for (guint i = 0; i < 40; i++)
    {
      pb_scenario_event_init (&event, PB_EVENT_VOICE_CALL, calls + i * 3600, "N");
      event.seconds = 60000;
      g_array_append_val (events, event);
    }
  for (guint i = 0; i < events->len; i++)
    g_array_index (events, PbScenarioEvent, i).index = i;

  lc = pb_lifecycle_replay (catalog, PB_TERM_RULE_CALENDAR, (const PbScenarioEvent *) events->data,
                            events->len, PB_INSTANT_NONE, &error);
  g_assert_no_error (error);
  for (guint call = 0; call < 40; call++)
    for (guint day = 0; day < 40; day++)
      {
        g_autofree char *name = g_strdup_printf ("day%02u", day);
        const PbLifecyclePackage *package = pb_lifecycle_lookup_package (lc, name);

        g_assert_cmpint (pb_lifecycle_package_remaining_at (package, calls + call * 3600), ==,
                         day <= call ? 0 : 1000);
      }
  assert_rejections (lc, "");
}

/* VM-9: the validity comes from the catalog, not from the code. */
static void
test_packages_validity_from_catalog (void)
{
  g_autoptr(GBytes) original = g_resources_lookup_data (PB_CATALOG_RESOURCE, 0, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = NULL;
  g_autoptr(PbScenario) scenario = load_data ("packages.pbscenario");
  guint n_events;
  const PbScenarioEvent *events = pb_scenario_get_events (scenario, &n_events);
  g_autoptr(PbLifecycle) lc = NULL;

  g_assert_cmpuint (g_string_replace (text, "\"value\": 24,", "\"value\": 12,", 1), ==, 1);
  changed = g_string_free_to_bytes (g_steal_pointer (&text));
  catalog = pb_catalog_new_from_bytes (changed, "twelve-months.json", &error);
  g_assert_no_error (error);
  lc = pb_lifecycle_replay (catalog, PB_TERM_RULE_CALENDAR, events, n_events, PB_INSTANT_NONE, &error);
  g_assert_no_error (error);
  assert_instant (pb_lifecycle_lookup_package (lc, "P3")->expires_at, "2021-03-02T10:00:00+08:00");
  /* 2020-02-29 + 12 months is clamped to 2021-02-28. */
  assert_instant (pb_lifecycle_lookup_package (lc, "P2")->expires_at, "2021-02-28T12:00:00+08:00");
}

/* VM-11: the moment the balance falls below 5,000 minutes (not at 5,000),
 * again after a top-up; and more than five active numbers. */
static void
test_alarms (void)
{
  g_autoptr(PbScenario) scenario = load_data ("alarm.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  guint n;
  const PbAlarm *alarms = pb_lifecycle_get_alarms (lc, &n);

  g_assert_cmpint (pb_lifecycle_balance_at (lc, at ("2020-01-02T10:00:00+08:00")), ==, 5000);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (alarms[0].kind, ==, PB_ALARM_LOW_BALANCE);
  g_assert_cmpuint (alarms[0].event, ==, 3);
  g_assert_cmpint (alarms[0].value, ==, 4999);
  g_assert_cmpint (alarms[0].threshold, ==, 5000);
  g_assert_cmpstr (alarms[0].rule, ==, "VM-11");
  g_assert_cmpuint (alarms[1].event, ==, 6);
  g_assert_cmpint (alarms[2].kind, ==, PB_ALARM_TOO_MANY_NUMBERS);
  g_assert_cmpuint (alarms[2].event, ==, 11);
  g_assert_cmpint (alarms[2].value, ==, 6);
  assert_prefix_consistent (scenario, NULL);
}

/* VM-11: a package expiring with minutes left can take the balance below
 * the threshold: the alarm is at the expiry, caused by no event. */
static void
test_alarm_on_expiry (void)
{
  g_autoptr(PbScenario) scenario = load_data ("packages.pbscenario");
  g_autoptr(PbLifecycle) lc = replay (scenario, PB_INSTANT_NONE);
  guint n;
  const PbAlarm *alarms = pb_lifecycle_get_alarms (lc, &n);

  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (alarms[0].event, ==, PB_NO_EVENT);
  assert_instant (alarms[0].at, "2022-03-02T10:00:00+08:00");
}

/* A group of identical codes, numbers or packages bought under one id (a
 * quote's item): bound, used and expanded together, every charge times its
 * quantity (EL-4, EL-5, EL-6, VM-2, VM-5); its numbers count towards the
 * advised five (VM-11); its packages are one pool of minutes (VM-8, VM-9). */
static void
test_groups (void)
{
  static const char text[] =
    "{ \"format\": \"pricebook-scenario/1\", \"events\": [\n"
    "  { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" },\n"
    "  { \"at\": \"2020-01-02T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\", \"tier\": \"standard\",\n"
    "    \"extra_viewers\": 100, \"quantity\": 3 },\n"
    "  { \"at\": \"2020-01-03T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"C\" },\n"
    "  { \"at\": \"2020-01-04T12:00:00+08:00\", \"type\": \"live.code.expand\", \"code\": \"C\", \"extra_viewers\": 100 },\n"
    "  { \"at\": \"2020-01-05T12:00:00+08:00\", \"type\": \"live.broadcast\", \"code\": \"C\", \"viewers\": 400, \"minutes\": 60 },\n"
    "  { \"at\": \"2020-01-06T12:00:00+08:00\", \"type\": \"voice.number.activate\", \"number\": \"N\", \"quantity\": 6 },\n"
    "  { \"at\": \"2020-01-07T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\", \"kind\": \"fixed\",\n"
    "    \"minutes\": 10000, \"quantity\": 3 },\n"
    "  { \"at\": \"2020-01-08T12:00:00+08:00\", \"type\": \"voice.call\", \"number\": \"N\", \"seconds\": 600, \"answered\": true },\n"
    "  { \"at\": \"2020-03-09T12:00:00+08:00\", \"type\": \"voice.number.unsubscribe\", \"number\": \"N\" } ] }";
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_bytes (bytes, "groups.json", catalog, &error);
  g_autoptr(PbLifecycle) lc = NULL;
  const PbLifecyclePackage *package;
  guint n_alarms;
  const PbAlarm *alarms;

  g_assert_no_error (error);
  lc = replay (scenario, PB_INSTANT_NONE);
  assert_rejections (lc, "");
  g_assert_cmpint (pb_lifecycle_lookup_code (lc, "C")->quantity, ==, 3);
  g_assert_cmpint (pb_lifecycle_lookup_code (lc, "A")->quantity, ==, 1);
  /* Each code of the group allows its own 200 + 100 + 100 viewers. */
  assert_code (lc, "C", "2020-01-05T12:00:00+08:00", PB_CODE_ACTIVE, TRUE, 400);
  package = pb_lifecycle_lookup_package (lc, "P");
  g_assert_cmpint (package->quantity, ==, 3);
  g_assert_cmpint (pb_lifecycle_package_remaining_at (package, at ("2020-01-07T12:00:00+08:00")), ==, 30000);
  g_assert_cmpint (pb_lifecycle_package_remaining_at (package, at ("2020-01-08T12:00:00+08:00")), ==, 29990);
  g_assert_cmpint (pb_lifecycle_package_remaining_at (package, at ("2022-01-07T12:00:00+08:00")), ==, 0);
  alarms = pb_lifecycle_get_alarms (lc, &n_alarms);
  g_assert_cmpuint (n_alarms, ==, 2);
  g_assert_cmpint (alarms[0].kind, ==, PB_ALARM_TOO_MANY_NUMBERS);
  g_assert_cmpint (alarms[0].value, ==, 6);
  /* The pool's 29,990 minutes are lost at once, at its expiry. */
  g_assert_cmpint (alarms[1].kind, ==, PB_ALARM_LOW_BALANCE);
  assert_instant (alarms[1].at, "2022-01-07T12:00:00+08:00");
  /* ¥140,000 + 3 × ¥9,000 + 3 × 100 × ¥100 (add-on) + 3 × 100 × ¥100
   * (expansion) + 6 numbers × 3 months × ¥50 + 3 × ¥1,050 */
  g_assert_cmpint (pb_lifecycle_get_total (lc), ==, PB_MONEY_FROM_YUAN (140000 + 27000 + 30000 + 30000 + 900 + 3150));
}

/* ------------------------------------------------------------------ */
/* Robustness                                                         */

/* A sum beyond PbMoney's range is an error, never a wrapped number. */
static void
test_overflow (void)
{
  g_autoptr(GBytes) original = g_resources_lookup_data (PB_CATALOG_RESOURCE, 0, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = NULL;
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(PbLifecycle) lc = NULL;
  guint n_events;
  const PbScenarioEvent *events = pb_scenario_get_events (scenario, &n_events);

  g_assert_cmpuint (g_string_replace (text, "\"140000.00\"", "\"900000000000000.00\"", 1), ==, 1);
  changed = g_string_free_to_bytes (g_steal_pointer (&text));
  catalog = pb_catalog_new_from_bytes (changed, "dear.json", &error);
  g_assert_no_error (error);
  lc = pb_lifecycle_replay (catalog, PB_TERM_RULE_CALENDAR, events, n_events, PB_INSTANT_NONE, &error);
  g_assert_null (lc);
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  /* The renewal, event 2, is the purchase that no longer adds up. */
  if (!g_str_has_prefix (error->message, "event 2 (live.base_fee.buy): "))
    g_error ("“%s” does not name event 2", error->message);
}

/* @n base fees bought at one instant, @years each: every one after the
 * first is a renewal of the one before. */
static PbLifecycle *
replay_base_fees (PbTermRule rule, guint n, gint64 years, GError **error)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (PbScenarioEvent));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      char *name = g_strdup_printf ("G%u", i);
      PbScenarioEvent event;

      pb_scenario_event_init (&event, PB_EVENT_LIVE_BASE_FEE_BUY, at ("2020-01-01T12:00:00+08:00"), name);
      event.index = i;
      event.years = years;
      g_ptr_array_add (names, name);
      g_array_append_val (events, event);
    }
  return pb_lifecycle_replay (catalog, rule, (const PbScenarioEvent *) events->data, events->len,
                              PB_INSTANT_NONE, error);
}

static void
assert_base_fee_refused (PbTermRule rule, guint n, gint64 years, guint event, const char *end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLifecycle) lc = replay_base_fees (rule, n, years, &error);
  g_autofree char *prefix = g_strdup_printf ("event %u (live.base_fee.buy): ", event);

  g_assert_null (lc);
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, end) == NULL ||
      strstr (error->message, "2199-12-31 23:59:59") == NULL ||
      strstr (error->message, pb_term_rule_renewal_id (rule)) == NULL)
    g_error ("“%s” does not name %s, the end %s, the limit and the rule", error->message, prefix, end);
}

/* EL-T2, EL-T4: renewals add up, so a long enough run of purchases would
 * end past the supported range (300 purchases: 2319; 70,000: a year GLib
 * cannot count).  Up to the range they replay; the renewal that would
 * pass it is an input error naming the event, the date, the limit and the
 * rule. */
static void
test_renewals_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLifecycle) last = replay_base_fees (PB_TERM_RULE_CALENDAR, 180, 1, &error);
  guint n;

  g_assert_no_error (error);
  assert_instant (pb_lifecycle_get_base_fee_terms (last, &n)[179].end, "2199-12-31T12:00:00+08:00");
  assert_base_fee_refused (PB_TERM_RULE_CALENDAR, 300, 1, 180, "2200-12-31 12:00");
  assert_base_fee_refused (PB_TERM_RULE_CALENDAR, 70000, 1, 180, "2200-12-31 12:00");
  /* 2020-01-01 + 100 × 365 days is 2119-12-07; 81 more years pass 2199. */
  assert_base_fee_refused (PB_TERM_RULE_365_DAYS, 300, 1, 180, "2200-");
  /* Years after the first of one purchase are renewals too (EL-3). */
  assert_base_fee_refused (PB_TERM_RULE_CALENDAR, 3, 100, 1, "2200-12-31 12:00");
}

/* VM-2: a number is billed every month up to the horizon, so a few lines
 * could ask for millions of charges (400 numbers from 1970 to 2199).  Up to
 * PB_LIFECYCLE_MAX_MONTHLY_FEES the replay bills them; one more is an input
 * error naming the event, before the memory runs out. */
static void
test_monthly_fee_limit (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (PbScenarioEvent));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLifecycle) lc = NULL;
  /* 400 numbers × 2,500 months (1970-01 to 2178-04) is exactly the limit. */
  const guint n_numbers = 400;
  PbInstant last_month = at ("2178-04-15T00:00:00+08:00");
  PbInstant one_more = at ("2178-05-01T00:00:00+08:00");
  guint n_charges;
  gboolean active;
  guint months;

  g_assert_cmpint (n_numbers * 2500, ==, PB_LIFECYCLE_MAX_MONTHLY_FEES);
  for (guint i = 0; i < n_numbers; i++)
    {
      char *name = g_strdup_printf ("N%u", i);
      PbScenarioEvent event;

      pb_scenario_event_init (&event, PB_EVENT_VOICE_NUMBER_ACTIVATE, at ("1970-01-01T09:00:00+08:00"), name);
      event.index = i;
      g_ptr_array_add (names, name);
      g_array_append_val (events, event);
    }

  lc = pb_lifecycle_replay (catalog, PB_TERM_RULE_CALENDAR, (const PbScenarioEvent *) events->data,
                            events->len, last_month, &error);
  g_assert_no_error (error);
  pb_lifecycle_get_charges (lc, &n_charges);
  g_assert_cmpuint (n_charges, ==, PB_LIFECYCLE_MAX_MONTHLY_FEES);
  g_assert_true (pb_lifecycle_number_at (lc, pb_lifecycle_lookup_number (lc, "N399"), last_month,
                                         &active, &months));
  g_assert_true (active);
  g_assert_cmpuint (months, ==, 2500);
  g_clear_object (&lc);

  lc = pb_lifecycle_replay (catalog, PB_TERM_RULE_CALENDAR, (const PbScenarioEvent *) events->data,
                            events->len, one_more, &error);
  g_assert_null (lc);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  if (strstr (error->message, "monthly fees (VM-2)") == NULL || !g_str_has_prefix (error->message, "event "))
    g_error ("“%s” does not name the event and the rule", error->message);
}

static void
test_empty (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLifecycle) lc = pb_lifecycle_replay (catalog, PB_TERM_RULE_CALENDAR, NULL, 0,
                                                   PB_INSTANT_NONE, &error);
  guint n;

  g_assert_no_error (error);
  g_assert_cmpint (pb_lifecycle_get_horizon (lc), ==, PB_INSTANT_NONE);
  g_assert_cmpint (pb_lifecycle_base_fee_at (lc, at ("2020-01-01"), NULL), ==, PB_BASE_FEE_NONE);
  g_assert_cmpuint (pb_lifecycle_get_n_codes (lc), ==, 0);
  pb_lifecycle_get_charges (lc, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (pb_lifecycle_get_total (lc), ==, 0);
  g_assert_cmpint (pb_lifecycle_balance_at (lc, at ("2020-01-01")), ==, 0);
}

/* 10,000 codes and 1,000,000 calls, listed out of order so that the sort
 * runs too: the replay handles a large account (its speed is for a benchmark). */
static void
test_large_account (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (PbScenarioEvent));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLifecycle) lc = NULL;
  const char *numbers[] = { "N0", "N1", "N2", "N3", "N4" };
  PbInstant start = at ("2020-01-01T00:00:00+08:00");
  guint n_calls;

  for (guint i = 0; i < 1000000; i++)
    {
      PbScenarioEvent call = { .at = start + 86400 + i * 10, .type = PB_EVENT_VOICE_CALL, .enabled = TRUE,
                               .subject = numbers[i % 5], .seconds = 61, .answered = TRUE };

      g_array_append_val (events, call);
    }
  for (guint i = 0; i < 10000; i++)
    {
      char *name = g_strdup_printf ("C%u", i);
      PbScenarioEvent buy = { .at = start + 1 + i, .type = PB_EVENT_LIVE_CODE_BUY, .enabled = TRUE,
                              .subject = name, .tier = "standard" };
      PbScenarioEvent bind = { .at = start + 86400 * 14 + i, .type = PB_EVENT_LIVE_CODE_BIND,
                               .enabled = TRUE, .subject = name };

      g_ptr_array_add (names, name);
      g_array_append_val (events, buy);
      g_array_append_val (events, bind);
    }
  {
    PbScenarioEvent base = { .at = start, .type = PB_EVENT_LIVE_BASE_FEE_BUY, .enabled = TRUE, .subject = "G" };
    PbScenarioEvent package = { .at = start, .type = PB_EVENT_VOICE_PACKAGE_BUY, .enabled = TRUE,
                                .subject = "P", .package_kind = PB_PACKAGE_FIXED, .minutes = 3000000 };

    g_array_append_val (events, base);
    g_array_append_val (events, package);
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        PbScenarioEvent activate = { .at = start, .type = PB_EVENT_VOICE_NUMBER_ACTIVATE, .enabled = TRUE,
                                     .subject = numbers[i] };

        g_array_append_val (events, activate);
      }
  }
  for (guint i = 0; i < events->len; i++)
    g_array_index (events, PbScenarioEvent, i).index = i;

  lc = pb_lifecycle_replay (catalog, PB_TERM_RULE_CALENDAR, (const PbScenarioEvent *) events->data,
                            events->len, PB_INSTANT_NONE, &error);
  g_assert_no_error (error);

  pb_lifecycle_get_calls (lc, &n_calls);
  g_assert_cmpuint (n_calls, ==, 1000000);
  g_assert_cmpuint (pb_lifecycle_get_n_codes (lc), ==, 10001);
  assert_rejections (lc, "");
  /* Each call is 61 s, so 2 minutes (VM-7). */
  g_assert_cmpint (pb_lifecycle_balance_at (lc, at ("2020-12-31")), ==, 3000000 - 2000000);
  assert_code (lc, "C9999", "2020-06-01T00:00:00+08:00", PB_CODE_ACTIVE, TRUE, 200);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/lifecycle/EL-3/EL-7/EL-8/EL-10/EL-T1/EL-T2/customer-a/calendar",
                        "customer-a.pbscenario", test_customer_a);
  g_test_add_data_func ("/lifecycle/EL-3/EL-7/EL-8/EL-10/EL-T4/customer-a/365-days",
                        "customer-a-365-days.pbscenario", test_customer_a);
  g_test_add_func ("/lifecycle/EL-T4/customer-a/both-rules", test_customer_a_both_rules);
  g_test_add_func ("/lifecycle/EL-6/EL-7/customer-a/b-never-bound", test_customer_a_b_void);
  g_test_add_func ("/lifecycle/EL-5/EL-6/EL-7/EL-8/EL-10/EL-T1/customer-a/b-bound", test_customer_a_b_bound);
  g_test_add_func ("/lifecycle/EL-T1/EL-T2/EL-T4/rules-differ-outside-leap-years", test_term_rules_differ);
  g_test_add_func ("/lifecycle/EL-8/no-renewal-suspends", test_no_renewal);
  g_test_add_func ("/lifecycle/EL-7/EL-T3/bind-after-deadline", test_bind_after_deadline);
  g_test_add_func ("/lifecycle/EL-7/EL-10/renewal-after-lapse", test_renewal_after_lapse);
  g_test_add_func ("/lifecycle/EL-3/EL-10/EL-T2/multi-year-purchase", test_multi_year_purchase);
  g_test_add_func ("/lifecycle/EL-5/EL-6/expansions", test_expansions);
  g_test_add_func ("/lifecycle/EL-8/EL-9/broadcasts", test_broadcasts);
  g_test_add_func ("/lifecycle/ties-in-file-order", test_ties);
  g_test_add_func ("/lifecycle/events-out-of-order", test_out_of_order);
  g_test_add_func ("/lifecycle/what-if/disabled-event", test_disabled_event);
  g_test_add_func ("/lifecycle/VM-2/VM-3/VM-4/numbers", test_numbers);
  g_test_add_func ("/lifecycle/VM-5/VM-6/VM-7/VM-8/VM-9/packages", test_packages);
  g_test_add_func ("/lifecycle/VM-9/equal-expiry-earliest-purchase", test_packages_equal_expiry);
  g_test_add_func ("/lifecycle/VM-9/consumption-order-many", test_packages_many);
  g_test_add_func ("/lifecycle/EL-4/EL-5/EL-6/VM-2/VM-5/VM-11/groups", test_groups);
  g_test_add_func ("/lifecycle/VM-9/validity-from-catalog", test_packages_validity_from_catalog);
  g_test_add_func ("/lifecycle/VM-11/alarms", test_alarms);
  g_test_add_func ("/lifecycle/VM-11/alarm-on-expiry", test_alarm_on_expiry);
  g_test_add_func ("/lifecycle/overflow", test_overflow);
  g_test_add_func ("/lifecycle/VM-2/monthly-fee-limit", test_monthly_fee_limit);
  g_test_add_func ("/lifecycle/EL-T2/EL-T4/renewals-limit", test_renewals_limit);
  g_test_add_func ("/lifecycle/empty", test_empty);
  g_test_add_func ("/lifecycle/EL-4/VM-7/large-account", test_large_account);

  return g_test_run ();
}
