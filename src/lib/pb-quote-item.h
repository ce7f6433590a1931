/* pb-quote-item.h: one line of a quote as the customer asked for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * the item kinds.  An item holds what was asked for (3 numbers for 12
 * months, a 25,000-minute custom package, 3 standard codes with 300 extra
 * viewers each); pb-pricing.h turns it into priced lines and pb_pricing_check()
 * says which rule it breaks.  Every field exists on every item so that the
 * window can switch an item's kind without losing what was typed; only the
 * fields of the item's kind are saved and priced.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PB_PRODUCT_VOICE,   /* Voice Message (语音消息): "voice" */
  PB_PRODUCT_LIVE,    /* Mini Program · Enterprise Live (小程序·企业直播): "live" */
} PbProduct;

typedef enum
{
  PB_ITEM_KIND_NUMBERS,         /* VM-2..4: numbers × months */
  PB_ITEM_KIND_FIXED_PACKAGE,   /* VM-5: a catalog package × quantity */
  PB_ITEM_KIND_CUSTOM_PACKAGE,  /* VM-6: N minutes on the grid × quantity */
  PB_ITEM_KIND_BASE_FEE,        /* EL-3: base annual fee × years, a gifted code per year */
  PB_ITEM_KIND_CODE,            /* EL-4, EL-5: tier × quantity, extra viewers per code */
  PB_ITEM_KIND_EXPANSION,       /* EL-6: extra viewers on an existing code */
} PbItemKind;

#define PB_ITEM_KIND_LAST PB_ITEM_KIND_EXPANSION

/* The ranges every number of an item must fall in (the file format and the
 * properties share them).  The lower bound of a count is 0, not 1, so that
 * a count of 0 reaches pb_pricing_check() and gets its Q-4 message there.
 *
 *   numbers        0 .. 10,000          VM-2 (VM-11 warns above 5)
 *   months         0 .. 1,200           VM-3, VM-4 (100 years)
 *   minutes        0 .. 1,000,000,000   VM-5, VM-6 (the optimizer's limit)
 *   quantity       0 .. 100,000         Q-2
 *   years          0 .. 100             EL-3
 *   extra_viewers  0 .. 10,000,000      EL-5, EL-6 (the optimizer's limit)
 */
#define PB_QUOTE_ITEM_MAX_NUMBERS       ((gint64) 10000)
#define PB_QUOTE_ITEM_MAX_MONTHS        ((gint64) 1200)
#define PB_QUOTE_ITEM_MAX_MINUTES       ((gint64) 1000000000)
#define PB_QUOTE_ITEM_MAX_QUANTITY      ((gint64) 100000)
#define PB_QUOTE_ITEM_MAX_YEARS         ((gint64) 100)
#define PB_QUOTE_ITEM_MAX_EXTRA_VIEWERS ((gint64) 10000000)

#define PB_TYPE_PRODUCT   (pb_product_get_type ())
#define PB_TYPE_ITEM_KIND (pb_item_kind_get_type ())

GType       pb_product_get_type       (void) G_GNUC_CONST;
GType       pb_item_kind_get_type     (void) G_GNUC_CONST;

const char *pb_product_to_string      (PbProduct    product);
gboolean    pb_product_from_string    (const char  *text,
                                       PbProduct   *product);
const char *pb_item_kind_to_string    (PbItemKind   kind);
gboolean    pb_item_kind_from_string  (const char  *text,
                                       PbItemKind  *kind);
PbProduct   pb_item_kind_get_product  (PbItemKind   kind);

#define PB_TYPE_QUOTE_ITEM (pb_quote_item_get_type ())
G_DECLARE_FINAL_TYPE (PbQuoteItem, pb_quote_item, PB, QUOTE_ITEM, GObject)

PbQuoteItem *pb_quote_item_new               (PbItemKind   kind);
PbQuoteItem *pb_quote_item_copy              (PbQuoteItem *self);
gboolean     pb_quote_item_equal             (PbQuoteItem *a,
                                              PbQuoteItem *b);

PbItemKind   pb_quote_item_get_kind          (PbQuoteItem *self);
void         pb_quote_item_set_kind          (PbQuoteItem *self,
                                              PbItemKind   kind);
PbProduct    pb_quote_item_get_product       (PbQuoteItem *self);
gint64       pb_quote_item_get_numbers       (PbQuoteItem *self);
void         pb_quote_item_set_numbers       (PbQuoteItem *self,
                                              gint64       numbers);
gint64       pb_quote_item_get_months        (PbQuoteItem *self);
void         pb_quote_item_set_months        (PbQuoteItem *self,
                                              gint64       months);
gint64       pb_quote_item_get_minutes       (PbQuoteItem *self);
void         pb_quote_item_set_minutes       (PbQuoteItem *self,
                                              gint64       minutes);
gint64       pb_quote_item_get_quantity      (PbQuoteItem *self);
void         pb_quote_item_set_quantity      (PbQuoteItem *self,
                                              gint64       quantity);
gint64       pb_quote_item_get_years         (PbQuoteItem *self);
void         pb_quote_item_set_years         (PbQuoteItem *self,
                                              gint64       years);
const char  *pb_quote_item_get_tier          (PbQuoteItem *self);
void         pb_quote_item_set_tier          (PbQuoteItem *self,
                                              const char  *tier);
gint64       pb_quote_item_get_extra_viewers (PbQuoteItem *self);
void         pb_quote_item_set_extra_viewers (PbQuoteItem *self,
                                              gint64       extra_viewers);
const char  *pb_quote_item_get_code          (PbQuoteItem *self);
void         pb_quote_item_set_code          (PbQuoteItem *self,
                                              const char  *code);
const char  *pb_quote_item_get_voucher       (PbQuoteItem *self);
void         pb_quote_item_set_voucher       (PbQuoteItem *self,
                                              const char  *voucher);

/* Where the item was read from ("quote.pricebook:12:5"), so that a rule
 * broken by a loaded item can be reported at its place; NULL for an item
 * made in memory.  Not a property: it is not part of the quote. */
const char  *pb_quote_item_get_origin        (PbQuoteItem *self);
void         pb_quote_item_set_origin        (PbQuoteItem *self,
                                              const char  *origin);

G_END_DECLS
