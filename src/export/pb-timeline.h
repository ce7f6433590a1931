/* pb-timeline.h: a lifecycle laid out as lanes of spans and marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PbTimeline turns a replayed PbLifecycle into what a timeline shows: one
 * lane for the Enterprise Live base fee, one per activation code, number
 * and minute package, one for the total of minutes and one for rejected
 * events and alarms.  Each lane holds items, spans [start, end) or marks at
 * an instant, each with the rule ID behind it.  Nothing here decides a rule
 * or a date: every instant is read from the lifecycle as it is.
 *
 * Lanes are stacked top to bottom in "content" units (pixels on screen,
 * points in a PDF); a PbTimelineViewport maps instants to x and content to
 * y, so that the widget, the command line and the documents draw, and hit
 * test, with the same geometry.  The visible-span helpers keep a span
 * within PB_TIMELINE_MIN_SPAN..PB_TIMELINE_MAX_SPAN and inside the range of
 * instants Pricebook accepts.
 */
#pragma once

#include <glib-object.h>

#include "pb-catalog.h"
#include "pb-lifecycle.h"
#include "pb-projection.h"

G_BEGIN_DECLS

typedef enum
{
  PB_TIMELINE_LANE_GROUP,       /* a heading: "Enterprise Live", "Voice Message" */
  PB_TIMELINE_LANE_BASE_FEE,    /* EL-3, EL-10 */
  PB_TIMELINE_LANE_CODE,        /* EL-4..EL-9 */
  PB_TIMELINE_LANE_NUMBER,      /* VM-2..VM-4 */
  PB_TIMELINE_LANE_PACKAGE,     /* VM-5..VM-9, with its burn-down */
  PB_TIMELINE_LANE_BALANCE,     /* all packages' minutes, VM-11 alarms */
  PB_TIMELINE_LANE_EVENTS,      /* rejected events, VM-11 number alarms */
} PbTimelineLaneKind;

typedef enum
{
  PB_TIMELINE_ITEM_TERM,            /* span: a base-fee purchase's year (EL-3, EL-10) */
  PB_TIMELINE_ITEM_LAPSED,          /* span: no valid base fee (EL-8) */
  PB_TIMELINE_ITEM_BINDING,         /* span: purchase to binding or deadline (EL-7) */
  PB_TIMELINE_ITEM_USABLE,          /* span: bound, valid, base fee valid (EL-8) */
  PB_TIMELINE_ITEM_SUSPENDED,       /* span: bound, valid, base fee lapsed (EL-8) */
  PB_TIMELINE_ITEM_BROADCAST,       /* span (EL-9) */
  PB_TIMELINE_ITEM_EXPANSION,       /* mark: add-on viewers bought later (EL-6) */
  PB_TIMELINE_ITEM_VOID,            /* mark: never bound in time (EL-7) */
  PB_TIMELINE_ITEM_EXPIRED,         /* mark: one year after binding (EL-8) */
  PB_TIMELINE_ITEM_MONTH,           /* span: one billed month of a number (VM-3, VM-4) */
  PB_TIMELINE_ITEM_SUBSCRIBED,      /* span: a number's activation (VM-3) */
  PB_TIMELINE_ITEM_UNSUBSCRIBED,    /* mark (VM-4) */
  PB_TIMELINE_ITEM_VALIDITY,        /* span: a package's validity (VM-9) */
  PB_TIMELINE_ITEM_USED_UP,         /* mark: its balance reaches zero (VM-8) */
  PB_TIMELINE_ITEM_EXPIRED_UNUSED,  /* mark: minutes lost at expiry (VM-9) */
  PB_TIMELINE_ITEM_ALARM,           /* mark (VM-11) */
  PB_TIMELINE_ITEM_REJECTED,        /* mark: an event the rules refused */
  /* A quote's projection draws what it proposes as what it sells: */
  PB_TIMELINE_ITEM_BIND_BY,         /* mark: a proposed code's deadline, to bind by (EL-7) */
  PB_TIMELINE_ITEM_ASSUMED,         /* span: its year if bound by then, an assumption (EL-8) */
  PB_TIMELINE_ITEM_USE_BY,          /* mark: a proposed package's last day of use (VM-9) */
  PB_TIMELINE_N_ITEM_KINDS
} PbTimelineItemKind;

