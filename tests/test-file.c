/* test-file.c: a save or an export never loses the file it replaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pb_file_write() is tried against a full disk (a small tmpfs when this
 * test may mount one, and always through injected write and fsync
 * failures), against every kind of target a user can name, and against
 * other processes saving the same file at the same moment.  Each time, the
 * old file and its "NAME~" must be whole and unchanged, and no temporary
 * file may be left behind.
 */
#define _GNU_SOURCE  /* unshare() */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pb-file-private.h"
#include "pb-quote.h"
#include "pb-test.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                            */

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names in @dir, sorted and joined by spaces. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Injected failures (always run)                                     */

typedef struct
{
  gsize budget;     /* bytes written before a write fails (G_MAXSIZE: never) */
  gsize piece;      /* at most this many bytes per write() (0: all) */
  int   write_errno;
  int   fsync_fail; /* the fsync that fails, counting from 1 (0: none) */
  int   fsyncs;
} Injection;

static gssize
injected_write (int fd, const void *buf, gsize count, gpointer user_data)
{
  Injection *injection = user_data;

  if (injection->budget == 0)
    {
      errno = injection->write_errno;
      return -1;
    }
  count = MIN (count, injection->budget);
  if (injection->piece)
    count = MIN (count, injection->piece);
  count = (gsize) write (fd, buf, count);
  if (injection->budget != G_MAXSIZE)
    injection->budget -= count;
  return (gssize) count;
}

static int
injected_fsync (int fd, gpointer user_data)
{
  Injection *injection = user_data;

  if (++injection->fsyncs == injection->fsync_fail)
    {
      errno = EIO;
      return -1;
    }
  return fsync (fd);
}

typedef struct
{
  const char *name;
  Injection   injection;
  int         code;
  const char *reason;
} Failure;

/* A save that fails anywhere leaves NAME and "NAME~" as they were and no
 * temporary file; the next save then works and keeps the right "NAME~". */
static void
test_injected_failures (void)
{
  const char *old = "{ \"the\": \"old version, whole\" }\n";
  const char *older = "{ \"the\": \"version before it\" }\n";
  const char *new = "{ \"the\": \"new version, which is longer than the old one\" }\n";
  const Failure failures[] = {
    { "nothing written", { 0, 0, ENOSPC }, G_IO_ERROR_NO_SPACE, "the disk is full" },
    { "half written", { 20, 0, ENOSPC }, G_IO_ERROR_NO_SPACE, "the disk is full" },
    { "half written, then EIO", { 20, 3, EIO }, G_IO_ERROR_FAILED, "input/output error" },
    { "quota", { 5, 0, EDQUOT }, G_IO_ERROR_NO_SPACE, "quota" },
    { "the copy for NAME~", { strlen (new) + 10, 0, ENOSPC }, G_IO_ERROR_NO_SPACE, "previous version" },
    { "fsync of the new file", { G_MAXSIZE, 0, 0, 1 }, G_IO_ERROR_FAILED, "input/output error" },
    { "fsync of NAME~", { G_MAXSIZE, 0, 0, 2 }, G_IO_ERROR_FAILED, "previous version" },
  };
  g_autofree char *dir = g_dir_make_tmp ("pricebook-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "quote.pricebook", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      Injection injection = failures[i].injection;
      PbFileHooks hooks = { injected_write, injected_fsync, &injection };
      g_autoptr(GError) error = NULL;
      g_autofree char *names = NULL;
      g_autofree char *now = NULL;
      g_autofree char *kept = NULL;

      g_test_message ("failure: %s", failures[i].name);
      write_text (path, old);
      write_text (backup, older);
      g_assert_false (pb_file_write_with_hooks (path, new, strlen (new), PB_FILE_WRITE_BACKUP, &hooks, &error));
      g_assert_error (error, G_IO_ERROR, failures[i].code);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_nonnull (strstr (error->message, failures[i].reason));
      now = read_text (path);
      kept = read_text (backup);
      g_assert_cmpstr (now, ==, old);
      g_assert_cmpstr (kept, ==, older);
      names = listing (dir);
      g_assert_cmpstr (names, ==, "quote.pricebook quote.pricebook~");
    }

  /* The second save, after a failed one, works as the first would have. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *now = NULL;
    g_autofree char *kept = NULL;

    g_assert_true (pb_file_write (path, new, strlen (new), PB_FILE_WRITE_BACKUP, &error));
    g_assert_no_error (error);
    now = read_text (path);
    kept = read_text (backup);
    g_assert_cmpstr (now, ==, new);
    g_assert_cmpstr (kept, ==, old);
  }
  remove_tree (dir);
}

/* write() may write less than asked at any time: every byte still arrives. */
static void
test_short_writes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pricebook-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  Injection injection = { G_MAXSIZE, 7 };
  PbFileHooks hooks = { injected_write, NULL, &injection };
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (text, "%d,", i);
  g_assert_true (pb_file_write_with_hooks (path, text->str, text->len, PB_FILE_WRITE_NONE, &hooks, &error));
  g_assert_no_error (error);
  back = read_text (path);
  g_assert_cmpstr (back, ==, text->str);
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* A really full disk (a 256 KiB tmpfs, when this test may mount one)  */

static PbQuote *
quote_with_contact (gsize length)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "quotes", "sample.pricebook", NULL);
  g_autofree char *contact = g_strnfill (length, 'c');
  g_autoptr(GError) error = NULL;
  PbQuote *quote = pb_quote_new_from_file (source, &error);

  g_assert_no_error (error);
  pb_customer_set_contact (pb_quote_get_customer (quote), contact);
  return quote;
}

