/* pb-timeline-render.c: drawing a timeline with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The picture, lane by lane: the base fee's terms as solid bars with the
 * lapses between them hatched; each code's binding window outlined, its
 * usable spans solid, its suspended spans hatched, expansions as diamonds,
 * void and expiry as end marks, broadcasts as a strip below; each number's
 * billed months as cells over a thin activation bar; each package's
 * validity as a pale band with the remaining minutes drawn over it as a
 * burn-down, the instant it reaches zero and the minutes lost at expiry
 * marked and labelled.  Instants become x through the viewport only.
 */
#define G_LOG_DOMAIN "pb-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pb-money.h"
#include "pb-timeline-private.h"
#include "pb-translation.h"

/* ------------------------------------------------------------------ */
/* Palette                                                            */

static const char * const role_names[PB_TIMELINE_N_ROLES] = {
  "background", "foreground", "dim", "grid", "stripe", "on-fill", "term", "lapsed", "binding",
  "usable", "suspended", "void", "expired", "expansion", "broadcast", "month", "subscribed",
  "package", "burn", "alarm", "rejected", "as-of", "selection",
};

const char *
pb_timeline_role_name (PbTimelineRole role)
{
  g_return_val_if_fail (role < PB_TIMELINE_N_ROLES, NULL);
  return role_names[role];
}

static PbTimelineColor
rgb (guint32 hex, double alpha)
{
  PbTimelineColor color = {
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, alpha
  };

  return color;
}

void
pb_timeline_palette_init_document (PbTimelinePalette *palette)
{
  PbTimelineColor *c;

  g_return_if_fail (palette != NULL);
  c = palette->colors;
  c[PB_TIMELINE_ROLE_BACKGROUND] = rgb (0xffffff, 1);
  c[PB_TIMELINE_ROLE_FOREGROUND] = rgb (0x1f2328, 1);
  c[PB_TIMELINE_ROLE_DIM] = rgb (0x5e6670, 1);
  c[PB_TIMELINE_ROLE_GRID] = rgb (0x1f2328, 0.12);
  c[PB_TIMELINE_ROLE_STRIPE] = rgb (0x1f2328, 0.035);
  c[PB_TIMELINE_ROLE_ON_FILL] = rgb (0xffffff, 1);
  c[PB_TIMELINE_ROLE_TERM] = rgb (0x2f6fb3, 1);
  c[PB_TIMELINE_ROLE_LAPSED] = rgb (0x8a8f96, 1);
  c[PB_TIMELINE_ROLE_BINDING] = rgb (0x8a63c7, 1);
  c[PB_TIMELINE_ROLE_USABLE] = rgb (0x2a8a4a, 1);
  c[PB_TIMELINE_ROLE_SUSPENDED] = rgb (0xd9822b, 1);
  c[PB_TIMELINE_ROLE_VOID] = rgb (0xc62f2f, 1);
  c[PB_TIMELINE_ROLE_EXPIRED] = rgb (0x3d434a, 1);
  c[PB_TIMELINE_ROLE_EXPANSION] = rgb (0x7a3db8, 1);
  c[PB_TIMELINE_ROLE_BROADCAST] = rgb (0x178a94, 1);
  c[PB_TIMELINE_ROLE_MONTH] = rgb (0x5b7fb0, 1);
  c[PB_TIMELINE_ROLE_SUBSCRIBED] = rgb (0x2f6fb3, 1);
  c[PB_TIMELINE_ROLE_PACKAGE] = rgb (0x2f6fb3, 1);
  c[PB_TIMELINE_ROLE_BURN] = rgb (0x2f6fb3, 1);
  c[PB_TIMELINE_ROLE_ALARM] = rgb (0xd4a20c, 1);
  c[PB_TIMELINE_ROLE_REJECTED] = rgb (0xc62f2f, 1);
  c[PB_TIMELINE_ROLE_AS_OF] = rgb (0xc2185b, 1);
  c[PB_TIMELINE_ROLE_SELECTION] = rgb (0x1a5fb4, 1);
}

/* ------------------------------------------------------------------ */
/* Painter                                                            */

typedef enum
{
  FONT_TITLE,
  FONT_GROUP,
  FONT_SMALL,
  FONT_RULER,
  FONT_RULER_BOLD,
  N_FONTS
} Font;

/* Two styles only, headings and small text: every other size or weight is
 * one more font for fontconfig to sort and pango to load and hint, which
 * cost the window 56 M instructions before its first timeline frame. */
static const struct
{
  double   size;
  gboolean bold;
} fonts[N_FONTS] = {
  [FONT_TITLE] = { 11.0, TRUE },
  [FONT_GROUP] = { 11.0, TRUE },
  [FONT_SMALL] = { 10.0, FALSE },
  [FONT_RULER] = { 10.0, FALSE },
  [FONT_RULER_BOLD] = { 11.0, TRUE },
};

typedef struct
{
  cairo_t                  *cr;
  PbTimeline               *timeline;
  const PbTimelineViewport *viewport;
  const PbTimelinePalette  *palette;
  PangoLayout              *layout;
  PangoFontDescription     *fonts[N_FONTS];
  double                    heights[N_FONTS];  /* 0 until first asked */
  PbTimelineTextFunc        text_func;
  gpointer                  text_data;
  guint                     drawn;
  /* Where the as-of badge sits on the ruler's upper row (left < right
   * when there is one): the row's labels it would cut are left out. */
  double                    badge_left, badge_right;
} Painter;

/* The language of the timeline's words (pb-translation.h); NULL, the
 * program's, when only the ruler is drawn. */
static const char *
language (const Painter *p)
{
  return p->timeline != NULL ? pb_timeline_get_language (p->timeline) : NULL;
}

static void
painter_init (Painter *p, PbTimeline *timeline, cairo_t *cr, const PbTimelineViewport *viewport,
              const PbTimelinePalette *palette)
{
  memset (p, 0, sizeof *p);
  p->cr = cr;
  p->timeline = timeline;
  p->viewport = viewport;
  p->palette = palette;
  p->layout = pango_cairo_create_layout (cr);
  for (int i = 0; i < N_FONTS; i++)
    {
      p->fonts[i] = pango_font_description_from_string (g_strcmp0 (language (p), PB_TRANSLATION_ENGLISH) == 0
                                                        ? PB_TIMELINE_FONT_FAMILY_LATIN
                                                        : PB_TIMELINE_FONT_FAMILY);
      /* Absolute sizes: one user unit is a pixel on screen and a point on
       * paper, whatever resolution pango assumes. */
      pango_font_description_set_absolute_size (p->fonts[i], fonts[i].size * PANGO_SCALE);
      pango_font_description_set_weight (p->fonts[i], fonts[i].bold ? PANGO_WEIGHT_SEMIBOLD
                                                                     : PANGO_WEIGHT_NORMAL);
    }
}

