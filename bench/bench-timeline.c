/* bench-timeline.c: the cost of a timeline frame (issue 7, target 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the timeline with pb_timeline_render() into a 1280 × 800 cairo
 * image surface (what the window's software renderer rasterises), for a
 * seeded 10-year account with 10,000 codes and 100 packages and for the
 * same account with 100 codes, at the same zoom: the big frame may cost at
 * most 1.5 × the small one.  Then it zooms from ten years to a week and
 * back, pans across the ten years and scrolls down the lanes, and reports
 * the slowest frame (under 16 ms).
 *
 *   bench-timeline [--png FILE]   also writes the big frame to FILE
 */
#include <stdlib.h>

#include "pb-bench.h"
#include "pb-timeline-render.h"

#define WIDTH   1280
#define HEIGHT  800
#define REPEATS 5

typedef struct
{
  PbTimeline        *timeline;
  cairo_surface_t   *surface;
  cairo_t           *cr;
  PbTimelinePalette  palette;
  PbTimelineViewport viewport;
} Frame;

static void
frame_init (Frame      *frame,
            PbTimeline *timeline)
{
  frame->timeline = timeline;
  frame->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  frame->cr = cairo_create (frame->surface);
  pb_timeline_palette_init_document (&frame->palette);
  frame->viewport.width = WIDTH;
  frame->viewport.height = HEIGHT;
  frame->viewport.ruler_height = PB_TIMELINE_RULER_HEIGHT;
  frame->viewport.label_width = pb_timeline_render_label_width (timeline, frame->cr);
  frame->viewport.scroll_y = 0;
  pb_timeline_get_extent (timeline, &frame->viewport.from, &frame->viewport.to);
}

static void
frame_clear (Frame *frame)
{
  cairo_destroy (frame->cr);
  cairo_surface_destroy (frame->surface);
}

/* One frame, as the window draws it: everything, then flushed to pixels. */
static void
frame_draw (Frame         *frame,
            PbBenchSample *sample)
{
  PbTimelineOverlay overlay = { frame->viewport.from + (frame->viewport.to - frame->viewport.from) / 2, NULL };

  pb_bench_start (sample);
  cairo_save (frame->cr);
  pb_timeline_render (frame->timeline, frame->cr, &frame->viewport, &frame->palette,
                      &overlay, PB_TIMELINE_PART_ALL);
  cairo_restore (frame->cr);
  cairo_surface_flush (frame->surface);
  pb_bench_stop (sample);
}

static void
frame_best (Frame         *frame,
            PbBenchSample *best)
{
  for (int i = 0; i < REPEATS; i++)
    {
      PbBenchSample sample;

      frame_draw (frame, &sample);
      if (i == 0)
        *best = sample;
      else
        pb_bench_min (best, &sample);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PbCatalog) catalog = NULL;
  g_autoptr(PbBenchAccount) big_account = NULL;
  g_autoptr(PbBenchAccount) small_account = NULL;
  g_autoptr(PbLifecycle) big_lifecycle = NULL;
  g_autoptr(PbLifecycle) small_lifecycle = NULL;
  g_autoptr(PbTimeline) big = NULL;
  g_autoptr(PbTimeline) small = NULL;
  Frame big_frame, small_frame;
  PbBenchSample big_cost, small_cost, sample;
  PbInstant from, to;
  gint64 slowest = 0;
  guint frames = 0;
  const char *png = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--png"))
    png = argv[2];
  else if (argc != 1)
    {
      g_printerr ("usage: bench-timeline [--png FILE]\n");
      return 2;
    }

  pb_bench_init ();
  catalog = pb_bench_catalog ("bench-timeline");

  big_account = pb_bench_account_new (catalog, 3, 10, 10000, 100, 100, 100000);
  small_account = pb_bench_account_new (catalog, 3, 10, 100, 100, 100, 100000);
  big_lifecycle = pb_bench_account_replay (big_account, catalog);
  small_lifecycle = pb_bench_account_replay (small_account, catalog);
  big = pb_timeline_new (big_lifecycle, catalog);
  small = pb_timeline_new (small_lifecycle, catalog);
  pb_bench_note ("lanes: %u (10,000 codes), %u (100 codes)",
                 pb_timeline_get_n_lanes (big), pb_timeline_get_n_lanes (small));

  frame_init (&big_frame, big);
  frame_init (&small_frame, small);
  /* The same zoom and the same label column for both: the first year, where
   * the first lanes' codes live. */
  pb_timeline_get_extent (big, &from, &to);
  to = pb_time_add_years (from, 1);
  big_frame.viewport.from = small_frame.viewport.from = from;
  big_frame.viewport.to = small_frame.viewport.to = to;
  small_frame.viewport.label_width = big_frame.viewport.label_width;

  frame_draw (&small_frame, &sample);   /* fonts and caches, once */
  frame_draw (&big_frame, &sample);
  frame_best (&small_frame, &small_cost);
  frame_best (&big_frame, &big_cost);
  pb_bench_note ("one-year frame: %.2f ms (100 codes), %.2f ms (10,000 codes)",
                 small_cost.cpu_ns / 1e6, big_cost.cpu_ns / 1e6);
  pb_bench_report ("timeline frame, 10000 codes / 100 codes",
                   pb_bench_cost (&big_cost) / pb_bench_cost (&small_cost), "x", "<=", 1.5);

  if (png != NULL && cairo_surface_write_to_png (big_frame.surface, png) != CAIRO_STATUS_SUCCESS)
    g_printerr ("bench-timeline: could not write %s\n", png);

  /* Zoom from the whole extent to a week around its middle and back, pan
   * across it at a month's zoom, then scroll down all the lanes. */
  pb_timeline_get_extent (big, &from, &to);
  big_frame.viewport.from = from;
  big_frame.viewport.to = to;
  for (int i = 0; i < 120; i++)
    {
      double factor = i < 60 ? 0.9 : 1.0 / 0.9;
      PbInstant anchor = big_frame.viewport.from + (big_frame.viewport.to - big_frame.viewport.from) / 2;

      pb_timeline_span_zoom (&big_frame.viewport.from, &big_frame.viewport.to, factor, anchor);
      frame_draw (&big_frame, &sample);
      slowest = MAX (slowest, sample.cpu_ns);
      frames++;
    }
  big_frame.viewport.from = from;
  big_frame.viewport.to = pb_time_add_months (from, 1);
  while (big_frame.viewport.to < to)
    {
      pb_timeline_span_pan (&big_frame.viewport.from, &big_frame.viewport.to, 7 * 86400);
      frame_draw (&big_frame, &sample);
      slowest = MAX (slowest, sample.cpu_ns);
      frames++;
    }
  big_frame.viewport.from = from;
  big_frame.viewport.to = to;
  for (double y = 0; y < pb_timeline_get_content_height (big); y += 30 * HEIGHT)
    {
      big_frame.viewport.scroll_y = y;
      frame_draw (&big_frame, &sample);
      slowest = MAX (slowest, sample.cpu_ns);
      frames++;
    }
  pb_bench_note ("%u frames zoomed, panned and scrolled", frames);
  pb_bench_report ("timeline zoom/scroll, slowest frame", slowest / 1e6, "ms", "<", 16.0);

  frame_clear (&big_frame);
  frame_clear (&small_frame);
  return 0;
}
