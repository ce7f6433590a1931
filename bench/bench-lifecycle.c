/* bench-lifecycle.c: the lifecycle engine grows linearly (issue 7, target 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replays a seeded 10-year account with 10,000 codes, 100 numbers and
 * 1,000,000 calls, and the same account at half the size, in one run: the
 * cost per event of the full account is at most 1.05 × that of the half
 * (2 × events → ≤ 2.1 × cost), and the full replay takes under a second.
 *
 *   bench-lifecycle --once full|half   replays one account once, for
 *                                      callgrind-lifecycle.sh to count
 *   bench-lifecycle --write-account FILE
 *                                      writes a 10-year account with 10,000
 *                                      codes (and 100 numbers, 100 packages,
 *                                      10,000 calls) as a scenario file, for
 *                                      bench-startup.py to open
 */
#include <stdlib.h>

#include "pb-bench.h"
#include "pb-scenario.h"

#define REPEATS 3

static void
measure (PbCatalog      *catalog,
         PbBenchAccount *account,
         PbBenchSample  *best)
{
  for (int i = 0; i < REPEATS; i++)
    {
      PbBenchSample sample;
      PbLifecycle *lifecycle;

      pb_bench_start (&sample);
      lifecycle = pb_bench_account_replay (account, catalog);
      pb_bench_stop (&sample);
      g_object_unref (lifecycle);
      if (i == 0)
        *best = sample;
      else
        pb_bench_min (best, &sample);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = NULL;
  g_autoptr(PbBenchAccount) full = NULL;
  g_autoptr(PbBenchAccount) half = NULL;
  PbBenchSample full_cost, half_cost;
  double events_ratio, cost_ratio;

  if (argc == 3 && g_str_equal (argv[1], "--once"))
    {
      gboolean is_full = g_str_equal (argv[2], "full");

      catalog = pb_bench_catalog ("bench-lifecycle");
      full = is_full ? pb_bench_account_new (catalog, 7, 10, 10000, 100, 100, 1000000)
                     : pb_bench_account_new (catalog, 7, 10, 5000, 50, 50, 500000);
      g_print ("events: %u\n", full->events->len);
      g_object_unref (pb_bench_account_replay (full, catalog));
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "--write-account"))
    {
      g_autoptr(PbScenario) scenario = NULL;

      catalog = pb_bench_catalog ("bench-lifecycle");
      full = pb_bench_account_new (catalog, 7, 10, 10000, 100, 100, 10000);
      scenario = pb_scenario_new (catalog);
      pb_scenario_set_title (scenario, "Benchmark: 10 years, 10,000 codes");
      if (!pb_scenario_set_events (scenario, (const PbScenarioEvent *) (void *) full->events->data,
                                   full->events->len, &error) ||
          !pb_scenario_save_to_file (scenario, argv[2], &error))
        {
          g_printerr ("bench-lifecycle: %s\n", error->message);
          return 1;
        }
      return 0;
    }
  if (argc != 1)
    {
      g_printerr ("usage: bench-lifecycle [--once full|half | --write-account FILE]\n");
      return 2;
    }

  pb_bench_init ();
  catalog = pb_bench_catalog ("bench-lifecycle");

  full = pb_bench_account_new (catalog, 7, 10, 10000, 100, 100, 1000000);
  half = pb_bench_account_new (catalog, 7, 10, 5000, 50, 50, 500000);
  pb_bench_note ("events: %u (full), %u (half)", full->events->len, half->events->len);

  /* Warm up caches and the allocator once before measuring either. */
  g_object_unref (pb_bench_account_replay (half, catalog));

  measure (catalog, half, &half_cost);
  measure (catalog, full, &full_cost);

  events_ratio = (double) full->events->len / half->events->len;
  cost_ratio = pb_bench_cost (&full_cost) / pb_bench_cost (&half_cost);
  pb_bench_note ("replay cost: %.0f (half), %.0f (full) %s; CPU %.1f ms, %.1f ms",
                 pb_bench_cost (&half_cost), pb_bench_cost (&full_cost), pb_bench_cost_unit (),
                 half_cost.cpu_ns / 1e6, full_cost.cpu_ns / 1e6);

  /* The cost at exactly twice the events, scaled from the measured ratio. */
  pb_bench_report ("lifecycle cost at 2x events", cost_ratio * 2.0 / events_ratio, "x", "<=", 2.1);
  pb_bench_report ("lifecycle 10 y, 10000 codes, 100 numbers, 1e6 calls",
                   full_cost.cpu_ns / 1e6, "ms", "<", 1000.0);
  return 0;
}
