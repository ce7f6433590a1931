/* pb-timeline-view.c: the timeline of a replayed scenario, as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas is painted in three cached layers (lanes, lane names, ruler),
 * each a render node rebuilt only when what it shows changed: moving the
 * as-of marker or the selection redraws neither, panning keeps the lane
 * names, scrolling lanes keeps the ruler.  The as-of marker and the
 * selection are drawn on top every frame, in nodes no larger than
 * themselves.  Colours are read from CSS through hidden "swatch" children
 * (GTK 4.8 has no gtk_widget_get_color() yet; gtk_style_context_get_color()
 * on a swatch is the 4.8 way, and newer GTK takes the other branch).
 */
#define G_LOG_DOMAIN "pb-timeline-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pb-timeline-render.h"
#include "pb-timeline-view.h"

#define DETAILS_MIN_HEIGHT 124
#define CANVAS_MIN_HEIGHT  120
#define KEY_ZOOM           1.5
#define WHEEL_ZOOM         1.15
#define WHEEL_PIXELS       48.0

/* Widget-level defaults; the application's style.css (a higher priority)
 * can restyle any of them. */
static const char default_css[] =
  "timelineview { background-color: @theme_base_color; }\n"
  "timelineview > .pb-timeline-details { padding: 8px 12px; background-color: @theme_bg_color;"
  " border-top: 1px solid alpha(currentColor, 0.15); }\n"
  "timelineview > swatch.background { color: @theme_base_color; }\n"
  "timelineview > swatch.foreground { color: @theme_text_color; }\n"
  "timelineview > swatch.dim { color: alpha(@theme_text_color, 0.65); }\n"
  "timelineview > swatch.grid { color: alpha(@theme_text_color, 0.12); }\n"
  "timelineview > swatch.stripe { color: alpha(@theme_text_color, 0.035); }\n"
  "timelineview > swatch.on-fill { color: white; }\n"
  "timelineview > swatch.term { color: #2f6fb3; }\n"
  "timelineview > swatch.lapsed { color: mix(@theme_text_color, @theme_base_color, 0.5); }\n"
  "timelineview > swatch.binding { color: #8a63c7; }\n"
  "timelineview > swatch.usable { color: #2a8a4a; }\n"
  "timelineview > swatch.suspended { color: @warning_color; }\n"
  "timelineview > swatch.void { color: @error_color; }\n"
  "timelineview > swatch.expired { color: mix(@theme_text_color, @theme_base_color, 0.15); }\n"
  "timelineview > swatch.expansion { color: #7a3db8; }\n"
  "timelineview > swatch.broadcast { color: #178a94; }\n"
  "timelineview > swatch.month { color: #5b7fb0; }\n"
  "timelineview > swatch.subscribed { color: #2f6fb3; }\n"
  "timelineview > swatch.package { color: #2f6fb3; }\n"
  "timelineview > swatch.burn { color: #2f6fb3; }\n"
  "timelineview > swatch.alarm { color: #d4a20c; }\n"
  "timelineview > swatch.rejected { color: @error_color; }\n"
  "timelineview > swatch.as-of { color: #c2185b; }\n"
  "timelineview > swatch.selection { color: @theme_selected_bg_color; }\n"
  /* The ring the wizard's own controls draw when they have focus. */
  "timelineview > swatch.focus-ring { color: alpha(@theme_selected_bg_color, 0.7); }\n";

/* ------------------------------------------------------------------ */
/* Swatches: CSS nodes that carry one colour each                     */

#define PB_TYPE_TIMELINE_SWATCH (pb_timeline_swatch_get_type ())
G_DECLARE_FINAL_TYPE (PbTimelineSwatch, pb_timeline_swatch, PB, TIMELINE_SWATCH, GtkWidget)

struct _PbTimelineSwatch
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PbTimelineSwatch, pb_timeline_swatch, GTK_TYPE_WIDGET)

static void
pb_timeline_swatch_class_init (PbTimelineSwatchClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "swatch");
}

static void
pb_timeline_swatch_init (PbTimelineSwatch *self)
{
}

static void
swatch_color (GtkWidget *swatch, GdkRGBA *rgba)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (swatch, rgba);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (swatch), rgba);
#endif
}

/* ------------------------------------------------------------------ */
/* The view                                                           */

typedef enum
{
  LAYER_LANES,
  LAYER_LABELS,
  LAYER_RULER,
  N_LAYERS
} Layer;

typedef struct
{
  PbTimelineViewport viewport;
  guint              generation;
  PbInstant          as_of;          /* the ruler leaves out what its badge would cut */
} LayerKey;

struct _PbTimelineView
{
  GtkWidget          parent_instance;

