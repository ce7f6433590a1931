/* pb-window.c: the main window: start page, the open document, its views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the document (a PbQuote, its file, whether it has unsaved
 * changes) and the commands on it; the quote wizard edits the quote and the
 * model library prices it.  Nothing here computes a price or a date.
 */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "pb-json-private.h"

#include "pb-application.h"
#include "pb-preferences-window.h"
#include "pb-pricing.h"
#include "pb-projection.h"
#include "pb-quote-document.h"
#include "pb-quote-wizard.h"
#include "pb-replay.h"
#include "pb-simulator-page.h"
#include "pb-start-page.h"
#include "pb-timeline-export.h"
#include "pb-timeline-view.h"
#include "pb-window.h"

struct _PbWindow
{
  GtkApplicationWindow  parent_instance;

  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkButton            *banner_action;
  GtkStack             *main_stack;
  PbStartPage          *start_page;
  GtkStack             *views;
  /* The views are made when first needed (the wizard when a quote opens,
   * the others when first shown), so the first frame pays for none. */
  GtkBox               *quote_box;
  PbQuoteWizard        *wizard;
  GtkStackPage         *quote_page;
  GtkStack             *simulator_stack;
  GtkBox               *simulator_box;
  PbSimulatorPage      *simulator;
  GtkBox               *timeline_box;
  GtkLabel             *timeline_title;
  PbTimelineView       *timeline;
  PbTimelineState      *timeline_state;   /* shared by the timeline and the simulator */
  PbReplay             *replay;           /* the scenario or the quote's projection, replayed
                                           * once for the timeline and the simulator */
  /* A new scenario in the replay still to be zoomed to fit, and to be
   * shown as of its first instant. */
  gboolean              needs_fit;
  gboolean              needs_first_instant;
  gboolean              projection_stale; /* the quote changed since it was last projected */
  char                 *projection_banner; /* the banner the projection raised, if shown */
  GtkWidget            *help_overlay;     /* made when first asked for */
  gboolean              release_after_paint;

  GSettings            *settings;
  /* The document: a quote or a scenario, never both. */
  PbQuote              *quote;
  PbScenario           *scenario;
  GFile                *file;
  gboolean              dirty;
  GCallback             banner_callback;
  /* Crash recovery: the unsaved document, written every few seconds. */
  char                 *autosave_id;
  guint                 autosave_timeout;
  char                 *restore_path;     /* the banner's Restore offers this */
};

#define AUTOSAVE_SECONDS 3

G_DEFINE_FINAL_TYPE (PbWindow, pb_window, GTK_TYPE_APPLICATION_WINDOW)

typedef void (*PbContinuation) (PbWindow *self, gpointer data);

static void save_as (PbWindow *self, PbContinuation then, gpointer data);

/* ------------------------------------------------------------------ */
/* Title and state                                                    */

static void
update_title (PbWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->scenario != NULL)
    {
      const char *name = pb_scenario_get_title (self->scenario);

      title = g_strdup_printf ("%s%s", self->dirty ? "• " : "", name && *name ? name : _("Untitled scenario"));
    }
  else if (self->quote == NULL)
    {
      gtk_label_set_label (self->title_label, _("Pricebook"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Pricebook"));
      return;
    }

  else
    {
      const char *customer = pb_customer_get_name (pb_quote_get_customer (self->quote));
      const char *number = pb_quote_get_number (self->quote);

      /* “•” marks unsaved changes, as GNOME Text Editor does. */
      title = g_strdup_printf ("%s%s · %s", self->dirty ? "• " : "",
                               customer && *customer ? customer : _("New customer"),
                               number && *number ? number : _("No number"));
    }
  if (self->file != NULL)
    subtitle = g_file_get_parse_name (self->file);
  else
    subtitle = g_strdup (_("Not saved yet"));

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static gboolean
has_document (PbWindow *self)
{
  return self->quote != NULL || self->scenario != NULL;
}

static void
update_actions (PbWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", self->quote != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", self->quote != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", self->quote != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view", has_document (self));
}

/* ------------------------------------------------------------------ */
/* Crash recovery                                                     */

static char *
autosave_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "pricebook", "autosave", NULL);
}

