/* test-money.c: PbMoney, exact to the fen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pb-error.h"
#include "pb-money.h"

static void
assert_format (PbMoney amount, const char *plain, const char *display)
{
  g_autofree char *p = pb_money_format (amount);
  g_autofree char *d = pb_money_format_display (amount);

  g_assert_cmpstr (p, ==, plain);
  g_assert_cmpstr (d, ==, display);
}

static void
test_money_format (void)
{
  assert_format (PB_MONEY_FROM_YUAN (1050), "1050.00", "¥1,050.00");
  assert_format (0, "0.00", "¥0.00");
  assert_format (105, "0.11", "¥0.11");            /* 0.105 rounds half-up */
  assert_format (104, "0.10", "¥0.10");
  assert_format (-105, "-0.11", "-¥0.11");
  assert_format (PB_MONEY_FROM_YUAN (1234567), "1234567.00", "¥1,234,567.00");
  assert_format (PB_MONEY_FROM_YUAN (100), "100.00", "¥100.00");
  assert_format (PB_MONEY_FROM_YUAN (1000), "1000.00", "¥1,000.00");
  assert_format (PB_MONEY_MAX, "1000000000000000.00", "¥1,000,000,000,000,000.00");
}

static void
test_format_count (void)
{
  const struct { gint64 value; const char *text; } cases[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1,000" }, { 100000, "100,000" }, { 3000000, "3,000,000" },
    { -1500, "-1,500" }, { G_MAXINT64, "9,223,372,036,854,775,807" }, { G_MININT64, "-9,223,372,036,854,775,808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pb_format_count (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_money_round (void)
{
  g_assert_cmpint (pb_money_round_to_fen (1054), ==, 1050);
  g_assert_cmpint (pb_money_round_to_fen (1055), ==, 1060);
  g_assert_cmpint (pb_money_round_to_fen (1059), ==, 1060);
  g_assert_cmpint (pb_money_round_to_fen (1050), ==, 1050);
  g_assert_cmpint (pb_money_round_to_fen (-1055), ==, -1060);
  g_assert_cmpint (pb_money_round_to_fen (-1054), ==, -1050);
}

static void
test_money_parse (void)
{
  const struct { const char *text; PbMoney value; } good[] = {
    { "1050.00", 1050000 }, { "1050", 1050000 }, { "0.105", 105 }, { "0.1", 100 },
    { "-3.5", -3500 }, { "0", 0 }, { "0.5", 500 }, { "999999999999999.999", PB_MONEY_MAX },
  };
  /* A point stands between digits: ".5" and "5." are refused like the rest. */
  const char *bad[] = {
    "", "1,050.00", "1e3", " 5", "5 ", "0x10", "¥5", "1.0001", "-", ".", "abc", "+5", "1.2.3", ".5", "5.", "-.5",
    "-5.",
    "1000000000000000", "99999999999999999999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      PbMoney value = -1;

      g_assert_true (pb_money_parse (good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      PbMoney value = 42;

      g_assert_false (pb_money_parse (bad[i], &value, &error));
      g_assert_nonnull (error);
      g_assert_cmpint (value, ==, 42);
    }
}

static void
test_money_overflow (void)
{
  g_autoptr(GError) error = NULL;
  PbMoney result = 7;

  g_assert_true (pb_money_add (PB_MONEY_MAX - 1, 1, &result, NULL));
  g_assert_cmpint (result, ==, PB_MONEY_MAX);
  g_assert_false (pb_money_add (PB_MONEY_MAX, 1, &result, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (pb_money_add (G_MAXINT64, G_MAXINT64, &result, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (pb_money_multiply (PB_MONEY_MAX / 2 + 1, 2, &result, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (pb_money_multiply (G_MAXINT64 / 3, 4, &result, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_true (pb_money_multiply (PB_MONEY_FROM_YUAN (50), 36, &result, NULL));
  g_assert_cmpint (result, ==, PB_MONEY_FROM_YUAN (1800));
  /* A failed operation leaves the result alone. */
  result = 7;
  g_assert_false (pb_money_multiply (G_MININT64, -1, &result, NULL));
  g_assert_cmpint (result, ==, 7);
}

/* a discount percent with two decimals, rounded half-up to the fen. */
static void
test_money_percent (void)
{
  PbMoney result;
  gint hundredths;

  g_assert_true (pb_money_percent (PB_MONEY_FROM_YUAN (10000), 500, &result, NULL));
  g_assert_cmpint (result, ==, PB_MONEY_FROM_YUAN (500));
  /* ¥10.10 × 12.25 % = ¥1.237 25 → ¥1.24 */
  g_assert_true (pb_money_percent (10100, 1225, &result, NULL));
  g_assert_cmpint (result, ==, 1240);
  /* ¥0.10 × 5 % = ¥0.005 → ¥0.01 (half-up) */
  g_assert_true (pb_money_percent (100, 500, &result, NULL));
  g_assert_cmpint (result, ==, 10);
  /* ¥0.09 × 5 % = ¥0.0045 → ¥0.00 */
  g_assert_true (pb_money_percent (90, 500, &result, NULL));
  g_assert_cmpint (result, ==, 0);
  /* No overflow at the edge: the product is formed in 128 bits. */
  g_assert_true (pb_money_percent (PB_MONEY_MAX - 9, 10000, &result, NULL));
  g_assert_cmpint (result, ==, PB_MONEY_MAX - 9);

  g_assert_true (pb_percent_parse ("5", &hundredths, NULL));
  g_assert_cmpint (hundredths, ==, 500);
  g_assert_true (pb_percent_parse ("12.25", &hundredths, NULL));
  g_assert_cmpint (hundredths, ==, 1225);
  g_assert_true (pb_percent_parse ("100", &hundredths, NULL));
  g_assert_false (pb_percent_parse ("100.01", &hundredths, NULL));
  g_assert_false (pb_percent_parse ("-5", &hundredths, NULL));
  g_assert_false (pb_percent_parse ("5.125", &hundredths, NULL));
  g_assert_false (pb_percent_parse ("5%", &hundredths, NULL));
  g_assert_false (pb_percent_parse ("5.", &hundredths, NULL));
  g_assert_false (pb_percent_parse (".5", &hundredths, NULL));
  g_assert_true (pb_percent_parse ("0.5", &hundredths, NULL));
  g_assert_cmpint (hundredths, ==, 50);

  {
    g_autofree char *a = pb_percent_format (500);
    g_autofree char *b = pb_percent_format (1250);
    g_autofree char *c = pb_percent_format (1225);

    g_assert_cmpstr (a, ==, "5");
    g_assert_cmpstr (b, ==, "12.5");
    g_assert_cmpstr (c, ==, "12.25");
  }
}

static void
assert_chinese (const char *amount, const char *expected)
{
  g_autofree char *words = NULL;
  PbMoney value;

  g_assert_true (pb_money_parse (amount, &value, NULL));
  words = pb_money_format_chinese (value);
  g_assert_cmpstr (words, ==, expected);
}

/* 人民币大写: zeros inside the number, 万/亿 groups, jiao and fen. */
static void
test_money_chinese (void)
{
  assert_chinese ("1050.00", "壹仟零伍拾元整");
  assert_chinese ("0", "零元整");
  assert_chinese ("1", "壹元整");
  assert_chinese ("10", "壹拾元整");
  assert_chinese ("101", "壹佰零壹元整");
  assert_chinese ("110", "壹佰壹拾元整");
  assert_chinese ("1005.30", "壹仟零伍元叁角整");
  assert_chinese ("1000.05", "壹仟元零伍分");
  assert_chinese ("1000.50", "壹仟元伍角整");
  assert_chinese ("0.50", "伍角整");
  assert_chinese ("0.05", "伍分");
  assert_chinese ("0.56", "伍角陆分");
  assert_chinese ("10010", "壹万零壹拾元整");
  assert_chinese ("10100", "壹万零壹佰元整");
  assert_chinese ("100000", "壹拾万元整");
  assert_chinese ("110000", "壹拾壹万元整");
  assert_chinese ("200000", "贰拾万元整");
  assert_chinese ("1000010", "壹佰万零壹拾元整");
  assert_chinese ("100000000", "壹亿元整");
  assert_chinese ("100000001", "壹亿零壹元整");
  assert_chinese ("100100000", "壹亿零壹拾万元整");
  assert_chinese ("140000", "壹拾肆万元整");
  assert_chinese ("269100", "贰拾陆万玖仟壹佰元整");
  assert_chinese ("10395", "壹万零叁佰玖拾伍元整");
  assert_chinese ("1234567890.12", "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分");
  assert_chinese ("1000000000000", "壹万亿元整");
  assert_chinese ("0.105", "壹角壹分");       /* rounded half-up to the fen first */
  assert_chinese ("-12.30", "负壹拾贰元叁角整");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/round-half-up", test_money_round);
  g_test_add_func ("/money/format-count", test_format_count);
  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/overflow", test_money_overflow);
  g_test_add_func ("/money/Q-3/percent", test_money_percent);
  g_test_add_func ("/money/chinese-capitals", test_money_chinese);
  return g_test_run ();
}