  PbTimelineState   *state;
  PbLifecycle       *lifecycle;
  PbProjection      *projection;     /* a quote's, or NULL */
  PbTimeline        *timeline;
  GtkWidget         *details;
  GtkWidget         *swatches[PB_TIMELINE_N_ROLES];
  GtkWidget         *focus_swatch;
  PbTimelinePalette  palette;
  guint              generation;     /* the timeline or the palette changed */

  double             label_width;
  double             scroll_y;
  double             canvas_height;

  double             pointer_x;
  double             pointer_y;
  double             drag_x;
  PbInstant          drag_from;
  PbInstant          drag_to;
  double             drag_scroll_y;
  gboolean           drag_as_of;
  double             pinch_scale;

  GskRenderNode     *layers[N_LAYERS];
  LayerKey           layer_keys[N_LAYERS];
};

G_DEFINE_FINAL_TYPE (PbTimelineView, pb_timeline_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STATE,
  PROP_LIFECYCLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PbTimelineItem *
selected_item (PbTimelineView *self)
{
  if (self->timeline == NULL)
    return NULL;
  return pb_timeline_lookup_item (self->timeline, pb_timeline_state_get_selection (self->state));
}

gboolean
pb_timeline_view_get_viewport (PbTimelineView *self, PbTimelineViewport *viewport)
{
  int width;

  g_return_val_if_fail (PB_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (viewport != NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (!pb_timeline_state_get_visible (self->state, &viewport->from, &viewport->to) || width <= 0
      || self->canvas_height <= PB_TIMELINE_RULER_HEIGHT)
    return FALSE;
  viewport->width = width;
  viewport->height = self->canvas_height;
  /* On a narrow view the names give way to the time. */
  viewport->label_width = MIN (self->label_width, floor (width / 3.0));
  viewport->ruler_height = PB_TIMELINE_RULER_HEIGHT;
  viewport->scroll_y = self->scroll_y;
  return TRUE;
}

static double
max_scroll (PbTimelineView *self)
{
  double content = self->timeline ? pb_timeline_get_content_height (self->timeline) : 0;

  return MAX (0.0, content - (self->canvas_height - PB_TIMELINE_RULER_HEIGHT));
}

static void
set_scroll (PbTimelineView *self, double scroll_y)
{
  scroll_y = CLAMP (round (scroll_y), 0.0, max_scroll (self));
  if (scroll_y == self->scroll_y)
    return;
  self->scroll_y = scroll_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */

static void
refresh_palette (PbTimelineView *self)
{
  PbTimelinePalette palette;

  for (guint i = 0; i < PB_TIMELINE_N_ROLES; i++)
    {
      GdkRGBA rgba;

      swatch_color (self->swatches[i], &rgba);
      palette.colors[i].red = rgba.red;
      palette.colors[i].green = rgba.green;
      palette.colors[i].blue = rgba.blue;
      palette.colors[i].alpha = rgba.alpha;
    }
  if (memcmp (&palette, &self->palette, sizeof palette) != 0)
    {
      self->palette = palette;
      self->generation++;
    }
}

static gboolean
layer_key_equal (Layer layer, const LayerKey *a, const LayerKey *b)
{
  const PbTimelineViewport *x = &a->viewport, *y = &b->viewport;
  gboolean same_span = x->from == y->from && x->to == y->to && x->width == y->width;
  gboolean same_lanes = x->height == y->height && x->scroll_y == y->scroll_y;

  if (a->generation != b->generation || x->label_width != y->label_width)
    return FALSE;
  switch (layer)
    {
    case LAYER_LANES: return same_span && same_lanes;
    case LAYER_LABELS: return same_lanes;
    case LAYER_RULER:
    default: return same_span && a->as_of == b->as_of;
    }
}

static GskRenderNode *
layer_node (PbTimelineView *self, Layer layer, const PbTimelineViewport *vp)
{
  static const PbTimelineParts parts[N_LAYERS] = {
    PB_TIMELINE_PART_LANES, PB_TIMELINE_PART_LABELS, PB_TIMELINE_PART_RULER,
  };
  LayerKey key = { *vp, self->generation, pb_timeline_state_get_as_of (self->state) };
  PbTimelineOverlay overlay = { key.as_of, NULL };
  g_autoptr(GtkSnapshot) snapshot = NULL;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (self->layers[layer] != NULL && layer_key_equal (layer, &self->layer_keys[layer], &key))
    return self->layers[layer];

  switch (layer)
    {
    case LAYER_LANES:
      graphene_rect_init (&bounds, vp->label_width, vp->ruler_height, vp->width - vp->label_width,
                          vp->height - vp->ruler_height);
      break;
    case LAYER_LABELS:
      graphene_rect_init (&bounds, 0, vp->ruler_height, vp->label_width, vp->height - vp->ruler_height);
      break;
    case LAYER_RULER:
    default:
      graphene_rect_init (&bounds, 0, 0, vp->width, vp->ruler_height);
      break;
    }
  g_clear_pointer (&self->layers[layer], gsk_render_node_unref);
  if (bounds.size.width <= 0 || bounds.size.height <= 0)
    return NULL;
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  pb_timeline_render (self->timeline, cr, vp, &self->palette, layer == LAYER_RULER ? &overlay : NULL, parts[layer]);
  cairo_destroy (cr);
  self->layers[layer] = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  self->layer_keys[layer] = key;
  return self->layers[layer];
}

static void
snapshot_overlay (PbTimelineView *self, GtkSnapshot *snapshot, const PbTimelineViewport *vp,
                  const PbTimelineOverlay *overlay, const graphene_rect_t *area)
{
  graphene_rect_t canvas = GRAPHENE_RECT_INIT (vp->label_width, 0, vp->width - vp->label_width, vp->height);
  graphene_rect_t bounds;
  cairo_t *cr;

  if (!graphene_rect_intersection (area, &canvas, &bounds))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  pb_timeline_render (self->timeline, cr, vp, &self->palette, overlay, PB_TIMELINE_PART_OVERLAY);
  cairo_destroy (cr);
}

static void
snapshot_marks (PbTimelineView *self, GtkSnapshot *snapshot, const PbTimelineViewport *vp)
{
  const PbTimelineItem *item = selected_item (self);
  PbInstant as_of = pb_timeline_state_get_as_of (self->state);
  double x, y, w, h;

  if (item != NULL && pb_timeline_item_bounds (self->timeline, vp, item, &x, &y, &w, &h))
    {
      PbTimelineOverlay overlay = { PB_INSTANT_NONE, item };

      snapshot_overlay (self, snapshot, vp, &overlay, &GRAPHENE_RECT_INIT (x - 4, y - 4, MAX (w, 1.0) + 8, h + 8));
    }
  if (as_of != PB_INSTANT_NONE && as_of >= vp->from && as_of <= vp->to)
    {
      PbTimelineOverlay overlay = { as_of, NULL };

      /* The line and its date: never wider than the date's pill. */
      x = pb_timeline_viewport_x (vp, as_of);
      snapshot_overlay (self, snapshot, vp, &overlay, &GRAPHENE_RECT_INIT (x - 120, 0, 240, vp->height));
    }
}

static void
snapshot_message (PbTimelineView *self, GtkSnapshot *snapshot, const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  const PbTimelineColor *dim = &self->palette.colors[PB_TIMELINE_ROLE_DIM];
  GdkRGBA color = { dim->red, dim->green, dim->blue, dim->alpha };
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((gtk_widget_get_width (GTK_WIDGET (self)) - width) / 2.0,
                                                          (self->canvas_height - height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

#define FOCUS_RING_WIDTH  2.0
#define FOCUS_RING_RADIUS 6.0

/* A custom canvas gets no focus ring from the theme: without this, the
 * keys that select spans worked on a canvas nothing showed as focused.
 * Drawn as GTK's own ring looks, inside the canvas (not the details). */
static void
snapshot_focus_ring (PbTimelineView *self, GtkSnapshot *snapshot)
{
  GskRoundedRect ring;
  GdkRGBA color;
  const float inset = FOCUS_RING_WIDTH / 2.0;
  float width = gtk_widget_get_width (GTK_WIDGET (self));

  if (!gtk_widget_has_visible_focus (GTK_WIDGET (self)) || self->canvas_height <= 2 * FOCUS_RING_WIDTH)
    return;
  swatch_color (self->focus_swatch, &color);
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (inset, inset, width - 2 * inset,
                                                               self->canvas_height - 2 * inset),
                                   FOCUS_RING_RADIUS);
  gtk_snapshot_append_border (snapshot, &ring,
                              (float[4]) { FOCUS_RING_WIDTH, FOCUS_RING_WIDTH, FOCUS_RING_WIDTH, FOCUS_RING_WIDTH },
                              (GdkRGBA[4]) { color, color, color, color });
}

/* Focus comes and goes without anything else changing: the ring must be
 * drawn or taken away then. */
static void
pb_timeline_view_state_flags_changed (GtkWidget *widget, GtkStateFlags previous)
{
  GtkStateFlags focus = GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE;

  if (((gtk_widget_get_state_flags (widget) ^ previous) & focus) != 0)
    gtk_widget_queue_draw (widget);
  GTK_WIDGET_CLASS (pb_timeline_view_parent_class)->state_flags_changed (widget, previous);
}

static void
pb_timeline_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (widget);
  PbTimelineViewport vp;

  refresh_palette (self);
  if (pb_timeline_view_get_viewport (self, &vp))
    {
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, vp.width, vp.height));
      for (Layer layer = 0; layer < N_LAYERS; layer++)
        {
          GskRenderNode *node = layer_node (self, layer, &vp);

          if (node != NULL)
            gtk_snapshot_append_node (snapshot, node);
        }
      snapshot_marks (self, snapshot, &vp);
      gtk_snapshot_pop (snapshot);
    }
  else if (self->canvas_height > 0)
    snapshot_message (self, snapshot, self->lifecycle == NULL ? _("No scenario to show")
                                                              : _("Nothing happens in this scenario"));
  snapshot_focus_ring (self, snapshot);
  gtk_widget_snapshot_child (widget, self->details, snapshot);
}

/* ------------------------------------------------------------------ */
/* Size                                                               */

static void
pb_timeline_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                          int *natural, int *minimum_baseline, int *natural_baseline)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (widget);
  int details_min, details_nat;

  gtk_widget_measure (self->details, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                      &details_min, &details_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (details_min, 240);
      *natural = MAX (details_nat, 720);
    }
  else
    {
      double content = PB_TIMELINE_RULER_HEIGHT + (self->timeline ? pb_timeline_get_content_height (self->timeline) : 0);

      *minimum = CANVAS_MIN_HEIGHT + MAX (details_min, DETAILS_MIN_HEIGHT);
      *natural = MAX (CANVAS_MIN_HEIGHT, (int) ceil (content) + 8) + MAX (details_nat, DETAILS_MIN_HEIGHT);
    }
}

static void
pb_timeline_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (widget);
  int details_min, details_nat, details_height;

  gtk_widget_measure (self->details, GTK_ORIENTATION_VERTICAL, width, &details_min, &details_nat, NULL, NULL);
  /* A steady height, so that the canvas does not jump with the text. */
  details_height = MAX (details_min, MIN (MAX (details_nat, DETAILS_MIN_HEIGHT), height / 2));
  self->canvas_height = MAX (0, height - details_height);
  gtk_widget_size_allocate (self->details,
                            &(GtkAllocation) { 0, (int) self->canvas_height, width, details_height }, -1);
  set_scroll (self, self->scroll_y);
}

