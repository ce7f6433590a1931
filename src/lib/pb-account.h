/* pb-account.h: the customer's account a quote is made for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A quote may hold the customer's history (pb_quote_get_account(): scenario
 * events, all before the quote's date) or only say until when the customer
 * holds a base fee ("live_base_fee_until").  Either way, what the customer
 * holds on the quote's date comes from the lifecycle engine replaying that
 * history, never from rules computed again here; the quote's base-fee
 * purchases are then applied at its date, 00:00 (+08:00), after the whole
 * history, to see how long the base fee lasts (EL-8, EL-10).  Pricing and
 * its checks (pb-pricing.h) ask this; the projection (pb-projection.h)
 * puts the same history before the quote's purchases.
 */
#pragma once

#include <glib.h>

#include "pb-catalog.h"
#include "pb-lifecycle.h"
#include "pb-quote.h"
#include "pb-scenario.h"

G_BEGIN_DECLS

typedef struct
{
  PbCatalog   *catalog;           /* the rules of the replay */
  PbInstant    date;              /* the quote's date: the instant of its purchases */
  gboolean     has_history;       /* the quote holds the customer's events */
  PbLifecycle *held;              /* the account replayed: its history, or the stand-in
                                   * purchase of the base fee held until
                                   * live_base_fee_until; no events when the quote
                                   * says nothing of the account */
  PbLifecycle *bought;            /* the same, then the quote's base-fee items bought
                                   * at @date in the quote's order; @held when the
                                   * quote buys no base fee; NULL when their price
                                   * leaves the money range (the pricing says so) */
  guint        first_quote_term;  /* the index in @bought's base-fee terms of the
                                   * first item's purchase */
} PbQuoteAccount;

/* Replays @quote's account (and its base-fee items) under @catalog.
 * Fails (PB_ERROR_INPUT) when an event of the history is not one @catalog
 * knows, or the replay leaves its limits; the message names the event. */
PbQuoteAccount *pb_quote_account_new          (PbCatalog       *catalog,
                                               PbQuote         *quote,
                                               GError         **error);
void            pb_quote_account_free         (PbQuoteAccount  *account);

/* The base fee on the quote's date, before its purchases: the state and
 * (when bought) its end. */
PbBaseFeeState  pb_quote_account_base_fee     (PbQuoteAccount  *account,
                                               PbInstant       *expires_at);
/* The base fee's end once the quote's base fees are bought (the end of the
 * span of validity the quote's date falls in), or PB_INSTANT_NONE when no
 * base fee is valid on the quote's date even then. */
PbInstant       pb_quote_account_base_fee_end (PbQuoteAccount  *account);

/* EL-3, EL-10: the first and last base-fee terms item @item of @quote buys
 * (one, or one a year under a catalog that gifts a code a year): whether
 * it is a renewal, from when to when.  FALSE for an item that buys none. */
gboolean        pb_quote_account_item_terms   (PbQuoteAccount       *account,
                                               PbQuote              *quote,
                                               guint                 item,
                                               const PbBaseFeeTerm **first,
                                               const PbBaseFeeTerm **last);

/* The events of @quote's account, appended to @scenario in order: its
 * history, then, when the quote says until when a base fee is held and its
 * history buys none, one purchase of that base fee a term before its end
 * (not after @start, the instant of the quote's purchases): a stand-in,
 * whose index is set in @stand_in (-1: none).  The names the events use
 * are added to @taken (a set of strings; may be NULL), so that the names
 * given to the quote's purchases afterwards can differ from them. */
gboolean        pb_quote_append_account       (PbQuote         *quote,
                                               PbScenario      *scenario,
                                               PbInstant        start,
                                               GHashTable      *taken,
                                               gint            *stand_in,
                                               GError         **error);

/* A name "PREFIX1", "PREFIX2"… (counting on from *@counter) that is not in
 * @taken (may be NULL); it is added to @taken. */
char           *pb_account_new_name           (GHashTable      *taken,
                                               const char      *prefix,
                                               guint           *counter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbQuoteAccount, pb_quote_account_free)

G_END_DECLS
