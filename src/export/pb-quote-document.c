/* pb-quote-document.c: the quote as the customer receives it, on A4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a column of blocks (header, the quote's facts, seller
 * and buyer, table head, one block per line, totals with net, tax and gross,
 * the amount in words, payment terms, notes, terms, assumptions, the
 * signature and stamp block, the figure).  Each
 * block is measured once, then the blocks are poured onto pages: a block
 * never splits, a heading stays with what follows it, and a page that
 * continues the line table starts with the table's head again.  Drawing a
 * page shapes its text again at the positions found then; measuring and
 * drawing use the same unhinted metrics, so both agree on every surface.
 */
#define G_LOG_DOMAIN "pb-quote-document"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pb-error.h"
#include "pb-export-file.h"
#include "pb-key-dates-text.h"
#include "pb-key-dates.h"
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
/* The draft watermark: a pale red, the only red on a page of text. */
#define WATERMARK_RED   (0xb0 / 255.0)
#define WATERMARK_GREEN (0x30 / 255.0)
#define WATERMARK_BLUE  (0x30 / 255.0)
#define WATERMARK_ALPHA 0.10

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
  [L_TERMS] = "Terms",
  [L_FIGURE] = "Projected timeline",
  [L_FIGURE_NOTE] = "Everything quoted, bought on the quote date: base fee, activation codes and their "
                    "binding windows, numbers and minute packages. Dashed: the use a code gives if bound "
                    "by its deadline, an assumption.",
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
  [L_TERMS] = "条款",
  [L_FIGURE] = "预计时间线",
  [L_FIGURE_NOTE] = "按报价内容于报价日期购买：基础年费、激活码及其绑定期限、号码与分钟包。"
                    "虚线：激活码按期绑定后的可用期（假设）。",
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
  BLOCK_FACTS,
  BLOCK_PARTIES,
  BLOCK_TABLE_HEAD,
  BLOCK_ROW,
  BLOCK_TOTALS,
  BLOCK_WORDS,
  BLOCK_HEADING,
  BLOCK_TERM,
  BLOCK_PARAGRAPH,
  BLOCK_ASSUMPTION,
  BLOCK_SIGNATURE,
  BLOCK_NOTE,
  BLOCK_FIGURE,
  BLOCK_KEY_HEAD,
  BLOCK_KEY_ROW,
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

/* A term or an assumption: its words, and the rule ID set small after them. */
typedef struct
{
  char   *text;           /* "No refunds … (EL-11)": body, then the rule */
  gsize   rule_bytes;     /* the length of the rule's part at the end */
} Term;

/* A line of the seller's or the buyer's details: "Tax ID", "9133…". */
typedef struct
{
  const char *key;
  char       *value;
} Detail;

/* A row of the key dates table: what to do (or what ends), when, and
 * which of the figure's codes or packages, with the rule set small. */
typedef struct
{
  char   *what;       /* "Bind codes by" */
  char   *when;       /* "2026-05-16 00:00" */
  char   *subjects;   /* "G1, C1 × 2 (EL-7)" */
  gsize   rule_bytes; /* the rule's part at the end of @subjects */
} KeyRow;

struct _PbQuoteDocument
{
  GObject          parent_instance;

  const char * const *labels;
  const char      *language;      /* pango's: "en" or "zh-cn" */
  const char      *translation;   /* pb_translate()'s: "en" or "zh_CN" */
  PbQuoteDocumentFlags flags;
  PbSeller        *seller;
  cairo_surface_t *logo;          /* NULL: none */
  char            *title;
  char            *number;        /* with its revision: "Q-2026-0917 rev. 2" */
  char            *customer;
  char            *date;
  char            *valid_until;
  const char      *status;
  gboolean         draft;         /* the watermark */
  GArray          *seller_details;/* Detail */
  GArray          *buyer_details; /* Detail */
  char            *currency_note;

  GPtrArray       *rows;          /* Row */
  char            *subtotal;
  char            *discount_label;
  char            *discount;      /* NULL: no discount */
  char            *total;
  char            *net;           /* */
  char            *tax_label;     /* "VAT (6 %)" */
  char            *tax;
  char            *gross;
  char            *total_words;   /* the gross in capitals */
  GPtrArray       *terms;         /* Term: the model's, numbered here */
  GPtrArray       *assumptions;   /* Term */
  GPtrArray       *paragraphs;    /* char *: payment terms and notes */
  GPtrArray       *headings;      /* char * */

  PbTimeline      *timeline;      /* NULL: no figure */
  PbInstant        from, to;
  double           figure_scale;
  double           figure_units_height;
  guint            figure_lanes;
  guint            figure_lanes_shown;
  char            *figure_note;   /* when items are left out, or the whole figure */
  GPtrArray       *key_dates;     /* KeyRow: the table under the figure */

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
key_row_free (gpointer data)
{
  KeyRow *row = data;

  g_free (row->what);
  g_free (row->when);
  g_free (row->subjects);
  g_free (row);
}

static void
term_free (gpointer data)
{
  Term *term = data;

  g_free (term->text);
  g_free (term);
}

static void
detail_clear (gpointer data)
{
  Detail *detail = data;

  g_free (detail->value);
}

static void
pb_quote_document_finalize (GObject *object)
{
  PbQuoteDocument *self = PB_QUOTE_DOCUMENT (object);

  g_clear_pointer (&self->seller, pb_seller_free);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_free (self->title);
  g_free (self->number);
  g_free (self->customer);
  g_free (self->date);
  g_free (self->valid_until);
  g_clear_pointer (&self->seller_details, g_array_unref);
  g_clear_pointer (&self->buyer_details, g_array_unref);
  g_free (self->currency_note);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->subtotal);
  g_free (self->discount_label);
  g_free (self->discount);
  g_free (self->total);
  g_free (self->net);
  g_free (self->tax_label);
  g_free (self->tax);
  g_free (self->gross);
  g_free (self->total_words);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->assumptions, g_ptr_array_unref);
  g_clear_pointer (&self->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_object (&self->timeline);
  g_free (self->figure_note);
  g_clear_pointer (&self->key_dates, g_ptr_array_unref);
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
  self->terms = g_ptr_array_new_with_free_func (term_free);
  self->assumptions = g_ptr_array_new_with_free_func (term_free);
  self->paragraphs = g_ptr_array_new_with_free_func (g_free);
  self->seller_details = g_array_new (FALSE, TRUE, sizeof (Detail));
  g_array_set_clear_func (self->seller_details, detail_clear);
  self->buyer_details = g_array_new (FALSE, TRUE, sizeof (Detail));
  g_array_set_clear_func (self->buyer_details, detail_clear);
  self->headings = g_ptr_array_new_with_free_func (g_free);
  self->key_dates = g_ptr_array_new_with_free_func (key_row_free);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  self->repeated_heads = g_array_new (FALSE, TRUE, sizeof (Block));
}

