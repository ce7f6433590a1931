/* test-ui-crash.c: a window process killed with SIGKILL loses nothing typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test starts this same program a second time as a window process: it
 * opens a quote, types into the customer's contact field as a user would,
 * and then only runs its main loop, so that the window's own autosave
 * timer is what keeps the copy.  Once the copy holds what was typed, the
 * test kills that process with SIGKILL (no handler, no clean-up runs) and
 * opens a new window, which must offer the copy back with the typing in it.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/types.h>
#include <sys/wait.h>

#include "pb-test-ui.h"
#include "pb-test-window.h"

#define CHILD_ARG "--edit-until-killed"
#define TYPED "typed just before the kill"

static char *program;   /* this test's own path, to start it again */

static char *
autosave_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "pricebook", "autosave", NULL);
}

/* The quote copy kept in the autosave folder, or NULL while there is none. */
static char *
kept_quote (void)
{
  g_autofree char *dir = autosave_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".pricebook"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        char *contents = NULL;

        if (g_file_get_contents (path, &contents, NULL, NULL))
          return contents;
      }
  return NULL;
}

/* The window process: never returns; the test kills it. */
static int
edit_until_killed (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PbWindow *window;

#ifdef __linux__
  /* Should the test itself be killed (a time-out), this window goes too. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
  /* Opening a file records it among the recent ones, under this name. */
  g_set_prgname ("test-ui-crash");
  gtk_init ();
  window = g_object_new (PB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  pb_test_iterate ();
  pb_window_open_file (window, file);
  pb_test_iterate ();
  g_assert_nonnull (pb_window_get_quote (window));
  pb_test_type (pb_test_get (GTK_WIDGET (window), "contact_entry"), TYPED);
  g_assert_true (pb_window_get_dirty (window));
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static void
test_sigkill_recovery (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "quotes", "sample.pricebook", NULL);
  g_autofree char *dir = g_dir_make_tmp ("pricebook-crash-XXXXXX", NULL);
  g_autofree char *work = g_build_filename (dir, "work.pricebook", NULL);
  g_autofree char *before = NULL, *after = NULL, *kept = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, CHILD_ARG, work, NULL };
  gint64 deadline;
  GPid pid;
  int status = 0;
  PbWindow *window;
  PbQuote *quote;

  g_assert_true (g_file_get_contents (source, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (work, before, -1, NULL));

  /* Its output would mix with this test's TAP. */
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  /* The window keeps its copy within a few seconds of the typing; the
   * deadline only bounds a broken run, it measures nothing. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((kept = kept_quote ()) == NULL || strstr (kept, TYPED) == NULL)
    {
      g_clear_pointer (&kept, g_free);
      if (waitpid (pid, &status, WNOHANG) == pid)
        g_error ("the window process ended before it kept a copy (status %d)", status);
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          g_error ("the window process kept no copy of what was typed within 60 s");
        }
      g_usleep (50000);
    }

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);

  /* The file itself was never saved: it is as it was. */
  g_assert_true (g_file_get_contents (work, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* The next window offers the typing back, as unsaved changes of the file. */
  window = g_object_new (PB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  pb_test_iterate ();
  g_assert_nonnull (pb_window_get_banner (window));
  g_assert_true (pb_window_restore (window, &error));
  g_assert_no_error (error);
  quote = pb_window_get_quote (window);
  g_assert_nonnull (quote);
  g_assert_cmpstr (pb_customer_get_contact (pb_quote_get_customer (quote)), ==, TYPED);
  g_assert_true (pb_window_get_dirty (window));

  pb_test_save_and_wait (window);
  g_assert_false (pb_window_get_dirty (window));
  g_assert_null (kept_quote ());
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (work, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, TYPED));
  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_iterate ();
  pb_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  pb_test_ui_prepare ();

  program = g_canonicalize_filename (argv[0], NULL);
  if (argc == 3 && g_str_equal (argv[1], CHILD_ARG))
    return edit_until_killed (argv[2]);

  /* The window process inherits this data folder: its copies are this
   * run's alone (the suite runs the program under several time zones). */
  pb_test_use_own_data_home ();
  pb_test_ui_init (&argc, &argv);
  g_test_add_func ("/ui/window/crash-recovery/sigkill", test_sigkill_recovery);
  return g_test_run ();
}
