/* test-cli-key-dates.c: pricebook-cli key-dates, its words and its calendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract's JSON for the documented example instant by instant, a
 * quote's projection, and the iCalendar file checked the way a strict
 * reader would: CRLF, folding at 75 octets, escaping, one VEVENT a date.
 */
#include <string.h>

#include "pb-key-dates-text.h"
#include "pb-test-cli.h"
#include "pb-translation.h"

static char *
shipped_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", name, NULL);
}

static JsonArray *
key_dates (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  g_assert_cmpuint (json_object_get_size (object), ==, 1);
  return json_object_get_array_member (object, "key_dates");
}

typedef struct
{
  const char *at, *kind, *subject, *rule;
} Expected;

static void
assert_key_dates (JsonNode *root, const Expected *expected, guint n)
{
  JsonArray *dates = key_dates (root);

  g_assert_cmpuint (json_array_get_length (dates), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *date = json_array_get_object_element (dates, i);

      g_assert_cmpstr (json_object_get_string_member (date, "at"), ==, expected[i].at);
      g_assert_cmpstr (json_object_get_string_member (date, "kind"), ==, expected[i].kind);
      if (expected[i].subject == NULL)
        g_assert_true (json_object_get_null_member (date, "subject"));
      else
        g_assert_cmpstr (json_object_get_string_member (date, "subject"), ==, expected[i].subject);
      g_assert_cmpstr (json_object_get_string_member (date, "rule"), ==, expected[i].rule);
    }
}

static const Expected customer_a[] = {
  { "2020-03-01T12:00:00+08:00", "bind_deadline", "A", "EL-7" },
  { "2020-07-01T15:00:00+08:00", "bind_deadline", "B", "EL-7" },
  { "2021-01-31T12:00:00+08:00", "code_expires", "A", "EL-8" },
  { "2021-12-31T12:00:00+08:00", "base_fee_expires", NULL, "EL-10" },
};

/* `key-dates PATH --from FROM` (FROM NULL: no --from) lists @expected. */
static void
assert_key_dates_from (const char *path, const char *from, const Expected *expected, guint n)
{
  g_auto(PbCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  if (from != NULL)
    pb_cli_run (&run, "key-dates", path, "--from", from, "--format", "json", NULL);
  else
    pb_cli_run (&run, "key-dates", path, NULL);
  root = pb_cli_run_json (&run);
  assert_key_dates (root, expected, n);
}

/* The documented example: A to bind by 2020-03-01 12:00 (EL-7, EL-T3), B by
 * 2020-07-01 15:00, A expiring a year after binding (EL-8, EL-T1), the
 * renewed base fee at 2021-12-31 12:00 (EL-10, EL-T2). */
static void
test_customer_a (void)
{
  g_autofree char *path = shipped_path ("customer-a.pbscenario");

  assert_key_dates_from (path, NULL, customer_a, G_N_ELEMENTS (customer_a));
  /* --from keeps what is at or after it; no offset means +08:00. */
  assert_key_dates_from (path, "2020-07-01T15:00:00", customer_a + 1, G_N_ELEMENTS (customer_a) - 1);
}

/* EL-7: once A is bound (2020-02-01 12:00) its deadline is nothing to do:
 * --from after the binding lists no bind_deadline for A, but still B's,
 * which is never bound; --from just before the binding still lists A's. */
static void
test_bound_before_from (void)
{
  g_autofree char *path = shipped_path ("customer-a.pbscenario");

  assert_key_dates_from (path, "2020-02-02T00:00:00+08:00", customer_a + 1, G_N_ELEMENTS (customer_a) - 1);
  assert_key_dates_from (path, "2020-02-01T11:59:59+08:00", customer_a, G_N_ELEMENTS (customer_a));
}

/* A quote's projection, under a name that does not say it is a quote:
 * what it sells is bought on its date, so every code is to be bound two
 * months later (EL-7), the base fee renewed a year later (EL-3), packages
 * used within 24 months (VM-9); an item of two codes is one group. */
static void
test_quote (void)
{
  static const Expected expected[] = {
    { "2026-05-16T00:00:00+08:00", "bind_deadline", "G1", "EL-7" },
    { "2026-05-16T00:00:00+08:00", "bind_deadline", "C1", "EL-7" },
    { "2027-03-15T00:00:00+08:00", "base_fee_expires", NULL, "EL-3" },
    { "2028-03-16T00:00:00+08:00", "package_expires", "P1", "VM-9" },
    { "2028-03-16T00:00:00+08:00", "package_expires", "P2", "VM-9" },
  };
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "quotes", "sample.pricebook", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_auto(PbCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  path = pb_test_write_temp ("quote.json", contents, -1);
  pb_cli_run (&run, "key-dates", path, NULL);
  root = pb_cli_run_json (&run);
  assert_key_dates (root, expected, G_N_ELEMENTS (expected));
  /* The two standard codes of one item are one group (issue 16.5). */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (key_dates (root), 1), "quantity"),
                   ==, 2);
  g_assert_false (json_object_has_member (json_array_get_object_element (key_dates (root), 0), "quantity"));
}

