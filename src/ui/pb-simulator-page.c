/* pb-simulator-page.c: replay a scenario, edit its events, read its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to the scenario (an event added, edited, removed or switched
 * off) replays it through the lifecycle engine at once; the event list shows
 * what the replay rejected and why, and the state panel reads the replay at
 * the as-of instant.  Nothing here applies a rule itself.
 */
#define G_LOG_DOMAIN "pb-simulator-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-key-dates.h"
#include "pb-key-dates-text.h"
#include "pb-key-dates-view.h"
#include "pb-simulator-page.h"
#include "pb-text.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* The event list's model: one row per event, made only when shown     */

/* A 30,000-event account must not cost 30,000 objects: the rows are
 * GtkStringObjects holding the event's index, made when the list view
 * asks for them (the rows on screen) and dropped with their row. */
#define PB_TYPE_EVENT_ROWS (pb_event_rows_get_type ())
G_DECLARE_FINAL_TYPE (PbEventRows, pb_event_rows, PB, EVENT_ROWS, GObject)

struct _PbEventRows
{
  GObject parent_instance;

  guint   n_items;
};

static GType
pb_event_rows_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
pb_event_rows_get_n_items (GListModel *model)
{
  return PB_EVENT_ROWS (model)->n_items;
}

static gpointer
pb_event_rows_get_item (GListModel *model, guint position)
{
  char index[16];

  if (position >= PB_EVENT_ROWS (model)->n_items)
    return NULL;
  g_snprintf (index, sizeof index, "%u", position);
  return gtk_string_object_new (index);
}

static void
pb_event_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pb_event_rows_get_item_type;
  iface->get_n_items = pb_event_rows_get_n_items;
  iface->get_item = pb_event_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PbEventRows, pb_event_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pb_event_rows_list_model_init))

static void
pb_event_rows_class_init (PbEventRowsClass *klass)
{
}

static void
pb_event_rows_init (PbEventRows *self)
{
}

/* Every row shows again: the events or their replay changed. */
static void
pb_event_rows_reset (PbEventRows *self, guint n_items)
{
  guint removed = self->n_items;

  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, n_items);
}

/* ------------------------------------------------------------------ */

struct _PbSimulatorPage
{
  GtkWidget       parent_instance;

  GtkPaned       *paned;            /* events and form | state */
  GtkLabel       *title_label;
  GtkLabel       *description_label;
  GtkListView    *events_list;
  PbEventRows    *event_rows;       /* one item per event: its index */
  GtkLabel       *form_title;
  GtkGrid        *form_grid;
  GtkLabel       *form_issue;
  GtkButton      *form_button;
  GtkButton      *form_cancel;
  GtkButton      *previous_button;
  GtkEntry       *at_entry;
  GtkButton      *next_button;
  GtkScale       *scrubber;
  GtkAdjustment  *scrubber_adjustment;
  GtkLabel       *at_issue;
  GtkLabel       *here_label;
  GtkBox         *state_box;
  PbKeyDatesView *key_dates;
  GPtrArray      *bound_rows;       /* the event rows on screen, to mark the current ones */

  /* The event form, built in code: its rows follow the event type. */
  GtkDropDown    *type_dropdown;
  GtkEntry       *when_entry;
  GtkLabel       *subject_label;
  GtkEntry       *subject_entry;
  GtkDropDown    *tier_dropdown;
  GtkDropDown    *kind_dropdown;
  GtkSpinButton  *extra_spin;
  GtkSpinButton  *viewers_spin;
  GtkSpinButton  *minutes_spin;
  GtkSpinButton  *seconds_spin;
  GtkCheckButton *answered_check;
  GtkEntry       *note_entry;
  GtkWidget      *rows[16][2];      /* label and field of each form row */
  guint           n_rows;