/* ------------------------------------------------------------------ */
/* Selection and details                                              */

static void
update_details (PbTimelineView *self)
{
  const PbTimelineItem *item = selected_item (self);

  if (item != NULL)
    {
      g_autofree char *text = pb_timeline_describe_item (self->timeline, item);

      gtk_label_set_text (GTK_LABEL (self->details), text);
      gtk_widget_remove_css_class (self->details, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->details),
                          _("Select a span or a mark to see its exact instants (UTC+08:00), its state and the "
                            "rule behind it.  Drag or scroll to pan, Ctrl+scroll to zoom, click the ruler to "
                            "move the as-of instant."));
      gtk_widget_add_css_class (self->details, "dim-label");
    }
}

/* Brings @item into sight: the span keeps its length, the lanes scroll. */
static void
reveal (PbTimelineView *self, const PbTimelineItem *item)
{
  const PbTimelineLane *lane = pb_timeline_get_lane (self->timeline, item->lane);
  double room = self->canvas_height - PB_TIMELINE_RULER_HEIGHT;
  PbInstant from, to;

  if (pb_timeline_state_get_visible (self->state, &from, &to))
    {
      gint64 length = to - from;
      gboolean mark = pb_timeline_item_is_mark (item);
      gboolean seen = mark ? item->start >= from && item->start <= to : item->start < to && item->end > from;

      if (!seen)
        {
          PbInstant start;

          if (mark || item->end == PB_INSTANT_FOREVER || item->end - item->start > length * 4 / 5)
            start = item->start - length / 10;
          else
            start = item->start + (item->end - item->start) / 2 - length / 2;
          pb_timeline_state_set_visible (self->state, start, start + length);
        }
    }
  if (lane->y < self->scroll_y)
    set_scroll (self, lane->y);
  else if (lane->y + lane->height > self->scroll_y + room)
    set_scroll (self, lane->y + lane->height - room);
}

