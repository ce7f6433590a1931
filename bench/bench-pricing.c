/* bench-pricing.c: re-pricing a quote and the optimizers (issue 7, target 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are the process's CPU time (a shared machine's wall clock is not
 * repeatable).  A keystroke in the window changes one field of one item; the window then
 * runs the Q-4 check and prices the quote.  This measures that, on a seeded
 * 300-item quote (under 1 ms), and the slowest answer of each optimizer
 * over seeded needs spread log-uniformly across their documented ranges,
 * plus the ranges' ends (under 100 µs each).
 *
 *   bench-pricing --keystrokes N   only the keystrokes, N of them, untimed:
 *                                  for callgrind --toggle-collect=keystroke
 */
#include <math.h>
#include <stdlib.h>

#include "pb-bench.h"
#include "pb-optimizer.h"
#include "pb-pricing.h"

#define KEYSTROKES 200
#define NEEDS      2000
#define REPEATS    3

static gint64
log_uniform (GRand  *rand,
             gint64  max)
{
  return CLAMP ((gint64) exp (g_rand_double (rand) * log ((double) max)), 1, max);
}

/* The fastest of REPEATS answers for one need, in ns. */
static gint64
time_voice (PbCatalog *catalog,
            gint64     minutes)
{
  gint64 best = G_MAXINT64;

  for (int r = 0; r < REPEATS; r++)
    {
      g_autoptr(PbVoicePlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      PbBenchSample sample;

      pb_bench_start (&sample);
      if (!pb_optimizer_voice (catalog, minutes, &plan, &error))
        {
          g_printerr ("bench-pricing: voice %" G_GINT64_FORMAT ": %s\n", minutes, error->message);
          exit (1);
        }
      pb_bench_stop (&sample);
      best = MIN (best, sample.cpu_ns);
    }
  return best;
}

static gint64
time_live (PbCatalog *catalog,
           gint64     viewers,
           gint64     rooms)
{
  gint64 best = G_MAXINT64;

  for (int r = 0; r < REPEATS; r++)
    {
      g_autoptr(PbLivePlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      PbBenchSample sample;

      pb_bench_start (&sample);
      if (!pb_optimizer_live (catalog, viewers, rooms, &plan, &error))
        {
          g_printerr ("bench-pricing: live %" G_GINT64_FORMAT " × %" G_GINT64_FORMAT ": %s\n",
                      viewers, rooms, error->message);
          exit (1);
        }
      pb_bench_stop (&sample);
      best = MIN (best, sample.cpu_ns);
    }
  return best;
}

/* One keystroke in the window: one field of one item changes, then the
 * Q-4 check and the pricing run as the window runs them.  Not inlined, so
 * that callgrind can count inside it alone (--toggle-collect=keystroke). */
static G_GNUC_NO_INLINE void
keystroke (PbCatalog *catalog,
           PbQuote   *quote,
           GRand     *rand)
{
  guint position = 1 + g_rand_int_range (rand, 0, 299);
  PbQuoteItem *item = pb_quote_get_item (quote, position);
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;

  switch (pb_quote_item_get_kind (item))
    {
    case PB_ITEM_KIND_NUMBERS:
      pb_quote_item_set_months (item, 1 + pb_quote_item_get_months (item) % 36);
      break;
    case PB_ITEM_KIND_CODE:
    case PB_ITEM_KIND_FIXED_PACKAGE:
    case PB_ITEM_KIND_CUSTOM_PACKAGE:
    default:
      pb_quote_item_set_quantity (item, 1 + pb_quote_item_get_quantity (item) % 9);
      break;
    }
  issues = pb_pricing_check (catalog, quote);
  if (pb_pricing_issues_have_errors (issues))
    {
      g_printerr ("bench-pricing: the generated quote breaks a rule\n");
      exit (1);
    }
  if (!pb_pricing_compute (catalog, quote, &pricing, &error))
    {
      g_printerr ("bench-pricing: %s\n", error->message);
      exit (1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PbCatalog) catalog = NULL;
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 worst_voice = 0, worst_voice_need = 0, worst_live = 0, worst_live_need = 0, worst_live_rooms = 0;
  gint64 edges_voice[] = { 1, 999, 1000, 1001, 9999, 10000, 99999, 100000, 2999999, 3000000,
                           PB_OPTIMIZER_VOICE_MAX_MINUTES - 1, PB_OPTIMIZER_VOICE_MAX_MINUTES };
  gint64 edges_live[] = { 1, 2, 99, 100, 101, 1000, 10000, PB_OPTIMIZER_LIVE_MAX_VIEWERS };
  int keystrokes_only = 0;

  if (argc == 3 && g_str_equal (argv[1], "--keystrokes"))
    keystrokes_only = atoi (argv[2]);
  if (argc != 1 && keystrokes_only < 1)
    {
      g_printerr ("usage: bench-pricing [--keystrokes N]\n");
      return 1;
    }

  pb_bench_init ();
  catalog = pb_bench_catalog ("bench-pricing");

  /* 1. Keystrokes: change one item's field, check and price. */
  quote = pb_bench_quote_new (catalog, 5, 300);
  if (keystrokes_only > 0)
    {
      /* For callgrind: no timing, no optimizer section. */
      for (int k = 0; k < keystrokes_only; k++)
        keystroke (catalog, quote, rand);
      pb_bench_note ("%d keystrokes on a 300-item quote", keystrokes_only);
      return 0;
    }
  for (int k = 0; k < KEYSTROKES + 10; k++)
    {
      PbBenchSample sample;

      pb_bench_start (&sample);
      keystroke (catalog, quote, rand);
      pb_bench_stop (&sample);
      if (k >= 10)   /* the first few warm up */
        g_array_append_val (times, sample.cpu_ns);
    }
  {
    gint64 *t = (gint64 *) (void *) times->data;
    gint64 sum = 0, max = 0;

    for (guint i = 0; i < times->len; i++)
      {
        sum += t[i];
        max = MAX (max, t[i]);
      }
    pb_bench_note ("re-pricing a 300-item quote: mean %.1f µs, slowest %.1f µs over %u keystrokes",
                   sum / 1e3 / times->len, max / 1e3, times->len);
    pb_bench_report ("re-price 300 items per keystroke (mean)", sum / 1e3 / times->len, "µs", "<", 1000.0);
  }

  /* 2. Optimizers over seeded needs and the ranges' ends. */
  for (guint i = 0; i < NEEDS + G_N_ELEMENTS (edges_voice); i++)
    {
      gint64 need = i < NEEDS ? log_uniform (rand, PB_OPTIMIZER_VOICE_MAX_MINUTES) : edges_voice[i - NEEDS];
      gint64 t = time_voice (catalog, need);

      if (t > worst_voice)
        {
          worst_voice = t;
          worst_voice_need = need;
        }
    }
  for (guint i = 0; i < NEEDS + G_N_ELEMENTS (edges_live) * 2; i++)
    {
      gint64 viewers, rooms, t;

      if (i < NEEDS)
        {
          viewers = log_uniform (rand, PB_OPTIMIZER_LIVE_MAX_VIEWERS);
          rooms = log_uniform (rand, PB_OPTIMIZER_LIVE_MAX_ROOMS);
        }
      else
        {
          viewers = edges_live[(i - NEEDS) / 2];
          rooms = (i - NEEDS) % 2 ? PB_OPTIMIZER_LIVE_MAX_ROOMS : 1;
        }
      t = time_live (catalog, viewers, rooms);
      if (t > worst_live)
        {
          worst_live = t;
          worst_live_need = viewers;
          worst_live_rooms = rooms;
        }
    }
  pb_bench_note ("%u voice needs, %u live needs (fastest of %d answers each)",
                 NEEDS + (guint) G_N_ELEMENTS (edges_voice), NEEDS + 2 * (guint) G_N_ELEMENTS (edges_live), REPEATS);
  pb_bench_note ("slowest voice need: %" G_GINT64_FORMAT " minutes; slowest live need: %"
                 G_GINT64_FORMAT " viewers × %" G_GINT64_FORMAT " rooms",
                 worst_voice_need, worst_live_need, worst_live_rooms);
  pb_bench_report ("voice optimizer, slowest answer", worst_voice / 1e3, "µs", "<", 100.0);
  pb_bench_report ("live optimizer, slowest answer", worst_live / 1e3, "µs", "<", 100.0);
  return 0;
}
