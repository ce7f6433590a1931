/* pb-window-actions.c: every command of the window, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Commands that drop the shown document (New, Open, Close, the samples)
 * go through _pb_window_confirm(), which asks about unsaved changes first.
 */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "pb-file.h"
#include "pb-key-dates-text.h"
#include "pb-preferences-window.h"
#include "pb-timeline-export.h"
#include "pb-window-private.h"

static gboolean
has_quote (PbWindow *self)
{
  return self->document != NULL && pb_document_get_quote (self->document) != NULL;
}

void
_pb_window_update_actions (PbWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean document = self->document != NULL;

  gtk_widget_action_set_enabled (widget, "win.save", document);
  gtk_widget_action_set_enabled (widget, "win.save-as", document);
  gtk_widget_action_set_enabled (widget, "win.close", TRUE);
  gtk_widget_action_set_enabled (widget, "win.duplicate", has_quote (self));
  gtk_widget_action_set_enabled (widget, "win.export-pdf", has_quote (self));
  gtk_widget_action_set_enabled (widget, "win.send", has_quote (self));
  gtk_widget_action_set_enabled (widget, "win.print", has_quote (self));
  gtk_widget_action_set_enabled (widget, "win.view", document);
  gtk_widget_action_set_enabled (widget, "win.quote-from-here",
                                 document && pb_document_get_scenario (self->document) != NULL);
}

/* ------------------------------------------------------------------ */
/* Documents                                                          */

static void
new_confirmed (PbWindow *self, gpointer data)
{
  _pb_window_new_quote (self);
}

static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _pb_window_confirm (PB_WINDOW (widget), new_confirmed, NULL, NULL);
}

static void
on_open_response (GtkNativeDialog *dialog, int response, PbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      pb_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget *widget, const char *name, GVariant *param)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) quotes = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) scenarios = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (all, _("Quotes and scenarios"));
  gtk_file_filter_add_pattern (all, "*.pricebook");
  gtk_file_filter_add_pattern (all, "*.pbscenario");
  gtk_file_filter_set_name (quotes, _("Quotes"));
  gtk_file_filter_add_pattern (quotes, "*.pricebook");
  gtk_file_filter_set_name (scenarios, _("Scenarios"));
  gtk_file_filter_add_pattern (scenarios, "*.pbscenario");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), quotes);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), scenarios);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* "Quote from Here": the simulator's account as of its as-of instant. */
static void
quote_from_here_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  PbScenario *account = self->document ? pb_document_get_scenario (self->document) : NULL;

  if (account != NULL)
    _pb_window_quote_from_account (self, account, pb_timeline_state_get_as_of (self->timeline_state));
}

/* "New Quote from Account…": a scenario file read as the customer's
 * history up to now. */
static void
on_account_chosen (GtkNativeDialog *dialog, int response, PbWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PbDocument) account = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      account = pb_document_new_for_file (file, &error);
      if (account != NULL && pb_document_get_scenario (account) == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is a quote, not an account: open a scenario (*.pbscenario) of the customer’s events."),
                       name);
        }
      if (error != NULL)
        _pb_window_show_banner_full (self, PB_BANNER_ERROR, error->message, NULL, NULL);
      else
        _pb_window_quote_from_account (self, pb_document_get_scenario (account), g_get_real_time () / G_USEC_PER_SEC);
    }
  g_object_unref (dialog);
}

static void
quote_from_account_action (GtkWidget *widget, const char *name, GVariant *param)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) scenarios = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("New Quote from Account"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (scenarios, _("Scenarios"));
  gtk_file_filter_add_pattern (scenarios, "*.pbscenario");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), scenarios);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_account_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
sample_confirmed (PbWindow *self, gpointer data)
{
  _pb_window_open_sample (self, data);
}

static void
open_example_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _pb_window_confirm (PB_WINDOW (widget), sample_confirmed, g_strdup ("customer-a.pbscenario"), g_free);
}

static void
open_sample_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _pb_window_confirm (PB_WINDOW (widget), sample_confirmed, g_variant_dup_string (param, NULL), g_free);
}

static void
on_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  /* A failure has said why in the banner; a cancel needs no word. */
  pb_window_save_finish (PB_WINDOW (source), result, NULL);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);

  if (self->document != NULL)
    pb_window_save_async (self, FALSE, self->cancellable, on_saved, NULL);
}

static void
save_as_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);

  if (self->document != NULL)
    pb_window_save_async (self, TRUE, self->cancellable, on_saved, NULL);
}

/* An accepted quote is locked; a duplicate is a new draft, numbered when
 * first saved. */
