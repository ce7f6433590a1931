/* test-robustness.c: whatever a file holds, an answer or a clear refusal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shipped and contract files, cut at every byte and mutated at random
 * (a fixed seed: every run tries the same inputs, so a failure can be
 * replayed), go through the loaders, the Q-4 checks, the pricing and the
 * lifecycle replay in this process, and a sample of them through
 * pricebook-cli.  Each must either succeed or fail with a PB_ERROR whose
 * message begins with the file's name; a GLib critical, which the test
 * harness makes fatal, or a crash fails the test.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "pb-error.h"
#include "pb-lifecycle.h"
#include "pb-optimizer.h"
#include "pb-pricing.h"
#include "pb-quote.h"
#include "pb-scenario.h"
#include "pb-test-cli.h"
#include "pb-test.h"

#define SEED 20261123
#define MUTATIONS 1500
#define CLI_SAMPLES 40

typedef enum
{
  KIND_QUOTE,
  KIND_SCENARIO,
  KIND_CATALOG,
} FileKind;

static GBytes *
read_source (const char *first, ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents;
  gsize length;
  va_list args;

  g_ptr_array_add (parts, (char *) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* A failure is a PB_ERROR saying where: the file's name, or for a quote
 * or a replay that loaded, the quote, the item or the event. */
static void
assert_refusal (GError *error, const char *where, const char *or_where)
{
  g_assert_nonnull (error);
  if (error->domain != PB_ERROR || error->code == PB_ERROR_INTERNAL)
    g_error ("%s: unexpected error %s/%d: %s", where, g_quark_to_string (error->domain), error->code,
             error->message);
  if (!g_str_has_prefix (error->message, where) &&
      (or_where == NULL || !g_str_has_prefix (error->message, or_where)))
    g_error ("“%s” does not begin with “%s”", error->message, where);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
exercise_quote (PbCatalog *catalog, GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = pb_quote_new_from_bytes (bytes, "input.pricebook", &error);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) pricing = NULL;

  if (quote == NULL)
    {
      assert_refusal (error, "input.pricebook", NULL);
      return;
    }
  issues = pb_pricing_check (catalog, quote);
  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *text = pb_quote_issue_to_string (g_ptr_array_index (issues, i));

      /* Every issue names its rule. */
      g_assert_true (g_str_has_suffix (text, ")"));
    }
  if (pb_pricing_compute (catalog, quote, &pricing, &error))
    {
      g_autoptr(JsonNode) json = pb_pricing_to_json (pricing, quote);

      g_assert_false (pb_pricing_issues_have_errors (issues));
      g_assert_nonnull (json);
    }
  else
    assert_refusal (error, "the quote", "item ");
}

static void
exercise_scenario (PbCatalog *catalog, GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_bytes (bytes, "input.pbscenario", catalog, &error);
  g_autoptr(PbLifecycle) whole = NULL;
  g_autoptr(PbLifecycle) cut = NULL;

  if (scenario == NULL)
    {
      assert_refusal (error, "input.pbscenario", NULL);
      return;
    }
  whole = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, &error);
  if (whole == NULL)
    {
      assert_refusal (error, "event ", NULL);
      return;
    }
  cut = pb_lifecycle_replay_scenario (scenario, pb_time_from_parts (2020, 7, 1, 15, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_nonnull (cut);
}

/* An optimizer refuses a need its catalog cannot price, never otherwise. */
static void
assert_optimizer_refusal (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == PB_ERROR);
  g_assert_true (error->code == PB_ERROR_INPUT || error->code == PB_ERROR_OVERFLOW);
}

/* A catalog that loads must serve every question: both optimizers, the
 * contract's quote and the documented example. */
static void
exercise_catalog (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_new_from_bytes (bytes, "input.json", &error);
  g_autoptr(GBytes) quote = NULL;
  g_autoptr(GBytes) scenario = NULL;
  const gint64 needs[] = { 1, 999, 99000, 2990000, 1000000000 };

  if (catalog == NULL)
    {
      assert_refusal (error, "input.json", NULL);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      g_autoptr(PbVoicePlan) voice = NULL;
      g_autoptr(PbLivePlan) live = NULL;

      if (!pb_optimizer_voice (catalog, needs[i], &voice, &error))
        {
          assert_optimizer_refusal (error);
          g_clear_error (&error);
        }
      else
        g_assert_cmpint (voice->bought_minutes, >=, needs[i]);
      if (!pb_optimizer_live (catalog, MIN (needs[i], PB_OPTIMIZER_LIVE_MAX_VIEWERS), 3, &live, &error))
        {
          assert_optimizer_refusal (error);
          g_clear_error (&error);
        }
    }
  quote = read_source ("data", "quotes", "contract-example.pricebook", NULL);
  exercise_quote (catalog, quote);
  scenario = read_source ("data", "scenarios", "contract-example.pbscenario", NULL);
  exercise_scenario (catalog, scenario);
}

