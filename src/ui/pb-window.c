/* pb-window.c: the main window: the start page or one document, its views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows a PbDocument (a quote or a scenario) in three views: the
 * quote wizard, the timeline and the simulator.  The document owns its file
 * and saves itself; the session keeps copies of it while it is unsaved; the
 * commands live in pb-window-actions.c.  Nothing here computes a price or a
 * date.
 */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "pb-application.h"
#include "pb-mail.h"
#include "pb-pricing.h"
#include "pb-projection.h"
#include "pb-quote-document.h"
#include "pb-save-changes-dialog.h"
#include "pb-translation.h"
#include "pb-window-private.h"

G_DEFINE_FINAL_TYPE (PbWindow, pb_window, GTK_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_SESSION, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Title                                                              */

static void
update_title (PbWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->document == NULL)
    {
      gtk_label_set_label (self->title_label, _("Pricebook"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Pricebook"));
      return;
    }
  {
    g_autofree char *name = pb_document_dup_title (self->document);

    /* “•” marks unsaved changes, as GNOME Text Editor does. */
    title = g_strdup_printf ("%s%s", pb_document_get_dirty (self->document) ? "• " : "", name);
  }
  file = pb_document_get_file (self->document);
  subtitle = file ? g_file_get_parse_name (file) : g_strdup (_("Not saved yet"));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* ------------------------------------------------------------------ */
/* The banner: what happened, in words, with an optional action        */

static const char *
banner_icon_name (PbBannerKind kind)
{
  switch (kind)
    {
    case PB_BANNER_ERROR: return "dialog-error-symbolic";
    case PB_BANNER_WARNING: return "dialog-warning-symbolic";
    case PB_BANNER_INFO:
    default: return "dialog-information-symbolic";
    }
}

void
_pb_window_show_banner_full (PbWindow     *self,
                             PbBannerKind  kind,
                             const char   *message,
                             const char   *action_label,
                             GCallback     action)
{
  self->banner_kind = kind;
  self->banner_callback = action;
  self->banner_from_projection = FALSE;
  gtk_image_set_from_icon_name (self->banner_icon, banner_icon_name (kind));
  gtk_label_set_label (self->banner_label, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_revealer), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_revealer), "warning");
  if (kind != PB_BANNER_INFO)
    gtk_widget_add_css_class (GTK_WIDGET (self->banner_revealer), kind == PB_BANNER_ERROR ? "error" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_action), action_label != NULL);
  if (action_label != NULL)
    {
      gtk_button_set_label (self->banner_action, action_label);
      gtk_button_set_use_underline (self->banner_action, TRUE);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
pb_window_show_banner (PbWindow *self, const char *message)
{
  _pb_window_show_banner_full (self, PB_BANNER_WARNING, message, NULL, NULL);
}

void
pb_window_dismiss_banner (PbWindow *self)
{
  self->banner_callback = NULL;
  self->banner_from_projection = FALSE;
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

const char *
pb_window_get_banner (PbWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

PbBannerKind
pb_window_get_banner_kind (PbWindow *self)
{
  return self->banner_kind;
}

static void
on_banner_action_clicked (PbWindow *self)
{
  GCallback callback = self->banner_callback;

  pb_window_dismiss_banner (self);
  if (callback != NULL)
    ((PbWindowContinuation) callback) (self, NULL);
}

/* ------------------------------------------------------------------ */
/* The views, made when first needed                                  */

static PbQuoteWizard *
ensure_wizard (PbWindow *self)
{
  if (self->wizard == NULL)
    {
      self->wizard = g_object_new (PB_TYPE_QUOTE_WIZARD, NULL);
      gtk_widget_set_vexpand (GTK_WIDGET (self->wizard), TRUE);
      gtk_box_append (self->quote_box, GTK_WIDGET (self->wizard));
    }
  return self->wizard;
}

/* A scenario the timeline has not shown yet is zoomed to fit. */
static void
fit_new_scenario (PbWindow *self)
{
  if (self->needs_fit && pb_timeline_view_get_timeline (self->timeline) != NULL)
    {
      pb_timeline_view_zoom_to_fit (self->timeline);
      self->needs_fit = FALSE;
    }
}

/* The key dates from the as-of instant on, beside the timeline. */
static void
update_key_dates (PbWindow *self)
{
  if (self->key_dates == NULL)
    return;
  pb_key_dates_view_set_projection (self->key_dates, pb_replay_get_projection (self->replay));
  pb_key_dates_view_set_lifecycle (self->key_dates, pb_replay_get_lifecycle (self->replay),
                                   pb_timeline_state_get_as_of (self->timeline_state));
}

static void
on_key_date_activated (PbWindow *self, PbInstant at)
{
  pb_timeline_state_set_as_of (self->timeline_state, at);
}

static GtkWidget *
key_dates_panel (PbWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->key_dates = PB_KEY_DATES_VIEW (pb_key_dates_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->key_dates), "key_dates");
  gtk_widget_set_margin_top (GTK_WIDGET (self->key_dates), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->key_dates), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->key_dates), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->key_dates), 12);
  g_signal_connect_object (self->key_dates, "date-activated", G_CALLBACK (on_key_date_activated), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->key_dates));
  gtk_widget_set_size_request (scrolled, 300, -1);
  g_object_bind_property (self->key_dates_toggle, "active", scrolled, "visible", G_BINDING_SYNC_CREATE);
  update_key_dates (self);
  return scrolled;
}

