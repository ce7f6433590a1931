/* pb-quote-document.c: the quote as the customer receives it, on A4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a column of blocks (header, customer, table head, one
 * block per line, totals, the amount in words, terms, the figure).  Each
 * block is measured once, then the blocks are poured onto pages: a block
 * never splits, a heading stays with what follows it, and a page that
 * continues the line table starts with the table's head again.  Drawing a
 * page shapes its text again at the positions found then; measuring and
 * drawing use the same unhinted metrics, so both agree on every surface.
 */
#define G_LOG_DOMAIN "pb-quote-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pb-error.h"
#include "pb-export-file.h"
#include "pb-lifecycle.h"
#include "pb-money.h"
#include "pb-pricing.h"
#include "pb-projection.h"
#include "pb-quote-document.h"
#include "pb-timeline-private.h"
#include "pb-timeline-render.h"
#include "pb-translation.h"

/* A Chinese document's text is set in the CJK font (its punctuation and
 * Latin included), an English one's in a Latin font with Han characters
 * from the CJK font: see PB_TIMELINE_FONT_FAMILY_LATIN for why that also
 * keeps the PDF small.  The figure follows the same choice. */
#define FONT_FAMILY_CHINESE PB_TIMELINE_FONT_FAMILY
#define FONT_FAMILY_ENGLISH PB_TIMELINE_FONT_FAMILY_LATIN

/* Geometry, in points. */
#define MARGIN_X      48.0
#define MARGIN_TOP    46.0
#define CONTENT_WIDTH (PB_QUOTE_DOCUMENT_PAGE_WIDTH - 2 * MARGIN_X)
#define RUNNING_HEAD  26.0   /* pages after the first: the quote's name on top */
#define FOOTER_Y      (PB_QUOTE_DOCUMENT_PAGE_HEIGHT - 30.0)
#define CONTENT_BOTTOM (PB_QUOTE_DOCUMENT_PAGE_HEIGHT - 52.0)
#define CELL_PAD_X    4.0
#define CELL_PAD_Y    4.5

#define SIZE_BODY     8.5
#define SIZE_SMALL    7.5
#define SIZE_TITLE    21.0
#define SIZE_COMPANY  13.0
#define SIZE_HEADING  10.5
#define SIZE_TOTAL    11.0

/* The figure's timeline is laid out this wide (in its own units, the
 * screen's pixels) and scaled to the column. */
#define FIGURE_UNITS  780.0
#define MIN_FIGURE_SCALE 0.5
/* More items than a page holds lanes even at MIN_FIGURE_SCALE: the figure
 * projects no more, so that it costs what is drawn, not what is counted
 * (a quote of 1,000 items of 100,000 codes once took 4 GiB). */
#define FIGURE_MAX_ITEMS 48

/* The line table's columns: number, description, rule, quantity, list
 * unit price, amount.  The description takes what the others leave. */
enum { COL_NO, COL_DESCRIPTION, COL_RULE, COL_QUANTITY, COL_UNIT_PRICE, COL_AMOUNT, N_COLS };
static const double fixed_width[N_COLS] = { 28, 0, 38, 52, 80, 86 };

typedef struct { double r, g, b; } Rgb;
static const Rgb ink = { 0x1f / 255.0, 0x23 / 255.0, 0x28 / 255.0 };
static const Rgb dim = { 0x59 / 255.0, 0x63 / 255.0, 0x6e / 255.0 };
static const Rgb accent = { 0x1a / 255.0, 0x4b / 255.0, 0x7c / 255.0 };
static const Rgb hairline = { 0xc8 / 255.0, 0xd0 / 255.0, 0xd8 / 255.0 };
static const Rgb head_fill = { 0xe6 / 255.0, 0xed / 255.0, 0xf4 / 255.0 };
static const Rgb stripe = { 0xf6 / 255.0, 0xf8 / 255.0, 0xfa / 255.0 };

/* ------------------------------------------------------------------ */
/* The fixed words, in the quote's language                          */

typedef enum
{
  L_TITLE,
  L_QUOTE_NUMBER,
  L_DATE,
  L_VALID_UNTIL,
  L_STATUS,
  L_CUSTOMER,
  L_CONTACT,
  L_ENTERPRISE,
  L_SALES,
  L_PHONE,
  L_EMAIL,
  L_NO,
  L_DESCRIPTION,
  L_RULE,
  L_QUANTITY,
  L_UNIT_PRICE,
  L_AMOUNT,
  L_SUBTOTAL,
  L_DISCOUNT,
  L_TOTAL,
  L_IN_WORDS,
  L_TERMS,
  L_FIGURE,
  L_FIGURE_NOTE,
  L_CURRENCY_NOTE,
  L_LANES_SHOWN,
  L_DRAFT,
  L_SENT,
  L_ACCEPTED,
  L_REJECTED,
  L_FIGURE_LEFT_OUT,
  N_LABELS
} Label;

static const char * const labels_en[N_LABELS] = {
  [L_TITLE] = "Quotation",
  [L_QUOTE_NUMBER] = "Quote No.",
  [L_DATE] = "Date",
  [L_VALID_UNTIL] = "Valid until",
  [L_STATUS] = "Status",
  [L_CUSTOMER] = "Customer",
  [L_CONTACT] = "Contact",
  [L_ENTERPRISE] = "Enterprise customer",
  [L_SALES] = "Sales",
  [L_PHONE] = "Phone",
  [L_EMAIL] = "E-mail",
  [L_NO] = "No.",
  [L_DESCRIPTION] = "Description",
  [L_RULE] = "Rule",
  [L_QUANTITY] = "Quantity",
  [L_UNIT_PRICE] = "List unit price",
  [L_AMOUNT] = "Amount",
  [L_SUBTOTAL] = "Subtotal",
  [L_DISCOUNT] = "Discount",
  [L_TOTAL] = "Total",
  [L_IN_WORDS] = "Total in Chinese capitals (RMB)",
  [L_TERMS] = "Terms and assumptions",
  [L_FIGURE] = "Projected timeline",
  [L_FIGURE_NOTE] = "Everything quoted, bought on the quote date: base fee, activation codes and their "
                    "binding windows, numbers and minute packages.",
  [L_LANES_SHOWN] = "The figure shows %u of the %u items quoted: no more fit on a page.",
  [L_CURRENCY_NOTE] = "All amounts in Chinese yuan (CNY); list prices, each amount list price × quantity.",
  [L_DRAFT] = "Draft",
  [L_SENT] = "Sent",
  [L_ACCEPTED] = "Accepted",
  [L_REJECTED] = "Rejected",
  [L_FIGURE_LEFT_OUT] = "The timeline is left out: the quote reaches beyond what Pricebook can replay (%s).",
};

