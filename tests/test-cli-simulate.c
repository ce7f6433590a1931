/* test-cli-simulate.c: pricebook-cli simulate, as outside scripts see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pb-test-cli.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "scenarios", name, NULL);
}

static char *
shipped_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", name, NULL);
}

static JsonNode *
simulate (const char *path, const char *at)
{
  g_auto(PbCliRun) run = { 0 };

  if (at != NULL)
    pb_cli_run (&run, "simulate", path, "--at", at, NULL);
  else
    pb_cli_run (&run, "simulate", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  return pb_cli_run_json (&run);
}

/* The member at a slash-separated path ("live/codes/A/state"); array
 * elements by their index. */
static JsonNode *
lookup (JsonNode *root, const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), parts[i]))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node) && g_ascii_isdigit (parts[i][0]) &&
               g_ascii_strtoull (parts[i], NULL, 10) < json_array_get_length (json_node_get_array (node)))
        node = json_array_get_element (json_node_get_array (node), (guint) g_ascii_strtoull (parts[i], NULL, 10));
      else
        g_error ("no “%s” in “%s”", parts[i], path);
    }
  return node;
}

static void
assert_string (JsonNode *root, const char *path, const char *expected)
{
  JsonNode *node = lookup (root, path);

  if (expected == NULL)
    {
      if (!JSON_NODE_HOLDS_NULL (node))
        g_error ("“%s” is not null", path);
      return;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("“%s” is not a string", path);
  g_assert_cmpstr (json_node_get_string (node), ==, expected);
}

static void
assert_int (JsonNode *root, const char *path, gint64 expected)
{
  JsonNode *node = lookup (root, path);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    g_error ("“%s” is not a whole number", path);
  g_assert_cmpint (json_node_get_int (node), ==, expected);
}

static void
assert_bool (JsonNode *root, const char *path, gboolean expected)
{
  JsonNode *node = lookup (root, path);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    g_error ("“%s” is not a boolean", path);
  g_assert_cmpint (json_node_get_boolean (node), ==, expected);
}

static guint
length (JsonNode *root, const char *path)
{
  JsonNode *node = lookup (root, path);

  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_get_size (json_node_get_object (node));
}

/* ------------------------------------------------------------------ */

/* The contract's example scenario, asked about 2020-07-01 15:00. */
static void
test_contract_example_at (void)
{
  g_autofree char *path = data_path ("contract-example.pbscenario");
  g_autoptr(JsonNode) root = simulate (path, "2020-07-01T15:00:00+08:00");

  assert_string (root, "at", "2020-07-01T15:00:00+08:00");
  assert_string (root, "live/base_fee/state", "active");
  assert_string (root, "live/base_fee/expires_at", "2021-12-31T12:00:00+08:00");

  assert_string (root, "live/codes/A/tier", "flagship");
  assert_string (root, "live/codes/A/state", "active");
  assert_bool (root, "live/codes/A/usable", TRUE);
  assert_int (root, "live/codes/A/max_viewers", 20000);
  assert_string (root, "live/codes/A/bind_deadline", "2020-03-01T12:00:00+08:00");
  assert_string (root, "live/codes/A/bound_at", "2020-02-01T12:00:00+08:00");
  assert_string (root, "live/codes/A/expires_at", "2021-01-31T12:00:00+08:00");

  /* EL-7: B was never bound: void exactly now.  EL-5/EL-6: 30,000 viewers. */
  assert_string (root, "live/codes/B/state", "void");
  assert_bool (root, "live/codes/B/usable", FALSE);
  assert_int (root, "live/codes/B/max_viewers", 30000);
  assert_string (root, "live/codes/B/bound_at", NULL);
  assert_string (root, "live/codes/B/expires_at", NULL);
  assert_string (root, "live/codes/B/void_at", "2020-07-01T15:00:00+08:00");

  assert_string (root, "live/codes/C/tier", "standard");
  assert_string (root, "live/codes/C/state", "unbound");
  assert_int (root, "live/codes/C/max_viewers", 200);
  assert_string (root, "live/codes/C/bind_deadline", "2020-08-01T10:00:00+08:00");

  /* VM-4: January to March; VM-7: 61 s are 2 minutes. */
  assert_string (root, "voice/numbers/N1/state", "unsubscribed");
  assert_int (root, "voice/numbers/N1/months_billed", 3);
  assert_int (root, "voice/packages/P1/remaining_minutes", 9998);
  assert_string (root, "voice/packages/P1/expires_at", "2022-01-05T09:00:00+08:00");

  /* EL-9: the 300-minute broadcast, event 5. */
  g_assert_cmpuint (length (root, "rejected"), ==, 1);
  assert_int (root, "rejected/0/event", 5);
  assert_string (root, "rejected/0/rule", "EL-9");
  g_assert_nonnull (strstr (json_node_get_string (lookup (root, "rejected/0/reason")), "240"));
}

/* Earlier, fewer things exist: only what happened at or before --at. */
static void
test_contract_example_early (void)
{
  g_autofree char *path = data_path ("contract-example.pbscenario");
  g_autoptr(JsonNode) before = simulate (path, "2020-01-01T11:59:59+08:00");
  g_autoptr(JsonNode) first = simulate (path, "2020-01-05T09:00:00+08:00");
  g_autoptr(JsonNode) month = simulate (path, "2020-02-01T00:00:00+08:00");

  assert_string (before, "live/base_fee/state", "none");
  assert_string (before, "live/base_fee/expires_at", NULL);
  g_assert_cmpuint (length (before, "live/codes"), ==, 0);
  g_assert_cmpuint (length (before, "voice/numbers"), ==, 0);
  g_assert_cmpuint (length (before, "rejected"), ==, 0);

  /* VM-3: the activation month is billed at once. */
  assert_string (first, "voice/numbers/N1/state", "active");
  assert_int (first, "voice/numbers/N1/months_billed", 1);
  assert_int (first, "voice/packages/P1/remaining_minutes", 10000);
  assert_string (first, "live/codes/A/state", "unbound");
  g_assert_cmpuint (length (first, "live/codes"), ==, 1);
  assert_int (month, "voice/numbers/N1/months_billed", 2);
}

/* Without --at: the whole timeline. */
static void
test_contract_example_timeline (void)
{
  g_autofree char *path = data_path ("contract-example.pbscenario");
  g_autoptr(JsonNode) root = simulate (path, NULL);

  g_assert_cmpuint (length (root, "live/base_fee/terms"), ==, 2);
  assert_string (root, "live/base_fee/terms/1/kind", "renewal");
  assert_string (root, "live/base_fee/terms/1/end", "2021-12-31T12:00:00+08:00");
  assert_string (root, "live/base_fee/periods/0/start", "2020-01-01T12:00:00+08:00");
  assert_string (root, "live/base_fee/periods/0/end", "2021-12-31T12:00:00+08:00");

  assert_string (root, "live/codes/A/binding_window/end", "2020-03-01T12:00:00+08:00");
  assert_string (root, "live/codes/A/validity/start", "2020-02-01T12:00:00+08:00");
  assert_string (root, "live/codes/A/validity/end", "2021-01-31T12:00:00+08:00");
  g_assert_cmpuint (length (root, "live/codes/A/suspended"), ==, 0);
  assert_string (root, "live/codes/B/void_at", "2020-07-01T15:00:00+08:00");
  assert_int (root, "live/codes/B/expansions/0/extra_viewers", 10000);
  assert_string (root, "live/codes/B/expansions/0/end", "2020-07-01T15:00:00+08:00");

  assert_string (root, "voice/numbers/N1/active/0/end", "2020-03-20T09:00:00+08:00");
  g_assert_cmpuint (length (root, "voice/numbers/N1/active/0/billed_months"), ==, 3);
  assert_string (root, "voice/numbers/N1/active/0/billed_months/0", "2020-01");
  assert_int (root, "voice/packages/P1/remaining/1/remaining_minutes", 9998);
  assert_int (root, "voice/calls/0/billed_minutes", 2);

  /* EL-3 ×2 + gifts, EL-4 Standard ¥9,000, EL-6 ¥1,000,000, VM-5 ¥1,050,
   * VM-2/VM-3 3 × ¥50. */
  g_assert_cmpuint (length (root, "charges"), ==, 10);
  assert_string (root, "charges/0/amount", "140000.00");
  assert_string (root, "charges/0/rule", "EL-3");
  assert_string (root, "charges/0/at", "2020-01-01T12:00:00+08:00");
  assert_string (root, "total", "1290200.00");
  assert_int (root, "rejected/0/event", 5);
}

/* The shipped documented example, under both term rules. */
static void
test_shipped_example (void)
{
  const char *names[] = { "customer-a.pbscenario", "customer-a-365-days.pbscenario" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = shipped_path (names[i]);
      g_autoptr(JsonNode) lapse = simulate (path, "2020-12-31T12:00:00+08:00");
      g_autoptr(JsonNode) end = simulate (path, "2021-01-31T12:00:00+08:00");

      assert_string (lapse, "live/base_fee/expires_at", "2021-12-31T12:00:00+08:00");
      assert_string (lapse, "live/codes/A/state", "active");
      assert_int (lapse, "live/codes/B/max_viewers", 30000);
      assert_string (end, "live/codes/A/state", "expired");
      assert_bool (end, "live/codes/A/usable", FALSE);
    }
}

/* The documented example (domain.md, customer A) end to end through the
 * command line, under each term rule: the shipped file first, then the
 * variants the table speaks of (no renewal, a renewal after the lapse, B
 * bound).  Every instant is looked at one second before and at its
 * boundary, since intervals are half-open. */

static JsonNode *
simulate_text (const char *text, const char *at)
{
  g_autofree char *path = pb_test_write_temp ("customer-a.pbscenario", text, -1);

  return simulate (path, at);
}

/* Customer A's events as a scenario under @rule, with @more events after
 * the first purchase and the binding of A. */
static char *
customer_a (const char *rule, const char *more)
{
  return g_strdup_printf ("{ \"format\": \"pricebook-scenario/1\", \"catalog\": { \"term_rule\": \"%s\" },\n"
                          "  \"events\": [\n"
                          "    { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" },\n"
                          "    { \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\" }%s%s\n"
                          "  ] }\n", rule, *more ? ",\n    " : "", more);
}

