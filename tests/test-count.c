/* test-count.c: whole numbers as people type them into fields: read exactly
 * or refused in words, never cut (Q-4; the ranges of VM-5, VM-6 and EL-5 come
 * from the headers' PB_QUOTE_ITEM_MAX_* constants)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "pb-count.h"
#include "pb-error.h"
#include "pb-quote-item.h"

/* The grouping separator and decimal point of the locales a salesperson may
 * run in, as glibc's localeconv() gives them: the test does not need the
 * locales installed. */
static const struct { const char *locale; const char *thousands; const char *decimal; } locales[] = {
  { "C", "", "." },
  { "en_US", ",", "." },
  { "zh_CN", ",", "." },
};

static gint64
parse_ok (const char *locale_thousands, const char *decimal, const char *text, gint64 max)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -42;

  if (!pb_count_parse_for_locale (text, locale_thousands, decimal, 0, max, NULL, &value, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  return value;
}

static char *
parse_refused (const char *thousands, const char *decimal, const char *text, gint64 min, gint64 max,
               int code)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -42;

  g_assert_false (pb_count_parse_for_locale (text, thousands, decimal, min, max, NULL, &value, &error));
  g_assert_error (error, PB_ERROR, code);
  g_assert_cmpint (value, ==, -42);   /* nothing is written on refusal */
  return g_strdup (error->message);
}

static void
test_count_grouping (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      const char *t = locales[i].thousands, *d = locales[i].decimal;
      gint64 max = PB_QUOTE_ITEM_MAX_MINUTES;

      g_test_message ("locale %s", locales[i].locale);
      g_assert_cmpint (parse_ok (t, d, "180,000", max), ==, 180000);
      g_assert_cmpint (parse_ok (t, d, "180000", max), ==, 180000);
      g_assert_cmpint (parse_ok (t, d, "180 000", max), ==, 180000);
      g_assert_cmpint (parse_ok (t, d, "180\u202f000", max), ==, 180000);     /* narrow no-break space */
      g_assert_cmpint (parse_ok (t, d, "1,500", max), ==, 1500);
      g_assert_cmpint (parse_ok (t, d, "1,000,000,000", max), ==, 1000000000);
      g_assert_cmpint (parse_ok (t, d, "  42  ", max), ==, 42);
      g_assert_cmpint (parse_ok (t, d, "+7", max), ==, 7);
      g_assert_cmpint (parse_ok (t, d, "0", max), ==, 0);
      g_assert_cmpint (parse_ok (t, d, "007", max), ==, 7);
      /* Full-width digits, comma and space from a Chinese input method. */
      g_assert_cmpint (parse_ok (t, d, "１８００００", max), ==, 180000);
      g_assert_cmpint (parse_ok (t, d, "１８０，０００", max), ==, 180000);
      g_assert_cmpint (parse_ok (t, d, "180\u3000000", max), ==, 180000);
    }
}

/* Where a comma is the decimal point, "1,5" is a decimal, refused, and
 * the locale's own "." groups: never read as 15 or as 1. */
static void
test_count_comma_decimal (void)
{
  g_autofree char *decimal = parse_refused (".", ",", "1,5", 0, 100000, PB_ERROR_INPUT);

  g_assert_cmpint (parse_ok (".", ",", "180.000", PB_QUOTE_ITEM_MAX_MINUTES), ==, 180000);
  g_assert_nonnull (strstr (decimal, "without decimals"));
}

static void
test_count_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      const char *t = locales[i].thousands, *d = locales[i].decimal;
      g_autofree char *letters = parse_refused (t, d, "abc", 0, 100, PB_ERROR_INPUT);
      g_autofree char *wan = parse_refused (t, d, "18万", 0, PB_QUOTE_ITEM_MAX_MINUTES, PB_ERROR_INPUT);
      g_autofree char *decimals = parse_refused (t, d, "1.5", 0, 100, PB_ERROR_INPUT);
      g_autofree char *zeros = parse_refused (t, d, "180.000", 0, PB_QUOTE_ITEM_MAX_MINUTES, PB_ERROR_INPUT);
      g_autofree char *groups = parse_refused (t, d, "1,5", 0, 100000, PB_ERROR_INPUT);
      g_autofree char *four = parse_refused (t, d, "18,0000", 0, PB_QUOTE_ITEM_MAX_MINUTES, PB_ERROR_INPUT);
      g_autofree char *empty = parse_refused (t, d, "", 0, 100, PB_ERROR_INPUT);
      g_autofree char *spaces = parse_refused (t, d, "   ", 0, 100, PB_ERROR_INPUT);

      g_assert_nonnull (strstr (letters, "“abc” is not a whole number"));
      g_assert_nonnull (strstr (wan, "“18万” is not a whole number"));
      g_assert_nonnull (strstr (decimals, "without decimals"));
      g_assert_nonnull (strstr (zeros, "without decimals"));
      g_assert_nonnull (strstr (groups, "group the digits by three"));
      g_assert_nonnull (strstr (four, "group the digits by three"));
      g_assert_nonnull (strstr (empty, "type a whole number"));
      g_assert_nonnull (strstr (spaces, "type a whole number"));
      for (guint j = 0; j < 6; j++)
        {
          static const char * const broken[] = { ",180", "180,", "1,,000", "-", "1 2 3", "0x10" };
          g_autofree char *message = parse_refused (t, d, broken[j], 0, 1000000, PB_ERROR_INPUT);
        }
    }
}

