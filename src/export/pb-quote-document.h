/* pb-quote-document.h: the quote as the customer receives it, on A4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is laid out once, when it is made, from a snapshot of the
 * quote: every number in it is the model's (pb_pricing_compute), every date
 * pb-time.h's.  It then draws any of its pages into a cairo context in
 * points on an A4 page (the PDF file and the window's printing share that
 * drawing), or writes itself as a PDF.
 *
 * The fixed labels follow the quote's language, not the user interface's.
 * Chinese documents are set in Noto Sans CJK SC (Debian: fonts-noto-cjk),
 * English ones in Noto Sans (fonts-noto-core) with Han characters from Noto
 * Sans CJK SC; pango falls back to any sans-serif font where one is not
 * installed.  Without a CJK font, Chinese text shows as missing glyphs.
 *
 * Threads: a document does not refer to the quote it was made from, so it
 * can be drawn or exported on another thread, one thread at a time.  Text
 * is shaped with pango's default cairo font map of the drawing thread,
 * which pango keeps for the thread's lifetime: fonts are set up once.
 */
#pragma once

#include <cairo.h>

#include "pb-catalog.h"
#include "pb-quote.h"
#include "pb-seller.h"

G_BEGIN_DECLS

/* A4 in points. */
#define PB_QUOTE_DOCUMENT_PAGE_WIDTH  595.2756
#define PB_QUOTE_DOCUMENT_PAGE_HEIGHT 841.8898

typedef enum
{
  /* What the customer receives: no rule column in the line table (the
   * rules stay in the terms). */
  PB_QUOTE_DOCUMENT_CUSTOMER_COPY = 0,
  /* For the seller's own files: the line table keeps its rule column, and
   * the header says the copy is not for the customer. */
  PB_QUOTE_DOCUMENT_INTERNAL      = 1 << 0,
} PbQuoteDocumentFlags;

#define PB_TYPE_QUOTE_DOCUMENT (pb_quote_document_get_type ())
G_DECLARE_FINAL_TYPE (PbQuoteDocument, pb_quote_document, PB, QUOTE_DOCUMENT, GObject)

/* Prices @quote and lays it out: the customer's copy.  A quote that breaks
 * a rule is never made into a document: PB_ERROR_RULE, naming each item
 * and rule.  @seller may be NULL; its logo (a PNG, at most 8 MiB and
 * 4096 × 4096 pixels) is read here: PB_ERROR_INPUT when it cannot be.  Call
 * it on the thread that owns @quote.  What the document would lack (no
 * customer name, no items) is pb_quote_get_missing()'s to say, before. */
PbQuoteDocument *pb_quote_document_new        (PbQuote          *quote,
                                               PbCatalog        *catalog,
                                               const PbSeller   *seller,
                                               GError          **error);
/* The same, with @flags: PB_QUOTE_DOCUMENT_INTERNAL for the internal copy. */
PbQuoteDocument *pb_quote_document_new_full   (PbQuote          *quote,
                                               PbCatalog        *catalog,
                                               const PbSeller   *seller,
                                               PbQuoteDocumentFlags flags,
                                               GError          **error);
guint            pb_quote_document_get_n_pages (PbQuoteDocument *self);
/* "报价单 Q-2026-0042 · 杭州云帆网络科技有限公司": the PDF's title, and a
 * good name for a print job. */
const char      *pb_quote_document_get_title  (PbQuoteDocument  *self);
/* Draws page @page (0-based) in points, the page's top left corner at the
 * origin of @cr; paints its own white background.  For GtkPrintOperation:
 * set the number of pages from _get_n_pages and, in draw-page, call this
 * with the print context's cairo context (its unit: points). */
void             pb_quote_document_draw_page  (PbQuoteDocument  *self,
                                               cairo_t          *cr,
                                               guint             page);
/* The whole document as a PDF: fonts embedded, title, author (the seller)
 * and creation date set. */
GBytes          *pb_quote_document_to_pdf     (PbQuoteDocument  *self,
                                               GError          **error);
/* Writes the PDF to a temporary file beside @path and renames it into
 * place: @path is either the whole document or untouched. */
gboolean         pb_quote_document_export_pdf (PbQuoteDocument  *self,
                                               const char       *path,
                                               GError          **error);

G_END_DECLS