static const char * const labels_zh[N_LABELS] = {
  [L_TITLE] = "报价单",
  [L_QUOTE_NUMBER] = "报价单号",
  [L_DATE] = "报价日期",
  [L_VALID_UNTIL] = "有效期至",
  [L_STATUS] = "状态",
  [L_CUSTOMER] = "客户",
  [L_CONTACT] = "联系人",
  [L_ENTERPRISE] = "企业客户",
  [L_SALES] = "销售",
  [L_PHONE] = "电话",
  [L_EMAIL] = "邮箱",
  [L_NO] = "序号",
  [L_DESCRIPTION] = "项目",
  [L_RULE] = "规则",
  [L_QUANTITY] = "数量",
  [L_UNIT_PRICE] = "目录单价",
  [L_AMOUNT] = "金额",
  [L_SUBTOTAL] = "小计",
  [L_DISCOUNT] = "折扣",
  [L_TOTAL] = "合计",
  [L_IN_WORDS] = "人民币大写",
  [L_TERMS] = "条款与假设",
  [L_FIGURE] = "预计时间线",
  [L_FIGURE_NOTE] = "按报价内容于报价日期购买：基础年费、激活码及其绑定期限、号码与分钟包。",
  [L_LANES_SHOWN] = "图中显示所报 %2$u 项中的 %1$u 项：一页只容得下这么多。",
  [L_CURRENCY_NOTE] = "金额单位：人民币元（CNY）；单价为目录价，金额 = 单价 × 数量。",
  [L_DRAFT] = "草稿",
  [L_SENT] = "已发送",
  [L_ACCEPTED] = "已接受",
  [L_REJECTED] = "已拒绝",
  [L_FIGURE_LEFT_OUT] = "未附时间线：报价内容超出了 Pricebook 能够推演的范围（%s）。",
};

/* ------------------------------------------------------------------ */
/* The document                                                       */

typedef enum
{
  BLOCK_HEADER,
  BLOCK_INFO,
  BLOCK_TABLE_HEAD,
  BLOCK_ROW,
  BLOCK_TOTALS,
  BLOCK_WORDS,
  BLOCK_HEADING,
  BLOCK_TERM,
  BLOCK_NOTE,
  BLOCK_FIGURE,
  BLOCK_SPACE,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  guint      index;       /* the row, term or heading it draws */
  double     height;
  gboolean   keep_next;   /* never the last block of a page */
  guint      page;
  double     y;
} Block;

typedef struct
{
  char   *number;         /* "1" */
  char   *description;
  char   *rule;
  char   *quantity;       /* "24" */
  char   *unit_price;     /* "¥50.00" */
  char   *amount;
} Row;

struct _PbQuoteDocument
{
  GObject          parent_instance;

  const char * const *labels;
  const char      *language;      /* pango's: "en" or "zh-cn" */
  PbSeller        *seller;
  char            *title;
  char            *number;
  char            *customer;
  char            *contact;
  gboolean         enterprise;
  char            *date;
  char            *valid_until;
  const char      *status;

  GPtrArray       *rows;          /* Row */
  char            *subtotal;
  char            *discount_label;
  char            *discount;      /* NULL: no discount */
  char            *total;
  char            *total_words;
  GPtrArray       *terms;         /* char *: the model's, numbered here */
  GPtrArray       *headings;      /* char * */

  PbTimeline      *timeline;      /* NULL: no figure */
  PbInstant        from, to;
  double           figure_scale;
  double           figure_units_height;
  guint            figure_lanes;
  guint            figure_lanes_shown;
  char            *figure_note;   /* when items are left out, or the whole figure */

  GArray          *blocks;        /* Block */
  GArray          *repeated_heads;/* Block: the table's head on continued pages */
  guint            n_pages;
};

G_DEFINE_FINAL_TYPE (PbQuoteDocument, pb_quote_document, G_TYPE_OBJECT)

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->number);
  g_free (row->description);
  g_free (row->rule);
  g_free (row->quantity);
  g_free (row->unit_price);
  g_free (row->amount);
  g_free (row);
}

static void
pb_quote_document_finalize (GObject *object)
{
  PbQuoteDocument *self = PB_QUOTE_DOCUMENT (object);

  g_clear_pointer (&self->seller, pb_seller_free);
  g_free (self->title);
  g_free (self->number);
  g_free (self->customer);
  g_free (self->contact);
  g_free (self->date);
  g_free (self->valid_until);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->subtotal);
  g_free (self->discount_label);
  g_free (self->discount);
  g_free (self->total);
  g_free (self->total_words);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_object (&self->timeline);
  g_free (self->figure_note);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->repeated_heads, g_array_unref);

  G_OBJECT_CLASS (pb_quote_document_parent_class)->finalize (object);
}

static void
pb_quote_document_class_init (PbQuoteDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_quote_document_finalize;
}

static void
pb_quote_document_init (PbQuoteDocument *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->terms = g_ptr_array_new_with_free_func (g_free);
  self->headings = g_ptr_array_new_with_free_func (g_free);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  self->repeated_heads = g_array_new (FALSE, TRUE, sizeof (Block));
}

static const char *
label (PbQuoteDocument *self, Label which)
{
  return self->labels[which];
}