PbTimelineView *
_pb_window_ensure_timeline (PbWindow *self)
{
  if (self->timeline == NULL)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      self->timeline = PB_TIMELINE_VIEW (pb_timeline_view_new (self->timeline_state));
      gtk_widget_set_name (GTK_WIDGET (self->timeline), "timeline");
      gtk_widget_set_hexpand (GTK_WIDGET (self->timeline), TRUE);
      gtk_widget_set_vexpand (row, TRUE);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->timeline));
      gtk_box_append (GTK_BOX (row), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
      gtk_box_append (GTK_BOX (row), key_dates_panel (self));
      gtk_box_append (self->timeline_box, row);
      pb_timeline_view_set_projection (self->timeline, pb_replay_get_projection (self->replay));
      pb_timeline_view_set_lifecycle (self->timeline, pb_replay_get_lifecycle (self->replay));
      fit_new_scenario (self);
    }
  return self->timeline;
}

/* Below this width (half of a 1366 px screen is 683) views put side by
 * side what they would otherwise squeeze. */
#define NARROW_WIDTH 860

static void
on_width_changed (PbWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (self->simulator != NULL)
    pb_simulator_page_set_narrow (self->simulator, width > 0 && width < NARROW_WIDTH);
  /* Beside the timeline there is no room for the key dates: they can
   * still be shown on demand. */
  if (width > 0 && width < NARROW_WIDTH && !self->was_narrow)
    gtk_toggle_button_set_active (self->key_dates_toggle, FALSE);
  self->was_narrow = width > 0 && width < NARROW_WIDTH;
}

static void
keep_focus_visible (GtkWindow *window)
{
  if (!gtk_window_get_focus_visible (window))
    gtk_window_set_focus_visible (window, TRUE);
}

/* A what-if added in the simulator: the timeline takes it in. */
static void
on_event_added (PbWindow *self)
{
  self->needs_fit = TRUE;
  if (self->timeline != NULL)
    fit_new_scenario (self);
}

static PbSimulatorPage *
ensure_simulator (PbWindow *self)
{
  if (self->simulator == NULL)
    {
      self->simulator = g_object_new (PB_TYPE_SIMULATOR_PAGE, "name", "simulator", "vexpand", TRUE, NULL);
      gtk_box_append (self->simulator_box, GTK_WIDGET (self->simulator));
      pb_simulator_page_set_replay (self->simulator, self->replay);
      g_signal_connect_object (self->simulator, "event-added", G_CALLBACK (on_event_added), self,
                               G_CONNECT_SWAPPED);
      on_width_changed (self);
      /* One as-of instant for the timeline and the simulator: the shared
       * state's, which may have moved on the timeline already. */
      g_object_bind_property (self->timeline_state, "as-of", self->simulator, "at",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  return self->simulator;
}

static void
ensure_visible_view (PbWindow *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->views);

  if (self->document == NULL)
    return;
  if (g_strcmp0 (view, "timeline") == 0)
    _pb_window_ensure_timeline (self);
  else if (g_strcmp0 (view, "simulator") == 0)
    ensure_simulator (self);
}

static PbQuote *
quote_of (PbWindow *self)
{
  return self->document ? pb_document_get_quote (self->document) : NULL;
}

static void
show_projection_banner (PbWindow *self, const char *message)
{
  _pb_window_show_banner_full (self, PB_BANNER_WARNING, message, NULL, NULL);
  /* Taken back by itself once the quote can be shown as it is. */
  self->banner_from_projection = TRUE;
}

/* a quote that breaks a rule has no total; over time it is shown as
 * entered, and the banner says so, so that nobody takes it for a valid one. */
static void
show_broken_rules (PbWindow *self, PbCatalog *catalog)
{
  g_autoptr(GPtrArray) issues = pb_pricing_check (catalog, quote_of (self));

  if (pb_pricing_issues_have_errors (issues))
    show_projection_banner (self, _("This quote breaks a rule (see the Quote view): it is shown over time as "
                                    "entered, but it cannot be priced or sent as it is (Q-4)."));
  else if (self->banner_from_projection)
    pb_window_dismiss_banner (self);
}

/* A quote is seen over time through its projection: its purchases bought on
 * the quote's date, replayed by the lifecycle engine.  The replay keeps the
 * projection, so that the Timeline (and its key dates) draws what the quote
 * sells: a code to bind by its deadline, never a void one (issue 17.7); the
 * Simulator, a simulation, shows the replay as it is.  It is rebuilt when
 * the quote has changed since, and only then: edits to it in the simulator
 * are what-ifs that never touch the quote, and they (with the as-of
 * instant) outlive a switch of views. */
static void
refresh_projection (PbWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = NULL;
  g_autoptr(PbProjection) projection = NULL;
  PbProjectionOptions options;
  PbQuote *quote = quote_of (self);
  const char *view = gtk_stack_get_visible_child_name (self->views);

  if (quote == NULL || !self->projection_stale || g_strcmp0 (view, "quote") == 0)
    return;
  self->projection_stale = FALSE;
  catalog = pb_catalog_get_default (&error);
  pb_projection_options_init (&options);
  options.start = pb_quote_get_date (quote);
  if (catalog != NULL)
    projection = pb_projection_new (quote, catalog, &options, &error);
  if (projection == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The quote cannot be shown over time yet: %s"), error->message);

      show_projection_banner (self, message);
    }
  else
    show_broken_rules (self, catalog);
  pb_replay_set_projection (self->replay, projection);
  gtk_stack_set_visible_child_name (self->simulator_stack, projection ? "simulator" : "empty");
}

static void
on_view_changed (PbWindow *self)
{
  refresh_projection (self);
  ensure_visible_view (self);
}

static void
on_document_changed (PbWindow *self)
{
  self->projection_stale = TRUE;
  refresh_projection (self);
}

/* ------------------------------------------------------------------ */
/* The document                                                       */

static void
detach_document (PbWindow *self)
{
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->document, self);
  /* Saved or given up by now: its copy is not needed any more. */
  pb_session_remove_document (self->session, self->document);
  g_clear_object (&self->document);
}