static void
duplicate_confirmed (PbWindow *self, gpointer data)
{
  PbQuote *copy = data;
  g_autoptr(PbDocument) document = pb_document_new_quote (copy);

  pb_window_set_document (self, document);
  /* Nothing of it is on disk yet. */
  pb_document_set_dirty (document, TRUE);
}

static void
duplicate_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  PbQuote *copy;

  if (!has_quote (self))
    return;
  copy = pb_quote_copy (pb_document_get_quote (self->document));
  pb_quote_set_number (copy, "");
  pb_quote_set_status (copy, PB_QUOTE_STATUS_DRAFT);
  _pb_window_confirm (self, duplicate_confirmed, copy, g_object_unref);
}

/* Closing a document goes back to the start page; with none, the window
 * closes. */
static void
close_document_confirmed (PbWindow *self, gpointer data)
{
  pb_window_set_document (self, NULL);
}

static void
close_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);

  if (self->document == NULL)
    gtk_window_close (GTK_WINDOW (self));
  else
    _pb_window_confirm (self, close_document_confirmed, NULL, NULL);
}

static void
preferences_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbPreferencesWindow *preferences = pb_preferences_window_new (GTK_WINDOW (widget), PB_WINDOW (widget)->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
view_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  const char *view = g_variant_get_string (param, NULL);

  if (self->document != NULL && (has_quote (self) || !g_str_equal (view, "quote")))
    gtk_stack_set_visible_child_name (self->views, view);
}

/* The local path chosen in a save dialog, with @suffix added when the user
 * left it out (GtkFileChooser does not), or NULL. */
static char *
chosen_path (GtkNativeDialog *dialog, int response, const char *suffix)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path == NULL || g_str_has_suffix (path, suffix))
    return g_steal_pointer (&path);
  return g_strconcat (path, suffix, NULL);
}

/* ------------------------------------------------------------------ */
/* The quote document: PDF and printing                               */

static void
on_export_pdf_response (GtkNativeDialog *dialog, int response, PbWindow *self)
{
  g_autofree char *path = chosen_path (dialog, response, ".pdf");
  const char *internal = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "internal");

  if (path != NULL)
    _pb_window_export_pdf (self, path, g_strcmp0 (internal, "true") == 0 ? PB_QUOTE_DOCUMENT_INTERNAL
                                                                         : PB_QUOTE_DOCUMENT_CUSTOMER_COPY);
  g_object_unref (dialog);
}

static void
export_pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *number;
  g_autofree char *suggested = NULL;

  if (!has_quote (self))
    return;
  number = pb_quote_get_number (pb_document_get_quote (self->document));
  suggested = g_strdup_printf ("%s.pdf", number && *number ? number : _("quote"));
  dialog = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF document"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  /* The customer's copy unless told: the internal one keeps each line's
   * rule and says it is not for the customer. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "internal",
                               _("Internal copy, with each line’s rule"), NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_pdf_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
send_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _pb_window_send (PB_WINDOW (widget));
}

/* Printing draws the same pages as the PDF, in points on the paper. */
static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, PbQuoteDocument *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / PB_QUOTE_DOCUMENT_PAGE_WIDTH;

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  pb_quote_document_draw_page (document, cr, (guint) page);
  cairo_restore (cr);
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  g_autoptr(PbQuoteDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;

  if (!has_quote (self) || (document = _pb_window_make_quote_document (self, PB_QUOTE_DOCUMENT_CUSTOMER_COPY)) == NULL)
    return;
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) pb_quote_document_get_n_pages (document));
  gtk_print_operation_set_job_name (operation, pb_quote_document_get_title (document));
  /* The operation runs to its end inside gtk_print_operation_run (not
   * asynchronous here), so the document outlives every draw-page. */
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), document);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print. %s"), error->message);

      _pb_window_show_banner_full (self, PB_BANNER_ERROR, message, NULL, NULL);
    }
}

/* ------------------------------------------------------------------ */
/* The timeline                                                       */

static void
timeline_zoom_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  const char *action = g_str_equal (name, "win.timeline-zoom-in") ? "timeline.zoom-in"
                     : g_str_equal (name, "win.timeline-zoom-out") ? "timeline.zoom-out"
                     : "timeline.zoom-fit";

  gtk_widget_activate_action (GTK_WIDGET (_pb_window_ensure_timeline (self)), action, NULL);
}