static const char *
label (PbQuoteDocument *self, Label which)
{
  return self->labels[which];
}

/* The words added for the quotation (issue 17), looked up in the quote's
 * language in the translations Pricebook carries (po/zh_CN.po), under a
 * context of their own: a document's "Account" is not the window's. */
#define DOC_CONTEXT "quote document"

static const char *
tr (PbQuoteDocument *self, const char *msgid)
{
  return pb_ptranslate (self->translation, DOC_CONTEXT, msgid);
}

static gboolean
chinese (PbQuoteDocument *self)
{
  return self->labels == labels_zh;
}

/* "Label: value" in English, "标签：值" in Chinese. */
static char *
labelled (PbQuoteDocument *self, Label which, const char *value)
{
  if (chinese (self))
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
  gsize           tail;       /* the last @tail bytes small and dim (a rule ID) */
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
  pango_layout_set_text (layout, text, -1);
  if (style->figures || style->tail > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      if (style->figures)
        pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
      if (style->tail > 0)
        {
          gsize length = strlen (text);
          PangoAttribute *size = pango_attr_size_new_absolute ((int) ((style->size - 1.5) * PANGO_SCALE));
          PangoAttribute *color = pango_attr_foreground_new (0x5959, 0x6363, 0x6e6e);

          size->start_index = color->start_index = (guint) (length - MIN (style->tail, length));
          size->end_index = color->end_index = (guint) length;
          pango_attr_list_insert (attrs, size);
          pango_attr_list_insert (attrs, color);
        }
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
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

/* The line table's columns.  The customer's copy has no rule column (the
 * rules stay in the terms); the internal copy keeps it. */
static gboolean
has_column (PbQuoteDocument *self, int column)
{
  return column != COL_RULE || (self->flags & PB_QUOTE_DOCUMENT_INTERNAL);
}

static double
column_width (PbQuoteDocument *self, int column)
{
  double others = 0;

  if (!has_column (self, column))
    return 0;
  if (column != COL_DESCRIPTION)
    return fixed_width[column];
  for (int c = 0; c < N_COLS; c++)
    if (has_column (self, c))
      others += fixed_width[c];
  return CONTENT_WIDTH - others;
}

static double
column_x (PbQuoteDocument *self, int column)
{
  double x = MARGIN_X;

  for (int c = 0; c < column; c++)
    x += column_width (self, c);
  return x;
}

static PangoAlignment
column_align (int column)
{
  return column >= COL_QUANTITY ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static Style
cell_style (PbQuoteDocument *self, int column, gboolean bold)
{
  Style style = { SIZE_BODY, bold, column_width (self, column) - 2 * CELL_PAD_X, column_align (column),
                  column >= COL_QUANTITY, 0 };

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

#define HEADER_LEFT_WIDTH (CONTENT_WIDTH * 0.58)
#define LOGO_HEIGHT       40.0
#define LOGO_MAX_WIDTH    110.0

/* The logo's scale to fit LOGO_HEIGHT × LOGO_MAX_WIDTH points, or 0. */
static double
logo_scale (PbQuoteDocument *self)
{
  double width, height;

  if (self->logo == NULL)
    return 0;
  width = cairo_image_surface_get_width (self->logo);
  height = cairo_image_surface_get_height (self->logo);
  return MIN (LOGO_HEIGHT / height, LOGO_MAX_WIDTH / width);
}

static void
draw_logo (PbQuoteDocument *self, cairo_t *cr, double x, double y, double scale)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* The letterhead: the seller's logo and name on the left; the title, the
 * number with its revision (and on the internal copy, a warning) on the
 * right; a rule under both. */
static double
header_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  double scale = logo_scale (self);
  double logo_width = scale > 0 ? cairo_image_surface_get_width (self->logo) * scale + 10 : 0;
  Style company = { SIZE_COMPANY, TRUE, HEADER_LEFT_WIDTH - logo_width, PANGO_ALIGN_LEFT, FALSE, 0 };
  Style title = { SIZE_TITLE, TRUE, CONTENT_WIDTH - HEADER_LEFT_WIDTH, PANGO_ALIGN_RIGHT, FALSE, 0 };
  Style number = { SIZE_BODY + 1, FALSE, CONTENT_WIDTH - HEADER_LEFT_WIDTH, PANGO_ALIGN_RIGHT, TRUE, 0 };
  Style internal = { SIZE_SMALL, TRUE, CONTENT_WIDTH - HEADER_LEFT_WIDTH, PANGO_ALIGN_RIGHT, FALSE, 0 };
  double left = scale > 0 ? cairo_image_surface_get_height (self->logo) * scale : 0;
  double right = 0, x_right = MARGIN_X + HEADER_LEFT_WIDTH, name = 0;

  if (self->seller != NULL && is_set (self->seller->company))
    {
      name = text_height (cr, self->seller->company, &company);
      if (draw)
        /* Centred on the logo, or at the top without one. */
        show_text (cr, MARGIN_X + logo_width, y + MAX (0, (left - name) / 2), self->seller->company, &company,
                   &accent);
    }
  if (draw && scale > 0)
    draw_logo (self, cr, MARGIN_X, y + MAX (0, (name - left) / 2), scale);
  left = MAX (left, name);

  right += draw ? show_text (cr, x_right, y, label (self, L_TITLE), &title, &ink)
                : text_height (cr, label (self, L_TITLE), &title);
  right += draw ? show_text (cr, x_right, y + right, self->number, &number, &dim)
                : text_height (cr, self->number, &number);
  if (self->flags & PB_QUOTE_DOCUMENT_INTERNAL)
    right += draw ? show_text (cr, x_right, y + right + 2, tr (self, "Internal copy: not for the customer"),
                               &internal, &accent) + 2
                  : text_height (cr, tr (self, "Internal copy: not for the customer"), &internal) + 2;

  if (draw)
    hline (cr, MARGIN_X, y + MAX (left, right) + 8, CONTENT_WIDTH, 1.6, &accent);
  return MAX (left, right) + 8 + 1.6;
}

/* The quote's facts in one band of four cells: number, date, validity,
 * status. */
static double
facts_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  const double cell = CONTENT_WIDTH / 4;
  Style key = { SIZE_SMALL, FALSE, cell - 2 * 8, PANGO_ALIGN_LEFT, FALSE, 0 };
  Style value = { SIZE_BODY + 0.5, TRUE, cell - 2 * 8, PANGO_ALIGN_LEFT, TRUE, 0 };
  struct { Label key; const char *value; } facts[] = {
    { L_QUOTE_NUMBER, self->number },
    { L_DATE, self->date },
    { L_VALID_UNTIL, self->valid_until },
    { L_STATUS, self->status },
  };
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    height = MAX (height, text_height (cr, label (self, facts[i].key), &key) + 2 +
                          text_height (cr, facts[i].value, &value));
  height += 2 * 6;
  if (!draw)
    return height;
  fill_rect (cr, MARGIN_X, y, CONTENT_WIDTH, height, &stripe);
  hline (cr, MARGIN_X, y + height - 0.6, CONTENT_WIDTH, 0.6, &hairline);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      double x = MARGIN_X + i * cell + 8;
      double h = show_text (cr, x, y + 6, label (self, facts[i].key), &key, &dim);

      show_text (cr, x, y + 6 + h + 2, facts[i].value, &value, &ink);
      if (i > 0)
        fill_rect (cr, MARGIN_X + i * cell, y + 5, 0.6, height - 10, &hairline);
    }
  return height;
}

#define PARTY_GAP   18.0
#define PARTY_WIDTH ((CONTENT_WIDTH - PARTY_GAP) / 2)
#define DETAIL_KEY  66.0

/* One party's column: its role (供方, 需方), its name, then its details,
 * key and value, each value wrapped beside its key. */
static double
party_column (PbQuoteDocument *self, cairo_t *cr, double x, double y, const char *role, const char *name,
              GArray *details, gboolean draw)
{
  Style caption = { SIZE_SMALL, TRUE, PARTY_WIDTH, PANGO_ALIGN_LEFT, FALSE, 0 };
  Style title = { SIZE_BODY + 2, TRUE, PARTY_WIDTH, PANGO_ALIGN_LEFT, FALSE, 0 };
  Style key = { SIZE_BODY - 0.5, FALSE, DETAIL_KEY - 4, PANGO_ALIGN_LEFT, FALSE, 0 };
  Style value = { SIZE_BODY, FALSE, PARTY_WIDTH - DETAIL_KEY, PANGO_ALIGN_LEFT, FALSE, 0 };
  double height = 0;

  height += draw ? show_text (cr, x, y, role, &caption, &accent) : text_height (cr, role, &caption);
  if (draw)
    hline (cr, x, y + height + 1.5, PARTY_WIDTH, 0.6, &accent);
  height += 5;
  if (is_set (name))
    height += (draw ? show_text (cr, x, y + height, name, &title, &ink) : text_height (cr, name, &title)) + 3;
  for (guint i = 0; i < details->len; i++)
    {
      const Detail *detail = &g_array_index (details, Detail, i);
      double h = MAX (text_height (cr, detail->key, &key), text_height (cr, detail->value, &value));

      if (draw)
        {
          /* The key sits on the value's first baseline. */
          show_text (cr, x, y + height + 0.4, detail->key, &key, &dim);
          show_text (cr, x + DETAIL_KEY, y + height, detail->value, &value, &ink);
        }
      height += h + 1.5;
    }
  return height;
}

/* Seller (供方) and buyer (需方) side by side, each with every detail given. */
static double
parties_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  const char *seller = self->seller != NULL ? self->seller->company : NULL;
  double left, right;

  left = party_column (self, cr, MARGIN_X, y, tr (self, "Seller"), seller, self->seller_details, draw);
  right = party_column (self, cr, MARGIN_X + PARTY_WIDTH + PARTY_GAP, y, tr (self, "Buyer"), self->customer,
                        self->buyer_details, draw);
  return MAX (left, right);
}