void
pb_window_set_document (PbWindow *self, PbDocument *document)
{
  PbQuote *quote;
  PbScenario *scenario;

  g_return_if_fail (PB_IS_WINDOW (self));
  g_return_if_fail (document == NULL || PB_IS_DOCUMENT (document));

  if (document != NULL)
    g_object_ref (document);
  detach_document (self);
  self->document = document;
  quote = document ? pb_document_get_quote (document) : NULL;
  scenario = document ? pb_document_get_scenario (document) : NULL;
  /* What the banner said was about the document that was shown. */
  pb_window_dismiss_banner (self);
  if (document != NULL)
    {
      pb_session_add_document (self->session, document);
      g_signal_connect_object (document, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
    }
  self->projection_stale = TRUE;
  if (quote != NULL)
    ensure_wizard (self);
  if (self->wizard != NULL)
    pb_quote_wizard_set_quote (self->wizard, quote);
  pb_replay_set_scenario (self->replay, scenario);
  gtk_stack_set_visible_child_name (self->simulator_stack, scenario ? "simulator" : "empty");
  /* A scenario has no quote to edit. */
  g_object_set (self->quote_page, "visible", scenario == NULL, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, document ? "document" : "start");
  if (document != NULL)
    gtk_stack_set_visible_child_name (self->views, quote ? "quote" : "timeline");
  else
    pb_start_page_reload (self->start_page);
  ensure_visible_view (self);
  update_title (self);
  _pb_window_update_actions (self);
  self->release_after_paint = TRUE;
}

PbDocument *
pb_window_get_document (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->document;
}

PbScenario *
pb_window_get_scenario (PbWindow *self)
{
  return self->document ? pb_document_get_scenario (self->document) : NULL;
}

PbQuote *
pb_window_get_quote (PbWindow *self)
{
  return quote_of (self);
}

gboolean
pb_window_get_dirty (PbWindow *self)
{
  return self->document != NULL && pb_document_get_dirty (self->document);
}

void
pb_window_discard (PbWindow *self)
{
  g_return_if_fail (PB_IS_WINDOW (self));
  if (self->document != NULL)
    pb_document_set_dirty (self->document, FALSE);
}

void
pb_window_autosave_now (PbWindow *self)
{
  pb_session_save_now (self->session);
}

/* numbers Q-YYYY-NNNN from a counter kept in settings, taken when a
 * quote is first saved or exported, so that numbers have no gaps. */
char *
_pb_window_take_quote_number (PbWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (pb_time_zone ());
  guint counter = g_settings_get_uint (self->settings, "next-quote-number");

  g_settings_set_uint (self->settings, "next-quote-number", counter >= 9999 ? 1 : counter + 1);
  return g_strdup_printf ("Q-%04d-%04u", g_date_time_get_year (now), counter);
}

static void
ensure_quote_number (PbWindow *self)
{
  PbQuote *quote = quote_of (self);
  const char *number = quote ? pb_quote_get_number (quote) : NULL;

  if (quote != NULL && (number == NULL || *number == '\0'))
    {
      g_autofree char *taken = _pb_window_take_quote_number (self);

      pb_quote_set_number (quote, taken);
    }
}

/* What Preferences say every new quote starts with. */
static void
apply_quote_defaults (PbWindow *self, PbQuote *quote)
{
  g_autofree char *payment_terms = g_settings_get_string (self->settings, "default-payment-terms");

  pb_quote_set_valid_days (quote, g_settings_get_uint (self->settings, "default-valid-days"));
  pb_quote_set_payment_terms (quote, payment_terms);
  pb_quote_set_language (quote, g_settings_get_enum (self->settings, "document-language") == 1
                                ? PB_QUOTE_LANGUAGE_ZH_CN : PB_QUOTE_LANGUAGE_EN);
}

/* A new quote has nothing typed yet: closing it asks nothing. */
void
_pb_window_new_quote (PbWindow *self)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbDocument) document = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (pb_time_zone ());

  pb_quote_set_date (quote, pb_time_from_parts (g_date_time_get_year (now), g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 0, 0, 0));
  apply_quote_defaults (self, quote);
  document = pb_document_new_quote (quote);
  pb_window_set_document (self, document);
  pb_quote_wizard_focus_start (self->wizard);
}

/* A window for a new document: this one when it shows none, else a new
 * one, so that nothing shown has to be given up. */
static PbWindow *
free_window (PbWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  PbWindow *window;

  if (self->document == NULL)
    return self;
  window = application != NULL ? pb_window_new (PB_APPLICATION (application))
                               : g_object_new (PB_TYPE_WINDOW, "session", self->session, NULL);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Issue 18, item 2: a quote for the customer whose account @account is, as
 * it stands at @at: the history is what the quote's checks, prices and
 * projection start from (EL-10 renewals continue the term, codes need the
 * base fee held, EL-7).  Nothing of it is on disk yet. */
PbWindow *
_pb_window_quote_from_account (PbWindow *self, PbScenario *account, PbInstant at)
{
  g_autoptr(PbQuote) quote = pb_quote_new_from_account (account, at);
  g_autoptr(PbDocument) document = NULL;
  PbWindow *window = free_window (self);

  apply_quote_defaults (self, quote);
  document = pb_document_new_quote (quote);
  pb_window_set_document (window, document);
  pb_document_set_dirty (document, TRUE);
  return window;
}

/* ------------------------------------------------------------------ */
/* Asking before unsaved changes are dropped                          */

typedef struct
{
  PbWindow             *self;
  PbWindowContinuation  then;
  gpointer              data;
  GDestroyNotify        destroy;
} Pending;

static void
pending_finish (PbWindow *self, Pending *pending, gboolean proceed)
{
  if (proceed)
    pending->then (self, pending->data);
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_free (pending);
  g_object_unref (self);
}

static void
on_confirm_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  PbWindow *self = PB_WINDOW (source);

  pending_finish (self, data, pb_window_save_finish (self, result, NULL));
}