static void
select_item (PbTimelineView *self, const PbTimelineItem *item)
{
  g_autofree char *key = item ? pb_timeline_item_key (self->timeline, item) : NULL;

  pb_timeline_state_set_selection (self->state, key);
  if (item != NULL)
    reveal (self, item);
}

/* The item of @lane at @at, or the one starting nearest to it. */
static const PbTimelineItem *
nearest_item (const PbTimelineLane *lane, PbInstant at)
{
  const PbTimelineItem *best = NULL;
  guint first, last;
  guint64 best_distance = G_MAXUINT64;

  pb_timeline_lane_visible_items (lane, at, at, &first, &last);
  for (guint i = first; i < last; i++)
    if (!pb_timeline_item_is_mark (&lane->items[i]) && lane->items[i].start <= at && at < lane->items[i].end)
      return &lane->items[i];
  for (guint i = 0; i < lane->n_items; i++)
    {
      PbInstant start = lane->items[i].start;
      guint64 distance = start > at ? (guint64) start - (guint64) at : (guint64) at - (guint64) start;

      if (distance < best_distance)
        {
          best = &lane->items[i];
          best_distance = distance;
        }
    }
  return best;
}

static const PbTimelineItem *
first_visible_item (PbTimelineView *self)
{
  PbTimelineViewport vp;
  guint n = pb_timeline_get_n_lanes (self->timeline);

  if (!pb_timeline_view_get_viewport (self, &vp))
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      const PbTimelineLane *lane = pb_timeline_get_lane (self->timeline, i);
      guint first, last;

      if (lane->y + lane->height <= self->scroll_y)
        continue;
      pb_timeline_lane_visible_items (lane, vp.from, vp.to, &first, &last);
      if (first < last)
        return &lane->items[first];
    }
  for (guint i = 0; i < n; i++)
    if (pb_timeline_get_lane (self->timeline, i)->n_items > 0)
      return &pb_timeline_get_lane (self->timeline, i)->items[0];
  return NULL;
}