static double
table_head_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  double height = 0;

  for (int c = 0; c < N_COLS; c++)
    {
      Style style = cell_style (self, c, TRUE);

      if (!has_column (self, c))
        continue;
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
          Style style = cell_style (self, c, TRUE);

          if (!has_column (self, c))
            continue;
          style.size = SIZE_SMALL + 0.5;
          style.figures = FALSE;
          show_text (cr, column_x (self, c) + CELL_PAD_X, y + CELL_PAD_Y, label (self, head_labels[c]), &style,
                     &ink);
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
      Style style = cell_style (self, c, FALSE);

      if (has_column (self, c))
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
          Style style = cell_style (self, c, FALSE);
          /* The small columns sit on the body text's baseline. */
          double nudge = style.size < SIZE_BODY ? (SIZE_BODY - style.size) * 0.9 : 0;

          if (has_column (self, c))
            show_text (cr, column_x (self, c) + CELL_PAD_X, y + CELL_PAD_Y + nudge, row_cell (row, c), &style,
                       c == COL_RULE || c == COL_NO ? &dim : &ink);
        }
    }
  return height;
}

#define TOTALS_WIDTH 250.0

/* Subtotal, discount, then the total as net, tax and gross: the
 * gross is the amount to pay. */
static double
totals_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  double x = MARGIN_X + CONTENT_WIDTH - TOTALS_WIDTH;
  struct { const char *key; const char *value; gboolean strong; } rows[5];
  guint n = 0;
  double height = 6;

  rows[n++] = (typeof (rows[0])) { label (self, L_SUBTOTAL), self->subtotal, FALSE };
  if (self->discount != NULL)
    rows[n++] = (typeof (rows[0])) { self->discount_label, self->discount, FALSE };
  rows[n++] = (typeof (rows[0])) { tr (self, "Amount excl. tax"), self->net, FALSE };
  rows[n++] = (typeof (rows[0])) { self->tax_label, self->tax, FALSE };
  rows[n++] = (typeof (rows[0])) { tr (self, "Total incl. tax"), self->gross, TRUE };

  for (guint i = 0; i < n; i++)
    {
      Style key = { rows[i].strong ? SIZE_TOTAL : SIZE_BODY, rows[i].strong, TOTALS_WIDTH * 0.45,
                    PANGO_ALIGN_LEFT, FALSE, 0 };
      Style value = { rows[i].strong ? SIZE_TOTAL : SIZE_BODY, rows[i].strong,
                      TOTALS_WIDTH * 0.55 - CELL_PAD_X, PANGO_ALIGN_RIGHT, TRUE, 0 };
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
  Style key = { SIZE_BODY, TRUE, 0, PANGO_ALIGN_LEFT, FALSE, 0 };
  Style value = { SIZE_BODY + 1, TRUE, 0, PANGO_ALIGN_LEFT, FALSE, 0 };
  g_autofree char *caption = g_strdup_printf (chinese (self) ? "%s：" : "%s:", label (self, L_IN_WORDS));
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
  Style style = { SIZE_HEADING, TRUE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE, 0 };
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

/* A numbered term, or an assumption in smaller type; its rule ID small and
 * dim at the end. */
static double
term_block (PbQuoteDocument *self, cairo_t *cr, const Term *term, guint number, double size, double y,
            gboolean draw)
{
  Style digits = { size, FALSE, TERM_INDENT - 3, PANGO_ALIGN_RIGHT, TRUE, 0 };
  Style body = { size, FALSE, CONTENT_WIDTH - TERM_INDENT - 4, PANGO_ALIGN_LEFT, FALSE, term->rule_bytes };
  g_autofree char *n = g_strdup_printf ("%u.", number);

  if (draw)
    {
      show_text (cr, MARGIN_X, y, n, &digits, &dim);
      show_text (cr, MARGIN_X + TERM_INDENT + 4, y, term->text, &body, &ink);
    }
  return text_height (cr, term->text, &body) + 3.5;
}

/* A paragraph of the payment terms or the notes, as typed. */
static double
paragraph_block (PbQuoteDocument *self, cairo_t *cr, guint index, double y, gboolean draw)
{
  Style style = { SIZE_BODY, FALSE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE, 0 };
  const char *text = g_ptr_array_index (self->paragraphs, index);

  return (draw ? show_text (cr, MARGIN_X, y, text, &style, &ink) : text_height (cr, text, &style)) + 3.5;
}

#define STAMP_SPACE 62.0

/* One party's box to sign and stamp: its role and name, room for the
 * stamp, then the signature and date lines. */
static double
signature_column (PbQuoteDocument *self, cairo_t *cr, double x, double y, const char *role, const char *name,
                  gboolean draw)
{
  const double pad = 8, inner = PARTY_WIDTH - 2 * pad;
  Style caption = { SIZE_BODY, TRUE, inner, PANGO_ALIGN_LEFT, FALSE, 0 };
  Style body = { SIZE_BODY, FALSE, inner, PANGO_ALIGN_LEFT, FALSE, 0 };
  g_autofree char *signature = g_strdup_printf (chinese (self) ? "%s：" : "%s:", tr (self, "Signature"));
  g_autofree char *date = g_strdup_printf (chinese (self) ? "%s：" : "%s:", tr (self, "Date"));
  const char *lines[] = { signature, date };
  double height = pad;

  height += draw ? show_text (cr, x + pad, y + height, role, &caption, &accent) : text_height (cr, role, &caption);
  if (is_set (name))
    height += 2 + (draw ? show_text (cr, x + pad, y + height + 2, name, &body, &ink) : text_height (cr, name, &body));
  height += STAMP_SPACE;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      double h = text_height (cr, lines[i], &body);

      if (draw)
        {
          double w = text_width (cr, lines[i], &body) + 4;

          show_text (cr, x + pad, y + height, lines[i], &body, &dim);
          hline (cr, x + pad + w, y + height + h - 1.5, inner - w, 0.6, &dim);
        }
      height += h + 10;
    }
  height += pad - 10;
  if (draw)
    {
      set_rgb (cr, &hairline);
      cairo_set_line_width (cr, 0.8);
      cairo_rectangle (cr, x, y, PARTY_WIDTH, height);
      cairo_stroke (cr);
    }
  return height;
}

