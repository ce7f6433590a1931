/* test-optimizer.c: the cheapest packages and codes, proved against brute force
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documented facts and every tier boundary are checked by name; then the
 * optimizers are compared, need by need, with an exhaustive dynamic program
 * written here that knows nothing of the optimizer's shortcuts (it allows
 * any number of custom packages), on the built-in catalog and on edited ones
 * where fixed packages are cheaper or dearer than today.
 */
#include "pb-catalog.h"
#include "pb-error.h"
#include "pb-optimizer.h"
#include "pb-test.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define YUAN PB_MONEY_FROM_YUAN

/* The built-in catalog with entries[@key].value replaced by @value_json
 * (pairs of key and JSON text, NULL-terminated). */
static PbCatalog *
edited_catalog (const char *key, const char *value_json, ...)
{
  g_autoptr(GBytes) built_in = g_resources_lookup_data (PB_CATALOG_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *entries;
  PbCatalog *catalog;
  char *text;
  gsize length;
  va_list args;

  g_assert_nonnull (built_in);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (built_in, NULL),
                                             g_bytes_get_size (built_in), &error));
  entries = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "entries");
  va_start (args, value_json);
  while (key != NULL)
    {
      JsonNode *value = json_from_string (value_json, &error);

      g_assert_no_error (error);
      g_assert_true (json_object_has_member (entries, key));
      json_object_set_member (json_object_get_object_member (entries, key), "value", value);
      key = va_arg (args, const char *);
      if (key != NULL)
        value_json = va_arg (args, const char *);
    }
  va_end (args);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);
  catalog = pb_catalog_new_from_bytes (bytes, "edited.json", &error);
  g_assert_no_error (error);
  return catalog;
}

static PbVoicePlan *
voice (PbCatalog *catalog, gint64 minutes)
{
  g_autoptr(GError) error = NULL;
  PbVoicePlan *plan = NULL;

  g_assert_true (pb_optimizer_voice (catalog, minutes, &plan, &error));
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static const PbVoicePackage *
package_at (PbVoicePlan *plan, guint i)
{
  g_assert_cmpuint (i, <, plan->packages->len);
  return &g_array_index (plan->packages, PbVoicePackage, i);
}

/* Asserts a plan of exactly one package. */
static void
assert_single (PbCatalog *catalog, gint64 need, gboolean fixed, gint64 minutes, PbMoney price)
{
  g_autoptr(PbVoicePlan) plan = voice (catalog, need);

  g_assert_cmpint (plan->minutes, ==, need);
  g_assert_cmpuint (plan->packages->len, ==, 1);
  g_assert_cmpint (package_at (plan, 0)->fixed, ==, fixed);
  g_assert_cmpint (package_at (plan, 0)->minutes, ==, minutes);
  g_assert_cmpint (package_at (plan, 0)->price, ==, price);
  g_assert_cmpint (plan->bought_minutes, ==, minutes);
  g_assert_cmpint (plan->total, ==, price);
}

/* ------------------------------------------------------------------ */
/* The documented facts and the boundaries                            */

/* VM-5/VM-6, the derived facts of the domain specification. */
static void
test_voice_documented (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();

  /* 99,000 minutes: one 100,000-minute package (¥10,000), not a custom
   * package of 99,000 (¥10,395). */
  assert_single (catalog, 99000, TRUE, 100000, YUAN (10000));
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 99000) * 99000, ==, YUAN (10395));
  /* Any need from 9,001 to 10,000 minutes costs ¥1,050. */
  for (gint64 n = 9001; n <= 10000; n++)
    {
      g_autoptr(PbVoicePlan) plan = voice (catalog, n);

      g_assert_cmpint (plan->total, ==, YUAN (1050));
    }
  /* 2,990,000 minutes: the 3,000,000 package, ¥255,000 (custom: ¥269,100). */
  assert_single (catalog, 2990000, TRUE, 3000000, YUAN (255000));
  g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, 2990000) * 2990000, ==, YUAN (269100));
}