static void
assert_code_at (const char *text, const char *at, const char *code, const char *state, gboolean usable)
{
  g_autoptr(JsonNode) root = simulate_text (text, at);
  g_autofree char *state_path = g_strdup_printf ("live/codes/%s/state", code);
  g_autofree char *usable_path = g_strdup_printf ("live/codes/%s/usable", code);

  assert_string (root, "at", at);
  assert_string (root, state_path, state);
  assert_bool (root, usable_path, usable);
}

/* The shipped variant of the documented example, B bound the day after the
 * renewal, through the command line instant by instant: bound at
 * 2020-05-02 12:00 (EL-7), not void at its deadline, valid until
 * 2021-05-01 12:00 with 30,000 viewers (EL-5, EL-6, EL-8), then expired. */
static void
test_documented_example_b_bound (void)
{
  g_autofree char *shipped = shipped_path ("customer-a-b-bound.pbscenario");
  g_autoptr(JsonNode) unbound = simulate (shipped, "2020-05-02T11:59:59+08:00");
  g_autoptr(JsonNode) bound = simulate (shipped, "2020-05-02T12:00:00+08:00");
  g_autoptr(JsonNode) deadline = simulate (shipped, "2020-07-01T15:00:00+08:00");
  g_autoptr(JsonNode) last = simulate (shipped, "2021-05-01T11:59:59+08:00");
  g_autoptr(JsonNode) expired = simulate (shipped, "2021-05-01T12:00:00+08:00");
  g_autoptr(JsonNode) timeline = simulate (shipped, NULL);

  assert_string (unbound, "live/codes/B/state", "unbound");
  assert_bool (unbound, "live/codes/B/usable", FALSE);
  assert_string (bound, "live/codes/B/state", "active");
  assert_bool (bound, "live/codes/B/usable", TRUE);
  assert_int (bound, "live/codes/B/max_viewers", 30000);
  assert_string (bound, "live/codes/B/bound_at", "2020-05-02T12:00:00+08:00");
  assert_string (bound, "live/codes/B/expires_at", "2021-05-01T12:00:00+08:00");
  assert_string (deadline, "live/codes/B/state", "active");
  assert_string (last, "live/codes/B/state", "active");
  assert_string (last, "live/base_fee/expires_at", "2021-12-31T12:00:00+08:00");
  assert_string (expired, "live/codes/B/state", "expired");
  assert_bool (expired, "live/codes/B/usable", FALSE);
  assert_string (timeline, "live/codes/B/void_at", NULL);
  assert_string (timeline, "live/codes/B/expansions/0/end", "2021-05-01T12:00:00+08:00");
  g_assert_cmpuint (length (timeline, "rejected"), ==, 0);
}