/* The signature and stamp block of both parties: one block, so that it is
 * never split across a page break. */
static double
signature_block (PbQuoteDocument *self, cairo_t *cr, double y, gboolean draw)
{
  const char *seller = self->seller != NULL ? self->seller->company : NULL;
  double left, right, height;

  /* Measure both first, so that both boxes are as tall as the taller. */
  left = signature_column (self, cr, MARGIN_X, y, tr (self, "Seller (stamp)"), seller, FALSE);
  right = signature_column (self, cr, MARGIN_X + PARTY_WIDTH + PARTY_GAP, y, tr (self, "Buyer (stamp)"),
                            self->customer, FALSE);
  height = MAX (left, right);
  if (draw)
    {
      signature_column (self, cr, MARGIN_X, y, tr (self, "Seller (stamp)"), seller, TRUE);
      signature_column (self, cr, MARGIN_X + PARTY_WIDTH + PARTY_GAP, y, tr (self, "Buyer (stamp)"),
                        self->customer, TRUE);
    }
  return height;
}

static double
note_block (PbQuoteDocument *self, cairo_t *cr, guint index, double y, gboolean draw)
{
  Style style = { SIZE_SMALL, FALSE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE, 0 };
  const char *text = index == N_LABELS ? self->figure_note
                   : index == L_CURRENCY_NOTE ? self->currency_note : label (self, (Label) index);

  return (draw ? show_text (cr, MARGIN_X, y, text, &style, &dim) : text_height (cr, text, &style)) + 4;
}