static void
exercise (FileKind kind, PbCatalog *catalog, const guint8 *data, gsize length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  switch (kind)
    {
    case KIND_QUOTE:
      exercise_quote (catalog, bytes);
      break;
    case KIND_SCENARIO:
      exercise_scenario (catalog, bytes);
      break;
    case KIND_CATALOG:
      exercise_catalog (bytes);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Values at the edges of every range and type. */
static const char * const nasty[] = {
  "-1", "0", "1", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "1e308", "0.5",
  "010", "null", "true", "\"\"", "[]", "{}", "\"2020-02-30\"", "\"0000-01-01\"", "\"1969-12-31\"",
  "\"2199-12-31\"", "\"9999-12-31T23:59:59+08:00\"", "\"1970-01-01T00:00:00+08:00\"",
  "\"2199-12-31T23:59:59+08:00\"", "\"\\u0000\"", "[[[[[[[[", "\"100.001\"", "\"-5\"", "\"1e3\"",
  "1000000000", "10000001", "\"standard\"", "\"fixed\"", "\"A\"",
};

/* The kinds of damage a file suffers: a byte changed, a JSON character
 * inserted, a run deleted or duplicated, a value swapped for a nasty one. */
static GArray *
mutate (GRand *rand, GBytes *original)
{
  static const char json_chars[] = "{}[]\",:0123456789-.eE \n";
  gsize length;
  const guint8 *data = g_bytes_get_data (original, &length);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint8));
  guint edits = (guint) g_rand_int_range (rand, 1, 5);

  g_array_append_vals (out, data, (guint) length);
  for (guint e = 0; e < edits; e++)
    {
      guint at = out->len ? (guint) g_rand_int_range (rand, 0, (gint32) out->len) : 0;
      guint op = (guint) g_rand_int_range (rand, 0, 5);
      /* Drawn once: MIN() would evaluate a call twice. */
      guint run = (guint) g_rand_int_range (rand, 1, 31);

      if (op == 0 && out->len > 0)
        g_array_index (out, guint8, at) = (guint8) g_rand_int_range (rand, 0, 256);
      else if (op == 1)
        {
          guint8 c = (guint8) json_chars[g_rand_int_range (rand, 0, sizeof json_chars - 1)];

          g_array_insert_val (out, at, c);
        }
      else if (op == 2 && out->len > 0)
        g_array_remove_range (out, at, MIN (run % 8 + 1, out->len - at));
      else if (op == 3 && out->len > 0)
        {
          guint from = (guint) g_rand_int_range (rand, 0, (gint32) out->len);
          guint n = MIN (run, out->len - from);
          g_autofree guint8 *copy = g_memdup2 (out->data + from, n);

          g_array_insert_vals (out, at, copy, n);
        }
      else
        {
          const char *value = nasty[g_rand_int_range (rand, 0, G_N_ELEMENTS (nasty))];

          g_array_insert_vals (out, at, value, (guint) strlen (value));
        }
    }
  return out;
}

typedef struct
{
  FileKind    kind;
  const char *dir;
  const char *name;
} Source;

static const Source sources[] = {
  { KIND_QUOTE, "tests/data/quotes", "contract-example.pricebook" },
  { KIND_QUOTE, "tests/data/quotes", "sample.pricebook" },
  { KIND_SCENARIO, "tests/data/scenarios", "contract-example.pbscenario" },
  { KIND_SCENARIO, "data/scenarios", "customer-a.pbscenario" },
  { KIND_SCENARIO, "tests/data/scenarios", "packages.pbscenario" },
  { KIND_CATALOG, "data/catalog", "tencent-cloud.json" },
};

