/* pb-bench.c: cost counter, report lines and seeded accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pb-bench.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#endif

#include "pb-scenario.h"
#include "pb-time.h"

static int counter_fd = -1;
static gboolean initialised;

gboolean
pb_bench_init (void)
{
  if (initialised)
    return counter_fd >= 0;
  initialised = TRUE;

#ifdef __linux__
  if (g_getenv ("PB_BENCH_NO_COUNTER") == NULL)
    {
      struct perf_event_attr attr;

      memset (&attr, 0, sizeof attr);
      attr.type = PERF_TYPE_HARDWARE;
      attr.size = sizeof attr;
      attr.config = PERF_COUNT_HW_INSTRUCTIONS;
      attr.exclude_kernel = 1;
      attr.exclude_hv = 1;
      counter_fd = (int) syscall (SYS_perf_event_open, &attr, 0, -1, -1, 0);
    }
#endif

  if (counter_fd >= 0)
    pb_bench_note ("cost unit: user-space instructions (CPU counter)");
  else
    pb_bench_note ("cost unit: CPU time (no instruction counter here)");
  return counter_fd >= 0;
}

gboolean
pb_bench_have_instructions (void)
{
  return counter_fd >= 0;
}

static guint64
read_instructions (void)
{
  guint64 value = 0;

  if (counter_fd < 0)
    return 0;
  if (read (counter_fd, &value, sizeof value) != sizeof value)
    return 0;
  return value;
}

static gint64
cpu_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

void
pb_bench_start (PbBenchSample *sample)
{
  sample->wall_ns = g_get_monotonic_time () * 1000;
  sample->cpu_ns = cpu_ns ();
  sample->instructions = read_instructions ();
}

void
pb_bench_stop (PbBenchSample *sample)
{
  guint64 instructions = read_instructions ();
  gint64 cpu = cpu_ns ();
  gint64 wall = g_get_monotonic_time () * 1000;

  sample->instructions = instructions - sample->instructions;
  sample->cpu_ns = cpu - sample->cpu_ns;
  sample->wall_ns = wall - sample->wall_ns;
}

double
pb_bench_cost (const PbBenchSample *sample)
{
  if (counter_fd >= 0)
    return (double) sample->instructions;
  return (double) sample->cpu_ns;
}

const char *
pb_bench_cost_unit (void)
{
  return counter_fd >= 0 ? "instructions" : "CPU ns";
}

PbCatalog *
pb_bench_catalog (const char *program)
{
  g_autoptr(GError) error = NULL;
  PbCatalog *catalog = pb_catalog_get_default (&error);

  if (catalog == NULL)
    {
      g_printerr ("%s: %s\n", program, error->message);
      exit (1);
    }
  return catalog;
}

void
pb_bench_min (PbBenchSample       *into,
              const PbBenchSample *sample)
{
  into->instructions = MIN (into->instructions, sample->instructions);
  into->cpu_ns = MIN (into->cpu_ns, sample->cpu_ns);
  into->wall_ns = MIN (into->wall_ns, sample->wall_ns);
}

gboolean
pb_bench_report (const char *figure,
                 double      value,
                 const char *unit,
                 const char *comparison,
                 double      target)
{
  gboolean pass;

  if (g_str_equal (comparison, "<"))
    pass = value < target;
  else
    pass = value <= target;
  printf ("%s: %.4g %s (target: %s %.4g %s) %s\n",
          figure, value, unit, comparison, target, unit, pass ? "PASS" : "MISS");
  fflush (stdout);
  return pass;
}

void
pb_bench_note (const char *format,
               ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  printf ("# %s\n", text);
  fflush (stdout);
}

static const char *
keep (PbBenchAccount *account,
      char           *text)
{
  g_ptr_array_add (account->strings, text);
  return text;
}

static void
add (PbBenchAccount  *account,
     PbScenarioEvent *event)
{
  event->index = account->events->len;
  g_array_append_val (account->events, *event);
}

PbBenchAccount *
pb_bench_account_new (PbCatalog *catalog,
                      guint32    seed,
                      int        years,
                      guint      n_codes,
                      guint      n_numbers,
                      guint      n_packages,
                      guint      n_calls)
{
  PbBenchAccount *account = g_new0 (PbBenchAccount, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  PbInstant start = pb_time_from_parts (2016, 1, 1, 9, 0, 0);
  PbInstant end = pb_time_add_years (start, years);
  gint64 span = end - start;
  const PbCodeTier *tiers;
  const PbFixedPackage *packages;
  guint n_tiers = 0, n_fixed = 0;
  const char **numbers;
  PbScenarioEvent event;

  account->events = g_array_sized_new (FALSE, TRUE, sizeof (PbScenarioEvent),
                                       years + 2 * n_codes + n_numbers + n_packages + n_calls);
  account->strings = g_ptr_array_new_with_free_func (g_free);
  tiers = pb_catalog_el_tiers (catalog, &n_tiers);
  packages = pb_catalog_vm_fixed_packages (catalog, &n_fixed);
  g_assert (n_tiers > 0 && n_fixed > 0);

  /* The base fee, renewed ten days before each year ends (EL-10). */
  for (int y = 0; y < years; y++)
    {
      PbInstant at = y == 0 ? start : pb_time_add_days (pb_time_add_years (start, y), -10);

      pb_scenario_event_init (&event, PB_EVENT_LIVE_BASE_FEE_BUY, at,
                              keep (account, g_strdup_printf ("gift-%d", y)));
      add (account, &event);
    }

  /* Codes through the years, each bound the next day. */
  for (guint i = 0; i < n_codes; i++)
    {
      PbInstant at = start + 3600 + (gint64) (g_rand_double (rand) * (double) (span - 3 * 86400));
      const char *id = keep (account, g_strdup_printf ("code-%05u", i));

      pb_scenario_event_init (&event, PB_EVENT_LIVE_CODE_BUY, at, id);
      event.tier = tiers[g_rand_int_range (rand, 0, (gint32) n_tiers)].id;
      event.extra_viewers = 0;
      add (account, &event);
      pb_scenario_event_init (&event, PB_EVENT_LIVE_CODE_BIND, at + 86400, id);
      add (account, &event);
    }

  numbers = g_new (const char *, MAX (n_numbers, 1));
  for (guint i = 0; i < n_numbers; i++)
    {
      numbers[i] = keep (account, g_strdup_printf ("number-%03u", i));
      pb_scenario_event_init (&event, PB_EVENT_VOICE_NUMBER_ACTIVATE, start + 60 * (i + 1), numbers[i]);
      add (account, &event);
    }

  /* Packages at even intervals, the largest fixed size. */
  for (guint i = 0; i < n_packages; i++)
    {
      PbInstant at = start + 86400 + (gint64) ((double) span * i / MAX (n_packages, 1));

      pb_scenario_event_init (&event, PB_EVENT_VOICE_PACKAGE_BUY, at,
                              keep (account, g_strdup_printf ("package-%03u", i)));
      event.package_kind = PB_PACKAGE_FIXED;
      event.minutes = packages[n_fixed - 1].minutes;
      add (account, &event);
    }

  for (guint i = 0; i < n_calls && n_numbers > 0; i++)
    {
      PbInstant at = start + 2 * 86400 + (gint64) (g_rand_double (rand) * (double) (span - 3 * 86400));

      pb_scenario_event_init (&event, PB_EVENT_VOICE_CALL, at,
                              numbers[g_rand_int_range (rand, 0, (gint32) n_numbers)]);
      event.seconds = g_rand_int_range (rand, 0, 600);
      event.answered = g_rand_int_range (rand, 0, 10) != 0;
      add (account, &event);
    }
  g_free (numbers);

  return account;
}

