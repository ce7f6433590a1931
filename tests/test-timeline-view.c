/* test-timeline-view.c: the timeline widget under a virtual display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view is driven as a user would (its actions and keys) and checked
 * by its own hit-test API and by the pixels it paints.  Set
 * PB_TEST_SCREENSHOT_DIR to keep the pictures it renders.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "pb-test-ui.h"
#include "pb-timeline-view.h"

typedef struct
{
  GtkWidget       *window;
  PbTimelineView  *view;
  PbTimelineState *state;
} Fixture;

static PbInstant
at (const char *text)
{
  g_autoptr(GError) error = NULL;
  PbInstant instant = 0;

  g_assert_true (pb_time_parse (text, &instant, &error));
  return instant;
}

static void
assert_instant (PbInstant instant, const char *expected)
{
  g_autofree char *text = pb_time_format (instant);

  g_assert_cmpstr (text, ==, expected);
}

static PbLifecycle *
replay (PbScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  PbLifecycle *lifecycle = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, &error);

  g_assert_no_error (error);
  return lifecycle;
}

static PbLifecycle *
load_test_scenario (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (&error);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "scenarios", name, NULL);
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_file (path, catalog, &error);

  g_assert_no_error (error);
  return replay (scenario);
}

static PbLifecycle *
load_documented_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (&error);
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_resource (PB_SCENARIO_RESOURCE_DIR "customer-a.pbscenario",
                                                                  catalog, &error);

  g_assert_no_error (error);
  return replay (scenario);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->state = pb_timeline_state_new ();
  f->view = PB_TIMELINE_VIEW (pb_timeline_view_new (f->state));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 560);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  pb_test_iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pb_test_iterate ();
  g_clear_object (&f->state);
}

/* Lets the window lay out and paint what changed. */
static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    {
      g_usleep (5000);
      pb_test_iterate ();
    }
}

static GdkTexture *
render (Fixture *f, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (f->view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  const char *dir = g_getenv ("PB_TEST_SCREENSHOT_DIR");
  GdkTexture *texture;

  settle ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (dir != NULL && *dir != '\0')
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      gdk_texture_save_to_png (texture, path);
    }
  return texture;
}

/* The colour at (x, y) as 0xRRGGBB. */
static guint32
pixel (GdkTexture *texture, int x, int y)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guint32 value;

  gdk_texture_download (texture, data, width * 4);
  value = ((guint32 *) data)[y * width + x];
  return value & 0xffffff;
}

/* The vertical middle of a lane's main band, found by hit testing down
 * the widget as a pointer would. */
static double
find_lane_y (Fixture *f, const char *key, double x)
{
  PbTimeline *timeline = pb_timeline_view_get_timeline (f->view);
  gint wanted = pb_timeline_find_lane (timeline, key);
  double first = -1, last = -1;

  g_assert_cmpint (wanted, >=, 0);
  for (double y = 0; y < gtk_widget_get_height (GTK_WIDGET (f->view)); y += 1)
    {
      PbTimelineHit hit;

      if (pb_timeline_view_hit_test (f->view, x, y, &hit) && hit.lane == wanted && hit.item != NULL)
        {
          if (first < 0)
            first = y;
          last = y;
        }
    }
  g_assert_cmpfloat (first, >=, 0);
  return floor ((first + last) / 2);
}

/* EL-8, in the no-renewal variant of the documented example: code A is
 * suspended from the base fee's end, 2020-12-31 12:00 (+08:00), found by
 * the widget's hit test and seen in its pixels. */