static void
test_documented_example (gconstpointer data)
{
  const char *rule = data;
  g_autofree char *name = g_strdup_printf ("customer-a%s.pbscenario", g_str_equal (rule, "calendar") ? "" : "-365-days");
  g_autofree char *shipped = shipped_path (name);
  g_autofree char *no_renewal = customer_a (rule, "");
  g_autofree char *late_renewal = customer_a (rule, "{ \"at\": \"2021-01-15T09:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"B\" }");
  g_autofree char *b_bound = customer_a (rule,
    "{ \"at\": \"2020-05-01T15:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"B\" },\n"
    "    { \"at\": \"2020-06-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"B\" },\n"
    "    { \"at\": \"2020-06-02T12:00:00+08:00\", \"type\": \"live.code.expand\", \"code\": \"B\", \"extra_viewers\": 10000 }");

  /* 2020-01-01 12:00: the base fee until 2020-12-31 12:00, a gifted
   * Flagship code A to bind before 2020-03-01 12:00 (EL-3, EL-T1, EL-T3). */
  {
    g_autoptr(JsonNode) before = simulate (shipped, "2020-01-01T11:59:59+08:00");
    g_autoptr(JsonNode) bought = simulate (shipped, "2020-01-01T12:00:00+08:00");

    assert_string (before, "term_rule", rule);
    assert_string (before, "live/base_fee/state", "none");
    g_assert_cmpuint (length (before, "live/codes"), ==, 0);
    assert_string (bought, "live/base_fee/state", "active");
    assert_string (bought, "live/base_fee/expires_at", "2020-12-31T12:00:00+08:00");
    assert_string (bought, "live/codes/A/tier", "flagship");
    assert_string (bought, "live/codes/A/state", "unbound");
    assert_bool (bought, "live/codes/A/usable", FALSE);
    assert_int (bought, "live/codes/A/max_viewers", 20000);
    assert_string (bought, "live/codes/A/bind_deadline", "2020-03-01T12:00:00+08:00");
    assert_string (bought, "live/codes/A/bound_at", NULL);
    assert_string (bought, "live/codes/A/expires_at", NULL);
  }
  /* 2020-02-01 12:00: A bound, valid until 2021-01-31 12:00 (EL-8). */
  {
    g_autoptr(JsonNode) bound = simulate (shipped, "2020-02-01T12:00:00+08:00");

    assert_string (bound, "live/codes/A/state", "active");
    assert_bool (bound, "live/codes/A/usable", TRUE);
    assert_string (bound, "live/codes/A/bound_at", "2020-02-01T12:00:00+08:00");
    assert_string (bound, "live/codes/A/expires_at", "2021-01-31T12:00:00+08:00");
  }
  /* 2020-05-01 15:00: the renewal extends to 2021-12-31 12:00 (EL-10,
   * EL-T2), leaves A alone (EL-8), gifts B; B expanded by 10,000 allows
   * 30,000 viewers (EL-5, EL-6). */
  {
    g_autoptr(JsonNode) before = simulate (shipped, "2020-05-01T14:59:59+08:00");
    g_autoptr(JsonNode) renewed = simulate (shipped, "2020-05-01T15:00:00+08:00");

    assert_string (before, "live/base_fee/expires_at", "2020-12-31T12:00:00+08:00");
    g_assert_cmpuint (length (before, "live/codes"), ==, 1);
    assert_string (renewed, "live/base_fee/expires_at", "2021-12-31T12:00:00+08:00");
    assert_string (renewed, "live/codes/A/expires_at", "2021-01-31T12:00:00+08:00");
    assert_string (renewed, "live/codes/B/tier", "flagship");
    assert_bool (renewed, "live/codes/B/gift", TRUE);
    assert_int (renewed, "live/codes/B/max_viewers", 30000);
    assert_string (renewed, "live/codes/B/bind_deadline", "2020-07-01T15:00:00+08:00");
    g_assert_cmpuint (length (renewed, "rejected"), ==, 0);
  }
  /* The timeline: one continuous period, A never suspended, B never bound
   * (void at its deadline) and its expansion ending with it. */
  {
    g_autoptr(JsonNode) timeline = simulate (shipped, NULL);

    assert_string (timeline, "live/base_fee/terms/0/end", "2020-12-31T12:00:00+08:00");
    assert_string (timeline, "live/base_fee/terms/1/kind", "renewal");
    assert_string (timeline, "live/base_fee/terms/1/start", "2020-12-31T12:00:00+08:00");
    assert_string (timeline, "live/base_fee/terms/1/end", "2021-12-31T12:00:00+08:00");
    g_assert_cmpuint (length (timeline, "live/base_fee/periods"), ==, 1);
    g_assert_cmpuint (length (timeline, "live/codes/A/suspended"), ==, 0);
    assert_string (timeline, "live/codes/A/usable/0/end", "2021-01-31T12:00:00+08:00");
    assert_string (timeline, "live/codes/B/void_at", "2020-07-01T15:00:00+08:00");
    assert_string (timeline, "live/codes/B/expansions/0/end", "2020-07-01T15:00:00+08:00");
    assert_string (timeline, "total", "1280000.00");
  }
  /* No renewal: A unusable from 2020-12-31 12:00, expired from
   * 2021-01-31 12:00 (EL-8). */
  assert_code_at (no_renewal, "2020-12-31T11:59:59+08:00", "A", "active", TRUE);
  assert_code_at (no_renewal, "2020-12-31T12:00:00+08:00", "A", "suspended", FALSE);
  assert_code_at (no_renewal, "2021-01-31T11:59:59+08:00", "A", "suspended", FALSE);
  assert_code_at (no_renewal, "2021-01-31T12:00:00+08:00", "A", "expired", FALSE);
  /* A renewal after the lapse restores A, still within its own validity,
   * for what is left of it (EL-8, EL-10). */
  assert_code_at (late_renewal, "2021-01-15T08:59:59+08:00", "A", "suspended", FALSE);
  assert_code_at (late_renewal, "2021-01-15T09:00:00+08:00", "A", "active", TRUE);
  assert_code_at (late_renewal, "2021-01-31T12:00:00+08:00", "A", "expired", FALSE);
  /* B bound: usable for one year from its binding while the base fee is
   * valid, with 30,000 viewers, the expansion ending with it.  Here the
   * rules part: one calendar year less a day, or 365 days (EL-T4). */
  {
    const char *end = g_str_equal (rule, "calendar") ? "2021-05-31T12:00:00+08:00" : "2021-06-01T12:00:00+08:00";
    g_autoptr(JsonNode) timeline = simulate_text (b_bound, NULL);
    g_autoptr(JsonNode) expanded = simulate_text (b_bound, "2020-06-02T12:00:00+08:00");

    assert_string (timeline, "live/codes/B/expires_at", end);
    assert_string (timeline, "live/codes/B/expansions/0/end", end);
    assert_int (timeline, "live/codes/B/max_viewers", 30000);
    assert_string (expanded, "live/codes/B/state", "active");
    assert_int (expanded, "live/codes/B/max_viewers", 30000);
    assert_bool (expanded, "live/codes/B/usable", TRUE);
  }
}

