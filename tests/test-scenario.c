/* test-scenario.c: loading, checking and saving pricebook-scenario/1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "pb-error.h"
#include "pb-scenario.h"
#include "pb-test.h"

static PbScenario *
load_text (const char *text, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();

  return pb_scenario_new_from_bytes (bytes, "in.pbscenario", catalog, error);
}

/* A scenario whose only event is @event (a JSON object's members). */
static char *
one_event (const char *event)
{
  return g_strdup_printf ("{ \"format\": \"pricebook-scenario/1\", \"title\": \"t\",\n"
                          "  \"events\": [\n"
                          "    { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", "
                          "\"gift_code\": \"A\" },\n"
                          "    { %s } ] }", event);
}

/* Loading must fail with an input error that mentions every needle. */
static void
assert_refused (const char *text, const char *first_needle, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = load_text (text, &error);
  va_list args;

  g_assert_null (scenario);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  va_start (args, first_needle);
  for (const char *needle = first_needle; needle != NULL; needle = va_arg (args, const char *))
    if (strstr (error->message, needle) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, needle);
  va_end (args);
}

static void
assert_event_refused (const char *event, const char *first_needle, const char *second_needle)
{
  g_autofree char *text = one_event (event);

  assert_refused (text, "in.pbscenario:4:", first_needle, second_needle, NULL);
}

/* ------------------------------------------------------------------ */

static void
test_shipped_example (void)
{
  const char *names[] = { "customer-a.pbscenario", "customer-a-365-days.pbscenario" };
  const char *rules[] = { "calendar", "365-days" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PbScenario) scenario = pb_test_scenario_resource (names[i]);
      const PbScenarioEvent *bind, *expand;
      g_autofree char *when = NULL;

      g_assert_true (g_str_has_prefix (pb_scenario_get_title (scenario), "Documented example: customer A"));
      g_assert_cmpstr (pb_scenario_get_term_rule_override (scenario), ==, rules[i]);
      g_assert_cmpint (pb_scenario_get_term_rule (scenario), ==,
                       i == 0 ? PB_TERM_RULE_CALENDAR : PB_TERM_RULE_365_DAYS);
      g_assert_cmpuint (pb_scenario_get_n_events (scenario), ==, 4);

      bind = pb_scenario_get_event (scenario, 1);
      g_assert_cmpuint (bind->index, ==, 1);
      g_assert_cmpint (bind->type, ==, PB_EVENT_LIVE_CODE_BIND);
      g_assert_cmpstr (bind->subject, ==, "A");
      g_assert_true (bind->enabled);
      g_assert_true (g_str_has_prefix (bind->note, "Binds code A on 2020-02-01"));
      when = pb_time_format (bind->at);
      g_assert_cmpstr (when, ==, "2020-02-01T12:00:00+08:00");

      expand = pb_scenario_get_event (scenario, 3);
      g_assert_cmpint (expand->type, ==, PB_EVENT_LIVE_CODE_EXPAND);
      g_assert_cmpint (expand->extra_viewers, ==, 10000);
      g_assert_cmpstr (pb_scenario_get_event (scenario, 2)->subject, ==, "B");
    }
}

static void
assert_same_events (PbScenario *a, PbScenario *b)
{
  g_assert_cmpstr (pb_scenario_get_title (a), ==, pb_scenario_get_title (b));
  g_assert_cmpstr (pb_scenario_get_term_rule_override (a), ==, pb_scenario_get_term_rule_override (b));
  g_assert_cmpuint (pb_scenario_get_n_events (a), ==, pb_scenario_get_n_events (b));
  for (guint i = 0; i < pb_scenario_get_n_events (a); i++)
    {
      const PbScenarioEvent *x = pb_scenario_get_event (a, i);
      const PbScenarioEvent *y = pb_scenario_get_event (b, i);

      g_assert_cmpuint (x->index, ==, y->index);
      g_assert_cmpint (x->at, ==, y->at);
      g_assert_cmpint (x->type, ==, y->type);
      g_assert_cmpint (x->enabled, ==, y->enabled);
      g_assert_cmpstr (x->subject, ==, y->subject);
      g_assert_cmpstr (x->tier, ==, y->tier);
      g_assert_cmpint (x->extra_viewers, ==, y->extra_viewers);
      g_assert_cmpint (x->viewers, ==, y->viewers);
      g_assert_cmpint (x->minutes, ==, y->minutes);
      g_assert_cmpint (x->package_kind, ==, y->package_kind);
      g_assert_cmpint (x->seconds, ==, y->seconds);
      g_assert_cmpint (x->answered, ==, y->answered);
      g_assert_cmpint (x->years, ==, y->years);
      g_assert_cmpint (x->quantity, ==, y->quantity);
      g_assert_cmpstr (x->note, ==, y->note);
    }
}

