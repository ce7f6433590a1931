/* test-limits.c: every quantity's range, as the README documents it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each range is tried at its ends through the loader a user's file goes
 * through: the largest (and smallest) value loads, one step beyond is
 * refused with a message naming the member, the range and the rule.  The
 * same table then checks that README.md ("Ranges") shows every row with the
 * bounds the headers define, so that the documentation cannot drift from
 * what is enforced.
 */
#include <glib.h>
#include <string.h>

#include "pb-error.h"
#include "pb-json-private.h"
#include "pb-lifecycle.h"
#include "pb-money.h"
#include "pb-optimizer.h"
#include "pb-quote.h"
#include "pb-scenario.h"
#include "pb-test.h"

typedef enum
{
  QUOTE_ITEM,       /* @text is an item, %s its value */
  QUOTE,            /* @text is members of the quote, %s the value */
  SCENARIO_EVENT,   /* @text is an event after a base fee purchase */
} Place;

typedef struct
{
  const char *label;     /* the README row's first cell */
  Place       place;
  const char *text;      /* JSON with one %s for the value */
  gint64      min;
  gint64      max;
  gint64      step;      /* the grid the value lies on: one step beyond is refused */
  const char *rule;      /* named in the refusal, or NULL when the member has none */
} Range;

static const Range ranges[] = {
  { "Quote item `numbers`", QUOTE_ITEM,
    "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": %s, \"months\": 12 }",
    0, PB_QUOTE_ITEM_MAX_NUMBERS, 1, "VM-2" },
  { "Quote item `months`", QUOTE_ITEM,
    "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 1, \"months\": %s }",
    0, PB_QUOTE_ITEM_MAX_MONTHS, 1, "VM-3" },
  { "Quote item `minutes`", QUOTE_ITEM,
    "{ \"product\": \"voice\", \"kind\": \"custom_package\", \"minutes\": %s, \"quantity\": 1 }",
    0, PB_QUOTE_ITEM_MAX_MINUTES, 1000, "VM-6" },
  { "Quote item `quantity`", QUOTE_ITEM,
    "{ \"product\": \"voice\", \"kind\": \"fixed_package\", \"minutes\": 1000, \"quantity\": %s }",
    0, PB_QUOTE_ITEM_MAX_QUANTITY, 1, "Q-2" },
  { "Quote item `years`", QUOTE_ITEM,
    "{ \"product\": \"live\", \"kind\": \"base_fee\", \"years\": %s }",
    0, PB_QUOTE_ITEM_MAX_YEARS, 1, "EL-3" },
  { "Quote item `extra_viewers`", QUOTE_ITEM,
    "{ \"product\": \"live\", \"kind\": \"code\", \"tier\": \"standard\", \"quantity\": 1, \"extra_viewers\": %s }",
    0, PB_QUOTE_ITEM_MAX_EXTRA_VIEWERS, 100, "EL-5" },
  { "Quote `valid_days`", QUOTE, "\"valid_days\": %s,", 1, PB_QUOTE_MAX_VALID_DAYS, 1, "Q-1" },
  { "Quote `revision`", QUOTE, "\"valid_days\": 30, \"revision\": %s,", 1, PB_QUOTE_MAX_REVISION, 1, "Q-1" },
  { "Scenario `extra_viewers`", SCENARIO_EVENT,
    "{ \"at\": \"2020-01-02T00:00:00+08:00\", \"type\": \"live.code.expand\", \"code\": \"G\", "
    "\"extra_viewers\": %s }",
    100, PB_SCENARIO_MAX_VIEWERS, 100, "EL-5" },
  { "Scenario base fee `years`", SCENARIO_EVENT,
    "{ \"at\": \"2020-01-02T00:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"H\", "
    "\"years\": %s }",
    1, PB_SCENARIO_MAX_YEARS, 1, "EL-3" },
  { "Scenario `quantity`", SCENARIO_EVENT,
    "{ \"at\": \"2020-01-02T00:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"Q\", "
    "\"tier\": \"standard\", \"quantity\": %s }",
    1, PB_SCENARIO_MAX_QUANTITY, 1, "EL-4" },
  { "Scenario broadcast `viewers`", SCENARIO_EVENT,
    "{ \"at\": \"2020-01-02T00:00:00+08:00\", \"type\": \"live.broadcast\", \"code\": \"G\", "
    "\"viewers\": %s, \"minutes\": 60 }",
    1, PB_SCENARIO_MAX_VIEWERS, 1, "EL-9" },
  { "Scenario broadcast `minutes`", SCENARIO_EVENT,
    "{ \"at\": \"2020-01-02T00:00:00+08:00\", \"type\": \"live.broadcast\", \"code\": \"G\", "
    "\"viewers\": 1, \"minutes\": %s }",
    1, PB_SCENARIO_MAX_MINUTES, 1, "EL-9" },
  { "Scenario custom package `minutes`", SCENARIO_EVENT,
    "{ \"at\": \"2020-01-02T00:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\", "
    "\"kind\": \"custom\", \"minutes\": %s }",
    1000, PB_SCENARIO_MAX_MINUTES, 1000, "VM-6" },
  { "Scenario call `seconds`", SCENARIO_EVENT,
    "{ \"at\": \"2020-01-02T00:00:00+08:00\", \"type\": \"voice.call\", \"number\": \"N\", \"seconds\": %s, "
    "\"answered\": true }",
    0, PB_SCENARIO_MAX_SECONDS, 1, "VM-7" },
};