/* Overflow and the monthly-fee limit come from the replay, not the file:
 * the message still names the file, and the event. */
static void
test_replay_errors_name_file (void)
{
  g_autoptr(GString) many = g_string_new ("{ \"format\": \"pricebook-scenario/1\", \"events\": [\n");
  g_autofree char *path = NULL;
  g_auto(PbCliRun) run = { 0 };

  for (guint i = 0; i < 401; i++)
    g_string_append_printf (many, "  { \"at\": \"1970-01-01T09:00:00+08:00\", \"type\": \"voice.number.activate\", "
                            "\"number\": \"N%u\" },\n", i);
  g_string_append (many, "  { \"at\": \"2199-12-31T23:59:59+08:00\", \"type\": \"voice.package.buy\", "
                   "\"package\": \"P\", \"kind\": \"fixed\", \"minutes\": 10000 } ] }\n");
  path = pb_test_write_temp ("many.pbscenario", many->str, -1);
  pb_cli_run (&run, "simulate", path, NULL);
  pb_assert_input_error (&run, "many.pbscenario: event ", "(voice.number.activate)", "monthly fees (VM-2)", NULL);
}

/* EL-T2: 300 base-fee purchases would end in 2319; 70,000 of them once
 * made GLib print a CRITICAL and a wrong day, with exit 0.  Refused at the
 * renewal that passes 2199-12-31, naming the file, the event and the rule
 * (a CRITICAL would abort the CLI here: G_DEBUG makes it fatal). */