static void
test_view_no_renewal_suspended (Fixture *f, gconstpointer data)
{
  g_autoptr(PbLifecycle) lifecycle = load_test_scenario ("no-renewal.pbscenario");
  g_autoptr(GdkTexture) texture = NULL;
  PbTimelineViewport vp;
  PbTimelineHit hit;
  double y, boundary = -1;
  int width;

  pb_timeline_view_set_lifecycle (f->view, lifecycle);
  /* Two days, a few minutes to a pixel. */
  pb_timeline_state_set_visible (f->state, at ("2020-12-30T12:00:00+08:00"), at ("2021-01-01T12:00:00+08:00"));
  settle ();
  g_assert_true (pb_timeline_view_get_viewport (f->view, &vp));
  width = (int) vp.width;
  y = find_lane_y (f, "code:A", vp.label_width + 10);

  for (int x = (int) vp.label_width; x < width; x++)
    {
      g_assert_true (pb_timeline_view_hit_test (f->view, x + 0.5, y, &hit));
      g_assert_cmpint (hit.area, ==, PB_TIMELINE_AREA_LANE);
      g_assert_nonnull (hit.item);
      if (hit.item->kind == PB_TIMELINE_ITEM_SUSPENDED)
        {
          boundary = x;
          break;
        }
      g_assert_cmpint (hit.item->kind, ==, PB_TIMELINE_ITEM_USABLE);
    }
  g_assert_cmpfloat (boundary, >, vp.label_width);
  assert_instant (hit.item->start, "2020-12-31T12:00:00+08:00");
  g_assert_cmpstr (hit.item->rule, ==, "EL-8");
  g_assert_cmpstr (pb_timeline_item_state (hit.item), ==, "suspended");
  /* The first suspended pixel holds the instant, to a pixel's width. */
  g_assert_cmpint (pb_timeline_viewport_instant (&vp, boundary - 1), <, at ("2020-12-31T12:00:00+08:00"));
  g_assert_cmpint (pb_timeline_viewport_instant (&vp, boundary + 1), >=, at ("2020-12-31T12:00:00+08:00"));

  /* What is painted agrees: the usable colour up to that column, and no
   * further. */
  texture = render (f, "timeline-no-renewal.png");
  {
    guint32 usable = pixel (texture, (int) boundary - 20, (int) y);

    g_assert_cmpuint (pixel (texture, (int) boundary - 1, (int) y), ==, usable);
    /* The suspended hatch is the theme's warning colour, orange: red
     * above green in every pixel, no green span left under it. */
    for (int x = (int) boundary; x < (int) boundary + 30; x++)
      {
        guint32 hatch = pixel (texture, x, (int) y);

        g_assert_cmpuint (hatch, !=, usable);
        g_assert_cmpuint ((hatch >> 16) & 0xff, >, (hatch >> 8) & 0xff);
      }
    /* The default CSS colours usable spans green. */
    g_assert_cmpuint ((usable >> 8) & 0xff, >, (usable >> 16) & 0xff);
    g_assert_cmpuint ((usable >> 8) & 0xff, >, usable & 0xff);
  }
}

/* The documented example loads, fits, and is walked with the keys; the
 * details pane follows the selection. */