static void
on_confirm_answered (GObject *source, GAsyncResult *result, gpointer data)
{
  Pending *pending = data;
  PbWindow *self = pending->self;

  switch (pb_save_changes_dialog_run_finish (result, NULL))
    {
    case PB_SAVE_CHANGES_SAVE:
      pb_window_save_async (self, FALSE, self->cancellable, on_confirm_saved, pending);
      return;
    case PB_SAVE_CHANGES_DISCARD:
      pb_window_discard (self);
      pending_finish (self, pending, TRUE);
      return;
    case PB_SAVE_CHANGES_CANCEL:
    default:
      pending_finish (self, pending, FALSE);
      return;
    }
}

void
_pb_window_confirm (PbWindow             *self,
                    PbWindowContinuation  then,
                    gpointer              data,
                    GDestroyNotify        destroy)
{
  g_autoptr(GPtrArray) documents = NULL;
  Pending *pending = g_new0 (Pending, 1);

  pending->then = then;
  pending->data = data;
  pending->destroy = destroy;
  pending->self = g_object_ref (self);
  if (!pb_window_get_dirty (self))
    {
      pending_finish (self, pending, TRUE);
      return;
    }
  documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (documents, g_object_ref (self->document));
  pb_save_changes_dialog_run_async (GTK_WINDOW (self), documents, NULL, on_confirm_answered, pending);
}

/* ------------------------------------------------------------------ */
/* Saving                                                             */

typedef struct
{
  PbDocument          *document;
  GFile               *file;       /* NULL: the document's own */
  PbDocumentSaveFlags  flags;
} SaveOp;

static void
save_op_free (SaveOp *op)
{
  g_clear_object (&op->document);
  g_clear_object (&op->file);
  g_free (op);
}

static void save_write (GTask *task);
static void save_choose_file (GTask *task);

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

enum { ANSWER_SAVE_AS = 1, ANSWER_RETRY = 2, ANSWER_RELOAD = 3 };

static void
on_save_question_answered (GtkDialog *dialog, int response, GTask *task)
{
  SaveOp *op = g_task_get_task_data (task);

  gtk_window_destroy (GTK_WINDOW (dialog));
  switch (response)
    {
    case ANSWER_RETRY:
      save_write (task);
      break;
    case ANSWER_SAVE_AS:
      save_choose_file (task);
      break;
    case ANSWER_RELOAD:
      {
        PbWindow *self = g_task_get_source_object (task);
        GFile *file = pb_document_get_file (op->document);

        pb_window_discard (self);
        pb_window_open_file (self, file);
      }
      G_GNUC_FALLTHROUGH;
    default:
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The document was not saved."));
      g_object_unref (task);
      break;
    }
}

/* A save that can go on another way: changed on disk, read-only, linked. */
static gboolean
ask_about_save (GTask *task, const GError *error)
{
  PbWindow *self = g_task_get_source_object (task);
  SaveOp *op = g_task_get_task_data (task);
  GtkWidget *dialog;
  const char *retry = NULL;
  gboolean reload = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      op->flags |= PB_DOCUMENT_SAVE_OVERWRITE;
      retry = _("_Overwrite");
      reload = TRUE;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    {
      op->flags |= PB_DOCUMENT_SAVE_READ_ONLY;
      retry = _("_Replace Anyway");
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS))
    return FALSE;
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s", error->message);
  gtk_widget_set_name (dialog, "save_question");
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            reload ? _("Overwrite it with this window’s version, save this version "
                                                       "under another name, or reload the file and lose the changes "
                                                       "made here.")
                                                   : _("Save this version under another name, or choose what to do."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  if (reload)
    gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Reload"), ANSWER_RELOAD);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("Save _As…"), ANSWER_SAVE_AS);
  if (retry != NULL)
    gtk_dialog_add_button (GTK_DIALOG (dialog), retry, ANSWER_RETRY);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), ANSWER_SAVE_AS);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_question_answered), task);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_document_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  PbWindow *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (pb_document_save_finish (PB_DOCUMENT (source), result, &error))
    {
      add_recent (pb_document_get_file (PB_DOCUMENT (source)));
      if (self->banner_kind == PB_BANNER_ERROR)
        pb_window_dismiss_banner (self);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (ask_about_save (task, error))
    {
      g_error_free (error);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("Could not save. Your changes are still here and in the "
                                                  "kept copy. %s"), error->message);

    _pb_window_show_banner_full (self, PB_BANNER_ERROR, message, NULL, NULL);
  }
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
save_write (GTask *task)
{
  PbWindow *self = g_task_get_source_object (task);
  SaveOp *op = g_task_get_task_data (task);

  ensure_quote_number (self);
  pb_document_save_async (op->document, op->file, op->flags, g_task_get_cancellable (task),
                          on_document_saved, task);
}