/* A customer who holds a base fee until 2027-03-31 (EL-7): its end is a
 * key date, but the code Pricebook imagines for it is no date at all. */
static void
test_quote_held_base_fee (void)
{
  static const Expected expected[] = {
    { "2027-01-22T00:00:00+08:00", "bind_deadline", "C1", "EL-7" },
    { "2027-03-31T00:00:00+08:00", "base_fee_expires", NULL, "EL-3" },
  };
  g_autofree char *path = pb_test_write_temp ("held.pricebook",
    "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q-1\", \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
    "  \"customer\": { \"name\": \"甲\", \"enterprise\": true }, \"currency\": \"CNY\",\n"
    "  \"account\": { \"live_base_fee_until\": \"2027-03-31T00:00:00+08:00\" },\n"
    "  \"items\": [ { \"product\": \"live\", \"kind\": \"code\", \"tier\": \"flagship\" } ] }", -1);
  g_auto(PbCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  pb_cli_run (&run, "key-dates", path, NULL);
  root = pb_cli_run_json (&run);
  assert_key_dates (root, expected, G_N_ELEMENTS (expected));
}

/* Wrong input: exit 2, nothing on stdout, the reason on stderr. */
static void
test_errors (void)
{
  g_autofree char *path = shipped_path ("customer-a.pbscenario");
  g_autofree char *broken = pb_test_write_temp ("broken.json",
    "{ \"format\": \"pricebook-quote/1\", \"number\": 5 }", -1);
  g_auto(PbCliRun) format = { 0 };
  g_auto(PbCliRun) from = { 0 };
  g_auto(PbCliRun) missing = { 0 };
  g_auto(PbCliRun) bad = { 0 };

  pb_cli_run (&format, "key-dates", path, "--format", "xml", NULL);
  pb_assert_input_error (&format, "--format", "xml", NULL);
  pb_cli_run (&from, "key-dates", path, "--from", "yesterday", NULL);
  pb_assert_input_error (&from, "--from", NULL);
  pb_cli_run (&missing, "key-dates", "/nonexistent/x.pbscenario", NULL);
  pb_assert_input_error (&missing, "/nonexistent/x.pbscenario", NULL);
  /* A broken quote is reported as a quote, not as a scenario of the wrong format. */
  pb_cli_run (&bad, "key-dates", broken, NULL);
  pb_assert_input_error (&bad, "broken.json", "number", NULL);
}

/* ------------------------------------------------------------------ */
/* iCalendar                                                          */

/* The file's logical lines: every physical line ends in CRLF and holds at
 * most 75 octets of whole UTF-8 characters; a line starting with a space
 * continues the previous one (RFC 5545 3.1). */
static GPtrArray *
unfold (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  while (*p != '\0')
    {
      const char *end = strstr (p, "\r\n");
      g_autofree char *line = NULL;

      g_assert_nonnull (end);
      line = g_strndup (p, end - p);
      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_cmpuint (strlen (line), <=, 75);
      g_assert_true (g_utf8_validate (line, -1, NULL));
      if (line[0] == ' ')
        {
          char *joined;

          g_assert_cmpuint (lines->len, >, 0);
          joined = g_strconcat (g_ptr_array_index (lines, lines->len - 1), line + 1, NULL);
          g_free (g_ptr_array_index (lines, lines->len - 1));
          lines->pdata[lines->len - 1] = joined;
        }
      else
        g_ptr_array_add (lines, g_steal_pointer (&line));
      p = end + 2;
    }
  return lines;
}

static guint
count_lines (GPtrArray *lines, const char *line)
{
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    n += g_str_equal (g_ptr_array_index (lines, i), line);
  return n;
}

static const char *
first_with_prefix (GPtrArray *lines, const char *prefix)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (lines, i), prefix))
      return g_ptr_array_index (lines, i);
  return NULL;
}

