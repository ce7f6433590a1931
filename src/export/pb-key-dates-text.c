/* pb-key-dates-text.c: key dates in words, and as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar file follows RFC 5545 to the letter where calendars are
 * strict about it: CRLF after every line, content lines folded before
 * their 76th octet (never inside a UTF-8 character), TEXT values with
 * backslash, semicolon, comma and newline escaped, DTSTAMP and DTSTART in
 * UTC.  The instants stay exact: a calendar shows them in its own zone,
 * and the summary repeats them in China Standard Time, the guides' time.
 */
#define G_LOG_DOMAIN "pb-key-dates"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pb-key-dates-text.h"
#include "pb-money.h"
#include "pb-translation.h"

/* ------------------------------------------------------------------ */
/* Words                                                              */

static const char *
phrase_format (const PbKeyDate *date, const char *language)
{
  gulong n = (gulong) MAX (date->quantity, 1);

  switch (date->kind)
    {
    case PB_KEY_DATE_BIND_DEADLINE:
      /* TRANSLATORS: %s is a code's name; the date follows */
      return date->lapses ? pb_ntranslate (language, "Code %s is void unless bound by",
                                           "Codes %s are void unless bound by", n)
                          : pb_ntranslate (language, "Bind code %s by", "Bind codes %s by", n);
    case PB_KEY_DATE_CODE_EXPIRES:
      return pb_ntranslate (language, "Code %s expires", "Codes %s expire", n);
    case PB_KEY_DATE_BASE_FEE_EXPIRES:
      return pb_translate (language, "Renew the base fee by");
    case PB_KEY_DATE_PACKAGE_EXPIRES:
      /* TRANSLATORS: %s is a minute package's name; the date follows */
      return pb_ntranslate (language, "Package %s usable until", "Packages %s usable until", n);
    case PB_KEY_DATE_SUSPENSION_STARTS:
      return pb_ntranslate (language, "Code %s suspended from", "Codes %s suspended from", n);
    case PB_KEY_DATE_SUSPENSION_ENDS:
      return pb_ntranslate (language, "Code %s usable again from", "Codes %s usable again from", n);
    case PB_KEY_DATE_N_KINDS:
    default:
      g_return_val_if_reached ("%s");
    }
}

char *
pb_key_date_phrase (const PbKeyDate *date, const char *language)
{
  g_autofree char *subject = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  subject = pb_format_group (date->subject ? date->subject : "", date->quantity);
  return g_strdup_printf (phrase_format (date, language), subject);
}

const char *
pb_key_date_kind_phrase (PbKeyDateKind kind, const char *language)
{
  switch (kind)
    {
    case PB_KEY_DATE_BIND_DEADLINE: return pb_translate (language, "Bind codes by");
    case PB_KEY_DATE_CODE_EXPIRES: return pb_translate (language, "Codes expire");
    case PB_KEY_DATE_BASE_FEE_EXPIRES: return pb_translate (language, "Renew the base fee by");
    case PB_KEY_DATE_PACKAGE_EXPIRES: return pb_translate (language, "Packages usable until");
    case PB_KEY_DATE_SUSPENSION_STARTS: return pb_translate (language, "Codes suspended from");
    case PB_KEY_DATE_SUSPENSION_ENDS: return pb_translate (language, "Codes usable again from");
    case PB_KEY_DATE_N_KINDS:
    default: g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------------------ */
/* iCalendar                                                          */

#define ICS_LINE_OCTETS 75

/* Appends "NAME:VALUE" folded (RFC 5545 3.1): a line longer than 75
 * octets continues on the next after CRLF and one space, cut between
 * characters, not inside one. */
static void
add_line (GString *out, const char *name, const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  const char *p = line;
  gsize room = ICS_LINE_OCTETS;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gsize size = (gsize) (next - p);

      if (size > room)
        {
          g_string_append (out, "\r\n ");
          room = ICS_LINE_OCTETS - 1;
        }
      g_string_append_len (out, p, (gssize) size);
      room -= size;
      p = next;
    }
  g_string_append (out, "\r\n");
}

/* A TEXT value (RFC 5545 3.3.11). */
static char *
escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ';': g_string_append (out, "\\;"); break;
      case ',': g_string_append (out, "\\,"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': break;
      default: g_string_append_c (out, *p); break;
      }
  return g_string_free (out, FALSE);
}