  PbReplay       *replay;           /* the window's, or the page's own */
  /* The replay took another scenario since the page last showed one: the
   * form starts over and the as-of instant goes to its first event.  The
   * scenario itself is always the replay's, never a copy that could lag
   * behind it (a handler of the replay's may ask the page first). */
  gboolean        scenario_replaced;
  PbInstant       at;
  int             editing;          /* the event being edited, or -1 */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (PbSimulatorPage, pb_simulator_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_AT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_EVENT_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Field rows of the form */
enum { ROW_TYPE, ROW_WHEN, ROW_SUBJECT, ROW_TIER, ROW_KIND, ROW_EXTRA, ROW_VIEWERS, ROW_MINUTES,
       ROW_SECONDS, ROW_ANSWERED, ROW_NOTE };

static const char *
event_title (PbEventType type)
{
  switch (type)
    {
    case PB_EVENT_LIVE_BASE_FEE_BUY: return _("Buy or renew the base fee");
    case PB_EVENT_LIVE_CODE_BUY: return _("Buy an activation code");
    case PB_EVENT_LIVE_CODE_BIND: return _("Bind a code");
    case PB_EVENT_LIVE_CODE_EXPAND: return _("Expand a code");
    case PB_EVENT_LIVE_BROADCAST: return _("Broadcast");
    case PB_EVENT_VOICE_NUMBER_ACTIVATE: return _("Activate a number");
    case PB_EVENT_VOICE_NUMBER_UNSUBSCRIBE: return _("Unsubscribe a number");
    case PB_EVENT_VOICE_PACKAGE_BUY: return _("Buy a minute package");
    case PB_EVENT_VOICE_CALL: return _("Call");
    case PB_N_EVENT_TYPES:
    default: return "";
    }
}

static const char *
subject_caption (PbEventType type)
{
  switch (type)
    {
    case PB_EVENT_LIVE_BASE_FEE_BUY: return _("Gifted code");
    case PB_EVENT_VOICE_NUMBER_ACTIVATE:
    case PB_EVENT_VOICE_NUMBER_UNSUBSCRIBE:
    case PB_EVENT_VOICE_CALL: return _("Number");
    case PB_EVENT_VOICE_PACKAGE_BUY: return _("Package");
    default: return _("Code");
    }
}

static char *
format_instant (PbInstant instant)
{
  return instant == PB_INSTANT_NONE || instant == PB_INSTANT_FOREVER ? g_strdup ("—") : pb_time_format_display (instant);
}

/* ------------------------------------------------------------------ */
/* The event list                                                     */

static char *
event_details (const PbScenarioEvent *event)
{
  g_autofree char *when = pb_time_format_display (event->at);
  g_autofree char *count = NULL;

  switch (event->type)
    {
    case PB_EVENT_LIVE_CODE_BUY:
      count = pb_format_count (event->extra_viewers);
      return g_strdup_printf (_("%s · code %s, %s, %s add-on viewers"), when, event->subject, event->tier, count);
    case PB_EVENT_LIVE_CODE_EXPAND:
      count = pb_format_count (event->extra_viewers);
      return g_strdup_printf (_("%s · code %s, %s more viewers"), when, event->subject, count);
    case PB_EVENT_LIVE_BROADCAST:
      count = pb_format_count (event->viewers);
      return g_strdup_printf (_("%s · code %s, %s viewers, %lld minutes"), when, event->subject,
                              count, (long long) event->minutes);
    case PB_EVENT_VOICE_PACKAGE_BUY:
      count = pb_format_count (event->minutes);
      return g_strdup_printf (event->package_kind == PB_PACKAGE_FIXED ? _("%s · package %s, fixed, %s minutes")
                                                                       : _("%s · package %s, custom, %s minutes"),
                              when, event->subject, count);
    case PB_EVENT_VOICE_CALL:
      return g_strdup_printf (event->answered ? _("%s · number %s, %lld s, answered")
                                              : _("%s · number %s, %lld s, not answered"),
                              when, event->subject, (long long) event->seconds);
    default:
      return g_strdup_printf ("%s · %s %s", when, subject_caption (event->type), event->subject);
    }
}

/* The replay's account, or NULL before there is one. */
static PbLifecycle *
lifecycle_of (PbSimulatorPage *self)
{
  return self->replay != NULL ? pb_replay_get_lifecycle (self->replay) : NULL;
}

/* The scenario shown: the replay's, whatever it is now. */
static PbScenario *
scenario_of (PbSimulatorPage *self)
{
  return self->replay != NULL ? pb_replay_get_scenario (self->replay) : NULL;
}

static const PbRejection *
rejection_of (PbSimulatorPage *self, guint event)
{
  PbLifecycle *lifecycle = lifecycle_of (self);
  guint n = 0;
  const PbRejection *rejections = lifecycle ? pb_lifecycle_get_rejections (lifecycle, &n) : NULL;

  for (guint i = 0; i < n; i++)
    if (rejections[i].event == event)
      return &rejections[i];
  return NULL;
}

static void load_form (PbSimulatorPage *self, const PbScenarioEvent *event, int editing);

static void
on_enabled_toggled (GtkCheckButton *check, PbSimulatorPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "event"));

  if (!self->updating)
    pb_scenario_set_event_enabled (scenario_of (self), index, gtk_check_button_get_active (check));
}

static void
on_remove_clicked (GtkButton *button, PbSimulatorPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "event"));

  if (self->editing == (int) index)
    load_form (self, NULL, -1);
  pb_scenario_remove_event (scenario_of (self), index);
}

static void
on_edit_clicked (GtkButton *button, PbSimulatorPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "event"));

  load_form (self, pb_scenario_get_event (scenario_of (self), index), (int) index);
}

static GtkWidget *
small_label (const char *text, const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

/* The events at the as-of instant stand out in the list: where the state
 * shown comes from. */
static void
mark_row (PbSimulatorPage *self, GtkWidget *box)
{
  PbScenario *scenario = scenario_of (self);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "index"));
  gboolean current = scenario != NULL && index < pb_scenario_get_n_events (scenario) &&
                     pb_scenario_get_event (scenario, index)->at == self->at;

  if (current)
    gtk_widget_add_css_class (box, "pb-current");
  else
    gtk_widget_remove_css_class (box, "pb-current");
}

static void
mark_current_rows (PbSimulatorPage *self)
{
  for (guint i = 0; i < self->bound_rows->len; i++)
    mark_row (self, g_ptr_array_index (self->bound_rows, i));
}