static char *
autosave_path (PbWindow *self, const char *suffix)
{
  g_autofree char *dir = autosave_dir ();
  g_autofree char *name = g_strconcat (self->autosave_id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
autosave_remove (PbWindow *self)
{
  const char *suffixes[] = { ".pricebook", ".pbscenario", ".origin" };

  g_clear_handle_id (&self->autosave_timeout, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = autosave_path (self, suffixes[i]);

      g_unlink (path);
    }
}

/* Writes the unsaved document beside a note of the file it came from; the
 * next start offers both back if this process never cleaned them up. */
static gboolean
autosave_now (gpointer data)
{
  PbWindow *self = data;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *dir = autosave_dir ();
  g_autofree char *path = autosave_path (self, self->quote ? ".pricebook" : ".pbscenario");
  g_autofree char *origin = autosave_path (self, ".origin");
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : g_strdup ("");
  g_autoptr(GError) error = NULL;

  self->autosave_timeout = 0;
  if (!self->dirty || (self->quote == NULL && self->scenario == NULL))
    return G_SOURCE_REMOVE;
  node = self->quote ? pb_quote_to_json (self->quote) : pb_scenario_to_json (self->scenario);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (origin, uri, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error) ||
      !pb_json_write_file (node, path, &error))
    g_warning ("Could not keep a copy of the unsaved document: %s", error ? error->message : g_strerror (errno));
  return G_SOURCE_REMOVE;
}

void
pb_window_autosave_now (PbWindow *self)
{
  g_clear_handle_id (&self->autosave_timeout, g_source_remove);
  autosave_now (self);
}

static void
autosave_schedule (PbWindow *self)
{
  if (self->autosave_timeout == 0)
    self->autosave_timeout = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_now, self);
}

/* The newest document left behind by a window that did not close (a crash,
 * a kill, a power cut), or NULL. */
static char *
find_left_behind (void)
{
  g_autofree char *dir = autosave_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *best = NULL;
  gint64 best_time = G_MININT64;
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_suffix (name, ".pricebook") && !g_str_has_suffix (name, ".pbscenario"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) == 0 && (gint64) st.st_mtime > best_time)
        {
          best_time = st.st_mtime;
          g_free (best);
          best = g_steal_pointer (&path);
        }
    }
  return g_steal_pointer (&best);
}

static void
offer_restore (PbWindow *self)
{
  g_free (self->restore_path);
  self->restore_path = find_left_behind ();
  if (self->restore_path == NULL)
    return;
  pb_window_show_banner (self, _("Unsaved changes from an earlier session were kept when Pricebook stopped. "
                                 "Restore them?"));
  gtk_button_set_label (self->banner_action, _("_Restore"));
  gtk_button_set_use_underline (self->banner_action, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_action), TRUE);
}

static void set_document (PbWindow *self, PbQuote *quote, PbScenario *scenario, GFile *file);

/* Opens the kept copy as an unsaved document of the file it came from. */
gboolean
pb_window_restore (PbWindow *self, GError **error)
{
  g_autofree char *path = g_steal_pointer (&self->restore_path);
  g_autofree char *stem = NULL;
  g_autofree char *origin_path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) origin = NULL;
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(PbScenario) scenario = NULL;
  g_autoptr(PbCatalog) catalog = NULL;

  if (path == NULL)
    return TRUE;
  stem = g_strndup (path, strrchr (path, '.') - path);
  origin_path = g_strconcat (stem, ".origin", NULL);
  if (g_file_get_contents (origin_path, &uri, NULL, NULL) && *uri != '\0')
    origin = g_file_new_for_uri (uri);
  if (g_str_has_suffix (path, ".pricebook"))
    quote = pb_quote_new_from_file (path, error);
  else if ((catalog = pb_catalog_get_default (error)) != NULL)
    scenario = pb_scenario_new_from_file (path, catalog, error);
  if (quote == NULL && scenario == NULL)
    return FALSE;
  set_document (self, quote, scenario, origin);
  self->dirty = TRUE;
  update_title (self);
  /* It lives on as this window's own copy until saved. */
  g_unlink (path);
  g_unlink (origin_path);
  autosave_now (self);
  return TRUE;
}

