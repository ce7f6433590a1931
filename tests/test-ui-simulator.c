/* test-ui-simulator.c: the simulator page replays the documented example,
 * switches events off (what-if), adds one through its form and steps
 * between events (EL-7, EL-8, EL-10, EL-6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pb-simulator-page.h"
#include "pb-test-ui.h"

typedef struct
{
  GtkWindow       *window;
  PbSimulatorPage *page;
  PbScenario      *scenario;
} Fixture;

static PbInstant
at (const char *text)
{
  PbInstant instant;

  g_assert_true (pb_time_parse (text, &instant, NULL));
  return instant;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (NULL);
  g_autoptr(GError) error = NULL;

  f->scenario = pb_scenario_new_from_resource (PB_SCENARIO_RESOURCE_DIR "customer-a.pbscenario", catalog, &error);
  g_assert_no_error (error);
  f->page = g_object_new (PB_TYPE_SIMULATOR_PAGE, NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  pb_simulator_page_set_scenario (f->page, f->scenario);
  pb_test_iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->scenario);
  pb_test_iterate ();
}

static char *
state_at (Fixture *f, const char *instant)
{
  pb_simulator_page_set_at (f->page, at (instant));
  pb_test_iterate ();
  return pb_simulator_page_describe_state (f->page);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

/* The documented example, then without its renewal: code A is suspended
 * from 2020-12-31 12:00 (EL-8), and B's expansion is rejected since B was
 * never gifted (EL-6). */
static void
test_simulator_what_if (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *with = state_at (f, "2020-12-31T12:00:00+08:00");
  g_autofree char *without = NULL;
  g_autoptr(GPtrArray) rejections = g_ptr_array_new ();

  assert_contains (with, "Code A (Flagship, 20,000 viewers): usable");
  assert_contains (with, "valid until 2021-12-31 12:00");
  if (g_getenv ("PRICEBOOK_SCREENSHOT_DIR"))
    {
      g_autofree char *path = g_build_filename (g_getenv ("PRICEBOOK_SCREENSHOT_DIR"), "simulator.png", NULL);

      pb_test_screenshot (GTK_WIDGET (f->window), path);
    }

  pb_test_collect (pb_test_get (GTK_WIDGET (f->page), "events_list"), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 4);
  gtk_check_button_set_active (g_ptr_array_index (checks, 2), FALSE);   /* the renewal */
  pb_test_iterate ();
  g_assert_false (pb_scenario_get_event (f->scenario, 2)->enabled);

  without = state_at (f, "2020-12-31T12:00:00+08:00");
  assert_contains (without, "Code A (Flagship, 20,000 viewers): suspended");
  assert_contains (without, "Base fee: lapsed at 2020-12-31 12:00");
  g_free (without);
  without = state_at (f, "2020-12-31T11:59:59+08:00");
  assert_contains (without, "Code A (Flagship, 20,000 viewers): usable");
  pb_test_collect (pb_test_get (GTK_WIDGET (f->page), "events_list"), GTK_TYPE_LABEL, rejections);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < rejections->len; i++)
      found |= g_str_equal (gtk_widget_get_name (g_ptr_array_index (rejections, i)), "rejection");
    g_assert_true (found);
  }
}

/* An event added through the form: binding B (EL-7) makes it usable. */
static void
test_simulator_add_event (Fixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  g_autofree char *state = NULL;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (pb_test_get (root, "type_dropdown")), PB_EVENT_LIVE_CODE_BIND);
  pb_test_type (pb_test_get (root, "when_entry"), "2020-02-30T10:00:00+08:00");
  pb_test_type (pb_test_get (root, "subject_entry"), "B");
  pb_test_click (root, "form_button");
  g_assert_true (gtk_widget_get_visible (pb_test_get (root, "form_issue")));
  g_assert_cmpuint (pb_scenario_get_n_events (f->scenario), ==, 4);

  pb_test_type (pb_test_get (root, "when_entry"), "2020-06-01T10:00:00+08:00");
  pb_test_click (root, "form_button");
  g_assert_false (gtk_widget_get_visible (pb_test_get (root, "form_issue")));
  g_assert_cmpuint (pb_scenario_get_n_events (f->scenario), ==, 5);
  state = state_at (f, "2020-06-01T10:00:00+08:00");
  assert_contains (state, "Code B (Flagship, 30,000 viewers): usable");
  assert_contains (state, "valid until 2021-05-31 10:00");
}

