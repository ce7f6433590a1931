/* test-kill-during-save.c: a process killed (SIGKILL) in the middle of
 * saving leaves the previous file whole, never a part of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pb-quote.h"

static void
test_kill_during_save (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "quotes", "sample.pricebook", NULL);
  g_autofree char *saver = g_test_build_filename (G_TEST_BUILT, "save-loop", NULL);
  g_autofree char *dir = g_dir_make_tmp ("pricebook-kill-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "quote.pricebook", NULL);
  GRand *rand = g_rand_new_with_seed (20261123);

  for (int round = 0; round < 20; round++)
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

      quote = pb_quote_new_from_file (target, &error);
      g_assert_no_error (error);
      g_assert_nonnull (quote);
      g_assert_true (g_str_equal (pb_customer_get_contact (pb_quote_get_customer (quote)), "odd") ||
                     g_str_equal (pb_customer_get_contact (pb_quote_get_customer (quote)),
                                  "an even, longer contact line"));
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reliability/kill-during-save", test_kill_during_save);
  return g_test_run ();
}