static void
test_view_documented_example (Fixture *f, gconstpointer data)
{
  g_autoptr(PbLifecycle) lifecycle = load_documented_example ();
  g_autoptr(GdkTexture) texture = NULL;
  PbTimeline *timeline;
  GtkWidget *details = pb_test_get (GTK_WIDGET (f->view), "details");
  PbInstant from, to;
  const char *text;

  pb_timeline_view_set_lifecycle (f->view, lifecycle);
  settle ();
  timeline = pb_timeline_view_get_timeline (f->view);
  g_assert_nonnull (timeline);
  g_assert_true (pb_timeline_state_get_visible (f->state, &from, &to));
  /* Zoomed to fit: from the first purchase to the last base-fee end. */
  g_assert_cmpint (from, <, at ("2020-01-01T12:00:00+08:00"));
  g_assert_cmpint (to, >, at ("2021-12-31T12:00:00+08:00"));
  g_assert_cmpint (pb_timeline_find_lane (timeline, "code:A"), >=, 0);
  g_assert_cmpint (pb_timeline_find_lane (timeline, "code:B"), >=, 0);

  pb_timeline_state_set_selection (f->state, "code:A/binding/0");
  pb_test_iterate ();
  text = gtk_label_get_text (GTK_LABEL (details));
  g_assert_nonnull (strstr (text, "2020-01-01 12:00"));
  g_assert_nonnull (strstr (text, "2020-03-01 12:00"));
  g_assert_nonnull (strstr (text, "EL-7"));

  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-next", NULL);
  pb_test_iterate ();
  g_assert_cmpstr (pb_timeline_state_get_selection (f->state), ==, "code:A/usable/0");
  text = gtk_label_get_text (GTK_LABEL (details));
  g_assert_nonnull (strstr (text, "2020-02-01 12:00"));
  g_assert_nonnull (strstr (text, "2021-01-31 12:00"));
  g_assert_nonnull (strstr (text, "EL-8"));

  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-next", NULL);
  g_assert_cmpstr (pb_timeline_state_get_selection (f->state), ==, "code:A/expired/0");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-next", NULL);
  g_assert_cmpstr (pb_timeline_state_get_selection (f->state), ==, "code:A/expired/0");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-first", NULL);
  g_assert_cmpstr (pb_timeline_state_get_selection (f->state), ==, "code:A/binding/0");

  /* Down: B's lane, at the nearest time; up again: the base fee. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-down", NULL);
  g_assert_true (g_str_has_prefix (pb_timeline_state_get_selection (f->state), "code:B/"));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-up", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-up", NULL);
  g_assert_cmpstr (pb_timeline_state_get_selection (f->state), ==, "base-fee/term/0");

  texture = render (f, "timeline-customer-a.png");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.unselect", NULL);
  g_assert_null (pb_timeline_state_get_selection (f->state));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (details)), "EL-3"));
}

/* Keyboard zoom is anchored at the as-of marker, which stays put; the
 * marker is drawn in its colour; Ctrl+0 fits again. */
static void
test_view_zoom_at_as_of (Fixture *f, gconstpointer data)
{
  g_autoptr(PbLifecycle) lifecycle = load_documented_example ();
  g_autoptr(GdkTexture) texture = NULL;
  PbInstant as_of = at ("2020-05-01T15:00:00+08:00");
  PbInstant fit_from, fit_to, from, to;
  PbTimelineViewport vp;
  double x_before, x_after;

  pb_timeline_view_set_lifecycle (f->view, lifecycle);
  pb_timeline_state_set_as_of (f->state, as_of);
  settle ();
  g_assert_true (pb_timeline_state_get_visible (f->state, &fit_from, &fit_to));
  g_assert_true (pb_timeline_view_get_viewport (f->view, &vp));
  x_before = pb_timeline_viewport_x (&vp, as_of);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.zoom-in", NULL);
  g_assert_true (pb_timeline_view_get_viewport (f->view, &vp));
  x_after = pb_timeline_viewport_x (&vp, as_of);
  g_assert_cmpfloat (fabs (x_after - x_before), <, 1.0);
  g_assert_cmpint (vp.to - vp.from, <, (fit_to - fit_from) / 2);

  /* The marker's colour is in the column of the as-of instant. */
  texture = render (f, "timeline-zoomed.png");
  {
    guint32 marker = pixel (texture, (int) floor (x_after), (int) vp.height - 5);

    g_assert_cmpuint (marker, ==, pixel (texture, (int) floor (x_after), (int) vp.ruler_height + 3));
    g_assert_cmpuint (marker, !=, pixel (texture, (int) floor (x_after) + 3, (int) vp.height - 5));
  }

  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.zoom-out", NULL);
  g_assert_true (pb_timeline_state_get_visible (f->state, &from, &to));
  g_assert_cmpint (to - from, >, vp.to - vp.from);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.zoom-fit", NULL);
  g_assert_true (pb_timeline_state_get_visible (f->state, &from, &to));
  g_assert_cmpint (from, ==, fit_from);
  g_assert_cmpint (to, ==, fit_to);
}

/* The state is the view's only memory: a second view on the same state
 * shows the same span and the same selection, and follows a new replay. */
static void
test_view_shared_state (Fixture *f, gconstpointer data)
{
  g_autoptr(PbLifecycle) lifecycle = load_test_scenario ("no-renewal.pbscenario");
  g_autoptr(PbLifecycle) again = load_test_scenario ("no-renewal.pbscenario");
  GtkWidget *other = pb_timeline_view_new (f->state);
  GtkWidget *window = gtk_window_new ();
  PbTimelineViewport a, b;

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 400);
  gtk_window_set_child (GTK_WINDOW (window), other);
  gtk_window_present (GTK_WINDOW (window));
  pb_timeline_view_set_lifecycle (f->view, lifecycle);
  pb_timeline_view_set_lifecycle (PB_TIMELINE_VIEW (other), lifecycle);
  settle ();

  pb_timeline_state_set_visible (f->state, at ("2020-12-01T00:00:00+08:00"), at ("2021-03-01T00:00:00+08:00"));
  g_assert_true (pb_timeline_view_get_viewport (f->view, &a));
  g_assert_true (pb_timeline_view_get_viewport (PB_TIMELINE_VIEW (other), &b));
  g_assert_cmpint (a.from, ==, b.from);
  g_assert_cmpint (a.to, ==, b.to);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-next", NULL);
  g_assert_nonnull (pb_timeline_state_get_selection (f->state));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pb_test_get (GTK_WIDGET (f->view), "details"))), ==,
                   gtk_label_get_text (GTK_LABEL (pb_test_get (other, "details"))));

  /* A new replay (the simulator's what-if) keeps the selection by key. */
  pb_timeline_state_set_selection (f->state, "code:A/suspended/0");
  pb_timeline_view_set_lifecycle (PB_TIMELINE_VIEW (other), again);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pb_test_get (other, "details"))),
                            "2020-12-31 12:00"));
  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_iterate ();
}