/* The whole file around @range's text holding @value. */
static char *
file_text (const Range *range, gint64 value)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  g_autofree char *part = g_strdup_printf (range->text, number);

  switch (range->place)
    {
    case QUOTE_ITEM:
      return g_strdup_printf ("{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\", \"date\": \"2026-11-22\",\n"
                              "  \"valid_days\": 30, \"customer\": { \"name\": \"A\", \"enterprise\": true },\n"
                              "  \"items\": [ %s ] }\n", part);
    case QUOTE:
      return g_strdup_printf ("{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\", \"date\": \"2026-11-22\",\n"
                              "  %s \"customer\": { \"name\": \"A\", \"enterprise\": true }, \"items\": [] }\n", part);
    case SCENARIO_EVENT:
    default:
      return g_strdup_printf ("{ \"format\": \"pricebook-scenario/1\", \"title\": \"limits\", \"events\": [\n"
                              "  { \"at\": \"2020-01-01T00:00:00+08:00\", \"type\": \"live.base_fee.buy\", "
                              "\"gift_code\": \"G\" },\n"
                              "  %s ] }\n", part);
    }
}

/* Loads @text as the file @range lives in; NULL and @error when refused. */
static GObject *
load (const Range *range, const char *text, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(PbCatalog) cat = pb_test_catalog ();

  if (range->place == SCENARIO_EVENT)
    return (GObject *) pb_scenario_new_from_bytes (bytes, "limits.pbscenario", cat, error);
  return (GObject *) pb_quote_new_from_bytes (bytes, "limits.pricebook", error);
}

static void
assert_loads (const Range *range, gint64 value)
{
  g_autofree char *text = file_text (range, value);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) loaded = load (range, text, &error);

  if (loaded == NULL)
    g_error ("%s = %" G_GINT64_FORMAT " is in range but refused: %s", range->label, value, error->message);
}

static void
assert_refused (const Range *range, gint64 value)
{
  g_autofree char *text = file_text (range, value);
  g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, range->max);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) loaded = load (range, text, &error);
  const char *member = strchr (range->label, '`') + 1;
  g_autofree char *quoted = g_strdup_printf ("“%.*s”", (int) (strchr (member, '`') - member), member);

  if (loaded != NULL)
    g_error ("%s = %s is out of range but loads", range->label, shown);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  /* Where (file:line:column), which member, the value, the bound, the rule. */
  g_assert_true (g_str_has_prefix (error->message, range->place == SCENARIO_EVENT ? "limits.pbscenario:"
                                                                                   : "limits.pricebook:"));
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_nonnull (strstr (error->message, shown));
  if (value > range->max)
    g_assert_nonnull (strstr (error->message, max));
  if (range->rule != NULL && strstr (error->message, range->rule) == NULL)
    g_error ("“%s” does not name %s", error->message, range->rule);
}

