/* pb-document.c: one open quote or scenario, its file and its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows a document and the session keeps copies of it; neither
 * branches on what kind of document it is for more than its words.  A save
 * takes the text on the main thread (the model is not thread-safe) and
 * writes it in a worker through the library's safe writer, so that a slow
 * or full disk never freezes the window and never tears the file.
 */
#define G_LOG_DOMAIN "pb-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-document.h"
#include "pb-file.h"

struct _PbDocument
{
  GObject      parent_instance;

  PbQuote     *quote;
  PbQuote     *saved;      /* the quote as last read or written, or NULL */
  PbScenario  *scenario;
  GFile       *file;
  char        *etag;       /* the file's, when last read or written here */
  guint64      changes;    /* counts the model's changes */
  gboolean     dirty;
  gboolean     busy;
};

G_DEFINE_FINAL_TYPE (PbDocument, pb_document, G_TYPE_OBJECT)

enum { PROP_0, PROP_FILE, PROP_DIRTY, PROP_BUSY, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */

static void
set_dirty (PbDocument *self, gboolean dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
on_model_changed (PbDocument *self)
{
  self->changes++;
  set_dirty (self, TRUE);
  /* The title follows the customer's name, the number, the scenario's title. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static PbDocument *
document_new (PbQuote *quote, PbScenario *scenario)
{
  PbDocument *self = g_object_new (PB_TYPE_DOCUMENT, NULL);

  self->quote = quote ? g_object_ref (quote) : NULL;
  self->scenario = scenario ? g_object_ref (scenario) : NULL;
  g_signal_connect_object (quote ? (gpointer) quote : (gpointer) scenario, "changed",
                           G_CALLBACK (on_model_changed), self, G_CONNECT_SWAPPED);
  return self;
}

/* An untouched new document has nothing to lose: it is not dirty. */
PbDocument *
pb_document_new_quote (PbQuote *quote)
{
  g_return_val_if_fail (PB_IS_QUOTE (quote), NULL);
  return document_new (quote, NULL);
}

PbDocument *
pb_document_new_scenario (PbScenario *scenario)
{
  g_return_val_if_fail (PB_IS_SCENARIO (scenario), NULL);
  return document_new (NULL, scenario);
}

/* ------------------------------------------------------------------ */
/* Reading                                                            */

/* What tells this version of the file from another: GIO's entity tag (the
 * modification time) alone misses a write within the same clock tick of
 * the file system (4 ms here, two saves in a row), so the inode (a save
 * renames a new file into place), the size and the change time go with it. */
static char *
query_etag (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                                 G_FILE_ATTRIBUTE_UNIX_INODE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_TIME_CHANGED ","
                                                 G_FILE_ATTRIBUTE_TIME_CHANGED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

  if (info == NULL)
    return NULL;
  return g_strdup_printf ("%s/%" G_GUINT64_FORMAT "/%" G_GOFFSET_FORMAT "/%" G_GUINT64_FORMAT ".%u",
                          g_file_info_get_etag (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE),
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_CHANGED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_CHANGED_USEC));
}

/* Whether a file that did not load says it is a Pricebook file at all: the
 * first thing a user needs to hear is whether they picked the wrong file. */
static const char *
sniff_format (GFile *file)
{
  g_autoptr(GFileInputStream) stream = NULL;
  char head[4096] = { 0 };
  gsize n = 0;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR ||
      (stream = g_file_read (file, NULL, NULL)) == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n, NULL, NULL))
    return NULL;
  head[n] = '\0';
  if (strstr (head, PB_SCENARIO_FORMAT) != NULL)
    return PB_SCENARIO_FORMAT;
  if (strstr (head, PB_QUOTE_FORMAT) != NULL)
    return PB_QUOTE_FORMAT;
  return NULL;
}

static gboolean
load (GFile *file, const char *path, gboolean scenario, PbQuote **quote, PbScenario **out, GError **error)
{
  g_autoptr(PbCatalog) catalog = NULL;

  if (!scenario)
    return (*quote = pb_quote_new_from_file (path, error)) != NULL;
  catalog = pb_catalog_get_default (error);
  return catalog != NULL && (*out = pb_scenario_new_from_file (path, catalog, error)) != NULL;
}

PbDocument *
pb_document_new_for_file (GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) local = NULL;
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(PbScenario) scenario = NULL;
  PbDocument *self;
  gboolean as_scenario = g_str_has_suffix (name, ".pbscenario");
  const char *format;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not on this computer: only local files can be opened."), name);
      return NULL;
    }
  if (!load (file, path, as_scenario, &quote, &scenario, &local))
    {
      format = sniff_format (file);
      /* A scenario saved under a quote's name, or the other way round. */
      if (format != NULL && (g_str_equal (format, PB_SCENARIO_FORMAT) != as_scenario))
        {
          g_clear_error (&local);
          as_scenario = !as_scenario;
          load (file, path, as_scenario, &quote, &scenario, &local);
        }
      if (local != NULL)
        {
          g_set_error (error, local->domain, local->code,
                       format != NULL ? _("“%s” could not be opened. %s")
                                      : _("“%s” is not a Pricebook quote or scenario. %s"),
                       name, local->message);
          return NULL;
        }
    }
  self = document_new (quote, scenario);
  self->saved = quote != NULL ? pb_quote_copy (quote) : NULL;
  self->file = g_object_ref (file);
  self->etag = query_etag (file, NULL, NULL);
  return self;
}

