/* pb-timeline-private.h: what the timeline renderer, its exporter and the quote document share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pb-timeline-render.h"

G_BEGIN_DECLS

/* The font every timeline sets its text in; pango falls back along the
 * list where a family is not installed. */
#define PB_TIMELINE_FONT_FAMILY "Noto Sans CJK SC,Noto Sans,sans-serif"
/* An English document's: Latin text in a Latin font, Han characters from
 * the CJK one.  Besides the typography, this keeps English PDFs small:
 * cairo 1.16's CFF subsetter copies every local subroutine of Noto Sans
 * CJK (some 870 KB) into a PDF that takes "F", "L" and a Han character
 * from it. */
#define PB_TIMELINE_FONT_FAMILY_LATIN "Noto Sans,Noto Sans CJK SC,sans-serif"

/* One line of text as the renderer places it. */
typedef struct
{
  double                 x;
  double                 baseline;
  double                 size;       /* in user units */
  gboolean               bold;
  PbTimelineColor        color;
  const char            *text;
} PbTimelineTextRun;

/* With a text function, the renderer hands every line of text to it
 * instead of painting glyphs: SVG gets real <text> elements that way. */
typedef void (*PbTimelineTextFunc) (const PbTimelineTextRun *run,
                                    gpointer                 user_data);

guint pb_timeline_render_full (PbTimeline               *timeline,
                               cairo_t                  *cr,
                               const PbTimelineViewport *viewport,
                               const PbTimelinePalette  *palette,
                               const PbTimelineOverlay  *overlay,
                               PbTimelineParts           parts,
                               PbTimelineTextFunc        text_func,
                               gpointer                  user_data);

G_END_DECLS