static GPtrArray *
uids (GPtrArray *lines)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < lines->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (lines, i), "UID:"))
      g_ptr_array_add (found, g_ptr_array_index (lines, i));
  return found;
}

/* One VEVENT per key date, each with a UID, a DTSTAMP and its instant in
 * UTC; UIDs differ from one another and stay the same from run to run. */
static void
test_ics (void)
{
  g_autofree char *path = shipped_path ("customer-a.pbscenario");
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) again = { 0 };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) lines_again = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  pb_cli_run (&run, "key-dates", path, "--format", "ics", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = unfold (run.out);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");
  g_assert_cmpuint (count_lines (lines, "VERSION:2.0"), ==, 1);
  g_assert_nonnull (first_with_prefix (lines, "PRODID:"));
  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, G_N_ELEMENTS (customer_a));
  g_assert_cmpuint (count_lines (lines, "END:VEVENT"), ==, G_N_ELEMENTS (customer_a));
  g_assert_cmpuint (count_lines (lines, "DTSTART:20200301T040000Z"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "DTSTART:20211231T040000Z"), ==, 1);
  g_assert_cmpstr (first_with_prefix (lines, "SUMMARY:"), ==, "SUMMARY:Bind code A by 2020-03-01 12:00");
  g_assert_cmpstr (first_with_prefix (lines, "DTSTAMP:") + strlen ("DTSTAMP:YYYYMMDDTHHMMSS"), ==, "Z");
  first = uids (lines);
  g_assert_cmpuint (first->len, ==, G_N_ELEMENTS (customer_a));
  for (guint i = 0; i < first->len; i++)
    for (guint j = i + 1; j < first->len; j++)
      g_assert_cmpstr (g_ptr_array_index (first, i), !=, g_ptr_array_index (first, j));

  pb_cli_run (&again, "key-dates", path, "--format", "ics", NULL);
  lines_again = unfold (again.out);
  second = uids (lines_again);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (g_ptr_array_index (first, i), ==, g_ptr_array_index (second, i));
}

/* Long Chinese text with the characters TEXT escapes is folded between
 * characters and escaped; unfolded, it reads as it was. */
static void
test_ics_folding (void)
{
  const char *title = "客户甲的关键日期, 包括绑定、续费; 以及套餐包到期\\提醒：" "一个很长很长的标题";
  PbKeyDate date = { 0 };
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 12, 6, 1, 2, 3);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  date.at = pb_time_from_parts (2020, 3, 1, 12, 0, 0);
  date.kind = PB_KEY_DATE_BIND_DEADLINE;
  date.subject = "甲,乙;丙";
  date.rule = "EL-7";
  date.quantity = 1;
  text = pb_key_dates_to_ics (&date, 1, title, PB_TRANSLATION_CHINESE, stamp);
  lines = unfold (text);
  g_assert_cmpstr (first_with_prefix (lines, "X-WR-CALNAME:"), ==,
                   "X-WR-CALNAME:客户甲的关键日期\\, 包括绑定、续费\\; 以及套餐包到期\\\\提醒：一个很长很长的标题");
  g_assert_cmpstr (first_with_prefix (lines, "DTSTAMP:"), ==, "DTSTAMP:20261206T010203Z");
  g_assert_cmpstr (first_with_prefix (lines, "SUMMARY:"), ==, "SUMMARY:激活码 甲\\,乙\\;丙 绑定截止 2020-03-01 12:00");
  /* The folding did happen: the calendar's name takes more than one line. */
  g_assert_nonnull (strstr (text, "\r\n "));
}