/* "Label: value" in English, "标签：值" in Chinese. */
static char *
labelled (PbQuoteDocument *self, Label which, const char *value)
{
  if (self->labels == labels_zh)
    return g_strdup_printf ("%s：%s", label (self, which), value);
  return g_strdup_printf ("%s: %s", label (self, which), value);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* ------------------------------------------------------------------ */
/* Text                                                               */

typedef struct
{
  double          size;
  gboolean        bold;
  double          width;      /* 0: one line, no wrapping */
  PangoAlignment  align;
  gboolean        figures;    /* tabular figures, for amounts */
} Style;

/* The document's language travels with the cairo context it draws on. */
static cairo_user_data_key_t language_key;

static const char *
cr_language (cairo_t *cr)
{
  const char *language = cairo_get_user_data (cr, &language_key);

  return language != NULL ? language : "en";
}

static PangoLayout *
make_layout (cairo_t *cr, const char *text, const Style *style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *font = pango_font_description_from_string (g_str_equal (cr_language (cr), "en")
                                                                   ? FONT_FAMILY_ENGLISH
                                                                   : FONT_FAMILY_CHINESE);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the same widths on a PDF, a printer and a PNG. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* The document's language picks punctuation forms; Han characters come
   * from the Simplified Chinese font either way. */
  pango_context_set_language (context, pango_language_from_string (cr_language (cr)));
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, style->size * PANGO_SCALE);
  pango_font_description_set_weight (font, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (style->width > 0)
    {
      pango_layout_set_width (layout, (int) (style->width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, style->align);
  if (style->figures)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (cairo_t *cr, const char *text, const Style *style)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, style);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return height / (double) PANGO_SCALE;
}

static double
text_width (cairo_t *cr, const char *text, const Style *style)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, style);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return width / (double) PANGO_SCALE;
}

static void
set_rgb (cairo_t *cr, const Rgb *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

/* Draws @text with its top left (or, aligned, its box's) at @x, @y;
 * returns its height. */
static double
show_text (cairo_t *cr, double x, double y, const char *text, const Style *style, const Rgb *color)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, style);
  int height;

  set_rgb (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return height / (double) PANGO_SCALE;
}

static void
hline (cairo_t *cr, double x, double y, double width, double thickness, const Rgb *color)
{
  set_rgb (cr, color);
  cairo_rectangle (cr, x, y, width, thickness);
  cairo_fill (cr);
}

static void
fill_rect (cairo_t *cr, double x, double y, double width, double height, const Rgb *color)
{
  set_rgb (cr, color);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

/* ------------------------------------------------------------------ */
/* Blocks: measuring and drawing                                      */

static double
column_width (int column)
{
  double others = 0;

  if (column != COL_DESCRIPTION)
    return fixed_width[column];
  for (int c = 0; c < N_COLS; c++)
    others += fixed_width[c];
  return CONTENT_WIDTH - others;
}

static double
column_x (int column)
{
  double x = MARGIN_X;

  for (int c = 0; c < column; c++)
    x += column_width (c);
  return x;
}

static PangoAlignment
column_align (int column)
{
  return column >= COL_QUANTITY ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static Style
cell_style (int column, gboolean bold)
{
  Style style = { SIZE_BODY, bold, column_width (column) - 2 * CELL_PAD_X, column_align (column),
                  column >= COL_QUANTITY };

  if (column == COL_RULE || column == COL_NO)
    style.size = SIZE_SMALL;
  return style;
}

static const char *
row_cell (const Row *row, int column)
{
  switch (column)
    {
    case COL_NO: return row->number;
    case COL_DESCRIPTION: return row->description;
    case COL_RULE: return row->rule;
    case COL_QUANTITY: return row->quantity;
    case COL_UNIT_PRICE: return row->unit_price;
    case COL_AMOUNT: default: return row->amount;
    }
}

static const Label head_labels[N_COLS] = { L_NO, L_DESCRIPTION, L_RULE, L_QUANTITY, L_UNIT_PRICE, L_AMOUNT };

/* The left column of the header: the seller. */
static GPtrArray *
seller_lines (PbQuoteDocument *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const PbSeller *s = self->seller;

  if (s == NULL)
    return lines;
  if (is_set (s->contact))
    g_ptr_array_add (lines, labelled (self, L_SALES, s->contact));
  if (is_set (s->phone))
    g_ptr_array_add (lines, labelled (self, L_PHONE, s->phone));
  if (is_set (s->email))
    g_ptr_array_add (lines, labelled (self, L_EMAIL, s->email));
  return lines;
}

#define HEADER_LEFT_WIDTH (CONTENT_WIDTH * 0.58)

static double
header_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  Style company = { SIZE_COMPANY, TRUE, HEADER_LEFT_WIDTH, PANGO_ALIGN_LEFT, FALSE };
  Style small = { SIZE_SMALL + 0.5, FALSE, HEADER_LEFT_WIDTH, PANGO_ALIGN_LEFT, FALSE };
  Style title = { SIZE_TITLE, TRUE, CONTENT_WIDTH - HEADER_LEFT_WIDTH, PANGO_ALIGN_RIGHT, FALSE };
  Style number = { SIZE_BODY + 1, FALSE, CONTENT_WIDTH - HEADER_LEFT_WIDTH, PANGO_ALIGN_RIGHT, TRUE };
  g_autoptr(GPtrArray) lines = seller_lines (self);
  double left = 0, right = 0, x_right = MARGIN_X + HEADER_LEFT_WIDTH;

  if (self->seller != NULL && is_set (self->seller->company))
    {
      left += draw ? show_text (cr, MARGIN_X, y, self->seller->company, &company, &accent)
                   : text_height (cr, self->seller->company, &company);
      left += 3;
    }
  for (guint i = 0; i < lines->len; i++)
    left += draw ? show_text (cr, MARGIN_X, y + left, lines->pdata[i], &small, &dim)
                 : text_height (cr, lines->pdata[i], &small);

  right += draw ? show_text (cr, x_right, y, label (self, L_TITLE), &title, &ink)
                : text_height (cr, label (self, L_TITLE), &title);
  right += draw ? show_text (cr, x_right, y + right, self->number, &number, &dim)
                : text_height (cr, self->number, &number);

  if (draw)
    hline (cr, MARGIN_X, y + MAX (left, right) + 8, CONTENT_WIDTH, 1.6, &accent);
  return MAX (left, right) + 8 + 1.6;
}

#define INFO_LEFT_WIDTH  (CONTENT_WIDTH * 0.55)
#define INFO_KEY_WIDTH   66.0

static double
info_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  Style caption = { SIZE_SMALL, TRUE, INFO_LEFT_WIDTH - 12, PANGO_ALIGN_LEFT, FALSE };
  Style name = { SIZE_TOTAL, TRUE, INFO_LEFT_WIDTH - 12, PANGO_ALIGN_LEFT, FALSE };
  Style body = { SIZE_BODY, FALSE, INFO_LEFT_WIDTH - 12, PANGO_ALIGN_LEFT, FALSE };
  double right_x = MARGIN_X + INFO_LEFT_WIDTH;
  double right_width = CONTENT_WIDTH - INFO_LEFT_WIDTH;
  Style key = { SIZE_BODY, FALSE, INFO_KEY_WIDTH, PANGO_ALIGN_LEFT, FALSE };
  Style value = { SIZE_BODY, TRUE, right_width - INFO_KEY_WIDTH, PANGO_ALIGN_RIGHT, TRUE };
  struct { Label key; const char *value; } facts[] = {
    { L_QUOTE_NUMBER, self->number },
    { L_DATE, self->date },
    { L_VALID_UNTIL, self->valid_until },
    { L_STATUS, self->status },
  };
  double left = 0, right = 0;

  left += draw ? show_text (cr, MARGIN_X, y, label (self, L_CUSTOMER), &caption, &accent)
               : text_height (cr, label (self, L_CUSTOMER), &caption);
  left += 3;
  left += draw ? show_text (cr, MARGIN_X, y + left, self->customer, &name, &ink)
               : text_height (cr, self->customer, &name);
  left += 2;
  if (is_set (self->contact))
    {
      g_autofree char *text = labelled (self, L_CONTACT, self->contact);

      left += draw ? show_text (cr, MARGIN_X, y + left, text, &body, &ink) : text_height (cr, text, &body);
    }
  if (self->enterprise)
    left += draw ? show_text (cr, MARGIN_X, y + left, label (self, L_ENTERPRISE), &body, &dim)
                 : text_height (cr, label (self, L_ENTERPRISE), &body);

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      double h = MAX (text_height (cr, label (self, facts[i].key), &key),
                      text_height (cr, facts[i].value, &value)) + 6;

      if (draw)
        {
          show_text (cr, right_x, y + right + 3, label (self, facts[i].key), &key, &dim);
          show_text (cr, right_x + INFO_KEY_WIDTH, y + right + 3, facts[i].value, &value, &ink);
          if (i + 1 < G_N_ELEMENTS (facts))
            hline (cr, right_x, y + right + h, right_width, 0.5, &hairline);
        }
      right += h;
    }
  return MAX (left, right);
}

