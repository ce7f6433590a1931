/* pb-quote.h: a quote, its file format and its "changed" signal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * a quote has a number, a date, a validity in days, a customer, a
 * currency, items and an optional discount.  It is saved as
 * "pricebook-quote/1" (see README "Files"), plus three optional members:
 * "account": { "live_base_fee_until": INSTANT, "events": [ … ] } (EL-7, the
 * customer's history as scenario events, all before the quote's date), and
 * two extensions of the format: "language": "en" | "zh_CN", the language
 * of the documents made from it, and "status": "draft" | "sent" |
 * "accepted" | "rejected", where the quote stands with the customer.
 *
 * The quote's purchases are made at its date, 00:00 (+08:00), after the
 * whole history: pricing, its checks (pb-pricing.h) and its projection
 * (pb-projection.h) replay the history through the lifecycle engine.
 *
 * Quotation details (cli-and-formats.md, "Quotation details"): the
 * customer's address, tax ID, bank and account (pb-customer.h); "tax":
 * { "basis", "rate_percent" } (Q-7, pb-tax.h; without it the catalog's
 * default applies); "payment_terms" and "notes", free text; "revision", an
 * integer from 1.  Each is optional and written only when it says something.
 *
 * The quote holds no price and no rule: pb-pricing.h prices it and checks
 * it.  The window re-prices on "changed", which is emitted after
 * anything in the quote changed: one of its properties, the customer, the
 * list of items or a field of an item.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pb-customer.h"
#include "pb-file.h"
#include "pb-quote-item.h"
#include "pb-scenario.h"
#include "pb-tax.h"
#include "pb-text.h"
#include "pb-time.h"

G_BEGIN_DECLS

#define PB_QUOTE_FORMAT "pricebook-quote/1"

/* the only currency the catalog prices in. */
#define PB_QUOTE_CURRENCY "CNY"

/* The ranges of the quote's own numbers (see pb-quote-item.h for the items'):
 *   valid_days        1 .. 3,650 (ten years)
 *   discount_percent  "0" .. "100", at most two decimals, held in
 *                     hundredths of a percent: 0 .. 10,000
 *   items             0 .. 1,000 */
#define PB_QUOTE_MAX_VALID_DAYS ((gint64) 3650)
#define PB_QUOTE_MAX_DISCOUNT   10000
#define PB_QUOTE_MAX_ITEMS      1000
/*   revision          1 .. 999 (0 in the model: not stated) */
#define PB_QUOTE_MAX_REVISION   999

typedef enum
{
  PB_QUOTE_LANGUAGE_EN,     /* "en" */
  PB_QUOTE_LANGUAGE_ZH_CN,  /* "zh_CN" */
} PbQuoteLanguage;

#define PB_TYPE_QUOTE_LANGUAGE (pb_quote_language_get_type ())
GType       pb_quote_language_get_type    (void) G_GNUC_CONST;
const char *pb_quote_language_to_string   (PbQuoteLanguage  language);
gboolean    pb_quote_language_from_string (const char      *text,
                                           PbQuoteLanguage *language);

/* Where the quote stands with the customer; the window locks an accepted
 * quote.  It changes no price. */
typedef enum
{
  PB_QUOTE_STATUS_DRAFT,     /* "draft" */
  PB_QUOTE_STATUS_SENT,      /* "sent" */
  PB_QUOTE_STATUS_ACCEPTED,  /* "accepted" */
  PB_QUOTE_STATUS_REJECTED,  /* "rejected" */
} PbQuoteStatus;

#define PB_TYPE_QUOTE_STATUS (pb_quote_status_get_type ())
GType       pb_quote_status_get_type      (void) G_GNUC_CONST;
const char *pb_quote_status_to_string     (PbQuoteStatus    status);
gboolean    pb_quote_status_from_string   (const char      *text,
                                           PbQuoteStatus   *status);

/* What a document made of the quote would lack (pb_quote_get_missing). */
typedef enum /*< flags >*/
{
  PB_QUOTE_MISSING_NONE          = 0,
  PB_QUOTE_MISSING_CUSTOMER_NAME = 1 << 0,
  PB_QUOTE_MISSING_ITEMS         = 1 << 1,
} PbQuoteMissing;

#define PB_TYPE_QUOTE_MISSING (pb_quote_missing_get_type ())
GType       pb_quote_missing_get_type     (void) G_GNUC_CONST;

#define PB_TYPE_QUOTE (pb_quote_get_type ())
G_DECLARE_FINAL_TYPE (PbQuote, pb_quote, PB, QUOTE, GObject)

PbQuote         *pb_quote_new                     (void);
PbQuote         *pb_quote_copy                    (PbQuote          *self);
PbQuote         *pb_quote_new_from_file           (const char       *path,
                                                   GError          **error);
PbQuote         *pb_quote_new_from_bytes          (GBytes           *bytes,
                                                   const char       *name,
                                                   GError          **error);
/* "Quote from here": a new quote for the customer of @account whose
 * history is @account's enabled events at or before @at, dated @at's day
 * (the next day when an event falls on @at's day already). */
PbQuote         *pb_quote_new_from_account        (PbScenario       *account,
                                                   PbInstant         at);
JsonNode        *pb_quote_to_json                 (PbQuote          *self);
/* The text a save writes.  To write it elsewhere (an autosave copy, from
 * a worker thread), hand it to pb_file_write(). */
char            *pb_quote_to_string               (PbQuote          *self);
/* pb_file_write() with PB_FILE_WRITE_BACKUP: the old file or the new one,
 * never a part; the previous version is kept as "NAME~".  Errors are
 * G_IO_ERROR ones, see pb-file.h. */
