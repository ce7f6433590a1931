/* test-time.c: instants in UTC+08:00 and the EL-T date rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pb-error.h"
#include "pb-time.h"

static PbInstant
at (const char *text)
{
  g_autoptr(GError) error = NULL;
  PbInstant instant = 0;

  g_assert_true (pb_time_parse (text, &instant, &error));
  g_assert_no_error (error);
  return instant;
}

static void
assert_instant (PbInstant instant, const char *expected)
{
  g_autofree char *text = pb_time_format (instant);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_time_parse_offsets (void)
{
  /* The same instant in four spellings. */
  PbInstant noon = at ("2020-01-01T12:00:00+08:00");

  g_assert_cmpint (at ("2020-01-01T04:00:00Z"), ==, noon);
  g_assert_cmpint (at ("2020-01-01T12:00:00"), ==, noon);     /* no offset: +08:00 */
  g_assert_cmpint (at ("2019-12-31T23:00:00-05:00"), ==, noon);
  g_assert_cmpint (at ("2020-01-01T12:00"), ==, noon);
  g_assert_cmpint (at ("2020-01-01T12:00:00.000+08:00"), ==, noon);
  g_assert_cmpint (at ("2020-01-01 12:00:00+08:00"), ==, noon);
  g_assert_cmpint (at ("2020-01-01T12:00:00+0800"), ==, noon);
  g_assert_cmpint (at ("2020-01-01T12:00:00+08"), ==, noon);
  /* The widest offset there is room for: 15:59 east of +08:00. */
  g_assert_cmpint (at ("2020-01-01T12:00:00+23:59"), ==, noon - (15 * 3600 + 59 * 60));
  g_assert_cmpint (noon, ==, 1577851200);
  assert_instant (noon, "2020-01-01T12:00:00+08:00");
  assert_instant (at ("2020-01-01"), "2020-01-01T00:00:00+08:00");
  /* Output is always +08:00, whatever the input's offset. */
  assert_instant (at ("2020-06-30T20:00:00-04:00"), "2020-07-01T08:00:00+08:00");
}

static void
test_time_parse_bad (void)
{
  const char *bad[] = {
    "", "2020", "2020-02-30T12:00:00+08:00", "2021-02-29", "2020-13-01", "2020-00-10",
    "2020-01-32T00:00:00", "2020-01-01T25:00:00", "yesterday", "2020/01/01",
    "2020-01-01T12:00:00+08:00 trailing", "1969-12-31T00:00:00Z", "2200-01-01T00:00:00+08:00",
    "20200101", "2020-1-1",
    /* GLib reads these as 23:59:59, as +24:00 or as week and ordinal dates. */
    "2020-12-31T23:59:60+08:00", "2020-12-31T12:00:00+24:00", "2020-12-31T12:00:00+08:60",
    "2020-12-31T24:00:00+08:00", "2020-12-31T12:60:00+08:00", "2020-W53-4T12:00:00Z", "2020-366T12:00:00Z",
    "20201231T120000Z", "2020-12-31T12:00:00.+08:00", "2020-12-31T12:00:00+8:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      PbInstant instant = 42;

      g_assert_false (pb_time_parse (bad[i], &instant, &error));
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_cmpint (instant, ==, 42);
    }
  g_assert_false (pb_time_parse (NULL, &(PbInstant) { 0 }, NULL));
}

static void
test_time_dates (void)
{
  PbInstant instant;
  g_autofree char *date = NULL;

  g_assert_true (pb_time_parse_date ("2020-02-29", &instant, NULL));
  date = pb_time_format_date (instant);
  g_assert_cmpstr (date, ==, "2020-02-29");
  g_assert_false (pb_time_parse_date ("2019-02-29", &instant, NULL));
  g_assert_false (pb_time_parse_date ("2020-04-31", &instant, NULL));
  /* Late evening in China is already the next day; the format says so. */
  assert_instant (at ("2020-12-31T16:30:00Z"), "2021-01-01T00:30:00+08:00");
}

