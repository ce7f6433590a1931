/* test-session.c: copies of unsaved documents belong to their process, come
 * back after it ends, and never hide one another (issue 16, item 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each PbSession stands for one Pricebook process: a session that is
 * unreferenced has let go of its lock, as a process that was killed has.
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pb-document.h"
#include "pb-session.h"
#include "pb-test-ui.h"

#define CHILD_ARG "--edit-and-keep-copies"

static char *program;

typedef struct
{
  char *dir;
  char *autosave;
  char *work;       /* a quote file the documents are read from */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "quotes", "sample.pricebook", NULL);
  g_autofree char *contents = NULL;

  f->dir = g_dir_make_tmp ("pricebook-session-XXXXXX", NULL);
  f->autosave = g_build_filename (f->dir, "autosave", NULL);
  f->work = g_build_filename (f->dir, "work.pricebook", NULL);
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (f->work, contents, -1, NULL));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  pb_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->autosave);
  g_free (f->work);
}

/* A quote document read from the work file, with @contact typed into it. */
static PbDocument *
edited_document (Fixture *f, const char *contact)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->work);
  g_autoptr(GError) error = NULL;
  PbDocument *document = pb_document_new_for_file (file, &error);

  g_assert_no_error (error);
  g_assert_false (pb_document_get_dirty (document));
  pb_customer_set_contact (pb_quote_get_customer (pb_document_get_quote (document)), contact);
  g_assert_true (pb_document_get_dirty (document));
  return document;
}

/* The names in the copy folder ending with @suffix (NULL: all). */
static guint
count_files (Fixture *f, const char *suffix)
{
  return pb_test_count_files (f->autosave, suffix);
}

static char *
first_copy (Fixture *f)
{
  g_autoptr(GDir) listing = g_dir_open (f->autosave, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".pricebook"))
      return g_build_filename (f->autosave, name, NULL);
  return NULL;
}

/* While dirty, a copy (mode 0600) and a note of its origin; once saved,
 * neither; never a backup or a temporary beside them. */
static void
test_copy_while_dirty (Fixture *f, gconstpointer data)
{
  g_autoptr(PbSession) session = pb_session_new (f->autosave);
  g_autoptr(PbDocument) document = edited_document (f, "typed");
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  pb_session_add_document (session, document);
  pb_session_save_now (session);
  copy = first_copy (f);
  g_assert_nonnull (copy);
  g_assert_true (g_file_get_contents (copy, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"typed\""));
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_files (f, ".origin"), ==, 1);
  g_assert_cmpuint (count_files (f, "~"), ==, 0);

  pb_document_set_dirty (document, FALSE);
  g_assert_cmpuint (count_files (f, ".pricebook"), ==, 0);
  g_assert_cmpuint (count_files (f, ".origin"), ==, 0);
  /* Only the session's lock is left. */
  g_assert_cmpuint (count_files (f, NULL), ==, 1);
  g_assert_cmpuint (count_files (f, ".lock"), ==, 1);
}

/* A second Pricebook never offers, nor takes, the copies of one that is
 * still running. */
static void
test_live_copies_not_offered (Fixture *f, gconstpointer data)
{
  g_autoptr(PbSession) first = pb_session_new (f->autosave);
  g_autoptr(PbSession) second = pb_session_new (f->autosave);
  g_autoptr(PbDocument) document = edited_document (f, "still being typed");
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  pb_session_add_document (first, document);
  pb_session_save_now (first);
  g_assert_cmpuint (pb_session_count_recoverable (second), ==, 0);
  restored = pb_session_restore (second, &problems);
  g_assert_cmpuint (restored->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (count_files (f, ".pricebook"), ==, 1);
}

/* The copies of a process that ended come back as unsaved changes of
 * their files, and live on as copies of the process that took them. */
static void
test_ended_copies_restored (Fixture *f, gconstpointer data)
{
  g_autoptr(PbSession) first = pb_session_new (f->autosave);
  g_autoptr(PbSession) second = NULL;
  g_autoptr(PbDocument) document = edited_document (f, "typed before the crash");
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) work = g_file_new_for_path (f->work);
  PbDocument *back;

  pb_session_add_document (first, document);
  pb_session_save_now (first);
  g_clear_object (&first);

  second = pb_session_new (f->autosave);
  g_assert_cmpuint (pb_session_count_recoverable (second), ==, 1);
  restored = pb_session_restore (second, &problems);
  g_assert_cmpuint (restored->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 0);
  back = g_ptr_array_index (restored, 0);
  g_assert_true (pb_document_get_dirty (back));
  g_assert_true (g_file_equal (pb_document_get_file (back), work));
  g_assert_cmpstr (pb_customer_get_contact (pb_quote_get_customer (pb_document_get_quote (back))), ==,
                   "typed before the crash");
  /* One copy: the new session's, not the ended one's. */
  g_assert_cmpuint (count_files (f, ".pricebook"), ==, 1);
  g_assert_cmpuint (pb_session_count_recoverable (second), ==, 0);
}