/* Every event type, a note, an offset other than +08:00, a disabled event:
 * saved (atomically) and loaded back, the same; saved again, the same bytes. */
static void
test_round_trip (void)
{
  static const char text[] =
    "{ \"format\": \"pricebook-scenario/1\", \"title\": \"往返 round trip\",\n"
    "  \"catalog\": { \"term_rule\": \"365-days\" },\n"
    "  \"events\": [\n"
    "    { \"at\": \"2020-01-01T04:00:00Z\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\", \"note\": \"备注\" },\n"
    "    { \"at\": \"2020-01-02T12:00:00\", \"type\": \"live.code.buy\", \"code\": \"C\", \"tier\": \"standard\",\n"
    "      \"extra_viewers\": 300, \"quantity\": 3 },\n"
    "    { \"at\": \"2020-01-03\", \"type\": \"live.code.bind\", \"code\": \"C\" },\n"
    "    { \"at\": \"2020-01-04T12:00:00+08:00\", \"type\": \"live.code.expand\", \"code\": \"C\", \"extra_viewers\": 100 },\n"
    "    { \"at\": \"2020-01-05T12:00:00+08:00\", \"type\": \"live.broadcast\", \"code\": \"C\", \"viewers\": 400,\n"
    "      \"minutes\": 90, \"enabled\": false },\n"
    "    { \"at\": \"2020-01-06T12:00:00+08:00\", \"type\": \"voice.number.activate\", \"number\": \"N\" },\n"
    "    { \"at\": \"2020-01-06T12:00:00+08:00\", \"type\": \"voice.number.activate\", \"number\": \"M\",\n"
    "      \"quantity\": 100000 },\n"
    "    { \"at\": \"2020-01-07T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\", \"kind\": \"custom\",\n"
    "      \"minutes\": 25000 },\n"
    "    { \"at\": \"2020-01-08T12:00:00+08:00\", \"type\": \"voice.call\", \"number\": \"N\", \"seconds\": 61,\n"
    "      \"answered\": false },\n"
    "    { \"at\": \"2020-01-09T12:00:00+08:00\", \"type\": \"voice.number.unsubscribe\", \"number\": \"N\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) original = load_text (text, &error);
  g_autoptr(PbScenario) reloaded = NULL;
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autofree char *dir = g_dir_make_tmp ("pricebook-scenario-XXXXXX", &error);
  g_autofree char *first = g_build_filename (dir, "first.pbscenario", NULL);
  g_autofree char *second = g_build_filename (dir, "second.pbscenario", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (original);
  g_assert_false (pb_scenario_get_event (original, 4)->enabled);
  g_assert_cmpint (pb_scenario_get_event (original, 8)->answered, ==, FALSE);
  g_assert_cmpint (pb_scenario_get_event (original, 1)->quantity, ==, 3);
  g_assert_cmpint (pb_scenario_get_event (original, 6)->quantity, ==, 100000);
  /* Without the member, one: the files of before read as they did. */
  g_assert_cmpint (pb_scenario_get_event (original, 5)->quantity, ==, 1);
  g_assert_null (pb_scenario_get_event (original, 1)->note);

  g_assert_true (pb_scenario_save_to_file (original, first, &error));
  g_assert_no_error (error);
  reloaded = pb_scenario_new_from_file (first, catalog, &error);
  g_assert_no_error (error);
  assert_same_events (original, reloaded);
  g_assert_true (pb_scenario_save_to_file (reloaded, second, &error));
  g_assert_true (g_file_get_contents (first, &first_text, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &second_text, NULL, NULL));
  g_assert_cmpstr (first_text, ==, second_text);
  /* Instants are written in +08:00; the disabled flag only when off. */
  g_assert_nonnull (strstr (first_text, "\"2020-01-01T12:00:00+08:00\""));
  g_assert_nonnull (strstr (first_text, "\"enabled\" : false"));
  g_assert_null (strstr (first_text, "\"enabled\" : true"));
  /* A group's quantity only where more than one. */
  g_assert_nonnull (strstr (first_text, "\"quantity\" : 100000"));
  g_assert_null (strstr (first_text, "\"quantity\" : 1\n"));

  g_unlink (first);
  g_unlink (second);
  g_rmdir (dir);
}

/* The shipped example too: its notes survive. */
static void
test_round_trip_shipped (void)
{
  g_autoptr(PbScenario) original = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(JsonNode) json = pb_scenario_to_json (original);
  g_autofree char *text = json_to_string (json, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) reloaded = load_text (text, &error);

  g_assert_no_error (error);
  assert_same_events (original, reloaded);
  /* The optional "description" travels with the file; none is written
   * when there is none. */
  g_assert_cmpstr (pb_scenario_get_description (reloaded), ==, pb_scenario_get_description (original));
  g_assert_cmpstr (pb_scenario_get_description (original), !=, "");
  pb_scenario_set_description (reloaded, NULL);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&json, json_node_unref);
  json = pb_scenario_to_json (reloaded);
  g_assert_false (json_object_has_member (json_node_get_object (json), "description"));
}

