/* pb-tax.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-tax"

#include "pb-tax.h"

#include <glib/gi18n-lib.h>

#include "pb-error.h"

G_DEFINE_ENUM_TYPE (PbTaxBasis, pb_tax_basis,
  G_DEFINE_ENUM_VALUE (PB_TAX_INCLUSIVE, "inclusive"),
  G_DEFINE_ENUM_VALUE (PB_TAX_EXCLUSIVE, "exclusive"))

const char *
pb_tax_basis_to_string (PbTaxBasis basis)
{
  return basis == PB_TAX_EXCLUSIVE ? "exclusive" : "inclusive";
}

gboolean
pb_tax_basis_from_string (const char *text, PbTaxBasis *basis)
{
  if (g_strcmp0 (text, "inclusive") == 0)
    *basis = PB_TAX_INCLUSIVE;
  else if (g_strcmp0 (text, "exclusive") == 0)
    *basis = PB_TAX_EXCLUSIVE;
  else
    return FALSE;
  return TRUE;
}

/* @numerator / @denominator (> 0), rounded half-up (half away from zero, as
 * pb_money_round_to_fen rounds). */
static __int128
divide_half_up (__int128 numerator, __int128 denominator)
{
  __int128 quotient = numerator / denominator;
  __int128 rest = numerator % denominator;

  if (numerator >= 0 && 2 * rest >= denominator)
    quotient++;
  else if (numerator < 0 && -2 * rest >= denominator)
    quotient--;
  return quotient;
}

/* A count of fen as PbMoney, or an overflow. */
static gboolean
fen_to_money (__int128 fen, PbMoney *result, GError **error)
{
  if (fen * 10 > PB_MONEY_MAX || fen * 10 < -PB_MONEY_MAX)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_OVERFLOW,
                   _("amount out of range (beyond ±¥999,999,999,999,999.999) (Q-7)"));
      return FALSE;
    }
  *result = (PbMoney) (fen * 10);
  return TRUE;
}

/* The products below are at most 10^17 fen × 2 × 10^4: 128 bits hold them
 * with room to spare (GCC and Clang on 64-bit targets, as pb-money.c). */
gboolean
pb_tax_compute (PbMoney total, PbTaxBasis basis, gint rate, PbMoney *net, PbMoney *tax, PbMoney *gross,
                GError **error)
{
  __int128 t = pb_money_round_to_fen (total) / 10;   /* T, in fen */
  __int128 n, x, g;
  PbMoney n_money, x_money, g_money;

  g_return_val_if_fail (net != NULL && tax != NULL && gross != NULL, FALSE);

  if (rate < 0 || rate > PB_TAX_MAX_RATE)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("a tax rate is 0 to 100 %%, not %d.%02d %% (Q-7)"),
                   rate / 100, ABS (rate % 100));
      return FALSE;
    }
  if (basis == PB_TAX_INCLUSIVE)
    {
      /* net = T / (1 + r) = T × 10000 / (10000 + rate) */
      g = t;
      n = divide_half_up (t * 10000, 10000 + (__int128) rate);
      x = g - n;
    }
  else
    {
      /* tax = T × r = T × rate / 10000 */
      n = t;
      x = divide_half_up (t * rate, 10000);
      g = n + x;
    }
  if (!fen_to_money (n, &n_money, error) || !fen_to_money (x, &x_money, error) ||
      !fen_to_money (g, &g_money, error))
    return FALSE;
  *net = n_money;
  *tax = x_money;
  *gross = g_money;
  return TRUE;
}
