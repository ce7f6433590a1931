/* save-loop.c: saves a quote over and over, alternating two versions, until
 * it is killed (test-kill-during-save kills it at random moments) or, given
 * COUNT, COUNT times (test-file runs several at once on one file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "pb-quote.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = NULL;
  guint64 count = argc == 4 ? g_ascii_strtoull (argv[3], NULL, 10) : G_MAXUINT64;

  if (argc != 3 && argc != 4)
    return 2;
  quote = pb_quote_new_from_file (argv[1], &error);
  if (quote == NULL)
    return 1;
  for (guint64 i = 0; i < count; i++)
    {
      /* Two versions that differ in size, so a torn write could not pass. */
      pb_customer_set_contact (pb_quote_get_customer (quote), i % 2 ? "odd" : "an even, longer contact line");
      if (!pb_quote_save_to_file (quote, argv[2], &error))
        {
          fprintf (stderr, "save %" G_GUINT64_FORMAT " failed: %s\n", i, error->message);
          return 1;
        }
      if (i == 0)
        {
          puts ("saving");
          fflush (stdout);
        }
    }
  return 0;
}
