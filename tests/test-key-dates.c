/* test-key-dates.c: the instants the rules derive, and stepping to them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documented example (customer A) and its variants, instant by
 * instant, each with its kind, subject and rule ID.
 */
#include "pb-key-dates.h"
#include "pb-test.h"

typedef struct
{
  const char *at;
  const char *kind;
  const char *subject;   /* NULL: the base fee */
  const char *rule;
  gboolean    lapses;
} Expected;

static void
assert_dates (GArray *dates, const Expected *expected, guint n)
{
  for (guint i = 0; i < MIN (dates->len, n); i++)
    {
      const PbKeyDate *date = &g_array_index (dates, PbKeyDate, i);
      g_autofree char *when = pb_time_format (date->at);

      g_test_message ("%u: %s %s %s %s", i, when, pb_key_date_kind_to_string (date->kind),
                      date->subject ? date->subject : "-", date->rule);
      g_assert_cmpstr (when, ==, expected[i].at);
      g_assert_cmpstr (pb_key_date_kind_to_string (date->kind), ==, expected[i].kind);
      g_assert_cmpstr (date->subject, ==, expected[i].subject);
      g_assert_cmpstr (date->rule, ==, expected[i].rule);
      g_assert_cmpint (date->lapses, ==, expected[i].lapses);
      g_assert_cmpint (date->quantity, ==, 1);
    }
  g_assert_cmpuint (dates->len, ==, n);
}

/* The documented example's key dates, from its first event. */
static const Expected customer_a_dates[] = {
  { "2020-03-01T12:00:00+08:00", "bind_deadline", "A", "EL-7", FALSE },
  { "2020-07-01T15:00:00+08:00", "bind_deadline", "B", "EL-7", TRUE },
  { "2021-01-31T12:00:00+08:00", "code_expires", "A", "EL-8", FALSE },
  { "2021-12-31T12:00:00+08:00", "base_fee_expires", NULL, "EL-10", FALSE },
};

/* Customer A: A bound in time (EL-7) expires a year after binding (EL-8);
 * B, never bound, is void at its deadline (EL-7); the renewal moves the
 * base fee's end to 2021-12-31 12:00 (EL-10, EL-T2). */
static void
test_customer_a (void)
{
  const Expected *expected = customer_a_dates;
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(PbLifecycle) lifecycle = pb_test_replay (scenario);
  g_autoptr(GArray) derived = pb_lifecycle_derive_instants (lifecycle);
  g_autoptr(GArray) key_dates = pb_lifecycle_key_dates (lifecycle, pb_test_at ("2020-03-01T12:00:01+08:00"));

  assert_dates (derived, expected, G_N_ELEMENTS (customer_a_dates));
  /* Only what comes at or after the as-of instant. */
  assert_dates (key_dates, expected + 1, G_N_ELEMENTS (customer_a_dates) - 1);
}

/* EL-7: a deadline to bind is a key date only for a code not bound as of
 * @from.  A is bound 2020-02-01 12:00: from that instant on its deadline
 * is gone, B's (never bound) stays; a moment earlier A's is still there. */
static void
test_bound_before_from (void)
{
  const Expected *expected = customer_a_dates;
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(PbLifecycle) lifecycle = pb_test_replay (scenario);
  g_autoptr(GArray) before = pb_lifecycle_key_dates (lifecycle, pb_test_at ("2020-02-01T11:59:59+08:00"));
  g_autoptr(GArray) at = pb_lifecycle_key_dates (lifecycle, pb_test_at ("2020-02-01T12:00:00+08:00"));
  g_autoptr(GArray) after = pb_lifecycle_key_dates (lifecycle, pb_test_at ("2020-02-02T00:00:00+08:00"));

  assert_dates (before, expected, G_N_ELEMENTS (customer_a_dates));
  assert_dates (at, expected + 1, G_N_ELEMENTS (customer_a_dates) - 1);
  assert_dates (after, expected + 1, G_N_ELEMENTS (customer_a_dates) - 1);
}

/* Without the renewal the base fee lapses under A, which is suspended until
 * its own expiry (EL-8): the suspension's end is the expiry, not an
 * instant of its own. */
static void
test_no_renewal (void)
{
  static const Expected expected[] = {
    { "2020-03-01T12:00:00+08:00", "bind_deadline", "A", "EL-7", FALSE },
    { "2020-12-31T12:00:00+08:00", "base_fee_expires", NULL, "EL-3", FALSE },
    { "2020-12-31T12:00:00+08:00", "suspension_starts", "A", "EL-8", FALSE },
    { "2021-01-31T12:00:00+08:00", "code_expires", "A", "EL-8", FALSE },
  };
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a-no-renewal.pbscenario");
  g_autoptr(PbLifecycle) lifecycle = pb_test_replay (scenario);
  g_autoptr(GArray) derived = pb_lifecycle_derive_instants (lifecycle);

  assert_dates (derived, expected, G_N_ELEMENTS (expected));
}

/* A renewal after a lapse restores A (EL-8, EL-10): its suspension ends
 * then, a derived instant that is not a key date. */