static void
test_renewals_past_range (void)
{
  const guint counts[] = { 300, 70000 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(GString) text = g_string_new ("{ \"format\": \"pricebook-scenario/1\", \"events\": [\n");
      g_autofree char *path = NULL;
      g_auto(PbCliRun) run = { 0 };

      for (guint i = 0; i < counts[c]; i++)
        g_string_append_printf (text, "%s  { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", "
                                "\"gift_code\": \"G%u\" }", i ? ",\n" : "", i);
      g_string_append (text, " ] }\n");
      path = pb_test_write_temp ("renewals.pbscenario", text->str, -1);
      pb_cli_run (&run, "simulate", path, "--at", "2021-01-01", NULL);
      pb_assert_input_error (&run, "renewals.pbscenario: event 180 (live.base_fee.buy)", "2200-12-31 12:00",
                             "2199-12-31 23:59:59", "(EL-T2)", NULL);
      g_assert_null (strstr (run.err, "CRITICAL"));
    }
}

/* The supported range's first and last seconds are instants like others. */
static void
test_range_bounds (void)
{
  g_autofree char *path = data_path ("contract-example.pbscenario");
  g_autoptr(JsonNode) first = simulate (path, "1970-01-01T00:00:00+08:00");
  g_autoptr(JsonNode) last = simulate (path, "2199-12-31T23:59:59+08:00");
  g_auto(PbCliRun) run = { 0 };

  assert_string (first, "at", "1970-01-01T00:00:00+08:00");
  assert_string (first, "live/base_fee/state", "none");
  assert_string (last, "at", "2199-12-31T23:59:59+08:00");
  assert_string (last, "live/base_fee/state", "expired");
  pb_cli_run (&run, "simulate", path, "--at", "2200-01-01T00:00:00+08:00", NULL);
  pb_assert_input_error (&run, "--at", "outside the supported range", NULL);
}

