/* pb-bench.h: what the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cost counter (user-space instructions from the CPU's counter when the
 * kernel lets a process count its own, else the process's CPU time), a
 * seeded generator of large accounts, and the one-line report format:
 *
 *   figure: value (target: …) PASS|MISS
 *
 * Ratios are taken between two measurements of the same run, each the
 * smallest of a few repetitions, so that a busy machine shifts both.
 */
#pragma once

#include <glib.h>

#include "pb-catalog.h"
#include "pb-lifecycle.h"
#include "pb-quote.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 instructions;   /* 0 when the counter is unavailable */
  gint64  cpu_ns;         /* the process's CPU time */
  gint64  wall_ns;
} PbBenchSample;

/* The built-in catalog; without it no benchmark can run, so @program says
 * why on standard error and the process ends with status 1. */
PbCatalog  *pb_bench_catalog            (const char *program);

/* Opens the instruction counter once; FALSE when only time is available. */
gboolean    pb_bench_init               (void);
gboolean    pb_bench_have_instructions  (void);
void        pb_bench_start              (PbBenchSample *sample);
/* Turns @sample (filled by pb_bench_start) into the cost since then. */
void        pb_bench_stop               (PbBenchSample *sample);
/* The cost used for ratios: instructions when counted, else CPU ns. */
double      pb_bench_cost               (const PbBenchSample *sample);
const char *pb_bench_cost_unit          (void);
/* Element-wise minimum of two samples (repetitions). */
void        pb_bench_min                (PbBenchSample       *into,
                                         const PbBenchSample *sample);

/* Prints one figure and returns whether it met its target. */
gboolean    pb_bench_report             (const char *figure,
                                         double      value,
                                         const char *unit,
                                         const char *comparison,   /* "<=" or "<" */
                                         double      target);
void        pb_bench_note               (const char *format,
                                         ...) G_GNUC_PRINTF (1, 2);

/* A seeded account over @years years from 2016-01-01 (UTC+08:00): a base
 * fee renewed every year, @n_codes codes bought and bound through the
 * years, @n_numbers numbers activated in the first month, @n_packages
 * minute packages and @n_calls calls spread over the years.  The events
 * and their strings live until pb_bench_account_free(). */
typedef struct
{
  GArray    *events;    /* PbScenarioEvent */
  GPtrArray *strings;
} PbBenchAccount;

PbBenchAccount *pb_bench_account_new    (PbCatalog      *catalog,
                                         guint32         seed,
                                         int             years,
                                         guint           n_codes,
                                         guint           n_numbers,
                                         guint           n_packages,
                                         guint           n_calls);
void            pb_bench_account_free   (PbBenchAccount *account);
/* Replays all of @account's events; exits with a message if it is refused. */
PbLifecycle    *pb_bench_account_replay (PbBenchAccount *account,
                                         PbCatalog      *catalog);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbBenchAccount, pb_bench_account_free)

/* A seeded, valid quote of @n_items items of every kind but expansions
 * (an enterprise customer, one base fee, a few numbers per line). */
PbQuote *pb_bench_quote_new (PbCatalog *catalog,
                             guint32    seed,
                             guint      n_items);
G_END_DECLS
