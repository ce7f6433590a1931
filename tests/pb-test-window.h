/* pb-test-window.h: driving the main window from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pb-test-ui.h"
#include "pb-window-private.h"

static inline gboolean
pb_test_window_idle (gpointer window)
{
  PbDocument *document = pb_window_get_document (window);

  return document == NULL || !pb_document_get_busy (document);
}

/* Ctrl+S, and the save's worker thread done. */
static inline void
pb_test_save_and_wait (PbWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pb_test_wait_for (pb_test_window_idle, window);
}

/* Save As @path, as if chosen in the file chooser, and the worker done. */
static inline void
pb_test_save_as_and_wait (PbWindow *window, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _pb_window_save_to_async (window, file, NULL, NULL);
  pb_test_wait_for (pb_test_window_idle, window);
}

/* The dialog the window is asking in (the save-changes question, a save's
 * question), or NULL. */
static inline GtkDialog *
pb_test_find_dialog (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (window) && gtk_widget_get_visible (window) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (window), name) == 0))
        return GTK_DIALOG (window);
    }
  return NULL;
}

/* Answers the dialog named @name with @response, as a click would. */
static inline void
pb_test_answer (const char *name, int response)
{
  GtkDialog *dialog = pb_test_find_dialog (name);

  if (dialog == NULL)
    g_error ("no dialog “%s” is asking", name);
  gtk_dialog_response (dialog, response);
  pb_test_iterate ();
}