#define KEY_WHAT_WIDTH 170.0
#define KEY_WHEN_WIDTH 110.0

/* One row of the key dates table, or its head (@row NULL). */
static double
key_row_block (PbQuoteDocument *self, cairo_t *cr, const KeyRow *row, double y, gboolean draw)
{
  const double subjects_width = CONTENT_WIDTH - KEY_WHAT_WIDTH - KEY_WHEN_WIDTH;
  gboolean head = row == NULL;
  double size = head ? SIZE_SMALL + 0.5 : SIZE_BODY;
  Style what = { size, head, KEY_WHAT_WIDTH - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT, FALSE, 0 };
  Style when = { size, head, KEY_WHEN_WIDTH - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT, !head, 0 };
  Style subjects = { size, head, subjects_width - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT, FALSE,
                     head ? 0 : row->rule_bytes };
  const char *cells[3] = { head ? tr (self, "What") : row->what, head ? tr (self, "When") : row->when,
                           head ? tr (self, "Applies to") : row->subjects };
  double height = MAX (MAX (text_height (cr, cells[0], &what), text_height (cr, cells[1], &when)),
                       text_height (cr, cells[2], &subjects)) + 2 * CELL_PAD_Y;

  if (!draw)
    return height;
  if (head)
    {
      fill_rect (cr, MARGIN_X, y, CONTENT_WIDTH, height, &head_fill);
      hline (cr, MARGIN_X, y + height - 0.8, CONTENT_WIDTH, 0.8, &accent);
    }
  else
    hline (cr, MARGIN_X, y + height - 0.4, CONTENT_WIDTH, 0.4, &hairline);
  show_text (cr, MARGIN_X + CELL_PAD_X, y + CELL_PAD_Y, cells[0], &what, &ink);
  show_text (cr, MARGIN_X + KEY_WHAT_WIDTH + CELL_PAD_X, y + CELL_PAD_Y, cells[1], &when, &ink);
  show_text (cr, MARGIN_X + KEY_WHAT_WIDTH + KEY_WHEN_WIDTH + CELL_PAD_X, y + CELL_PAD_Y, cells[2], &subjects,
             &ink);
  return height;
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
    case BLOCK_FACTS: return facts_block (self, cr, y, draw);
    case BLOCK_PARTIES: return parties_block (self, cr, y, draw);
    case BLOCK_TABLE_HEAD: return table_head_block (self, cr, y, draw);
    case BLOCK_ROW: return row_block (self, cr, block->index, y, draw);
    case BLOCK_TOTALS: return totals_block (self, cr, y, draw);
    case BLOCK_WORDS: return words_block (self, cr, y, draw);
    case BLOCK_HEADING: return heading_block (self, cr, block->index, y, draw);
    case BLOCK_TERM:
      return term_block (self, cr, g_ptr_array_index (self->terms, block->index), block->index + 1, SIZE_BODY, y,
                         draw);
    case BLOCK_ASSUMPTION:
      return term_block (self, cr, g_ptr_array_index (self->assumptions, block->index), block->index + 1,
                         SIZE_SMALL, y, draw);
    case BLOCK_PARAGRAPH: return paragraph_block (self, cr, block->index, y, draw);
    case BLOCK_SIGNATURE: return signature_block (self, cr, y, draw);
    case BLOCK_NOTE: return note_block (self, cr, block->index, y, draw);
    case BLOCK_FIGURE: return figure_block (self, cr, y, draw);
    case BLOCK_KEY_HEAD: return key_row_block (self, cr, NULL, y, draw);
    case BLOCK_KEY_ROW: return key_row_block (self, cr, g_ptr_array_index (self->key_dates, block->index), y, draw);
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

#define KEY_MAX_SUBJECTS 8
#define KEY_MAX_KEPT_ROWS 12

/* The key dates the rules derive from the projection, from the quote's
 * date on (pb-key-dates.h: read, never computed here): when to bind the
 * codes, to renew the base fee, and until when the packages are usable.
 * Dates of one kind at one instant share a row. */
static void
build_key_dates (PbQuoteDocument *self, PbQuote *quote, PbProjection *projection, PbLifecycle *lifecycle)
{
  g_autoptr(GArray) dates = pb_projection_key_dates (projection, lifecycle, pb_quote_get_date (quote));
  g_autoptr(GString) subjects = g_string_new (NULL);
  guint listed = 0;

  for (guint i = 0; i < dates->len; i++)
    {
      const PbKeyDate *date = &g_array_index (dates, PbKeyDate, i);
      const PbKeyDate *next = i + 1 < dates->len ? &g_array_index (dates, PbKeyDate, i + 1) : NULL;
      g_autofree char *rule = NULL;
      KeyRow *row;

      if (date->kind != PB_KEY_DATE_BIND_DEADLINE && date->kind != PB_KEY_DATE_BASE_FEE_EXPIRES &&
          date->kind != PB_KEY_DATE_PACKAGE_EXPIRES)
        continue;
      if (date->subject == NULL)
        g_string_append (subjects, tr (self, "Base fee"));
      else if (listed == KEY_MAX_SUBJECTS)
        {
          /* A long list says only that there are more: the projection may
           * hold fewer items than the quote (the figure's note says so). */
          g_string_append (subjects, chinese (self) ? "等" : ", …");
          listed++;
        }
      else if (listed < KEY_MAX_SUBJECTS)
        {
          listed++;
          if (subjects->len > 0)
            g_string_append (subjects, chinese (self) ? "、" : ", ");
          g_string_append (subjects, date->subject);
          if (date->quantity > 1)
            {
              g_autofree char *count = pb_format_count (date->quantity);

              g_string_append_printf (subjects, " × %s", count);
            }
        }
      if (next != NULL && next->kind == date->kind && next->at == date->at && g_strcmp0 (next->rule, date->rule) == 0)
        continue;
      rule = g_strdup_printf (chinese (self) ? "（%s）" : " (%s)", date->rule);
      row = g_new0 (KeyRow, 1);
      row->what = g_strdup (pb_key_date_kind_phrase (date->kind, self->translation));
      row->when = pb_time_format_display (date->at);
      row->rule_bytes = strlen (rule);
      g_string_append (subjects, rule);
      row->subjects = g_strdup (subjects->str);
      g_ptr_array_add (self->key_dates, row);
      g_string_truncate (subjects, 0);
      listed = 0;
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
  /* The figure's words are the quote's language too, not the program's;
   * what the quote proposes is drawn as what it sells (issue 17.7). */
  timeline = pb_timeline_new_for_projection (lifecycle, catalog,
                                             pb_quote_get_language (quote) == PB_QUOTE_LANGUAGE_ZH_CN
                                             ? PB_TRANSLATION_CHINESE : PB_TRANSLATION_ENGLISH,
                                             projection);
  if (pb_timeline_get_n_lanes (timeline) == 0 || !pb_timeline_get_extent (timeline, &self->from, &self->to))
    return;
  fit_figure (self, timeline);
  build_key_dates (self, quote, projection, lifecycle);
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

/* The rule ID set after @body, in the document's punctuation. */
static Term *
term_new (PbQuoteDocument *self, const PbQuoteTerm *term)
{
  g_autofree char *rule = g_strdup_printf (chinese (self) ? "（%s）" : " (%s)", term->rule);
  Term *result = g_new0 (Term, 1);

  result->text = g_strconcat (term->body, rule, NULL);
  result->rule_bytes = strlen (rule);
  return result;
}

/* The terms in one section, the assumptions the quote relies on in a
 * short one of their own. */
static void
build_terms (PbQuoteDocument *self, PbPricing *pricing)
{
  for (guint i = 0; i < pricing->terms->len; i++)
    {
      const PbQuoteTerm *term = g_ptr_array_index (pricing->terms, i);

      g_ptr_array_add (term->assumption ? self->assumptions : self->terms, term_new (self, term));
    }
}

static void
add_detail (GArray *details, const char *key, const char *value)
{
  Detail detail = { key, NULL };

  if (!is_set (value))
    return;
  detail.value = g_strdup (value);
  g_array_append_val (details, detail);
}

/* Every detail given, in the order an invoice block (开票信息) lists them. */
static void
build_details (PbQuoteDocument *self, PbCustomer *customer)
{
  const PbSeller *s = self->seller;

  if (s != NULL)
    {
      add_detail (self->seller_details, tr (self, "Address"), s->address);
      add_detail (self->seller_details, tr (self, "Tax ID"), s->tax_id);
      add_detail (self->seller_details, tr (self, "Bank"), s->bank);
      add_detail (self->seller_details, tr (self, "Account"), s->bank_account);
      add_detail (self->seller_details, label (self, L_CONTACT), s->contact);
      add_detail (self->seller_details, label (self, L_PHONE), s->phone);
      add_detail (self->seller_details, label (self, L_EMAIL), s->email);
    }
  add_detail (self->buyer_details, tr (self, "Address"), pb_customer_get_address (customer));
  add_detail (self->buyer_details, tr (self, "Tax ID"), pb_customer_get_tax_id (customer));
  add_detail (self->buyer_details, tr (self, "Bank"), pb_customer_get_bank (customer));
  add_detail (self->buyer_details, tr (self, "Account"), pb_customer_get_bank_account (customer));
  add_detail (self->buyer_details, label (self, L_CONTACT), pb_customer_get_contact (customer));
}

/* Net, tax and gross, and what the line prices are: with or without
 * tax, at which rate. */
static void
build_tax (PbQuoteDocument *self, PbPricing *pricing)
{
  g_autofree char *rate = pb_percent_format (pricing->tax_rate);
  g_autofree char *basis = NULL;

  self->net = pb_money_format_display (pricing->net);
  self->tax = pb_money_format_display (pricing->tax);
  self->gross = pb_money_format_display (pricing->gross);
  self->total_words = pb_money_format_chinese (pricing->gross);
  self->tax_label = g_strdup_printf (tr (self, "VAT (%s %%)"), rate);
  basis = g_strdup_printf (pricing->tax_basis == PB_TAX_INCLUSIVE
                           ? tr (self, "List unit prices include %s %% VAT.")
                           : tr (self, "List unit prices exclude VAT; %s %% VAT is added to the total."), rate);
  self->currency_note = g_strconcat (label (self, L_CURRENCY_NOTE), chinese (self) ? "" : " ", basis, NULL);
}

/* Payment terms and notes, a block per paragraph: a page holds each of
 * them (pb-text.h bounds them), never necessarily all. */
static void
add_paragraphs (PbQuoteDocument *self, const char *heading, const char *text)
{
  g_auto(GStrv) lines = NULL;
  gboolean first = TRUE;

  if (!is_set (text))
    return;
  lines = g_strsplit_set (text, "\r\n", -1);
  add_space (self, 14);
  g_ptr_array_add (self->headings, g_strdup (heading));
  add_block (self, BLOCK_HEADING, self->headings->len - 1, TRUE);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        continue;
      g_ptr_array_add (self->paragraphs, g_strdup (lines[i]));
      add_block (self, BLOCK_PARAGRAPH, self->paragraphs->len - 1, FALSE);
      first = FALSE;
    }
  /* Only blank lines: the heading keeps to nothing. */
  if (first)
    g_array_index (self->blocks, Block, self->blocks->len - 1).keep_next = FALSE;
}

static void
add_terms (PbQuoteDocument *self, const char *heading, GPtrArray *terms, BlockKind kind)
{
  if (terms->len == 0)
    return;
  add_space (self, 14);
  g_ptr_array_add (self->headings, g_strdup (heading));
  add_block (self, BLOCK_HEADING, self->headings->len - 1, TRUE);
  for (guint i = 0; i < terms->len; i++)
    add_block (self, kind, i, FALSE);
}

/* A PNG file read whole and checked before cairo decodes it: the logo
 * costs what it shows, never gigabytes for a crafted header. */
#define LOGO_MAX_BYTES  (8 * 1024 * 1024)
#define LOGO_MAX_PIXELS 4096

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         at;
} PngReader;

static cairo_status_t
read_png (void *closure, unsigned char *data, unsigned int length)
{
  PngReader *reader = closure;

  if (reader->at + length > reader->size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->at, length);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

/* A regular file of at most LOGO_MAX_BYTES: never a FIFO waited on, nor a
 * device read forever. */
static gboolean
read_logo_file (const char *path, char **contents, gsize *size, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("not a regular file"));
      return FALSE;
    }
  if (st.st_size > LOGO_MAX_BYTES)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("larger than %d MiB"),
                   LOGO_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  return g_file_get_contents (path, contents, size, error);
}