/* ------------------------------------------------------------------ */
/* Words                                                              */

/* One phrase per kind, in the document's language whatever the program's. */
static void
test_phrases (void)
{
  static const struct
  {
    PbKeyDateKind kind;
    const char   *subject;
    gint64        quantity;
    gboolean      lapses;
    const char   *english;
    const char   *chinese;
  } cases[] = {
    { PB_KEY_DATE_BIND_DEADLINE, "A", 1, FALSE, "Bind code A by", "激活码 A 绑定截止" },
    { PB_KEY_DATE_BIND_DEADLINE, "B", 1, TRUE, "Code B is void unless bound by", "激活码 B 未在此前绑定即失效" },
    { PB_KEY_DATE_BIND_DEADLINE, "C1", 100000, FALSE, "Bind codes C1 × 100,000 by", "激活码 C1 × 100,000 绑定截止" },
    { PB_KEY_DATE_CODE_EXPIRES, "A", 1, FALSE, "Code A expires", "激活码 A 到期" },
    { PB_KEY_DATE_BASE_FEE_EXPIRES, NULL, 1, FALSE, "Renew the base fee by", "基础年费续费截止" },
    { PB_KEY_DATE_PACKAGE_EXPIRES, "P1", 1, FALSE, "Package P1 usable until", "套餐包 P1 可用至" },
    { PB_KEY_DATE_PACKAGE_EXPIRES, "P1", 2, FALSE, "Packages P1 × 2 usable until", "套餐包 P1 × 2 可用至" },
    { PB_KEY_DATE_SUSPENSION_STARTS, "A", 1, FALSE, "Code A suspended from", "激活码 A 暂停使用自" },
    { PB_KEY_DATE_SUSPENSION_ENDS, "A", 1, FALSE, "Code A usable again from", "激活码 A 恢复可用自" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PbKeyDate date = { 0, cases[i].kind, cases[i].subject, "EL-7", cases[i].lapses, cases[i].quantity };
      g_autofree char *english = pb_key_date_phrase (&date, PB_TRANSLATION_ENGLISH);
      g_autofree char *chinese = pb_key_date_phrase (&date, PB_TRANSLATION_CHINESE);

      g_assert_cmpstr (english, ==, cases[i].english);
      g_assert_cmpstr (chinese, ==, cases[i].chinese);
    }
  g_assert_cmpstr (pb_key_date_kind_phrase (PB_KEY_DATE_BIND_DEADLINE, PB_TRANSLATION_ENGLISH), ==, "Bind codes by");
  g_assert_cmpstr (pb_key_date_kind_phrase (PB_KEY_DATE_PACKAGE_EXPIRES, PB_TRANSLATION_CHINESE), ==, "套餐包可用至");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/key-dates/EL-7/EL-8/EL-10/customer-a", test_customer_a);
  g_test_add_func ("/cli/key-dates/EL-7/bound-before-from", test_bound_before_from);
  g_test_add_func ("/cli/key-dates/EL-3/EL-7/VM-9/quote", test_quote);
  g_test_add_func ("/cli/key-dates/EL-7/held-base-fee", test_quote_held_base_fee);
  g_test_add_func ("/cli/key-dates/errors", test_errors);
  g_test_add_func ("/cli/key-dates/ics", test_ics);
  g_test_add_func ("/cli/key-dates/ics-folding", test_ics_folding);
  g_test_add_func ("/cli/key-dates/phrases", test_phrases);
  return g_test_run ();
}