/* GtkFileChooser does not add the suffix a user left out. */
static GFile *
with_suffix (GFile *file, const char *suffix)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *named = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (name, suffix))
    return g_object_ref (file);
  named = g_strconcat (name, suffix, NULL);
  parent = g_file_get_parent (file);
  return g_file_get_child (parent, named);
}

static void
on_save_file_chosen (GtkNativeDialog *dialog, int response, GTask *task)
{
  SaveOp *op = g_task_get_task_data (task);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_set_object (&op->file, NULL);
      op->file = with_suffix (file, pb_document_get_suffix (op->document));
      /* The chooser asked about replacing an existing file already. */
      op->flags = PB_DOCUMENT_SAVE_OVERWRITE;
      save_write (task);
    }
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The document was not saved."));
      g_object_unref (task);
    }
  g_object_unref (dialog);
}

static void
add_filters (GtkFileChooser *chooser, gboolean scenarios)
{
  g_autoptr(GtkFileFilter) quotes = gtk_file_filter_new ();

  gtk_file_filter_set_name (quotes, _("Quotes"));
  gtk_file_filter_add_pattern (quotes, "*.pricebook");
  gtk_file_filter_add_mime_type (quotes, "application/x-pricebook-quote");
  gtk_file_chooser_add_filter (chooser, quotes);
  if (scenarios)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("Quotes and scenarios"));
      gtk_file_filter_add_pattern (all, "*.pricebook");
      gtk_file_filter_add_pattern (all, "*.pbscenario");
      gtk_file_chooser_add_filter (chooser, all);
    }
}

static char *
suggested_name (PbWindow *self, PbDocument *document)
{
  PbQuote *quote = pb_document_get_quote (document);
  const char *number = quote ? pb_quote_get_number (quote) : NULL;

  if (quote == NULL)
    return g_strdup (_("scenario.pbscenario"));
  if (number != NULL && *number != '\0')
    return g_strdup_printf ("%s.pricebook", number);
  /* The number it will get, without taking it yet. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now (pb_time_zone ());

    return g_strdup_printf ("Q-%04d-%04u.pricebook", g_date_time_get_year (now),
                            g_settings_get_uint (self->settings, "next-quote-number"));
  }
}

static void
save_choose_file (GTask *task)
{
  PbWindow *self = g_task_get_source_object (task);
  SaveOp *op = g_task_get_task_data (task);
  gboolean quote = pb_document_get_quote (op->document) != NULL;
  g_autofree char *suggested = suggested_name (self, op->document);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (quote ? _("Save Quote") : _("Save Scenario"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (dialog), !quote);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_file_chosen), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GTask *
save_task_new (PbWindow *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SaveOp *op;

  g_task_set_source_tag (task, pb_window_save_async);
  if (self->document == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", _("There is no document to save."));
      g_object_unref (task);
      return NULL;
    }
  op = g_new0 (SaveOp, 1);
  op->document = g_object_ref (self->document);
  g_task_set_task_data (task, op, (GDestroyNotify) save_op_free);
  return task;
}

void
pb_window_save_async (PbWindow            *self,
                      gboolean             save_as,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = save_task_new (self, cancellable, callback, user_data);
  SaveOp *op;

  if (task == NULL)
    return;
  op = g_task_get_task_data (task);
  if (save_as || pb_document_get_file (op->document) == NULL)
    save_choose_file (task);
  else
    save_write (task);
}

/* Save As with the file already chosen. */
void
_pb_window_save_to_async (PbWindow            *self,
                          GFile               *file,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = save_task_new (self, self->cancellable, callback, user_data);
  SaveOp *op;

  if (task == NULL)
    return;
  op = g_task_get_task_data (task);
  op->file = with_suffix (file, pb_document_get_suffix (op->document));
  op->flags = PB_DOCUMENT_SAVE_OVERWRITE;
  save_write (task);
}

gboolean
pb_window_save_finish (PbWindow *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Opening                                                            */

static void
open_confirmed (PbWindow *self, gpointer data)
{
  GFile *file = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PbDocument) document = pb_document_new_for_file (file, &error);

  /* A file that cannot be read opens nothing: the document stays as it was. */
  if (document == NULL)
    {
      _pb_window_show_banner_full (self, PB_BANNER_ERROR, error->message, NULL, NULL);
      return;
    }
  pb_window_set_document (self, document);
  add_recent (file);
}

void
pb_window_open_file (PbWindow *self, GFile *file)
{
  g_return_if_fail (PB_IS_WINDOW (self));
  _pb_window_confirm (self, open_confirmed, g_object_ref (file), g_object_unref);
}

/* A scenario shipped in the resources (the purchase guide's worked example
 * first); it opens as a new, unsaved scenario. */
void
_pb_window_open_sample (PbWindow *self, const char *name)
{
  g_autofree char *path = g_strconcat (PB_SCENARIO_RESOURCE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (&error);
  g_autoptr(PbScenario) scenario = NULL;
  g_autoptr(PbDocument) document = NULL;

  if (catalog != NULL)
    scenario = pb_scenario_new_from_resource (path, catalog, &error);
  if (scenario == NULL)
    {
      _pb_window_show_banner_full (self, PB_BANNER_ERROR, error->message, NULL, NULL);
      return;
    }
  document = pb_document_new_scenario (scenario);
  pb_window_set_document (self, document);
}

/* ------------------------------------------------------------------ */
/* Crash recovery                                                     */

static void restore_confirmed (PbWindow *self, gpointer data);

static void
offer_restore (PbWindow *self)
{
  guint n = pb_session_count_recoverable (self->session);
  g_autofree char *message = NULL;

  if (n == 0)
    return;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Unsaved changes to %u document were kept when Pricebook stopped. Restore them?",
                                          "Unsaved changes to %u documents were kept when Pricebook stopped. Restore them?",
                                          n), n);
  _pb_window_show_banner_full (self, PB_BANNER_INFO, message, _("_Restore"), G_CALLBACK (_pb_window_restore));
}

