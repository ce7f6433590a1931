/* pb-money.h: exact money in thousandths of a yuan (厘)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unit prices such as ¥0.105/min need three decimals, so money is an int64
 * count of milli-yuan.  Amounts are shown with two decimals, rounded half-up
 * (四舍五入) to the fen once, at the end.  Every operation that could leave
 * the range ±PB_MONEY_MAX is checked and reports PB_ERROR_OVERFLOW instead of
 * wrapping.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint64 PbMoney;

/* ±10^15 yuan: far beyond any quote, and far enough from G_MAXINT64 that
 * rounding and formatting never overflow. */
#define PB_MONEY_MAX ((PbMoney) 999999999999999999)
#define PB_MONEY_FROM_YUAN(y) ((PbMoney) (y) * 1000)

gboolean pb_money_add            (PbMoney      a,
                                  PbMoney      b,
                                  PbMoney     *result,
                                  GError     **error);
gboolean pb_money_multiply       (PbMoney      amount,
                                  gint64       factor,
                                  PbMoney     *result,
                                  GError     **error);
gboolean pb_money_percent        (PbMoney      amount,
                                  gint         percent_hundredths,
                                  PbMoney     *result,
                                  GError     **error);
PbMoney  pb_money_round_to_fen   (PbMoney      amount);
char    *pb_money_format         (PbMoney      amount);
char    *pb_money_format_display (PbMoney      amount);
char    *pb_money_format_chinese (PbMoney      amount);
char    *pb_money_format_unit_display (PbMoney price);
char    *pb_format_count         (gint64       value);
char    *pb_format_group         (const char  *id,
                                  gint64       quantity);
gboolean pb_money_parse          (const char  *text,
                                  PbMoney     *result,
                                  GError     **error);
gboolean pb_percent_parse        (const char  *text,
                                  gint        *hundredths,
                                  GError     **error);
char    *pb_percent_format       (gint         hundredths);

G_END_DECLS
