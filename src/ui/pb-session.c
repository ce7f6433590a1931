/* pb-session.c: copies of unsaved documents, and their return after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folder holds, for each running or ended process, a lock file
 * "SESSION.lock" (held with flock() while the process runs), and for each
 * dirty document a copy "SESSION_N.pricebook" (or .pbscenario) beside
 * "SESSION_N.origin": the URI of the file it is a copy of and that file's
 * entity tag, one per line.  A copy whose session lock nobody holds was
 * left behind by a process that ended without cleaning up: that is what
 * the next start offers back.  Copies are written with the library's safe
 * writer (whole or not at all, mode 0600), off the main thread.
 */
#define G_LOG_DOMAIN "pb-session"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "pb-file.h"
#include "pb-session.h"

#define DEFAULT_DELAY 3

struct _PbSession
{
  GObject      parent_instance;

  char        *directory;
  char        *id;
  int          lock_fd;     /* held for the life of the process; -1 until the first copy */
  GHashTable  *drafts;      /* PbDocument → Draft */
  guint        counter;
  guint        delay;
  gboolean     auto_save;
};

G_DEFINE_FINAL_TYPE (PbSession, pb_session, G_TYPE_OBJECT)

enum { PROP_0, PROP_AUTO_SAVE, PROP_AUTO_SAVE_DELAY, N_PROPS };
static GParamSpec *properties[N_PROPS];

typedef struct
{
  PbSession   *session;     /* not a reference: the session owns the draft */
  PbDocument  *document;
  char        *stem;        /* the copy's path without its suffix */
  guint        timeout;
  gboolean     writing;     /* a worker is writing the copy */
  gboolean     again;       /* changed while it was written */
} Draft;

/* ------------------------------------------------------------------ */
/* Paths and locks                                                    */

static char *
draft_path (Draft *draft, const char *suffix)
{
  return g_strconcat (draft->stem, suffix, NULL);
}

/* Takes this process's lock the first time a copy is written: from then
 * on, no other process offers this session's copies. */
static gboolean
ensure_lock (PbSession *self, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (self->lock_fd >= 0)
    return TRUE;
  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", self->directory, g_strerror (saved));
      return FALSE;
    }
  name = g_strconcat (self->id, ".lock", NULL);
  path = g_build_filename (self->directory, name, NULL);
  self->lock_fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      if (self->lock_fd >= 0)
        close (g_steal_fd (&self->lock_fd));
      return FALSE;
    }
  return TRUE;
}

/* The lock of the session that made @name ("SESSION_N.suffix"), taken if
 * its process has ended: a file descriptor to close, or -1 while it runs
 * (or for this session's own copies).  Copies of older versions, named
 * "SESSION.suffix" with no lock file, count as ended. */
static int
take_ended_lock (PbSession *self, const char *name, gboolean *ended)
{
  g_autofree char *session = NULL;
  g_autofree char *lock_name = NULL;
  g_autofree char *path = NULL;
  const char *underscore = strchr (name, '_');
  int fd;

  *ended = FALSE;
  session = underscore ? g_strndup (name, underscore - name) : g_strndup (name, strcspn (name, "."));
  if (g_str_equal (session, self->id))
    return -1;
  lock_name = g_strconcat (session, ".lock", NULL);
  path = g_build_filename (self->directory, lock_name, NULL);
  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    {
      *ended = TRUE;
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }
  *ended = TRUE;
  return fd;
}

static gboolean
is_copy (const char *name)
{
  return name[0] != '.' && (g_str_has_suffix (name, ".pricebook") || g_str_has_suffix (name, ".pbscenario"));
}

/* ------------------------------------------------------------------ */
/* Writing copies                                                     */

typedef struct
{
  char  *stem;
  char  *suffix;
  char  *text;
  char  *origin;   /* "URI\nETAG\n" */
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_free (job->stem);
  g_free (job->suffix);
  g_free (job->text);
  g_free (job->origin);
  g_free (job);
}

static gboolean
write_copy (CopyJob *job, GError **error)
{
  g_autofree char *origin_path = g_strconcat (job->stem, ".origin", NULL);
  g_autofree char *path = g_strconcat (job->stem, job->suffix, NULL);

  /* The note of the origin first: a copy is never found without it. */
  return pb_file_write (origin_path, job->origin, strlen (job->origin), PB_FILE_WRITE_PRIVATE, error) &&
         pb_file_write (path, job->text, strlen (job->text), PB_FILE_WRITE_PRIVATE, error);
}

