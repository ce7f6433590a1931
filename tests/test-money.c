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
    { "-3.5", -3500 }, { "0", 0 }, { ".5", 500 }, { "999999999999999.999", PB_MONEY_MAX },
  };
  const char *bad[] = {
    "", "1,050.00", "1e3", " 5", "5 ", "0x10", "¥5", "1.0001", "-", ".", "abc", "+5", "1.2.3",
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

  {
    g_autofree char *a = pb_percent_format (500);
    g_autofree char *b = pb_percent_format (1250);
    g_autofree char *c = pb_percent_format (1225);

    g_assert_cmpstr (a, ==, "5");
    g_assert_cmpstr (b, ==, "12.5");
    g_assert_cmpstr (c, ==, "12.25");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/round-half-up", test_money_round);
  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/overflow", test_money_overflow);
  g_test_add_func ("/money/Q-3/percent", test_money_percent);
  return g_test_run ();
}