/* Signs: "-5" is refused where counts start at 0 or 1, never read as 0. */
static void
test_count_signs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *negative = parse_refused (",", ".", "-5", 0, 100, PB_ERROR_INPUT);
  g_autofree char *minus = parse_refused (",", ".", "−5", 1, 100, PB_ERROR_INPUT);   /* U+2212 */
  g_autofree char *zero = parse_refused (",", ".", "0", 1, 100, PB_ERROR_INPUT);
  gint64 value = 0;

  g_assert_cmpstr (negative, ==, "“-5” is less than 0: type 0 or more");
  g_assert_nonnull (strstr (minus, "type 1 or more"));
  g_assert_nonnull (strstr (zero, "type 1 or more"));
  g_assert_true (pb_count_parse_for_locale ("-5", ",", ".", -10, 10, NULL, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, -5);
}

/* VM-6 and every other range: the headers' limits, and far beyond int64. */
static void
test_count_overflow (void)
{
  static const gint64 limits[] = {
    PB_QUOTE_ITEM_MAX_NUMBERS, PB_QUOTE_ITEM_MAX_MONTHS, PB_QUOTE_ITEM_MAX_MINUTES,
    PB_QUOTE_ITEM_MAX_QUANTITY, PB_QUOTE_ITEM_MAX_YEARS, PB_QUOTE_ITEM_MAX_EXTRA_VIEWERS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, limits[i]);
      g_autofree char *above = g_strdup_printf ("%" G_GINT64_FORMAT, limits[i] + 1);
      g_autofree char *message = parse_refused ("", ".", above, 0, limits[i], PB_ERROR_OVERFLOW);

      g_assert_cmpint (parse_ok ("", ".", at, limits[i]), ==, limits[i]);
      g_assert_nonnull (strstr (message, "the most allowed"));
    }
  {
    g_autoptr(GError) error = NULL;
    gint64 value = -42;
    g_autofree char *huge = parse_refused ("", ".", "99999999999999999999999999", 0, 100, PB_ERROR_OVERFLOW);
    g_autofree char *most = parse_refused ("", ".", "9223372036854775808", 0, G_MAXINT64, PB_ERROR_OVERFLOW);
    g_autofree char *least = parse_refused ("", ".", "-99999999999999999999", 0, 100, PB_ERROR_INPUT);

    g_assert_false (pb_count_parse_for_locale ("99999999999", ",", ".", 0, PB_QUOTE_ITEM_MAX_MINUTES,
                                               "the most a package can have (VM-6)", &value, &error));
    g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
    g_assert_cmpstr (error->message, ==,
                     "“99999999999” is more than 1,000,000,000, the most a package can have (VM-6)");
    g_assert_cmpint (value, ==, -42);
    g_assert_cmpint (parse_ok ("", ".", "9223372036854775807", G_MAXINT64), ==, G_MAXINT64);
  }
}

/* A pasted page is quoted short in the message. */
static void
test_count_long_text (void)
{
  g_autofree char *text = g_strnfill (10000, 'x');
  g_autofree char *message = parse_refused (",", ".", text, 0, 100, PB_ERROR_INPUT);

  g_assert_cmpuint (strlen (message), <, 200);
}

/* The program's own locale (C.UTF-8 in the suite) reads what it writes. */
static void
test_count_round_trip (void)
{
  static const gint64 values[] = { 0, 7, 1000, 180000, 1000000000 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = pb_count_format_editable (values[i]);
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_assert_true (pb_count_parse (text, 0, PB_QUOTE_ITEM_MAX_MINUTES, NULL, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, values[i]);
    }
  {
    g_autofree char *text = pb_count_format_editable (180000);

    g_assert_cmpstr (text, ==, "180,000");
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/count/Q-4/grouping", test_count_grouping);
  g_test_add_func ("/count/Q-4/comma-decimal", test_count_comma_decimal);
  g_test_add_func ("/count/Q-4/refused", test_count_refused);
  g_test_add_func ("/count/Q-4/signs", test_count_signs);
  g_test_add_func ("/count/VM-6/overflow", test_count_overflow);
  g_test_add_func ("/count/long-text", test_count_long_text);
  g_test_add_func ("/count/round-trip", test_count_round_trip);
  return g_test_run ();
}