/* A row's widgets, made once and filled for whichever event it shows. */
static void
on_row_setup (GtkSignalListItemFactory *factory, GtkListItem *item, PbSimulatorPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *title = small_label ("", "heading");
  GtkWidget *details = small_label ("", NULL);
  GtkWidget *note = small_label ("", "dim-label");
  GtkWidget *rejection = small_label ("", "pb-issue-error");

  gtk_widget_set_tooltip_text (check, _("Include this event in the replay"));
  gtk_widget_set_tooltip_text (edit, _("Edit this event"));
  gtk_widget_set_tooltip_text (remove, _("Remove this event"));
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_widget_set_valign (edit, GTK_ALIGN_START);
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_name (rejection, "rejection");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), details);
  gtk_box_append (GTK_BOX (text), note);
  gtk_box_append (GTK_BOX (text), rejection);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_enabled_toggled), self, 0);
  g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_clicked), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  g_object_set_data (G_OBJECT (box), "check", check);
  g_object_set_data (G_OBJECT (box), "edit", edit);
  g_object_set_data (G_OBJECT (box), "remove", remove);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "details", details);
  g_object_set_data (G_OBJECT (box), "note", note);
  g_object_set_data (G_OBJECT (box), "rejection", rejection);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_row_bind (GtkSignalListItemFactory *factory, GtkListItem *item, PbSimulatorPage *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (gtk_list_item_get_item (item)), NULL, 10);
  const PbScenarioEvent *event;
  const PbRejection *rejection;
  g_autofree char *details = NULL;
  GtkWidget *label;

  if (scenario_of (self) == NULL || index >= pb_scenario_get_n_events (scenario_of (self)))
    return;
  event = pb_scenario_get_event (scenario_of (self), index);
  rejection = rejection_of (self, index);
  details = event_details (event);
  for (const char **key = (const char *[]) { "check", "edit", "remove", NULL }; *key; key++)
    g_object_set_data (g_object_get_data (G_OBJECT (box), *key), "event", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (box), "index", GUINT_TO_POINTER (index));
  if (!g_ptr_array_find (self->bound_rows, box, NULL))
    g_ptr_array_add (self->bound_rows, box);
  mark_row (self, box);
  self->updating = TRUE;
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (box), "check"), event->enabled);
  self->updating = FALSE;
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "title"), event_title (event->type));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "details"), details);
  label = g_object_get_data (G_OBJECT (box), "note");
  gtk_label_set_label (GTK_LABEL (label), event->note ? event->note : "");
  gtk_widget_set_visible (label, event->note != NULL);
  label = g_object_get_data (G_OBJECT (box), "rejection");
  if (rejection != NULL)
    {
      g_autofree char *why = g_strdup_printf (_("Rejected (%s): %s"), rejection->rule, rejection->reason);

      gtk_label_set_label (GTK_LABEL (label), why);
    }
  gtk_widget_set_visible (label, rejection != NULL);
}

static void
on_row_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, PbSimulatorPage *self)
{
  g_ptr_array_remove_fast (self->bound_rows, gtk_list_item_get_child (item));
}

static void
fill_events (PbSimulatorPage *self)
{
  pb_event_rows_reset (self->event_rows, scenario_of (self) ? pb_scenario_get_n_events (scenario_of (self)) : 0);
}

/* ------------------------------------------------------------------ */
/* The state at the as-of instant                                     */

static char *
describe_code (PbSimulatorPage *self, const PbLifecycleCode *code, const PbCodeStatus *status)
{
  g_autofree char *viewers = pb_format_count (status->max_viewers);
  g_autofree char *bound = format_instant (status->bound_at);
  g_autofree char *expires = format_instant (status->expires_at);
  g_autofree char *deadline = format_instant (code->bind_deadline);
  g_autofree char *void_at = format_instant (status->void_at);
  const PbCodeTier *tier = pb_catalog_el_tier (pb_scenario_get_catalog (scenario_of (self)), code->tier);
  const char *tier_name = tier ? pb_code_tier_display_name (tier) : code->tier;

  switch (status->state)
    {
    case PB_CODE_UNBOUND:
      return g_strdup_printf (_("Code %s (%s, %s viewers): not bound yet; bind before %s (EL-7)"),
                              code->id, tier_name, viewers, deadline);
    case PB_CODE_VOID:
      return g_strdup_printf (_("Code %s (%s): void since %s, not bound in time (EL-7)"), code->id, tier_name, void_at);
    case PB_CODE_ACTIVE:
      return g_strdup_printf (_("Code %s (%s, %s viewers): usable; bound %s, valid until %s (EL-8)"),
                              code->id, tier_name, viewers, bound, expires);
    case PB_CODE_SUSPENDED:
      return g_strdup_printf (_("Code %s (%s, %s viewers): suspended while the base fee has lapsed; valid until %s (EL-8)"),
                              code->id, tier_name, viewers, expires);
    case PB_CODE_EXPIRED:
    default:
      return g_strdup_printf (_("Code %s (%s): expired at %s (EL-8)"), code->id, tier_name, expires);
    }
}

static void
add_state_line (PbSimulatorPage *self, GString *all, const char *text, const char *css)
{
  gtk_box_append (self->state_box, small_label (text, css));
  g_string_append_printf (all, "%s\n", text);
}

#define STATE_MAX_LINES 200

static char *
build_state (PbSimulatorPage *self, gboolean show)
{
  PbLifecycle *lifecycle = lifecycle_of (self);
  GString *all = g_string_new (NULL);
  PbInstant expires = PB_INSTANT_NONE;
  PbBaseFeeState base;
  guint n_rejected;
  GtkWidget *child;

  if (show)
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->state_box))) != NULL)
      gtk_box_remove (self->state_box, child);
  if (lifecycle == NULL || self->at == PB_INSTANT_NONE)
    return g_string_free (all, FALSE);