static gboolean
load_logo (PbQuoteDocument *self, const char *path, GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  PngReader reader = { 0 };
  guint32 width, height;
  gsize size = 0;
  cairo_surface_t *surface;

  if (!read_logo_file (path, &contents, &size, &local_error))
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("the seller's logo “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  /* The signature, then the IHDR chunk: width and height, big-endian. */
  if (size < 24 || memcmp (contents, signature, 8) != 0 || memcmp (contents + 12, "IHDR", 4) != 0)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("the seller's logo “%s” is not a PNG image"), path);
      return FALSE;
    }
  memcpy (&width, contents + 16, 4);
  memcpy (&height, contents + 20, 4);
  width = GUINT32_FROM_BE (width);
  height = GUINT32_FROM_BE (height);
  if (width == 0 || height == 0 || width > LOGO_MAX_PIXELS || height > LOGO_MAX_PIXELS)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                   _("the seller's logo “%s” is %u × %u pixels; at most %u × %u are drawn"), path, width,
                   height, LOGO_MAX_PIXELS, LOGO_MAX_PIXELS);
      return FALSE;
    }
  reader.data = (const guint8 *) contents;
  reader.size = size;
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("the seller's logo “%s” cannot be read: %s"), path,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return FALSE;
    }
  self->logo = surface;
  return TRUE;
}