static void
copy_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_copy (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static CopyJob *
copy_job_new (Draft *draft)
{
  CopyJob *job = g_new0 (CopyJob, 1);
  GFile *file = pb_document_get_file (draft->document);
  g_autofree char *uri = file ? g_file_get_uri (file) : g_strdup ("");
  const char *etag = pb_document_get_etag (draft->document);

  job->stem = g_strdup (draft->stem);
  job->suffix = g_strdup (pb_document_get_suffix (draft->document));
  job->text = pb_document_serialize (draft->document);
  job->origin = g_strdup_printf ("%s\n%s\n", uri, etag ? etag : "");
  return job;
}

static void
remove_copy (Draft *draft)
{
  const char *suffixes[] = { ".pricebook", ".pbscenario", ".origin" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = draft_path (draft, suffixes[i]);

      g_unlink (path);
    }
}

static void write_later (Draft *draft);

static void
on_copy_written (GObject *source, GAsyncResult *result, gpointer data)
{
  Draft *draft = data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("could not keep a copy of “%s”: %s", draft->stem, error->message);
  draft->writing = FALSE;
  /* Saved (or given up) while the worker wrote: the copy is not needed. */
  if (!pb_document_get_dirty (draft->document))
    remove_copy (draft);
  else if (draft->again)
    write_later (draft);
  draft->again = FALSE;
}

static gboolean
write_now (gpointer data)
{
  Draft *draft = data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  draft->timeout = 0;
  if (!pb_document_get_dirty (draft->document))
    return G_SOURCE_REMOVE;
  if (draft->writing)
    {
      draft->again = TRUE;
      return G_SOURCE_REMOVE;
    }
  if (!ensure_lock (draft->session, &error))
    {
      g_debug ("could not keep a copy: %s", error->message);
      return G_SOURCE_REMOVE;
    }
  draft->writing = TRUE;
  /* The draft lives as long as the task: removing the document waits. */
  task = g_task_new (NULL, NULL, on_copy_written, draft);
  g_task_set_task_data (task, copy_job_new (draft), (GDestroyNotify) copy_job_free);
  g_task_run_in_thread (task, copy_thread);
  return G_SOURCE_REMOVE;
}

static void
write_later (Draft *draft)
{
  if (draft->session->auto_save && draft->timeout == 0)
    draft->timeout = g_timeout_add_seconds (draft->session->delay, write_now, draft);
}

static void
on_document_dirty (Draft *draft)
{
  if (pb_document_get_dirty (draft->document))
    write_later (draft);
  else
    {
      g_clear_handle_id (&draft->timeout, g_source_remove);
      if (!draft->writing)
        remove_copy (draft);
    }
}

static void
draft_free (Draft *draft)
{
  g_clear_handle_id (&draft->timeout, g_source_remove);
  g_signal_handlers_disconnect_by_data (draft->document, draft);
  g_clear_object (&draft->document);
  g_free (draft->stem);
  g_free (draft);
}

void
pb_session_add_document (PbSession *self, PbDocument *document)
{
  Draft *draft;
  g_autofree char *name = NULL;

  g_return_if_fail (PB_IS_SESSION (self));
  g_return_if_fail (PB_IS_DOCUMENT (document));

  if (g_hash_table_contains (self->drafts, document))
    return;
  draft = g_new0 (Draft, 1);
  draft->session = self;
  draft->document = g_object_ref (document);
  name = g_strdup_printf ("%s_%u", self->id, ++self->counter);
  draft->stem = g_build_filename (self->directory, name, NULL);
  g_hash_table_insert (self->drafts, document, draft);
  g_signal_connect_swapped (document, "notify::dirty", G_CALLBACK (on_document_dirty), draft);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (write_later), draft);
  if (pb_document_get_dirty (document))
    write_later (draft);
}

/* Waits for a write under way: its copy is then removed, not left behind. */
static void
wait_for_write (Draft *draft)
{
  while (draft->writing)
    g_main_context_iteration (NULL, TRUE);
}