#define LINE(text, css) G_STMT_START { if (show) add_state_line (self, all, text, css); \
                                       else g_string_append_printf (all, "%s\n", text); } G_STMT_END
  base = pb_lifecycle_base_fee_at (lifecycle, self->at, &expires);
  {
    g_autofree char *until = format_instant (expires);
    g_autofree char *text = base == PB_BASE_FEE_ACTIVE
      ? g_strdup_printf (_("Base fee: valid until %s (EL-3, EL-10)"), until)
      : base == PB_BASE_FEE_EXPIRED
      ? g_strdup_printf (_("Base fee: lapsed at %s; codes are suspended until a renewal (EL-8)"), until)
      : g_strdup (_("Base fee: none bought yet"));

    LINE (text, base == PB_BASE_FEE_EXPIRED ? "pb-issue-warning" : "heading");
  }
  for (guint i = 0, shown = 0; i < pb_lifecycle_get_n_codes (lifecycle); i++)
    {
      const PbLifecycleCode *code = pb_lifecycle_get_code (lifecycle, i);
      PbCodeStatus status;

      if (!pb_lifecycle_code_at (lifecycle, code, self->at, &status))
        continue;
      /* A large account lists its first codes; the timeline shows them all. */
      if (shown++ == STATE_MAX_LINES)
        {
          g_autofree char *more = g_strdup_printf (_("… and more codes: the timeline shows every one."));

          LINE (more, "dim-label");
          break;
        }
      {
        g_autofree char *text = describe_code (self, code, &status);

        LINE (text, status.usable ? NULL : "dim-label");
      }
    }
  for (guint i = 0; i < pb_lifecycle_get_n_numbers (lifecycle); i++)
    {
      const PbLifecycleNumber *number = pb_lifecycle_get_number (lifecycle, i);
      gboolean active;
      guint months;

      if (pb_lifecycle_number_at (lifecycle, number, self->at, &active, &months))
        {
          g_autofree char *text = NULL;

          if (active)
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Number %s: active, %u month billed (VM-3, VM-4)",
                                                 "Number %s: active, %u months billed (VM-3, VM-4)", months),
                                    number->id, months);
          else
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Number %s: unsubscribed, %u month billed (VM-4)",
                                                 "Number %s: unsubscribed, %u months billed (VM-4)", months),
                                    number->id, months);

          LINE (text, NULL);
        }
    }
  for (guint i = 0; i < pb_lifecycle_get_n_packages (lifecycle); i++)
    {
      const PbLifecyclePackage *package = pb_lifecycle_get_package (lifecycle, i);
      gint64 remaining = pb_lifecycle_package_remaining_at (package, self->at);

      if (remaining >= 0)
        {
          g_autofree char *left = pb_format_count (remaining);
          g_autofree char *total = pb_format_count (package->minutes);
          g_autofree char *until = format_instant (package->expires_at);
          g_autofree char *text = self->at >= package->expires_at
            ? g_strdup_printf (_("Package %s: expired at %s (VM-9)"), package->id, until)
            : g_strdup_printf (_("Package %s: %s of %s minutes left, valid until %s (VM-9)"),
                               package->id, left, total, until);

          LINE (text, NULL);
        }
    }
  if (pb_lifecycle_get_n_packages (lifecycle) > 0)
    {
      g_autofree char *balance = pb_format_count (pb_lifecycle_balance_at (lifecycle, self->at));
      g_autofree char *text = g_strdup_printf (_("Minutes left in all packages: %s"), balance);

      LINE (text, "heading");
    }
  n_rejected = pb_lifecycle_count_rejections_at (lifecycle, self->at);
  if (n_rejected > 0)
    {
      guint n;
      const PbRejection *rejections = pb_lifecycle_get_rejections (lifecycle, &n);

      for (guint i = 0; i < n_rejected; i++)
        {
          g_autofree char *when = pb_time_format_display (rejections[i].at);
          g_autofree char *text = g_strdup_printf (_("Rejected at %s, event %u (%s): %s"), when,
                                                   rejections[i].event, rejections[i].rule, rejections[i].reason);

          LINE (text, "pb-issue-error");
        }
    }
#undef LINE
  return g_string_free (all, FALSE);
}

char *
pb_simulator_page_describe_state (PbSimulatorPage *self)
{
  return build_state (self, FALSE);
}

/* What happens at the as-of instant: the events there, and what the rules
 * derive there (a deadline, an expiry, a suspension), in words. */
static char *
describe_here (PbSimulatorPage *self)
{
  PbLifecycle *lifecycle = lifecycle_of (self);
  PbScenario *scenario = scenario_of (self);
  g_autoptr(GArray) derived = NULL;
  GString *text = g_string_new (NULL);
  guint n = 0;
  const PbScenarioEvent *events = scenario ? pb_scenario_get_events (scenario, &n) : NULL;

  if (lifecycle == NULL || self->at == PB_INSTANT_NONE)
    return g_string_free (text, FALSE);
  for (guint i = 0; i < n; i++)
    if (events[i].enabled && events[i].at == self->at)
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", event_title (events[i].type));
  derived = pb_lifecycle_derive_instants (lifecycle);
  for (guint i = 0; i < derived->len; i++)
    {
      const PbKeyDate *date = &g_array_index (derived, PbKeyDate, i);
      g_autofree char *phrase = NULL;

      /* EL-7: a bound code's deadline passing is no event (nor a stop). */
      if (date->at != self->at || (date->kind == PB_KEY_DATE_BIND_DEADLINE && !date->lapses))
        continue;
      if (date->kind == PB_KEY_DATE_BIND_DEADLINE)
        phrase = g_strdup_printf (_("Code %s becomes void: it was not bound in time"), date->subject);
      else
        phrase = pb_key_date_phrase (date, NULL);
      g_string_append_printf (text, "%s%s (%s)", text->len ? "\n" : "", phrase, date->rule);
    }
  return g_string_free (text, FALSE);
}