gboolean         pb_quote_save_to_file            (PbQuote          *self,
                                                   const char       *path,
                                                   GError          **error);
gboolean         pb_quote_equal                   (PbQuote          *a,
                                                   PbQuote          *b);

const char      *pb_quote_get_number              (PbQuote          *self);
void             pb_quote_set_number              (PbQuote          *self,
                                                   const char       *number);
PbInstant        pb_quote_get_date                (PbQuote          *self);
void             pb_quote_set_date                (PbQuote          *self,
                                                   PbInstant         date);
gint64           pb_quote_get_valid_days          (PbQuote          *self);
void             pb_quote_set_valid_days          (PbQuote          *self,
                                                   gint64            valid_days);
PbCustomer      *pb_quote_get_customer            (PbQuote          *self);
void             pb_quote_set_customer            (PbQuote          *self,
                                                   PbCustomer       *customer);
const char      *pb_quote_get_currency            (PbQuote          *self);
void             pb_quote_set_currency            (PbQuote          *self,
                                                   const char       *currency);
gint             pb_quote_get_discount            (PbQuote          *self);
void             pb_quote_set_discount            (PbQuote          *self,
                                                   gint              hundredths);
PbInstant        pb_quote_get_live_base_fee_until (PbQuote          *self);
void             pb_quote_set_live_base_fee_until (PbQuote          *self,
                                                   PbInstant         until);
/* The customer's history before the quote's date, as scenario events
 * (borrowed; NULL when the quote holds none).  Editing it (e.g.
 * pb_scenario_append_event()) changes the quote and emits "changed". */
PbScenario      *pb_quote_get_account             (PbQuote          *self);
/* Copies @account's events as the history (NULL or no events: none). */
void             pb_quote_set_account             (PbQuote          *self,
                                                   PbScenario       *account);
PbQuoteLanguage  pb_quote_get_language            (PbQuote          *self);
void             pb_quote_set_language            (PbQuote          *self,
                                                   PbQuoteLanguage   language);
PbQuoteStatus    pb_quote_get_status              (PbQuote          *self);
void             pb_quote_set_status              (PbQuote          *self,
                                                   PbQuoteStatus     status);
/* while "tax-set" is FALSE, pricing takes the catalog's default
 * (pb_catalog_tax_default) and the basis and rate here are not used.
 * pb_quote_set_tax() states both at once (and sets "tax-set"). */
gboolean         pb_quote_get_tax_set             (PbQuote          *self);
void             pb_quote_set_tax_set             (PbQuote          *self,
                                                   gboolean          tax_set);
PbTaxBasis       pb_quote_get_tax_basis           (PbQuote          *self);
void             pb_quote_set_tax_basis           (PbQuote          *self,
                                                   PbTaxBasis        basis);
/* Hundredths of a percent, 0 .. PB_TAX_MAX_RATE (600 is 6 %). */
gint             pb_quote_get_tax_rate            (PbQuote          *self);
void             pb_quote_set_tax_rate            (PbQuote          *self,
                                                   gint              hundredths);
void             pb_quote_set_tax                 (PbQuote          *self,
                                                   PbTaxBasis        basis,
                                                   gint              hundredths);
/* Free text, "" when there is none; a file holds at most
 * PB_TEXT_MAX_PARAGRAPHS characters of each (pb_pricing_check says so). */
const char      *pb_quote_get_payment_terms       (PbQuote          *self);
void             pb_quote_set_payment_terms       (PbQuote          *self,
                                                   const char       *payment_terms);
const char      *pb_quote_get_notes               (PbQuote          *self);
void             pb_quote_set_notes               (PbQuote          *self,
                                                   const char       *notes);
/* 0: not stated; otherwise 1 .. PB_QUOTE_MAX_REVISION. */
gint             pb_quote_get_revision            (PbQuote          *self);
void             pb_quote_set_revision            (PbQuote          *self,
                                                   gint              revision);
/* A sent quote saved with changes is a new revision (issue 17, item 6):
 * when @self and @saved (the same quote as last saved) are both sent, have
 * the same revision and differ in anything else, @self's revision becomes
 * @saved's plus one (a quote that states none is revision 1).  A quote
 * being marked sent, or only its status changing, is no new revision.
 * Returns whether it changed @self. */
gboolean         pb_quote_revise                  (PbQuote          *self,
                                                   PbQuote          *saved);
/* What a document made now would lack (no customer name, no items), and a
 * sentence saying so in the program's language (NULL when nothing lacks). */
PbQuoteMissing   pb_quote_get_missing             (PbQuote          *self);
char            *pb_quote_missing_to_string       (PbQuoteMissing    missing);
/* Where the quote was read from (the file's name), or NULL. */
const char      *pb_quote_get_origin              (PbQuote          *self);

/* The items, in order, as a GListModel of PbQuoteItem (read-only: change
 * the list with the functions below so that the quote can follow its items). */
GListModel      *pb_quote_get_items               (PbQuote          *self);
guint            pb_quote_get_n_items             (PbQuote          *self);
PbQuoteItem     *pb_quote_get_item                (PbQuote          *self,
                                                   guint             position);
void             pb_quote_append_item             (PbQuote          *self,
                                                   PbQuoteItem      *item);
void             pb_quote_insert_item             (PbQuote          *self,
                                                   guint             position,
                                                   PbQuoteItem      *item);
void             pb_quote_remove_item             (PbQuote          *self,
                                                   guint             position);

G_END_DECLS
