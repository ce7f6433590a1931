/* fuzz-parsers.c: the date and money parsers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the parser, the rest is the text.  Besides never
 * crashing, each parser keeps its promises: instants stay in
 * [PB_INSTANT_MIN, PB_INSTANT_MAX] and read back from their own format,
 * money stays in ±PB_MONEY_MAX.  Their text is UTF-8 by GLib's convention:
 * bytes that are not still must not crash them, but only UTF-8 text is owed
 * a UTF-8 error message.
 */
#include "pb-fuzz.h"

#include <string.h>

#include "pb-error.h"
#include "pb-money.h"
#include "pb-time.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  pb_fuzz_setup ();
  return 0;
}

static void
check_instant (PbInstant   instant,
               gboolean    date_only)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PbInstant again = 0;

  PB_FUZZ_ASSERT (instant >= PB_INSTANT_MIN && instant <= PB_INSTANT_MAX);
  text = date_only ? pb_time_format_date (instant) : pb_time_format (instant);
  PB_FUZZ_ASSERT (text != NULL);
  if (!(date_only ? pb_time_parse_date (text, &again, &error) : pb_time_parse (text, &again, &error)))
    g_error ("“%s” does not parse back: %s", text, error->message);
  PB_FUZZ_ASSERT (again == instant);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PbInstant instant = 0;
  PbMoney money = 0;
  gint hundredths = 0;
  gboolean ok;

  if (size < 1)
    return 0;
  text = g_strndup ((const char *) data + 1, size - 1);

  switch (data[0] % 4)
    {
    case 0:
      ok = pb_time_parse (text, &instant, &error);
      if (ok)
        check_instant (instant, FALSE);
      break;
    case 1:
      ok = pb_time_parse_date (text, &instant, &error);
      if (ok)
        check_instant (instant, TRUE);
      break;
    case 2:
      ok = pb_money_parse (text, &money, &error);
      if (ok)
        {
          g_autofree char *shown = pb_money_format (money);

          PB_FUZZ_ASSERT (money >= -PB_MONEY_MAX && money <= PB_MONEY_MAX);
          PB_FUZZ_ASSERT (shown != NULL);
        }
      break;
    default:
      ok = pb_percent_parse (text, &hundredths, &error);
      if (ok)
        {
          g_autofree char *shown = pb_percent_format (hundredths);

          PB_FUZZ_ASSERT (shown != NULL);
        }
      break;
    }
  if (!ok)
    pb_fuzz_check_error (error, g_utf8_validate (text, -1, NULL));
  else
    PB_FUZZ_ASSERT (error == NULL);
  return 0;
}