/* The stop Next (@direction > 0) or Previous (< 0) goes to; FALSE when
 * there is none. */
static gboolean
find_stop (PbSimulatorPage *self, int direction, PbInstant *result)
{
  PbScenario *scenario = scenario_of (self);
  PbLifecycle *lifecycle = lifecycle_of (self);
  guint n = 0;
  const PbScenarioEvent *events = scenario ? pb_scenario_get_events (scenario, &n) : NULL;

  return lifecycle != NULL && pb_lifecycle_step (lifecycle, events, n, self->at, direction, result);
}

/* Next at the last stop (Previous at the first) did nothing, yet looked
 * as if it would.  A button that goes off while it has the keyboard hands
 * it to its twin, or to the instant's entry, so that it is not lost. */
static void
update_step_buttons (PbSimulatorPage *self)
{
  GtkWidget *buttons[2] = { GTK_WIDGET (self->previous_button), GTK_WIDGET (self->next_button) };
  gboolean can[2];
  PbInstant stop;

  can[0] = find_stop (self, -1, &stop);
  can[1] = find_stop (self, +1, &stop);
  for (guint i = 0; i < 2; i++)
    {
      if (!can[i] && gtk_widget_has_focus (buttons[i]))
        gtk_widget_grab_focus (can[1 - i] ? buttons[1 - i] : GTK_WIDGET (self->at_entry));
      gtk_widget_set_sensitive (buttons[i], can[i]);
    }
}

static void
show_state (PbSimulatorPage *self)
{
  g_autofree char *text = build_state (self, TRUE);
  g_autofree char *at = format_instant (self->at);
  g_autofree char *here = describe_here (self);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->at_entry), at);
  gtk_adjustment_set_value (self->scrubber_adjustment, (double) self->at);
  gtk_widget_set_visible (GTK_WIDGET (self->at_issue), FALSE);
  gtk_label_set_label (self->here_label, here);
  pb_key_dates_view_set_lifecycle (self->key_dates, lifecycle_of (self), self->at);
  gtk_widget_set_visible (GTK_WIDGET (self->here_label), *here != '\0');
  self->updating = FALSE;
  mark_current_rows (self);
  update_step_buttons (self);
}

/* ------------------------------------------------------------------ */
/* Replay                                                             */

static void
update_scrubber_range (PbSimulatorPage *self)
{
  PbLifecycle *lifecycle = lifecycle_of (self);
  PbInstant first = pb_lifecycle_get_first_instant (lifecycle);
  PbInstant last = pb_lifecycle_get_horizon (lifecycle);

  if (first == PB_INSTANT_NONE)
    return;
  /* A month before the first event, and past the last one by the longest
   * term anything bought can run (a package's validity). */
  gtk_adjustment_set_lower (self->scrubber_adjustment, (double) pb_time_add_months (first, -1));
  gtk_adjustment_set_upper (self->scrubber_adjustment,
                            (double) pb_time_add_months (last, (int) pb_catalog_vm_package_validity_months (
                                                                 pb_scenario_get_catalog (scenario_of (self))) + 1));
}

/* The replay ran again: on a new scenario (set here or by the window), or
 * after a change to the one shown.  The page never replays by itself. */
/* What a reader should know that the events do not say (the guide never
 * says when B is bound, EL-7); the shipped samples' are translated. */
void
pb_simulator_show_description (GtkLabel *label, PbScenario *scenario)
{
  const char *description = scenario ? pb_scenario_get_description (scenario) : "";

  gtk_label_set_label (label, *description ? _(description) : "");
  gtk_widget_set_visible (GTK_WIDGET (label), *description != '\0');
}

static void
on_scenario_replaced (PbSimulatorPage *self)
{
  self->scenario_replaced = TRUE;
}

static void
on_replayed (PbSimulatorPage *self)
{
  PbScenario *scenario = scenario_of (self);
  PbLifecycle *lifecycle = lifecycle_of (self);
  const GError *error = pb_replay_get_error (self->replay);
  gboolean is_new = self->scenario_replaced;

  self->scenario_replaced = FALSE;
  if (is_new)
    {
      load_form (self, NULL, -1);
      gtk_label_set_label (self->title_label, scenario && pb_scenario_get_title (scenario)
                                              ? pb_scenario_get_title (scenario) : "");
      pb_simulator_show_description (self->description_label, scenario);
    }
  if (error != NULL)
    {
      gtk_label_set_label (self->at_issue, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->at_issue), TRUE);
    }
  if (lifecycle != NULL)
    update_scrubber_range (self);
  fill_events (self);
  show_state (self);
  if (is_new && lifecycle != NULL && pb_lifecycle_get_first_instant (lifecycle) != PB_INSTANT_NONE)
    pb_simulator_page_set_at (self, pb_lifecycle_get_first_instant (lifecycle));
}