/* EL-8: without the renewal, A is suspended, then expired. */
static void
test_no_renewal (void)
{
  g_autofree char *path = data_path ("no-renewal.pbscenario");
  g_autoptr(JsonNode) before = simulate (path, "2020-12-31T11:59:59+08:00");
  g_autoptr(JsonNode) lapse = simulate (path, "2020-12-31T12:00:00+08:00");
  g_autoptr(JsonNode) end = simulate (path, "2021-01-31T12:00:00+08:00");
  g_autoptr(JsonNode) timeline = simulate (path, NULL);

  assert_string (before, "live/codes/A/state", "active");
  assert_string (lapse, "live/base_fee/state", "expired");
  assert_string (lapse, "live/codes/A/state", "suspended");
  assert_bool (lapse, "live/codes/A/usable", FALSE);
  assert_string (end, "live/codes/A/state", "expired");
  assert_string (timeline, "live/codes/A/suspended/0/start", "2020-12-31T12:00:00+08:00");
  assert_string (timeline, "live/codes/A/suspended/0/end", "2021-01-31T12:00:00+08:00");
}

/* VM-3: 2020-01-31 23:00 +08:00 is January whatever TZ the tests run in;
 * --at accepts any offset and prints +08:00. */
static void
test_months_in_china_time (void)
{
  g_autofree char *path = data_path ("numbers.pbscenario");
  g_autoptr(JsonNode) january = simulate (path, "2020-01-31T10:30:00-05:00");
  g_autoptr(JsonNode) february = simulate (path, "2020-01-31T16:00:00Z");

  assert_string (january, "at", "2020-01-31T23:30:00+08:00");
  assert_int (january, "voice/numbers/N1/months_billed", 1);
  assert_string (february, "at", "2020-02-01T00:00:00+08:00");
  assert_int (february, "voice/numbers/N1/months_billed", 2);
}

/* A group bought under one id says how many it stands for, at an instant
 * and on the timeline; a single one says nothing, as before (EL-4, VM-2,
 * VM-5). */
static void
test_groups (void)
{
  g_autofree char *path = pb_test_write_temp ("groups.pbscenario",
    "{ \"format\": \"pricebook-scenario/1\", \"events\": [\n"
    "  { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" },\n"
    "  { \"at\": \"2020-01-02T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\", \"tier\": \"standard\",\n"
    "    \"quantity\": 100000 },\n"
    "  { \"at\": \"2020-01-06T12:00:00+08:00\", \"type\": \"voice.number.activate\", \"number\": \"N\", \"quantity\": 4 },\n"
    "  { \"at\": \"2020-01-07T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\", \"kind\": \"fixed\",\n"
    "    \"minutes\": 10000, \"quantity\": 2 } ] }", -1);
  g_autoptr(JsonNode) state = simulate (path, "2020-01-31T00:00:00+08:00");
  g_autoptr(JsonNode) timeline = simulate (path, NULL);

  assert_int (state, "live/codes/C/quantity", 100000);
  g_assert_false (json_object_has_member (json_node_get_object (lookup (state, "live/codes/A")), "quantity"));
  assert_int (state, "voice/numbers/N/quantity", 4);
  assert_int (state, "voice/packages/P/quantity", 2);
  assert_int (state, "voice/packages/P/minutes", 10000);
  assert_int (state, "voice/packages/P/remaining_minutes", 20000);
  assert_int (timeline, "live/codes/C/quantity", 100000);
  assert_int (timeline, "voice/packages/P/quantity", 2);
  assert_string (timeline, "voice/packages/P/price", "2100.00");
}

/* ------------------------------------------------------------------ */
/* Wrong input: exit 2, nothing on stdout, the right words on stderr   */

static void
assert_refused_text (const char *text, gssize length, const char *first_needle, const char *second_needle)
{
  g_autofree char *path = pb_test_write_temp ("bad.pbscenario", text, length);
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "simulate", path, NULL);
  pb_assert_input_error (&run, "bad.pbscenario", first_needle, second_needle, NULL);
}