static void
show_restore_problems (PbWindow *self, GPtrArray *problems)
{
  g_autofree char *text = NULL;

  if (problems == NULL || problems->len == 0)
    return;
  g_ptr_array_add (problems, NULL);
  text = g_strjoinv ("\n", (char **) problems->pdata);
  _pb_window_show_banner_full (self, PB_BANNER_WARNING, text, NULL, NULL);
}

gboolean
pb_window_restore (PbWindow *self, GError **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) documents = pb_session_restore (self->session, &problems);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  /* The first here, the others each in a window of its own. */
  for (guint i = 0; i < documents->len; i++)
    {
      PbWindow *window = self;

      if (i > 0 && application != NULL)
        window = pb_window_new (PB_APPLICATION (application));
      else if (i > 0)
        window = g_object_new (PB_TYPE_WINDOW, "session", self->session, NULL);
      pb_window_set_document (window, g_ptr_array_index (documents, i));
      gtk_window_present (GTK_WINDOW (window));
    }
  show_restore_problems (self, problems);
  if (documents->len == 0 && problems->len > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, g_ptr_array_index (problems, 0));
      return FALSE;
    }
  return TRUE;
}

static void
restore_confirmed (PbWindow *self, gpointer data)
{
  pb_window_restore (self, NULL);
}

void
_pb_window_restore (PbWindow *self)
{
  _pb_window_confirm (self, restore_confirmed, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* The quote document: PDF                                            */

static PbSeller *
seller_from_settings (PbWindow *self)
{
  g_autofree char *company = g_settings_get_string (self->settings, "seller-company");
  g_autofree char *name = g_settings_get_string (self->settings, "seller-name");
  g_autofree char *phone = g_settings_get_string (self->settings, "seller-phone");
  g_autofree char *email = g_settings_get_string (self->settings, "seller-email");
  PbSeller *seller = pb_seller_new (company, name, phone, email);
  const struct { const char *key; char **field; } more[] = {
    { "seller-address", &seller->address }, { "seller-tax-id", &seller->tax_id },
    { "seller-bank", &seller->bank }, { "seller-bank-account", &seller->bank_account },
    { "seller-logo", &seller->logo },
  };

  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autofree char *value = g_settings_get_string (self->settings, more[i].key);

      pb_seller_set (more[i].field, value);
    }
  return seller;
}

/* The document is laid out and priced here, on the main thread; a quote
 * that breaks a rule is refused with the item and rule, never exported. */
PbQuoteDocument *
_pb_window_make_quote_document (PbWindow *self, PbQuoteDocumentFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (&error);
  g_autoptr(PbSeller) seller = seller_from_settings (self);
  PbQuoteDocument *document = NULL;
  const char *problem = self->wizard != NULL ? pb_quote_wizard_get_problem (self->wizard) : NULL;

  /* A field holding text it did not take: the quote is not what is shown. */
  if (problem != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The quote cannot be made into a document: %s"), problem);

      _pb_window_show_banner_full (self, PB_BANNER_ERROR, message, NULL, NULL);
      return NULL;
    }
  ensure_quote_number (self);
  if (catalog != NULL)
    document = pb_quote_document_new_full (quote_of (self), catalog, seller, flags, &error);
  if (document == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The quote cannot be made into a document: %s"),
                                                  error->message);

      _pb_window_show_banner_full (self, PB_BANNER_ERROR, message, NULL, NULL);
    }
  return document;
}

static void
export_pdf_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PbQuoteDocument *document = g_object_get_data (G_OBJECT (task), "document");
  GError *error = NULL;

  /* Written whole or not at all (the library's safe writer). */
  if (pb_quote_document_export_pdf (document, data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The file is in the mail program now, or the banner says where it is. */
static void
on_mail_composed (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(PbWindow) self = data;
  g_autofree char *path = g_object_steal_data (G_OBJECT (self), "sent-path");
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (pb_mail_compose_finish (result, &error))
    {
      message = g_strdup_printf (_("A new message with “%s” attached is open in your e-mail program."), name);
      _pb_window_show_banner_full (self, PB_BANNER_INFO, message, NULL, NULL);
      return;
    }
  message = g_strdup_printf (_("The quote is saved as “%s”: attach it to a message yourself. %s"), path,
                             error->message);
  _pb_window_show_banner_full (self, PB_BANNER_WARNING, message, NULL, NULL);
}

/* Subject and body of the message a quote is sent with, in its language. */
static void
send_pdf (PbWindow *self, const char *path)
{
  PbQuote *quote = quote_of (self);
  const char *language = quote && pb_quote_get_language (quote) == PB_QUOTE_LANGUAGE_ZH_CN
                         ? PB_TRANSLATION_CHINESE : PB_TRANSLATION_ENGLISH;
  const char *number = quote ? pb_quote_get_number (quote) : "";
  g_autofree char *subject = g_strdup_printf (pb_translate (language, N_("Quotation %s")), number);
  g_autofree char *body = g_strdup_printf (pb_translate (language, N_("Please find attached our quotation %s.")),
                                           number);

  g_object_set_data_full (G_OBJECT (self), "sent-path", g_strdup (path), g_free);
  pb_mail_compose_async (path, subject, body, self->cancellable, on_mail_composed, g_object_ref (self));
}

static void
on_pdf_exported (GObject *source, GAsyncResult *result, gpointer data)
{
  PbWindow *self = PB_WINDOW (source);
  g_autoptr(GError) error = NULL;
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = NULL;
  gboolean send = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (result), "send"));

  _pb_window_update_actions (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("Could not export “%s”. %s"), name, error->message);
      _pb_window_show_banner_full (self, PB_BANNER_ERROR, message, NULL, NULL);
    }
  else if (send)
    send_pdf (self, path);
  else
    {
      message = g_strdup_printf (_("Exported “%s”."), name);
      _pb_window_show_banner_full (self, PB_BANNER_INFO, message, NULL, NULL);
    }
}

