/* pb-window.h: a window showing one document, or the start page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-application.h"
#include "pb-document.h"

G_BEGIN_DECLS

#define PB_TYPE_WINDOW (pb_window_get_type ())
G_DECLARE_FINAL_TYPE (PbWindow, pb_window, PB, WINDOW, GtkApplicationWindow)

PbWindow    *pb_window_new            (PbApplication        *application);
/* Opens @file here, once unsaved changes were saved or given up. */
void         pb_window_open_file      (PbWindow             *self,
                                       GFile                *file);
/* Shows @document (which must not be shown elsewhere) without asking. */
void         pb_window_set_document   (PbWindow             *self,
                                       PbDocument           *document);
PbDocument  *pb_window_get_document   (PbWindow             *self);
/* Saves the document (asking for a file when it has none or @save_as),
 * with the questions a save can raise (changed on disk, read-only). */
void         pb_window_save_async     (PbWindow             *self,
                                       gboolean              save_as,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean     pb_window_save_finish    (PbWindow             *self,
                                       GAsyncResult         *result,
                                       GError              **error);
/* Gives up the document's unsaved changes and its kept copy. */
void         pb_window_discard        (PbWindow             *self);

G_END_DECLS