static GBytes *
read_shipped (const Source *source)
{
  /* G_TEST_DIST is tests/: the shipped data is one level up. */
  if (g_str_has_prefix (source->dir, "tests/"))
    return read_source (source->dir + strlen ("tests/"), source->name, NULL);
  return read_source ("..", source->dir, source->name, NULL);
}

/* Every prefix of every file: the usual damage of a copy cut short. */
static void
test_truncations (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_autoptr(GBytes) bytes = read_shipped (&sources[s]);
      gsize length;
      const guint8 *data = g_bytes_get_data (bytes, &length);

      for (gsize n = 0; n <= length; n++)
        exercise (sources[s].kind, catalog, data, n);
    }
}

static void
test_mutations (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_autoptr(GBytes) bytes = read_shipped (&sources[s]);

      for (guint m = 0; m < MUTATIONS; m++)
        {
          g_autoptr(GArray) mutated = mutate (rand, bytes);

          exercise (sources[s].kind, catalog, (const guint8 *) mutated->data, mutated->len);
        }
    }
}

/* Where each member's value starts and ends (after a ':', up to the next
 * ',', '}' or ']' outside a string): a scalar, or a whole container. */
static GArray *
member_values (const char *data, gsize length)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      gsize span[2], depth = 0;

      if (in_string)
        {
          if (data[i] == '\\')
            i++;
          else if (data[i] == '"')
            in_string = FALSE;
          continue;
        }
      if (data[i] == '"')
        in_string = TRUE;
      if (data[i] != ':')
        continue;
      span[0] = i + 1;
      for (span[1] = span[0]; span[1] < length; span[1]++)
        {
          char c = data[span[1]];

          if (c == '"')
            for (span[1]++; span[1] < length && data[span[1]] != '"'; span[1]++)
              if (data[span[1]] == '\\')
                span[1]++;
          if (c == '{' || c == '[')
            depth++;
          else if ((c == '}' || c == ']') && depth-- == 0)
            break;
          else if (c == ',' && depth == 0)
            break;
        }
      g_array_append_val (spans, span);
    }
  return spans;
}

/* Every member's value in turn replaced by every nasty value: a date of
 * year 0, a count of 010, an instant at the end of the range... */
static void
test_substitutions (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_autoptr(GBytes) bytes = read_shipped (&sources[s]);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);
      g_autoptr(GArray) spans = member_values (data, length);

      g_assert_cmpuint (spans->len, >, 5);
      for (guint v = 0; v < spans->len; v++)
        {
          const gsize *span = &g_array_index (spans, gsize, 2 * v);

          for (guint n = 0; n < G_N_ELEMENTS (nasty); n++)
            {
              g_autoptr(GString) text = g_string_new_len (data, (gssize) span[0]);

              g_string_append_c (text, ' ');
              g_string_append (text, nasty[n]);
              g_string_append_len (text, data + span[1], (gssize) (length - span[1]));
              exercise (sources[s].kind, catalog, (const guint8 *) text->str, text->len);
            }
        }
    }
}

/* The contract end to end for a sample: exit 0 with JSON and nothing on
 * stderr, or exit 2 with nothing on stdout and the file named on stderr. */
static void
test_cli_mutations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 1);

  for (guint i = 0; i < CLI_SAMPLES; i++)
    {
      const Source *source = &sources[i % 3 == 2 ? 2 : i % 2];
      g_autoptr(GBytes) bytes = read_shipped (source);
      g_autoptr(GArray) mutated = mutate (rand, bytes);
      g_autofree char *path = pb_test_write_temp (source->name, (const char *) mutated->data,
                                                  (gssize) mutated->len);
      g_autofree char *dir = g_path_get_dirname (path);
      g_auto(PbCliRun) run = { 0 };

      pb_cli_run (&run, source->kind == KIND_QUOTE ? "quote" : "simulate", path, NULL);
      if (run.status == 0)
        {
          g_autoptr(JsonNode) root = pb_cli_run_json (&run);

          g_assert_cmpstr (run.err, ==, "");
          g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
        }
      else
        pb_assert_input_error (&run, path, NULL);
      g_unlink (path);
      g_rmdir (dir);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/robustness/Q-4/truncations", test_truncations);
  g_test_add_func ("/robustness/Q-4/mutations", test_mutations);
  g_test_add_func ("/robustness/Q-4/substitutions", test_substitutions);
  g_test_add_func ("/robustness/Q-4/cli-mutations", test_cli_mutations);
  return g_test_run ();
}