/* For people (issue 15, item 6): no "T", no offset, seconds only when set;
 * China's time whatever the machine's zone (EL-T1). */
static void
test_time_display (void)
{
  g_autofree char *noon = pb_time_format_display (at ("2020-12-31T12:00:00+08:00"));
  g_autofree char *late = pb_time_format_display (at ("2020-12-31T16:30:30Z"));

  g_assert_cmpstr (noon, ==, "2020-12-31 12:00");
  g_assert_cmpstr (late, ==, "2021-01-01 00:30:30");
}

static void
test_time_months (void)
{
  /* EL-T3: calendar months, clamped to the month's last day. */
  assert_instant (pb_time_add_months (at ("2020-01-01T12:00:00+08:00"), 2), "2020-03-01T12:00:00+08:00");
  assert_instant (pb_time_add_months (at ("2019-12-31T00:00:00+08:00"), 2), "2020-02-29T00:00:00+08:00");
  assert_instant (pb_time_add_months (at ("2020-12-31T08:00:00+08:00"), 2), "2021-02-28T08:00:00+08:00");
  assert_instant (pb_time_add_months (at ("2020-08-31T23:59:59+08:00"), 1), "2020-09-30T23:59:59+08:00");
  assert_instant (pb_time_add_months (at ("2020-11-15T10:00:00+08:00"), 2), "2021-01-15T10:00:00+08:00");
  /* VM-9: 24 months */
  assert_instant (pb_time_add_months (at ("2020-02-29T09:00:00+08:00"), 24), "2022-02-28T09:00:00+08:00");
  assert_instant (pb_time_add_months (at ("2020-03-31T09:00:00+08:00"), -1), "2020-02-29T09:00:00+08:00");

  g_assert_cmpint (pb_time_month_index (at ("2020-01-31T23:59:59+08:00")), ==, 2020 * 12);
  g_assert_cmpint (pb_time_month_index (at ("2020-02-01T00:00:00+08:00")), ==, 2020 * 12 + 1);
  /* 2020-01-31 20:00 in New York is already February in China. */
  g_assert_cmpint (pb_time_month_index (at ("2020-01-31T20:00:00-05:00")), ==, 2020 * 12 + 1);
  assert_instant (pb_time_month_start (2020 * 12 + 11), "2020-12-01T00:00:00+08:00");
}