static double
table_head_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  double height = 0;

  for (int c = 0; c < N_COLS; c++)
    {
      Style style = cell_style (c, TRUE);

      style.size = SIZE_SMALL + 0.5;
      style.figures = FALSE;
      height = MAX (height, text_height (cr, label (self, head_labels[c]), &style));
    }
  height += 2 * CELL_PAD_Y;
  if (draw)
    {
      fill_rect (cr, MARGIN_X, y, CONTENT_WIDTH, height, &head_fill);
      hline (cr, MARGIN_X, y + height - 0.8, CONTENT_WIDTH, 0.8, &accent);
      for (int c = 0; c < N_COLS; c++)
        {
          Style style = cell_style (c, TRUE);

          style.size = SIZE_SMALL + 0.5;
          style.figures = FALSE;
          show_text (cr, column_x (c) + CELL_PAD_X, y + CELL_PAD_Y, label (self, head_labels[c]), &style, &ink);
        }
    }
  return height;
}

static double
row_block (PbQuoteDocument *self, cairo_t *cr, guint index, double y, gboolean draw)
{
  const Row *row = g_ptr_array_index (self->rows, index);
  double height = 0;

  for (int c = 0; c < N_COLS; c++)
    {
      Style style = cell_style (c, FALSE);

      height = MAX (height, text_height (cr, row_cell (row, c), &style));
    }
  height += 2 * CELL_PAD_Y;
  if (draw)
    {
      if (index % 2 == 1)
        fill_rect (cr, MARGIN_X, y, CONTENT_WIDTH, height, &stripe);
      hline (cr, MARGIN_X, y + height - 0.4, CONTENT_WIDTH, 0.4, &hairline);
      for (int c = 0; c < N_COLS; c++)
        {
          Style style = cell_style (c, FALSE);
          /* The small columns sit on the body text's baseline. */
          double nudge = style.size < SIZE_BODY ? (SIZE_BODY - style.size) * 0.9 : 0;

          show_text (cr, column_x (c) + CELL_PAD_X, y + CELL_PAD_Y + nudge, row_cell (row, c), &style,
                     c == COL_RULE || c == COL_NO ? &dim : &ink);
        }
    }
  return height;
}

#define TOTALS_WIDTH 250.0

