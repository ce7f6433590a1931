/* pb-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-time"

#include "pb-time.h"
#include "pb-error.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#define CST_OFFSET (8 * 3600)

GTimeZone *
pb_time_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_offset (CST_OFFSET));
  return zone;
}

GDateTime *
pb_time_to_date_time (PbInstant instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, pb_time_zone ());
}

/* The civil fields in +08:00, computed without GDateTime: the lifecycle
 * engine asks for them millions of times and the offset never changes. */
static void
civil_from_instant (PbInstant instant, int *year, int *month, int *day, int *seconds_of_day)
{
  gint64 local = instant + CST_OFFSET;
  gint64 days = local >= 0 ? local / PB_SECONDS_PER_DAY
                           : (local - PB_SECONDS_PER_DAY + 1) / PB_SECONDS_PER_DAY;
  gint64 era, doe, yoe, doy, mp, y;

  *seconds_of_day = (int) (local - days * PB_SECONDS_PER_DAY);
  /* Howard Hinnant's days-to-civil algorithm (proleptic Gregorian). */
  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (y + (*month <= 2));
}

/* Proleptic Gregorian, for any year: GLib's GDate stops at 65535 and says
 * so with a CRITICAL. */
static int
days_in_month (gint64 year, int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

static gint64
days_from_civil (int year, int month, int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

PbInstant
pb_time_from_parts (int year, int month, int day, int hour, int minute, int second)
{
  return days_from_civil (year, month, day) * PB_SECONDS_PER_DAY
         + hour * 3600 + minute * 60 + second - CST_OFFSET;
}

static gboolean
in_range (PbInstant instant, const char *text, GError **error)
{
  if (instant < PB_INSTANT_MIN || instant > PB_INSTANT_MAX)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                   _("“%s” is outside the supported range 1970-01-01 to 2199-12-31 (+08:00)"), text);
      return FALSE;
    }
  return TRUE;
}

/* Two digits at @p, no more than @max; -1 otherwise. */
static int
two_digits (const char *p, int max)
{
  int value;

  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return -1;
  value = (p[0] - '0') * 10 + (p[1] - '0');
  return value <= max ? value : -1;
}

/* GLib takes "23:59:60" as 23:59:59 and an offset of "+24:00", and week,
 * ordinal and basic forms besides: only "YYYY-MM-DD", "T" (or a space),
 * "HH:MM[:SS[.fraction]]" and an optional "Z", "±HH:MM", "±HHMM" or "±HH"
 * pass, with every field in its range. */
static gboolean
strict_form (const char *text)
{
  const char *p = text + 11;

  if (text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' '))
    return FALSE;
  if (two_digits (p, 23) < 0 || p[2] != ':' || two_digits (p + 3, 59) < 0)
    return FALSE;
  p += 5;
  if (*p == ':')
    {
      if (two_digits (p + 1, 59) < 0)
        return FALSE;
      p += 3;
      if (*p == '.' || *p == ',')
        {
          if (!g_ascii_isdigit (p[1]))
            return FALSE;
          for (p++; g_ascii_isdigit (*p); p++)
            ;
        }
    }
  if (*p == '\0' || (p[0] == 'Z' && p[1] == '\0'))
    return TRUE;
  if ((*p != '+' && *p != '-') || two_digits (p + 1, 23) < 0)
    return FALSE;
  p += 3;
  if (*p == ':')
    p++;
  return *p == '\0' || (two_digits (p, 59) >= 0 && p[2] == '\0');
}

/* ISO 8601 with or without an offset ("2020-01-01T12:00:00+08:00",
 * "2020-01-01T04:00:00Z", "2020-01-01T12:00"); no offset means +08:00.  A
 * bare date ("2020-01-01") means its midnight in +08:00. */
gboolean
pb_time_parse (const char *text, PbInstant *result, GError **error)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *with_seconds = NULL;
  gsize length = text ? strlen (text) : 0;

  if (length < 10 || !g_ascii_isdigit (text[0]))
    goto invalid;
  if (length == 10)
    return pb_time_parse_date (text, result, error);
  if (length < 16 || !strict_form (text))
    goto invalid;
  /* GLib wants seconds; people often leave them out ("…T12:00+08:00"). */
  if (length >= 16 && text[13] == ':' && strchr ("Zz+-", text[16]) != NULL)
    with_seconds = g_strdup_printf ("%.16s:00%s", text, text + 16);
  dt = g_date_time_new_from_iso8601 (with_seconds ? with_seconds : text, pb_time_zone ());
  if (dt == NULL)
    goto invalid;
  if (!in_range (g_date_time_to_unix (dt), text, error))
    return FALSE;
  *result = g_date_time_to_unix (dt);
  return TRUE;

invalid:
  {
    /* Quote what was given, but never pass on bytes that are not UTF-8. */
    g_autofree char *shown = text ? g_utf8_make_valid (text, -1) : g_strdup ("");

    g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                 _("“%s” is not a valid date and time: write ISO 8601 with a real calendar date, a time "
                   "from 00:00:00 to 23:59:59 and an offset within ±23:59, such as 2020-01-01T12:00:00+08:00"),
                 shown);
  }
  return FALSE;
}

/* "YYYY-MM-DD", strictly, and a day that exists (no Feb 30). */
gboolean
pb_time_parse_date (const char *text, PbInstant *result, GError **error)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    goto invalid;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      goto invalid;
  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  /* Year 0 is no year for GDate (and far outside the range anyway). */
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month (year, month))
    goto invalid;
  *result = pb_time_from_parts (year, month, day, 0, 0, 0);
  return in_range (*result, text, error);

