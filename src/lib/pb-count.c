/* pb-count.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grammar: optional spaces, an optional sign, digits (ASCII or any
 * Unicode decimal digits, so full-width ones typed through a Chinese input
 * method too), optionally grouped by three with the locale's separator, a
 * comma or a space, then optional spaces.  Anything else is refused with a
 * reason; nothing is guessed at.  "1,5" is neither 15 nor 1.5: it is refused.
 */
#define G_LOG_DOMAIN "pb-count"

#include "pb-count.h"
#include "pb-error.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

typedef struct
{
  gunichar thousands;   /* the locale's own separator, or 0 */
  gunichar decimal;     /* the locale's decimal point */
} Marks;

static gboolean
is_space (gunichar c)
{
  /* U+00A0, U+202F and U+2009 are what locales group with; U+3000 is the
   * full-width space of Chinese input methods. */
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x3000;
}

static gboolean
is_group (const Marks *marks, gunichar c)
{
  if (marks->thousands != 0 && c == marks->thousands)
    return TRUE;
  if (is_space (c))
    return TRUE;
  /* A comma (or a full-width one) groups, unless the locale writes
   * decimals with it: then "1,5" is a decimal and refused as one. */
  return (c == ',' || c == 0xFF0C) && marks->decimal != ',';
}

static gboolean
is_decimal (const Marks *marks, gunichar c)
{
  if (c == marks->decimal)
    return TRUE;
  return (c == '.' || c == 0xFF0E) && marks->thousands != '.';
}

/* What was typed, as the message quotes it: a pasted page is cut short. */
static char *
quoted (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);
  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (text, 40) - text), text);
}

static gboolean
refuse (GError **error, int code, char *message)
{
  g_set_error_literal (error, PB_ERROR, code, message);
  g_free (message);
  return FALSE;
}

typedef enum { SCAN_OK, SCAN_EMPTY, SCAN_NOT_NUMBER, SCAN_DECIMALS, SCAN_GROUPING } Scan;

/* Reads the digits of @p (already trimmed) into @magnitude; @overflow is
 * set rather than wrapping, so that a syntax error still wins. */
static Scan
scan (const Marks *marks, const char *p, const char *end, gboolean *negative, guint64 *magnitude,
      gboolean *overflow)
{
  guint group = 0, separators = 0;
  gboolean digits = FALSE;
  gunichar c = p < end ? g_utf8_get_char (p) : 0;

  if (p >= end)
    return SCAN_EMPTY;
  if (c == '-' || c == 0x2212 || c == 0xFF0D || c == '+' || c == 0xFF0B)
    {
      *negative = c != '+' && c != 0xFF0B;
      p = g_utf8_next_char (p);
    }
  for (; p < end; p = g_utf8_next_char (p))
    {
      int digit;

      c = g_utf8_get_char (p);
      digit = g_unichar_digit_value (c);
      if (digit >= 0)
        {
          digits = TRUE;
          group++;
          if (__builtin_mul_overflow (*magnitude, 10, magnitude) ||
              __builtin_add_overflow (*magnitude, (guint64) digit, magnitude))
            *overflow = TRUE;
        }
      else if (is_group (marks, c))
        {
          /* The first group has one to three digits, every later one three. */
          if (group == 0 || group > 3 || (separators > 0 && group != 3))
            return SCAN_GROUPING;
          separators++;
          group = 0;
        }
      else if (is_decimal (marks, c) && digits)
        {
          for (p = g_utf8_next_char (p); p < end; p = g_utf8_next_char (p))
            if (g_unichar_digit_value (g_utf8_get_char (p)) < 0)
              return SCAN_NOT_NUMBER;
          return SCAN_DECIMALS;
        }
      else
        return SCAN_NOT_NUMBER;
    }
  if (!digits)
    return SCAN_NOT_NUMBER;
  if (separators > 0 && group != 3)
    return SCAN_GROUPING;
  return SCAN_OK;
}

static char *
example (gint64 minimum, gint64 maximum)
{
  return pb_count_format_editable (CLAMP (1500, minimum, maximum));
}

