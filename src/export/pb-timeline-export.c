/* pb-timeline-export.c: a timeline as a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo writes all three formats from the same drawing.  Its SVG surface
 * would turn text into glyph outlines, so for SVG the renderer hands each
 * line of text here instead and it goes into the file as <text>.
 */
#define G_LOG_DOMAIN "pb-timeline"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pb-error.h"
#include "pb-export-file.h"
#include "pb-timeline-export.h"
#include "pb-timeline-private.h"

#define TITLE_HEIGHT 36.0
#define TITLE_SIZE   15.0
#define MIN_WIDTH    320
#define MAX_WIDTH    20000
/* cairo's image surfaces stop at 32767 pixels a side. */
#define MAX_PNG_SIDE 32767

void
pb_timeline_export_options_init (PbTimelineExportOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->from = PB_INSTANT_NONE;
  options->to = PB_INSTANT_NONE;
  options->as_of = PB_INSTANT_NONE;
}

gboolean
pb_timeline_format_from_path (const char *path, PbTimelineFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);
  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = PB_TIMELINE_FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = PB_TIMELINE_FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = PB_TIMELINE_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static double
title_height (const PbTimelineExportOptions *options)
{
  return options->title != NULL && *options->title != '\0' ? TITLE_HEIGHT : 0;
}

void
pb_timeline_export_get_size (PbTimeline *timeline, const PbTimelineExportOptions *options, int *width,
                             int *height)
{
  g_return_if_fail (PB_IS_TIMELINE (timeline));
  g_return_if_fail (options != NULL && width != NULL && height != NULL);

  *width = options->width > 0 ? options->width : PB_TIMELINE_EXPORT_WIDTH;
  /* Every lane, with a little room below the last. */
  *height = (int) ceil (title_height (options) + PB_TIMELINE_RULER_HEIGHT
                        + MAX (pb_timeline_get_content_height (timeline), 24.0) + 8);
}

static gboolean
check_options (PbTimeline *timeline, const PbTimelineExportOptions *options, PbTimelineFormat format,
               PbInstant *from, PbInstant *to, GError **error)
{
  int width, height;

  pb_timeline_export_get_size (timeline, options, &width, &height);
  if (width < MIN_WIDTH || width > MAX_WIDTH)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("the width must be between %d and %d, not %d"),
                   MIN_WIDTH, MAX_WIDTH, width);
      return FALSE;
    }
  if (format == PB_TIMELINE_FORMAT_PNG && height > MAX_PNG_SIDE)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                   _("the timeline is %d pixels tall, more than a PNG can hold (%d): export SVG or PDF"),
                   height, MAX_PNG_SIDE);
      return FALSE;
    }

  if (!pb_timeline_get_extent (timeline, from, to))
    {
      /* Nothing happened: a day around the as-of instant, or 2020. */
      *from = options->as_of != PB_INSTANT_NONE ? options->as_of - PB_SECONDS_PER_DAY
                                                : pb_time_from_parts (2020, 1, 1, 0, 0, 0);
      *to = *from + 2 * PB_SECONDS_PER_DAY;
    }
  if (options->from != PB_INSTANT_NONE)
    *from = options->from;
  if (options->to != PB_INSTANT_NONE)
    *to = options->to;
  if (options->from != PB_INSTANT_NONE && options->to == PB_INSTANT_NONE && *to <= *from)
    *to = *from + MAX (PB_TIMELINE_MIN_SPAN, (gint64) PB_SECONDS_PER_DAY);
  if (options->to != PB_INSTANT_NONE && options->from == PB_INSTANT_NONE && *from >= *to)
    *from = *to - MAX (PB_TIMELINE_MIN_SPAN, (gint64) PB_SECONDS_PER_DAY);
  if (*to - *from < PB_TIMELINE_MIN_SPAN)
    {
      g_autofree char *a = pb_time_format (*from);
      g_autofree char *b = pb_time_format (*to);

      g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                   _("the span from %s to %s is empty or shorter than ten minutes"), a, b);
      return FALSE;
    }
  pb_timeline_span_clamp (from, to);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* SVG text                                                           */