void
pb_simulator_page_set_at (PbSimulatorPage *self, PbInstant at)
{
  if (self->at == at)
    return;
  self->at = at;
  if (at != PB_INSTANT_NONE)
    {
      g_autofree char *when = pb_time_format_display (at);

      gtk_entry_set_placeholder_text (self->when_entry, when);
    }
  show_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

/* In a narrow window (half a laptop's screen) the state goes below the
 * events instead of beside them, where it would be a few letters wide. */
void
pb_simulator_page_set_narrow (PbSimulatorPage *self, gboolean narrow)
{
  GtkOrientation orientation = narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  g_return_if_fail (PB_IS_SIMULATOR_PAGE (self));

  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) == orientation)
    return;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), orientation);
  gtk_paned_set_position (self->paned, narrow ? 480 : 520);
}

PbInstant
pb_simulator_page_get_at (PbSimulatorPage *self)
{
  return self->at;
}

/* Previous / next stop: the nearest instant before or after the as-of one
 * at which an enabled event happens or the rules derive something (a code
 * void at its bind deadline, an expiry, a suspension starting or ending). */
void
pb_simulator_page_step (PbSimulatorPage *self, int direction)
{
  PbInstant next;

  if (find_stop (self, direction, &next))
    pb_simulator_page_set_at (self, next);
}

static void
on_key_date_activated (PbSimulatorPage *self, PbInstant at)
{
  pb_simulator_page_set_at (self, at);
}

static void on_previous_clicked (PbSimulatorPage *self) { pb_simulator_page_step (self, -1); }
static void on_next_clicked (PbSimulatorPage *self) { pb_simulator_page_step (self, +1); }

static void
on_scrubbed (PbSimulatorPage *self)
{
  if (!self->updating)
    pb_simulator_page_set_at (self, (PbInstant) gtk_adjustment_get_value (self->scrubber_adjustment));
}

static void
on_at_entry_activate (PbSimulatorPage *self)
{
  g_autoptr(GError) error = NULL;
  PbInstant at;

  if (pb_time_parse (gtk_editable_get_text (GTK_EDITABLE (self->at_entry)), &at, &error))
    pb_simulator_page_set_at (self, at);
  else
    {
      gtk_label_set_label (self->at_issue, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->at_issue), TRUE);
    }
}

void
pb_simulator_page_set_replay (PbSimulatorPage *self, PbReplay *replay)
{
  g_return_if_fail (PB_IS_SIMULATOR_PAGE (self));
  g_return_if_fail (replay == NULL || PB_IS_REPLAY (replay));

  if (self->replay != NULL)
    g_signal_handlers_disconnect_by_data (self->replay, self);
  g_set_object (&self->replay, replay);
  if (replay == NULL)
    return;
  g_signal_connect_object (replay, "notify::scenario", G_CALLBACK (on_scenario_replaced), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (replay, "notify::lifecycle", G_CALLBACK (on_replayed), self, G_CONNECT_SWAPPED);
  /* Shown as new: the form is cleared and the as-of instant starts over. */
  self->scenario_replaced = TRUE;
  on_replayed (self);
}

void
pb_simulator_page_set_scenario (PbSimulatorPage *self, PbScenario *scenario)
{
  g_autoptr(PbReplay) own = NULL;

  g_return_if_fail (PB_IS_SIMULATOR_PAGE (self));

  if (self->replay == NULL)
    {
      own = pb_replay_new ();
      pb_simulator_page_set_replay (self, own);
    }
  /* Set again, the same scenario starts over too. */
  self->scenario_replaced = TRUE;
  pb_replay_set_scenario (self->replay, scenario);
}

PbScenario *
pb_simulator_page_get_scenario (PbSimulatorPage *self)
{
  return scenario_of (self);
}

/* ------------------------------------------------------------------ */
/* The event form                                                     */

static void
show_rows_for (PbSimulatorPage *self, PbEventType type)
{
  gboolean visible[] = {
    [ROW_TYPE] = TRUE, [ROW_WHEN] = TRUE, [ROW_SUBJECT] = TRUE, [ROW_NOTE] = TRUE,
    [ROW_TIER] = type == PB_EVENT_LIVE_CODE_BUY,
    [ROW_KIND] = type == PB_EVENT_VOICE_PACKAGE_BUY,
    [ROW_EXTRA] = type == PB_EVENT_LIVE_CODE_BUY || type == PB_EVENT_LIVE_CODE_EXPAND,
    [ROW_VIEWERS] = type == PB_EVENT_LIVE_BROADCAST,
    [ROW_MINUTES] = type == PB_EVENT_LIVE_BROADCAST || type == PB_EVENT_VOICE_PACKAGE_BUY,
    [ROW_SECONDS] = type == PB_EVENT_VOICE_CALL,
    [ROW_ANSWERED] = type == PB_EVENT_VOICE_CALL,
  };

  for (guint i = 0; i < self->n_rows; i++)
    {
      gtk_widget_set_visible (self->rows[i][0], visible[i]);
      gtk_widget_set_visible (self->rows[i][1], visible[i]);
    }
  gtk_label_set_label (self->subject_label, subject_caption (type));
}

static void
on_type_selected (PbSimulatorPage *self)
{
  show_rows_for (self, (PbEventType) gtk_drop_down_get_selected (self->type_dropdown));
}

static void
load_form (PbSimulatorPage *self, const PbScenarioEvent *event, int editing)
{
  g_autofree char *when = NULL;
  guint n_tiers = 0;
  const PbCodeTier *tiers = scenario_of (self)
    ? pb_catalog_el_tiers (pb_scenario_get_catalog (scenario_of (self)), &n_tiers) : NULL;

  self->editing = editing;
  gtk_label_set_label (self->form_title, editing >= 0 ? _("Edit the Event") : _("Add an Event"));
  gtk_button_set_label (self->form_button, editing >= 0 ? _("_Update Event") : _("_Add Event"));
  gtk_widget_set_visible (GTK_WIDGET (self->form_cancel), editing >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->form_issue), FALSE);
  if (event == NULL)
    return;
  when = pb_time_format_display (event->at);
  gtk_drop_down_set_selected (self->type_dropdown, event->type);
  gtk_editable_set_text (GTK_EDITABLE (self->when_entry), when);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_entry), event->subject ? event->subject : "");
  for (guint i = 0; i < n_tiers; i++)
    if (g_strcmp0 (tiers[i].id, event->tier) == 0)
      gtk_drop_down_set_selected (self->tier_dropdown, i);
  gtk_drop_down_set_selected (self->kind_dropdown, event->package_kind == PB_PACKAGE_CUSTOM ? 1 : 0);
  gtk_spin_button_set_value (self->extra_spin, (double) event->extra_viewers);
  gtk_spin_button_set_value (self->viewers_spin, (double) event->viewers);
  gtk_spin_button_set_value (self->minutes_spin, (double) event->minutes);
  gtk_spin_button_set_value (self->seconds_spin, (double) event->seconds);
  gtk_check_button_set_active (self->answered_check, event->answered);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), event->note ? event->note : "");
}