/* Saving where it cannot be written is an error, and the target is not
 * half-written (atomic save). */
static void
test_save_refused (void)
{
  g_autoptr(PbScenario) scenario = pb_test_scenario_resource ("customer-a.pbscenario");
  g_autoptr(GError) error = NULL;

  g_assert_false (pb_scenario_save_to_file (scenario, "/nonexistent-folder/x.pbscenario", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/x.pbscenario"));
}

static void
test_refused_document (void)
{
  assert_refused ("[1, 2]", "in.pbscenario:", "pricebook-scenario/1", NULL);
  assert_refused ("{ \"format\": \"pricebook-quote/1\", \"events\": [] }", "unknown format", NULL);
  assert_refused ("{ \"format\": \"pricebook-scenario/1\" }", "“events” is missing", NULL);
  assert_refused ("{ \"format\": \"pricebook-scenario/1\", \"events\": {} }", "must be an array", NULL);
  assert_refused ("{ \"format\": \"pricebook-scenario/1\", \"events\": [], \"titel\": \"x\" }",
                  "unknown member “titel”", NULL);
  assert_refused ("{ \"format\": \"pricebook-scenario/1\", \"title\": 5, \"events\": [] }",
                  "“title” must be a string", NULL);
  assert_refused ("{ \"format\": \"pricebook-scenario/1\", \"description\": [], \"events\": [] }",
                  "“description” must be a string", NULL);
  /* EL-T4: only the two documented term rules. */
  assert_refused ("{ \"format\": \"pricebook-scenario/1\",\n \"catalog\": { \"term_rule\": \"lunar\" },\n"
                  " \"events\": [] }", "in.pbscenario:2:", "unknown term rule “lunar”", "EL-T4", NULL);
  assert_refused ("{ \"format\": \"pricebook-scenario/1\", \"catalog\": { \"prices\": 1 }, \"events\": [] }",
                  "unknown member “prices”", NULL);
  assert_refused ("{ \"format\": \"pricebook-scenario/1\", \"events\": [ 42 ] }",
                  "event 0", "must be an object", NULL);
  assert_refused ("", "the file is empty", NULL);
  assert_refused ("{ \"format\": \"pricebook-scenario/1\", \"events\": [", "malformed JSON", NULL);
}

static void
test_refused_events (void)
{
  /* The message names the file, line:column, the event and its type. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.sell\", \"code\": \"A\"",
                        "event 1: unknown event type “live.code.sell”", "live.code.bind");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\"",
                        "event 1 (live.code.bind)", "“code” is missing");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"\"",
                        "event 1 (live.code.bind)", "“code” must not be empty");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": 7",
                        "event 1 (live.code.bind)", "“code” must be a string");
  assert_event_refused ("\"type\": \"live.code.bind\", \"code\": \"A\"", "event 1 (live.code.bind)",
                        "“at” is missing");
  assert_event_refused ("\"at\": \"2020-02-30T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\"",
                        "event 1 (live.code.bind)", "2020-02-30T12:00:00+08:00");
  assert_event_refused ("\"at\": 1580529600, \"type\": \"live.code.bind\", \"code\": \"A\"",
                        "event 1 (live.code.bind)", "“at” must be a string");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\","
                        " \"viewers\": 5", "event 1 (live.code.bind)", "unknown member “viewers”");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\","
                        " \"note\": 5", "event 1 (live.code.bind)", "“note” must be a string");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\","
                        " \"enabled\": \"yes\"", "event 1 (live.code.bind)", "true or false");
}

static void
test_refused_live (void)
{
  /* EL-4: a catalog tier; EL-5: add-ons in multiples of 100. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\","
                        " \"tier\": \"gold\"", "unknown tier “gold”", "EL-4");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\","
                        " \"tier\": \"standard\", \"extra_viewers\": 150", "event 1 (live.code.buy)", "EL-5");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\","
                        " \"tier\": \"standard\", \"extra_viewers\": -100", "“extra_viewers” is -100", "EL-5");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\","
                        " \"tier\": \"standard\", \"extra_viewers\": 100.5", "not a fraction", NULL);
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\","
                        " \"tier\": \"standard\", \"extra_viewers\": \"100\"", "not a string", NULL);
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\","
                        " \"tier\": \"standard\", \"extra_viewers\": 99999999999999999999", "too large to read", NULL);
  /* EL-5/EL-6: an expansion must add viewers. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.expand\", \"code\": \"A\","
                        " \"extra_viewers\": 0", "event 1 (live.code.expand)", "EL-5");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.expand\", \"code\": \"A\"",
                        "event 1 (live.code.expand)", "“extra_viewers” is missing");
  /* EL-3 (convention): a base fee bought for 1 to 100 consecutive years. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\","
                        " \"gift_code\": \"G\", \"years\": 0", "“years” is 0", "EL-3");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\","
                        " \"gift_code\": \"G\", \"years\": 101", "“years” is 101", "EL-3");
  /* A group of identical codes, numbers or packages under one id: 1 to
   * 100,000 of them, and only where a purchase can be one. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\","
                        " \"tier\": \"standard\", \"quantity\": 0", "“quantity” is 0", "EL-4");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.number.activate\","
                        " \"number\": \"N\", \"quantity\": 100001", "“quantity” is 100001", "VM-2");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\","
                        " \"package\": \"P\", \"kind\": \"fixed\", \"minutes\": 10000, \"quantity\": -1",
                        "“quantity” is -1", "VM-5");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\","
                        " \"quantity\": 2", "quantity", NULL);
  /* Too long or too crowded is a rejection at replay; zero is malformed. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.broadcast\", \"code\": \"A\","
                        " \"viewers\": 0, \"minutes\": 10", "“viewers” is 0", "EL-9");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.broadcast\", \"code\": \"A\","
                        " \"viewers\": 10, \"minutes\": -1", "“minutes” is -1", "EL-9");
  /* A code's name is bought once: the gift A already exists. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"A\","
                        " \"tier\": \"standard\"", "code “A” is already bought by event 0", "EL-3/EL-4");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\","
                        " \"gift_code\": \"A\"", "event 1 (live.base_fee.buy)", "already bought by event 0");
}

static void
test_refused_voice (void)
{
  /* VM-5: a fixed package has a catalog size. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\","
                        " \"kind\": \"fixed\", \"minutes\": 20000", "“minutes” is 20000", "VM-5");
  /* VM-6: a custom one is on the 1,000-minute grid, at least 1,000. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\","
                        " \"kind\": \"custom\", \"minutes\": 1500", "event 1 (voice.package.buy)", "VM-6");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\","
                        " \"kind\": \"custom\", \"minutes\": 0", "“minutes” is 0", "VM-6");
  /* The largest int64 is read as itself and refused by its range; one more
   * would wrap in json-glib, and is refused as unreadable instead. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\","
                        " \"kind\": \"custom\", \"minutes\": 9223372036854775807", "“minutes” is 9223372036854775807", "VM-6");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\","
                        " \"kind\": \"custom\", \"minutes\": 9223372036854775808", "too large to read", NULL);
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\","
                        " \"kind\": \"bulk\", \"minutes\": 1000", "unknown package kind “bulk”", NULL);
  /* VM-7: seconds are a whole number, not negative. */
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.call\", \"number\": \"N\","
                        " \"seconds\": -1, \"answered\": true", "“seconds” is -1", "VM-7");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.call\", \"number\": \"N\","
                        " \"seconds\": 1.5, \"answered\": true", "event 1 (voice.call)", "not a fraction");
  assert_event_refused ("\"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.call\", \"number\": \"N\","
                        " \"seconds\": 10", "event 1 (voice.call)", "“answered” is missing");
}