invalid:
  {
    g_autofree char *shown = text ? g_utf8_make_valid (text, -1) : g_strdup ("");

    g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                 _("“%s” is not a valid date: write YYYY-MM-DD with a day that exists, such as 2020-02-29"),
                 shown);
  }
  return FALSE;
}

char *
pb_time_format (PbInstant instant)
{
  int y, m, d, sod;

  civil_from_instant (instant, &y, &m, &d, &sod);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d+08:00",
                          y, m, d, sod / 3600, sod / 60 % 60, sod % 60);
}

/* What a person types into a date field: "2027-01-15" (00:00),
 * "2027-01-15 18:00", or the ISO form; all in UTC+08:00 unless an offset
 * is given.  Leading and trailing spaces are not part of the date. */
gboolean
pb_time_parse_display (const char *text, PbInstant *result, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize length = strlen (trimmed);

  if (length < 11 || trimmed[10] != ' ')
    return pb_time_parse (trimmed, result, error);
  /* The form pb_time_format_display() writes, seconds optional. */
  if ((length == 16 || length == 19) && strspn (trimmed + 11, "0123456789:") == length - 11)
    {
      g_autofree char *iso = g_strdup_printf ("%.10sT%s%s+08:00", trimmed, trimmed + 11,
                                              length == 16 ? ":00" : "");

      if (pb_time_parse (iso, result, NULL))
        return TRUE;
    }
  {
    g_autofree char *shown = g_utf8_make_valid (trimmed, -1);

    g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                 _("“%s” is not a valid date and time: write YYYY-MM-DD HH:MM, such as 2027-01-15 18:00"),
                 shown);
  }
  return FALSE;
}

char *
pb_time_format_date (PbInstant instant)
{
  int y, m, d, sod;

  civil_from_instant (instant, &y, &m, &d, &sod);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

char *
pb_time_format_display (PbInstant instant)
{
  int y, m, d, sod;

  civil_from_instant (instant, &y, &m, &d, &sod);
  if (sod % 60 != 0)
    return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d", y, m, d, sod / 3600, sod / 60 % 60, sod % 60);
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", y, m, d, sod / 3600, sod / 60 % 60);
}

PbInstant
pb_time_add_days (PbInstant instant, int days)
{
  /* A fixed offset has no daylight saving: a day is always 86400 s. */
  return instant + (gint64) days * PB_SECONDS_PER_DAY;
}

/* Calendar months, the day clamped to the last day of the target month
 * (EL-T3, VM-9): Dec 31 + 2 months = Feb 29 in a leap year.  Callers keep
 * the result near the supported range (pb_time_term_renew_checked() for
 * sums); the arithmetic itself stays exact for any instant from it and
 * any int of months. */
PbInstant
pb_time_add_months (PbInstant instant, int months)
{
  int y, m, d, sod;
  gint64 index;

  civil_from_instant (instant, &y, &m, &d, &sod);
  index = (gint64) y * 12 + (m - 1) + months;
  y = (int) (index >= 0 ? index / 12 : (index - 11) / 12);
  m = (int) (index - (gint64) y * 12) + 1;
  return pb_time_from_parts (y, m, MIN (d, days_in_month (y, m)), 0, 0, 0) + sod;
}

PbInstant
pb_time_add_years (PbInstant instant, int years)
{
  return pb_time_add_months (instant, years * 12);
}

int
pb_time_month_index (PbInstant instant)
{
  int y, m, d, sod;

  civil_from_instant (instant, &y, &m, &d, &sod);
  return y * 12 + (m - 1);
}

PbInstant
pb_time_month_start (int month_index)
{
  return pb_time_from_parts (month_index / 12, month_index % 12 + 1, 1, 0, 0, 0);
}

/* EL-T1: "one year" from S ends at (S − 1 day) + 1 calendar year, so
 * 2020-01-01 12:00 → 2020-12-31 12:00.  EL-T4: or S + 365 days. */
PbInstant
pb_time_term_end (PbTermRule rule, PbInstant start)
{
  if (rule == PB_TERM_RULE_365_DAYS)
    return pb_time_add_days (start, 365);
  return pb_time_add_years (pb_time_add_days (start, -1), 1);
}

/* EL-T2: a renewal while valid adds one year to the current end. */
PbInstant
pb_time_term_renew (PbTermRule rule, PbInstant old_end)
{
  if (rule == PB_TERM_RULE_365_DAYS)
    return pb_time_add_days (old_end, 365);
  return pb_time_add_years (old_end, 1);
}

/* Renewals are the one place where dates add up without bound (300
 * purchases, 3 × 100 years): each one is checked against the range. */
gboolean
pb_time_term_renew_checked (PbTermRule rule, PbInstant old_end, PbInstant *new_end)
{
  /* @old_end is at most a term past the range: the sum is exact. */
  *new_end = pb_time_term_renew (rule, old_end);
  return *new_end <= PB_INSTANT_MAX;
}

const char *
pb_term_rule_renewal_id (PbTermRule rule)
{
  return rule == PB_TERM_RULE_365_DAYS ? "EL-T4" : "EL-T2";
}

gboolean
pb_term_rule_from_string (const char *text, PbTermRule *rule)
{
  if (g_strcmp0 (text, "calendar") == 0)
    *rule = PB_TERM_RULE_CALENDAR;
  else if (g_strcmp0 (text, "365-days") == 0)
    *rule = PB_TERM_RULE_365_DAYS;
  else
    return FALSE;
  return TRUE;
}

const char *
pb_term_rule_to_string (PbTermRule rule)
{
  return rule == PB_TERM_RULE_365_DAYS ? "365-days" : "calendar";
}