/* The parts of the document before the line table and after the totals. */
static void
build_text (PbQuoteDocument *self, PbQuote *quote, PbPricing *pricing)
{
  PbCustomer *customer = pb_quote_get_customer (quote);
  gint revision = pb_quote_get_revision (quote);

  /* A revision shows from the second on: the first is the quote itself. */
  if (revision > 1)
    self->number = g_strdup_printf (tr (self, "%s rev. %d"), pb_quote_get_number (quote), revision);
  else
    self->number = g_strdup (pb_quote_get_number (quote));
  self->customer = g_strdup (pb_customer_get_name (customer));
  self->date = pb_time_format_date (pb_quote_get_date (quote));
  self->valid_until = pb_time_format_date (pb_time_add_days (pb_quote_get_date (quote),
                                                             (int) pb_quote_get_valid_days (quote)));
  self->status = status_word (self, pb_quote_get_status (quote));
  self->draft = pb_quote_get_status (quote) == PB_QUOTE_STATUS_DRAFT;
  self->title = g_strdup_printf ("%s %s · %s", label (self, L_TITLE), self->number, self->customer);
  build_details (self, customer);
  build_tax (self, pricing);
  build_terms (self, pricing);
}

/* The blocks, top to bottom: the letterhead, facts and parties, the line
 * table, the totals, then payment terms, notes, terms, assumptions and the
 * signature block, and the projected timeline last, as an appendix. */
