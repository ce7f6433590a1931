/* pb-save-changes-dialog.h: asking before unsaved changes are dropped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One question for one or several documents with unsaved changes: save
 * them, discard them, or cancel what was about to drop them (closing,
 * quitting, opening another document).  The dialog only asks; the caller
 * saves what the user chose (pb_window_save_async), so that a save that
 * fails or is cancelled stops the close.
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-document.h"

G_BEGIN_DECLS

typedef enum
{
  PB_SAVE_CHANGES_CANCEL,
  PB_SAVE_CHANGES_DISCARD,
  PB_SAVE_CHANGES_SAVE,
} PbSaveChangesResponse;

/* @documents: PbDocument, at least one, each with unsaved changes. */
void                  pb_save_changes_dialog_run_async  (GtkWindow            *parent,
                                                         GPtrArray            *documents,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* With PB_SAVE_CHANGES_SAVE, @to_save (if not NULL) receives the documents
 * the user left ticked (all of them when there is one). */
PbSaveChangesResponse pb_save_changes_dialog_run_finish (GAsyncResult         *result,
                                                         GPtrArray           **to_save);

G_END_DECLS