static void
action_select (GtkWidget *widget, const char *name, GVariant *parameter)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (widget);
  const PbTimelineItem *item = selected_item (self);
  const PbTimelineLane *lane;
  guint index;

  if (self->timeline == NULL)
    return;
  if (g_str_equal (name, "timeline.unselect"))
    {
      select_item (self, NULL);
      return;
    }
  if (item == NULL)
    {
      select_item (self, first_visible_item (self));
      return;
    }
  lane = pb_timeline_get_lane (self->timeline, item->lane);
  index = item - lane->items;
  if (g_str_equal (name, "timeline.select-next") && index + 1 < lane->n_items)
    select_item (self, &lane->items[index + 1]);
  else if (g_str_equal (name, "timeline.select-previous") && index > 0)
    select_item (self, &lane->items[index - 1]);
  else if (g_str_equal (name, "timeline.select-first"))
    select_item (self, &lane->items[0]);
  else if (g_str_equal (name, "timeline.select-last"))
    select_item (self, &lane->items[lane->n_items - 1]);
  else if (g_str_equal (name, "timeline.select-down") || g_str_equal (name, "timeline.select-up"))
    {
      int step = g_str_equal (name, "timeline.select-down") ? 1 : -1;
      PbInstant from, to, at = item->start;

      /* Stay at the same time, as far as the view shows it. */
      if (pb_timeline_state_get_visible (self->state, &from, &to))
        at = CLAMP (at, from, to);
      for (int i = (int) item->lane + step; i >= 0 && i < (int) pb_timeline_get_n_lanes (self->timeline); i += step)
        {
          const PbTimelineLane *next = pb_timeline_get_lane (self->timeline, i);

          if (next->n_items > 0)
            {
              select_item (self, nearest_item (next, at));
              break;
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* Zoom and pan                                                       */

static void
zoom_at (PbTimelineView *self, double factor, double x)
{
  PbTimelineViewport vp;

  if (!pb_timeline_view_get_viewport (self, &vp) || factor <= 0 || !isfinite (factor))
    return;
  if (x < vp.label_width || x > vp.width)
    x = vp.label_width + (vp.width - vp.label_width) / 2;
  pb_timeline_state_zoom (self->state, factor, pb_timeline_viewport_instant (&vp, x));
}

static void
pan_pixels (PbTimelineView *self, double pixels)
{
  PbTimelineViewport vp;

  if (!pb_timeline_view_get_viewport (self, &vp))
    return;
  pb_timeline_state_pan (self->state,
                         (gint64) llround (pixels * (double) (vp.to - vp.from) / MAX (1.0, vp.width - vp.label_width)));
}

void
pb_timeline_view_zoom_to_fit (PbTimelineView *self)
{
  PbInstant from, to;

  g_return_if_fail (PB_IS_TIMELINE_VIEW (self));
  if (self->timeline != NULL && pb_timeline_get_extent (self->timeline, &from, &to))
    pb_timeline_state_set_visible (self->state, from, to);
}

static void
action_zoom (GtkWidget *widget, const char *name, GVariant *parameter)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (widget);
  const PbTimelineItem *item = selected_item (self);
  PbInstant as_of = pb_timeline_state_get_as_of (self->state);
  PbTimelineViewport vp;
  double x = -1;

  if (g_str_equal (name, "timeline.zoom-fit"))
    {
      pb_timeline_view_zoom_to_fit (self);
      return;
    }
  if (!pb_timeline_view_get_viewport (self, &vp))
    return;
  /* Keys have no pointer: zoom at the as-of marker, else the selection,
   * else the middle. */
  if (as_of != PB_INSTANT_NONE && as_of >= vp.from && as_of <= vp.to)
    x = pb_timeline_viewport_x (&vp, as_of);
  else if (item != NULL && item->start >= vp.from && item->start <= vp.to)
    x = pb_timeline_viewport_x (&vp, item->start);
  zoom_at (self, g_str_equal (name, "timeline.zoom-in") ? KEY_ZOOM : 1 / KEY_ZOOM, x);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, PbTimelineView *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  PbTimelineViewport vp;

  if (!pb_timeline_view_get_viewport (self, &vp) || self->pointer_y >= self->canvas_height)
    return FALSE;
  if (modifiers & GDK_CONTROL_MASK)
    {
      /* Ctrl+scroll and pinch share one path, anchored at the pointer. */
      zoom_at (self, pow (WHEEL_ZOOM, -(wheel ? dy : dy / 10.0)), self->pointer_x);
      return TRUE;
    }
  if ((modifiers & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (wheel)
    {
      dx *= WHEEL_PIXELS;
      dy *= WHEEL_PIXELS;
    }
  if (dx != 0)
    pan_pixels (self, dx);
  if (dy != 0)
    {
      /* Up and down scroll the lanes when they overflow, else the time. */
      if (max_scroll (self) > 0)
        set_scroll (self, self->scroll_y + dy);
      else
        pan_pixels (self, dy);
    }
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, PbTimelineView *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_zoom_begin (GtkGesture *gesture, GdkEventSequence *sequence, PbTimelineView *self)
{
  self->pinch_scale = 1.0;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture, double scale, PbTimelineView *self)
{
  double x, y;

  if (scale <= 0 || self->pinch_scale <= 0)
    return;
  if (!gtk_gesture_is_active (GTK_GESTURE (gesture))
      || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = self->pointer_x;
  zoom_at (self, scale / self->pinch_scale, x);
  self->pinch_scale = scale;
}

static void
set_as_of_at (PbTimelineView *self, double x)
{
  PbTimelineViewport vp;

  if (pb_timeline_view_get_viewport (self, &vp))
    pb_timeline_state_set_as_of (self->state,
                                 pb_timeline_viewport_instant (&vp, CLAMP (x, vp.label_width, vp.width - 1)));
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, PbTimelineView *self)
{
  PbTimelineViewport vp;

  if (y >= self->canvas_height || !pb_timeline_view_get_viewport (self, &vp))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_x = x;
  self->drag_as_of = y < vp.ruler_height && x >= vp.label_width;
  self->drag_from = vp.from;
  self->drag_to = vp.to;
  self->drag_scroll_y = self->scroll_y;
  if (self->drag_as_of)
    set_as_of_at (self, x);
}

static void
on_drag_update (GtkGestureDrag *gesture, double offset_x, double offset_y, PbTimelineView *self)
{
  PbTimelineViewport vp;
  PbInstant from = self->drag_from, to = self->drag_to;

  if (self->drag_as_of)
    {
      set_as_of_at (self, self->drag_x + offset_x);
      return;
    }
  if (!pb_timeline_view_get_viewport (self, &vp))
    return;
  /* From where the drag began, so that the grabbed instant follows the
   * pointer exactly. */
  pb_timeline_span_pan (&from, &to,
                        (gint64) llround (-offset_x * (double) (to - from) / MAX (1.0, vp.width - vp.label_width)));
  pb_timeline_state_set_visible (self->state, from, to);
  set_scroll (self, self->drag_scroll_y - offset_y);
}

static void
on_pressed (GtkGestureClick *gesture, int n_press, double x, double y, PbTimelineView *self)
{
  PbTimelineHit hit;

  if (!pb_timeline_view_hit_test (self, x, y, &hit))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hit.area == PB_TIMELINE_AREA_LANE)
    select_item (self, hit.item);
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (widget);
  const PbTimelineItem *item = NULL;
  PbTimelineViewport vp;
  PbTimelineHit hit = { 0 };
  double ix, iy, iw, ih;

  if (!pb_timeline_view_get_viewport (self, &vp))
    return FALSE;
  if (keyboard)
    item = selected_item (self);
  else if (pb_timeline_view_hit_test (self, x, y, &hit))
    item = hit.item;

  if (item != NULL)
    {
      g_autofree char *text = pb_timeline_describe_item (self->timeline, item);

      gtk_tooltip_set_text (tooltip, text);
      if (pb_timeline_item_bounds (self->timeline, &vp, item, &ix, &iy, &iw, &ih))
        gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) floor (ix), (int) floor (iy),
                                                             (int) ceil (MAX (iw, 1.0)), (int) ceil (ih) });
      return TRUE;
    }
  if (hit.area == PB_TIMELINE_AREA_LABEL && hit.lane >= 0)
    {
      const PbTimelineLane *lane = pb_timeline_get_lane (self->timeline, hit.lane);
      g_autofree char *text = lane->subtitle ? g_strdup_printf ("%s\n%s", lane->title, lane->subtitle)
                                             : g_strdup (lane->title);

      gtk_tooltip_set_text (tooltip, text);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
        0, (int) (vp.ruler_height + lane->y - vp.scroll_y), (int) vp.label_width, (int) lane->height });
      return TRUE;
    }
  if (hit.area == PB_TIMELINE_AREA_RULER)
    {
      g_autofree char *text = pb_time_format_display (hit.instant);

      gtk_tooltip_set_text (tooltip, text);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x, 0, 1, (int) vp.ruler_height });
      return TRUE;
    }
  return FALSE;
}