/* Fills the file system of @dir but for about @left bytes. */
static void
fill_disk (const char *dir, gsize left)
{
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *zeros = g_malloc0 (4096);
  int fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  off_t size = 0;

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, zeros, 4096) == 4096)
    size += 4096;
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (ftruncate (fd, size > (off_t) left ? size - (off_t) left : 0), ==, 0);
  close (fd);
}

static void
assert_full_disk_refusal (PbQuote *quote, const char *path, const char *old, const char *older, const char *why)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;

  g_assert_false (pb_quote_save_to_file (quote, path, &error));
  now = read_text (path);
  kept = read_text (backup);
  g_assert_cmpstr (now, ==, old);
  g_assert_cmpstr (kept, ==, older);
  names = listing (dir);
  g_assert_cmpstr (names, ==, "filler quote.pricebook quote.pricebook~");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, why));
}

static void
full_disk_in_tmpfs (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "quote.pricebook", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(PbQuote) small = quote_with_contact (10);
  g_autoptr(PbQuote) large = quote_with_contact (20000);
  g_autoptr(PbQuote) larger = quote_with_contact (24000);
  g_autoptr(GError) error = NULL;
  g_autofree char *older = pb_quote_to_string (small);
  g_autofree char *old = pb_quote_to_string (large);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *kept = NULL;

  /* quote.pricebook holds the large version, quote.pricebook~ the small. */
  g_assert_true (pb_quote_save_to_file (small, path, &error));
  g_assert_true (pb_quote_save_to_file (large, path, &error));
  g_assert_no_error (error);

  /* Room for a third of the new file: its write fails half-way, twice. */
  fill_disk (dir, 8192);
  assert_full_disk_refusal (larger, path, old, older, "the disk is full");
  assert_full_disk_refusal (larger, path, old, older, "the disk is full");
  /* Room for the small new file, not for the copy of the old one. */
  assert_full_disk_refusal (small, path, old, older, "previous version");

  /* Space again: the save goes through and keeps the large version. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (pb_quote_save_to_file (larger, path, &error));
  g_assert_no_error (error);
  kept = read_text (backup);
  g_assert_cmpstr (kept, ==, old);
}

/* Mounts a 256 KiB tmpfs on @dir, seen by this process only and gone
 * with it; 0 or an errno. */
static int
mount_small_tmpfs (const char *dir)
{
  if (unshare (CLONE_NEWNS) != 0 || mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("pricebook-test", dir, "tmpfs", 0, "size=256k,mode=0700") != 0)
    return errno;
  return 0;
}

/* Whether this test may mount (root, or a user namespace): asked of a
 * child, so that this process stays in its own namespace. */
static int
can_mount (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pricebook-full-XXXXXX", NULL);
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (mount_small_tmpfs (dir));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_rmdir (dir);
  return WIFEXITED (status) ? WEXITSTATUS (status) : EINVAL;
}

static void
test_full_disk (void)
{
  int err;

  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("pricebook-full-XXXXXX", NULL);

      g_assert_cmpint (mount_small_tmpfs (dir), ==, 0);
      full_disk_in_tmpfs (dir);
      g_assert_cmpint (umount (dir), ==, 0);
      g_rmdir (dir);
      return;
    }
  err = can_mount ();
  if (err != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a tmpfs here (%s): the injected failures stand in",
                                              g_strerror (err));
      g_test_skip (why);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------ */
/* Targets a user can name                                            */

static void
assert_refused (const char *path, PbFileWriteFlags flags, int code, const char *why)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pb_file_write (path, "new", 3, flags, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, why));
}

static void
assert_written (const char *path, PbFileWriteFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;

  g_assert_true (pb_file_write (path, "new", 3, flags, &error));
  g_assert_no_error (error);
  back = read_text (path);
  g_assert_cmpstr (back, ==, "new");
}

