/* pb-tax.h: the tax a quote states, and net, tax and gross from its total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * list prices are taken to include 6 % VAT (an assumption, catalog
 * data: "quote.tax_default"); a quote may state its own basis and rate.
 * The documents and `pricebook-cli quote` show net, tax and gross, computed
 * from the quote's total T in fen and the rate r exactly as the contract
 * says (cli-and-formats.md, "Quotation details"):
 *
 *   inclusive: gross = T, net = round_half_up (T / (1 + r)), tax = gross − net
 *   exclusive: net = T, tax = round_half_up (T × r), gross = net + tax
 *
 * The rate is an integer count of hundredths of a percent (6 % is 600,
 * 9.5 % is 950), so the arithmetic is on integers only, checked.
 */
#pragma once

#include <glib-object.h>

#include "pb-money.h"

G_BEGIN_DECLS

/* 0 % to 100 %, at most two decimals, in hundredths of a percent. */
#define PB_TAX_MAX_RATE 10000

typedef enum
{
  PB_TAX_INCLUSIVE,  /* "inclusive": the line prices include the tax */
  PB_TAX_EXCLUSIVE,  /* "exclusive": the tax is added to the total */
} PbTaxBasis;

#define PB_TYPE_TAX_BASIS (pb_tax_basis_get_type ())
GType       pb_tax_basis_get_type    (void) G_GNUC_CONST;
const char *pb_tax_basis_to_string   (PbTaxBasis   basis);
gboolean    pb_tax_basis_from_string (const char  *text,
                                      PbTaxBasis  *basis);

/* Net, tax and gross of @total (rounded half-up to the fen first) at
 * @rate hundredths of a percent on @basis; each a whole number of fen.
 * PB_ERROR_OVERFLOW when a result leaves the PbMoney range; PB_ERROR_INPUT
 * for a rate outside 0..PB_TAX_MAX_RATE. */
gboolean    pb_tax_compute           (PbMoney      total,
                                      PbTaxBasis   basis,
                                      gint         rate,
                                      PbMoney     *net,
                                      PbMoney     *tax,
                                      PbMoney     *gross,
                                      GError     **error);

G_END_DECLS