static void
painter_clear (Painter *p)
{
  for (int i = 0; i < N_FONTS; i++)
    g_clear_pointer (&p->fonts[i], pango_font_description_free);
  g_clear_object (&p->layout);
}

static void
set_color (Painter *p, PbTimelineRole role, double alpha)
{
  const PbTimelineColor *c = &p->palette->colors[role];

  cairo_set_source_rgba (p->cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static double
text_width (Painter *p, Font font, const char *text)
{
  int width;

  pango_layout_set_font_description (p->layout, p->fonts[font]);
  pango_layout_set_text (p->layout, text, -1);
  pango_layout_get_size (p->layout, &width, NULL);
  return width / (double) PANGO_SCALE;
}

/* The longest prefix of @text that fits @max_width with an ellipsis, so
 * that every surface (and SVG's <text>) shows the same string. */
static char *
fit_text (Painter *p, Font font, const char *text, double max_width)
{
  glong low = 0, high;

  if (max_width <= 0 || text_width (p, font, text) <= max_width)
    return g_strdup (text);
  high = g_utf8_strlen (text, -1);
  while (low < high)
    {
      glong mid = (low + high + 1) / 2;
      g_autofree char *prefix = g_utf8_substring (text, 0, mid);
      g_autofree char *candidate = g_strconcat (prefix, "…", NULL);

      if (text_width (p, font, candidate) <= max_width)
        low = mid;
      else
        high = mid - 1;
    }
  if (low == 0)
    return NULL;
  {
    g_autofree char *prefix = g_utf8_substring (text, 0, low);

    return g_strconcat (prefix, "…", NULL);
  }
}

typedef enum { ALIGN_START, ALIGN_CENTER, ALIGN_END } Align;

/* Draws one line with its top at @y; @x is its start, middle or end. */
static double
draw_text (Painter *p, Font font, PbTimelineRole role, double x, double y, Align align,
           const char *text, double max_width)
{
  g_autofree char *shown = fit_text (p, font, text, max_width);
  PangoRectangle logical;
  double width;

  if (shown == NULL)
    return 0;
  pango_layout_set_font_description (p->layout, p->fonts[font]);
  pango_layout_set_text (p->layout, shown, -1);
  pango_layout_get_extents (p->layout, NULL, &logical);
  width = logical.width / (double) PANGO_SCALE;
  if (align == ALIGN_CENTER)
    x -= width / 2;
  else if (align == ALIGN_END)
    x -= width;

  if (p->text_func != NULL)
    {
      double baseline = y + pango_layout_get_baseline (p->layout) / (double) PANGO_SCALE;
      double size_x = 0, size_y = fonts[font].size;
      PbTimelineTextRun run;

      /* The receiver gets the surface's coordinates, not the drawing's. */
      cairo_user_to_device (p->cr, &x, &baseline);
      cairo_user_to_device_distance (p->cr, &size_x, &size_y);
      run.x = x;
      run.baseline = baseline;
      run.size = fabs (size_y);
      run.bold = fonts[font].bold;
      run.color = p->palette->colors[role];
      run.text = shown;
      p->text_func (&run, p->text_data);
    }
  else
    {
      set_color (p, role, 1);
      cairo_move_to (p->cr, x, y);
      pango_cairo_show_layout (p->cr, p->layout);
    }
  return width;
}

/* Asked for every lane and label: laid out once per font and drawing, not
 * shaped again each time. */
static double
font_height (Painter *p, Font font)
{
  if (p->heights[font] == 0)
    {
      int height;

      pango_layout_set_font_description (p->layout, p->fonts[font]);
      pango_layout_set_text (p->layout, "Ag", -1);
      pango_layout_get_size (p->layout, NULL, &height);
      p->heights[font] = height / (double) PANGO_SCALE;
    }
  return p->heights[font];
}

/* ------------------------------------------------------------------ */
/* Ruler ticks                                                        */

static const struct
{
  PbTimelineUnit unit;
  int            step;
  double         seconds;    /* about */
  double         spacing;    /* the least room a label needs */
} scales[] = {
  { PB_TIMELINE_UNIT_MINUTE, 1, 60, 44 },
  { PB_TIMELINE_UNIT_MINUTE, 5, 300, 44 },
  { PB_TIMELINE_UNIT_MINUTE, 15, 900, 44 },
  { PB_TIMELINE_UNIT_MINUTE, 30, 1800, 44 },
  { PB_TIMELINE_UNIT_HOUR, 1, 3600, 44 },
  { PB_TIMELINE_UNIT_HOUR, 3, 3 * 3600, 44 },
  { PB_TIMELINE_UNIT_HOUR, 6, 6 * 3600, 44 },
  { PB_TIMELINE_UNIT_HOUR, 12, 12 * 3600, 44 },
  { PB_TIMELINE_UNIT_DAY, 1, 86400, 24 },
  { PB_TIMELINE_UNIT_DAY, 2, 2 * 86400, 24 },
  { PB_TIMELINE_UNIT_DAY, 5, 5 * 86400, 24 },
  { PB_TIMELINE_UNIT_DAY, 10, 10 * 86400, 24 },
  { PB_TIMELINE_UNIT_MONTH, 1, 2629746, 36 },
  { PB_TIMELINE_UNIT_MONTH, 3, 3 * 2629746.0, 36 },
  { PB_TIMELINE_UNIT_MONTH, 6, 6 * 2629746.0, 36 },
  { PB_TIMELINE_UNIT_YEAR, 1, 31556952, 40 },
  { PB_TIMELINE_UNIT_YEAR, 2, 2 * 31556952.0, 40 },
  { PB_TIMELINE_UNIT_YEAR, 5, 5 * 31556952.0, 40 },
  { PB_TIMELINE_UNIT_YEAR, 10, 10 * 31556952.0, 40 },
  { PB_TIMELINE_UNIT_YEAR, 20, 20 * 31556952.0, 40 },
  { PB_TIMELINE_UNIT_YEAR, 50, 50 * 31556952.0, 40 },
  { PB_TIMELINE_UNIT_YEAR, 100, 100 * 31556952.0, 40 },
};

void
pb_timeline_ticks_choose (PbInstant from, PbInstant to, double width, PbTimelineTicks *ticks)
{
  double per_second = width / (double) MAX (1, to - from);
  guint i;

  g_return_if_fail (ticks != NULL);
  for (i = 0; i + 1 < G_N_ELEMENTS (scales); i++)
    if (scales[i].seconds * per_second >= scales[i].spacing)
      break;
  ticks->unit = scales[i].unit;
  ticks->step = scales[i].step;
}

gboolean
pb_timeline_ticks_coarser (const PbTimelineTicks *ticks, PbTimelineTicks *coarser)
{
  g_return_val_if_fail (ticks != NULL && coarser != NULL, FALSE);
  coarser->step = 1;
  switch (ticks->unit)
    {
    case PB_TIMELINE_UNIT_MINUTE:
    case PB_TIMELINE_UNIT_HOUR:
      coarser->unit = PB_TIMELINE_UNIT_DAY;
      return TRUE;
    case PB_TIMELINE_UNIT_DAY:
      coarser->unit = PB_TIMELINE_UNIT_MONTH;
      return TRUE;
    case PB_TIMELINE_UNIT_MONTH:
      coarser->unit = PB_TIMELINE_UNIT_YEAR;
      return TRUE;
    case PB_TIMELINE_UNIT_YEAR:
    default:
      return FALSE;
    }
}

typedef struct
{
  int year, month, day, hour, minute;
} Civil;

/* The calendar fields of @instant in UTC+08:00, from pb-time. */
static Civil
civil (PbInstant instant)
{
  g_autoptr(GDateTime) dt = pb_time_to_date_time (instant);
  Civil c = {
    g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt),
    g_date_time_get_hour (dt), g_date_time_get_minute (dt),
  };

  return c;
}

static int
floor_to (int value, int step)
{
  return value - ((value % step) + step) % step;
}

PbInstant
pb_timeline_ticks_next (const PbTimelineTicks *ticks, PbInstant tick)
{
  Civil c;

  g_return_val_if_fail (ticks != NULL && ticks->step > 0, tick);
  c = civil (tick);
  switch (ticks->unit)
    {
    case PB_TIMELINE_UNIT_YEAR:
      return pb_time_month_start (pb_time_month_index (tick) + 12 * ticks->step);
    case PB_TIMELINE_UNIT_MONTH:
      return pb_time_month_start (pb_time_month_index (tick) + ticks->step);
    case PB_TIMELINE_UNIT_DAY:
      {
        int days = g_date_get_days_in_month ((GDateMonth) c.month, (GDateYear) c.year);
        int next = c.day + ticks->step;

        /* Days restart on the 1st of every month; a last tick closer to it
         * than a step is left out. */
        if (next > days || days - next + 1 < ticks->step)
          return pb_time_month_start (pb_time_month_index (tick) + 1);
        return pb_time_from_parts (c.year, c.month, next, 0, 0, 0);
      }
    case PB_TIMELINE_UNIT_HOUR:
      if (c.hour + ticks->step >= 24)
        return pb_time_add_days (pb_time_from_parts (c.year, c.month, c.day, 0, 0, 0), 1);
      return pb_time_from_parts (c.year, c.month, c.day, c.hour + ticks->step, 0, 0);
    case PB_TIMELINE_UNIT_MINUTE:
    default:
      if (c.minute + ticks->step >= 60)
        return pb_time_from_parts (c.year, c.month, c.day, c.hour, 0, 0) + 3600;
      return pb_time_from_parts (c.year, c.month, c.day, c.hour, c.minute + ticks->step, 0);
    }
}

PbInstant
pb_timeline_ticks_first (const PbTimelineTicks *ticks, PbInstant at)
{
  Civil c;
  PbInstant tick;

  g_return_val_if_fail (ticks != NULL && ticks->step > 0, at);
  c = civil (at);
  switch (ticks->unit)
    {
    case PB_TIMELINE_UNIT_YEAR:
      tick = pb_time_month_start (floor_to (c.year, ticks->step) * 12);
      break;
    case PB_TIMELINE_UNIT_MONTH:
      tick = pb_time_month_start (c.year * 12 + floor_to (c.month - 1, ticks->step));
      break;
    case PB_TIMELINE_UNIT_DAY:
      tick = pb_time_from_parts (c.year, c.month, floor_to (c.day - 1, ticks->step) + 1, 0, 0, 0);
      break;
    case PB_TIMELINE_UNIT_HOUR:
      tick = pb_time_from_parts (c.year, c.month, c.day, floor_to (c.hour, ticks->step), 0, 0);
      break;
    case PB_TIMELINE_UNIT_MINUTE:
    default:
      tick = pb_time_from_parts (c.year, c.month, c.day, c.hour, floor_to (c.minute, ticks->step), 0);
      break;
    }
  while (tick < at)
    tick = pb_timeline_ticks_next (ticks, tick);
  return tick;
}

/* The ruler's month names follow the language of the timeline's words
 * (the window's or a document's), not LC_TIME: a Chinese window under
 * LC_ALL=C.UTF-8 shows "3月". */
static char *
month_name (GDateTime *dt, const char *language)
{
  /* TRANSLATORS: short month names on the timeline's ruler */
  static const char * const names[12] = {
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
  };

  return g_strdup (pb_translate (language, names[g_date_time_get_month (dt) - 1]));
}

char *
pb_timeline_ticks_label (const PbTimelineTicks *ticks, PbInstant tick, gboolean context, const char *language)
{
  g_autoptr(GDateTime) dt = pb_time_to_date_time (tick);

  g_return_val_if_fail (ticks != NULL, NULL);
  switch (ticks->unit)
    {
    case PB_TIMELINE_UNIT_YEAR:
      return g_date_time_format (dt, "%Y");
    case PB_TIMELINE_UNIT_MONTH:
      return context ? g_date_time_format (dt, "%Y-%m") : month_name (dt, language);
    case PB_TIMELINE_UNIT_DAY:
      return context ? g_date_time_format (dt, "%Y-%m-%d")
                     : g_strdup_printf ("%d", g_date_time_get_day_of_month (dt));
    case PB_TIMELINE_UNIT_HOUR:
    case PB_TIMELINE_UNIT_MINUTE:
    default:
      return g_date_time_format (dt, "%H:%M");
    }
}

/* ------------------------------------------------------------------ */
/* Shapes                                                             */

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  if (r < 0.5)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Diagonal stripes inside a rectangle, fixed to the drawing's grid. */
static void
hatch (Painter *p, PbTimelineRole role, double x, double y, double w, double h)
{
  cairo_t *cr = p->cr;
  double start = floor ((x - h) / 6.0) * 6.0;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  set_color (p, role, 0.2);
  cairo_paint (cr);
  set_color (p, role, 0.9);
  cairo_set_line_width (cr, 1.5);
  for (double sx = start; sx < x + w; sx += 6.0)
    {
      cairo_move_to (cr, sx, y + h);
      cairo_line_to (cr, sx + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
span_label (Painter *p, PbTimelineRole role, double x, double y, double w, double h, const char *text)
{
  double visible_x = MAX (x, p->viewport->label_width);
  double visible_w = MIN (x + w, p->viewport->width) - visible_x;

  /* Only where the whole word fits, kept in sight when the span starts
   * to the left of the view. */
  if (visible_w < text_width (p, FONT_SMALL, text) + 10)
    return;
  draw_text (p, FONT_SMALL, role, visible_x + 5, y + (h - font_height (p, FONT_SMALL)) / 2, ALIGN_START,
             text, 0);
}

/* What a proposed code's deadline says beside it (EL-7). */
static char *
bind_by_text (Painter *p, PbInstant deadline)
{
  g_autofree char *date = pb_time_format_display (deadline);

  /* TRANSLATORS: beside the end of a quoted code's binding window */
  return g_strdup_printf (pb_translate (language (p), "bind by %s"), date);
}

/* The year a proposed code gives if bound by its deadline: dashed, since it
 * is an assumption.  It starts at the deadline, so it carries the
 * deadline's words first (the mark leaves them to it), then its own. */
static void
draw_assumed (Painter *p, const PbTimelineItem *item, double x, double y, double w, double h)
{
  cairo_t *cr = p->cr;
  static const double dash[] = { 4.0, 3.0 };
  g_autofree char *deadline = bind_by_text (p, item->value);
  double skip = text_width (p, FONT_SMALL, deadline) + 8;

  set_color (p, PB_TIMELINE_ROLE_USABLE, 0.1);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_save (cr);
  set_color (p, PB_TIMELINE_ROLE_USABLE, 1);
  cairo_set_line_width (cr, 1.2);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_rectangle (cr, x + 0.6, y + 0.6, MAX (0.0, w - 1.2), h - 1.2);
  cairo_stroke (cr);
  cairo_restore (cr);
  span_label (p, PB_TIMELINE_ROLE_FOREGROUND, x, y, w, h, deadline);
  /* TRANSLATORS: a dashed span: what a quoted code gives if bound by its deadline */
  span_label (p, PB_TIMELINE_ROLE_USABLE, MAX (x, p->viewport->label_width) + skip, y, w - skip, h,
              pb_translate (language (p), "if bound by then"));
}

static void
draw_span (Painter *p, const PbTimelineItem *item)
{
  cairo_t *cr = p->cr;
  double x, y, w, h;

  pb_timeline_item_bounds (p->timeline, p->viewport, item, &x, &y, &w, &h);
  w = MAX (w, 1.0);
  switch (item->kind)
    {
    case PB_TIMELINE_ITEM_TERM:
      set_color (p, PB_TIMELINE_ROLE_TERM, 1);
      rounded_rect (cr, x, y, MAX (1.0, w - 1.0), h, 3);
      cairo_fill (cr);
      span_label (p, PB_TIMELINE_ROLE_ON_FILL, x, y, w, h,
                  item->value2 == 0 ? pb_translate (language (p), "Base fee") : pb_translate (language (p), "Renewal"));
      break;
    case PB_TIMELINE_ITEM_LAPSED:
      hatch (p, PB_TIMELINE_ROLE_LAPSED, x, y, w, h);
      span_label (p, PB_TIMELINE_ROLE_FOREGROUND, x, y, w, h, pb_translate (language (p), "Lapsed"));
      break;
    case PB_TIMELINE_ITEM_BINDING:
      set_color (p, PB_TIMELINE_ROLE_BINDING, 0.22);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      set_color (p, PB_TIMELINE_ROLE_BINDING, 1);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (0.0, w - 1), h - 1);
      cairo_stroke (cr);
      span_label (p, PB_TIMELINE_ROLE_FOREGROUND, x, y, w, h, pb_translate (language (p), "Binding"));
      break;
    case PB_TIMELINE_ITEM_USABLE:
      set_color (p, PB_TIMELINE_ROLE_USABLE, 1);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      span_label (p, PB_TIMELINE_ROLE_ON_FILL, x, y, w, h, pb_translate (language (p), "Usable"));
      break;
    case PB_TIMELINE_ITEM_SUSPENDED:
      hatch (p, PB_TIMELINE_ROLE_SUSPENDED, x, y, w, h);
      span_label (p, PB_TIMELINE_ROLE_FOREGROUND, x, y, w, h, pb_translate (language (p), "Suspended"));
      break;
    case PB_TIMELINE_ITEM_BROADCAST:
      set_color (p, PB_TIMELINE_ROLE_BROADCAST, 1);
      cairo_rectangle (cr, x, y, MAX (w, 2.0), h);
      cairo_fill (cr);
      break;
    case PB_TIMELINE_ITEM_MONTH:
      {
        g_autofree char *month = NULL;

        /* Alternate shades tell the months apart at any zoom. */
        set_color (p, PB_TIMELINE_ROLE_MONTH, item->value % 2 == 0 ? 0.75 : 0.5);
        cairo_rectangle (cr, x, y, MAX (1.0, w - 1.0), h);
        cairo_fill (cr);
        if (w > 40)
          {
            PbTimelineTicks ticks = { PB_TIMELINE_UNIT_MONTH, 1 };

            month = pb_timeline_ticks_label (&ticks, item->start, FALSE, language (p));
            span_label (p, PB_TIMELINE_ROLE_ON_FILL, x, y, w, h, month);
          }
      }
      break;
    case PB_TIMELINE_ITEM_SUBSCRIBED:
      set_color (p, PB_TIMELINE_ROLE_SUBSCRIBED, 1);
      rounded_rect (cr, x, y, w, h, h / 2);
      cairo_fill (cr);
      break;
    case PB_TIMELINE_ITEM_ASSUMED:
      draw_assumed (p, item, x, y, w, h);
      break;
    case PB_TIMELINE_ITEM_VALIDITY:
      set_color (p, PB_TIMELINE_ROLE_PACKAGE, 0.12);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      set_color (p, PB_TIMELINE_ROLE_PACKAGE, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (0.0, w - 1), h - 1);
      cairo_stroke (cr);
      break;
    default:
      g_return_if_reached ();
    }
  p->drawn++;
}

/* A short label beside a mark, in the room its lane leaves. */
static void
mark_label (Painter *p, PbTimelineRole role, double cx, double y, double h, const char *text)
{
  double top = y + (h - font_height (p, FONT_SMALL)) / 2;

  /* After the mark, or before it when the view ends too soon. */
  if (cx + 7 + text_width (p, FONT_SMALL, text) <= p->viewport->width)
    draw_text (p, FONT_SMALL, role, cx + 7, top, ALIGN_START, text, 0);
  else
    draw_text (p, FONT_SMALL, role, cx - 7, top, ALIGN_END, text, 0);
}

/* An end: a bar with a foot, like ⊣. */
static void
end_bar (Painter *p, PbTimelineRole role, double cx, double y, double h)
{
  cairo_t *cr = p->cr;

  set_color (p, role, 1);
  cairo_move_to (cr, cx, y);
  cairo_line_to (cr, cx, y + h);
  cairo_move_to (cr, cx - 4, y + 1);
  cairo_line_to (cr, cx, y + 1);
  cairo_move_to (cr, cx - 4, y + h - 1);
  cairo_line_to (cr, cx, y + h - 1);
  cairo_stroke (cr);
}

static void
draw_mark (Painter *p, const PbTimelineItem *item)
{
  cairo_t *cr = p->cr;
  double x, y, w, h, cx, cy;
  g_autofree char *text = NULL;

  pb_timeline_item_bounds (p->timeline, p->viewport, item, &x, &y, &w, &h);
  cx = round (x + w / 2) + 0.5;
  cy = y + h / 2;
  cairo_set_line_width (cr, 2);
  switch (item->kind)
    {
    case PB_TIMELINE_ITEM_EXPANSION:
      set_color (p, PB_TIMELINE_ROLE_EXPANSION, 1);
      cairo_move_to (cr, cx, cy - 6);
      cairo_line_to (cr, cx + 5, cy);
      cairo_line_to (cr, cx, cy + 6);
      cairo_line_to (cr, cx - 5, cy);
      cairo_close_path (cr);
      cairo_fill_preserve (cr);
      set_color (p, PB_TIMELINE_ROLE_BACKGROUND, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      break;
    case PB_TIMELINE_ITEM_VOID:
      set_color (p, PB_TIMELINE_ROLE_VOID, 1);
      cairo_move_to (cr, cx, y);
      cairo_line_to (cr, cx, y + h);
      cairo_move_to (cr, cx - 4, cy - 4);
      cairo_line_to (cr, cx + 4, cy + 4);
      cairo_move_to (cr, cx + 4, cy - 4);
      cairo_line_to (cr, cx - 4, cy + 4);
      cairo_stroke (cr);
      mark_label (p, PB_TIMELINE_ROLE_VOID, cx, y, h, pb_translate (language (p), "void"));
      break;
    case PB_TIMELINE_ITEM_EXPIRED:
    case PB_TIMELINE_ITEM_UNSUBSCRIBED:
      end_bar (p, PB_TIMELINE_ROLE_EXPIRED, cx, y, h);
      break;
    case PB_TIMELINE_ITEM_BIND_BY:
      end_bar (p, PB_TIMELINE_ROLE_BINDING, cx, y, h);
      /* The year it gives, when there is one, says it (draw_assumed). */
      text = bind_by_text (p, item->start);
      if (!item->value2)
        mark_label (p, PB_TIMELINE_ROLE_FOREGROUND, cx, y, h, text);
      break;
    case PB_TIMELINE_ITEM_USE_BY:
      {
        g_autofree char *date = pb_time_format_display (item->start);

        end_bar (p, PB_TIMELINE_ROLE_PACKAGE, cx, y, h);
        /* TRANSLATORS: the end of a quoted package's validity */
        text = g_strdup_printf (pb_translate (language (p), "usable until %s"), date);
        mark_label (p, PB_TIMELINE_ROLE_FOREGROUND, cx, y, h, text);
      }
      break;
    case PB_TIMELINE_ITEM_USED_UP:
      {
        g_autofree char *date = pb_time_format_date (item->start);

        set_color (p, PB_TIMELINE_ROLE_BURN, 1);
        cairo_arc (cr, cx, y + h - 5, 3.5, 0, 2 * G_PI);
        cairo_fill (cr);
        /* TRANSLATORS: a package's balance reaches zero on this date */
        text = g_strdup_printf (pb_translate (language (p), "0 left · %s"), date);
        mark_label (p, PB_TIMELINE_ROLE_DIM, cx, y, h, text);
      }
      break;
    case PB_TIMELINE_ITEM_EXPIRED_UNUSED:
      {
        g_autofree char *minutes = pb_format_count (item->value);

        set_color (p, PB_TIMELINE_ROLE_VOID, 1);
        cairo_move_to (cr, cx, y);
        cairo_line_to (cr, cx, y + h);
        cairo_stroke (cr);
        /* TRANSLATORS: minutes a package loses at its expiry */
        text = g_strdup_printf (pb_translate (language (p), "%s min expire unused"), minutes);
        mark_label (p, PB_TIMELINE_ROLE_VOID, cx, y, h, text);
      }
      break;
    case PB_TIMELINE_ITEM_ALARM:
      set_color (p, PB_TIMELINE_ROLE_ALARM, 1);
      cairo_move_to (cr, cx, cy - 6);
      cairo_line_to (cr, cx + 6, cy + 5);
      cairo_line_to (cr, cx - 6, cy + 5);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case PB_TIMELINE_ITEM_REJECTED:
      set_color (p, PB_TIMELINE_ROLE_REJECTED, 1);
      cairo_arc (cr, cx, cy, 5, 0, 2 * G_PI);
      cairo_fill (cr);
      set_color (p, PB_TIMELINE_ROLE_ON_FILL, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, cx - 2.5, cy - 2.5);
      cairo_line_to (cr, cx + 2.5, cy + 2.5);
      cairo_move_to (cr, cx + 2.5, cy - 2.5);
      cairo_line_to (cr, cx - 2.5, cy + 2.5);
      cairo_stroke (cr);
      break;
    default:
      g_return_if_reached ();
    }
  p->drawn++;
}

/* The remaining minutes over time as a step line over a filled area,
 * scaled to the lane's capacity. */
static void
draw_burn_down (Painter *p, const PbTimelineLane *lane, double lane_top)
{
  const PbTimelineViewport *vp = p->viewport;
  cairo_t *cr = p->cr;
  double top = lane_top + 8, bottom = lane_top + lane->height - 6;
  double x_start, last_x, last_y, pending_y;
  guint low = 0, high = lane->n_steps, i;

  if (lane->n_steps == 0 || lane->capacity <= 0)
    return;
  /* The last step at or before the left edge. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (lane->steps[mid].at <= vp->from)
        low = mid + 1;
      else
        high = mid;
    }
  i = low > 0 ? low - 1 : 0;
  if (lane->steps[i].at > vp->to)
    return;

#define LEVEL(remaining) (bottom - (bottom - top) * CLAMP ((double) (remaining) / (double) lane->capacity, 0.0, 1.0))
  x_start = MAX (vp->label_width - 2, pb_timeline_viewport_x (vp, lane->steps[i].at));
  last_x = x_start;
  last_y = LEVEL (lane->steps[i].remaining);
  pending_y = last_y;
  cairo_new_path (cr);
  cairo_move_to (cr, x_start, bottom);
  cairo_line_to (cr, x_start, last_y);
  for (i = i + 1; i < lane->n_steps; i++)
    {
      double x = MIN (vp->width + 2, pb_timeline_viewport_x (vp, lane->steps[i].at));
      double level = LEVEL (lane->steps[i].remaining);

      /* Steps within half a unit of the last vertex share its column: a
       * million calls cost a few hundred vertices. */
      if (x - last_x < 0.5)
        {
          pending_y = level;
          continue;
        }
      if (pending_y != last_y)
        cairo_line_to (cr, last_x, pending_y);
      cairo_line_to (cr, x, pending_y);
      cairo_line_to (cr, x, level);
      last_x = x;
      last_y = pending_y = level;
      if (lane->steps[i].at > vp->to)
        break;
    }
  if (pending_y != last_y)
    {
      cairo_line_to (cr, last_x, pending_y);
      last_y = pending_y;
    }
  /* The last level holds on, unless the minutes are gone. */
  if (last_y < bottom && i >= lane->n_steps)
    {
      last_x = vp->width + 2;
      cairo_line_to (cr, last_x, last_y);
    }
  cairo_line_to (cr, last_x, bottom);
  cairo_close_path (cr);
  set_color (p, PB_TIMELINE_ROLE_BURN, 0.3);
  cairo_fill_preserve (cr);
  set_color (p, PB_TIMELINE_ROLE_BURN, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);
#undef LEVEL
}

/* ------------------------------------------------------------------ */
/* Parts                                                              */

static void
visible_lanes (Painter *p, guint *first, guint *last)
{
  const PbTimelineViewport *vp = p->viewport;
  double top = vp->scroll_y, bottom = vp->scroll_y + vp->height - vp->ruler_height;
  guint n = p->timeline ? pb_timeline_get_n_lanes (p->timeline) : 0;
  guint low = 0, high = n;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const PbTimelineLane *lane = pb_timeline_get_lane (p->timeline, mid);

      if (lane->y + lane->height <= top)
        low = mid + 1;
      else
        high = mid;
    }
  *first = low;
  while (low < n && pb_timeline_get_lane (p->timeline, low)->y < bottom)
    low++;
  *last = low;
}

static double
lane_top (Painter *p, const PbTimelineLane *lane)
{
  return p->viewport->ruler_height + lane->y - p->viewport->scroll_y;
}

static void
fill_lane_background (Painter *p, guint index, const PbTimelineLane *lane, double x, double w)
{
  double top = lane_top (p, lane);

  if (lane->kind == PB_TIMELINE_LANE_GROUP)
    {
      set_color (p, PB_TIMELINE_ROLE_STRIPE, 2.0);
      cairo_rectangle (p->cr, x, top, w, lane->height);
      cairo_fill (p->cr);
    }
  else if (index % 2 == 1)
    {
      set_color (p, PB_TIMELINE_ROLE_STRIPE, 1);
      cairo_rectangle (p->cr, x, top, w, lane->height);
      cairo_fill (p->cr);
    }
  set_color (p, PB_TIMELINE_ROLE_GRID, 1);
  cairo_rectangle (p->cr, x, top + lane->height - 1, w, 1);
  cairo_fill (p->cr);
}

static void
draw_grid (Painter *p, double top, double bottom)
{
  const PbTimelineViewport *vp = p->viewport;
  PbTimelineTicks ticks, coarse;
  gboolean has_coarse;

  pb_timeline_ticks_choose (vp->from, vp->to, vp->width - vp->label_width, &ticks);
  has_coarse = pb_timeline_ticks_coarser (&ticks, &coarse);
  set_color (p, PB_TIMELINE_ROLE_GRID, 0.6);
  for (PbInstant t = pb_timeline_ticks_first (&ticks, vp->from); t < vp->to;
       t = pb_timeline_ticks_next (&ticks, t))
    cairo_rectangle (p->cr, floor (pb_timeline_viewport_x (vp, t)), top, 1, bottom - top);
  cairo_fill (p->cr);
  if (has_coarse)
    {
      set_color (p, PB_TIMELINE_ROLE_GRID, 1.6);
      for (PbInstant t = pb_timeline_ticks_first (&coarse, vp->from); t < vp->to;
           t = pb_timeline_ticks_next (&coarse, t))
        cairo_rectangle (p->cr, floor (pb_timeline_viewport_x (vp, t)), top, 1, bottom - top);
      cairo_fill (p->cr);
    }
}

static gboolean
in_sight (Painter *p, const PbTimelineItem *item)
{
  double x, y, w, h;

  return pb_timeline_item_bounds (p->timeline, p->viewport, item, &x, &y, &w, &h);
}

static void
draw_lanes (Painter *p)
{
  const PbTimelineViewport *vp = p->viewport;
  double seconds_per_unit = (double) (vp->to - vp->from) / MAX (1.0, vp->width - vp->label_width);
  /* Marks drawn at the edge reach a little into the view. */
  gint64 margin = (gint64) ceil (12 * seconds_per_unit);
  guint first = 0, last = 0;

  cairo_save (p->cr);
  cairo_rectangle (p->cr, vp->label_width, vp->ruler_height, vp->width - vp->label_width,
                   vp->height - vp->ruler_height);
  cairo_clip (p->cr);
  set_color (p, PB_TIMELINE_ROLE_BACKGROUND, 1);
  cairo_paint (p->cr);
  if (p->timeline != NULL)
    visible_lanes (p, &first, &last);
  for (guint i = first; i < last; i++)
    fill_lane_background (p, i, pb_timeline_get_lane (p->timeline, i), vp->label_width,
                          vp->width - vp->label_width);
  draw_grid (p, vp->ruler_height, vp->height);

  for (guint i = first; i < last; i++)
    {
      const PbTimelineLane *lane = pb_timeline_get_lane (p->timeline, i);
      guint from, to;

      pb_timeline_lane_visible_items (lane, vp->from - margin, vp->to + margin, &from, &to);
      for (guint j = from; j < to; j++)
        if (!pb_timeline_item_is_mark (&lane->items[j]) && in_sight (p, &lane->items[j]))
          draw_span (p, &lane->items[j]);
      draw_burn_down (p, lane, lane_top (p, lane));
      for (guint j = from; j < to; j++)
        if (pb_timeline_item_is_mark (&lane->items[j]) && in_sight (p, &lane->items[j]))
          draw_mark (p, &lane->items[j]);
    }
  cairo_restore (p->cr);
}

static void
draw_labels (Painter *p)
{
  const PbTimelineViewport *vp = p->viewport;
  double room = vp->label_width - 20;
  guint first = 0, last = 0;

  if (vp->label_width <= 0)
    return;
  cairo_save (p->cr);
  cairo_rectangle (p->cr, 0, vp->ruler_height, vp->label_width, vp->height - vp->ruler_height);
  cairo_clip (p->cr);
  set_color (p, PB_TIMELINE_ROLE_BACKGROUND, 1);
  cairo_paint (p->cr);
  if (p->timeline != NULL)
    visible_lanes (p, &first, &last);
  for (guint i = first; i < last; i++)
    {
      const PbTimelineLane *lane = pb_timeline_get_lane (p->timeline, i);
      double top = lane_top (p, lane);

      fill_lane_background (p, i, lane, 0, vp->label_width);
      if (lane->kind == PB_TIMELINE_LANE_GROUP)
        {
          draw_text (p, FONT_GROUP, PB_TIMELINE_ROLE_FOREGROUND, 10,
                     top + (lane->height - font_height (p, FONT_GROUP)) / 2, ALIGN_START, lane->title, room);
        }
      else if (lane->subtitle == NULL)
        {
          draw_text (p, FONT_TITLE, PB_TIMELINE_ROLE_FOREGROUND, 10,
                     top + (lane->height - font_height (p, FONT_TITLE)) / 2, ALIGN_START, lane->title, room);
        }
      else
        {
          double title_h = font_height (p, FONT_TITLE), sub_h = font_height (p, FONT_SMALL);
          double y = top + (lane->height - title_h - sub_h + 2) / 2;

          draw_text (p, FONT_TITLE, PB_TIMELINE_ROLE_FOREGROUND, 10, y, ALIGN_START, lane->title, room);
          draw_text (p, FONT_SMALL, PB_TIMELINE_ROLE_DIM, 10, y + title_h - 2, ALIGN_START, lane->subtitle, room);
        }
    }
  set_color (p, PB_TIMELINE_ROLE_GRID, 1.5);
  cairo_rectangle (p->cr, vp->label_width - 1, vp->ruler_height, 1, vp->height - vp->ruler_height);
  cairo_fill (p->cr);
  cairo_restore (p->cr);
}

/* Whether a label of the ruler's upper row from @x, @width wide, would be
 * cut by the as-of badge: it is moved past it, or left out, rather than
 * left peeking out from under it (the badge's own date names the year). */
static gboolean
under_badge (const Painter *p, double x, double width)
{
  return p->badge_left < p->badge_right && x < p->badge_right + 4 && x + width > p->badge_left - 4;
}

/* The as-of badge's date, where it sits and how large it is. */
static char *
as_of_badge (Painter *p, const PbTimelineOverlay *overlay, double *left, double *w, double *h)
{
  const PbTimelineViewport *vp = p->viewport;
  double x = round (pb_timeline_viewport_x (vp, overlay->as_of)) + 0.5;
  g_autoptr(GDateTime) dt = pb_time_to_date_time (overlay->as_of);
  char *text = g_date_time_format (dt, "%Y-%m-%d %H:%M");

  *w = text_width (p, FONT_SMALL, text) + 10;
  *h = font_height (p, FONT_SMALL) + 2;
  *left = CLAMP (x - *w / 2, vp->label_width, vp->width - *w);
  return text;
}

static gboolean
shows_as_of (const PbTimelineViewport *vp, const PbTimelineOverlay *overlay)
{
  return overlay != NULL && overlay->as_of != PB_INSTANT_NONE && overlay->as_of >= vp->from && overlay->as_of <= vp->to;
}

static void
draw_ruler (Painter *p)
{
  const PbTimelineViewport *vp = p->viewport;
  double row = vp->ruler_height / 2;
  PbTimelineTicks ticks, coarse;
  double sticky_limit = G_MAXDOUBLE;

  cairo_save (p->cr);
  cairo_rectangle (p->cr, 0, 0, vp->width, vp->ruler_height);
  cairo_clip (p->cr);
  set_color (p, PB_TIMELINE_ROLE_BACKGROUND, 1);
  cairo_paint (p->cr);
  if (vp->label_width > 0)
    /* Every date and time in the timeline is China Standard Time. */
    draw_text (p, FONT_SMALL, PB_TIMELINE_ROLE_DIM, 10, row + (row - font_height (p, FONT_SMALL)) / 2,
               ALIGN_START, "UTC+08:00", vp->label_width - 14);

  cairo_rectangle (p->cr, vp->label_width, 0, vp->width - vp->label_width, vp->ruler_height);
  cairo_clip (p->cr);
  pb_timeline_ticks_choose (vp->from, vp->to, vp->width - vp->label_width, &ticks);

  /* The lower row: every tick, labelled where the label fits before the next. */
  for (PbInstant t = pb_timeline_ticks_first (&ticks, vp->from); t < vp->to;)
    {
      PbInstant next = pb_timeline_ticks_next (&ticks, t);
      double x = floor (pb_timeline_viewport_x (vp, t));
      double room = pb_timeline_viewport_x (vp, next) - x - 6;
      g_autofree char *label = pb_timeline_ticks_label (&ticks, t, FALSE, language (p));

      set_color (p, PB_TIMELINE_ROLE_GRID, 2.0);
      cairo_rectangle (p->cr, x, vp->ruler_height - 6, 1, 6);
      cairo_fill (p->cr);
      if (text_width (p, FONT_RULER, label) <= room)
        draw_text (p, FONT_RULER, PB_TIMELINE_ROLE_DIM, x + 3, row + (row - font_height (p, FONT_RULER)) / 2 - 2,
                   ALIGN_START, label, 0);
      t = next;
    }

  /* The upper row: the larger unit, its first label kept in sight. */
  if (pb_timeline_ticks_coarser (&ticks, &coarse))
    {
      PbInstant t = pb_timeline_ticks_first (&coarse, vp->from);
      g_autofree char *current = NULL;

      for (; t < vp->to; t = pb_timeline_ticks_next (&coarse, t))
        {
          double x = floor (pb_timeline_viewport_x (vp, t));
          g_autofree char *label = pb_timeline_ticks_label (&coarse, t, TRUE, language (p));

          sticky_limit = MIN (sticky_limit, x);
          set_color (p, PB_TIMELINE_ROLE_GRID, 2.0);
          cairo_rectangle (p->cr, x, 0, 1, vp->ruler_height);
          cairo_fill (p->cr);
          double width = text_width (p, FONT_RULER_BOLD, label), at = x + 4;
          double end = pb_timeline_viewport_x (vp, pb_timeline_ticks_next (&coarse, t));

          /* Cut by the badge, the label moves past it while it stays in
           * its own unit. */
          if (under_badge (p, at, width))
            at = p->badge_right + 6;
          if (at + width < end - 4 || at == x + 4)
            draw_text (p, FONT_RULER_BOLD, PB_TIMELINE_ROLE_FOREGROUND, at,
                       (row - font_height (p, FONT_RULER_BOLD)) / 2 + 1, ALIGN_START, label, 0);
        }
      /* The unit the left edge falls in. */
      current = pb_timeline_ticks_label (&coarse, vp->from, TRUE, language (p));
      if (sticky_limit - vp->label_width > text_width (p, FONT_RULER_BOLD, current) + 12 &&
          !under_badge (p, vp->label_width + 4, text_width (p, FONT_RULER_BOLD, current)))
        draw_text (p, FONT_RULER_BOLD, PB_TIMELINE_ROLE_FOREGROUND, vp->label_width + 4,
                   (row - font_height (p, FONT_RULER_BOLD)) / 2 + 1, ALIGN_START, current, 0);
    }
  cairo_restore (p->cr);

  set_color (p, PB_TIMELINE_ROLE_GRID, 1.5);
  cairo_rectangle (p->cr, 0, vp->ruler_height - 1, vp->width, 1);
  cairo_fill (p->cr);
}

static void
draw_overlay (Painter *p, const PbTimelineOverlay *overlay)
{
  const PbTimelineViewport *vp = p->viewport;
  cairo_t *cr = p->cr;

  cairo_save (cr);
  cairo_rectangle (cr, vp->label_width, 0, vp->width - vp->label_width, vp->height);
  cairo_clip (cr);

  if (overlay->selected != NULL && p->timeline != NULL)
    {
      double x, y, w, h;

      if (pb_timeline_item_bounds (p->timeline, vp, overlay->selected, &x, &y, &w, &h))
        {
          cairo_save (cr);
          cairo_rectangle (cr, vp->label_width, vp->ruler_height, vp->width - vp->label_width,
                           vp->height - vp->ruler_height);
          cairo_clip (cr);
          set_color (p, PB_TIMELINE_ROLE_SELECTION, 1);
          cairo_set_line_width (cr, 2);
          rounded_rect (cr, x - 2, y - 2, MAX (w, 1.0) + 4, h + 4, 3);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }

  if (shows_as_of (vp, overlay))
    {
      double x = round (pb_timeline_viewport_x (vp, overlay->as_of)) + 0.5;
      double left, w, h;
      g_autofree char *text = as_of_badge (p, overlay, &left, &w, &h);

      /* The badge covers the ruler's grid line under it; the labels it
       * would cut were left out (under_badge()). */
      set_color (p, PB_TIMELINE_ROLE_BACKGROUND, 1);
      cairo_rectangle (cr, left - 4, 0, w + 8, MIN (h + 2, vp->ruler_height / 2));
      cairo_fill (cr);
      set_color (p, PB_TIMELINE_ROLE_AS_OF, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, x, vp->ruler_height / 2);
      cairo_line_to (cr, x, vp->height);
      cairo_stroke (cr);
      rounded_rect (cr, left, 1, w, h, h / 2);
      cairo_fill (cr);
      draw_text (p, FONT_SMALL, PB_TIMELINE_ROLE_ON_FILL, left + 5, 2, ALIGN_START, text, 0);
    }
  cairo_restore (cr);
}

guint
pb_timeline_render_full (PbTimeline *timeline, cairo_t *cr, const PbTimelineViewport *viewport,
                         const PbTimelinePalette *palette, const PbTimelineOverlay *overlay,
                         PbTimelineParts parts, PbTimelineTextFunc text_func, gpointer user_data)
{
  Painter p;
  guint drawn;

  g_return_val_if_fail (timeline == NULL || PB_IS_TIMELINE (timeline), 0);
  g_return_val_if_fail (cr != NULL && viewport != NULL && palette != NULL, 0);
  g_return_val_if_fail (viewport->to > viewport->from, 0);

  painter_init (&p, timeline, cr, viewport, palette);
  p.text_func = text_func;
  p.text_data = user_data;
  cairo_save (cr);
  if (parts & PB_TIMELINE_PART_LANES)
    draw_lanes (&p);
  if (parts & PB_TIMELINE_PART_LABELS)
    draw_labels (&p);
  /* The badge's place, even when it is drawn apart (the window caches
   * the ruler): the ruler leaves out the labels it would cut. */
  if (shows_as_of (viewport, overlay))
    {
      double w, h;
      g_autofree char *text = as_of_badge (&p, overlay, &p.badge_left, &w, &h);

      p.badge_right = p.badge_left + w;
    }
  if (parts & PB_TIMELINE_PART_RULER)
    draw_ruler (&p);
  if ((parts & PB_TIMELINE_PART_OVERLAY) && overlay != NULL)
    draw_overlay (&p, overlay);
  cairo_restore (cr);
  drawn = p.drawn;
  painter_clear (&p);
  return drawn;
}

guint
pb_timeline_render (PbTimeline *timeline, cairo_t *cr, const PbTimelineViewport *viewport,
                    const PbTimelinePalette *palette, const PbTimelineOverlay *overlay, PbTimelineParts parts)
{
  return pb_timeline_render_full (timeline, cr, viewport, palette, overlay, parts, NULL, NULL);
}

typedef struct
{
  glong       length;
  const char *text;
} Name;

static int
by_length (gconstpointer a, gconstpointer b)
{
  const Name *x = a, *y = b;

  return x->length < y->length ? 1 : x->length > y->length ? -1 : 0;
}

double
pb_timeline_render_label_width (PbTimeline *timeline, cairo_t *cr)
{
  g_autoptr(GArray) titles = g_array_new (FALSE, FALSE, sizeof (Name));
  g_autoptr(GArray) subtitles = g_array_new (FALSE, FALSE, sizeof (Name));
  PbTimelinePalette palette;
  PbTimelineViewport viewport = { 0, 1, 1, 1, 0, 0, 0 };
  Painter p;
  double widest = 0;

  g_return_val_if_fail (timeline == NULL || PB_IS_TIMELINE (timeline), 0);
  g_return_val_if_fail (cr != NULL, 0);

  for (guint i = 0; timeline != NULL && i < pb_timeline_get_n_lanes (timeline); i++)
    {
      const PbTimelineLane *lane = pb_timeline_get_lane (timeline, i);
      Name title = { g_utf8_strlen (lane->title, -1), lane->title };

      g_array_append_val (titles, title);
      if (lane->subtitle != NULL)
        {
          Name subtitle = { g_utf8_strlen (lane->subtitle, -1), lane->subtitle };

          g_array_append_val (subtitles, subtitle);
        }
    }
  /* Measuring ten thousand names would take long: the longest few, by
   * characters, stand for all. */
  g_array_sort (titles, by_length);
  g_array_sort (subtitles, by_length);
  pb_timeline_palette_init_document (&palette);
  painter_init (&p, timeline, cr, &viewport, &palette);
  for (guint i = 0; i < MIN (titles->len, 16u); i++)
    widest = MAX (widest, text_width (&p, FONT_TITLE, g_array_index (titles, Name, i).text));
  for (guint i = 0; i < MIN (subtitles->len, 16u); i++)
    widest = MAX (widest, text_width (&p, FONT_SMALL, g_array_index (subtitles, Name, i).text));
  painter_clear (&p);
  return CLAMP (ceil (widest) + 24, 110.0, 260.0);
}
