/* pb-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-money"

#include "pb-money.h"
#include "pb-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gboolean
overflow (GError **error)
{
  g_set_error (error, PB_ERROR, PB_ERROR_OVERFLOW,
               _("amount out of range (beyond ±¥999,999,999,999,999.999)"));
  return FALSE;
}

static gboolean
check_range (gint64 value, PbMoney *result, GError **error)
{
  if (value > PB_MONEY_MAX || value < -PB_MONEY_MAX)
    return overflow (error);
  *result = value;
  return TRUE;
}

gboolean
pb_money_add (PbMoney a, PbMoney b, PbMoney *result, GError **error)
{
  gint64 sum;

  if (__builtin_add_overflow (a, b, &sum))
    return overflow (error);
  return check_range (sum, result, error);
}

gboolean
pb_money_multiply (PbMoney amount, gint64 factor, PbMoney *result, GError **error)
{
  gint64 product;

  if (__builtin_mul_overflow (amount, factor, &product))
    return overflow (error);
  return check_range (product, result, error);
}

/* Half-up to a multiple of 10 milli-yuan; symmetric for negative amounts. */
PbMoney
pb_money_round_to_fen (PbMoney amount)
{
  gint64 rest = amount % 10;

  if (amount >= 0)
    return rest >= 5 ? amount - rest + 10 : amount - rest;
  return rest <= -5 ? amount - rest - 10 : amount - rest;
}

/* amount × percent / 100, where the percent has two decimals, rounded
 * half-up to the fen.  The product of a large amount and 10000 does not fit
 * in 64 bits, so it is formed in 128 bits (GCC and Clang on 64-bit targets). */
gboolean
pb_money_percent (PbMoney amount, gint percent_hundredths, PbMoney *result, GError **error)
{
  __int128 product = (__int128) amount * percent_hundredths;
  __int128 fen = product / 100000;            /* 10000 (percent) × 10 (milli per fen) */
  __int128 rest = product % 100000;

  if (rest >= 50000)
    fen++;
  else if (rest <= -50000)
    fen--;
  if (fen * 10 > PB_MONEY_MAX || fen * 10 < -PB_MONEY_MAX)
    return overflow (error);
  *result = (PbMoney) (fen * 10);
  return TRUE;
}

/* Appends @whole's digits to @out, with a comma every three when @grouped. */
static void
append_grouped (GString *out, const char *whole, gboolean grouped)
{
  gsize len = strlen (whole);

  for (gsize i = 0; i < len; i++)
    {
      if (grouped && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, whole[i]);
    }
}

static char *
format_digits (PbMoney amount, gboolean grouped)
{
  PbMoney rounded = pb_money_round_to_fen (amount);
  guint64 magnitude = rounded < 0 ? (guint64) -rounded : (guint64) rounded;
  g_autofree char *whole = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 1000);
  GString *out = g_string_new (rounded < 0 ? "-" : "");

  if (grouped)
    g_string_append (out, "¥");
  append_grouped (out, whole, grouped);
  g_string_append_printf (out, ".%02u", (guint) ((magnitude % 1000) / 10));
  return g_string_free (out, FALSE);
}

/* "100,000": counts of minutes, viewers and numbers as the window and the
 * documents show them, the same in every locale (as the amounts are). */
char *
pb_format_count (gint64 value)
{
  guint64 magnitude = value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;
  g_autofree char *whole = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  GString *out = g_string_new (value < 0 ? "-" : "");

  append_grouped (out, whole, TRUE);
  return g_string_free (out, FALSE);
}

/* "¥0.105", "¥50.00": a unit price as the window shows it; a per-minute
 * price keeps its third decimal (VM-6), where an amount is rounded. */
char *
pb_money_format_unit_display (PbMoney price)
{
  g_autofree char *whole = NULL;
  guint64 magnitude = price < 0 ? -(guint64) price : (guint64) price;
  GString *out;

  if (price % 10 == 0)
    return pb_money_format_display (price);
  whole = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 1000);
  out = g_string_new (price < 0 ? "-¥" : "¥");
  append_grouped (out, whole, TRUE);
  g_string_append_printf (out, ".%03u", (guint) (magnitude % 1000));
  return g_string_free (out, FALSE);
}

/* "C1", or "C1 × 100,000" for a group of identical codes, numbers or
 * packages bought at once under one id (a quote's item). */
char *
pb_format_group (const char *id, gint64 quantity)
{
  g_autofree char *count = NULL;

  if (quantity <= 1)
    return g_strdup (id);
  count = pb_format_count (quantity);
  return g_strdup_printf ("%s × %s", id, count);
}

/* "1050.00": the form of the files and the CLI. */
char *
pb_money_format (PbMoney amount)
{
  return format_digits (amount, FALSE);
}

/* "¥1,050.00": the form of the window and the documents. */
char *
pb_money_format_display (PbMoney amount)
{
  return format_digits (amount, TRUE);
}

/* The amount in Chinese capital numerals (人民币大写), as Chinese quotes and
 * invoices carry it: ¥1,050.00 → 壹仟零伍拾元整, ¥1,000.05 → 壹仟元零伍分,
 * ¥100,000,001 → 壹亿零壹元整.  A run of zeros between two non-zero digits is
 * one 零, even across a 万 or 亿 group; a group of four zeros drops its unit. */