static double
totals_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  double x = MARGIN_X + CONTENT_WIDTH - TOTALS_WIDTH;
  struct { const char *key; const char *value; gboolean strong; } rows[3];
  guint n = 0;
  double height = 6;

  rows[n++] = (typeof (rows[0])) { label (self, L_SUBTOTAL), self->subtotal, FALSE };
  if (self->discount != NULL)
    rows[n++] = (typeof (rows[0])) { self->discount_label, self->discount, FALSE };
  rows[n++] = (typeof (rows[0])) { label (self, L_TOTAL), self->total, TRUE };

  for (guint i = 0; i < n; i++)
    {
      Style key = { rows[i].strong ? SIZE_TOTAL : SIZE_BODY, rows[i].strong, TOTALS_WIDTH * 0.45,
                    PANGO_ALIGN_LEFT, FALSE };
      Style value = { rows[i].strong ? SIZE_TOTAL : SIZE_BODY, rows[i].strong,
                      TOTALS_WIDTH * 0.55 - CELL_PAD_X, PANGO_ALIGN_RIGHT, TRUE };
      double h = MAX (text_height (cr, rows[i].key, &key), text_height (cr, rows[i].value, &value)) + 7;

      if (draw)
        {
          if (rows[i].strong)
            hline (cr, x, y + height, TOTALS_WIDTH, 1.2, &accent);
          show_text (cr, x + CELL_PAD_X, y + height + 3.5, rows[i].key, &key, rows[i].strong ? &accent : &dim);
          show_text (cr, x + TOTALS_WIDTH * 0.45, y + height + 3.5, rows[i].value, &value,
                     rows[i].strong ? &accent : &ink);
        }
      height += h;
    }
  return height;
}

static double
words_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  Style key = { SIZE_BODY, TRUE, 0, PANGO_ALIGN_LEFT, FALSE };
  Style value = { SIZE_BODY + 1, TRUE, 0, PANGO_ALIGN_LEFT, FALSE };
  g_autofree char *caption = g_strdup_printf (self->labels == labels_zh ? "%s：" : "%s:", label (self, L_IN_WORDS));
  double caption_width = text_width (cr, caption, &key) + 6;
  double height;

  value.width = CONTENT_WIDTH - 2 * 8 - caption_width;
  height = MAX (text_height (cr, caption, &key), text_height (cr, self->total_words, &value)) + 2 * 6;
  if (draw)
    {
      fill_rect (cr, MARGIN_X, y, CONTENT_WIDTH, height, &head_fill);
      fill_rect (cr, MARGIN_X, y, 2.5, height, &accent);
      show_text (cr, MARGIN_X + 8, y + 6 + 0.8, caption, &key, &dim);
      show_text (cr, MARGIN_X + 8 + caption_width, y + 6, self->total_words, &value, &ink);
    }
  return height;
}

static double
heading_block (PbQuoteDocument *self, cairo_t *cr, guint index, double y, gboolean draw)
{
  Style style = { SIZE_HEADING, TRUE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE };
  const char *text = g_ptr_array_index (self->headings, index);
  double height = text_height (cr, text, &style) + 4;

  if (draw)
    {
      show_text (cr, MARGIN_X, y, text, &style, &accent);
      hline (cr, MARGIN_X, y + height, CONTENT_WIDTH, 0.6, &hairline);
    }
  return height + 5;
}

#define TERM_INDENT 16.0

static double
term_block (PbQuoteDocument *self, cairo_t *cr, guint index, double y, gboolean draw)
{
  Style number = { SIZE_BODY, FALSE, TERM_INDENT - 3, PANGO_ALIGN_RIGHT, TRUE };
  Style body = { SIZE_BODY, FALSE, CONTENT_WIDTH - TERM_INDENT - 4, PANGO_ALIGN_LEFT, FALSE };
  const char *text = g_ptr_array_index (self->terms, index);
  g_autofree char *n = g_strdup_printf ("%u.", index + 1);

  if (draw)
    {
      show_text (cr, MARGIN_X, y, n, &number, &dim);
      show_text (cr, MARGIN_X + TERM_INDENT + 4, y, text, &body, &ink);
    }
  return text_height (cr, text, &body) + 3.5;
}

static double
note_block (PbQuoteDocument *self, cairo_t *cr, guint index, double y, gboolean draw)
{
  Style style = { SIZE_SMALL, FALSE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE };
  const char *text = index == N_LABELS ? self->figure_note : label (self, (Label) index);

  return (draw ? show_text (cr, MARGIN_X, y, text, &style, &dim) : text_height (cr, text, &style)) + 4;
}

static double
figure_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  double height = self->figure_units_height * self->figure_scale;

  if (draw)
    {
      PbTimelinePalette palette;
      PbTimelineOverlay overlay = { PB_INSTANT_NONE, NULL };
      PbTimelineViewport viewport = { 0 };

      pb_timeline_palette_init_document (&palette);
      cairo_save (cr);
      cairo_rectangle (cr, MARGIN_X, y, CONTENT_WIDTH, height);
      cairo_clip (cr);
      cairo_translate (cr, MARGIN_X, y);
      cairo_scale (cr, self->figure_scale, self->figure_scale);
      viewport.from = self->from;
      viewport.to = self->to;
      viewport.width = CONTENT_WIDTH / self->figure_scale;
      viewport.height = self->figure_units_height;
      viewport.label_width = pb_timeline_render_label_width (self->timeline, cr);
      viewport.ruler_height = PB_TIMELINE_RULER_HEIGHT;
      pb_timeline_render (self->timeline, cr, &viewport, &palette, &overlay, PB_TIMELINE_PART_ALL);
      cairo_restore (cr);

      set_rgb (cr, &hairline);
      cairo_set_line_width (cr, 0.6);
      cairo_rectangle (cr, MARGIN_X, y, CONTENT_WIDTH, height);
      cairo_stroke (cr);
    }
  return height + 4;
}

static double
block_draw (PbQuoteDocument *self, cairo_t *cr, const Block *block, double y, gboolean draw)
{
  switch (block->kind)
    {
    case BLOCK_HEADER: return header_block (self, cr, y, draw);
    case BLOCK_INFO: return info_block (self, cr, y, draw);
    case BLOCK_TABLE_HEAD: return table_head_block (self, cr, y, draw);
    case BLOCK_ROW: return row_block (self, cr, block->index, y, draw);
    case BLOCK_TOTALS: return totals_block (self, cr, y, draw);
    case BLOCK_WORDS: return words_block (self, cr, y, draw);
    case BLOCK_HEADING: return heading_block (self, cr, block->index, y, draw);
    case BLOCK_TERM: return term_block (self, cr, block->index, y, draw);
    case BLOCK_NOTE: return note_block (self, cr, block->index, y, draw);
    case BLOCK_FIGURE: return figure_block (self, cr, y, draw);
    case BLOCK_SPACE: default: return block->height;
    }
}