static void
add_text (GString *out, const char *name, const char *text)
{
  g_autofree char *escaped = escape_text (text);

  add_line (out, name, escaped);
}

/* A DATE-TIME in UTC: 20200301T040000Z. */
static char *
utc_stamp (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static char *
uid (const PbKeyDate *date, const char *title)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, date->at);
  const char *parts[] = {
    title ? title : "", pb_key_date_kind_to_string (date->kind), date->subject ? date->subject : "", at,
  };

  /* Each part after its length, so that no two different inputs hash the same text. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *length = g_strdup_printf ("%zu:", strlen (parts[i]));

      g_checksum_update (checksum, (const guchar *) length, -1);
      g_checksum_update (checksum, (const guchar *) parts[i], -1);
    }
  return g_strdup_printf ("%.32s@pricebook.invalid", g_checksum_get_string (checksum));
}

static void
add_event (GString *out, const PbKeyDate *date, const char *title, const char *language, const char *stamp)
{
  g_autoptr(GDateTime) when = pb_time_to_date_time (date->at);
  g_autofree char *id = uid (date, title);
  g_autofree char *start = utc_stamp (when);
  g_autofree char *phrase = pb_key_date_phrase (date, language);
  g_autofree char *local = g_date_time_format (when, "%Y-%m-%d %H:%M");
  g_autofree char *summary = g_strdup_printf ("%s %s", phrase, local);
  g_autofree char *description = NULL;

  /* TRANSLATORS: a calendar event's description: the rule ID, then the
   * scenario's or quote's title */
  description = g_strdup_printf (pb_translate (language, "Rule %s. %s\nTimes are China Standard Time (UTC+08:00)."),
                                 date->rule, title ? title : "");
  add_line (out, "BEGIN", "VEVENT");
  add_line (out, "UID", id);
  add_line (out, "DTSTAMP", stamp);
  add_line (out, "DTSTART", start);
  add_text (out, "SUMMARY", summary);
  add_text (out, "DESCRIPTION", description);
  add_line (out, "TRANSP", "TRANSPARENT");
  /* A week's notice: binding and renewing take a customer some doing. */
  add_line (out, "BEGIN", "VALARM");
  add_line (out, "ACTION", "DISPLAY");
  add_line (out, "TRIGGER", "-P7D");
  add_text (out, "DESCRIPTION", summary);
  add_line (out, "END", "VALARM");
  add_line (out, "END", "VEVENT");
}

char *
pb_key_dates_to_ics (const PbKeyDate *dates, guint n_dates, const char *title, const char *language,
                     GDateTime *stamp)
{
  g_autoptr(GDateTime) now = stamp ? g_date_time_ref (stamp) : g_date_time_new_now_utc ();
  g_autofree char *dtstamp = utc_stamp (now);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (dates != NULL || n_dates == 0, NULL);

  add_line (out, "BEGIN", "VCALENDAR");
  add_line (out, "VERSION", "2.0");
  add_line (out, "PRODID", "-//Pricebook//Key dates//EN");
  add_line (out, "CALSCALE", "GREGORIAN");
  add_line (out, "METHOD", "PUBLISH");
  if (title != NULL)
    add_text (out, "X-WR-CALNAME", title);
  for (guint i = 0; i < n_dates; i++)
    add_event (out, &dates[i], title, language, dtstamp);
  add_line (out, "END", "VCALENDAR");
  return g_string_free (out, FALSE);
}