/* The view's own controller of @type (GTK 4 has no public way to make
 * pointer events, so the tests speak to the controllers). */
static GtkEventController *
controller (Fixture *f, GType type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) found = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (found, type))
        return found;
    }
  g_error ("the view has no %s", g_type_name (type));
}

static double
seconds_per_pixel (Fixture *f)
{
  PbTimelineViewport vp;

  g_assert_true (pb_timeline_view_get_viewport (f->view, &vp));
  return (double) (vp.to - vp.from) / (vp.width - vp.label_width);
}

/* A click selects what is under it, a drag pans so that the grabbed
 * instant follows the pointer, a drag on the ruler moves the as-of
 * instant, a wheel pans, a pinch zooms at its centre. */
static void
test_view_pointer (Fixture *f, gconstpointer data)
{
  g_autoptr(PbLifecycle) lifecycle = load_test_scenario ("no-renewal.pbscenario");
  PbInstant lapse = at ("2020-12-31T12:00:00+08:00");
  PbTimelineViewport vp;
  PbInstant from, to, grabbed;
  double x, y, per_pixel;
  gboolean handled = FALSE;

  pb_timeline_view_set_lifecycle (f->view, lifecycle);
  pb_timeline_state_set_visible (f->state, at ("2020-11-01T00:00:00+08:00"), at ("2021-03-01T00:00:00+08:00"));
  settle ();
  g_assert_true (pb_timeline_view_get_viewport (f->view, &vp));
  x = pb_timeline_viewport_x (&vp, lapse) + 5;
  y = find_lane_y (f, "code:A", x);

  g_signal_emit_by_name (controller (f, GTK_TYPE_GESTURE_CLICK), "pressed", 1, x, y);
  g_assert_cmpstr (pb_timeline_state_get_selection (f->state), ==, "code:A/suspended/0");
  g_signal_emit_by_name (controller (f, GTK_TYPE_GESTURE_CLICK), "pressed", 1, x, vp.height - 2);
  g_assert_null (pb_timeline_state_get_selection (f->state));

  per_pixel = seconds_per_pixel (f);
  grabbed = pb_timeline_viewport_instant (&vp, x);
  g_signal_emit_by_name (controller (f, GTK_TYPE_GESTURE_DRAG), "drag-begin", x, y);
  g_signal_emit_by_name (controller (f, GTK_TYPE_GESTURE_DRAG), "drag-update", -100.0, 0.0);
  g_assert_true (pb_timeline_view_get_viewport (f->view, &vp));
  g_assert_cmpfloat (fabs ((double) (pb_timeline_viewport_instant (&vp, x - 100) - grabbed)), <=, per_pixel + 1);

  g_signal_emit_by_name (controller (f, GTK_TYPE_GESTURE_DRAG), "drag-begin", x, 10.0);
  g_assert_cmpint (pb_timeline_state_get_as_of (f->state), ==, pb_timeline_viewport_instant (&vp, x));
  g_signal_emit_by_name (controller (f, GTK_TYPE_GESTURE_DRAG), "drag-update", 50.0, 3.0);
  g_assert_cmpint (pb_timeline_state_get_as_of (f->state), ==, pb_timeline_viewport_instant (&vp, x + 50));

  pb_timeline_state_get_visible (f->state, &from, &to);
  g_signal_emit_by_name (controller (f, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", x, y);
  g_signal_emit_by_name (controller (f, GTK_TYPE_EVENT_CONTROLLER_SCROLL), "scroll", 1.0, 0.0, &handled);
  g_assert_true (handled);
  g_assert_true (pb_timeline_state_get_visible (f->state, &vp.from, &vp.to));
  g_assert_cmpint (vp.to - vp.from, ==, to - from);
  g_assert_cmpfloat (fabs ((double) (vp.from - from) - 48 * per_pixel), <=, 1);

  g_assert_true (pb_timeline_view_get_viewport (f->view, &vp));
  grabbed = pb_timeline_viewport_instant (&vp, x);
  g_signal_emit_by_name (controller (f, GTK_TYPE_GESTURE_ZOOM), "begin", NULL);
  g_signal_emit_by_name (controller (f, GTK_TYPE_GESTURE_ZOOM), "scale-changed", 2.0);
  g_assert_true (pb_timeline_view_get_viewport (f->view, &vp));
  g_assert_cmpint (llabs ((vp.to - vp.from) - (to - from) / 2), <=, 1);
  g_assert_cmpfloat (fabs ((double) (pb_timeline_viewport_instant (&vp, x) - grabbed)), <=, per_pixel);
}

/* Without a lifecycle the view draws a message, and hit tests nothing. */
/* The details pane writes instants as the rest of the window does
 * ("2026-12-07 00:00"), never in the files' ISO form: a base fee bought at
 * midnight, the way a quote's purchases are dated (EL-3, EL-7). */
static void
test_view_details_display_form (Fixture *f, gconstpointer data)
{
  static const char json[] =
    "{ \"format\": \"pricebook-scenario/1\", \"events\": [\n"
    "  { \"at\": \"2026-12-07T00:00:00+08:00\", \"type\": \"live.base_fee.buy\", \"gift_code\": \"G1\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (&error);
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_bytes (bytes, "midnight.pbscenario", catalog, &error);
  g_autoptr(PbLifecycle) lifecycle = NULL;
  GtkWidget *details = pb_test_get (GTK_WIDGET (f->view), "details");
  const char *selections[] = { "base-fee/term/0", "code:G1/binding/0" };

  g_assert_no_error (error);
  lifecycle = replay (scenario);
  pb_timeline_view_set_lifecycle (f->view, lifecycle);
  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (selections); i++)
    {
      const char *text;

      pb_timeline_state_set_selection (f->state, selections[i]);
      pb_test_iterate ();
      text = gtk_label_get_text (GTK_LABEL (details));
      g_test_message ("%s: %s", selections[i], text);
      g_assert_nonnull (strstr (text, "2026-12-07 00:00"));
      g_assert_null (strstr (text, "T00:00:00+08:00"));
    }
}

static void
test_view_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(GdkTexture) texture = render (f, "timeline-empty.png");
  PbTimelineHit hit;

  g_assert_null (pb_timeline_view_get_timeline (f->view));
  g_assert_false (pb_timeline_view_hit_test (f->view, 300, 100, &hit));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.select-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.zoom-in", NULL);
  g_assert_null (pb_timeline_state_get_selection (f->state));
  g_assert_false (pb_timeline_state_get_visible (f->state, NULL, NULL));
}