/* ------------------------------------------------------------------ */
/* Laying out                                                         */

static double
page_top (guint page)
{
  return page == 0 ? MARGIN_TOP : MARGIN_TOP + RUNNING_HEAD;
}

static void
add_block (PbQuoteDocument *self, BlockKind kind, guint index, gboolean keep_next)
{
  Block block = { kind, index, 0, keep_next, 0, 0 };

  g_array_append_val (self->blocks, block);
}

static void
add_space (PbQuoteDocument *self, double height)
{
  Block block = { BLOCK_SPACE, 0, height, FALSE, 0, 0 };

  g_array_append_val (self->blocks, block);
}

static void
paginate (PbQuoteDocument *self, cairo_t *cr)
{
  Block *blocks = (Block *) (void *) self->blocks->data;
  Block head = { BLOCK_TABLE_HEAD, 0, 0, FALSE, 0, 0 };
  gboolean in_table = FALSE;
  guint page = 0;
  double y = page_top (0);

  for (guint i = 0; i < self->blocks->len; i++)
    if (blocks[i].kind != BLOCK_SPACE)
      blocks[i].height = block_draw (self, cr, &blocks[i], 0, FALSE);
  head.height = block_draw (self, cr, &head, 0, FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &blocks[i];
      double need = block->height;

      if (block->kind == BLOCK_SPACE)
        {
          /* Space at the top of a page is wasted: drop it. */
          block->page = page;
          block->y = y;
          if (y > page_top (page))
            y += block->height;
          continue;
        }
      for (guint j = i; blocks[j].keep_next && j + 1 < self->blocks->len; j++)
        {
          guint k = j + 1;

          while (k < self->blocks->len && blocks[k].kind == BLOCK_SPACE)
            k++;
          if (k >= self->blocks->len)
            break;
          need += blocks[k].height;
          j = k - 1;
          if (!blocks[k].keep_next)
            break;
        }
      if (block->kind == BLOCK_TABLE_HEAD)
        in_table = TRUE;
      else if (block->kind != BLOCK_ROW)
        in_table = FALSE;

      if (y + need > CONTENT_BOTTOM && y > page_top (page) + 0.01)
        {
          page++;
          y = page_top (page);
          if (in_table && block->kind == BLOCK_ROW)
            {
              head.page = page;
              head.y = y;
              g_array_append_val (self->repeated_heads, head);
              y += head.height;
            }
        }
      block->page = page;
      block->y = y;
      y += block->height;
    }
  self->n_pages = page + 1;
}

/* ------------------------------------------------------------------ */
/* Building                                                           */

static const char *
status_word (PbQuoteDocument *self, PbQuoteStatus status)
{
  switch (status)
    {
    case PB_QUOTE_STATUS_SENT: return label (self, L_SENT);
    case PB_QUOTE_STATUS_ACCEPTED: return label (self, L_ACCEPTED);
    case PB_QUOTE_STATUS_REJECTED: return label (self, L_REJECTED);
    case PB_QUOTE_STATUS_DRAFT: default: return label (self, L_DRAFT);
    }
}

/* The key of the timeline lane that shows quote item @item, bought under
 * @subject (a base fee's lane is its gifted code's). */
static char *
item_lane_key (PbQuoteItem *item, const char *subject)
{
  switch (pb_quote_item_get_kind (item))
    {
    case PB_ITEM_KIND_NUMBERS: return g_strconcat ("number:", subject, NULL);
    case PB_ITEM_KIND_FIXED_PACKAGE:
    case PB_ITEM_KIND_CUSTOM_PACKAGE: return g_strconcat ("package:", subject, NULL);
    case PB_ITEM_KIND_BASE_FEE:
    case PB_ITEM_KIND_CODE:
    case PB_ITEM_KIND_EXPANSION:
    default: return g_strconcat ("code:", subject, NULL);
    }
}

/* How many of the quote's items the figure shows, of how many it could:
 * an expansion is never drawn (the projection does not know the code). */
static void
count_items_shown (PbQuoteDocument *self, PbQuote *quote, PbProjection *projection, PbTimeline *timeline,
                   guint *shown, guint *total)
{
  *shown = *total = 0;
  for (guint i = 0; i < pb_quote_get_n_items (quote); i++)
    {
      PbQuoteItem *item = pb_quote_get_item (quote, i);
      const char *subject = pb_projection_get_item_subject (projection, i);
      g_autofree char *key = NULL;
      gint lane;

      if (pb_quote_item_get_kind (item) == PB_ITEM_KIND_EXPANSION)
        continue;
      ++*total;
      if (subject == NULL)
        continue;
      key = item_lane_key (item, subject);
      lane = pb_timeline_find_lane (timeline, key);
      if (lane >= 0 && (guint) lane < self->figure_lanes_shown)
        ++*shown;
    }
}

/* As wide as the column and never taller than a page can hold: a timeline
 * of many lanes is shrunk down to MIN_FIGURE_SCALE, then only the lanes
 * that fit are shown. */
static void
fit_figure (PbQuoteDocument *self, PbTimeline *timeline)
{
  double max_height = CONTENT_BOTTOM - page_top (1) - 80;
  double scale = CONTENT_WIDTH / FIGURE_UNITS;

  self->figure_units_height = PB_TIMELINE_RULER_HEIGHT + pb_timeline_get_content_height (timeline) + 6;
  if (self->figure_units_height * scale > max_height)
    scale = MAX (max_height / self->figure_units_height, MIN_FIGURE_SCALE);
  self->figure_scale = scale;
  self->figure_lanes = pb_timeline_get_n_lanes (timeline);
  self->figure_lanes_shown = self->figure_lanes;
  if (self->figure_units_height * scale > max_height)
    {
      double room = max_height / scale - PB_TIMELINE_RULER_HEIGHT;

      self->figure_lanes_shown = 0;
      for (guint i = 0; i < self->figure_lanes; i++)
        {
          const PbTimelineLane *lane = pb_timeline_get_lane (timeline, i);

          if (lane->y + lane->height > room)
            break;
          self->figure_lanes_shown = i + 1;
          self->figure_units_height = PB_TIMELINE_RULER_HEIGHT + lane->y + lane->height;
        }
    }
}