/* A duplicate package is found however far apart the two buys are. */
static void
test_refused_duplicate_package (void)
{
  static const char text[] =
    "{ \"format\": \"pricebook-scenario/1\", \"events\": [\n"
    "  { \"at\": \"2020-01-01\", \"type\": \"voice.package.buy\", \"package\": \"P\", \"kind\": \"fixed\",\n"
    "    \"minutes\": 10000 },\n"
    "  { \"at\": \"2020-01-02\", \"type\": \"voice.number.activate\", \"number\": \"N\" },\n"
    "  { \"at\": \"2020-01-03\", \"type\": \"voice.package.buy\", \"package\": \"P\", \"kind\": \"custom\",\n"
    "    \"minutes\": 1000 } ] }";

  assert_refused (text, "in.pbscenario:5:", "event 2 (voice.package.buy)",
                  "package “P” is already bought by event 0", "VM-5/VM-6", NULL);
}

/* The column is where the faulty value ends. */
static void
test_error_position (void)
{
  static const char text[] =
    "{ \"format\": \"pricebook-scenario/1\",\n"
    "  \"events\": [\n"
    "    { \"at\": \"2020-01-01\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" },\n"
    "    { \"at\": \"2020-01-02\", \"type\": \"live.code.buy\", \"code\": \"C\", \"tier\": \"standard\", \"extra_viewers\": 150 }\n"
    "  ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = load_text (text, &error);
  const char *line = strstr (text, "    { \"at\": \"2020-01-02\"");
  g_autofree char *expected = g_strdup_printf ("in.pbscenario:4:%d: event 1 (live.code.buy): “extra_viewers” is 150",
                                               (int) (strstr (line, "150") - line) + 3);

  g_assert_null (scenario);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("“%s” does not start with “%s”", error->message, expected);
}