/* Parses @text as a whole number from @minimum to @maximum, as typed in a
 * locale whose grouping separator is @thousands_sep ("" for none) and whose
 * decimal point is @decimal_point.  @why_maximum ("the most a package can
 * have (VM-6)") finishes the message for a number above @maximum. */
gboolean
pb_count_parse_for_locale (const char *text, const char *thousands_sep, const char *decimal_point,
                           gint64 minimum, gint64 maximum, const char *why_maximum,
                           gint64 *result, GError **error)
{
  Marks marks = {
    thousands_sep != NULL ? g_utf8_get_char (thousands_sep) : 0,
    decimal_point != NULL && *decimal_point ? g_utf8_get_char (decimal_point) : '.',
  };
  const char *start = text != NULL ? text : "", *end;
  gboolean negative = FALSE, overflow = FALSE;
  guint64 magnitude = 0;
  g_autofree char *shown = NULL;
  g_autofree char *sample = example (minimum, maximum);

  g_return_val_if_fail (minimum <= maximum, FALSE);

  if (!g_utf8_validate (start, -1, NULL))
    return refuse (error, PB_ERROR_INPUT, g_strdup (_("the text is not valid UTF-8")));
  while (*start && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start && is_space (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  shown = quoted (text != NULL ? text : "");

  switch (scan (&marks, start, end, &negative, &magnitude, &overflow))
    {
    case SCAN_EMPTY:
      return refuse (error, PB_ERROR_INPUT, g_strdup_printf (_("type a whole number, such as %s"), sample));
    case SCAN_NOT_NUMBER:
      return refuse (error, PB_ERROR_INPUT,
                     g_strdup_printf (_("“%s” is not a whole number: type digits, such as %s"), shown, sample));
    case SCAN_DECIMALS:
      return refuse (error, PB_ERROR_INPUT,
                     g_strdup_printf (_("“%s” is not a whole number: type it without decimals"), shown));
    case SCAN_GROUPING:
      return refuse (error, PB_ERROR_INPUT,
                     g_strdup_printf (_("“%s” is not a whole number as written: group the digits by three, "
                                        "such as %s"), shown, sample));
    case SCAN_OK:
    default:
      break;
    }

  if (!negative && (magnitude > (guint64) G_MAXINT64 || (gint64) magnitude > maximum))
    overflow = TRUE;
  if (overflow && !negative)
    {
      g_autofree char *most = pb_count_format_editable (maximum);

      return refuse (error, PB_ERROR_OVERFLOW,
                     why_maximum != NULL
                     ? g_strdup_printf (_("“%s” is more than %s, %s"), shown, most, why_maximum)
                     : g_strdup_printf (_("“%s” is more than %s, the most allowed"), shown, most));
    }
  if (overflow || magnitude > (guint64) G_MAXINT64 || (negative ? -(gint64) magnitude : (gint64) magnitude) < minimum)
    {
      g_autofree char *least = pb_count_format_editable (minimum);

      return refuse (error, PB_ERROR_INPUT,
                     g_strdup_printf (_("“%s” is less than %s: type %s or more"), shown, least, least));
    }
  *result = negative ? -(gint64) magnitude : (gint64) magnitude;
  return TRUE;
}

/* The same in the program's locale (LC_NUMERIC). */
gboolean
pb_count_parse (const char *text, gint64 minimum, gint64 maximum, const char *why_maximum,
                gint64 *result, GError **error)
{
  const struct lconv *conv = localeconv ();

  return pb_count_parse_for_locale (text, conv->thousands_sep, conv->decimal_point, minimum, maximum,
                                    why_maximum, result, error);
}

/* "180,000" (or "180 000", "180000" where a comma is the decimal point):
 * the text a field starts with, which pb_count_parse() reads back. */
char *
pb_count_format_editable (gint64 value)
{
  const struct lconv *conv = localeconv ();
  const char *separator = conv->thousands_sep != NULL && *conv->thousands_sep ? conv->thousands_sep
                          : g_strcmp0 (conv->decimal_point, ",") != 0 ? "," : "";
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             value < 0 ? -(guint64) value : (guint64) value);
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}