/* A copy that cannot be read (the newest, here) is set aside with a
 * message and never offered again; the valid older one still comes back. */
static void
test_corrupt_copy_set_aside (Fixture *f, gconstpointer data)
{
  g_autoptr(PbSession) first = pb_session_new (f->autosave);
  g_autoptr(PbSession) second = pb_session_new (f->autosave);
  g_autoptr(PbSession) third = NULL;
  g_autoptr(PbDocument) older = edited_document (f, "older");
  g_autoptr(PbDocument) newer = edited_document (f, "newer");
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *aside = g_build_filename (f->autosave, "set-aside", NULL);
  g_autofree char *torn = NULL;

  pb_session_add_document (first, older);
  pb_session_save_now (first);
  g_usleep (1100000);   /* newer by its modification time, in whole seconds */
  pb_session_add_document (second, newer);
  pb_session_save_now (second);
  {
    g_autoptr(GDir) listing = g_dir_open (f->autosave, 0, NULL);
    const char *name;

    /* The copy of "newer": cut in the middle, as a disk might leave it. */
    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (f->autosave, name, NULL);
        g_autofree char *text = NULL;

        if (g_str_has_suffix (name, ".pricebook") && g_file_get_contents (path, &text, NULL, NULL) &&
            strstr (text, "\"newer\"") != NULL)
          {
            text[strlen (text) / 2] = '\0';
            g_assert_true (g_file_set_contents (path, text, -1, NULL));
            torn = g_strdup (name);
          }
      }
  }
  g_assert_nonnull (torn);
  g_clear_object (&first);
  g_clear_object (&second);

  third = pb_session_new (f->autosave);
  g_assert_cmpuint (pb_session_count_recoverable (third), ==, 2);
  restored = pb_session_restore (third, &problems);
  g_assert_cmpuint (restored->len, ==, 1);
  g_assert_cmpstr (pb_customer_get_contact (pb_quote_get_customer (pb_document_get_quote (g_ptr_array_index (restored, 0)))),
                   ==, "older");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "set-aside"));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (pb_session_count_recoverable (third), ==, 0);
}

/* What older versions and killed writers left (backups "NAME~", GIO's
 * temporaries) goes with the restore. */
static void
test_leftovers_removed (Fixture *f, gconstpointer data)
{
  g_autoptr(PbSession) first = pb_session_new (f->autosave);
  g_autoptr(PbSession) second = NULL;
  g_autoptr(PbDocument) document = edited_document (f, "typed");
  g_autoptr(GPtrArray) restored = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *temporary = g_build_filename (f->autosave, ".goutputstream-ABC123", NULL);

  pb_session_add_document (first, document);
  pb_session_save_now (first);
  copy = first_copy (f);
  backup = g_strconcat (copy, "~", NULL);
  g_assert_true (g_file_set_contents (backup, "old", -1, NULL));
  g_assert_true (g_file_set_contents (temporary, "half", -1, NULL));
  g_clear_object (&first);

  second = pb_session_new (f->autosave);
  restored = pb_session_restore (second, NULL);
  g_assert_cmpuint (restored->len, ==, 1);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (temporary, G_FILE_TEST_EXISTS));
  /* The ended session's lock went too: the new one's copy and lock stay. */
  g_assert_cmpuint (count_files (f, ".lock"), ==, 1);
}

/* Two windows (or processes) with the same file: the second save is not
 * silently written over the first (issue 16, item 2). */
typedef struct
{
  gboolean  done;
  GError   *error;
} Saved;

static void
on_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  Saved *saved = data;

  pb_document_save_finish (PB_DOCUMENT (source), result, &saved->error);
  saved->done = TRUE;
}

/* Saves and waits: the error, or NULL. */
static GError *
save (PbDocument *document, PbDocumentSaveFlags flags)
{
  Saved saved = { FALSE, NULL };

  pb_document_save_async (document, NULL, flags, NULL, on_saved, &saved);
  while (!saved.done)
    g_main_context_iteration (NULL, TRUE);
  return saved.error;
}