void
pb_session_remove_document (PbSession *self, PbDocument *document)
{
  Draft *draft;

  g_return_if_fail (PB_IS_SESSION (self));

  draft = g_hash_table_lookup (self->drafts, document);
  if (draft == NULL)
    return;
  wait_for_write (draft);
  remove_copy (draft);
  g_hash_table_remove (self->drafts, document);
}

void
pb_session_save_now (PbSession *self)
{
  GHashTableIter iter;
  Draft *draft;

  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &draft))
    {
      wait_for_write (draft);
      if (draft->timeout != 0 || pb_document_get_dirty (draft->document))
        {
          g_clear_handle_id (&draft->timeout, g_source_remove);
          write_now (draft);
          wait_for_write (draft);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Finding and restoring what ended processes left                    */

typedef struct
{
  char   *path;
  gint64  mtime;
} Found;

static void
found_free (Found *found)
{
  g_free (found->path);
  g_free (found);
}

static gint
newest_first (gconstpointer a, gconstpointer b)
{
  const Found *x = *(Found **) a, *y = *(Found **) b;

  return x->mtime < y->mtime ? 1 : x->mtime > y->mtime ? -1 : g_strcmp0 (x->path, y->path);
}

/* The copies of ended processes, newest first; their sessions' locks are
 * added to @locks (to be held while they are restored), when given. */
static GPtrArray *
find_left_behind (PbSession *self, GArray *locks)
{
  g_autoptr(GDir) listing = g_dir_open (self->directory, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      gboolean ended;
      int fd;
      GStatBuf st;

      if (!is_copy (name))
        continue;
      fd = take_ended_lock (self, name, &ended);
      if (fd >= 0 && locks != NULL)
        g_array_append_val (locks, fd);
      else if (fd >= 0)
        close (fd);
      path = g_build_filename (self->directory, name, NULL);
      if (ended && g_stat (path, &st) == 0)
        {
          Found *entry = g_new0 (Found, 1);

          entry->path = g_steal_pointer (&path);
          entry->mtime = st.st_mtime;
          g_ptr_array_add (found, entry);
        }
    }
  g_ptr_array_sort (found, newest_first);
  return found;
}

guint
pb_session_count_recoverable (PbSession *self)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (PB_IS_SESSION (self), 0);
  found = find_left_behind (self, NULL);
  return found->len;
}

static char *
stem_of (const char *path)
{
  return g_strndup (path, strrchr (path, '.') - path);
}

/* "URI\nETAG\n" (ETAG missing in copies of older versions). */
static void
read_origin (const char *stem, GFile **origin, char **etag)
{
  g_autofree char *path = g_strconcat (stem, ".origin", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  *origin = NULL;
  *etag = NULL;
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", 3);
  if (lines[0] != NULL && *lines[0] != '\0')
    *origin = g_file_new_for_uri (lines[0]);
  if (lines[0] != NULL && lines[1] != NULL && *lines[1] != '\0')
    *etag = g_strdup (lines[1]);
}

static void
remove_stem (const char *stem)
{
  const char *suffixes[] = { ".pricebook", ".pbscenario", ".origin", ".pricebook~", ".pbscenario~" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (stem, suffixes[i], NULL);

      g_unlink (path);
    }
}

/* A copy that cannot be read is kept, out of the way, for whoever wants
 * to look at it; it is never offered again. */
static char *
set_aside (PbSession *self, const char *path, const char *stem)
{
  g_autofree char *aside = g_build_filename (self->directory, "set-aside", NULL);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *origin = g_strconcat (stem, ".origin", NULL);
  g_autofree char *origin_name = g_path_get_basename (origin);
  g_autofree char *origin_target = g_build_filename (aside, origin_name, NULL);
  char *target = g_build_filename (aside, name, NULL);

  g_mkdir_with_parents (aside, 0700);
  g_rename (path, target);
  g_rename (origin, origin_target);
  return target;
}

static PbDocument *
restore_one (PbSession *self, const char *path, GPtrArray *problems)
{
  g_autofree char *stem = stem_of (path);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GFile) origin = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;
  PbDocument *document;

  read_origin (stem, &origin, &etag);
  document = pb_document_new_restored (copy, origin, etag, &error);
  if (document == NULL)
    {
      g_autofree char *target = set_aside (self, path, stem);

      if (problems != NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("A copy kept after Pricebook stopped could not be read, "
                                                      "so it was set aside as “%s”. %s"),
                                                    target, error->message));
      return NULL;
    }
  /* It lives on as a copy of this session's before the old one goes. */
  pb_session_add_document (self, document);
  pb_session_save_now (self);
  remove_stem (stem);
  return document;
}