static void
on_form_cancel_clicked (PbSimulatorPage *self)
{
  load_form (self, NULL, -1);
}

/* The form's values as an event; the scenario checks it as a file would. */
static gboolean
read_form (PbSimulatorPage *self, PbScenarioEvent *event, GError **error)
{
  guint n_tiers = 0;
  const PbCodeTier *tiers = pb_catalog_el_tiers (pb_scenario_get_catalog (scenario_of (self)), &n_tiers);
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  memset (event, 0, sizeof *event);
  /* Left empty, "When" is the as-of instant its placeholder shows. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->when_entry)) == '\0' && self->at != PB_INSTANT_NONE)
    event->at = self->at;
  else if (!pb_time_parse (gtk_editable_get_text (GTK_EDITABLE (self->when_entry)), &event->at, error))
    return FALSE;
  event->type = (PbEventType) gtk_drop_down_get_selected (self->type_dropdown);
  event->enabled = TRUE;
  event->subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_entry));
  event->tier = tier < n_tiers ? tiers[tier].id : NULL;
  event->package_kind = gtk_drop_down_get_selected (self->kind_dropdown) == 1 ? PB_PACKAGE_CUSTOM : PB_PACKAGE_FIXED;
  event->extra_viewers = (gint64) gtk_spin_button_get_value (self->extra_spin);
  event->viewers = (gint64) gtk_spin_button_get_value (self->viewers_spin);
  event->minutes = (gint64) gtk_spin_button_get_value (self->minutes_spin);
  event->seconds = (gint64) gtk_spin_button_get_value (self->seconds_spin);
  event->answered = gtk_check_button_get_active (self->answered_check);
  event->note = *note ? note : NULL;
  return TRUE;
}

static void
on_form_button_clicked (PbSimulatorPage *self)
{
  g_autoptr(GError) error = NULL;
  PbScenarioEvent event;
  gboolean ok;
  int index = -1;

  if (scenario_of (self) == NULL)
    return;
  ok = read_form (self, &event, &error);
  if (ok && self->editing >= 0)
    ok = pb_scenario_replace_event (scenario_of (self), (guint) (index = self->editing), &event, &error);
  else if (ok)
    ok = (index = pb_scenario_append_event (scenario_of (self), &event, &error)) >= 0;
  if (!ok)
    {
      gtk_label_set_label (self->form_issue, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_issue), TRUE);
      return;
    }
  load_form (self, NULL, -1);
  /* The what-if is shown where it happens, marked in the list, in sight. */
  pb_simulator_page_set_at (self, event.at);
  gtk_widget_activate_action (GTK_WIDGET (self->events_list), "list.scroll-to-item", "u", (guint) index);
  g_signal_emit (self, signals[SIGNAL_EVENT_ADDED], 0, (guint) index);
}

static GtkWidget *
spin (double upper, double step, const char *name)
{
  GtkWidget *widget = gtk_spin_button_new_with_range (0, upper, step);

  gtk_widget_set_name (widget, name);
  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  return widget;
}

static void
add_form_row (PbSimulatorPage *self, const char *caption, GtkWidget *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (caption);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_grid_attach (self->form_grid, label, 0, (int) self->n_rows, 1, 1);
  gtk_grid_attach (self->form_grid, field, 1, (int) self->n_rows, 1, 1);
  self->rows[self->n_rows][0] = label;
  self->rows[self->n_rows][1] = field;
  self->n_rows++;
}