/* The canvas takes the keyboard (the arrows select spans): with the focus
 * shown, it draws a ring inside its edge in the theme's selection colour,
 * over neither the lanes beside it nor the details below, and takes it
 * away with the focus. */
static void
test_view_focus_ring (Fixture *f, gconstpointer data)
{
  g_autoptr(PbLifecycle) lifecycle = load_documented_example ();
  g_autoptr(GdkTexture) unfocused = NULL;
  g_autoptr(GdkTexture) focused = NULL;
  g_autoptr(GdkTexture) again = NULL;
  int bottom = gtk_widget_get_height (GTK_WIDGET (f->view)) - 2;
  PbTimelineViewport vp;
  guint32 ring;
  int y;

  pb_timeline_view_set_lifecycle (f->view, lifecycle);
  settle ();
  g_assert_true (pb_timeline_view_get_viewport (f->view, &vp));
  y = (int) (vp.height / 2);
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  unfocused = render (f, "timeline-unfocused.png");

  gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->view)));
  g_assert_true (gtk_widget_has_visible_focus (GTK_WIDGET (f->view)));
  focused = render (f, "timeline-focused.png");
  /* Under load the next frame may come late: wait for it (a bounded
   * number of frames), the ring must be there once it has come. */
  for (int i = 0; i < 50 && pixel (focused, 1, y) == pixel (unfocused, 1, y); i++)
    {
      g_clear_object (&focused);
      focused = render (f, "timeline-focused.png");
    }
  ring = pixel (focused, 1, y);
  g_assert_cmphex (ring, !=, pixel (unfocused, 1, y));
  g_assert_cmphex (pixel (focused, (int) vp.width - 2, y), !=, pixel (unfocused, (int) vp.width - 2, y));
  /* Bluer than it is red: the selection colour, not a shadow. */
  g_assert_cmpuint (ring & 0xff, >, (ring >> 16) & 0xff);
  g_assert_cmphex (pixel (focused, 12, y), ==, pixel (unfocused, 12, y));
  g_assert_cmphex (pixel (focused, 1, bottom), ==, pixel (unfocused, 1, bottom));

  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  again = render (f, "timeline-unfocused-again.png");
  for (int i = 0; i < 50 && pixel (again, 1, y) != pixel (unfocused, 1, y); i++)
    {
      g_clear_object (&again);
      again = render (f, "timeline-unfocused-again.png");
    }
  g_assert_cmphex (pixel (again, 1, y), ==, pixel (unfocused, 1, y));
}

int
main (int argc, char **argv)
{
  pb_test_ui_prepare ();
  pb_test_ui_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/timeline/view/EL-8/no-renewal-suspended-at-lapse", test_view_no_renewal_suspended);
  ADD ("/timeline/view/EL-3/EL-7/EL-8/documented-example-keys", test_view_documented_example);
  ADD ("/timeline/view/zoom-at-as-of", test_view_zoom_at_as_of);
  ADD ("/timeline/view/shared-state", test_view_shared_state);
  ADD ("/timeline/view/EL-8/pointer", test_view_pointer);
  ADD ("/timeline/view/EL-3/EL-7/details-display-form", test_view_details_display_form);
  ADD ("/timeline/view/empty", test_view_empty);
  ADD ("/timeline/view/focus-ring", test_view_focus_ring);
  return g_test_run ();
}
