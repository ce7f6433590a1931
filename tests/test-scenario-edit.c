/* test-scenario-edit.c: editing a scenario's events (the simulator's what-if)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pb-error.h"
#include "pb-lifecycle.h"
#include "pb-scenario.h"

#include <string.h>

static PbScenario *
example (void)
{
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (NULL);
  g_autoptr(GError) error = NULL;
  PbScenario *scenario = pb_scenario_new_from_resource (PB_SCENARIO_RESOURCE_DIR "customer-a.pbscenario",
                                                        catalog, &error);

  g_assert_no_error (error);
  return scenario;
}

static PbInstant
at (const char *text)
{
  PbInstant instant;

  g_assert_true (pb_time_parse (text, &instant, NULL));
  return instant;
}

static void
count_changes (PbScenario *scenario, guint *changes)
{
  (*changes)++;
}

/* Removing the renewal turns the documented example into its no-renewal
 * variant: code A is suspended from 2020-12-31 12:00 (EL-8). */
static void
test_remove_renewal (void)
{
  g_autoptr(PbScenario) scenario = example ();
  g_autoptr(PbLifecycle) lifecycle = NULL;
  PbCodeStatus status;
  guint changes = 0;

  g_signal_connect (scenario, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_cmpuint (pb_scenario_get_n_events (scenario), ==, 4);
  /* Event 3 expands B, bought by the renewal: remove it first, then the renewal. */
  pb_scenario_remove_event (scenario, 3);
  pb_scenario_remove_event (scenario, 2);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (pb_scenario_get_n_events (scenario), ==, 2);
  g_assert_cmpuint (pb_scenario_get_event (scenario, 1)->index, ==, 1);
  g_assert_cmpstr (pb_scenario_get_event (scenario, 1)->subject, ==, "A");

  lifecycle = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, NULL);
  g_assert_true (pb_lifecycle_code_at (lifecycle, pb_lifecycle_lookup_code (lifecycle, "A"), at ("2020-12-31T11:59:59+08:00"), &status));
  g_assert_cmpint (status.state, ==, PB_CODE_ACTIVE);
  g_assert_true (pb_lifecycle_code_at (lifecycle, pb_lifecycle_lookup_code (lifecycle, "A"), at ("2020-12-31T12:00:00+08:00"), &status));
  g_assert_cmpint (status.state, ==, PB_CODE_SUSPENDED);
}

/* A replacement is checked as the loader checks; a bad one changes nothing. */
static void
test_replace (void)
{
  g_autoptr(PbScenario) scenario = example ();
  g_autoptr(GError) error = NULL;
  PbScenarioEvent event = *pb_scenario_get_event (scenario, 3);
  guint changes = 0;

  g_signal_connect (scenario, "changed", G_CALLBACK (count_changes), &changes);
  event.extra_viewers = 150;   /* EL-5: not a multiple of 100 */
  g_assert_false (pb_scenario_replace_event (scenario, 3, &event, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "EL-5"));
  g_assert_cmpint (pb_scenario_get_event (scenario, 3)->extra_viewers, ==, 10000);
  g_assert_cmpuint (changes, ==, 0);
  g_clear_error (&error);

  event.extra_viewers = 200;
  g_assert_true (pb_scenario_replace_event (scenario, 3, &event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pb_scenario_get_event (scenario, 3)->extra_viewers, ==, 200);
  g_assert_cmpuint (changes, ==, 1);

  /* Buying the same code twice is refused, as in a file. */
  event = *pb_scenario_get_event (scenario, 2);
  event.subject = "A";
  g_assert_false (pb_scenario_replace_event (scenario, 2, &event, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario-edit/EL-8/remove-renewal", test_remove_renewal);
  g_test_add_func ("/scenario-edit/EL-5/replace", test_replace);
  return g_test_run ();
}