static void
test_changed_on_disk (Fixture *f, gconstpointer data)
{
  g_autoptr(PbDocument) first = edited_document (f, "first");
  g_autoptr(PbDocument) second = edited_document (f, "second");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_null (save (first, PB_DOCUMENT_SAVE_DEFAULT));
  g_assert_false (pb_document_get_dirty (first));
  error = save (second, PB_DOCUMENT_SAVE_DEFAULT);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "work.pricebook"));
  g_assert_true (pb_document_get_dirty (second));
  g_assert_true (g_file_get_contents (f->work, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"first\""));

  /* The user chose to overwrite: the second is saved, and from then on
   * each knows the file as it last wrote it. */
  g_assert_null (save (second, PB_DOCUMENT_SAVE_OVERWRITE));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (f->work, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"second\""));
  pb_customer_set_contact (pb_quote_get_customer (pb_document_get_quote (second)), "second again");
  g_assert_null (save (second, PB_DOCUMENT_SAVE_DEFAULT));
}

/* The kill loop: a process types and keeps copies as fast as it can and is
 * killed at random moments; each time, the next session gets back a whole
 * document holding at least what had been kept when it was killed. */
static int
edit_and_keep_copies (const char *autosave, const char *work)
{
  g_autoptr(PbSession) session = pb_session_new (autosave);
  g_autoptr(GFile) file = g_file_new_for_path (work);
  g_autoptr(PbDocument) document = pb_document_new_for_file (file, NULL);

  pb_session_add_document (session, document);
  for (guint n = 1; ; n++)
    {
      g_autofree char *contact = g_strdup_printf ("edit %u", n);

      pb_customer_set_contact (pb_quote_get_customer (pb_document_get_quote (document)), contact);
      pb_session_save_now (session);
      /* Kept: the parent may count on it from now on. */
      g_print ("%u\n", n);
      fflush (stdout);
    }
  return 0;
}

/* The last number the child printed, reading all it wrote. */
static guint
read_last_number (int fd, GString *all)
{
  char buffer[4096];
  ssize_t n;
  const char *last;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (all, buffer, n);
  /* The last whole line. */
  if (all->len == 0)
    return 0;
  last = all->str + all->len - 1;
  while (last > all->str && *(last - 1) != '\n')
    last--;
  if (all->str[all->len - 1] != '\n')
    {
      /* Killed in the middle of a line: the one before it. */
      const char *end = last - 1;

      if (end <= all->str)
        return 0;
      last = end - 1;
      while (last > all->str && *(last - 1) != '\n')
        last--;
    }
  return (guint) g_ascii_strtoull (last, NULL, 10);
}

static void
test_kill_loop (Fixture *f, gconstpointer data)
{
  GRand *rand = g_rand_new_with_seed (20261206);

  for (int round = 0; round < 20; round++)
    {
      const char *argv[] = { program, CHILD_ARG, f->autosave, f->work, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(PbSession) session = NULL;
      g_autoptr(GPtrArray) restored = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      GPid pid;
      int out, status;
      g_autoptr(GString) all = g_string_new (NULL);
      char first;
      guint kept, got;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                               &pid, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      /* Once it has kept a first copy, a kill at a random moment: most
       * land inside a write, since it does little else. */
      g_assert_cmpint (read (out, &first, 1), ==, 1);
      g_string_append_c (all, first);
      g_usleep (g_rand_int_range (rand, 0, 100000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      kept = read_last_number (out, all);
      close (out);

      session = pb_session_new (f->autosave);
      restored = pb_session_restore (session, &problems);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpuint (restored->len, ==, 1);
      got = (guint) g_ascii_strtoull (pb_customer_get_contact (pb_quote_get_customer (
                                        pb_document_get_quote (g_ptr_array_index (restored, 0)))) + strlen ("edit "),
                                      NULL, 10);
      g_assert_cmpuint (got, >=, kept);
      /* Given up here, so that the next round starts from the file. */
      pb_session_remove_document (session, g_ptr_array_index (restored, 0));
      g_assert_cmpuint (count_files (f, ".pricebook"), ==, 0);
    }
  g_rand_free (rand);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  program = g_canonicalize_filename (argv[0], NULL);
  if (argc == 4 && g_str_equal (argv[1], CHILD_ARG))
    return edit_and_keep_copies (argv[2], argv[3]);
  g_test_init (&argc, &argv, NULL);
  ADD ("/session/copy-while-dirty", test_copy_while_dirty);
  ADD ("/session/live-copies-not-offered", test_live_copies_not_offered);
  ADD ("/session/ended-copies-restored", test_ended_copies_restored);
  ADD ("/session/corrupt-copy-set-aside", test_corrupt_copy_set_aside);
  ADD ("/session/leftovers-removed", test_leftovers_removed);
  ADD ("/session/changed-on-disk", test_changed_on_disk);
  ADD ("/session/kill-loop", test_kill_loop);
  return g_test_run ();
}
