/* pb-save-changes-dialog.c: asking before unsaved changes are dropped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-save-changes"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-save-changes-dialog.h"

/* The dialog's own responses beside GTK_RESPONSE_CANCEL. */
enum { RESPONSE_DISCARD = 1, RESPONSE_SAVE = 2 };

typedef struct
{
  GPtrArray *documents;
  GPtrArray *checks;      /* one GtkCheckButton a document, when several */
  GPtrArray *to_save;
} Question;

static void
question_free (Question *question)
{
  g_clear_pointer (&question->documents, g_ptr_array_unref);
  g_clear_pointer (&question->checks, g_ptr_array_unref);
  g_clear_pointer (&question->to_save, g_ptr_array_unref);
  g_free (question);
}

static void
on_response (GtkDialog *dialog, int response, GTask *task)
{
  Question *question = g_task_get_task_data (task);
  PbSaveChangesResponse answer = PB_SAVE_CHANGES_CANCEL;

  if (response == RESPONSE_SAVE)
    {
      answer = PB_SAVE_CHANGES_SAVE;
      question->to_save = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < question->documents->len; i++)
        if (question->checks == NULL ||
            gtk_check_button_get_active (g_ptr_array_index (question->checks, i)))
          g_ptr_array_add (question->to_save, g_object_ref (g_ptr_array_index (question->documents, i)));
    }
  else if (response == RESPONSE_DISCARD)
    answer = PB_SAVE_CHANGES_DISCARD;
  /* The answer may close the parent (quitting destroys every window) while
   * the "response" emission still holds the dialog: let go of the parent
   * now, or the dialog's dispose would later disconnect from a freed one. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_task_return_int (task, answer);
  g_object_unref (task);
}

/* Several documents: one tick a document, all ticked, as GNOME Text Editor
 * asks when it quits. */
static void
add_checks (GtkMessageDialog *dialog, Question *question)
{
  GtkWidget *area = gtk_message_dialog_get_message_area (dialog);

  question->checks = g_ptr_array_new ();
  for (guint i = 0; i < question->documents->len; i++)
    {
      g_autofree char *title = pb_document_dup_title (g_ptr_array_index (question->documents, i));
      GtkWidget *check = gtk_check_button_new_with_label (title);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_box_append (GTK_BOX (area), check);
      g_ptr_array_add (question->checks, check);
    }
}

static char *
primary_text (GPtrArray *documents)
{
  PbDocument *document = g_ptr_array_index (documents, 0);
  g_autofree char *title = NULL;

  if (documents->len > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Save changes to %u document?",
                                         "Save changes to %u documents?", documents->len),
                            documents->len);
  title = pb_document_dup_title (document);
  /* Asked before closing, quitting, opening or starting another document. */
  return g_strdup_printf (pb_document_get_quote (document) ? _("Save changes to quote “%s”?")
                                                           : _("Save changes to scenario “%s”?"),
                          title);
}

void
pb_save_changes_dialog_run_async (GtkWindow           *parent,
                                  GPtrArray           *documents,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Question *question = g_new0 (Question, 1);
  g_autofree char *text = primary_text (documents);
  GtkWidget *dialog;

  g_return_if_fail (documents != NULL && documents->len > 0);

  question->documents = g_ptr_array_ref (documents);
  g_task_set_task_data (task, question, (GDestroyNotify) question_free);
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", text);
  gtk_widget_set_name (dialog, "save_changes_dialog");
  /* A message dialog has no title: screen readers announce it by its question. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            documents->len > 1
                                            ? _("Tick the documents to save. If you don’t save, their changes will be lost.")
                                            : _("If you don’t save, your changes will be lost."));
  if (documents->len > 1)
    add_checks (GTK_MESSAGE_DIALOG (dialog), question);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          documents->len > 1 ? _("_Discard All") : _("_Discard"), RESPONSE_DISCARD,
                          _("_Save"), RESPONSE_SAVE,
                          NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_DISCARD),
                            "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

PbSaveChangesResponse
pb_save_changes_dialog_run_finish (GAsyncResult *result, GPtrArray **to_save)
{
  Question *question = g_task_get_task_data (G_TASK (result));
  PbSaveChangesResponse answer = (PbSaveChangesResponse) g_task_propagate_int (G_TASK (result), NULL);

  if (to_save != NULL)
    *to_save = answer == PB_SAVE_CHANGES_SAVE && question->to_save ? g_ptr_array_ref (question->to_save) : NULL;
  return answer;
}