/* The figure: the quote projected by the lifecycle engine, at most
 * FIGURE_MAX_ITEMS of its items.  A quote with nothing to show over time
 * has none; one the engine cannot replay says why instead. */
static void
build_figure (PbQuoteDocument *self, PbQuote *quote, PbCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbProjection) projection = NULL;
  g_autoptr(PbLifecycle) lifecycle = NULL;
  g_autoptr(PbTimeline) timeline = NULL;
  PbProjectionOptions options;
  guint shown, total;

  pb_projection_options_init (&options);
  options.max_items = FIGURE_MAX_ITEMS;
  projection = pb_projection_new (quote, catalog, &options, &error);
  if (projection != NULL)
    lifecycle = pb_lifecycle_replay_scenario (pb_projection_get_scenario (projection), PB_INSTANT_NONE, &error);
  if (lifecycle == NULL)
    {
      self->figure_note = g_strdup_printf (label (self, L_FIGURE_LEFT_OUT), error->message);
      return;
    }
  /* The figure's words are the quote's language too, not the program's. */
  timeline = pb_timeline_new_for_language (lifecycle, catalog,
                                           pb_quote_get_language (quote) == PB_QUOTE_LANGUAGE_ZH_CN
                                           ? PB_TRANSLATION_CHINESE : PB_TRANSLATION_ENGLISH);
  if (pb_timeline_get_n_lanes (timeline) == 0 || !pb_timeline_get_extent (timeline, &self->from, &self->to))
    return;
  fit_figure (self, timeline);
  count_items_shown (self, quote, projection, timeline, &shown, &total);
  if (shown < total)
    self->figure_note = g_strdup_printf (label (self, L_LANES_SHOWN), shown, total);
  self->timeline = g_steal_pointer (&timeline);
}

static void
build_rows (PbQuoteDocument *self, PbPricing *pricing)
{
  guint n = 0;

  for (guint i = 0; i < pricing->items->len; i++)
    {
      const PbPricedItem *item = g_ptr_array_index (pricing->items, i);

      for (guint j = 0; j < item->lines->len; j++)
        {
          const PbPriceLine *line = g_ptr_array_index (item->lines, j);
          Row *row = g_new0 (Row, 1);

          row->number = g_strdup_printf ("%u", ++n);
          row->description = g_strdup (line->description);
          row->rule = g_strdup (line->rule);
          row->quantity = pb_format_count (line->quantity);
          row->unit_price = pb_money_format_display (line->unit_price);
          row->amount = pb_money_format_display (line->amount);
          g_ptr_array_add (self->rows, row);
        }
    }
}