static void
append_number (GString *out, const char *name, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, " %s=\"%s\"", name, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
collect_text (const PbTimelineTextRun *run, gpointer user_data)
{
  GString *out = user_data;
  g_autofree char *text = g_markup_escape_text (run->text, -1);

  g_string_append (out, "<text");
  append_number (out, "x", run->x);
  append_number (out, "y", run->baseline);
  append_number (out, "font-size", run->size);
  if (run->bold)
    g_string_append (out, " font-weight=\"600\"");
  g_string_append_printf (out, " fill=\"#%02x%02x%02x\"", (int) lround (run->color.red * 255),
                          (int) lround (run->color.green * 255), (int) lround (run->color.blue * 255));
  if (run->color.alpha < 1)
    append_number (out, "fill-opacity", run->color.alpha);
  g_string_append_printf (out, ">%s</text>\n", text);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */

static void
draw_title (cairo_t *cr, const PbTimelinePalette *palette, const char *title, double width,
            PbTimelineTextFunc text_func, gpointer user_data)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (PB_TIMELINE_FONT_FAMILY);
  const PbTimelineColor *color = &palette->colors[PB_TIMELINE_ROLE_FOREGROUND];
  int text_height;

  pango_font_description_set_absolute_size (font, TITLE_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, title, -1);
  pango_layout_get_size (layout, NULL, &text_height);

  cairo_save (cr);
  cairo_set_source_rgba (cr, palette->colors[PB_TIMELINE_ROLE_BACKGROUND].red,
                         palette->colors[PB_TIMELINE_ROLE_BACKGROUND].green,
                         palette->colors[PB_TIMELINE_ROLE_BACKGROUND].blue, 1);
  cairo_rectangle (cr, 0, 0, width, TITLE_HEIGHT);
  cairo_fill (cr);
  if (text_func != NULL)
    {
      PbTimelineTextRun run = {
        10, (TITLE_HEIGHT - text_height / (double) PANGO_SCALE) / 2
              + pango_layout_get_baseline (layout) / (double) PANGO_SCALE,
        TITLE_SIZE, TRUE, *color, title,
      };

      text_func (&run, user_data);
    }
  else
    {
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
      cairo_move_to (cr, 10, (TITLE_HEIGHT - text_height / (double) PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

static void
draw (PbTimeline *timeline, const PbTimelineExportOptions *options, cairo_t *cr, int width, int height,
      PbInstant from, PbInstant to, PbTimelineTextFunc text_func, gpointer user_data)
{
  PbTimelinePalette palette;
  PbTimelineOverlay overlay = { options->as_of, NULL };
  double top = title_height (options);
  PbTimelineViewport viewport = {
    from, to, width, height - top, pb_timeline_render_label_width (timeline, cr),
    PB_TIMELINE_RULER_HEIGHT, 0,
  };

  pb_timeline_palette_init_document (&palette);
  if (top > 0)
    draw_title (cr, &palette, options->title, width, text_func, user_data);
  cairo_save (cr);
  cairo_translate (cr, 0, top);
  pb_timeline_render_full (timeline, cr, &viewport, &palette, &overlay, PB_TIMELINE_PART_ALL, text_func,
                           user_data);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t status, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, PB_ERROR, PB_ERROR_INTERNAL, _("drawing the timeline failed: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

/* cairo's SVG ends with "</svg>": the text goes in just before. */
static GBytes *
finish_svg (GByteArray *svg, GString *text)
{
  static const char end[] = "</svg>";
  gsize at = svg->len;
  GString *out;

  for (gsize i = svg->len >= strlen (end) ? svg->len - strlen (end) + 1 : 0; i-- > 0;)
    if (memcmp (svg->data + i, end, strlen (end)) == 0)
      {
        at = i;
        break;
      }
  out = g_string_new_len ((const char *) svg->data, at);
  g_string_append (out, "<g font-family=\"" PB_TIMELINE_FONT_FAMILY "\">\n");
  g_string_append_len (out, text->str, text->len);
  g_string_append (out, "</g>\n");
  g_string_append_len (out, (const char *) svg->data + at, svg->len - at);
  return g_string_free_to_bytes (out);
}

GBytes *
pb_timeline_export_to_bytes (PbTimeline *timeline, const PbTimelineExportOptions *options,
                             PbTimelineFormat format, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  PbInstant from, to;
  int width, height;

  g_return_val_if_fail (PB_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_options (timeline, options, format, &from, &to, error))
    return NULL;
  pb_timeline_export_get_size (timeline, options, &width, &height);

  switch (format)
    {
    case PB_TIMELINE_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case PB_TIMELINE_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case PB_TIMELINE_FORMAT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pricebook");
      if (options->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
      break;
    }
  cr = cairo_create (surface);
  draw (timeline, options, cr, width, height, from, to,
        format == PB_TIMELINE_FORMAT_SVG ? collect_text : NULL, text);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == PB_TIMELINE_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_cairo (status, error))
    return NULL;

  if (format == PB_TIMELINE_FORMAT_SVG)
    return finish_svg (bytes, text);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
pb_timeline_export_to_file (PbTimeline *timeline, const PbTimelineExportOptions *options, const char *path,
                            GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PbTimelineFormat format;
  gsize size;
  const char *data;

  g_return_val_if_fail (PB_IS_TIMELINE (timeline), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);

  if (!pb_timeline_format_from_path (path, &format))
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                   _("%s: unknown format; the name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  bytes = pb_timeline_export_to_bytes (timeline, options, format, error);
  if (bytes == NULL)
    return pb_export_failed (path, error);
  data = g_bytes_get_data (bytes, &size);
  return pb_export_write_file (path, data, (gssize) size, error);
}
