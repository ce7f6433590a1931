/* pb-timeline-render.h: drawing a timeline with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing for every surface: the timeline widget paints through it
 * (GtkSnapshot's cairo nodes), and so do `pricebook-cli export-timeline`
 * and the documents (PNG, SVG, PDF).  Colours come in a palette: the widget
 * fills one from CSS, documents use pb_timeline_palette_init_document().
 * Text is set in "Noto Sans CJK SC" where installed, so Chinese names show.
 *
 * Only what the viewport shows is drawn: lanes out of sight are skipped by
 * bisection, and so are items and balance steps outside the visible span.
 */
#pragma once

#include <cairo.h>

#include "pb-timeline.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} PbTimelineColor;

/* Each role is also a CSS class of the widget's colour swatches:
 * pb_timeline_role_name() gives it ("suspended"). */
typedef enum
{
  PB_TIMELINE_ROLE_BACKGROUND,
  PB_TIMELINE_ROLE_FOREGROUND,
  PB_TIMELINE_ROLE_DIM,          /* secondary text */
  PB_TIMELINE_ROLE_GRID,         /* ruler ticks, lane separators */
  PB_TIMELINE_ROLE_STRIPE,       /* every other lane's background */
  PB_TIMELINE_ROLE_ON_FILL,      /* text on a filled span */
  PB_TIMELINE_ROLE_TERM,
  PB_TIMELINE_ROLE_LAPSED,
  PB_TIMELINE_ROLE_BINDING,
  PB_TIMELINE_ROLE_USABLE,
  PB_TIMELINE_ROLE_SUSPENDED,
  PB_TIMELINE_ROLE_VOID,
  PB_TIMELINE_ROLE_EXPIRED,
  PB_TIMELINE_ROLE_EXPANSION,
  PB_TIMELINE_ROLE_BROADCAST,
  PB_TIMELINE_ROLE_MONTH,
  PB_TIMELINE_ROLE_SUBSCRIBED,
  PB_TIMELINE_ROLE_PACKAGE,
  PB_TIMELINE_ROLE_BURN,         /* remaining minutes */
  PB_TIMELINE_ROLE_ALARM,
  PB_TIMELINE_ROLE_REJECTED,
  PB_TIMELINE_ROLE_AS_OF,
  PB_TIMELINE_ROLE_SELECTION,
  PB_TIMELINE_N_ROLES
} PbTimelineRole;

typedef struct
{
  PbTimelineColor colors[PB_TIMELINE_N_ROLES];
} PbTimelinePalette;

const char *pb_timeline_role_name               (PbTimelineRole     role);
/* Fixed colours for paper and files: white background, print-safe hues. */
void        pb_timeline_palette_init_document   (PbTimelinePalette *palette);

typedef enum
{
  PB_TIMELINE_PART_LANES   = 1 << 0,   /* lane backgrounds, grid, items, burn-downs */
  PB_TIMELINE_PART_LABELS  = 1 << 1,   /* the lane names on the left */
  PB_TIMELINE_PART_RULER   = 1 << 2,   /* dates on top */
  PB_TIMELINE_PART_OVERLAY = 1 << 3,   /* the as-of marker and the selection */
  PB_TIMELINE_PART_ALL     = 0xf,
} PbTimelineParts;

typedef struct
{
  PbInstant             as_of;      /* PB_INSTANT_NONE: no marker */
  const PbTimelineItem *selected;   /* NULL: none */
} PbTimelineOverlay;

/* Paints @parts of @timeline (NULL: an empty timeline, ruler only) into
 * @viewport's area of @cr, in @cr's user units.  @overlay is drawn with
 * PB_TIMELINE_PART_OVERLAY; the ruler, drawn apart, is given it too so
 * that it leaves out the labels the as-of badge would cut.  Returns how
 * many items it painted. */
guint  pb_timeline_render             (PbTimeline               *timeline,
                                       cairo_t                  *cr,
                                       const PbTimelineViewport *viewport,
                                       const PbTimelinePalette  *palette,
                                       const PbTimelineOverlay  *overlay,
                                       PbTimelineParts           parts);
/* A label column wide enough for the lane names (within limits). */
double pb_timeline_render_label_width (PbTimeline               *timeline,
                                       cairo_t                  *cr);

/* The ruler: a unit and a step chosen so that labels do not crowd. */
typedef enum
{
  PB_TIMELINE_UNIT_MINUTE,
  PB_TIMELINE_UNIT_HOUR,
  PB_TIMELINE_UNIT_DAY,
  PB_TIMELINE_UNIT_MONTH,
  PB_TIMELINE_UNIT_YEAR,
} PbTimelineUnit;

typedef struct
{
  PbTimelineUnit unit;
  int            step;
} PbTimelineTicks;

void       pb_timeline_ticks_choose  (PbInstant              from,
                                      PbInstant              to,
                                      double                 width,
                                      PbTimelineTicks       *ticks);
/* The next larger unit, for the ruler's upper row; FALSE above years. */
gboolean   pb_timeline_ticks_coarser (const PbTimelineTicks *ticks,
                                      PbTimelineTicks       *coarser);
/* Ticks fall on whole units in UTC+08:00: the first at or after @at. */
PbInstant  pb_timeline_ticks_first   (const PbTimelineTicks *ticks,
                                      PbInstant              at);
PbInstant  pb_timeline_ticks_next    (const PbTimelineTicks *ticks,
                                      PbInstant              tick);
/* "2020", "Mar", "31", "14:00"; with @context the fuller form of the upper
 * row: "2020", "2020-03", "2020-03-31".  A month is named in @language
 * (pb-translation.h), or in the program's when it is NULL. */
char      *pb_timeline_ticks_label   (const PbTimelineTicks *ticks,
                                      PbInstant              tick,
                                      gboolean               context,
                                      const char            *language);

G_END_DECLS