static void
build_form (PbSimulatorPage *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tiers = gtk_string_list_new (NULL);
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (NULL);
  const char *kinds[] = { N_("Fixed (VM-5)"), N_("Custom (VM-6)"), NULL };
  guint n_tiers = 0;
  const PbCodeTier *tier_list = pb_catalog_el_tiers (catalog, &n_tiers);

  for (PbEventType t = 0; t < PB_N_EVENT_TYPES; t++)
    gtk_string_list_append (types, event_title (t));
  for (guint i = 0; i < n_tiers; i++)
    gtk_string_list_append (tiers, pb_code_tier_display_name (&tier_list[i]));
  for (guint i = 0; kinds[i]; i++)
    kinds[i] = _(kinds[i]);

  self->type_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (types)), NULL));
  self->when_entry = GTK_ENTRY (gtk_entry_new ());
  self->subject_entry = GTK_ENTRY (gtk_entry_new ());
  self->tier_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (tiers)), NULL));
  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  self->extra_spin = GTK_SPIN_BUTTON (spin (PB_SCENARIO_MAX_VIEWERS, 100, "extra_spin"));
  self->viewers_spin = GTK_SPIN_BUTTON (spin (PB_SCENARIO_MAX_VIEWERS, 100, "viewers_spin"));
  self->minutes_spin = GTK_SPIN_BUTTON (spin (PB_SCENARIO_MAX_MINUTES, 1, "minutes_spin"));
  self->seconds_spin = GTK_SPIN_BUTTON (spin (PB_SCENARIO_MAX_SECONDS, 1, "seconds_spin"));
  self->answered_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("The ca_ll was answered")));
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->type_dropdown), "type_dropdown");
  gtk_widget_set_name (GTK_WIDGET (self->when_entry), "when_entry");
  gtk_widget_set_name (GTK_WIDGET (self->subject_entry), "subject_entry");
  gtk_widget_set_name (GTK_WIDGET (self->tier_dropdown), "tier_dropdown");
  gtk_widget_set_name (GTK_WIDGET (self->kind_dropdown), "kind_dropdown");
  gtk_widget_set_name (GTK_WIDGET (self->note_entry), "note_entry");
  gtk_entry_set_placeholder_text (self->when_entry, "2020-06-01 10:00");
  /* What a scenario file may hold, so that what is saved opens again. */
  gtk_entry_set_max_length (self->subject_entry, PB_TEXT_MAX_LINE);
  gtk_entry_set_max_length (self->note_entry, PB_TEXT_MAX_PARAGRAPHS);
  gtk_widget_set_hexpand (GTK_WIDGET (self->when_entry), TRUE);

  add_form_row (self, _("T_ype"), GTK_WIDGET (self->type_dropdown));
  add_form_row (self, _("_When"), GTK_WIDGET (self->when_entry));
  add_form_row (self, _("Code"), GTK_WIDGET (self->subject_entry));
  self->subject_label = GTK_LABEL (self->rows[ROW_SUBJECT][0]);
  add_form_row (self, _("T_ier"), GTK_WIDGET (self->tier_dropdown));
  add_form_row (self, _("_Package kind"), GTK_WIDGET (self->kind_dropdown));
  add_form_row (self, _("_Extra viewers"), GTK_WIDGET (self->extra_spin));
  add_form_row (self, _("_Viewers"), GTK_WIDGET (self->viewers_spin));
  add_form_row (self, _("M_inutes"), GTK_WIDGET (self->minutes_spin));
  add_form_row (self, _("Se_conds"), GTK_WIDGET (self->seconds_spin));
  add_form_row (self, "", GTK_WIDGET (self->answered_check));
  add_form_row (self, _("_Note"), GTK_WIDGET (self->note_entry));
  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (on_type_selected), self,
                           G_CONNECT_SWAPPED);
  show_rows_for (self, PB_EVENT_LIVE_BASE_FEE_BUY);
}

/* ------------------------------------------------------------------ */

static void
pb_simulator_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbSimulatorPage *self = PB_SIMULATOR_PAGE (object);

  switch (prop_id)
    {
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_simulator_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_AT:
      pb_simulator_page_set_at (PB_SIMULATOR_PAGE (object), g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_simulator_page_dispose (GObject *object)
{
  PbSimulatorPage *self = PB_SIMULATOR_PAGE (object);
  GtkWidget *child;

  if (self->replay != NULL)
    g_signal_handlers_disconnect_by_data (self->replay, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_SIMULATOR_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->replay);
  g_clear_object (&self->event_rows);
  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (pb_simulator_page_parent_class)->dispose (object);
}

static void
pb_simulator_page_class_init (PbSimulatorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_simulator_page_dispose;
  object_class->get_property = pb_simulator_page_get_property;
  object_class->set_property = pb_simulator_page_set_property;
  properties[PROP_AT] = g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* An event was added or changed in the form: its index. */
  signals[SIGNAL_EVENT_ADDED] = g_signal_new ("event-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (PB_TYPE_KEY_DATES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pricebook/Pricebook/pb-simulator-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, paned);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, events_list);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, form_title);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, form_grid);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, form_issue);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, form_button);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, form_cancel);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, at_entry);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, scrubber);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, scrubber_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, at_issue);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, here_label);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, state_box);
  gtk_widget_class_bind_template_child (widget_class, PbSimulatorPage, key_dates);
  gtk_widget_class_bind_template_callback (widget_class, on_key_date_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_form_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_form_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_at_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_scrubbed);
}

static void
pb_simulator_page_init (PbSimulatorPage *self)
{
  self->editing = -1;
  self->at = PB_INSTANT_NONE;
  self->bound_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  build_form (self);
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    self->event_rows = g_object_new (PB_TYPE_EVENT_ROWS, NULL);
    g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup), self);
    g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind), self);
    g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbind), self);
    gtk_list_view_set_factory (self->events_list, factory);
    gtk_list_view_set_model (self->events_list,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->event_rows)))));
    g_object_unref (factory);
  }
}