/* Devices, pipes, folders are refused, never replaced by a regular file. */
static void
test_not_regular (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pricebook-file-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling", NULL);
  g_autofree char *to_device = g_build_filename (dir, "to-device", NULL);
  g_autofree char *names = NULL;

  assert_refused ("/dev/null", PB_FILE_WRITE_NONE, G_IO_ERROR_NOT_REGULAR_FILE, "device");
  assert_refused ("/dev/full", PB_FILE_WRITE_BACKUP, G_IO_ERROR_NOT_REGULAR_FILE, "device");
  g_assert_true (S_ISCHR (pb_test_mode_of ("/dev/null")));
  g_assert_true (S_ISCHR (pb_test_mode_of ("/dev/full")));

  /* A FIFO nobody reads would block an open() forever: it is never opened. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, PB_FILE_WRITE_NONE, G_IO_ERROR_NOT_REGULAR_FILE, "FIFO");
  g_assert_true (S_ISFIFO (pb_test_mode_of (fifo)));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_refused (folder, PB_FILE_WRITE_NONE, G_IO_ERROR_IS_DIRECTORY, "folder");
  g_assert_true (S_ISDIR (pb_test_mode_of (folder)));

  g_assert_cmpint (symlink ("nowhere", dangling), ==, 0);
  assert_refused (dangling, PB_FILE_WRITE_NONE, G_IO_ERROR_NOT_REGULAR_FILE, "does not exist");
  g_assert_cmpint (symlink ("/dev/null", to_device), ==, 0);
  assert_refused (to_device, PB_FILE_WRITE_NONE, G_IO_ERROR_NOT_REGULAR_FILE, "device");

  names = listing (dir);
  g_assert_cmpstr (names, ==, "dangling fifo folder to-device");
  remove_tree (dir);
}

/* The file keeps its mode; a read-only one is replaced only when asked. */
static void
test_modes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pricebook-file-XXXXXX", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pdf", NULL);
  g_autofree char *private = g_build_filename (dir, "private.pricebook", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.pdf", NULL);
  g_autofree char *autosave = g_build_filename (dir, "autosave.pricebook", NULL);
  g_autofree char *backup = g_build_filename (dir, "private.pricebook~", NULL);
  g_autofree char *kept = NULL;
  mode_t mask = umask (022);

  write_text (locked, "old");
  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
  /* Refused even for root, who could write it. */
  assert_refused (locked, PB_FILE_WRITE_NONE, G_IO_ERROR_READ_ONLY, "read-only");
  kept = read_text (locked);
  g_assert_cmpstr (kept, ==, "old");
  assert_written (locked, PB_FILE_WRITE_REPLACE_READ_ONLY);
  g_assert_cmpint (pb_test_mode_of (locked) & 07777, ==, 0444);

  write_text (private, "old");
  g_assert_cmpint (g_chmod (private, 0600), ==, 0);
  assert_written (private, PB_FILE_WRITE_BACKUP);
  g_assert_cmpint (pb_test_mode_of (private) & 07777, ==, 0600);
  /* The copy of a private file is just as private. */
  g_assert_cmpint (pb_test_mode_of (backup) & 07777, ==, 0600);

  assert_written (fresh, PB_FILE_WRITE_NONE);
  g_assert_cmpint (pb_test_mode_of (fresh) & 07777, ==, 0644);
  assert_written (autosave, PB_FILE_WRITE_PRIVATE | PB_FILE_WRITE_BACKUP);
  g_assert_cmpint (pb_test_mode_of (autosave) & 07777, ==, 0600);
  /* Nothing to keep yet: no "NAME~" for a new file. */
  {
    g_autofree char *names = listing (dir);

    g_assert_cmpstr (names, ==, "autosave.pricebook fresh.pdf locked.pdf private.pricebook private.pricebook~");
  }
  umask (mask);
  remove_tree (dir);
}

/* A symbolic link stays a link to the new content; a hard-linked file is
 * refused rather than split. */