static char *
with_event (const char *event)
{
  return g_strdup_printf ("{ \"format\": \"pricebook-scenario/1\",\n  \"events\": [\n"
                          "    { \"at\": \"2020-01-01T12:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"A\" },\n"
                          "    %s\n  ] }\n", event);
}

static void
test_bad_files (void)
{
  g_autoptr(GString) deep = g_string_new ("{ \"format\": \"pricebook-scenario/1\", \"events\": ");
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  assert_refused_text ("", 0, "empty", NULL);
  assert_refused_text ("{ \"format\": \"pricebook-scenario/1\",\n  \"events\": [ { \"at\": \"2020-01", -1,
                       "bad.pbscenario:2:", "malformed JSON");
  assert_refused_text (binary, sizeof binary - 1, "binary", NULL);
  assert_refused_text ("{ \"format\": \"pricebook-scenario/1\", \"title\": \"\xff\xfe\", \"events\": [] }", -1,
                       "UTF-8", NULL);
  for (int i = 0; i < 1000; i++)
    g_string_append_c (deep, '[');
  assert_refused_text (deep->str, -1, "nested more than", NULL);
  assert_refused_text ("{ \"format\": \"pricebook-quote/1\", \"events\": [] }", -1, "unknown format", NULL);
  assert_refused_text ("\"pricebook-scenario/1\"", -1, "expected a JSON object", NULL);
}

static void
test_bad_events (void)
{
  const struct
  {
    const char *event;
    const char *needle;
    const char *rule;
  } cases[] = {
    /* Unknown event type. */
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.steal\", \"code\": \"A\" }",
      "event 1: unknown event type “live.code.steal”", NULL },
    /* Wrong types. */
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.broadcast\", \"code\": \"A\", \"viewers\": \"500\","
      " \"minutes\": 10 }", "event 1 (live.broadcast): “viewers” must be a whole number", NULL },
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.call\", \"number\": \"N\", \"seconds\": 10,"
      " \"answered\": \"yes\" }", "event 1 (voice.call): “answered” must be true or false", NULL },
    { "{ \"at\": true, \"type\": \"live.code.bind\", \"code\": \"A\" }",
      "event 1 (live.code.bind): “at” must be a string", NULL },
    /* Huge numbers. */
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\","
      " \"kind\": \"custom\", \"minutes\": 99999999999999999999 }", "event 1 (voice.package.buy)", "too large to read" },
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.call\", \"number\": \"N\", \"seconds\": 1e300,"
      " \"answered\": true }", "event 1 (voice.call): “seconds” must be a whole number", NULL },
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.expand\", \"code\": \"A\","
      " \"extra_viewers\": 1000000000000 }", "event 1 (live.code.expand)", "EL-5" },
    /* Feb 30, and an instant out of range. */
    { "{ \"at\": \"2021-02-30T12:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\" }",
      "event 1 (live.code.bind): “at”: “2021-02-30T12:00:00+08:00” is not a valid date", NULL },
    { "{ \"at\": \"2300-01-01T00:00:00+08:00\", \"type\": \"live.code.bind\", \"code\": \"A\" }",
      "event 1 (live.code.bind)", "outside the supported range" },
    /* Catalog values. */
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\","
      " \"kind\": \"fixed\", \"minutes\": 50000 }", "event 1 (voice.package.buy)", "VM-5" },
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"voice.package.buy\", \"package\": \"P\","
      " \"kind\": \"custom\", \"minutes\": 2500 }", "event 1 (voice.package.buy)", "VM-6" },
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\","
      " \"tier\": \"standard\", \"extra_viewers\": 250 }", "event 1 (live.code.buy)", "EL-5" },
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"A\","
      " \"tier\": \"standard\" }", "event 1 (live.code.buy): code “A” is already bought by event 0", "EL-3/EL-4" },
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.buy\", \"code\": \"C\","
      " \"tier\": \"platinum\" }", "event 1 (live.code.buy): unknown tier “platinum”", "EL-4" },
    /* Unknown and missing members. */
    { "{ \"at\": \"2020-02-01T12:00:00+08:00\", \"type\": \"live.code.bind\", \"cod\": \"A\" }",
      "event 1 (live.code.bind): unknown member “cod”", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = with_event (cases[i].event);

      /* Every message points at line 4, where event 1 is. */
      assert_refused_text (text, -1, "bad.pbscenario:4:", cases[i].needle);
      if (cases[i].rule != NULL)
        assert_refused_text (text, -1, cases[i].needle, cases[i].rule);
    }
}

