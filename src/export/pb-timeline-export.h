/* pb-timeline-export.h: a timeline as a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The picture is the widget's (pb-timeline-render.h) in document colours,
 * every lane shown, with the scenario's title on top.  In SVG and PDF the
 * lane names and the ruler's dates are real text.  A file is written to a
 * temporary name and renamed into place once complete, so a failed export
 * never leaves a partial file.
 */
#pragma once

#include "pb-timeline.h"

G_BEGIN_DECLS

typedef enum
{
  PB_TIMELINE_FORMAT_PNG,
  PB_TIMELINE_FORMAT_SVG,
  PB_TIMELINE_FORMAT_PDF,
} PbTimelineFormat;

#define PB_TIMELINE_EXPORT_WIDTH 1200

typedef struct
{
  PbInstant   from;       /* PB_INSTANT_NONE (both): everything */
  PbInstant   to;
  PbInstant   as_of;      /* PB_INSTANT_NONE: no marker */
  int         width;      /* pixels or points; 0: PB_TIMELINE_EXPORT_WIDTH */
  const char *title;      /* NULL: no title line */
} PbTimelineExportOptions;

void      pb_timeline_export_options_init (PbTimelineExportOptions       *options);
/* From the file name's extension (any case): .png, .svg, .pdf. */
gboolean  pb_timeline_format_from_path   (const char                    *path,
                                          PbTimelineFormat              *format);
/* The size of the picture, in pixels (PNG) or points (SVG, PDF). */
void      pb_timeline_export_get_size    (PbTimeline                    *timeline,
                                          const PbTimelineExportOptions *options,
                                          int                           *width,
                                          int                           *height);
GBytes   *pb_timeline_export_to_bytes    (PbTimeline                    *timeline,
                                          const PbTimelineExportOptions *options,
                                          PbTimelineFormat               format,
                                          GError                       **error);
/* The format follows @path's extension.  PB_ERROR_INPUT for a wrong span
 * or extension; a file that cannot be written: G_IO_ERROR (pb-file.h). */
gboolean  pb_timeline_export_to_file     (PbTimeline                    *timeline,
                                          const PbTimelineExportOptions *options,
                                          const char                    *path,
                                          GError                       **error);

G_END_DECLS