static void
add_body_blocks (PbQuoteDocument *self, PbQuote *quote)
{
  add_block (self, BLOCK_HEADER, 0, TRUE);
  add_space (self, 12);
  add_block (self, BLOCK_FACTS, 0, TRUE);
  add_space (self, 14);
  add_block (self, BLOCK_PARTIES, 0, FALSE);
  add_space (self, 16);
  add_block (self, BLOCK_NOTE, L_CURRENCY_NOTE, TRUE);
  add_block (self, BLOCK_TABLE_HEAD, 0, TRUE);
  for (guint i = 0; i < self->rows->len; i++)
    add_block (self, BLOCK_ROW, i, FALSE);
  add_block (self, BLOCK_TOTALS, 0, TRUE);
  add_space (self, 8);
  add_block (self, BLOCK_WORDS, 0, FALSE);
  add_paragraphs (self, tr (self, "Payment terms"), pb_quote_get_payment_terms (quote));
  add_paragraphs (self, tr (self, "Notes"), pb_quote_get_notes (quote));
  add_terms (self, label (self, L_TERMS), self->terms, BLOCK_TERM);
  add_terms (self, tr (self, "Assumptions"), self->assumptions, BLOCK_ASSUMPTION);
  add_space (self, 18);
  add_block (self, BLOCK_SIGNATURE, 0, FALSE);
}

PbQuoteDocument *
pb_quote_document_new (PbQuote *quote, PbCatalog *catalog, const PbSeller *seller, GError **error)
{
  return pb_quote_document_new_full (quote, catalog, seller, PB_QUOTE_DOCUMENT_CUSTOMER_COPY, error);
}

PbQuoteDocument *
pb_quote_document_new_full (PbQuote *quote, PbCatalog *catalog, const PbSeller *seller,
                            PbQuoteDocumentFlags flags, GError **error)
{
  g_autoptr(PbQuoteDocument) self = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autofree char *percent = NULL;
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
  self->translation = self->labels == labels_zh ? PB_TRANSLATION_CHINESE : PB_TRANSLATION_ENGLISH;
  self->flags = flags;
  self->seller = seller != NULL ? pb_seller_copy (seller) : NULL;
  if (seller != NULL && is_set (seller->logo) && !load_logo (self, seller->logo, error))
    return NULL;
  build_text (self, quote, pricing);

  build_rows (self, pricing);
  self->subtotal = pb_money_format_display (pricing->subtotal);
  if (pricing->discount_percent != 0)
    {
      percent = pb_percent_format (pricing->discount_percent);
      self->discount_label = g_strdup_printf (chinese (self) ? "%s（%s%%）" : "%s (%s%%)",
                                              label (self, L_DISCOUNT), percent);
      self->discount = pb_money_format_display (-pricing->discount);
    }
  self->total = pb_money_format_display (pricing->total);

  build_figure (self, quote, catalog);

  add_body_blocks (self, quote);
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
  if (self->key_dates->len > 0)
    {
      add_space (self, 14);
      g_ptr_array_add (self->headings, g_strdup (tr (self, "Key dates")));
      add_block (self, BLOCK_HEADING, self->headings->len - 1, TRUE);
      add_block (self, BLOCK_KEY_HEAD, 0, TRUE);
      /* A short table stays on one page, with its head; a long one (an
       * account's long history) flows. */
      for (guint i = 0; i < self->key_dates->len; i++)
        add_block (self, BLOCK_KEY_ROW, i,
                   self->key_dates->len <= KEY_MAX_KEPT_ROWS && i + 1 < self->key_dates->len);
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

/* "DRAFT" / "草稿" across the page while the quote is a draft: over the
 * content, light enough to read through.  Drawn as outlines, not text:
 * diagonal text would come out of a copy or of pdftotext as stray letters
 * inside the lines it crosses (an account number, a total).  The facts band
 * says "Draft" as text. */
static void
draw_watermark (PbQuoteDocument *self, cairo_t *cr)
{
  const char *word = tr (self, "DRAFT");
  Style style = { chinese (self) ? 150 : 120, TRUE, 0, PANGO_ALIGN_LEFT, FALSE, 0 };
  g_autoptr(PangoLayout) layout = make_layout (cr, word, &style);
  PangoRectangle ink_rect;

  pango_layout_get_extents (layout, &ink_rect, NULL);
  cairo_save (cr);
  cairo_translate (cr, PB_QUOTE_DOCUMENT_PAGE_WIDTH / 2, PB_QUOTE_DOCUMENT_PAGE_HEIGHT / 2);
  cairo_rotate (cr, -atan2 (PB_QUOTE_DOCUMENT_PAGE_HEIGHT, PB_QUOTE_DOCUMENT_PAGE_WIDTH) * 0.62);
  cairo_move_to (cr, -(ink_rect.x + ink_rect.width / 2.0) / PANGO_SCALE,
                 -(ink_rect.y + ink_rect.height / 2.0) / PANGO_SCALE);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, WATERMARK_RED, WATERMARK_GREEN, WATERMARK_BLUE, WATERMARK_ALPHA);
  cairo_fill (cr);
  cairo_restore (cr);
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
  if (self->draft)
    draw_watermark (self, cr);
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