PbQuoteDocument *
pb_quote_document_new (PbQuote *quote, PbCatalog *catalog, const PbSeller *seller, GError **error)
{
  g_autoptr(PbQuoteDocument) self = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autofree char *percent = NULL;
  PbCustomer *customer;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (PB_IS_QUOTE (quote), NULL);
  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the model refuses a quote that breaks a rule, naming each. */
  if (!pb_pricing_compute (catalog, quote, &pricing, error))
    return NULL;

  self = g_object_new (PB_TYPE_QUOTE_DOCUMENT, NULL);
  self->labels = pb_quote_get_language (quote) == PB_QUOTE_LANGUAGE_ZH_CN ? labels_zh : labels_en;
  self->language = self->labels == labels_zh ? "zh-cn" : "en";
  self->seller = seller != NULL ? pb_seller_copy (seller) : NULL;
  self->number = g_strdup (pb_quote_get_number (quote));
  customer = pb_quote_get_customer (quote);
  self->customer = g_strdup (customer != NULL ? pb_customer_get_name (customer) : "");
  self->contact = g_strdup (customer != NULL ? pb_customer_get_contact (customer) : NULL);
  self->enterprise = customer != NULL && pb_customer_get_enterprise (customer);
  self->date = pb_time_format_date (pb_quote_get_date (quote));
  self->valid_until = pb_time_format_date (pb_time_add_days (pb_quote_get_date (quote),
                                                             (int) pb_quote_get_valid_days (quote)));
  self->status = status_word (self, pb_quote_get_status (quote));
  self->title = g_strdup_printf ("%s %s · %s", label (self, L_TITLE), self->number, self->customer);

  build_rows (self, pricing);
  self->subtotal = pb_money_format_display (pricing->subtotal);
  if (pricing->discount_percent != 0)
    {
      percent = pb_percent_format (pricing->discount_percent);
      self->discount_label = g_strdup_printf (self->labels == labels_zh ? "%s（%s%%）" : "%s (%s%%)",
                                              label (self, L_DISCOUNT), percent);
      self->discount = pb_money_format_display (-pricing->discount);
    }
  self->total = pb_money_format_display (pricing->total);
  self->total_words = pb_money_format_chinese (pricing->total);
  for (guint i = 0; i < pricing->terms->len; i++)
    {
      const PbQuoteTerm *term = g_ptr_array_index (pricing->terms, i);

      g_ptr_array_add (self->terms, g_strdup (term->text));
    }

  build_figure (self, quote, catalog);

  add_block (self, BLOCK_HEADER, 0, TRUE);
  add_space (self, 14);
  add_block (self, BLOCK_INFO, 0, FALSE);
  add_space (self, 18);
  add_block (self, BLOCK_NOTE, L_CURRENCY_NOTE, TRUE);
  add_block (self, BLOCK_TABLE_HEAD, 0, TRUE);
  for (guint i = 0; i < self->rows->len; i++)
    add_block (self, BLOCK_ROW, i, FALSE);
  add_block (self, BLOCK_TOTALS, 0, TRUE);
  add_space (self, 8);
  add_block (self, BLOCK_WORDS, 0, FALSE);
  if (self->terms->len > 0)
    {
      add_space (self, 20);
      g_ptr_array_add (self->headings, g_strdup (label (self, L_TERMS)));
      add_block (self, BLOCK_HEADING, self->headings->len - 1, TRUE);
      for (guint i = 0; i < self->terms->len; i++)
        add_block (self, BLOCK_TERM, i, FALSE);
    }
  if (self->timeline != NULL || self->figure_note != NULL)
    {
      add_space (self, 20);
      g_ptr_array_add (self->headings, g_strdup (label (self, L_FIGURE)));
      add_block (self, BLOCK_HEADING, self->headings->len - 1, TRUE);
      add_block (self, BLOCK_NOTE, L_FIGURE_NOTE, TRUE);
      if (self->timeline != NULL)
        add_block (self, BLOCK_FIGURE, 0, self->figure_note != NULL);
      if (self->figure_note != NULL)
        add_block (self, BLOCK_NOTE, N_LABELS, FALSE);
    }
  /* Measure on a surface that keeps nothing. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  cairo_set_user_data (cr, &language_key, (void *) self->language, NULL);
  paginate (self, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&self);
}

guint
pb_quote_document_get_n_pages (PbQuoteDocument *self)
{
  g_return_val_if_fail (PB_IS_QUOTE_DOCUMENT (self), 0);
  return self->n_pages;
}

const char *
pb_quote_document_get_title (PbQuoteDocument *self)
{
  g_return_val_if_fail (PB_IS_QUOTE_DOCUMENT (self), NULL);
  return self->title;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */

static void
draw_running_head (PbQuoteDocument *self, cairo_t *cr)
{
  Style left = { SIZE_SMALL, FALSE, CONTENT_WIDTH * 0.6, PANGO_ALIGN_LEFT, FALSE };
  Style right = { SIZE_SMALL, FALSE, CONTENT_WIDTH * 0.4, PANGO_ALIGN_RIGHT, FALSE };
  g_autofree char *text = g_strdup_printf ("%s %s", label (self, L_TITLE), self->number);

  show_text (cr, MARGIN_X, MARGIN_TOP, text, &left, &dim);
  show_text (cr, MARGIN_X + CONTENT_WIDTH * 0.6, MARGIN_TOP, self->customer, &right, &dim);
  hline (cr, MARGIN_X, MARGIN_TOP + RUNNING_HEAD - 10, CONTENT_WIDTH, 0.5, &hairline);
}

static void
draw_footer (PbQuoteDocument *self, cairo_t *cr, guint page)
{
  Style left = { SIZE_SMALL, FALSE, CONTENT_WIDTH * 0.7, PANGO_ALIGN_LEFT, FALSE };
  Style right = { SIZE_SMALL, FALSE, CONTENT_WIDTH * 0.3, PANGO_ALIGN_RIGHT, TRUE };
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, self->n_pages);
  g_autofree char *valid = labelled (self, L_VALID_UNTIL, self->valid_until);
  g_autofree char *line = g_strdup_printf ("%s · %s", self->number, valid);

  hline (cr, MARGIN_X, FOOTER_Y - 6, CONTENT_WIDTH, 0.5, &hairline);
  show_text (cr, MARGIN_X, FOOTER_Y, line, &left, &dim);
  show_text (cr, MARGIN_X + CONTENT_WIDTH * 0.7, FOOTER_Y, number, &right, &dim);
}

void
pb_quote_document_draw_page (PbQuoteDocument *self, cairo_t *cr, guint page)
{
  const Block *blocks;

  g_return_if_fail (PB_IS_QUOTE_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_user_data (cr, &language_key, (void *) self->language, NULL);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, PB_QUOTE_DOCUMENT_PAGE_WIDTH, PB_QUOTE_DOCUMENT_PAGE_HEIGHT);
  cairo_fill (cr);

  if (page > 0)
    draw_running_head (self, cr);
  blocks = (const Block *) (const void *) self->blocks->data;
  for (guint i = 0; i < self->blocks->len; i++)
    if (blocks[i].page == page && blocks[i].kind != BLOCK_SPACE)
      block_draw (self, cr, &blocks[i], blocks[i].y, TRUE);
  for (guint i = 0; i < self->repeated_heads->len; i++)
    {
      const Block *head = &g_array_index (self->repeated_heads, Block, i);

      if (head->page == page)
        block_draw (self, cr, head, head->y, TRUE);
    }
  draw_footer (self, cr, page);
  cairo_set_user_data (cr, &language_key, NULL, NULL);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* PDF                                                                */

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
seller_author (const PbSeller *seller)
{
  if (seller == NULL)
    return NULL;
  if (is_set (seller->company) && is_set (seller->contact))
    return g_strdup_printf ("%s · %s", seller->company, seller->contact);
  if (is_set (seller->company))
    return g_strdup (seller->company);
  if (is_set (seller->contact))
    return g_strdup (seller->contact);
  return NULL;
}

GBytes *
pb_quote_document_to_pdf (PbQuoteDocument *self, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *author = seller_author (self->seller);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (PB_IS_QUOTE_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PB_QUOTE_DOCUMENT_PAGE_WIDTH,
                                                 PB_QUOTE_DOCUMENT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pricebook");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, label (self, L_TITLE));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);
  for (guint page = 0; page < self->n_pages; page++)
    {
      pb_quote_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INTERNAL, _("drawing the quote document failed: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
pb_quote_document_export_pdf (PbQuoteDocument *self, const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (PB_IS_QUOTE_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = pb_quote_document_to_pdf (self, error);
  if (bytes == NULL)
    return pb_export_failed (path, error);
  data = g_bytes_get_data (bytes, &size);
  return pb_export_write_file (path, data, (gssize) size, error);
}
