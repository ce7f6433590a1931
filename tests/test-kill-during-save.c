/* test-kill-during-save.c: a process killed (SIGKILL) in the middle of
 * saving leaves the previous file whole, never a part of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PRICEBOOK_TEST_KILLS=N kills N times instead of 20 (for the README's
 * figures); the test says how many kills, saves and bytes lost it saw.
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "pb-quote.h"

/* The text save-loop writes for each of its two versions. */
static char *
version_text (const char *source, const char *contact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = pb_quote_new_from_file (source, &error);

  g_assert_no_error (error);
  pb_customer_set_contact (pb_quote_get_customer (quote), contact);
  return pb_quote_to_string (quote);
}

/* 0 when @path holds @a or @b byte for byte; otherwise the whole
 * document is lost. */
static gsize
bytes_lost (const char *path, const char *a, const char *b)
{
  g_autofree char *text = NULL;

  if (g_file_get_contents (path, &text, NULL, NULL) && (g_str_equal (text, a) || g_str_equal (text, b)))
    return 0;
  return MAX (strlen (a), strlen (b));
}

/* Temporary files killed saves left beside the file; with @age, each is
 * made @age seconds old. */
static guint
count_leftovers (const char *dir, gint64 age)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".tmp"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        struct utimbuf times;

        times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - age);
        if (age)
          g_assert_cmpint (utime (path, &times), ==, 0);
        count++;
      }
  return count;
}

static void
test_kill_during_save (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "quotes", "sample.pricebook", NULL);
  g_autofree char *saver = g_test_build_filename (G_TEST_BUILT, "save-loop", NULL);
  g_autofree char *dir = g_dir_make_tmp ("pricebook-kill-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "quote.pricebook", NULL);
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autofree char *odd = version_text (source, "odd");
  g_autofree char *even = version_text (source, "an even, longer contact line");
  const char *kills_asked = g_getenv ("PRICEBOOK_TEST_KILLS");
  int kills = kills_asked ? atoi (kills_asked) : 20;
  GRand *rand = g_rand_new_with_seed (20261123);
  gsize lost = 0;

  for (int round = 0; round < kills; round++)
    {
      const char *argv[] = { saver, source, target, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(PbQuote) quote = NULL;
      GPid pid;
      int out, status;
      char ready[8] = { 0 };

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                               &pid, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      /* Wait until it has saved once, then kill it a moment later: most
       * kills land inside a save, since it does nothing else. */
      g_assert_cmpint (read (out, ready, sizeof ready - 1), >, 0);
      g_usleep (g_rand_int_range (rand, 0, 20000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      close (out);
      g_spawn_close_pid (pid);

      /* Before the second save of the first round there is no "NAME~" yet. */
      lost += bytes_lost (target, odd, even);
      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        lost += bytes_lost (backup, odd, even);
      quote = pb_quote_new_from_file (target, &error);
      g_assert_no_error (error);
      g_assert_nonnull (quote);
    }
  g_test_message ("%d kills during saves, %zu bytes lost, %u temporary files left by the kills",
                  kills, lost, count_leftovers (dir, 0));
  g_assert_cmpuint (lost, ==, 0);
  g_rand_free (rand);

  /* A minute later, the next save removes what the killed ones left. */
  count_leftovers (dir, 120);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PbQuote) quote = pb_quote_new_from_file (target, &error);

    g_assert_no_error (error);
    g_assert_true (pb_quote_save_to_file (quote, target, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_leftovers (dir, 0), ==, 0);
  g_unlink (target);
  g_unlink (backup);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reliability/kill-during-save", test_kill_during_save);
  return g_test_run ();
}