static void
test_links (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pricebook-file-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (dir, "real.pricebook", NULL);
  g_autofree char *symbolic = g_build_filename (dir, "link.pricebook", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.pricebook", NULL);
  g_autofree char *other = g_build_filename (dir, "other-name.pricebook", NULL);
  g_autofree char *back = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;

  write_text (real, "old");
  g_assert_cmpint (symlink ("real.pricebook", symbolic), ==, 0);
  assert_written (symbolic, PB_FILE_WRITE_BACKUP);
  g_assert_true (S_ISLNK (pb_test_mode_of (symbolic)));
  back = read_text (real);
  g_assert_cmpstr (back, ==, "new");
  /* "NAME~" goes beside the file written. */
  kept = g_strconcat (real, "~", NULL);
  g_clear_pointer (&back, g_free);
  back = read_text (kept);
  g_assert_cmpstr (back, ==, "old");

  write_text (hard, "old");
  g_assert_cmpint (link (hard, other), ==, 0);
  assert_refused (hard, PB_FILE_WRITE_BACKUP, G_IO_ERROR_TOO_MANY_LINKS, "hard links");
  g_clear_pointer (&back, g_free);
  back = read_text (other);
  g_assert_cmpstr (back, ==, "old");

  names = listing (dir);
  g_assert_cmpstr (names, ==, "hard.pricebook link.pricebook other-name.pricebook real.pricebook real.pricebook~");
  remove_tree (dir);
}

/* A missing folder or one that cannot be written says so. */
static void
test_folders (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pricebook-file-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);

  assert_refused (missing, PB_FILE_WRITE_NONE, G_IO_ERROR_NOT_FOUND, "the folder does not exist");
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Several savers at once                                             */

/* Checks @path as often as it can while the savers run: it is always there
 * and always one of the two whole versions save-loop writes. */
static guint
watch_savers (const char *path, GPid *pids, guint n_pids, const char *even, const char *odd)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  guint running = n_pids, looks = 0;
  gboolean backup_seen = FALSE;

  while (running > 0)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (path, &text, NULL, &error))
        g_error ("while saving: %s", error->message);
      if (!g_str_equal (text, even) && !g_str_equal (text, odd))
        g_error ("while saving, the file holds neither version:\n%s", text);
      g_clear_pointer (&text, g_free);
      if (g_file_get_contents (backup, &text, NULL, &error))
        {
          backup_seen = TRUE;
          if (!g_str_equal (text, even) && !g_str_equal (text, odd))
            g_error ("while saving, the backup holds neither version:\n%s", text);
        }
      else if (backup_seen)
        g_error ("while saving, the backup went missing: %s", error->message);
      looks++;
      for (guint i = 0; i < n_pids; i++)
        {
          int status;

          if (pids[i] == 0 || waitpid (pids[i], &status, WNOHANG) != pids[i])
            continue;
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          pids[i] = 0;
          running--;
        }
    }
  return looks;
}

static void
savers_at_once (guint n_savers, guint saves)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "quotes", "sample.pricebook", NULL);
  g_autofree char *saver = g_test_build_filename (G_TEST_BUILT, "save-loop", NULL);
  g_autofree char *dir = g_dir_make_tmp ("pricebook-savers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "quote.pricebook", NULL);
  g_autofree char *count = g_strdup_printf ("%u", saves);
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *even = NULL;
  g_autofree char *odd = NULL;
  g_autofree char *names = NULL;
  GPid pids[3];
  guint looks;

  quote = pb_quote_new_from_file (source, &error);
  g_assert_no_error (error);
  pb_customer_set_contact (pb_quote_get_customer (quote), "odd");
  odd = pb_quote_to_string (quote);
  pb_customer_set_contact (pb_quote_get_customer (quote), "an even, longer contact line");
  even = pb_quote_to_string (quote);
  g_assert_true (pb_quote_save_to_file (quote, path, &error));

  g_assert_cmpuint (n_savers, <=, G_N_ELEMENTS (pids));
  for (guint i = 0; i < n_savers; i++)
    {
      const char *argv[] = { saver, source, path, count, NULL };

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                    &pids[i], &error));
      g_assert_no_error (error);
    }
  looks = watch_savers (path, pids, n_savers, even, odd);
  g_test_message ("%u savers x %u saves, the file looked at %u times", n_savers, saves, looks);
  names = listing (dir);
  g_assert_cmpstr (names, ==, "quote.pricebook quote.pricebook~");
  remove_tree (dir);
}

static guint
saves_per_saver (void)
{
  const char *rounds = g_getenv ("PRICEBOOK_TEST_SAVES");

  return rounds ? (guint) g_ascii_strtoull (rounds, NULL, 10) : 1000;
}

static void
test_two_savers (void)
{
  savers_at_once (2, saves_per_saver ());
}

static void
test_three_savers (void)
{
  savers_at_once (3, saves_per_saver ());
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file/injected-failures", test_injected_failures);
  g_test_add_func ("/file/short-writes", test_short_writes);
  g_test_add_func ("/file/full-disk", test_full_disk);
  g_test_add_func ("/file/not-regular", test_not_regular);
  g_test_add_func ("/file/modes", test_modes);
  g_test_add_func ("/file/links", test_links);
  g_test_add_func ("/file/folders", test_folders);
  g_test_add_func ("/file/two-savers", test_two_savers);
  g_test_add_func ("/file/three-savers", test_three_savers);
  return g_test_run ();
}
