/* pb-timeline-view.h: the timeline of a replayed scenario, as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a PbLifecycle with the shared renderer (src/export/): lanes for the
 * base fee, every code, number and package, a ruler that adapts to the zoom
 * and a marker at the as-of instant, with a details pane below that gives
 * the selected item's exact instants (UTC+08:00), state and rule ID.  What
 * it shows (visible span, as-of instant, selection) is a PbTimelineState
 * that other views may share; the widget only follows it.
 *
 * Pointer: Ctrl+scroll or pinch zooms at the pointer, scroll and drag pan,
 * a click selects, a click or drag on the ruler moves the as-of instant.
 * Keys, each also an action that a button can name:
 *   Ctrl+plus, Ctrl+=     timeline.zoom-in      (at the as-of marker, else
 *   Ctrl+minus            timeline.zoom-out      the selection, else the middle)
 *   Ctrl+0                timeline.zoom-fit
 *   Right, Left           timeline.select-next, timeline.select-previous (in the lane)
 *   Down, Up              timeline.select-down, timeline.select-up (nearest in time)
 *   Home, End             timeline.select-first, timeline.select-last
 *   Escape                timeline.unselect
 * The view scrolls its own lanes: do not put it in a GtkScrolledWindow.
 *
 * Colours come from CSS: the widget's node is "timelineview" and each
 * colour role of pb-timeline-render.h is a child "swatch" node with the
 * role as class, e.g. `timelineview > swatch.suspended { color: … }`.
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-lifecycle.h"
#include "pb-timeline.h"
#include "pb-timeline-state.h"

G_BEGIN_DECLS

#define PB_TYPE_TIMELINE_VIEW (pb_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (PbTimelineView, pb_timeline_view, PB, TIMELINE_VIEW, GtkWidget)

GtkWidget       *pb_timeline_view_new           (PbTimelineState *state);
PbTimelineState *pb_timeline_view_get_state     (PbTimelineView  *self);

/* NULL shows an empty ruler.  A view whose state has no visible span yet
 * zooms to fit; a selection that the new lifecycle still has stays. */
void             pb_timeline_view_set_lifecycle (PbTimelineView  *self,
                                                 PbLifecycle     *lifecycle);
PbLifecycle     *pb_timeline_view_get_lifecycle (PbTimelineView  *self);
/* A quote's projection, of which the lifecycle is a replay: what the quote
 * proposes is drawn as it sells (pb_timeline_new_for_projection); NULL
 * draws the replay as it is, as for any scenario. */
void             pb_timeline_view_set_projection (PbTimelineView *self,
                                                  PbProjection   *projection);
/* The lanes drawn, or NULL. */
PbTimeline      *pb_timeline_view_get_timeline  (PbTimelineView  *self);

void             pb_timeline_view_zoom_to_fit   (PbTimelineView  *self);
/* What lies at (@x, @y) in widget coordinates; FALSE when nothing is drawn
 * there (the details pane, or no visible span yet). */
gboolean         pb_timeline_view_hit_test      (PbTimelineView  *self,
                                                 double           x,
                                                 double           y,
                                                 PbTimelineHit   *hit);
/* The drawing's geometry in widget coordinates: FALSE before a span is set. */
gboolean         pb_timeline_view_get_viewport  (PbTimelineView      *self,
                                                 PbTimelineViewport  *viewport);

G_END_DECLS