static void
test_voice_boundaries (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  static const struct
  {
    gint64   need;
    gboolean fixed;
    gint64   minutes;
    gint64   yuan;
  } cases[] = {
    { 1, FALSE, 1000, 110 },
    { 999, FALSE, 1000, 110 },
    { 1000, FALSE, 1000, 110 },
    { 1001, FALSE, 2000, 220 },
    { 9000, FALSE, 9000, 990 },
    { 9001, TRUE, 10000, 1050 },
    { 10000, TRUE, 10000, 1050 },
    { 10001, FALSE, 11000, 1155 },           /* not 10,000 fixed + 1,000 custom: ¥1,160 */
    { 99000, TRUE, 100000, 10000 },
    { 99001, TRUE, 100000, 10000 },
    { 100000, TRUE, 100000, 10000 },
    { 100001, FALSE, 101000, 10100 },
    { 474000, FALSE, 474000, 47400 },
    { 475000, FALSE, 475000, 47500 },        /* custom ¥47,500 = fixed 500,000: fewer minutes */
    { 475001, TRUE, 500000, 47500 },
    { 499000, TRUE, 500000, 47500 },
    { 500000, TRUE, 500000, 47500 },
    { 500001, FALSE, 501000, 47595 },
    { 999000, TRUE, 1000000, 90000 },
    { 1000000, TRUE, 1000000, 90000 },
    { 1000001, FALSE, 1001000, 90090 },
    { 2990000, TRUE, 3000000, 255000 },
    { 2999001, TRUE, 3000000, 255000 },
    { 3000000, TRUE, 3000000, 255000 },
    { 3000001, FALSE, 3001000, 255085 },     /* not 3,000,000 fixed + 1,000 custom: ¥255,110 */
    { 123456789, FALSE, 123457000, 10493845 },
    { PB_OPTIMIZER_VOICE_MAX_MINUTES, FALSE, 1000000000, 85000000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_single (catalog, cases[i].need, cases[i].fixed, cases[i].minutes, YUAN (cases[i].yuan));
}

/* Ties: the same price for the same minutes goes to the fixed package. */
static void
test_voice_tie_fixed (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  static const gint64 sizes[] = { 10000, 100000, 500000, 1000000, 3000000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      const PbFixedPackage *fixed = pb_catalog_vm_fixed_package (catalog, sizes[i]);

      /* The tie is real: a custom package of that size costs the same. */
      g_assert_cmpint (pb_catalog_vm_custom_unit_price (catalog, sizes[i]) * sizes[i], ==, fixed->price);
      assert_single (catalog, sizes[i], TRUE, sizes[i], fixed->price);
    }
}

/* Ties: the same price and minutes in fewer packages wins. */
static void
test_voice_tie_fewer_packages (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();

  /* Two 10,000 packages cost ¥2,100 like a custom 20,000. */
  assert_single (catalog, 20000, FALSE, 20000, YUAN (2100));
  /* Two 3,000,000 packages cost ¥510,000 like a custom 6,000,000. */
  assert_single (catalog, 6000000, FALSE, 6000000, YUAN (510000));
}

/* Ties: the same price for fewer minutes wins, even over a fixed package. */
static void
test_voice_tie_fewer_minutes (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(PbCatalog) edited = NULL;

  /* Custom 475,000 at 0.1 is ¥47,500, like the 500,000 fixed package. */
  assert_single (catalog, 470001, FALSE, 471000, YUAN (47100));
  assert_single (catalog, 475000, FALSE, 475000, YUAN (47500));

  /* Two fixed packages of one price: the smaller one. */
  edited = edited_catalog ("voice.fixed_packages",
                           "[{\"minutes\": 10000, \"price\": \"1000.00\"},"
                           " {\"minutes\": 12000, \"price\": \"1000.00\"}]", NULL);
  assert_single (edited, 9500, TRUE, 10000, YUAN (1000));
  assert_single (edited, 10001, TRUE, 12000, YUAN (1000));
}

/* VM-5/VM-6: every package of a plan is one the catalog sells, at its price,
 * and the plan adds up. */
static void
assert_plan_valid (PbCatalog *catalog, PbVoicePlan *plan, gint64 need)
{
  PbMoney total = 0;
  gint64 bought = 0;
  guint customs = 0;

  g_assert_cmpint (plan->minutes, ==, need);
  for (guint i = 0; i < plan->packages->len; i++)
    {
      const PbVoicePackage *package = package_at (plan, i);

      if (package->fixed)
        {
          const PbFixedPackage *fixed = pb_catalog_vm_fixed_package (catalog, package->minutes);

          g_assert_nonnull (fixed);
          g_assert_cmpint (package->price, ==, fixed->price);
          g_assert_cmpuint (customs, ==, 0);            /* fixed ones come first */
        }
      else
        {
          g_assert_cmpint (package->minutes, >=, pb_catalog_vm_custom_min (catalog));
          g_assert_cmpint (package->minutes % pb_catalog_vm_custom_step (catalog), ==, 0);
          g_assert_cmpint (package->price, ==,
                           pb_catalog_vm_custom_unit_price (catalog, package->minutes) * package->minutes);
          customs++;
        }
      total += package->price;
      bought += package->minutes;
    }
  g_assert_cmpint (total, ==, plan->total);
  g_assert_cmpint (bought, ==, plan->bought_minutes);
  g_assert_cmpint (bought, >=, need);
}

/* ------------------------------------------------------------------ */
/* Brute force                                                        */

/* The best plan buying exactly b units: the order's keys that add up. */
typedef struct
{
  PbMoney cost;
  gint64  count;
  gint64  customs;
} Best;

#define NO_PLAN G_MAXINT64

static int
best_compare (const Best *a, const Best *b)
{
  if (a->cost != b->cost)
    return a->cost < b->cost ? -1 : 1;
  if (a->count != b->count)
    return a->count < b->count ? -1 : 1;
  if (a->customs != b->customs)
    return a->customs < b->customs ? -1 : 1;
  return 0;
}

static void
relax (Best *into, const Best *from, PbMoney price, gboolean custom)
{
  Best candidate;

  if (from->cost == NO_PLAN)
    return;
  candidate = (Best) { from->cost + price, from->count + 1, from->customs + (custom ? 1 : 0) };
  if (best_compare (&candidate, into) < 0)
    *into = candidate;
}

typedef struct
{
  gint64  unit;         /* minutes per unit: divides every size and the step */
  gint64  n_units;
  Best   *exact;        /* exact[b]: the best plan buying exactly b units */
  Best   *cover;        /* cover[u]: the best plan buying at least u units ... */
  gint64 *cover_bought; /* ... and the units it buys */
} Brute;

static void
brute_clear (Brute *brute)
{
  g_clear_pointer (&brute->exact, g_free);
  g_clear_pointer (&brute->cover, g_free);
  g_clear_pointer (&brute->cover_bought, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Brute, brute_clear)

static gint64
gcd (gint64 a, gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;

      a = b;
      b = t;
    }
  return a;
}

/* Every multiset of packages, fixed or custom, any number of each, by
 * dynamic programming over the exact number of units bought, up to
 * @max_minutes; then the best plan covering each need, as the best of those
 * buying at least that much (by cost, minutes, packages, fixed first). */
static void
brute_force (PbCatalog *catalog, gint64 max_minutes, Brute *brute)
{
  guint n_fixed;
  const PbFixedPackage *fixed = pb_catalog_vm_fixed_packages (catalog, &n_fixed);
  gint64 step = pb_catalog_vm_custom_step (catalog);
  gint64 min = pb_catalog_vm_custom_min (catalog);
  g_autofree PbMoney *custom = NULL;
  gint64 n;

  brute->unit = step;
  for (guint i = 0; i < n_fixed; i++)
    brute->unit = gcd (brute->unit, fixed[i].minutes);
  n = brute->n_units = max_minutes / brute->unit + 1;

  /* custom[c]: a custom package of c units, 0 if none is sold. */
  custom = g_new0 (PbMoney, n + 1);
  for (gint64 c = 1; c <= n; c++)
    if (c * brute->unit >= min && c * brute->unit % step == 0)
      custom[c] = pb_catalog_vm_custom_unit_price (catalog, c * brute->unit) * c * brute->unit;

  brute->exact = g_new (Best, n + 1);
  brute->exact[0] = (Best) { 0, 0, 0 };
  for (gint64 b = 1; b <= n; b++)
    {
      brute->exact[b] = (Best) { NO_PLAN, 0, 0 };
      for (guint i = 0; i < n_fixed; i++)
        if (fixed[i].minutes / brute->unit <= b)
          relax (&brute->exact[b], &brute->exact[b - fixed[i].minutes / brute->unit], fixed[i].price, FALSE);
      for (gint64 c = 1; c <= b; c++)
        if (custom[c] != 0)
          relax (&brute->exact[b], &brute->exact[b - c], custom[c], TRUE);
    }

  brute->cover = g_new (Best, n + 1);
  brute->cover_bought = g_new (gint64, n + 1);
  brute->cover[n] = brute->exact[n];
  brute->cover_bought[n] = n;
  for (gint64 u = n; u-- > 0;)
    {
      /* Going down, a plan buying exactly u wins ties on cost: fewer
       * minutes. */
      if (brute->exact[u].cost != NO_PLAN && brute->exact[u].cost <= brute->cover[u + 1].cost)
        {
          brute->cover[u] = brute->exact[u];
          brute->cover_bought[u] = u;
        }
      else
        {
          brute->cover[u] = brute->cover[u + 1];
          brute->cover_bought[u] = brute->cover_bought[u + 1];
        }
    }
}

static void
assert_matches_brute (PbCatalog *catalog, Brute *brute, gint64 need)
{
  g_autoptr(PbVoicePlan) plan = voice (catalog, need);
  gint64 units = (need + brute->unit - 1) / brute->unit;
  const Best *expected = &brute->cover[units];
  gint64 customs = 0;

  assert_plan_valid (catalog, plan, need);
  for (guint i = 0; i < plan->packages->len; i++)
    customs += package_at (plan, i)->fixed ? 0 : 1;
  if (plan->total != expected->cost || plan->bought_minutes != brute->cover_bought[units] * brute->unit ||
      (gint64) plan->packages->len != expected->count || customs != expected->customs)
    g_error ("%" G_GINT64_FORMAT " minutes: optimizer %" G_GINT64_FORMAT " milli-yuan for %"
             G_GINT64_FORMAT " minutes in %u packages (%" G_GINT64_FORMAT " custom), brute force %"
             G_GINT64_FORMAT " for %" G_GINT64_FORMAT " in %" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " custom)",
             need, plan->total, plan->bought_minutes, plan->packages->len, customs,
             expected->cost, brute->cover_bought[units] * brute->unit, expected->count, expected->customs);
}

/* Compares the optimizer with brute force for needs up to @max_need around
 * every unit boundary: one past it, midway, and on it.  The brute force
 * looks at plans buying up to twice the need plus the largest package or
 * tier start, more than any optimal plan buys (removing any package of an
 * optimal plan leaves the need uncovered). */
static void
cross_check (PbCatalog *catalog, gint64 max_need)
{
  g_auto(Brute) brute = { 0 };
  guint n_fixed, n_tiers;
  const PbFixedPackage *fixed = pb_catalog_vm_fixed_packages (catalog, &n_fixed);
  const PbCustomTier *tiers = pb_catalog_vm_custom_tiers (catalog, &n_tiers);
  gint64 largest = MAX (tiers[n_tiers - 1].from_minutes, pb_catalog_vm_custom_min (catalog));

  if (n_fixed > 0)
    largest = MAX (largest, fixed[n_fixed - 1].minutes);
  brute_force (catalog, 2 * max_need + largest, &brute);
  for (gint64 u = 1; u * brute.unit <= max_need; u++)
    {
      assert_matches_brute (catalog, &brute, u * brute.unit - brute.unit + 1);
      if (brute.unit > 2)
        assert_matches_brute (catalog, &brute, u * brute.unit - brute.unit / 2);
      assert_matches_brute (catalog, &brute, u * brute.unit);
    }
}

/* VM-5/VM-6: 1 to 3,100,000 minutes, every 1,000-minute boundary. */
static void
test_voice_brute_built_in (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();

  cross_check (catalog, 3100000);
}

/* Fixed packages dearer than the custom price of their size: never bought. */
static void
test_voice_brute_dearer_fixed (void)
{
  g_autoptr(PbCatalog) catalog =
    edited_catalog ("voice.fixed_packages",
                    "[{\"minutes\": 10000, \"price\": \"1100.00\"},"
                    " {\"minutes\": 100000, \"price\": \"10500.00\"},"
                    " {\"minutes\": 3000000, \"price\": \"256000.00\"}]", NULL);

  assert_single (catalog, 10000, FALSE, 10000, YUAN (1050));
  assert_single (catalog, 99000, FALSE, 100000, YUAN (10000));
  assert_single (catalog, 3000000, FALSE, 3000000, YUAN (255000));
  cross_check (catalog, 3100000);
}

/* Fixed packages cheaper than the custom price of their size, one of them
 * cheaper than any custom price: several copies pay. */
static void
test_voice_brute_cheaper_fixed (void)
{
  g_autoptr(PbCatalog) catalog =
    edited_catalog ("voice.fixed_packages",
                    "[{\"minutes\": 10000, \"price\": \"1000.00\"},"
                    " {\"minutes\": 100000, \"price\": \"9000.00\"},"
                    " {\"minutes\": 1000000, \"price\": \"80000.00\"}]", NULL);
  g_autoptr(PbVoicePlan) plan = NULL;

  /* Two 10,000 packages (¥2,000) beat a custom 20,000 (¥2,100). */
  plan = voice (catalog, 20000);
  g_assert_cmpuint (plan->packages->len, ==, 2);
  g_assert_cmpint (plan->total, ==, YUAN (2000));
  g_clear_pointer (&plan, pb_voice_plan_free);

  /* A billion minutes: a thousand 1,000,000 packages at 0.08 < 0.085. */
  plan = voice (catalog, PB_OPTIMIZER_VOICE_MAX_MINUTES);
  g_assert_cmpuint (plan->packages->len, ==, 1000);
  g_assert_cmpint (plan->total, ==, YUAN (80000000));
  assert_plan_valid (catalog, plan, PB_OPTIMIZER_VOICE_MAX_MINUTES);
  g_clear_pointer (&plan, pb_voice_plan_free);

  cross_check (catalog, 3100000);
}

/* A fixed package off the custom grid, and a coarser grid with a larger
 * minimum: the reasoning of the optimizer must not lean on today's sizes. */
static void
test_voice_brute_odd_sizes (void)
{
  g_autoptr(PbCatalog) catalog =
    edited_catalog ("voice.fixed_packages",
                    "[{\"minutes\": 1500, \"price\": \"150.00\"},"
                    " {\"minutes\": 25000, \"price\": \"2400.00\"}]",
                    "voice.custom_package",
                    "{\"min_minutes\": 3000, \"step_minutes\": 2000, \"tiers\": ["
                    " {\"from_minutes\": 0, \"unit_price\": \"0.110\"},"
                    " {\"from_minutes\": 9000, \"unit_price\": \"0.104\"},"
                    " {\"from_minutes\": 60000, \"unit_price\": \"0.093\"},"
                    " {\"from_minutes\": 61000, \"unit_price\": \"0.092\"},"
                    " {\"from_minutes\": 200000, \"unit_price\": \"0.090\"}]}", NULL);

  cross_check (catalog, 400000);
}

/* No fixed packages at all: custom ones only. */
static void
test_voice_brute_custom_only (void)
{
  g_autoptr(PbCatalog) catalog = edited_catalog ("voice.fixed_packages", "[]", NULL);

  assert_single (catalog, 99000, FALSE, 100000, YUAN (10000));
  cross_check (catalog, 400000);
}

/* VM-6: a catalog whose unit price rises with size is refused, not
 * answered wrongly. */
static void
test_voice_rising_tiers (void)
{
  g_autoptr(PbCatalog) catalog =
    edited_catalog ("voice.custom_package",
                    "{\"min_minutes\": 1000, \"step_minutes\": 1000, \"tiers\": ["
                    " {\"from_minutes\": 0, \"unit_price\": \"0.100\"},"
                    " {\"from_minutes\": 10000, \"unit_price\": \"0.120\"}]}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbVoicePlan) plan = NULL;

  g_assert_false (pb_optimizer_voice (catalog, 5000, &plan, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "VM-6"));
  g_assert_null (plan);
}

static void
test_voice_range (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  static const gint64 bad[] = { G_MININT64, -1, 0, PB_OPTIMIZER_VOICE_MAX_MINUTES + 1, G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PbVoicePlan) plan = NULL;

      g_assert_false (pb_optimizer_voice (catalog, bad[i], &plan, &error));
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_null (plan);
    }
}

/* ------------------------------------------------------------------ */
/* Remembered answers                                                 */

static void
assert_same_plan (const PbVoicePlan *a, const PbVoicePlan *b)
{
  g_assert_cmpint (a->minutes, ==, b->minutes);
  g_assert_cmpint (a->bought_minutes, ==, b->bought_minutes);
  g_assert_cmpint (a->total, ==, b->total);
  g_assert_cmpuint (a->packages->len, ==, b->packages->len);
  for (guint i = 0; i < a->packages->len; i++)
    {
      const PbVoicePackage *x = &g_array_index (a->packages, PbVoicePackage, i);
      const PbVoicePackage *y = &g_array_index (b->packages, PbVoicePackage, i);

      g_assert_cmpint (x->fixed, ==, y->fixed);
      g_assert_cmpint (x->minutes, ==, y->minutes);
      g_assert_cmpint (x->price, ==, y->price);
    }
}

static PbVoicePlan *
remembered (PbCatalog *catalog, gint64 minutes)
{
  g_autoptr(GError) error = NULL;
  PbVoicePlan *plan = NULL;

  g_assert_true (pb_optimizer_voice_remembered (catalog, minutes, &plan, &error));
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* VM-5/VM-6: a remembered answer is the fresh one, whether it is the first
 * time a need is asked or a later one, and each catalog has its own: the
 * edited catalog's fixed package is cheap enough to change the answers. */
static void
test_voice_remembered_same (void)
{
  g_autoptr(PbCatalog) built_in = pb_test_catalog ();
  g_autoptr(PbCatalog) edited =
    edited_catalog ("voice.fixed_packages", "[{\"minutes\": 10000, \"price\": \"900.00\"},"
                    " {\"minutes\": 100000, \"price\": \"10000.00\"}]", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 needs[400];
  guint differ = 0;

  /* Runs of eight neighbouring needs across a step of the grid, whose
   * answers differ (a look-up by the wrong key shows), in random places. */
  for (guint i = 0; i < G_N_ELEMENTS (needs); i += 8)
    {
      gint64 step = 1000 * g_rand_int_range (rand, 1, i % 16 ? 4000 : 400);

      for (guint j = 0; j < 8; j++)
        needs[i + j] = step - 4 + j;
    }
  /* Forwards (most asked for the first time), then backwards (remembered),
   * the two catalogs in turn. */
  for (int round = 0; round < 2; round++)
    for (guint k = 0; k < G_N_ELEMENTS (needs); k++)
      {
        gint64 need = needs[round == 0 ? k : G_N_ELEMENTS (needs) - 1 - k];
        g_autoptr(PbVoicePlan) fresh_built_in = voice (built_in, need);
        g_autoptr(PbVoicePlan) fresh_edited = voice (edited, need);
        g_autoptr(PbVoicePlan) kept_built_in = remembered (built_in, need);
        g_autoptr(PbVoicePlan) kept_edited = remembered (edited, need);

        assert_same_plan (kept_built_in, fresh_built_in);
        assert_same_plan (kept_edited, fresh_edited);
        differ += fresh_built_in->total != fresh_edited->total;
      }
  /* Otherwise the catalogs could share one table unnoticed. */
  g_assert_cmpuint (differ, >, 0);
}

/* The plan returned is the caller's: changing or freeing it changes no
 * later answer. */
static void
test_voice_remembered_copy (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(PbVoicePlan) fresh = voice (catalog, 99000);
  PbVoicePlan *first = remembered (catalog, 99000);
  g_autoptr(PbVoicePlan) again = NULL;

  assert_same_plan (first, fresh);
  first->total = 1;
  first->bought_minutes = 2;
  g_array_set_size (first->packages, 0);
  pb_voice_plan_free (first);
  again = remembered (catalog, 99000);
  assert_same_plan (again, fresh);
}

/* More distinct needs than the table holds: it is emptied and filled again,
 * and every answer, early or late, stays the fresh one. */
static void
test_voice_remembered_bounded (void)
{
  g_autoptr(PbCatalog) catalog =
    edited_catalog ("voice.fixed_packages", "[{\"minutes\": 10000, \"price\": \"1050.00\"}]", NULL);

  for (int round = 0; round < 2; round++)
    for (gint64 need = 1; need <= 10000; need += 2)
      {
        g_autoptr(PbVoicePlan) fresh = voice (catalog, need * 997);
        g_autoptr(PbVoicePlan) kept = remembered (catalog, need * 997);

        assert_same_plan (kept, fresh);
      }
}

/* Errors are the optimizer's, every time: a need out of range, a catalog it
 * refuses (asked twice, so that nothing was remembered in between). */
static void
test_voice_remembered_errors (void)
{
  g_autoptr(PbCatalog) built_in = pb_test_catalog ();
  g_autoptr(PbCatalog) rising =
    edited_catalog ("voice.custom_package",
                    "{\"min_minutes\": 1000, \"step_minutes\": 1000, \"tiers\": ["
                    " {\"from_minutes\": 0, \"unit_price\": \"0.100\"},"
                    " {\"from_minutes\": 10000, \"unit_price\": \"0.120\"}]}", NULL);
  static const gint64 bad[] = { G_MININT64, -1, 0, PB_OPTIMIZER_VOICE_MAX_MINUTES + 1 };

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PbVoicePlan) plan = NULL;

      g_assert_false (pb_optimizer_voice_remembered (rising, 5000, &plan, &error));
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_nonnull (strstr (error->message, "VM-6"));
      g_assert_null (plan);
      for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
        {
          g_autoptr(GError) range_error = NULL;

          g_assert_false (pb_optimizer_voice_remembered (built_in, bad[i], &plan, &range_error));
          g_assert_error (range_error, PB_ERROR, PB_ERROR_INPUT);
          g_assert_null (plan);
        }
    }
}

/* The answers live with their catalog and hold no reference to it. */
static void
test_voice_remembered_freed (void)
{
  PbCatalog *catalog = edited_catalog ("voice.fixed_packages", "[]", NULL);
  g_autoptr(PbVoicePlan) plan = NULL;

  g_object_add_weak_pointer (G_OBJECT (catalog), (gpointer *) &catalog);
  plan = remembered (catalog, 25000);
  g_assert_cmpint (plan->total, ==, 25000 * pb_catalog_vm_custom_unit_price (catalog, 25000));
  g_object_unref (catalog);
  g_assert_null (catalog);
}

/* Needs spread over the whole range, big ones included, all covered.  (How
 * fast the search is belongs in a benchmark, not in a unit test.) */
static void
test_voice_whole_range (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  const int rounds = 20000;

  for (int i = 0; i < rounds; i++)
    {
      /* Spread over the whole range, big needs included. */
      gint64 need = 1 + (gint64) ((guint64) i * 2654435761u % (guint64) PB_OPTIMIZER_VOICE_MAX_MINUTES);
      g_autoptr(PbVoicePlan) plan = voice (catalog, i % 2 ? need : need % 3100000 + 1);

      g_assert_cmpint (plan->bought_minutes, >=, plan->minutes);
    }
}

/* ------------------------------------------------------------------ */
/* Enterprise Live                                                    */

static PbLivePlan *
live (PbCatalog *catalog, gint64 viewers, gint64 rooms)
{
  g_autoptr(GError) error = NULL;
  PbLivePlan *plan = NULL;

  g_assert_true (pb_optimizer_live (catalog, viewers, rooms, &plan, &error));
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* The cheapest code by trying every tier with every add-on count up to the
 * need: its price, or 0 if no code reaches the need. */
static PbMoney
live_brute_force (PbCatalog *catalog, gint64 viewers)
{
  guint n;
  const PbCodeTier *tiers = pb_catalog_el_tiers (catalog, &n);
  gint64 step = pb_catalog_el_addon_step (catalog);
  PbMoney best = 0;

  for (guint i = 0; i < n; i++)
    for (gint64 addon = 0; addon <= viewers + step; addon += step)
      if (tiers[i].viewers + addon >= viewers)
        {
          PbMoney price = tiers[i].price + addon * pb_catalog_el_addon_price (catalog);

          if (best == 0 || price < best)
            best = price;
        }
  return best;
}

static void
assert_live (PbCatalog *catalog, gint64 viewers, gint64 rooms, const char *tier, gint64 extra, PbMoney price)
{
  g_autoptr(PbLivePlan) plan = live (catalog, viewers, rooms);

  g_assert_cmpint (plan->viewers, ==, viewers);
  g_assert_cmpint (plan->rooms, ==, rooms);
  g_assert_cmpuint (plan->codes->len, ==, rooms);
  for (guint i = 0; i < plan->codes->len; i++)
    {
      const PbLiveCode *code = &g_array_index (plan->codes, PbLiveCode, i);

      g_assert_cmpstr (code->tier_id, ==, tier);
      g_assert_cmpint (code->addon_viewers, ==, extra);
      g_assert_cmpint (code->price, ==, price);
      g_assert_cmpint (code->tier_price + code->addon_price, ==, price);
      g_assert_cmpint (code->viewers, ==, code->tier_viewers + extra);
      g_assert_cmpint (code->viewers, >=, viewers);
    }
  g_assert_cmpint (plan->total, ==, price * rooms);
  g_assert_cmpint (price, ==, live_brute_force (catalog, viewers));
}

/* EL-4 tiers and EL-5 add-ons (¥10,000 per 100 viewers). */
static void
test_live_boundaries (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();

  assert_live (catalog, 1, 1, "standard", 0, YUAN (9000));
  assert_live (catalog, 200, 1, "standard", 0, YUAN (9000));
  assert_live (catalog, 201, 1, "standard", 100, YUAN (19000));
  assert_live (catalog, 700, 1, "standard", 500, YUAN (59000));
  assert_live (catalog, 701, 1, "flagship", 0, YUAN (65000));     /* standard + 600: ¥69,000 */
  assert_live (catalog, 20000, 1, "flagship", 0, YUAN (65000));
  assert_live (catalog, 20001, 1, "flagship", 100, YUAN (75000));
  assert_live (catalog, 30000, 1, "flagship", 10000, YUAN (1065000));
  assert_live (catalog, PB_OPTIMIZER_LIVE_MAX_VIEWERS, 1, "flagship", 9980000, YUAN (998065000));
}

static void
test_live_rooms (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();

  assert_live (catalog, 200, 3, "standard", 0, YUAN (9000));
  assert_live (catalog, 701, 2, "flagship", 0, YUAN (65000));
  assert_live (catalog, 30000, 7, "flagship", 10000, YUAN (1065000));
  assert_live (catalog, PB_OPTIMIZER_LIVE_MAX_VIEWERS, PB_OPTIMIZER_LIVE_MAX_ROOMS,
               "flagship", 9980000, YUAN (998065000));
}

/* EL-1: one room of at most 10 viewers fits the free trial; the plan says
 * so, in a sentence for the window, and still proposes the cheapest code. */
static void
test_live_trial (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  static const struct { gint64 viewers, rooms; gboolean fits; } cases[] = {
    { 1, 1, TRUE }, { 5, 1, TRUE }, { 10, 1, TRUE }, { 11, 1, FALSE }, { 5, 2, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PbLivePlan) plan = live (catalog, cases[i].viewers, cases[i].rooms);
      g_autofree char *note = pb_live_plan_trial_note (catalog, plan);

      g_assert_cmpint (plan->trial_fits, ==, cases[i].fits);
      g_assert_cmpstr (g_array_index (plan->codes, PbLiveCode, 0).tier_id, ==, "standard");
      if (cases[i].fits)
        {
          g_assert_nonnull (strstr (note, "free trial"));
          g_assert_nonnull (strstr (note, "up to 10 viewers"));
          g_assert_true (g_str_has_suffix (note, "(EL-1)."));
        }
      else
        g_assert_null (note);
    }
}

static void
test_live_brute (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();

  for (gint64 v = 1; v <= 30100; v += (v < 1000 ? 1 : 37))
    {
      g_autoptr(PbLivePlan) plan = live (catalog, v, 1 + v % 4);
      const PbLiveCode *code = &g_array_index (plan->codes, PbLiveCode, 0);

      g_assert_cmpint (code->price, ==, live_brute_force (catalog, v));
      g_assert_cmpint (code->viewers, >=, v);
      g_assert_cmpint (code->addon_viewers % pb_catalog_el_addon_step (catalog), ==, 0);
      g_assert_cmpint (plan->total, ==, code->price * (1 + v % 4));
    }
}

/* Ties between codes: more viewers for the same money. */
static void
test_live_tie (void)
{
  g_autoptr(PbCatalog) catalog =
    edited_catalog ("live.code_tiers",
                    "[{\"id\": \"flagship\", \"name\": \"Flagship\", \"name_zh\": \"旗舰版\","
                    "  \"price\": \"65000.00\", \"viewers\": 20000},"
                    " {\"id\": \"standard\", \"name\": \"Standard\", \"name_zh\": \"标准版\","
                    "  \"price\": \"5000.00\", \"viewers\": 200}]", NULL);

  /* Standard + 600 add-ons is ¥65,000 like a flagship code. */
  assert_live (catalog, 700, 1, "standard", 500, YUAN (55000));
  assert_live (catalog, 701, 1, "flagship", 0, YUAN (65000));
  assert_live (catalog, 800, 1, "flagship", 0, YUAN (65000));
}

static void
test_live_range (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  static const gint64 bad[][2] = {
    { 0, 1 }, { -1, 1 }, { PB_OPTIMIZER_LIVE_MAX_VIEWERS + 1, 1 },
    { 1, 0 }, { 1, -5 }, { 1, PB_OPTIMIZER_LIVE_MAX_ROOMS + 1 }, { G_MAXINT64, G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PbLivePlan) plan = NULL;

      g_assert_false (pb_optimizer_live (catalog, bad[i][0], bad[i][1], &plan, &error));
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_null (plan);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/optimizer/VM-5/VM-6/documented-facts", test_voice_documented);
  g_test_add_func ("/optimizer/VM-5/VM-6/boundaries", test_voice_boundaries);
  g_test_add_func ("/optimizer/VM-5/VM-6/tie/fixed-before-custom", test_voice_tie_fixed);
  g_test_add_func ("/optimizer/VM-5/VM-6/tie/fewer-packages", test_voice_tie_fewer_packages);
  g_test_add_func ("/optimizer/VM-5/VM-6/tie/fewer-minutes", test_voice_tie_fewer_minutes);
  g_test_add_func ("/optimizer/VM-5/VM-6/brute-force/built-in", test_voice_brute_built_in);
  g_test_add_func ("/optimizer/VM-5/VM-6/brute-force/dearer-fixed", test_voice_brute_dearer_fixed);
  g_test_add_func ("/optimizer/VM-5/VM-6/brute-force/cheaper-fixed", test_voice_brute_cheaper_fixed);
  g_test_add_func ("/optimizer/VM-5/VM-6/brute-force/odd-sizes", test_voice_brute_odd_sizes);
  g_test_add_func ("/optimizer/VM-6/brute-force/custom-only", test_voice_brute_custom_only);
  g_test_add_func ("/optimizer/VM-6/rising-tiers-refused", test_voice_rising_tiers);
  g_test_add_func ("/optimizer/VM-5/VM-6/range", test_voice_range);
  g_test_add_func ("/optimizer/VM-5/VM-6/whole-range", test_voice_whole_range);
  g_test_add_func ("/optimizer/VM-5/VM-6/remembered/same-as-fresh", test_voice_remembered_same);
  g_test_add_func ("/optimizer/VM-5/VM-6/remembered/callers-copy", test_voice_remembered_copy);
  g_test_add_func ("/optimizer/VM-5/VM-6/remembered/bounded", test_voice_remembered_bounded);
  g_test_add_func ("/optimizer/VM-5/VM-6/remembered/errors", test_voice_remembered_errors);
  g_test_add_func ("/optimizer/VM-5/VM-6/remembered/freed-with-catalog", test_voice_remembered_freed);
  g_test_add_func ("/optimizer/EL-4/EL-5/boundaries", test_live_boundaries);
  g_test_add_func ("/optimizer/EL-4/EL-5/rooms", test_live_rooms);
  g_test_add_func ("/optimizer/EL-1/trial-fits", test_live_trial);
  g_test_add_func ("/optimizer/EL-4/EL-5/brute-force", test_live_brute);
  g_test_add_func ("/optimizer/EL-4/EL-5/tie/more-viewers", test_live_tie);
  g_test_add_func ("/optimizer/EL-4/EL-5/range", test_live_range);

  return g_test_run ();
}