typedef struct
{
  PbTimelineItemKind kind;
  guint              lane;
  guint              ordinal;   /* the n-th item of this kind in its lane */
  PbInstant          start;
  PbInstant          end;       /* == start for a mark; PB_INSTANT_FOREVER: not ended */
  const char        *rule;      /* "EL-8" */
  guint              event;     /* the scenario event behind it, or PB_NO_EVENT */
  gint64             value;     /* viewers, minutes, a month index or a balance */
  gint64             value2;    /* broadcast minutes, alarm threshold, term renewal flag; a
                                 * deadline: an assumed year follows; an assumed year: cut
                                 * short by the base fee */
  const char        *text;      /* a rejection's reason, or NULL */
  PbInstant          reach;     /* the latest end of this and every earlier item of the lane */
} PbTimelineItem;

typedef struct
{
  PbTimelineLaneKind   kind;
  const char          *id;          /* code, number or package id; NULL otherwise */
  char                *key;         /* "code:A": stable across replays */
  char                *title;
  char                *subtitle;    /* or NULL */
  double               y;           /* top, in content units */
  double               height;
  const PbTimelineItem *items;      /* sorted by start (ties: spans first) */
  guint                n_items;
  const PbBalanceStep *steps;       /* burn-down: remaining minutes from each instant on */
  guint                n_steps;
  gint64               capacity;    /* the minutes a full burn-down bar stands for */
  gboolean             proposed;    /* what a quote proposes (pb_timeline_new_for_projection) */
} PbTimelineLane;

/* The drawing area: the lane labels on the left, the ruler on top, the
 * span [from, to) across the rest.  Lanes scroll up by @scroll_y. */
typedef struct
{
  PbInstant from;
  PbInstant to;
  double    width;
  double    height;
  double    label_width;
  double    ruler_height;
  double    scroll_y;
} PbTimelineViewport;

#define PB_TIMELINE_RULER_HEIGHT 40.0

/* What lies under a point. */
typedef enum
{
  PB_TIMELINE_AREA_NONE,
  PB_TIMELINE_AREA_RULER,
  PB_TIMELINE_AREA_LABEL,
  PB_TIMELINE_AREA_LANE,
} PbTimelineArea;

typedef struct
{
  PbTimelineArea        area;
  PbInstant             instant;   /* under x (ruler and lanes) */
  gint                  lane;      /* -1: none */
  const PbTimelineItem *item;      /* NULL: none */
} PbTimelineHit;

/* Zooming never shows less than ten minutes nor more than the whole range
 * of instants Pricebook accepts. */
#define PB_TIMELINE_MIN_SPAN ((gint64) 600)
#define PB_TIMELINE_MAX_SPAN ((gint64) (PB_INSTANT_MAX + 1 - PB_INSTANT_MIN))

#define PB_TYPE_TIMELINE (pb_timeline_get_type ())
G_DECLARE_FINAL_TYPE (PbTimeline, pb_timeline, PB, TIMELINE, GObject)

/* @catalog (nullable) names the code tiers.  The lanes' words are in the
 * program's language. */
PbTimeline           *pb_timeline_new               (PbLifecycle          *lifecycle,
                                                     PbCatalog            *catalog);
/* The same, with every word the timeline draws in @language (a document's:
 * PB_TRANSLATION_ENGLISH or PB_TRANSLATION_CHINESE; NULL for the program's). */
PbTimeline           *pb_timeline_new_for_language  (PbLifecycle          *lifecycle,
                                                     PbCatalog            *catalog,
                                                     const char           *language);