gboolean
pb_timeline_view_hit_test (PbTimelineView *self, double x, double y, PbTimelineHit *hit)
{
  PbTimelineViewport vp;

  g_return_val_if_fail (PB_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  hit->lane = -1;
  hit->instant = PB_INSTANT_NONE;
  if (y >= self->canvas_height || !pb_timeline_view_get_viewport (self, &vp))
    return FALSE;
  if (self->timeline == NULL)
    {
      if (y < vp.ruler_height && x >= vp.label_width)
        {
          hit->area = PB_TIMELINE_AREA_RULER;
          hit->instant = pb_timeline_viewport_instant (&vp, x);
        }
      return TRUE;
    }
  pb_timeline_hit_test (self->timeline, &vp, x, y, hit);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Model                                                              */

static void
on_state_notify (PbTimelineState *state, GParamSpec *pspec, PbTimelineView *self)
{
  if (g_str_equal (pspec->name, "selection"))
    update_details (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
measure_label_width (PbTimeline *timeline)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double width = pb_timeline_render_label_width (timeline, cr);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return width;
}

/* The lanes again, for a new lifecycle or projection. */
static void
rebuild (PbTimelineView *self)
{
  g_autoptr(PbCatalog) catalog = NULL;

  g_clear_object (&self->timeline);
  if (self->lifecycle != NULL)
    {
      /* The built-in catalog names the tiers; a code's tier id is shown
       * when it names none. */
      catalog = pb_catalog_get_default (NULL);
      self->timeline = pb_timeline_new_for_projection (self->lifecycle, catalog, NULL, self->projection);
    }
  self->label_width = measure_label_width (self->timeline);
  self->generation++;
  if (!pb_timeline_state_get_visible (self->state, NULL, NULL))
    pb_timeline_view_zoom_to_fit (self);
  set_scroll (self, self->scroll_y);
  update_details (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pb_timeline_view_set_lifecycle (PbTimelineView *self, PbLifecycle *lifecycle)
{
  g_return_if_fail (PB_IS_TIMELINE_VIEW (self));
  g_return_if_fail (lifecycle == NULL || PB_IS_LIFECYCLE (lifecycle));

  if (!g_set_object (&self->lifecycle, lifecycle))
    return;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIFECYCLE]);
}

void
pb_timeline_view_set_projection (PbTimelineView *self, PbProjection *projection)
{
  g_return_if_fail (PB_IS_TIMELINE_VIEW (self));
  g_return_if_fail (projection == NULL || PB_IS_PROJECTION (projection));

  if (g_set_object (&self->projection, projection) && self->lifecycle != NULL)
    rebuild (self);
}

PbLifecycle *
pb_timeline_view_get_lifecycle (PbTimelineView *self)
{
  g_return_val_if_fail (PB_IS_TIMELINE_VIEW (self), NULL);
  return self->lifecycle;
}

PbTimeline *
pb_timeline_view_get_timeline (PbTimelineView *self)
{
  g_return_val_if_fail (PB_IS_TIMELINE_VIEW (self), NULL);
  return self->timeline;
}

PbTimelineState *
pb_timeline_view_get_state (PbTimelineView *self)
{
  g_return_val_if_fail (PB_IS_TIMELINE_VIEW (self), NULL);
  return self->state;
}

GtkWidget *
pb_timeline_view_new (PbTimelineState *state)
{
  g_return_val_if_fail (state == NULL || PB_IS_TIMELINE_STATE (state), NULL);
  return g_object_new (PB_TYPE_TIMELINE_VIEW, "state", state, NULL);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
pb_timeline_view_constructed (GObject *object)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (object);

  G_OBJECT_CLASS (pb_timeline_view_parent_class)->constructed (object);
  if (self->state == NULL)
    self->state = pb_timeline_state_new ();
  g_signal_connect_object (self->state, "notify", G_CALLBACK (on_state_notify), self, 0);
  update_details (self);
}

static void
pb_timeline_view_dispose (GObject *object)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (object);

  for (guint i = 0; i < PB_TIMELINE_N_ROLES; i++)
    g_clear_pointer (&self->swatches[i], gtk_widget_unparent);
  g_clear_pointer (&self->focus_swatch, gtk_widget_unparent);
  g_clear_pointer (&self->details, gtk_widget_unparent);
  for (guint i = 0; i < N_LAYERS; i++)
    g_clear_pointer (&self->layers[i], gsk_render_node_unref);
  g_clear_object (&self->timeline);
  g_clear_object (&self->lifecycle);
  g_clear_object (&self->projection);
  g_clear_object (&self->state);
  G_OBJECT_CLASS (pb_timeline_view_parent_class)->dispose (object);
}

static void
pb_timeline_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_LIFECYCLE:
      g_value_set_object (value, self->lifecycle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_timeline_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PbTimelineView *self = PB_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    case PROP_LIFECYCLE:
      pb_timeline_view_set_lifecycle (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_key (GtkWidgetClass *widget_class, guint key, GdkModifierType modifiers, const char *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, modifiers, action, NULL);
}

static void
pb_timeline_view_class_init (PbTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pb_timeline_view_constructed;
  object_class->dispose = pb_timeline_view_dispose;
  object_class->get_property = pb_timeline_view_get_property;
  object_class->set_property = pb_timeline_view_set_property;
  widget_class->snapshot = pb_timeline_view_snapshot;
  widget_class->state_flags_changed = pb_timeline_view_state_flags_changed;
  widget_class->measure = pb_timeline_view_measure;
  widget_class->size_allocate = pb_timeline_view_size_allocate;
  widget_class->query_tooltip = on_query_tooltip;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, PB_TYPE_TIMELINE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIFECYCLE] =
    g_param_spec_object ("lifecycle", NULL, NULL, PB_TYPE_LIFECYCLE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /* Every action, in one place. */
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "timeline.select-down", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "timeline.select-up", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "timeline.select-first", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "timeline.select-last", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "timeline.unselect", NULL, action_select);

  add_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-fit");
  add_key (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.zoom-fit");
  add_key (widget_class, GDK_KEY_Right, 0, "timeline.select-next");
  add_key (widget_class, GDK_KEY_Left, 0, "timeline.select-previous");
  add_key (widget_class, GDK_KEY_Down, 0, "timeline.select-down");
  add_key (widget_class, GDK_KEY_Up, 0, "timeline.select-up");
  add_key (widget_class, GDK_KEY_Home, 0, "timeline.select-first");
  add_key (widget_class, GDK_KEY_End, 0, "timeline.select-last");
  add_key (widget_class, GDK_KEY_Escape, 0, "timeline.unselect");
}

static void
add_default_css (void)
{
  static gsize done;
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || !g_once_init_enter (&done))
    return;
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_data (provider, default_css, -1);
    /* Just below the application's own styles, above the theme's. */
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
  }
  g_once_init_leave (&done, 1);
}

static void
pb_timeline_view_init (PbTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  add_default_css ();
  gtk_widget_set_focusable (widget, TRUE);
  /* A canvas takes the room it is given. */
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
  self->label_width = measure_label_width (NULL);

  for (guint i = 0; i < PB_TIMELINE_N_ROLES; i++)
    {
      self->swatches[i] = g_object_new (PB_TYPE_TIMELINE_SWATCH, "visible", FALSE, NULL);
      gtk_widget_add_css_class (self->swatches[i], pb_timeline_role_name (i));
      gtk_widget_set_parent (self->swatches[i], widget);
    }
  self->focus_swatch = g_object_new (PB_TYPE_TIMELINE_SWATCH, "visible", FALSE, NULL);
  gtk_widget_add_css_class (self->focus_swatch, "focus-ring");
  gtk_widget_set_parent (self->focus_swatch, widget);
  self->details = gtk_label_new (NULL);
  gtk_widget_set_name (self->details, "details");
  gtk_widget_add_css_class (self->details, "pb-timeline-details");
  gtk_label_set_xalign (GTK_LABEL (self->details), 0);
  gtk_label_set_yalign (GTK_LABEL (self->details), 0);
  gtk_label_set_wrap (GTK_LABEL (self->details), TRUE);
  /* Between words only: with "word-char", measuring the narrowest width
   * broke the text after every character, 10 M instructions before the
   * first frame of a timeline.  Its longest word is an instant. */
  gtk_label_set_wrap_mode (GTK_LABEL (self->details), PANGO_WRAP_WORD);
  gtk_label_set_selectable (GTK_LABEL (self->details), TRUE);
  /* Copied with the mouse, never a stop for Tab (issue 15, item 8). */
  gtk_widget_set_focusable (self->details, FALSE);
  gtk_widget_set_parent (self->details, widget);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
}
