/* pb-timeline-state.h: what a timeline shows, shared by the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The visible span, the as-of instant and the selected item live here and
 * not in a widget, so that the timeline view, the simulator and the quote
 * can share one object and follow each other through notify:: (Sysprof's
 * session does the same).  Zooming and panning are methods on the state;
 * the maths are pb_timeline_span_*() in src/export/pb-timeline.h.
 */
#pragma once

#include <glib-object.h>

#include "pb-time.h"

G_BEGIN_DECLS

#define PB_TYPE_TIMELINE_STATE (pb_timeline_state_get_type ())
G_DECLARE_FINAL_TYPE (PbTimelineState, pb_timeline_state, PB, TIMELINE_STATE, GObject)

PbTimelineState *pb_timeline_state_new           (void);

/* FALSE (and PB_INSTANT_NONE) until a span is set. */
gboolean         pb_timeline_state_get_visible   (PbTimelineState *self,
                                                  PbInstant       *start,
                                                  PbInstant       *end);
/* Clamped to ten minutes .. the whole supported range. */
void             pb_timeline_state_set_visible   (PbTimelineState *self,
                                                  PbInstant        start,
                                                  PbInstant        end);
/* @factor > 1 zooms in, < 1 out; @anchor stays where it is in the span. */
void             pb_timeline_state_zoom          (PbTimelineState *self,
                                                  double           factor,
                                                  PbInstant        anchor);
void             pb_timeline_state_pan           (PbTimelineState *self,
                                                  gint64           seconds);

/* PB_INSTANT_NONE: no as-of instant. */
PbInstant        pb_timeline_state_get_as_of     (PbTimelineState *self);
void             pb_timeline_state_set_as_of     (PbTimelineState *self,
                                                  PbInstant        as_of);

/* An item key of pb_timeline_item_key() ("code:A/suspended/0"), or NULL. */
const char      *pb_timeline_state_get_selection (PbTimelineState *self);
void             pb_timeline_state_set_selection (PbTimelineState *self,
                                                  const char      *key);

G_END_DECLS