/* Whether a row of the simulator's Key Dates panel says @text. */
static gboolean
key_dates_mention (GtkWidget *root, const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pb_test_collect (pb_test_get (root, "simulator_key_dates"), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;
  return FALSE;
}

/* Previous / next stop at the enabled events and at what the rules derive
 * (issue 15, item 9): in the documented example, A was bound in time, so
 * its deadline 2020-03-01 12:00 is no stop and no key date (EL-7); B was gifted on
 * 2020-05-01 15:00 and never bound, so it is void at its deadline
 * 2020-07-01 15:00 (EL-7); the base fee's first term would have ended
 * 2020-12-31 12:00, but the renewal carries it on, so the next stops are
 * A's expiry 2021-01-31 12:00 (EL-8) and the base fee's end (EL-10). */
static void
test_simulator_step (Fixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  const char *stops[] = {
    "2020-02-01T12:00:00+08:00",   /* A bound */
    "2020-05-01T15:00:00+08:00",   /* renewal, B gifted and expanded */
    "2020-07-01T15:00:00+08:00",   /* B void: never bound (EL-7) */
    "2021-01-31T12:00:00+08:00",   /* A expires (EL-8) */
    "2021-12-31T12:00:00+08:00",   /* the base fee ends (EL-10) */
  };

  pb_simulator_page_set_at (f->page, at ("2020-01-01T12:00:00+08:00"));
  pb_test_iterate ();
  /* The first stop (the base fee bought) has nothing to go back to. */
  g_assert_false (gtk_widget_is_sensitive (pb_test_get (root, "previous_button")));
  g_assert_true (gtk_widget_grab_focus (pb_test_get (root, "next_button")));
  g_assert_true (key_dates_mention (root, "Bind code A by"));
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      pb_test_click (root, "next_button");
      g_assert_cmpint (pb_simulator_page_get_at (f->page), ==, at (stops[i]));
      g_assert_true (gtk_widget_is_sensitive (pb_test_get (root, "previous_button")));
      /* Once A is bound, the Key Dates panel no longer asks to bind it. */
      pb_test_iterate ();
      g_assert_false (key_dates_mention (root, "Bind code A by"));
    }
  /* At the last stop Next goes off, and the keyboard it had goes to
   * Previous, not nowhere. */
  g_assert_false (gtk_widget_is_sensitive (pb_test_get (root, "next_button")));
  g_assert_true (gtk_widget_has_focus (pb_test_get (root, "previous_button")));
  for (guint i = G_N_ELEMENTS (stops) - 1; i > 0; i--)
    {
      pb_test_click (root, "previous_button");
      g_assert_cmpint (pb_simulator_page_get_at (f->page), ==, at (stops[i - 1]));
      g_assert_true (gtk_widget_is_sensitive (pb_test_get (root, "next_button")));
    }
  /* Back at the first stop Previous goes off, handing the keyboard to
   * Next, and comes back a second later. */
  g_assert_true (gtk_widget_grab_focus (pb_test_get (root, "previous_button")));
  pb_test_click (root, "previous_button");
  g_assert_cmpint (pb_simulator_page_get_at (f->page), ==, at ("2020-01-01T12:00:00+08:00"));
  g_assert_false (gtk_widget_is_sensitive (pb_test_get (root, "previous_button")));
  g_assert_true (gtk_widget_has_focus (pb_test_get (root, "next_button")));
  pb_simulator_page_set_at (f->page, at ("2020-01-01T12:00:00+08:00") + 1);
  pb_test_iterate ();
  g_assert_true (gtk_widget_is_sensitive (pb_test_get (root, "previous_button")));
  /* At B's deadline the page says what happens there. */
  pb_simulator_page_set_at (f->page, at ("2020-07-01T15:00:00+08:00"));
  pb_test_iterate ();
  g_assert_true (gtk_widget_get_visible (pb_test_get (root, "here_label")));
  g_assert_nonnull (strstr (pb_test_label (root, "here_label"), "EL-7"));
  /* Typed instants use any offset; the page shows them as people write them. */
  pb_test_type (pb_test_get (root, "at_entry"), "2020-03-01T04:00:00Z");
  g_signal_emit_by_name (pb_test_get (root, "at_entry"), "activate");
  g_assert_cmpint (pb_simulator_page_get_at (f->page), ==, at ("2020-03-01T12:00:00+08:00"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pb_test_get (root, "at_entry"))), ==, "2020-03-01 12:00");
}

static void
count_current (GtkWidget *widget, guint *n)
{
  if (gtk_widget_has_css_class (widget, "pb-current"))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_current (child, n);
}

static void
on_event_added (PbSimulatorPage *page, guint index, guint *added)
{
  *added = index;
}

/* The events at the as-of instant are marked in the list; a what-if added
 * through the form becomes the as-of instant, marked and announced (so
 * that the window's timeline can take it in). */
static void
test_simulator_current_event (Fixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  GtkWidget *list = pb_test_get (root, "events_list");
  guint current = 0, added = G_MAXUINT;

  pb_simulator_page_set_at (f->page, at ("2020-02-01T12:00:00+08:00"));
  pb_test_iterate ();
  count_current (list, &current);
  g_assert_cmpuint (current, ==, 1);
  pb_simulator_page_set_at (f->page, at ("2020-03-01T00:00:00+08:00"));
  pb_test_iterate ();
  current = 0;
  count_current (list, &current);
  g_assert_cmpuint (current, ==, 0);

  g_signal_connect (f->page, "event-added", G_CALLBACK (on_event_added), &added);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pb_test_get (root, "type_dropdown")), PB_EVENT_LIVE_CODE_BIND);
  pb_test_type (pb_test_get (root, "when_entry"), "2020-05-02 09:00");
  pb_test_type (pb_test_get (root, "subject_entry"), "B");
  pb_test_click (root, "form_button");
  g_assert_cmpuint (added, ==, 4);
  g_assert_cmpint (pb_simulator_page_get_at (f->page), ==, at ("2020-05-02T09:00:00+08:00"));
  current = 0;
  count_current (list, &current);
  g_assert_cmpuint (current, ==, 1);
}

int
main (int argc, char **argv)
{
  pb_test_ui_prepare ();
  pb_test_ui_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/simulator/EL-8/EL-10/EL-6/what-if", test_simulator_what_if);
  ADD ("/ui/simulator/EL-7/add-event", test_simulator_add_event);
  ADD ("/ui/simulator/EL-7/EL-8/step", test_simulator_step);
  ADD ("/ui/simulator/current-event", test_simulator_current_event);
  return g_test_run ();
}
