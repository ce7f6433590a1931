/* pb-document.h: one open quote or scenario, its file and its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is what a window shows and the session keeps copies of: a
 * PbQuote or a PbScenario, the file it came from (or none yet), the file's
 * entity tag when it was last read or written, and whether it has changes
 * not saved.  Saving writes off the main thread and refuses to overwrite a
 * file that another program changed since, unless told to.
 */
#pragma once

#include <gio/gio.h>

#include "pb-quote.h"
#include "pb-scenario.h"

G_BEGIN_DECLS

#define PB_TYPE_DOCUMENT (pb_document_get_type ())
G_DECLARE_FINAL_TYPE (PbDocument, pb_document, PB, DOCUMENT, GObject)

typedef enum
{
  PB_DOCUMENT_SAVE_DEFAULT    = 0,
  /* Write even though the file changed on disk since it was read. */
  PB_DOCUMENT_SAVE_OVERWRITE  = 1 << 0,
  /* Replace a file without write permission: the user said so. */
  PB_DOCUMENT_SAVE_READ_ONLY  = 1 << 1,
} PbDocumentSaveFlags;

PbDocument  *pb_document_new_quote      (PbQuote              *quote);
PbDocument  *pb_document_new_scenario   (PbScenario           *scenario);
/* Reads @file: a scenario when its name ends in .pbscenario, else a quote. */
PbDocument  *pb_document_new_for_file   (GFile                *file,
                                         GError              **error);
/* Reads a copy the session kept: unsaved changes of @origin (NULL: a
 * document never saved), whose entity tag was @etag when the copy was made. */
PbDocument  *pb_document_new_restored   (GFile                *copy,
                                         GFile                *origin,
                                         const char           *etag,
                                         GError              **error);

PbQuote     *pb_document_get_quote      (PbDocument           *self);
PbScenario  *pb_document_get_scenario   (PbDocument           *self);
GFile       *pb_document_get_file       (PbDocument           *self);
/* The file's entity tag when this document last read or wrote it. */
const char  *pb_document_get_etag       (PbDocument           *self);
gboolean     pb_document_get_dirty      (PbDocument           *self);
/* A restored copy has changes that no file holds. */
void         pb_document_set_dirty      (PbDocument           *self,
                                         gboolean              dirty);
gboolean     pb_document_get_busy       (PbDocument           *self);
/* "Customer · Q-2026-0001", the scenario's title, or a placeholder. */
char        *pb_document_dup_title      (PbDocument           *self);
/* ".pricebook" or ".pbscenario". */
const char  *pb_document_get_suffix     (PbDocument           *self);
/* The text a save writes. */
char        *pb_document_serialize      (PbDocument           *self);

void         pb_document_save_async     (PbDocument           *self,
                                         GFile                *file,
                                         PbDocumentSaveFlags   flags,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* G_IO_ERROR_WRONG_ETAG: the file changed on disk since it was read;
 * G_IO_ERROR_READ_ONLY: the file may not be written; others in words. */
gboolean     pb_document_save_finish    (PbDocument           *self,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