PbDocument *
pb_document_new_restored (GFile *copy, GFile *origin, const char *etag, GError **error)
{
  PbDocument *self = pb_document_new_for_file (copy, error);

  if (self == NULL)
    return NULL;
  g_set_object (&self->file, origin);
  /* What the origin holds is not known here: no revision is counted. */
  g_clear_object (&self->saved);
  g_free (self->etag);
  self->etag = origin != NULL ? g_strdup (etag) : NULL;
  set_dirty (self, TRUE);
  return self;
}

/* ------------------------------------------------------------------ */
/* Saving                                                             */

typedef struct
{
  GFile               *file;
  char                *text;
  char                *expected_etag;  /* NULL: nothing to compare with */
  PbDocumentSaveFlags  flags;
  guint64              changes;        /* the model's, when the text was taken */
  PbQuote             *quote;          /* a copy of the quote written, or NULL */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->quote);
  g_free (job->text);
  g_free (job->expected_etag);
  g_free (job);
}

static gboolean
changed_on_disk (SaveJob *job, GCancellable *cancellable)
{
  g_autofree char *now = NULL;

  if (job->expected_etag == NULL || (job->flags & PB_DOCUMENT_SAVE_OVERWRITE))
    return FALSE;
  /* What is no longer a file at all, the writer refuses in its own words. */
  if (g_file_query_file_type (job->file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_REGULAR)
    return FALSE;
  /* A file deleted since is written anew: nothing of anyone's is lost. */
  now = query_etag (job->file, cancellable, NULL);
  return now != NULL && g_strcmp0 (now, job->expected_etag) != 0;
}

static void
save_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SaveJob *job = data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autofree char *name = g_file_get_basename (job->file);
  PbFileWriteFlags flags = PB_FILE_WRITE_BACKUP;
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("“%s” is not on this computer: only local files can be saved."), name);
      return;
    }
  if (changed_on_disk (job, cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                               _("“%s” was changed by another program since it was opened here."), name);
      return;
    }
  if (job->flags & PB_DOCUMENT_SAVE_READ_ONLY)
    flags |= PB_FILE_WRITE_REPLACE_READ_ONLY;
  if (!pb_file_write (path, job->text, strlen (job->text), flags, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, query_etag (job->file, cancellable, NULL), g_free);
}

static void
set_busy (PbDocument *self, gboolean busy)
{
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

char *
pb_document_serialize (PbDocument *self)
{
  g_autofree char *text = self->quote ? pb_quote_to_string (self->quote) : pb_scenario_to_string (self->scenario);

  return g_strconcat (text, "\n", NULL);
}

/* @file NULL saves to the document's own file. */
void
pb_document_save_async (PbDocument          *self,
                        GFile               *file,
                        PbDocumentSaveFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (PB_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_document_save_async);
  /* Before the text is taken: the revision is part of it. */
  if (self->quote != NULL && self->saved != NULL)
    pb_quote_revise (self->quote, self->saved);
  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file ? file : self->file);
  job->text = pb_document_serialize (self);
  job->quote = self->quote != NULL ? pb_quote_copy (self->quote) : NULL;
  job->flags = flags;
  job->changes = self->changes;
  /* Only the file this document was read from can have changed under it. */
  if (self->file != NULL && g_file_equal (job->file, self->file))
    job->expected_etag = g_strdup (self->etag);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, save_thread);
}

gboolean
pb_document_save_finish (PbDocument *self, GAsyncResult *result, GError **error)
{
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *etag = NULL;
  GError *local = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  set_busy (self, FALSE);
  etag = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  if (g_set_object (&self->file, job->file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_set_object (&self->saved, job->quote);
  /* Changes made while the worker wrote are still unsaved. */
  if (self->changes == job->changes)
    set_dirty (self, FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------ */

PbQuote *
pb_document_get_quote (PbDocument *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT (self), NULL);
  return self->quote;
}

PbScenario *
pb_document_get_scenario (PbDocument *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT (self), NULL);
  return self->scenario;
}

GFile *
pb_document_get_file (PbDocument *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
pb_document_get_etag (PbDocument *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT (self), NULL);
  return self->etag;
}

gboolean
pb_document_get_dirty (PbDocument *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT (self), FALSE);
  return self->dirty;
}

void
pb_document_set_dirty (PbDocument *self, gboolean dirty)
{
  g_return_if_fail (PB_IS_DOCUMENT (self));
  set_dirty (self, dirty);
}

gboolean
pb_document_get_busy (PbDocument *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT (self), FALSE);
  return self->busy;
}

const char *
pb_document_get_suffix (PbDocument *self)
{
  return self->quote != NULL ? ".pricebook" : ".pbscenario";
}

char *
pb_document_dup_title (PbDocument *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT (self), NULL);

  if (self->scenario != NULL)
    {
      const char *title = pb_scenario_get_title (self->scenario);

      return g_strdup (title && *title ? title : _("Untitled scenario"));
    }
  {
    const char *customer = pb_customer_get_name (pb_quote_get_customer (self->quote));
    const char *number = pb_quote_get_number (self->quote);

    return g_strdup_printf ("%s · %s", customer && *customer ? customer : _("New customer"),
                            number && *number ? number : _("New quote"));
  }
}

static void
pb_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbDocument *self = PB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_TITLE:
      g_value_take_string (value, pb_document_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_document_finalize (GObject *object)
{
  PbDocument *self = PB_DOCUMENT (object);

  g_clear_object (&self->quote);
  g_clear_object (&self->saved);
  g_clear_object (&self->scenario);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  G_OBJECT_CLASS (pb_document_parent_class)->finalize (object);
}

static void
pb_document_class_init (PbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pb_document_get_property;
  object_class->finalize = pb_document_finalize;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every change of the quote or scenario (the session's cue). */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pb_document_init (PbDocument *self)
{
}
