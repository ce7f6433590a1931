/* fuzz-scenario.c: the scenario loader, then the lifecycle replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pb-fuzz.h"

#include "pb-catalog.h"
#include "pb-error.h"
#include "pb-lifecycle.h"
#include "pb-scenario.h"
#include "pb-time.h"

static PbCatalog *catalog;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  pb_fuzz_setup ();
  catalog = pb_catalog_get_default (&error);
  if (catalog == NULL)
    g_error ("the built-in catalog does not load: %s", error->message);
  return 0;
}

/* The state at @at, as the simulator's state panel asks for it. */
static void
query (PbLifecycle *lifecycle,
       PbInstant    at)
{
  PbInstant expires_at = 0;
  guint n_codes = pb_lifecycle_get_n_codes (lifecycle);
  guint n_numbers = pb_lifecycle_get_n_numbers (lifecycle);
  guint n_packages = pb_lifecycle_get_n_packages (lifecycle);

  (void) pb_base_fee_state_to_string (pb_lifecycle_base_fee_at (lifecycle, at, &expires_at));
  (void) pb_lifecycle_base_fee_valid_at (lifecycle, at);
  for (guint i = 0; i < n_codes && i < 16; i++)
    {
      PbCodeStatus status;

      if (pb_lifecycle_code_at (lifecycle, pb_lifecycle_get_code (lifecycle, i), at, &status))
        PB_FUZZ_ASSERT (pb_code_state_to_string (status.state) != NULL);
    }
  for (guint i = 0; i < n_numbers && i < 16; i++)
    {
      gboolean active;
      guint months;

      (void) pb_lifecycle_number_at (lifecycle, pb_lifecycle_get_number (lifecycle, i), at, &active, &months);
    }
  for (guint i = 0; i < n_packages && i < 16; i++)
    (void) pb_lifecycle_package_remaining_at (pb_lifecycle_get_package (lifecycle, i), at);
  (void) pb_lifecycle_balance_at (lifecycle, at);
  (void) pb_lifecycle_count_rejections_at (lifecycle, at);
  (void) pb_lifecycle_count_charges_at (lifecycle, at);
}

static void
replay (PbScenario *scenario,
        PbInstant   until)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLifecycle) lifecycle = pb_lifecycle_replay_scenario (scenario, until, &error);

  if (lifecycle == NULL)
    {
      pb_fuzz_check_error (error, TRUE);
      return;
    }
  PB_FUZZ_ASSERT (error == NULL);
  if (until != PB_INSTANT_NONE)
    {
      query (lifecycle, until);
      return;
    }
  /* The whole story: the state at both ends of the range and at the
   * lifecycle's own first instant and horizon. */
  query (lifecycle, PB_INSTANT_MIN);
  query (lifecycle, PB_INSTANT_MAX);
  if (pb_lifecycle_get_first_instant (lifecycle) != PB_INSTANT_NONE)
    query (lifecycle, pb_lifecycle_get_first_instant (lifecycle));
  if (pb_lifecycle_get_horizon (lifecycle) != PB_INSTANT_NONE)
    query (lifecycle, pb_lifecycle_get_horizon (lifecycle));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = NULL;
  guint n_events;

  scenario = pb_scenario_new_from_bytes (bytes, "fuzz.pbscenario", catalog, &error);
  if (scenario == NULL)
    {
      pb_fuzz_check_error (error, TRUE);
      return 0;
    }
  PB_FUZZ_ASSERT (error == NULL);

  /* The whole story, then up to each event's instant, as the simulator's
   * slider and `pricebook-cli simulate --at` ask for it. */
  replay (scenario, PB_INSTANT_NONE);
  n_events = pb_scenario_get_n_events (scenario);
  for (guint i = 0; i < n_events && i < 64; i++)
    {
      const PbScenarioEvent *event = pb_scenario_get_event (scenario, i);

      PB_FUZZ_ASSERT (event != NULL);
      PB_FUZZ_ASSERT (event->at >= PB_INSTANT_MIN && event->at <= PB_INSTANT_MAX);
      replay (scenario, event->at);
    }
  return 0;
}
