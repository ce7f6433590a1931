/* pb-pricing.h: what a quote costs, and which rules it breaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pb_pricing_check() is the Q-4 check the window runs on every edit: a list
 * of issues, each an error (the quote cannot be priced) or a warning (it can,
 * but someone should look).  pb_pricing_compute() is a pure function of the
 * catalog and the quote: list price × quantity for every line, exact, in
 * milli-yuan, the discount on the subtotal rounded half-up to the fen,
 * the terms the buyer must know, and the total's net, tax and gross
 * .  A quote with an error is never
 * priced; an amount out of the PbMoney range is an error, never a wrap.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pb-catalog.h"
#include "pb-money.h"
#include "pb-quote.h"

G_BEGIN_DECLS

typedef enum
{
  PB_ISSUE_ERROR,     /* the quote breaks a rule: it is not priced */
  PB_ISSUE_WARNING,   /* advisory (VM-11), money or service the customer would lose
                       * EL-8, VM-8, VM-5/VM-6); never blocks pricing */
} PbIssueSeverity;

/* The one-click fix an issue offers, as data the wizard can apply (or hand
 * to pb_quote_issue_apply_fix()).  @suggestion says the same in words. */
typedef enum
{
  PB_QUOTE_FIX_NONE,            /* nothing to apply in one click */
  PB_QUOTE_FIX_SET_PROPERTY,    /* set the issue's item's int64 property @fix_property
                                 * ("minutes") to @fix_value (Q-4, VM-5, VM-6, EL-5) */
  PB_QUOTE_FIX_CHEAPEST_COVER,  /* VM-5/VM-6: replace the package items listed in
                                 * @fix_remove with @fix_items, the cheapest packages
                                 * covering the same minutes */
  PB_QUOTE_FIX_ADD_PACKAGE,     /* VM-8: add the minute package in @fix_items */
  PB_QUOTE_FIX_RENEW_BASE_FEE,  /* EL-8, EL-7: add the base-fee item in @fix_items
                                 * (a renewal of the base fee the customer holds, first) */
} PbQuoteFixKind;

typedef struct
{
  int              item;        /* 0-based index of the item; -1: the quote as a whole */
  PbItemKind       kind;        /* the item's kind, when item ≥ 0 */
  PbIssueSeverity  severity;
  char            *rule;        /* "VM-6" */
  char            *message;     /* in words, for people */
  char            *suggestion;  /* "round up to 2,000 minutes", or NULL */
  /* The fix a button can apply (PB_QUOTE_FIX_NONE: none).  For
   * PB_QUOTE_FIX_SET_PROPERTY, @fix_property and @fix_value; for the other
   * kinds, the items to remove (@fix_remove, indices of the quote's items in
   * ascending order; NULL when none) and the items to put in their place,
   * at the first removed item's position, or at the end when none is
   * removed (@fix_items, PbQuoteItem; the issue owns them: apply copies). */
  PbQuoteFixKind   fix_kind;
  const char      *fix_property;  /* static string, or NULL */
  gint64           fix_value;
  GArray          *fix_remove;    /* guint, or NULL */
  GPtrArray       *fix_items;     /* PbQuoteItem, or NULL */
} PbQuoteIssue;

typedef struct
{
  char    *description;         /* in the quote's language */
  gint64   quantity;
  PbMoney  unit_price;          /* the list price */
  PbMoney  amount;              /* unit_price × quantity, exact */
  char    *rule;
} PbPriceLine;

typedef struct
{
  PbItemKind  kind;
  PbMoney     amount;           /* the sum of the lines */
  GPtrArray  *lines;            /* PbPriceLine */
} PbPricedItem;

typedef struct
{
  char     *rule;
  char     *text;               /* in the quote's language, ending with the rule ID */
  char     *body;               /* the same without "Assumption: " and the rule ID */
  gboolean  assumption;         /* a Pricebook convention, not the guides' word */
} PbQuoteTerm;

typedef struct
{
  GPtrArray *items;             /* PbPricedItem: one per quote item, in order */
  PbMoney    subtotal;
  gint       discount_percent;  /* hundredths of a percent */
  PbMoney    discount;          /* subtotal × percent, half-up to the fen */
  PbMoney    total;             /* subtotal − discount */
  /* the total with its tax, each a whole number of fen (pb-tax.h).
   * The amount in Chinese capitals is the gross. */
  PbTaxBasis tax_basis;
  gint       tax_rate;          /* hundredths of a percent */
  gboolean   tax_assumed;       /* the catalog's default: the quote states none */
  PbMoney    net;               /* 不含税金额 */
  PbMoney    tax;               /* 税额 */
  PbMoney    gross;             /* 价税合计 */
  GPtrArray *terms;             /* PbQuoteTerm */
  GPtrArray *warnings;          /* PbQuoteIssue, all PB_ISSUE_WARNING */
} PbPricing;

GPtrArray *pb_pricing_check         (PbCatalog           *catalog,
                                     PbQuote             *quote);
gboolean   pb_pricing_issues_have_errors (GPtrArray      *issues);
char      *pb_quote_issue_to_string (const PbQuoteIssue  *issue);
/* Applies @issue's fix to @quote (the quote it was found in, unchanged
 * since): TRUE when it did; FALSE, changing nothing, when the issue has no
 * fix or its items are no longer where it says. */
gboolean   pb_quote_issue_apply_fix (const PbQuoteIssue  *issue,
                                     PbQuote             *quote);
void       pb_quote_issue_free      (PbQuoteIssue        *issue);

gboolean   pb_pricing_compute       (PbCatalog           *catalog,
                                     PbQuote             *quote,
                                     PbPricing          **result,
                                     GError             **error);
void       pb_pricing_free          (PbPricing           *pricing);

/* The contract's output of `pricebook-cli quote` (money as "1050.00"). */
JsonNode  *pb_pricing_to_json       (PbPricing           *pricing,
                                     PbQuote             *quote);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPricing, pb_pricing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbQuoteIssue, pb_quote_issue_free)

G_END_DECLS
