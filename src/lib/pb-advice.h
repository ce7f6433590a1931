/* pb-advice.h: whole-quote advice and the fixes issues offer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * a quote warns where the customer would lose money or service
 * through what the rules allow, looking at the quote as a whole and at the
 * customer's account (pb-account.h), never one item at a time:
 *   - a code or expansion quoted while the base fee (held, or bought in
 *     the quote) ends less than one year after the quote's date: the date
 *     the code would be suspended (EL-8);
 *   - numbers with no minute package in the quote or left in the account:
 *     calls fail (VM-8);
 *   - minute packages that together cost more than the cheapest cover of
 *     their total minutes (the optimizer): the saving (VM-6).
 * (More than 5 numbers, VM-11, is pb-pricing.c's, an assumption labelled.)
 * Warnings never block pricing.  Each offers its fix as data
 * (PbQuoteFixKind in pb-pricing.h) that pb_quote_issue_apply_fix() applies.
 */
#pragma once

#include "pb-account.h"
#include "pb-optimizer.h"
#include "pb-pricing.h"

G_BEGIN_DECLS

/* Appends the Q-6 warnings of @quote to @issues (PbQuoteIssue).  @account
 * is the quote's account replayed, or NULL when it could not be (no advice
 * that needs it then). */
void pb_advice_check         (PbCatalog           *catalog,
                              PbQuote             *quote,
                              PbQuoteAccount      *account,
                              GPtrArray           *issues);

/* VM-5/VM-6: warns when package item @index costs more than the cheapest
 * packages covering its minutes, with that cover as its fix. */
void pb_advice_check_package (PbCatalog           *catalog,
                              PbQuote             *quote,
                              guint                index,
                              GPtrArray           *issues);

/* The price of package item @item as quoted; FALSE when it has none (a
 * size off the catalog, a price out of range). */
gboolean pb_advice_package_price (PbCatalog       *catalog,
                                  PbQuoteItem     *item,
                                  PbMoney         *price);

/* "1 × fixed 100,000-minute package + 1 × custom 30,000-minute package" */
char *pb_voice_plan_describe (const PbVoicePlan  *plan);

/* Sets @issue's fix to PB_QUOTE_FIX_CHEAPEST_COVER: the @n_remove package
 * items @remove (ascending) replaced with @plan's packages, as items. */
void pb_advice_set_cover_fix (PbQuoteIssue        *issue,
                              const PbVoicePlan   *plan,
                              const guint         *remove,
                              guint                n_remove);

/* Sets @issue's fix to PB_QUOTE_FIX_RENEW_BASE_FEE: a year of base fee
 * added to the quote (EL-7, EL-8, EL-10). */
void pb_advice_set_base_fee_fix (PbQuoteIssue     *issue);

G_END_DECLS