/* Events are read while the file is parsed, and dropped from the JSON tree
 * once read.  What a user is told must not depend on that: a syntax error
 * anywhere, a repeated member, then the root's members come before a
 * refused event, and positions stay right after thousands of events. */
static void
test_streamed_order (void)
{
  static const char bad_event[] =
    "{ \"at\": \"2020-01-02\", \"type\": \"live.code.buy\", \"code\": \"C\", \"tier\": \"nope\" }";
  g_autofree char *syntax_later = g_strdup_printf (
    "{ \"format\": \"pricebook-scenario/1\",\n  \"events\": [ %s ],\n  \"title\": \"t\" \"x\" }", bad_event);
  g_autofree char *format_later = g_strdup_printf (
    "{ \"events\": [ %s ],\n  \"format\": \"pricebook-quote/1\" }", bad_event);
  g_autofree char *title_later = g_strdup_printf (
    "{ \"format\": \"pricebook-scenario/1\", \"events\": [ %s ],\n  \"title\": [ %s ] }", bad_event, bad_event);
  g_autofree char *repeat_later = g_strdup_printf (
    "{ \"format\": \"pricebook-scenario/1\", \"events\": [ %s,\n"
    "  { \"at\": \"2020-01-01\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\", \"gift_code\": \"B\" } ] }",
    bad_event);

  assert_refused (syntax_later, "in.pbscenario:3:", "malformed JSON", NULL);
  assert_refused (format_later, "unknown format “pricebook-quote/1”", NULL);
  assert_refused (title_later, "“title”", NULL);
  assert_refused (repeat_later, "in.pbscenario:2:", "“gift_code” is given twice", NULL);
}