/* Leftovers of older versions and of processes killed while writing:
 * backups ("NAME~"), GIO's and the safe writer's temporaries, and the locks
 * of ended sessions.  Called while holding those sessions' locks. */
static void
remove_leftovers (PbSession *self)
{
  g_autoptr(GDir) listing = g_dir_open (self->directory, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->directory, name, NULL);
      gboolean ended = FALSE;
      int fd;

      if (g_str_has_suffix (name, "~") || g_str_has_prefix (name, ".goutputstream-"))
        {
          g_unlink (path);
          continue;
        }
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      fd = take_ended_lock (self, name[0] == '.' ? name + 1 : name, &ended);
      if (fd >= 0)
        close (fd);
      /* A temporary of an ended session, or its lock with no copy left. */
      if (ended && (name[0] == '.' || g_str_has_suffix (name, ".lock")))
        g_unlink (path);
    }
}

GPtrArray *
pb_session_restore (PbSession *self, GPtrArray **problems)
{
  g_autoptr(GArray) locks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PB_IS_SESSION (self), documents);

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);
  found = find_left_behind (self, locks);
  for (guint i = 0; i < found->len; i++)
    {
      PbDocument *document = restore_one (self, ((Found *) g_ptr_array_index (found, i))->path,
                                          problems ? *problems : NULL);

      if (document != NULL)
        g_ptr_array_add (documents, document);
    }
  for (guint i = 0; i < locks->len; i++)
    close (g_array_index (locks, int, i));
  remove_leftovers (self);
  return documents;
}

/* ------------------------------------------------------------------ */

PbSession *
pb_session_new (const char *directory)
{
  PbSession *self = g_object_new (PB_TYPE_SESSION, NULL);

  self->directory = g_strdup (directory);
  return self;
}

PbSession *
pb_session_get_default (void)
{
  static PbSession *session;

  if (session == NULL)
    {
      g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "pricebook", "autosave", NULL);

      session = pb_session_new (directory);
    }
  return session;
}

gboolean
pb_session_get_auto_save (PbSession *self)
{
  return self->auto_save;
}

void
pb_session_set_auto_save (PbSession *self, gboolean auto_save)
{
  if (self->auto_save == !!auto_save)
    return;
  self->auto_save = !!auto_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_SAVE]);
}

guint
pb_session_get_auto_save_delay (PbSession *self)
{
  return self->delay;
}

void
pb_session_set_auto_save_delay (PbSession *self, guint seconds)
{
  if (self->delay == seconds)
    return;
  self->delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_SAVE_DELAY]);
}

static void
pb_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbSession *self = PB_SESSION (object);

  switch (prop_id)
    {
    case PROP_AUTO_SAVE:
      g_value_set_boolean (value, self->auto_save);
      break;
    case PROP_AUTO_SAVE_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_session_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PbSession *self = PB_SESSION (object);

  switch (prop_id)
    {
    case PROP_AUTO_SAVE:
      pb_session_set_auto_save (self, g_value_get_boolean (value));
      break;
    case PROP_AUTO_SAVE_DELAY:
      pb_session_set_auto_save_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_session_finalize (GObject *object)
{
  PbSession *self = PB_SESSION (object);

  g_hash_table_unref (self->drafts);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->directory);
  g_free (self->id);
  G_OBJECT_CLASS (pb_session_parent_class)->finalize (object);
}

static void
pb_session_class_init (PbSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pb_session_get_property;
  object_class->set_property = pb_session_set_property;
  object_class->finalize = pb_session_finalize;

  properties[PROP_AUTO_SAVE] =
    g_param_spec_boolean ("auto-save", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AUTO_SAVE_DELAY] =
    g_param_spec_uint ("auto-save-delay", NULL, NULL, 1, 3600, DEFAULT_DELAY,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_session_init (PbSession *self)
{
  self->id = g_uuid_string_random ();
  self->lock_fd = -1;
  self->auto_save = TRUE;
  self->delay = DEFAULT_DELAY;
  self->drafts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) draft_free);
}