/* The timeline of a quote: @lifecycle replays @projection's scenario (or a
 * what-if edit of it).  What the quote proposes is drawn as what it sells,
 * not as what becomes of it if nothing more is done: a code it proposes,
 * left unbound, has its deadline to bind by (EL-7) and then, dashed, the
 * year it gives if bound by then (EL-8), never a void mark; a package, its
 * last day of use (VM-9), never minutes expiring unused.  The customer's
 * history is drawn as it happened, and the stand-in for a base fee the
 * customer holds has no code lane. */
PbTimeline           *pb_timeline_new_for_projection (PbLifecycle         *lifecycle,
                                                      PbCatalog           *catalog,
                                                      const char          *language,
                                                      PbProjection        *projection);
const char           *pb_timeline_get_language      (PbTimeline           *self);
PbLifecycle          *pb_timeline_get_lifecycle     (PbTimeline           *self);
guint                 pb_timeline_get_n_lanes       (PbTimeline           *self);
const PbTimelineLane *pb_timeline_get_lane          (PbTimeline           *self,
                                                     guint                 index);
/* -1 when no lane has @key ("base-fee", "code:A", "number:N1",
 * "package:P1", "balance", "events"). */
gint                  pb_timeline_find_lane         (PbTimeline           *self,
                                                     const char           *key);
/* The height of all lanes stacked, in content units. */
double                pb_timeline_get_content_height (PbTimeline          *self);
/* A span that shows everything, with a margin; FALSE when there is nothing. */
gboolean              pb_timeline_get_extent        (PbTimeline           *self,
                                                     PbInstant            *from,
                                                     PbInstant            *to);

/* Items are named by a key that survives a new replay of the same
 * scenario: "code:A/suspended/0". */
char                 *pb_timeline_item_key          (PbTimeline           *self,
                                                     const PbTimelineItem *item);
const PbTimelineItem *pb_timeline_lookup_item       (PbTimeline           *self,
                                                     const char           *key);
/* The items of @lane that may show between @from and @to: [*first, *last). */
void                  pb_timeline_lane_visible_items (const PbTimelineLane *lane,
                                                      PbInstant             from,
                                                      PbInstant             to,
                                                      guint                *first,
                                                      guint                *last);

/* "suspended", "active", "void"…: the simulator's state words where the
 * item is a state, else what the item is ("term", "expansion"). */
const char           *pb_timeline_item_state        (const PbTimelineItem *item);
/* A short translated name: "Suspended", "Binding window". */
const char           *pb_timeline_item_kind_name    (PbTimelineItemKind    kind);
gboolean              pb_timeline_item_is_mark      (const PbTimelineItem *item);
/* The tooltip's and the details pane's text: lane and item, the exact
 * instants in UTC+08:00, the state, why, and the rule ID. */
char                 *pb_timeline_describe_item     (PbTimeline           *self,
                                                     const PbTimelineItem *item);

/* Geometry */
double                pb_timeline_viewport_x        (const PbTimelineViewport *viewport,
                                                     PbInstant                 instant);
PbInstant             pb_timeline_viewport_instant  (const PbTimelineViewport *viewport,
                                                     double                    x);
/* The rectangle an item is drawn in (a mark: its glyph); FALSE when it is
 * out of sight. */
gboolean              pb_timeline_item_bounds       (PbTimeline               *self,
                                                     const PbTimelineViewport *viewport,
                                                     const PbTimelineItem     *item,
                                                     double                   *x,
                                                     double                   *y,
                                                     double                   *width,
                                                     double                   *height);
void                  pb_timeline_hit_test          (PbTimeline               *self,
                                                     const PbTimelineViewport *viewport,
                                                     double                    x,
                                                     double                    y,
                                                     PbTimelineHit            *hit);

/* The visible span's maths: pure functions of their arguments. */
void                  pb_timeline_span_clamp        (PbInstant *from,
                                                     PbInstant *to);
/* @factor > 1 zooms in; @anchor keeps its place in the span. */
void                  pb_timeline_span_zoom         (PbInstant *from,
                                                     PbInstant *to,
                                                     double     factor,
                                                     PbInstant  anchor);
void                  pb_timeline_span_pan          (PbInstant *from,
                                                     PbInstant *to,
                                                     gint64     seconds);

G_END_DECLS