static void
export_pdf_now (PbWindow *self, const char *path, gboolean send, PbQuoteDocumentFlags flags)
{
  g_autoptr(PbQuoteDocument) document = _pb_window_make_quote_document (self, flags);
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = g_strdup_printf (_("Exporting “%s”…"), name);

  if (document == NULL)
    return;
  task = g_task_new (self, self->cancellable, on_pdf_exported, NULL);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (task), "document", g_steal_pointer (&document), g_object_unref);
  g_object_set_data (G_OBJECT (task), "send", GINT_TO_POINTER (send));
  _pb_window_show_banner_full (self, PB_BANNER_INFO, message, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send", FALSE);
  g_task_run_in_thread (task, export_pdf_thread);
}

/* An export the user is asked about first. */
typedef struct
{
  PbWindow             *window;
  char                 *path;
  gboolean              send;
  PbQuoteDocumentFlags  flags;
} PendingExport;

static void
pending_export_free (PendingExport *pending)
{
  g_object_unref (pending->window);
  g_free (pending->path);
  g_free (pending);
}

static void
on_export_question (GtkDialog *dialog, int response, PendingExport *pending)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    export_pdf_now (pending->window, pending->path, pending->send, pending->flags);
  pending_export_free (pending);
}

/* Issue 17, item 6: a quote without a customer's name or without items is
 * rarely meant to leave; say what it lacks and let the user choose. */
static void
export_pdf (PbWindow *self, const char *path, gboolean send, PbQuoteDocumentFlags flags)
{
  PbQuote *quote = quote_of (self);
  PbQuoteMissing missing = quote != NULL ? pb_quote_get_missing (quote) : PB_QUOTE_MISSING_NONE;
  g_autofree char *what = NULL;
  PendingExport *pending;
  GtkWidget *dialog;

  if (missing == PB_QUOTE_MISSING_NONE)
    {
      export_pdf_now (self, path, send, flags);
      return;
    }
  what = pb_quote_missing_to_string (missing);
  pending = g_new0 (PendingExport, 1);
  pending->window = g_object_ref (self);
  pending->path = g_strdup (path);
  pending->send = send;
  pending->flags = flags;
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   send ? _("Send the quote anyway?") : _("Export the quote anyway?"));
  gtk_widget_set_name (dialog, "export_question");
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", what);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          send ? _("_Send Anyway") : _("_Export Anyway"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_question), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_pb_window_export_pdf (PbWindow *self, const char *path, PbQuoteDocumentFlags flags)
{
  export_pdf (self, path, FALSE, flags);
}

/* Issue 17, item 8: the quote leaves in one step, as GNOME applications
 * send a file: the PDF is written to the user's cache and handed to the
 * mail program. */
void
_pb_window_send (PbWindow *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "pricebook", "sent", NULL);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  PbQuote *quote = quote_of (self);

  if (quote == NULL)
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("Could not make the folder “%s”."), dir);

      _pb_window_show_banner_full (self, PB_BANNER_ERROR, message, NULL, NULL);
      return;
    }
  ensure_quote_number (self);
  name = g_strdup_printf ("%s.pdf", pb_quote_get_number (quote));
  path = g_build_filename (dir, name, NULL);
  export_pdf (self, path, TRUE, PB_QUOTE_DOCUMENT_CUSTOMER_COPY);
}

void
pb_window_export_pdf (PbWindow *self, const char *path)
{
  _pb_window_export_pdf (self, path, PB_QUOTE_DOCUMENT_CUSTOMER_COPY);
}

/* ------------------------------------------------------------------ */
/* The timeline                                                       */

/* Told, not found by comparing addresses: a new scenario may be made
 * where a freed one was. */
static void
on_scenario_replaced (PbWindow *self)
{
  self->needs_fit = TRUE;
  self->needs_first_instant = TRUE;
}

/* The replay ran (a new scenario, or a change to the one shown): the
 * timeline, if made yet, draws it; the simulator follows by itself. */
static void
on_lifecycle_changed (PbWindow *self)
{
  PbScenario *scenario = pb_replay_get_scenario (self->replay);
  PbLifecycle *lifecycle = pb_replay_get_lifecycle (self->replay);
  PbQuote *quote = quote_of (self);

  if (self->timeline != NULL)
    {
      pb_timeline_view_set_projection (self->timeline, pb_replay_get_projection (self->replay));
      pb_timeline_view_set_lifecycle (self->timeline, lifecycle);
      fit_new_scenario (self);
    }
  /* A new scenario is shown as of its first instant; one with no events
   * yet (a new quote's) as of the quote's date, around which the view
   * opens, not where the previous document left it. */
  if (self->needs_first_instant && lifecycle != NULL)
    {
      PbInstant first = pb_lifecycle_get_first_instant (lifecycle);

      if (first != PB_INSTANT_NONE)
        pb_timeline_state_set_as_of (self->timeline_state, first);
      else if (quote != NULL)
        {
          PbInstant date = pb_quote_get_date (quote);

          pb_timeline_state_set_as_of (self->timeline_state, date);
          pb_timeline_state_set_visible (self->timeline_state, pb_time_add_months (date, -1),
                                         pb_time_add_months (date, 12));
        }
    }
  self->needs_first_instant = FALSE;
  update_key_dates (self);
  gtk_label_set_label (self->timeline_title, scenario && pb_scenario_get_title (scenario)
                                             ? pb_scenario_get_title (scenario) : "");
  pb_simulator_show_description (self->timeline_description, scenario);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-image", lifecycle != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-calendar", lifecycle != NULL);
}