char *
pb_money_format_chinese (PbMoney amount)
{
  static const char * const digits[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
  static const char * const units[] = { "", "拾", "佰", "仟" };
  static const char * const groups[] = { "", "万", "亿", "万亿" };
  PbMoney rounded = pb_money_round_to_fen (amount);
  guint64 magnitude = rounded < 0 ? (guint64) -rounded : (guint64) rounded;
  guint64 yuan = magnitude / 1000;
  guint jiao = (guint) (magnitude / 100 % 10);
  guint fen = (guint) (magnitude / 10 % 10);
  g_autofree char *whole = g_strdup_printf ("%" G_GUINT64_FORMAT, yuan);
  GString *out = g_string_new (rounded < 0 ? "负" : "");
  gsize len = strlen (whole);
  gboolean pending_zero = FALSE, group_used = FALSE;

  for (gsize i = 0; i < len && yuan > 0; i++)
    {
      guint digit = (guint) (whole[i] - '0');
      gsize position = len - 1 - i;

      if (digit == 0)
        pending_zero = TRUE;
      else
        {
          if (pending_zero)
            g_string_append (out, digits[0]);
          pending_zero = FALSE;
          group_used = TRUE;
          g_string_append (out, digits[digit]);
          g_string_append (out, units[position % 4]);
        }
      if (position % 4 == 0 && position > 0 && group_used)
        {
          g_string_append (out, groups[position / 4]);
          group_used = FALSE;
        }
    }

  if (yuan > 0)
    g_string_append (out, "元");
  if (jiao == 0 && fen == 0)
    g_string_append (out, yuan > 0 ? "整" : "零元整");
  else if (jiao == 0)
    g_string_append_printf (out, "%s%s分", yuan > 0 ? "零" : "", digits[fen]);
  else if (fen == 0)
    g_string_append_printf (out, "%s角整", digits[jiao]);
  else
    g_string_append_printf (out, "%s角%s分", digits[jiao], digits[fen]);
  return g_string_free (out, FALSE);
}

/* Parses "[-]digits[.d[d[d]]]" into @scale-ths; the strict grammar is on
 * purpose: "1,050", "1e3", " 5" and "0x10" are refused, never guessed at. */
static gboolean
parse_fixed (const char *text, guint decimals, gboolean allow_negative,
             gint64 limit, gint64 *result, const char *what, const char *example, GError **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 value = 0;
  guint seen_decimals = 0;
  gboolean seen_digit = FALSE;

  /* "5." and ".5" too: a point stands between digits. */
  if (text == NULL || *text == '\0')
    goto invalid;
  if (*p == '-' && allow_negative)
    {
      negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      seen_digit = TRUE;
      if (__builtin_mul_overflow (value, 10, &value) ||
          __builtin_add_overflow (value, *p - '0', &value))
        goto too_large;
    }
  if (*p == '.')
    {
      if (!seen_digit || !g_ascii_isdigit (p[1]))
        goto invalid;
      p++;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (++seen_decimals > decimals)
            {
              g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                           ngettext ("“%s” has more than %u decimal", "“%s” has more than %u decimals",
                                     decimals), text, decimals);
              return FALSE;
            }
          seen_digit = TRUE;
          if (__builtin_mul_overflow (value, 10, &value) ||
              __builtin_add_overflow (value, *p - '0', &value))
            goto too_large;
        }
    }
  if (*p != '\0' || !seen_digit)
    goto invalid;
  for (; seen_decimals < decimals; seen_decimals++)
    if (__builtin_mul_overflow (value, 10, &value))
      goto too_large;
  if (value > limit)
    goto too_large;
  *result = negative ? -value : value;
  return TRUE;

invalid:
  g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
               _("“%s” is not %s: write digits with an optional decimal point, such as “%s”"),
               text ? text : "", _(what), example);
  return FALSE;
too_large:
  g_set_error (error, PB_ERROR, PB_ERROR_OVERFLOW, _("“%s” is out of range for %s"), text, _(what));
  return FALSE;
}

gboolean
pb_money_parse (const char *text, PbMoney *result, GError **error)
{
  return parse_fixed (text, 3, TRUE, PB_MONEY_MAX, result, N_("an amount in yuan"), "1050.00", error);
}

/* a discount percent from 0 to 100 with at most two decimals. */
gboolean
pb_percent_parse (const char *text, gint *hundredths, GError **error)
{
  gint64 value;

  if (!parse_fixed (text, 2, FALSE, 10000, &value, N_("a percent from 0 to 100"), "12.5", error))
    return FALSE;
  *hundredths = (gint) value;
  return TRUE;
}

/* "5", "12.5", "12.25": the shortest form that keeps every decimal. */
char *
pb_percent_format (gint hundredths)
{
  if (hundredths % 100 == 0)
    return g_strdup_printf ("%d", hundredths / 100);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%d.%d", hundredths / 100, (hundredths % 100) / 10);
  return g_strdup_printf ("%d.%02d", hundredths / 100, hundredths % 100);
}