static void
test_bad_arguments (void)
{
  g_autofree char *path = data_path ("contract-example.pbscenario");
  const char *bad_at[] = { "2020-02-30T12:00:00+08:00", "yesterday", "", "2020-13-01" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_at); i++)
    {
      g_auto(PbCliRun) run = { 0 };

      pb_cli_run (&run, "simulate", path, "--at", bad_at[i], NULL);
      pb_assert_input_error (&run, "--at", "not a valid date", NULL);
    }
  {
    g_auto(PbCliRun) run = { 0 };

    pb_cli_run (&run, "simulate", NULL);
    pb_assert_input_error (&run, "simulate", "SCENARIO.json", NULL);
  }
  {
    g_auto(PbCliRun) run = { 0 };

    pb_cli_run (&run, "simulate", path, "--at", NULL);
    pb_assert_input_error (&run, "--at", NULL);
  }
  {
    g_auto(PbCliRun) run = { 0 };

    pb_cli_run (&run, "simulate", path, "--from", "2020-01-01", NULL);
    pb_assert_input_error (&run, "--from", NULL);
  }
  {
    g_auto(PbCliRun) run = { 0 };

    pb_cli_run (&run, "simulate", "/nonexistent/customer.pbscenario", NULL);
    pb_assert_input_error (&run, "/nonexistent/customer.pbscenario", "cannot read", NULL);
  }
  {
    g_auto(PbCliRun) run = { 0 };
    g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "scenarios", NULL);

    pb_cli_run (&run, "simulate", dir, NULL);
    pb_assert_input_error (&run, "folder", NULL);
  }
  {
    g_auto(PbCliRun) run = { 0 };

    /* Two instants would answer for one of them only. */
    pb_cli_run (&run, "simulate", path, "--at", "2020-01-01", "--at=2020-02-01", NULL);
    pb_assert_input_error (&run, "--at is given more than once", NULL);
  }
  {
    g_auto(PbCliRun) run = { 0 };

    /* --at=VALUE is the same as --at VALUE. */
    pb_cli_run (&run, "simulate", path, "--at=2020-07-01T15:00:00+08:00", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"void\""));
  }
}

/* A forbidden event is not an input error: exit 0 and listed in
 * "rejected" with its file index and rule (EL-7). */
static void
test_rejected_not_input_error (void)
{
  g_autofree char *path = data_path ("bind-after-deadline.pbscenario");
  g_autoptr(JsonNode) root = simulate (path, "2020-03-01T12:00:00+08:00");

  g_assert_cmpuint (length (root, "rejected"), ==, 1);
  assert_int (root, "rejected/0/event", 3);
  assert_string (root, "rejected/0/rule", "EL-7");
  assert_string (root, "live/codes/A/state", "void");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/simulate/EL-9/contract-example-at", test_contract_example_at);
  g_test_add_func ("/cli/simulate/VM-3/contract-example-early", test_contract_example_early);
  g_test_add_func ("/cli/simulate/contract-example-timeline", test_contract_example_timeline);
  g_test_add_func ("/cli/simulate/EL-T1/EL-T4/shipped-example", test_shipped_example);
  g_test_add_data_func ("/cli/simulate/EL-3/EL-5/EL-6/EL-7/EL-8/EL-10/EL-T1/EL-T2/EL-T3/documented-example/calendar",
                        "calendar", test_documented_example);
  g_test_add_data_func ("/cli/simulate/EL-3/EL-5/EL-6/EL-7/EL-8/EL-10/EL-T4/documented-example/365-days",
                        "365-days", test_documented_example);
  g_test_add_func ("/cli/simulate/EL-5/EL-6/EL-7/EL-8/documented-example/b-bound", test_documented_example_b_bound);
  g_test_add_func ("/cli/simulate/VM-2/replay-errors-name-file", test_replay_errors_name_file);
  g_test_add_func ("/cli/simulate/range-bounds", test_range_bounds);
  g_test_add_func ("/cli/simulate/EL-T2/renewals-past-range", test_renewals_past_range);
  g_test_add_func ("/cli/simulate/EL-8/no-renewal", test_no_renewal);
  g_test_add_func ("/cli/simulate/VM-3/VM-4/months-in-china-time", test_months_in_china_time);
  g_test_add_func ("/cli/simulate/EL-4/VM-2/VM-5/groups", test_groups);
  g_test_add_func ("/cli/simulate/bad-files", test_bad_files);
  g_test_add_func ("/cli/simulate/bad-events", test_bad_events);
  g_test_add_func ("/cli/simulate/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/simulate/EL-7/rejected-is-not-an-input-error", test_rejected_not_input_error);

  return g_test_run ();
}