PbTimelineView *
pb_window_get_timeline (PbWindow *self)
{
  return _pb_window_ensure_timeline (self);
}

/* ------------------------------------------------------------------ */
/* Closing                                                            */

static void
save_window_state (PbWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);

  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
close_confirmed (PbWindow *self, gpointer data)
{
  detach_document (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
pb_window_close_request (GtkWindow *window)
{
  PbWindow *self = PB_WINDOW (window);

  save_window_state (self);
  if (pb_window_get_dirty (self))
    {
      _pb_window_confirm (self, close_confirmed, NULL, NULL);
      return TRUE;
    }
  detach_document (self);
  return GTK_WINDOW_CLASS (pb_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */

/* Reading a document builds and frees a lot, a new document frees the old
 * one, and start-up and a first frame free what they needed once: pages
 * that malloc() keeps unless told to give them back (about 5 MiB after a
 * 10,000-code account is drawn).  They are given back once the window has
 * drawn, when nothing else is waiting. */
static gboolean
release_freed_memory (gpointer data)
{
#if defined(__GLIBC__)
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (PbWindow *self)
{
  if (!self->release_after_paint)
    return;
  self->release_after_paint = FALSE;
  g_idle_add_full (G_PRIORITY_LOW, release_freed_memory, NULL, NULL);
}

static void
pb_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pb_window_parent_class)->realize (widget);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint), widget,
                           G_CONNECT_SWAPPED);
}

static void
pb_window_unrealize (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (widget), on_after_paint, widget);
  GTK_WIDGET_CLASS (pb_window_parent_class)->unrealize (widget);
}

/* A menu button builds its whole popover, every item, when given a menu:
 * the main menu is given when first opened, not before the first frame. */
static void
create_primary_menu (GtkMenuButton *button, gpointer data)
{
  PbWindow *self = data;

  /* GTK calls this on every opening, and each menu model set builds a new
   * popover: build it the first time only. */
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_recent_activated (PbWindow *self, GFile *file)
{
  pb_window_open_file (self, file);
}

PbWindow *
pb_window_new (PbApplication *application)
{
  return g_object_new (PB_TYPE_WINDOW, "application", application, NULL);
}

static void
pb_window_constructed (GObject *object)
{
  PbWindow *self = PB_WINDOW (object);

  G_OBJECT_CLASS (pb_window_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = g_object_ref (pb_session_get_default ());
  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  update_title (self);
  _pb_window_update_actions (self);
  offer_restore (self);
}

static void
pb_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PbWindow *self = PB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_set_object (&self->session, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbWindow *self = PB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_window_dispose (GObject *object)
{
  PbWindow *self = PB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_WINDOW);
  /* The views went with the template's widgets. */
  self->wizard = NULL;
  self->simulator = NULL;
  self->timeline = NULL;
  self->key_dates = NULL;
  if (self->replay != NULL)
    g_signal_handlers_disconnect_by_data (self->replay, self);
  g_clear_object (&self->replay);
  if (self->help_overlay != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->help_overlay)));
  /* A document still here was neither saved nor given up (the window went
   * without being closed): its copy stays with the session. */
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->timeline_state);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pb_window_parent_class)->dispose (object);
}

static void
pb_window_class_init (PbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pb_window_constructed;
  object_class->dispose = pb_window_dispose;
  object_class->set_property = pb_window_set_property;
  object_class->get_property = pb_window_get_property;
  GTK_WINDOW_CLASS (klass)->close_request = pb_window_close_request;
  widget_class->realize = pb_window_realize;
  widget_class->unrealize = pb_window_unrealize;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, PB_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PB_TYPE_START_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pricebook/Pricebook/pb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, banner_action);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, views);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, quote_box);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, quote_page);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, simulator_stack);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, simulator_box);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, timeline_title);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, key_dates_toggle);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, timeline_description);
  gtk_widget_class_bind_template_callback (widget_class, pb_window_dismiss_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_action_clicked);

  _pb_window_class_actions_init (widget_class);
}

static void
pb_window_init (PbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  g_signal_connect_object (self->start_page, "open-recent", G_CALLBACK (on_recent_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->views, "notify::visible-child-name", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_width_changed), NULL);
  /* The focus ring shows from the start and stays, not only once a key
   * was pressed: someone on the keyboard always sees where they are. */
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  g_signal_connect (self, "notify::focus-visible", G_CALLBACK (keep_focus_visible), NULL);

  /* One as-of instant and one replay for the timeline and the simulator. */
  self->timeline_state = pb_timeline_state_new ();
  g_signal_connect_object (self->timeline_state, "notify::as-of", G_CALLBACK (update_key_dates), self,
                           G_CONNECT_SWAPPED);
  self->replay = pb_replay_new ();
  g_signal_connect_object (self->replay, "notify::scenario", G_CALLBACK (on_scenario_replaced), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->replay, "notify::lifecycle", G_CALLBACK (on_lifecycle_changed), self,
                           G_CONNECT_SWAPPED);
  on_lifecycle_changed (self);
  self->release_after_paint = TRUE;
}