static void
on_export_image_response (GtkNativeDialog *dialog, int response, PbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      PbTimelineExportOptions options;
      PbTimelineFormat format;
      PbTimeline *timeline = pb_timeline_view_get_timeline (_pb_window_ensure_timeline (self));

      pb_timeline_export_options_init (&options);
      options.as_of = pb_timeline_state_get_as_of (self->timeline_state);
      pb_timeline_state_get_visible (self->timeline_state, &options.from, &options.to);
      options.title = gtk_label_get_label (self->timeline_title);
      if (path != NULL && !pb_timeline_format_from_path (path, &format))
        {
          g_autofree char *with_png = g_strconcat (path, ".png", NULL);

          g_free (path);
          path = g_steal_pointer (&with_png);
        }
      /* The file is written whole or not at all. */
      if (timeline == NULL || path == NULL || !pb_timeline_export_to_file (timeline, &options, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not export the image. %s"),
                                                      error ? error->message : _("There is nothing to draw."));

          _pb_window_show_banner_full (self, PB_BANNER_ERROR, message, NULL, NULL);
        }
    }
  g_object_unref (dialog);
}

static void
export_image_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  const struct { const char *name; const char *pattern; } types[] = {
    { N_("PNG image"), "*.png" }, { N_("SVG image"), "*.svg" }, { N_("PDF document"), "*.pdf" },
  };

  dialog = gtk_file_chooser_native_new (_("Export Image"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(types[i].name));
      gtk_file_filter_add_pattern (filter, types[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("timeline.png"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_image_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------ */
/* Key dates as a calendar file                                        */

static void
on_calendar_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(PbWindow) self = data;
  g_autofree char *name = g_object_steal_data (G_OBJECT (self), "calendar-name");
  g_autofree char *message = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, NULL))
    return;
  /* No calendar application here: the file is what was asked for. */
  message = g_strdup_printf (_("Saved “%s”. Open it with a calendar application to add the key dates."), name);
  _pb_window_show_banner_full (self, PB_BANNER_INFO, message, NULL, NULL);
}

/* Writes the key dates from the as-of instant on as an iCalendar file and,
 * with @open, hands it to the user's calendar. */
gboolean
_pb_window_add_to_calendar (PbWindow *self, const char *path, gboolean open)
{
  PbLifecycle *lifecycle = pb_replay_get_lifecycle (self->replay);
  g_autoptr(GArray) dates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = self->document ? pb_document_dup_title (self->document) : g_strdup (_("Pricebook"));
  g_autofree char *ics = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = NULL;

  if (lifecycle == NULL)
    return FALSE;
  dates = pb_lifecycle_key_dates (lifecycle, pb_timeline_state_get_as_of (self->timeline_state));
  ics = pb_key_dates_to_ics ((const PbKeyDate *) dates->data, dates->len, title, NULL, NULL);
  if (!pb_file_write (path, ics, strlen (ics), PB_FILE_WRITE_NONE, &error))
    {
      message = g_strdup_printf (_("Could not save the key dates. %s"), error->message);
      _pb_window_show_banner_full (self, PB_BANNER_ERROR, message, NULL, NULL);
      return FALSE;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u key date in “%s”.",
                                          "Saved %u key dates in “%s”.", dates->len), dates->len, name);
  _pb_window_show_banner_full (self, PB_BANNER_INFO, message, NULL, NULL);
  if (open)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);

      g_object_set_data_full (G_OBJECT (self), "calendar-name", g_steal_pointer (&name), g_free);
      g_app_info_launch_default_for_uri_async (uri, NULL, NULL, on_calendar_opened, g_object_ref (self));
    }
  return TRUE;
}

static void
on_calendar_response (GtkNativeDialog *dialog, int response, PbWindow *self)
{
  g_autofree char *path = chosen_path (dialog, response, ".ics");

  if (path != NULL)
    _pb_window_add_to_calendar (self, path, TRUE);
  g_object_unref (dialog);
}

static void
add_to_calendar_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (pb_replay_get_lifecycle (self->replay) == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Add to Calendar"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Calendar file"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("key-dates.ics"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_calendar_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* GtkApplication would build the shortcuts window with every window it
 * adds, before the first frame, had it found gtk/help-overlay.ui under the
 * resource base path; it lives elsewhere and is built on first use. */
static void
help_overlay_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/pricebook/Pricebook/help-overlay.ui");

      self->help_overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (GTK_WINDOW (self->help_overlay), GTK_WINDOW (self));
      gtk_window_set_hide_on_close (GTK_WINDOW (self->help_overlay), TRUE);
      gtk_window_set_modal (GTK_WINDOW (self->help_overlay), TRUE);
    }
  gtk_window_present (GTK_WINDOW (self->help_overlay));
}

/* ------------------------------------------------------------------ */

void
_pb_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", "s", open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.export-image", NULL, export_image_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-zoom-in", NULL, timeline_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-zoom-out", NULL, timeline_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-zoom-fit", NULL, timeline_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-calendar", NULL, add_to_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.quote-from-here", NULL, quote_from_here_action);
  gtk_widget_class_install_action (widget_class, "win.quote-from-account", NULL, quote_from_account_action);

  /* Their shortcuts, as listed in gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.send", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "s", "quote");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "s", "simulator");
}