void
pb_bench_account_free (PbBenchAccount *account)
{
  if (account == NULL)
    return;
  g_array_unref (account->events);
  g_ptr_array_unref (account->strings);
  g_free (account);
}

PbLifecycle *
pb_bench_account_replay (PbBenchAccount *account,
                         PbCatalog      *catalog)
{
  g_autoptr(GError) error = NULL;
  PbLifecycle *lifecycle;

  lifecycle = pb_lifecycle_replay (catalog, pb_catalog_el_term_rule (catalog),
                                   (const PbScenarioEvent *) (void *) account->events->data,
                                   account->events->len, PB_INSTANT_NONE, &error);
  if (lifecycle == NULL)
    {
      g_printerr ("bench: the generated account was refused: %s\n", error->message);
      exit (1);
    }
  return lifecycle;
}

PbQuote *
pb_bench_quote_new (PbCatalog *catalog,
                    guint32    seed,
                    guint      n_items)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(PbCustomer) customer = pb_customer_new ("Benchmark Customer Ltd.", "bench", TRUE);
  const PbFixedPackage *packages;
  const PbCodeTier *tiers;
  guint n_fixed = 0, n_tiers = 0;
  gint64 step = pb_catalog_vm_custom_step (catalog);
  gint64 min = pb_catalog_vm_custom_min (catalog);
  gint64 addon = pb_catalog_el_addon_step (catalog);
  PbQuote *quote = pb_quote_new ();

  packages = pb_catalog_vm_fixed_packages (catalog, &n_fixed);
  tiers = pb_catalog_el_tiers (catalog, &n_tiers);
  pb_quote_set_number (quote, "Q-BENCH-0001");
  pb_quote_set_date (quote, pb_time_from_parts (2026, 11, 23, 10, 0, 0));
  pb_quote_set_customer (quote, customer);
  pb_quote_set_discount (quote, 350);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PbQuoteItem) item = NULL;
      /* One base fee first; then numbers, packages and codes in turn. */
      guint kind = i == 0 ? 4 : (i % 4);

      switch (kind)
        {
        case 0:
          item = pb_quote_item_new (PB_ITEM_KIND_NUMBERS);
          pb_quote_item_set_numbers (item, g_rand_int_range (rand, 1, 4));
          pb_quote_item_set_months (item, g_rand_int_range (rand, 1, 37));
          break;
        case 1:
          item = pb_quote_item_new (PB_ITEM_KIND_FIXED_PACKAGE);
          pb_quote_item_set_minutes (item, packages[g_rand_int_range (rand, 0, (gint32) n_fixed)].minutes);
          pb_quote_item_set_quantity (item, g_rand_int_range (rand, 1, 5));
          break;
        case 2:
          item = pb_quote_item_new (PB_ITEM_KIND_CUSTOM_PACKAGE);
          pb_quote_item_set_minutes (item, min + step * g_rand_int_range (rand, 0, 2000));
          pb_quote_item_set_quantity (item, 1);
          break;
        case 3:
          item = pb_quote_item_new (PB_ITEM_KIND_CODE);
          pb_quote_item_set_tier (item, tiers[g_rand_int_range (rand, 0, (gint32) n_tiers)].id);
          pb_quote_item_set_quantity (item, g_rand_int_range (rand, 1, 10));
          pb_quote_item_set_extra_viewers (item, addon * g_rand_int_range (rand, 0, 5));
          break;
        default:
          item = pb_quote_item_new (PB_ITEM_KIND_BASE_FEE);
          pb_quote_item_set_years (item, 1);
          break;
        }
      pb_quote_append_item (quote, item);
    }
  return quote;
}