/* Q-2, VM-2..VM-7, EL-3, EL-5, EL-9: each end of each range, and one step
 * beyond it on either side. */
static void
test_ends (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      const Range *range = &ranges[i];

      g_test_message ("%s: %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT, range->label, range->min, range->max);
      assert_loads (range, range->max);
      assert_loads (range, range->min);
      assert_refused (range, range->max + range->step);
      assert_refused (range, range->min - range->step);
    }
}

/* Instants: from 1970-01-01 00:00:00 to 2199-12-31 23:59:59, UTC+08:00. */
static void
test_instants (void)
{
  const char *good[] = { "1970-01-01T00:00:00+08:00", "2199-12-31T23:59:59+08:00", "2199-12-31T15:59:59Z" };
  const char *bad[] = { "1969-12-31T23:59:59+08:00", "2200-01-01T00:00:00+08:00", "2199-12-31T16:00:00Z" };
  g_autoptr(PbCatalog) cat = pb_test_catalog ();

  PbInstant instant = PB_INSTANT_NONE;

  g_assert_true (pb_time_parse (good[0], &instant, NULL));
  g_assert_cmpint (instant, ==, PB_INSTANT_MIN);
  g_assert_true (pb_time_parse (good[1], &instant, NULL));
  g_assert_cmpint (instant, ==, PB_INSTANT_MAX);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{ \"format\": \"pricebook-scenario/1\", \"title\": \"t\", \"events\": [\n"
        "  { \"at\": \"%s\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"G\" } ] }", bad[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(PbScenario) scenario = pb_scenario_new_from_bytes (bytes, "t.pbscenario", cat, &error);

      g_assert_null (scenario);
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_nonnull (strstr (error->message, "t.pbscenario:2:"));
      g_assert_nonnull (strstr (error->message, "1970-01-01 to 2199-12-31"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (pb_time_parse (good[i], &instant, &error));
      g_assert_no_error (error);
    }
}

/* The optimizers' needs: 1 to the documented maximum, refused beyond. */
static void
test_optimizer_needs (void)
{
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  PbVoicePlan *voice = NULL;
  PbLivePlan *live = NULL;
  GError *error = NULL;

  g_assert_true (pb_optimizer_voice (cat, PB_OPTIMIZER_VOICE_MAX_MINUTES, &voice, &error));
  g_assert_no_error (error);
  g_clear_pointer (&voice, pb_voice_plan_free);
  g_assert_false (pb_optimizer_voice (cat, PB_OPTIMIZER_VOICE_MAX_MINUTES + 1, &voice, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (pb_optimizer_voice (cat, 0, &voice, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_clear_error (&error);

  g_assert_true (pb_optimizer_live (cat, PB_OPTIMIZER_LIVE_MAX_VIEWERS, PB_OPTIMIZER_LIVE_MAX_ROOMS, &live, &error));
  g_assert_no_error (error);
  g_clear_pointer (&live, pb_live_plan_free);
  g_assert_false (pb_optimizer_live (cat, PB_OPTIMIZER_LIVE_MAX_VIEWERS + 1, 1, &live, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (pb_optimizer_live (cat, 1, PB_OPTIMIZER_LIVE_MAX_ROOMS + 1, &live, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (pb_optimizer_live (cat, 0, 1, &live, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (pb_optimizer_live (cat, 1, 0, &live, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_clear_error (&error);
}

/* A string member @member at @where in a file: @text with one %s for the
 * string, loaded as a quote or (@scenario) a scenario. */
typedef struct
{
  const char *member;
  gboolean    scenario;
  const char *text;
  glong       max;
} StringMember;

static const StringMember string_members[] = {
  { "number", FALSE, "{ \"format\": \"pricebook-quote/1\", \"number\": \"%s\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"A\", \"enterprise\": true }, \"items\": [] }\n", PB_TEXT_MAX_LINE },
  { "name", FALSE, "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"%s\", \"enterprise\": true }, \"items\": [] }\n", PB_TEXT_MAX_LINE },
  { "contact", FALSE, "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"A\", \"enterprise\": true, \"contact\": \"%s\" }, \"items\": [] }\n",
    PB_TEXT_MAX_LINE },
  { "tier", FALSE, "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"A\", \"enterprise\": true }, \"items\": [\n"
    "  { \"product\": \"live\", \"kind\": \"code\", \"tier\": \"%s\" } ] }\n", PB_TEXT_MAX_LINE },
  { "title", TRUE, "{ \"format\": \"pricebook-scenario/1\", \"title\": \"%s\", \"events\": [] }\n",
    PB_TEXT_MAX_LINE },
  { "gift_code", TRUE, "{ \"format\": \"pricebook-scenario/1\", \"events\": [\n"
    "  { \"at\": \"2020-01-01T00:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"%s\" } ] }\n",
    PB_TEXT_MAX_LINE },
  { "note", TRUE, "{ \"format\": \"pricebook-scenario/1\", \"events\": [\n"
    "  { \"at\": \"2020-01-01T00:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"G\",\n"
    "    \"note\": \"%s\" } ] }\n", PB_TEXT_MAX_PARAGRAPHS },
};

/* Loads @member's file with a string of @length characters ("字", three
 * bytes each); the error, or NULL when it loaded or failed elsewhere. */
static GError *
load_string (const StringMember *member, glong length)
{
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PbCatalog) cat = pb_test_catalog ();
  g_autoptr(GObject) loaded = NULL;
  GError *error = NULL;

  for (glong i = 0; i < length; i++)
    g_string_append (value, "字");
  text = g_strdup_printf (member->text, value->str);
  bytes = g_bytes_new (text, strlen (text));
  if (member->scenario)
    loaded = (GObject *) pb_scenario_new_from_bytes (bytes, "strings.pbscenario", cat, &error);
  else
    loaded = (GObject *) pb_quote_new_from_bytes (bytes, "strings.pricebook", &error);
  return error;
}

/* Every string member has a length, in characters: the longest loads (or
 * fails for another reason: a tier of 200 characters is unknown), one
 * more is refused at its place, naming the member and the limit.  A 10 MB
 * quote number once took minutes and 1.5 GB to export. */
static void
test_strings (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (string_members); i++)
    {
      const StringMember *member = &string_members[i];
      g_autoptr(GError) fits = load_string (member, member->max);
      g_autoptr(GError) beyond = load_string (member, member->max + 1);
      g_autofree char *limit = g_strdup_printf ("at most %ld characters", member->max);
      g_autofree char *named = g_strdup_printf ("“%s”: ", member->member);

      if (fits != NULL && strstr (fits->message, "characters") != NULL)
        g_error ("%s of %ld characters refused: %s", member->member, member->max, fits->message);
      g_assert_error (beyond, PB_ERROR, PB_ERROR_INPUT);
      if (strstr (beyond->message, named) == NULL || strstr (beyond->message, limit) == NULL ||
          strstr (beyond->message, member->scenario ? "strings.pbscenario:" : "strings.pricebook:") == NULL)
        g_error ("“%s” does not name the place, %s and %s", beyond->message, named, limit);
    }
}

static void
null_element (PbJsonDoc *doc, JsonArray *array, guint index, JsonNode *element, gpointer data)
{
}

/* @n values in an array, as the one loader every file goes through sees
 * them; with @streaming, as a scenario's events are read. */
static GError *
load_values (gsize n, const char *element, gboolean streaming)
{
  g_autoptr(GString) text = g_string_new ("{ \"format\": \"x\", \"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PbJsonDoc) doc = NULL;
  GError *error = NULL;

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i ? "," : "", element);
  g_string_append (text, "] }");
  bytes = g_bytes_new (text->str, text->len);
  if (streaming)
    doc = pb_json_doc_load_bytes_streaming (bytes, "values.json", null_element, NULL, &error);
  else
    doc = pb_json_doc_load_bytes (bytes, "values.json", &error);
  return error;
}

/* The tree json-glib builds is bounded: PB_JSON_MAX_NODES values and
 * member names load, one more is refused before parsing, in well under a
 * second.  Streamed, each element counts on its own. */
static void
test_values (void)
{
  /* The root, "format", "x", "events" and the array are 5 of them. */
  g_autoptr(GError) fits = load_values (PB_JSON_MAX_NODES - 5, "1", FALSE);
  g_autoptr(GError) beyond = load_values (PB_JSON_MAX_NODES - 4, "1", FALSE);
  g_autoptr(GError) streamed = load_values (PB_JSON_MAX_NODES, "1", TRUE);
  g_autoptr(GString) big = g_string_new ("[");
  g_autoptr(GError) element_fits = NULL;
  g_autoptr(GError) element_beyond = NULL;
  g_autofree char *count = g_strdup_printf ("%d values", PB_JSON_MAX_NODES);

  g_assert_no_error (fits);
  g_assert_error (beyond, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (beyond->message, count));
  g_assert_true (g_str_has_prefix (beyond->message, "values.json:1:"));
  g_assert_no_error (streamed);

  for (int i = 0; i < PB_JSON_MAX_ELEMENT_NODES - 1; i++)
    g_string_append (big, i ? ",1" : "1");
  g_string_append (big, "]");
  element_fits = load_values (3, big->str, TRUE);
  g_assert_no_error (element_fits);
  g_string_insert (big, 1, "1,");
  element_beyond = load_values (3, big->str, TRUE);
  g_assert_error (element_beyond, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (element_beyond->message, "element of more than"));
}

/* A string of more than PB_JSON_MAX_STRING_BYTES is refused before json-glib
 * reads it, at its start. */
static void
test_string_bytes (void)
{
  g_autofree char *fits = g_strnfill (PB_JSON_MAX_STRING_BYTES - 1, 'x');
  g_autofree char *beyond = g_strnfill (PB_JSON_MAX_STRING_BYTES, 'x');
  g_autofree char *fits_text = g_strdup_printf ("{\n  \"a\": \"%s\" }", fits);
  g_autofree char *beyond_text = g_strdup_printf ("{\n  \"a\": \"%s\" }", beyond);
  g_autoptr(GBytes) fits_bytes = g_bytes_new (fits_text, strlen (fits_text));
  g_autoptr(GBytes) beyond_bytes = g_bytes_new (beyond_text, strlen (beyond_text));
  g_autoptr(GError) error = NULL;
  g_autoptr(PbJsonDoc) doc = pb_json_doc_load_bytes (fits_bytes, "s.json", &error);

  g_assert_no_error (error);
  g_clear_pointer (&doc, pb_json_doc_free);
  doc = pb_json_doc_load_bytes (beyond_bytes, "s.json", &error);
  g_assert_null (doc);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "s.json:2:8: the file holds a string longer than 32 KiB"));
}

/* The README's row for @label, or NULL. */
static char *
readme_row (const char *readme, const char *label)
{
  g_autofree char *start = g_strdup_printf ("\n| %s |", label);
  const char *row = strstr (readme, start);

  if (row == NULL)
    return NULL;
  row++;
  return g_strndup (row, strcspn (row, "\n"));
}

static void
assert_row_shows (const char *readme, const char *label, const char *first, ...)
{
  g_autofree char *row = readme_row (readme, label);
  va_list args;

  if (row == NULL)
    g_error ("README.md has no row “| %s |” in its table of ranges", label);
  va_start (args, first);
  for (const char *needle = first; needle != NULL; needle = va_arg (args, const char *))
    if (strstr (row, needle) == NULL)
      g_error ("README.md's row “%s” does not show “%s”", row, needle);
  va_end (args);
}

/* The README's table of ranges shows each bound the headers define. */
static void
test_readme_table (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PRICEBOOK_SOURCE_DIR"), "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("PRICEBOOK_SOURCE_DIR"));
  g_assert_true (g_file_get_contents (path, &readme, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *min = pb_format_count (ranges[i].min);
      g_autofree char *max = pb_format_count (ranges[i].max);
      g_autofree char *bounds = g_strdup_printf ("| %s to %s |", min, max);

      assert_row_shows (readme, ranges[i].label, bounds, ranges[i].rule, NULL);
    }
  {
    g_autofree char *items = pb_format_count (PB_QUOTE_MAX_ITEMS);
    g_autofree char *voice = pb_format_count (PB_OPTIMIZER_VOICE_MAX_MINUTES);
    g_autofree char *viewers = pb_format_count (PB_OPTIMIZER_LIVE_MAX_VIEWERS);
    g_autofree char *rooms = pb_format_count (PB_OPTIMIZER_LIVE_MAX_ROOMS);
    g_autofree char *fees = pb_format_count (PB_LIFECYCLE_MAX_MONTHLY_FEES);
    g_autofree char *yuan = pb_format_count (PB_MONEY_MAX / 1000);
    g_autofree char *money = g_strdup_printf ("±¥%s.%03d", yuan, (int) (PB_MONEY_MAX % 1000));
    g_autofree char *bytes = g_strdup_printf ("%d MiB", PB_JSON_MAX_BYTES / (1024 * 1024));
    g_autofree char *depth = g_strdup_printf ("%d levels", PB_JSON_MAX_DEPTH);
    g_autofree char *line = pb_format_count (PB_TEXT_MAX_LINE);
    g_autofree char *paragraphs = pb_format_count (PB_TEXT_MAX_PARAGRAPHS);
    g_autofree char *nodes_count = pb_format_count (PB_JSON_MAX_NODES);
    g_autofree char *nodes = g_strdup_printf ("%s values and member names", nodes_count);
    g_autofree char *element_count = pb_format_count (PB_JSON_MAX_ELEMENT_NODES);
    g_autofree char *element_nodes = g_strdup_printf ("at most %s each", element_count);
    g_autofree char *string_bytes = g_strdup_printf ("%d KiB", PB_JSON_MAX_STRING_KIB);

    assert_row_shows (readme, "Quote items", items, NULL);
    assert_row_shows (readme, "Quote `discount_percent`", "0 to 100", "Q-3", NULL);
    assert_row_shows (readme, "Quote `tax.rate_percent`", "0 to 100", "Q-7", NULL);
    assert_row_shows (readme, "Customer and seller details", line, "Q-1", NULL);
    assert_row_shows (readme, "Quote `payment_terms`, `notes`", paragraphs, "Q-1", NULL);
    assert_row_shows (readme, "Optimizer: minutes needed", voice, NULL);
    assert_row_shows (readme, "Optimizer: viewers needed", viewers, NULL);
    assert_row_shows (readme, "Optimizer: rooms", rooms, NULL);
    assert_row_shows (readme, "Monthly fees in one replay", fees, "VM-2", NULL);
    assert_row_shows (readme, "Instants and dates", "1970-01-01 00:00:00", "2199-12-31 23:59:59", NULL);
    assert_row_shows (readme, "Money", money, NULL);
    assert_row_shows (readme, "Other strings (quote `number`, customer `name` and `contact`, codes, tiers, "
                      "scenario `title`, event names)", line, "Q-1", NULL);
    assert_row_shows (readme, "Scenario event `note`, catalog texts", paragraphs, NULL);
    assert_row_shows (readme, "A file", bytes, depth, nodes, element_nodes, string_bytes, NULL);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/limits/Q-2/VM-2/VM-3/VM-6/VM-7/EL-3/EL-5/EL-9/ends", test_ends);
  g_test_add_func ("/limits/EL-T1/instants", test_instants);
  g_test_add_func ("/limits/VM-5/VM-6/EL-4/EL-5/optimizer-needs", test_optimizer_needs);
  g_test_add_func ("/limits/Q-1/Q-2/Q-3/readme-table", test_readme_table);
  g_test_add_func ("/limits/Q-1/strings", test_strings);
  g_test_add_func ("/limits/values", test_values);
  g_test_add_func ("/limits/string-bytes", test_string_bytes);
  return g_test_run ();
}
