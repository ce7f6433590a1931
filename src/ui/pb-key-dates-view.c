/* pb-key-dates-view.c: what must be done by when, from the as-of instant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key dates (pb-key-dates.h: bind codes by, renew the base fee by,
 * packages usable until, codes expiring or suspended) of the replay shown,
 * from the as-of instant on, in the words of pb-key-dates-text.h.  A click
 * on a date moves the as-of instant there ("date-activated"); "Add to
 * Calendar…" is the window's action.  The view computes nothing: it lists
 * what the lifecycle derived.
 */
#define G_LOG_DOMAIN "pb-key-dates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-key-dates-text.h"
#include "pb-key-dates-view.h"

/* A 10,000-code account has tens of thousands: the nearest are listed, the
 * timeline and the calendar file have them all. */
#define MAX_ROWS 100

struct _PbKeyDatesView
{
  GtkWidget     parent_instance;

  GtkListBox   *list;
  GtkLabel     *more_label;
  GArray       *dates;         /* PbKeyDate, as listed */
  PbLifecycle  *lifecycle;
  PbProjection *projection;    /* a quote's, or NULL */
  PbInstant     from;
};

G_DEFINE_FINAL_TYPE (PbKeyDatesView, pb_key_dates_view, GTK_TYPE_WIDGET)

enum { SIGNAL_DATE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
date_row (const PbKeyDate *date)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *when = pb_time_format_display (date->at);
  g_autofree char *phrase = pb_key_date_phrase (date, NULL);
  g_autofree char *what = g_strdup_printf ("%s (%s)", phrase, date->rule);
  GtkWidget *when_label = gtk_label_new (when);
  GtkWidget *what_label = gtk_label_new (what);

  gtk_widget_add_css_class (when_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (when_label), 0);
  gtk_label_set_xalign (GTK_LABEL (what_label), 0);
  gtk_label_set_wrap (GTK_LABEL (what_label), TRUE);
  if (date->lapses || date->kind == PB_KEY_DATE_SUSPENSION_STARTS)
    gtk_widget_add_css_class (what_label, "pb-issue-warning");
  gtk_box_append (GTK_BOX (row), when_label);
  gtk_box_append (GTK_BOX (row), what_label);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 10);
  gtk_widget_set_margin_end (row, 10);
  /* One sentence for a screen reader: the date, then what happens. */
  {
    g_autofree char *name = g_strdup_printf ("%s: %s", when, what);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  return row;
}

static void
fill (PbKeyDatesView *self)
{
  GtkWidget *child;
  g_autoptr(GArray) all = NULL;
  guint shown;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->dates, 0);
  if (self->lifecycle != NULL && self->projection != NULL)
    all = pb_projection_key_dates (self->projection, self->lifecycle,
                                   self->from != PB_INSTANT_NONE ? self->from : PB_INSTANT_MIN);
  else if (self->lifecycle != NULL)
    all = pb_lifecycle_key_dates (self->lifecycle, self->from);
  shown = all ? MIN (all->len, MAX_ROWS) : 0;
  for (guint i = 0; i < shown; i++)
    {
      const PbKeyDate *date = &g_array_index (all, PbKeyDate, i);

      g_array_append_vals (self->dates, date, 1);
      gtk_list_box_append (self->list, date_row (date));
    }
  if (all != NULL && all->len > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more: the calendar file has every one.",
                                                            "… and %u more: the calendar file has every one.",
                                                            all->len - shown), all->len - shown);

      gtk_label_set_label (self->more_label, more);
    }
  else if (shown == 0)
    gtk_label_set_label (self->more_label, _("Nothing to do or watch from this instant on."));
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), shown == 0 || (all && all->len > shown));
  gtk_widget_set_visible (GTK_WIDGET (self->list), shown > 0);
}

void
pb_key_dates_view_set_lifecycle (PbKeyDatesView *self, PbLifecycle *lifecycle, PbInstant from)
{
  g_return_if_fail (PB_IS_KEY_DATES_VIEW (self));

  if (self->lifecycle == lifecycle && self->from == from)
    return;
  g_set_object (&self->lifecycle, lifecycle);
  self->from = from;
  fill (self);
}

void
pb_key_dates_view_set_projection (PbKeyDatesView *self, PbProjection *projection)
{
  g_return_if_fail (PB_IS_KEY_DATES_VIEW (self));
  g_return_if_fail (projection == NULL || PB_IS_PROJECTION (projection));

  if (g_set_object (&self->projection, projection))
    fill (self);
}

guint
pb_key_dates_view_get_n_dates (PbKeyDatesView *self)
{
  return self->dates->len;
}

static void
on_row_activated (PbKeyDatesView *self, GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->dates->len)
    g_signal_emit (self, signals[SIGNAL_DATE_ACTIVATED], 0, g_array_index (self->dates, PbKeyDate, index).at);
}

GtkWidget *
pb_key_dates_view_new (void)
{
  return g_object_new (PB_TYPE_KEY_DATES_VIEW, NULL);
}

static void
pb_key_dates_view_dispose (GObject *object)
{
  PbKeyDatesView *self = PB_KEY_DATES_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->lifecycle);
  g_clear_object (&self->projection);
  g_clear_pointer (&self->dates, g_array_unref);
  G_OBJECT_CLASS (pb_key_dates_view_parent_class)->dispose (object);
}

static void
pb_key_dates_view_class_init (PbKeyDatesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_key_dates_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  /* A key date was clicked: its instant (PbInstant). */
  signals[SIGNAL_DATE_ACTIVATED] = g_signal_new ("date-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
pb_key_dates_view_init (PbKeyDatesView *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Key Dates"));
  GtkWidget *calendar = gtk_button_new_with_mnemonic (_("A_dd to Calendar…"));

  self->dates = g_array_new (FALSE, FALSE, sizeof (PbKeyDate));
  self->from = PB_INSTANT_NONE;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_name (calendar, "add_to_calendar");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (calendar), "win.add-to-calendar");
  gtk_widget_set_tooltip_text (calendar, _("Save the key dates as a calendar file (.ics) and open it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add to Calendar"), -1);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), calendar);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "key_dates_list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key Dates"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->more_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->more_label, 0);
  gtk_label_set_wrap (self->more_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->more_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->more_label), 6);
  gtk_widget_set_parent (GTK_WIDGET (self->more_label), GTK_WIDGET (self));
  fill (self);
}