static void
test_streamed_positions (void)
{
  g_autoptr(GString) text = g_string_new ("{ \"format\": \"pricebook-scenario/1\", \"events\": [\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = NULL;
  g_autoptr(PbScenario) refused = NULL;
  g_autofree char *expected = NULL;
  const char *line;
  const guint n = 3000;

  g_string_append (text, "{ \"at\": \"2020-01-01\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" }");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (text, ",\n{ \"at\": \"2020-01-02\", \"type\": \"live.code.buy\", "
                            "\"code\": \"C%u\", \"tier\": \"standard\", \"note\": \"n%u\" }", i, i);
  g_string_append (text, " ],\n \"title\": \"many\" }");

  scenario = load_text (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pb_scenario_get_n_events (scenario), ==, n);
  g_assert_cmpstr (pb_scenario_get_title (scenario), ==, "many");
  g_assert_cmpstr (pb_scenario_get_event (scenario, n - 1)->subject, ==, "C2999");
  g_assert_cmpstr (pb_scenario_get_event (scenario, n - 1)->note, ==, "n2999");

  /* Event 2500, on line 2502, names a code bought before; the column is
   * where its name ends. */
  g_string_replace (text, "\"C2500\"", "\"C1200\"", 1);
  refused = load_text (text->str, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  line = g_strrstr_len (text->str, strstr (text->str, "\"n2500\"") - text->str, "\n") + 1;
  expected = g_strdup_printf ("in.pbscenario:2502:%d: event 2500 (live.code.buy): code “C1200” is already "
                              "bought by event 1200",
                              (int) (strstr (line, "\"C1200\"") - line + strlen ("\"C1200\"") + 1));
  if (!g_str_has_prefix (error->message, expected))
    g_error ("“%s” does not start with “%s”", error->message, expected);
}

static void
on_changed (PbScenario *scenario, guint *count)
{
  (*count)++;
}

/* The simulator's side: appending checks like loading, switching an event
 * off and on, and the signals a page listens to. */
static void
test_editing (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(PbScenario) scenario = pb_scenario_new (catalog);
  g_autoptr(GError) error = NULL;
  PbScenarioEvent base = { .type = PB_EVENT_LIVE_BASE_FEE_BUY, .enabled = TRUE, .subject = "A" };
  PbScenarioEvent code = { .type = PB_EVENT_LIVE_CODE_BUY, .enabled = TRUE, .subject = "C",
                           .tier = "standard", .extra_viewers = 100 };
  guint changed = 0;
  char name[] = "N";

  g_assert_true (pb_time_parse ("2020-01-01T12:00:00+08:00", &base.at, NULL));
  code.at = base.at;
  g_signal_connect (scenario, "changed", G_CALLBACK (on_changed), &changed);

  g_assert_cmpint (pb_scenario_append_event (scenario, &base, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pb_scenario_append_event (scenario, &code, &error), ==, 1);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (pb_scenario_get_event (scenario, 1)->index, ==, 1);

  /* The scenario copies the strings it is given. */
  {
    PbScenarioEvent activate;

    pb_scenario_event_init (&activate, PB_EVENT_VOICE_NUMBER_ACTIVATE, base.at, name);
    g_assert_true (activate.enabled);
    g_assert_null (activate.note);
    g_assert_cmpint (pb_scenario_append_event (scenario, &activate, &error), ==, 2);
    name[0] = 'X';
    g_assert_cmpstr (pb_scenario_get_event (scenario, 2)->subject, ==, "N");
  }

  /* The same checks as the loader, with the same words and rules. */
  g_assert_cmpint (pb_scenario_append_event (scenario, &code, &error), ==, -1);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "event 3 (live.code.buy): code “C” is already bought by event 1"));
  g_clear_error (&error);
  code.subject = "D";
  code.extra_viewers = 50;
  g_assert_cmpint (pb_scenario_append_event (scenario, &code, &error), ==, -1);
  g_assert_nonnull (strstr (error->message, "EL-5"));
  g_clear_error (&error);
  g_assert_cmpuint (pb_scenario_get_n_events (scenario), ==, 3);
  g_assert_cmpuint (changed, ==, 3);

  pb_scenario_set_event_enabled (scenario, 1, FALSE);
  g_assert_false (pb_scenario_get_event (scenario, 1)->enabled);
  pb_scenario_set_event_enabled (scenario, 1, FALSE);
  g_assert_cmpuint (changed, ==, 4);

  g_assert_false (pb_scenario_set_term_rule_override (scenario, "lunar"));
  g_assert_true (pb_scenario_set_term_rule_override (scenario, "365-days"));
  g_assert_cmpint (pb_scenario_get_term_rule (scenario), ==, PB_TERM_RULE_365_DAYS);
  g_assert_true (pb_scenario_set_term_rule_override (scenario, NULL));
  g_assert_cmpint (pb_scenario_get_term_rule (scenario), ==, pb_catalog_el_term_rule (catalog));
  g_assert_cmpuint (changed, ==, 6);
}

static void
on_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autoptr(PbScenario) scenario = pb_scenario_new (catalog);
  g_autofree char *title = NULL;
  guint notified = 0;

  g_signal_connect (scenario, "notify::title", G_CALLBACK (on_notify), &notified);
  g_object_set (scenario, "title", "What if", NULL);
  g_object_set (scenario, "title", "What if", NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (scenario, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "What if");
  g_assert_cmpstr (pb_event_type_to_string (PB_EVENT_VOICE_CALL), ==, "voice.call");
  g_assert_cmpstr (pb_event_type_subject_member (PB_EVENT_LIVE_BASE_FEE_BUY), ==, "gift_code");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario/shipped-example", test_shipped_example);
  g_test_add_func ("/scenario/round-trip", test_round_trip);
  g_test_add_func ("/scenario/round-trip-shipped", test_round_trip_shipped);
  g_test_add_func ("/scenario/save-refused", test_save_refused);
  g_test_add_func ("/scenario/EL-T4/refused-document", test_refused_document);
  g_test_add_func ("/scenario/refused-events", test_refused_events);
  g_test_add_func ("/scenario/EL-3/EL-4/EL-5/EL-9/refused-live", test_refused_live);
  g_test_add_func ("/scenario/VM-5/VM-6/VM-7/refused-voice", test_refused_voice);
  g_test_add_func ("/scenario/VM-5/refused-duplicate-package", test_refused_duplicate_package);
  g_test_add_func ("/scenario/error-position", test_error_position);
  g_test_add_func ("/scenario/EL-4/streamed-order", test_streamed_order);
  g_test_add_func ("/scenario/EL-3/streamed-positions", test_streamed_positions);
  g_test_add_func ("/scenario/editing", test_editing);
  g_test_add_func ("/scenario/properties", test_properties);

  return g_test_run ();
}