/* EL-T1, EL-T2, EL-T4 with the documented example's dates. */
static void
test_time_terms (void)
{
  PbTermRule rule;

  assert_instant (pb_time_term_end (PB_TERM_RULE_CALENDAR, at ("2020-01-01T12:00:00+08:00")),
                  "2020-12-31T12:00:00+08:00");
  assert_instant (pb_time_term_end (PB_TERM_RULE_CALENDAR, at ("2020-02-01T12:00:00+08:00")),
                  "2021-01-31T12:00:00+08:00");
  /* A Feb 29 becomes Feb 28. */
  assert_instant (pb_time_term_end (PB_TERM_RULE_CALENDAR, at ("2020-03-01T10:00:00+08:00")),
                  "2021-02-28T10:00:00+08:00");
  assert_instant (pb_time_term_end (PB_TERM_RULE_CALENDAR, at ("2021-03-01T10:00:00+08:00")),
                  "2022-02-28T10:00:00+08:00");
  /* The rule is the formula, not "the day before the anniversary": in a
   * leap year it still lands on Feb 28. */
  assert_instant (pb_time_term_end (PB_TERM_RULE_CALENDAR, at ("2023-03-01T10:00:00+08:00")),
                  "2024-02-28T10:00:00+08:00");
  /* Year end. */
  assert_instant (pb_time_term_end (PB_TERM_RULE_CALENDAR, at ("2021-01-01T00:00:00+08:00")),
                  "2021-12-31T00:00:00+08:00");
  assert_instant (pb_time_term_renew (PB_TERM_RULE_CALENDAR, at ("2020-12-31T12:00:00+08:00")),
                  "2021-12-31T12:00:00+08:00");
  assert_instant (pb_time_term_renew (PB_TERM_RULE_CALENDAR, at ("2024-02-29T12:00:00+08:00")),
                  "2025-02-28T12:00:00+08:00");

  /* EL-T4: in 2020, a leap year, both rules give the documented dates. */
  assert_instant (pb_time_term_end (PB_TERM_RULE_365_DAYS, at ("2020-01-01T12:00:00+08:00")),
                  "2020-12-31T12:00:00+08:00");
  assert_instant (pb_time_term_end (PB_TERM_RULE_365_DAYS, at ("2020-02-01T12:00:00+08:00")),
                  "2021-01-31T12:00:00+08:00");
  assert_instant (pb_time_term_renew (PB_TERM_RULE_365_DAYS, at ("2020-12-31T12:00:00+08:00")),
                  "2021-12-31T12:00:00+08:00");
  /* ... and differ outside it. */
  assert_instant (pb_time_term_end (PB_TERM_RULE_365_DAYS, at ("2021-01-01T12:00:00+08:00")),
                  "2022-01-01T12:00:00+08:00");

  g_assert_true (pb_term_rule_from_string ("365-days", &rule));
  g_assert_cmpint (rule, ==, PB_TERM_RULE_365_DAYS);
  g_assert_true (pb_term_rule_from_string ("calendar", &rule));
  g_assert_cmpint (rule, ==, PB_TERM_RULE_CALENDAR);
  g_assert_false (pb_term_rule_from_string ("lunar", &rule));
  g_assert_cmpstr (pb_term_rule_to_string (PB_TERM_RULE_365_DAYS), ==, "365-days");
}

/* The supported range is 1970-01-01 to 2199-12-31 in +08:00, both days
 * whole: the first and the last second are in, the seconds around are out. */
static void
test_time_range (void)
{
  const char *outside[] = {
    "1969-12-31T23:59:59+08:00", "1969-12-31T15:59:59Z", "2200-01-01T00:00:00+08:00",
    "2199-12-31T16:00:00Z", "1969-12-31", "2200-01-01", "9999-12-31T23:59:59+08:00",
  };
  PbInstant instant;

  g_assert_cmpint (at ("1970-01-01T00:00:00+08:00"), ==, PB_INSTANT_MIN);
  g_assert_cmpint (at ("1969-12-31T16:00:00Z"), ==, PB_INSTANT_MIN);
  g_assert_cmpint (at ("1970-01-01"), ==, PB_INSTANT_MIN);
  g_assert_cmpint (at ("2199-12-31T23:59:59+08:00"), ==, PB_INSTANT_MAX);
  g_assert_cmpint (at ("2199-12-31T15:59:59Z"), ==, PB_INSTANT_MAX);
  assert_instant (PB_INSTANT_MIN, "1970-01-01T00:00:00+08:00");
  assert_instant (PB_INSTANT_MAX, "2199-12-31T23:59:59+08:00");
  g_assert_true (pb_time_parse_date ("1970-01-01", &instant, NULL));
  g_assert_cmpint (instant, ==, PB_INSTANT_MIN);
  g_assert_true (pb_time_parse_date ("2199-12-31", &instant, NULL));
  assert_instant (instant, "2199-12-31T00:00:00+08:00");
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pb_time_parse (outside[i], &instant, &error));
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_nonnull (strstr (error->message, "outside the supported range"));
    }
  /* A term or a deadline from the last instant is still representable. */
  assert_instant (pb_time_term_end (PB_TERM_RULE_CALENDAR, PB_INSTANT_MAX), "2200-12-30T23:59:59+08:00");
  assert_instant (pb_time_add_months (PB_INSTANT_MAX, 24), "2201-12-31T23:59:59+08:00");
}

/* EL-T2, EL-T4: a renewal may reach the last instant, not one second
 * more; the end it would reach is still given, for the message.  Far past
 * the range the arithmetic stays exact, without GDate's CRITICAL past year
 * 65535 (which the test harness makes fatal). */