static void
test_renewal_after_lapse (void)
{
  static const Expected expected[] = {
    { "2020-03-01T12:00:00+08:00", "bind_deadline", "A", "EL-7", FALSE },
    { "2020-12-31T12:00:00+08:00", "base_fee_expires", NULL, "EL-3", FALSE },
    { "2020-12-31T12:00:00+08:00", "suspension_starts", "A", "EL-8", FALSE },
    { "2021-01-10T10:00:00+08:00", "suspension_ends", "A", "EL-8", FALSE },
    { "2021-01-31T12:00:00+08:00", "code_expires", "A", "EL-8", FALSE },
    { "2021-02-01T10:00:00+08:00", "bind_deadline", "L", "EL-7", FALSE },
    { "2021-03-10T10:00:00+08:00", "bind_deadline", "B", "EL-7", TRUE },
    { "2022-01-09T10:00:00+08:00", "base_fee_expires", NULL, "EL-10", FALSE },
    { "2022-01-09T10:00:00+08:00", "suspension_starts", "L", "EL-8", FALSE },
    { "2022-01-10T10:00:00+08:00", "code_expires", "L", "EL-8", FALSE },
  };
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("renewal-after-lapse.pbscenario");
  g_autoptr(PbLifecycle) lifecycle = pb_test_replay (scenario);
  g_autoptr(GArray) derived = pb_lifecycle_derive_instants (lifecycle);
  g_autoptr(GArray) key_dates = pb_lifecycle_key_dates (lifecycle, PB_INSTANT_NONE);

  assert_dates (derived, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (key_dates->len, ==, G_N_ELEMENTS (expected) - 1);
  for (guint i = 0; i < key_dates->len; i++)
    g_assert_cmpint (g_array_index (key_dates, PbKeyDate, i).kind, !=, PB_KEY_DATE_SUSPENSION_ENDS);
}

/* VM-9: a package expires 24 months after its purchase, clamped. */
static void
test_packages (void)
{
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("packages-run-out.pbscenario");
  g_autoptr(PbLifecycle) lifecycle = pb_test_replay (scenario);
  g_autoptr(GArray) derived = pb_lifecycle_derive_instants (lifecycle);
  static const Expected expected[] = {
    { "2022-02-28T12:00:00+08:00", "package_expires", "P2", "VM-9", FALSE },
    { "2022-02-28T13:00:00+08:00", "package_expires", "P1", "VM-9", FALSE },
    { "2022-03-02T10:00:00+08:00", "package_expires", "P3", "VM-9", FALSE },
  };

  assert_dates (derived, expected, G_N_ELEMENTS (expected));
}

/* Issue 15.9: Next and Previous stop at the input events and at what the
 * rules derive: B void at its deadline (EL-7), A expiring (EL-8), the base
 * fee ending (EL-10).  A's deadline is no stop: A was bound in time, so
 * nothing happens there (EL-7). */
static void
test_step (void)
{
  static const char * const stops[] = {
    "2020-01-01T12:00:00+08:00",   /* event: base fee */
    "2020-02-01T12:00:00+08:00",   /* event: bind A */
    "2020-05-01T15:00:00+08:00",   /* events: renewal, expansion of B */
    "2020-07-01T15:00:00+08:00",   /* B void */
    "2021-01-31T12:00:00+08:00",   /* A expires */
    "2021-12-31T12:00:00+08:00",   /* the base fee ends */
  };
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(PbLifecycle) lifecycle = pb_test_replay (scenario);
  guint n;
  const PbScenarioEvent *events = pb_scenario_get_events (scenario, &n);
  PbInstant t = PB_INSTANT_NONE, next;

  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      g_assert_true (pb_lifecycle_step (lifecycle, events, n, t, +1, &next));
      g_assert_cmpint (next, ==, pb_test_at (stops[i]));
      t = next;
    }
  g_assert_false (pb_lifecycle_step (lifecycle, events, n, t, +1, &next));
  for (guint i = G_N_ELEMENTS (stops) - 1; i > 0; i--)
    {
      g_assert_true (pb_lifecycle_step (lifecycle, events, n, t, -1, &next));
      g_assert_cmpint (next, ==, pb_test_at (stops[i - 1]));
      t = next;
    }
  g_assert_false (pb_lifecycle_step (lifecycle, events, n, t, -1, &next));
  /* Between two stops, Previous goes to the earlier one. */
  g_assert_true (pb_lifecycle_step (lifecycle, events, n, pb_test_at ("2020-06-01"), -1, &next));
  g_assert_cmpint (next, ==, pb_test_at ("2020-05-01T15:00:00+08:00"));
}

/* A disabled what-if is not a stop; what the rules derive without it is. */
static void
test_step_disabled (void)
{
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(PbLifecycle) lifecycle = NULL;
  guint n;
  const PbScenarioEvent *events;
  PbInstant next;

  pb_scenario_set_event_enabled (scenario, 1, FALSE);   /* A is never bound */
  lifecycle = pb_test_replay (scenario);
  events = pb_scenario_get_events (scenario, &n);
  g_assert_true (pb_lifecycle_step (lifecycle, events, n, pb_test_at ("2020-01-01T12:00:00+08:00"), +1, &next));
  g_assert_cmpint (next, ==, pb_test_at ("2020-03-01T12:00:00+08:00"));
  g_assert_true (pb_lifecycle_lookup_code (lifecycle, "A")->void_at == next);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/key-dates/EL-7/EL-8/EL-10/customer-a", test_customer_a);
  g_test_add_func ("/key-dates/EL-7/bound-before-from", test_bound_before_from);
  g_test_add_func ("/key-dates/EL-3/EL-8/no-renewal", test_no_renewal);
  g_test_add_func ("/key-dates/EL-8/EL-10/renewal-after-lapse", test_renewal_after_lapse);
  g_test_add_func ("/key-dates/VM-9/packages", test_packages);
  g_test_add_func ("/key-dates/EL-7/EL-8/step", test_step);
  g_test_add_func ("/key-dates/EL-7/step-disabled", test_step_disabled);
  return g_test_run ();
}