static void
set_dirty (PbWindow *self, gboolean dirty)
{
  if (dirty)
    autosave_schedule (self);
  else
    autosave_remove (self);
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  update_title (self);
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

static PbTimelineView *
ensure_timeline (PbWindow *self)
{
  if (self->timeline == NULL)
    {
      self->timeline = PB_TIMELINE_VIEW (pb_timeline_view_new (self->timeline_state));
      gtk_widget_set_name (GTK_WIDGET (self->timeline), "timeline");
      gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), TRUE);
      gtk_box_append (self->timeline_box, GTK_WIDGET (self->timeline));
      pb_timeline_view_set_lifecycle (self->timeline, pb_replay_get_lifecycle (self->replay));
      fit_new_scenario (self);
    }
  return self->timeline;
}

static PbSimulatorPage *
ensure_simulator (PbWindow *self)
{
  if (self->simulator == NULL)
    {
      self->simulator = g_object_new (PB_TYPE_SIMULATOR_PAGE, "name", "simulator", "vexpand", TRUE, NULL);
      gtk_box_append (self->simulator_box, GTK_WIDGET (self->simulator));
      pb_simulator_page_set_replay (self->simulator, self->replay);
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

  if (!has_document (self))
    return;
  if (g_strcmp0 (view, "timeline") == 0)
    ensure_timeline (self);
  else if (g_strcmp0 (view, "simulator") == 0)
    ensure_simulator (self);
}

static void
remember_projection_banner (PbWindow *self)
{
  g_free (self->projection_banner);
  self->projection_banner = g_strdup (pb_window_get_banner (self));
}

/* a quote that breaks a rule has no total; over time it is shown as
 * entered, and the banner says so, so that nobody takes it for a valid one. */
static void
show_broken_rules (PbWindow *self, PbCatalog *catalog)
{
  g_autoptr(GPtrArray) issues = pb_pricing_check (catalog, self->quote);
  const char *message = _("This quote breaks a rule (see the Quote view): it is shown over time as entered, "
                          "but it cannot be priced or sent as it is (Q-4).");
  const char *shown = pb_window_get_banner (self);

  if (pb_pricing_issues_have_errors (issues))
    {
      pb_window_show_banner (self, message);
      remember_projection_banner (self);
    }
  else if (shown != NULL && g_strcmp0 (shown, self->projection_banner) == 0)
    pb_window_dismiss_banner (self);
}

/* A quote is seen over time through its projection: its purchases bought on
 * the quote's date, replayed by the lifecycle engine (issue: "Show on
 * timeline").  It is rebuilt when the quote has changed since, and only
 * then: edits to it in the simulator are what-ifs that never touch the
 * quote, and they (with the as-of instant) outlive a switch of views. */
static void
refresh_projection (PbWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = NULL;
  g_autoptr(PbScenario) projection = NULL;
  const char *view = gtk_stack_get_visible_child_name (self->views);

  if (self->quote == NULL || !self->projection_stale || g_strcmp0 (view, "quote") == 0)
    return;
  self->projection_stale = FALSE;
  catalog = pb_catalog_get_default (&error);
  if (catalog != NULL)
    projection = pb_quote_project (self->quote, catalog, pb_quote_get_date (self->quote), &error);
  if (projection == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The quote cannot be shown over time yet: %s"), error->message);

      pb_window_show_banner (self, message);
      /* Remembered, so that it goes once the quote can be shown. */
      remember_projection_banner (self);
    }
  else
    show_broken_rules (self, catalog);
  pb_replay_set_scenario (self->replay, projection);
  gtk_stack_set_visible_child_name (self->simulator_stack, projection ? "simulator" : "empty");
}

static void
on_view_changed (PbWindow *self)
{
  refresh_projection (self);
  ensure_visible_view (self);
}

static void
on_quote_changed (PbWindow *self)
{
  self->dirty = TRUE;
  update_title (self);
  autosave_schedule (self);
  self->projection_stale = TRUE;
  refresh_projection (self);
}

static void
on_scenario_changed (PbWindow *self)
{
  self->dirty = TRUE;
  update_title (self);
  autosave_schedule (self);
}

/* Replaces the document with a quote, a scenario or nothing; the caller
 * has already asked about unsaved changes. */
static void
set_document (PbWindow *self, PbQuote *quote, PbScenario *scenario, GFile *file)
{
  g_assert (quote == NULL || scenario == NULL);

  /* The document this window kept a copy of is saved or given up. */
  autosave_remove (self);
  if (self->quote != NULL)
    g_signal_handlers_disconnect_by_data (self->quote, self);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_set_object (&self->quote, quote);
  g_set_object (&self->scenario, scenario);
  g_set_object (&self->file, file);
  self->dirty = FALSE;
  self->projection_stale = TRUE;
  if (quote != NULL)
    {
      g_signal_connect_object (quote, "changed", G_CALLBACK (on_quote_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pb_quote_get_customer (quote), "notify", G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
    }
  if (scenario != NULL)
    g_signal_connect_object (scenario, "changed", G_CALLBACK (on_scenario_changed), self, G_CONNECT_SWAPPED);
  if (quote != NULL)
    ensure_wizard (self);
  if (self->wizard != NULL)
    pb_quote_wizard_set_quote (self->wizard, quote);
  pb_replay_set_scenario (self->replay, scenario);
  gtk_stack_set_visible_child_name (self->simulator_stack, scenario ? "simulator" : "empty");
  /* A scenario has no quote to edit. */
  g_object_set (self->quote_page, "visible", scenario == NULL, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, has_document (self) ? "document" : "start");
  if (has_document (self))
    gtk_stack_set_visible_child_name (self->views, quote ? "quote" : "timeline");
  ensure_visible_view (self);
  update_title (self);
  update_actions (self);
  self->release_after_paint = TRUE;
}

PbScenario *
pb_window_get_scenario (PbWindow *self)
{
  return self->scenario;
}

PbQuote *
pb_window_get_quote (PbWindow *self)
{
  return self->quote;
}

gboolean
pb_window_get_dirty (PbWindow *self)
{
  return self->dirty;
}

/* ------------------------------------------------------------------ */
/* The banner: errors in words, with an optional action                */

void
pb_window_show_banner (PbWindow *self, const char *message)
{
  gtk_label_set_label (self->banner_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_action), FALSE);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
pb_window_dismiss_banner (PbWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

const char *
pb_window_get_banner (PbWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

static gboolean pb_window_restore_confirmed (PbWindow *self);

static void
on_banner_action_clicked (PbWindow *self)
{
  pb_window_dismiss_banner (self);
  pb_window_restore_confirmed (self);
}

/* ------------------------------------------------------------------ */
/* Asking before unsaved changes are dropped                           */

typedef struct
{
  PbWindow       *self;
  PbContinuation  then;
  gpointer        data;
  GDestroyNotify  destroy;
} Pending;

enum { RESPONSE_DISCARD = 1, RESPONSE_SAVE = 2 };

static gboolean save_to (PbWindow *self, GFile *file);

static void
on_confirm_response (GtkDialog *dialog, int response, Pending *pending)
{
  PbWindow *self = pending->self;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == RESPONSE_DISCARD)
    pending->then (self, pending->data);
  else if (response == RESPONSE_SAVE)
    {
      if (self->file == NULL)
        save_as (self, pending->then, pending->data);
      else if (save_to (self, self->file))
        pending->then (self, pending->data);
    }
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (self);
  g_free (pending);
}

/* Runs @then now when there is nothing to lose, or after the user chose to
 * save or discard; never when they cancel.  @data is lent to @then and
 * freed with @destroy afterwards either way. */
static void
confirm_discard_full (PbWindow *self, PbContinuation then, gpointer data, GDestroyNotify destroy)
{
  GtkWidget *dialog;
  Pending *pending;

  if (!has_document (self) || !self->dirty)
    {
      then (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Asked before closing, opening or starting another document. */
                                   self->quote ? _("Save changes to quote “%s”?")
                                               : _("Save changes to scenario “%s”?"),
                                   self->quote ? pb_quote_get_number (self->quote)
                                               : pb_scenario_get_title (self->scenario));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("If you don’t save, your changes will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), RESPONSE_DISCARD,
                          _("_Save"), RESPONSE_SAVE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE);
  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->then = then;
  pending->data = data;
  pending->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_discard (PbWindow *self, PbContinuation then, gpointer data)
{
  confirm_discard_full (self, then, data, NULL);
}

static void
restore_confirmed (PbWindow *self, gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (!pb_window_restore (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The kept copy could not be restored: %s"), error->message);

      pb_window_show_banner (self, message);
    }
}

static gboolean
pb_window_restore_confirmed (PbWindow *self)
{
  confirm_discard (self, restore_confirmed, NULL);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Documents                                                          */

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static char *
next_quote_number (PbWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (pb_time_zone ());
  guint counter = g_settings_get_uint (self->settings, "next-quote-number");

  /* numbers Q-YYYY-NNNN from a counter kept in settings. */
  g_settings_set_uint (self->settings, "next-quote-number", counter >= 9999 ? 1 : counter + 1);
  return g_strdup_printf ("Q-%04d-%04u", g_date_time_get_year (now), counter);
}

void
pb_window_new_quote (PbWindow *self)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now (pb_time_zone ());
  g_autofree char *number = next_quote_number (self);

  pb_quote_set_number (quote, number);
  pb_quote_set_date (quote, pb_time_from_parts (g_date_time_get_year (now), g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 0, 0, 0));
  pb_quote_set_valid_days (quote, g_settings_get_uint (self->settings, "default-valid-days"));
  pb_quote_set_language (quote, g_settings_get_enum (self->settings, "document-language") == 1
                                ? PB_QUOTE_LANGUAGE_ZH_CN : PB_QUOTE_LANGUAGE_EN);
  set_document (self, quote, NULL, NULL);
  set_dirty (self, TRUE);
}

static void
new_quote_confirmed (PbWindow *self, gpointer data)
{
  pb_window_new_quote (self);
}

gboolean
pb_window_load_quote (PbWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(PbQuote) quote = NULL;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
      return FALSE;
    }
  quote = pb_quote_new_from_file (path, error);
  if (quote == NULL)
    return FALSE;
  set_document (self, quote, NULL, file);
  add_recent (file);
  pb_window_dismiss_banner (self);
  return TRUE;
}

gboolean
pb_window_load_scenario (PbWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (error);
  g_autoptr(PbScenario) scenario = NULL;

  if (catalog == NULL)
    return FALSE;
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
      return FALSE;
    }
  scenario = pb_scenario_new_from_file (path, catalog, error);
  if (scenario == NULL)
    return FALSE;
  set_document (self, NULL, scenario, file);
  add_recent (file);
  pb_window_dismiss_banner (self);
  return TRUE;
}

static void
open_confirmed (PbWindow *self, gpointer data)
{
  GFile *file = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  /* A file that cannot be read opens nothing: the document stays as it was. */
  if (g_str_has_suffix (name, ".pbscenario") ? !pb_window_load_scenario (self, file, &error)
                                             : !pb_window_load_quote (self, file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);

      pb_window_show_banner (self, message);
    }
}

void
pb_window_open_file (PbWindow *self, GFile *file)
{
  confirm_discard_full (self, open_confirmed, g_object_ref (file), g_object_unref);
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

static void
open_action (GtkWidget *widget, const char *name, GVariant *param)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
save_to (PbWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  /* The library writes a temporary file and renames it: a failed save
   * leaves the old file whole and the document open and unsaved. */
  if (path == NULL ||
      !(self->quote ? pb_quote_save_to_file (self->quote, path, &error)
                    : pb_scenario_save_to_file (self->scenario, path, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"),
                                                  error ? error->message : _("not a local file"));

      pb_window_show_banner (self, message);
      return FALSE;
    }
  g_set_object (&self->file, file);
  add_recent (file);
  set_dirty (self, FALSE);
  update_title (self);
  pb_window_dismiss_banner (self);
  return TRUE;
}

typedef struct
{
  PbContinuation then;
  gpointer       data;
} SaveAs;

static void
on_save_as_response (GtkNativeDialog *dialog, int response, SaveAs *save)
{
  PbWindow *self = g_object_get_data (G_OBJECT (dialog), "window");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GFile) target = NULL;

      const char *suffix = self->quote ? ".pricebook" : ".pbscenario";

      if (!g_str_has_suffix (name, suffix))
        {
          g_autofree char *with_suffix = g_strconcat (name, suffix, NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          target = g_file_get_child (parent, with_suffix);
        }
      else
        target = g_object_ref (file);
      if (save_to (self, target) && save->then != NULL)
        save->then (self, save->data);
    }
  g_free (save);
  g_object_unref (dialog);
}

static void
save_as (PbWindow *self, PbContinuation then, gpointer data)
{
  GtkFileChooserNative *dialog;
  SaveAs *save = g_new0 (SaveAs, 1);
  g_autofree char *suggested = self->quote ? g_strdup_printf ("%s.pricebook", pb_quote_get_number (self->quote))
                                           : g_strdup (_("scenario.pbscenario"));

  save->then = then;
  save->data = data;
  dialog = gtk_file_chooser_native_new (self->quote ? _("Save Quote") : _("Save Scenario"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (dialog), self->scenario != NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "window", self);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);

  if (!has_document (self))
    return;
  if (self->file == NULL)
    save_as (self, NULL, NULL);
  else
    save_to (self, self->file);
}

static void
save_as_action (GtkWidget *widget, const char *name, GVariant *param)
{
  if (has_document (PB_WINDOW (widget)))
    save_as (PB_WINDOW (widget), NULL, NULL);
}

static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  confirm_discard (PB_WINDOW (widget), new_quote_confirmed, NULL);
}

static void
duplicate_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  g_autoptr(PbQuote) copy = NULL;
  g_autofree char *number = NULL;

  if (self->quote == NULL)
    return;
  /* An accepted quote is locked; a duplicate is a new draft with its own number. */
  copy = pb_quote_copy (self->quote);
  number = next_quote_number (self);
  pb_quote_set_number (copy, number);
  pb_quote_set_status (copy, PB_QUOTE_STATUS_DRAFT);
  set_document (self, copy, NULL, NULL);
  set_dirty (self, TRUE);
}

/* A scenario shipped in the resources (the purchase guide's worked example
 * first); it opens as a new, unsaved scenario. */
static void
open_sample_confirmed (PbWindow *self, gpointer data)
{
  const char *file = data;
  g_autofree char *path = g_strconcat (PB_SCENARIO_RESOURCE_DIR, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (&error);
  g_autoptr(PbScenario) scenario = NULL;

  if (catalog != NULL)
    scenario = pb_scenario_new_from_resource (path, catalog, &error);
  if (scenario == NULL)
    {
      pb_window_show_banner (self, error->message);
      return;
    }
  set_document (self, NULL, scenario, NULL);
}

static void
open_example_action (GtkWidget *widget, const char *name, GVariant *param)
{
  confirm_discard (PB_WINDOW (widget), open_sample_confirmed, (gpointer) "customer-a.pbscenario");
}

static void
open_sample_action (GtkWidget *widget, const char *name, GVariant *param)
{
  confirm_discard_full (PB_WINDOW (widget), open_sample_confirmed, g_variant_dup_string (param, NULL), g_free);
}

static void
preferences_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbPreferencesWindow *preferences = pb_preferences_window_new (GTK_WINDOW (widget),
                                                                PB_WINDOW (widget)->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
view_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  const char *view = g_variant_get_string (param, NULL);

  if (has_document (self) && (self->quote != NULL || !g_str_equal (view, "quote")))
    gtk_stack_set_visible_child_name (self->views, view);
}

/* ------------------------------------------------------------------ */
/* The quote document: PDF and printing                               */

static PbSeller *
seller_from_settings (PbWindow *self)
{
  g_autofree char *company = g_settings_get_string (self->settings, "seller-company");
  g_autofree char *name = g_settings_get_string (self->settings, "seller-name");
  g_autofree char *phone = g_settings_get_string (self->settings, "seller-phone");
  g_autofree char *email = g_settings_get_string (self->settings, "seller-email");

  return pb_seller_new (company, name, phone, email);
}

/* The document is laid out and priced here, on the main thread; a quote
 * that breaks a rule is refused with the item and rule, never exported. */
static PbQuoteDocument *
make_document (PbWindow *self)
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

      pb_window_show_banner (self, message);
      return NULL;
    }
  if (catalog != NULL)
    document = pb_quote_document_new (self->quote, catalog, seller, &error);
  if (document == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The quote cannot be made into a document: %s"),
                                                  error->message);

      pb_window_show_banner (self, message);
    }
  return document;
}

static void
export_pdf_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PbQuoteDocument *document = g_object_get_data (G_OBJECT (task), "document");
  GError *error = NULL;

  /* Written to a temporary file and renamed on success: never a partial PDF. */
  if (pb_quote_document_export_pdf (document, data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_pdf_exported (GObject *source, GAsyncResult *result, gpointer data)
{
  PbWindow *self = PB_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (g_task_get_task_data (G_TASK (result)));
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Exported “%s”."), name);
  else
    message = g_strdup_printf (_("Could not export “%s”: %s"), name, error->message);
  pb_window_show_banner (self, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", self->quote != NULL);
}

void
pb_window_export_pdf (PbWindow *self, const char *path)
{
  g_autoptr(PbQuoteDocument) document = make_document (self);
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = g_strdup_printf (_("Exporting “%s”…"), name);

  if (document == NULL)
    return;
  task = g_task_new (self, NULL, on_pdf_exported, NULL);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (task), "document", g_steal_pointer (&document), g_object_unref);
  pb_window_show_banner (self, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", FALSE);
  g_task_run_in_thread (task, export_pdf_thread);
}

static void
on_export_pdf_response (GtkNativeDialog *dialog, int response, PbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && !g_str_has_suffix (path, ".pdf"))
        {
          char *with_suffix = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with_suffix;
        }
      if (path != NULL)
        pb_window_export_pdf (self, path);
    }
  g_object_unref (dialog);
}

static void
export_pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;

  if (self->quote == NULL)
    return;
  suggested = g_strdup_printf ("%s.pdf", pb_quote_get_number (self->quote));
  dialog = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF document"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_pdf_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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

  if (self->quote == NULL || (document = make_document (self)) == NULL)
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
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      pb_window_show_banner (self, message);
    }
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

  if (self->timeline != NULL)
    {
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
      else if (self->quote != NULL)
        {
          PbInstant date = pb_quote_get_date (self->quote);

          pb_timeline_state_set_as_of (self->timeline_state, date);
          pb_timeline_state_set_visible (self->timeline_state, pb_time_add_months (date, -1),
                                         pb_time_add_months (date, 12));
        }
    }
  self->needs_first_instant = FALSE;
  gtk_label_set_label (self->timeline_title, scenario && pb_scenario_get_title (scenario)
                                             ? pb_scenario_get_title (scenario) : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-image", lifecycle != NULL);
}

static void
timeline_zoom_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PbWindow *self = PB_WINDOW (widget);
  const char *action = g_str_equal (name, "win.timeline-zoom-in") ? "timeline.zoom-in"
                     : g_str_equal (name, "win.timeline-zoom-out") ? "timeline.zoom-out"
                     : "timeline.zoom-fit";

  gtk_widget_activate_action (GTK_WIDGET (ensure_timeline (self)), action, NULL);
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
      PbTimeline *timeline = pb_timeline_view_get_timeline (ensure_timeline (self));

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
          g_autofree char *message = g_strdup_printf (_("Could not export the image: %s"),
                                                      error ? error->message : _("nothing to draw"));

          pb_window_show_banner (self, message);
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

PbTimelineView *
pb_window_get_timeline (PbWindow *self)
{
  return ensure_timeline (self);
}

static void
close_confirmed (PbWindow *self, gpointer data)
{
  set_dirty (self, FALSE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
close_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
pb_window_close_request (GtkWindow *window)
{
  PbWindow *self = PB_WINDOW (window);

  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (has_document (self) && self->dirty)
    {
      confirm_discard (self, close_confirmed, NULL);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (pb_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */

/* Reading a document builds its whole JSON tree and frees it again, a new
 * document frees the old one, and start-up and a first frame free what
 * they needed once: pages that malloc() keeps unless told to give them
 * back (about 5 MiB after a 10,000-code account is drawn).  They are given
 * back once the window has drawn, when nothing else is waiting. */
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

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  update_title (self);
  update_actions (self);
}

static void
pb_window_dispose (GObject *object)
{
  PbWindow *self = PB_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_WINDOW);
  /* The views went with the template's widgets. */
  self->wizard = NULL;
  self->simulator = NULL;
  self->timeline = NULL;
  if (self->replay != NULL)
    g_signal_handlers_disconnect_by_data (self->replay, self);
  g_clear_object (&self->replay);
  if (self->help_overlay != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->help_overlay)));
  g_clear_object (&self->quote);
  g_clear_object (&self->scenario);
  g_clear_object (&self->timeline_state);
  g_clear_handle_id (&self->autosave_timeout, g_source_remove);
  g_clear_pointer (&self->autosave_id, g_free);
  g_clear_pointer (&self->restore_path, g_free);
  g_clear_pointer (&self->projection_banner, g_free);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (pb_window_parent_class)->dispose (object);
}

static void
pb_window_class_init (PbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pb_window_constructed;
  object_class->dispose = pb_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = pb_window_close_request;
  widget_class->realize = pb_window_realize;
  widget_class->unrealize = pb_window_unrealize;

  g_type_ensure (PB_TYPE_START_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pricebook/Pricebook/pb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, banner_revealer);
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
  gtk_widget_class_bind_template_callback (widget_class, pb_window_dismiss_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_action_clicked);

  /* Every command of the window, in one place. */
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
  gtk_widget_class_install_action (widget_class, "win.timeline-zoom-in", NULL, timeline_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-zoom-out", NULL, timeline_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-zoom-fit", NULL, timeline_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, help_overlay_action);

  /* Their shortcuts, as listed in gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "s", "quote");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "s", "simulator");
}

static void
pb_window_init (PbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  g_signal_connect_object (self->start_page, "open-recent", G_CALLBACK (on_recent_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->views, "notify::visible-child-name", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);

  /* One as-of instant and one replay for the timeline and the simulator. */
  self->timeline_state = pb_timeline_state_new ();
  self->replay = pb_replay_new ();
  g_signal_connect_object (self->replay, "notify::scenario", G_CALLBACK (on_scenario_replaced), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->replay, "notify::lifecycle", G_CALLBACK (on_lifecycle_changed), self,
                           G_CONNECT_SWAPPED);
  on_lifecycle_changed (self);

  self->autosave_id = g_uuid_string_random ();
  self->release_after_paint = TRUE;
  offer_restore (self);
}