static void
test_time_renew_checked (void)
{
  PbInstant end = 0;

  g_assert_true (pb_time_term_renew_checked (PB_TERM_RULE_CALENDAR, at ("2198-12-31T23:59:59+08:00"), &end));
  g_assert_cmpint (end, ==, PB_INSTANT_MAX);
  g_assert_false (pb_time_term_renew_checked (PB_TERM_RULE_CALENDAR, at ("2199-01-01T00:00:00+08:00"), &end));
  assert_instant (end, "2200-01-01T00:00:00+08:00");
  g_assert_true (pb_time_term_renew_checked (PB_TERM_RULE_365_DAYS, PB_INSTANT_MAX - 365 * PB_SECONDS_PER_DAY, &end));
  g_assert_false (pb_time_term_renew_checked (PB_TERM_RULE_365_DAYS, PB_INSTANT_MAX - 365 * PB_SECONDS_PER_DAY + 1,
                                              &end));
  g_assert_cmpstr (pb_term_rule_renewal_id (PB_TERM_RULE_CALENDAR), ==, "EL-T2");
  g_assert_cmpstr (pb_term_rule_renewal_id (PB_TERM_RULE_365_DAYS), ==, "EL-T4");

  assert_instant (pb_time_add_months (PB_INSTANT_MAX, 70000 * 12), "72199-12-31T23:59:59+08:00");
  assert_instant (pb_time_add_years (at ("2020-02-29T12:00:00+08:00"), 70000), "72020-02-29T12:00:00+08:00");
  assert_instant (pb_time_add_years (at ("2020-02-29T12:00:00+08:00"), 69999), "72019-02-28T12:00:00+08:00");
}

/* Year 0 has no calendar in GDate: refused as a date, not a critical
 * warning (which the test harness makes fatal). */
static void
test_time_year_zero (void)
{
  const char *bad[] = { "0000-01-01", "0000-02-29", "0000-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      PbInstant instant = 42;

      g_assert_false (pb_time_parse_date (bad[i], &instant, &error));
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_cmpint (instant, ==, 42);
      g_clear_error (&error);
      g_assert_false (pb_time_parse (bad[i], &instant, &error));
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
    }
}

/* Walk every day of 1970–2199 through the civil conversion and back. */
static void
test_time_round_trip (void)
{
  g_autoptr(GDateTime) expected = g_date_time_new (pb_time_zone (), 1970, 1, 1, 0, 0, 0);

  for (PbInstant t = pb_time_from_parts (1970, 1, 1, 0, 0, 0); t < PB_INSTANT_MAX; t += PB_SECONDS_PER_DAY * 7 + 3601)
    {
      g_autoptr(GDateTime) dt = pb_time_to_date_time (t);
      g_autofree char *ours = pb_time_format (t);
      g_autofree char *glib = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S+08:00");

      g_assert_cmpstr (ours, ==, glib);
      g_assert_cmpint (pb_time_month_index (t), ==,
                       g_date_time_get_year (dt) * 12 + g_date_time_get_month (dt) - 1);
    }
  (void) expected;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time/parse/offsets", test_time_parse_offsets);
  g_test_add_func ("/time/parse/bad", test_time_parse_bad);
  g_test_add_func ("/time/dates", test_time_dates);
  g_test_add_func ("/time/EL-T1/display", test_time_display);
  g_test_add_func ("/time/EL-T3/months", test_time_months);
  g_test_add_func ("/time/EL-T1/EL-T2/EL-T4/terms", test_time_terms);
  g_test_add_func ("/time/round-trip", test_time_round_trip);
  g_test_add_func ("/time/range", test_time_range);
  g_test_add_func ("/time/year-zero", test_time_year_zero);
  g_test_add_func ("/time/EL-T2/EL-T4/renew-checked", test_time_renew_checked);
  return g_test_run ();
}
