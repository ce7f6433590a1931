/* pb-quote-csv.h: a quote's lines as CSV for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UTF-8 with a byte-order mark (so that spreadsheet programs read Chinese
 * right), CRLF line ends and RFC 4180 quoting.  A header row, then one row
 * per priced line: item (1-based), kind, rule, description (in the quote's
 * language), quantity, unit_price, amount, amounts as plain decimals
 * ("1050.00", pb_money_format).
 */
#pragma once

#include "pb-catalog.h"
#include "pb-quote.h"

G_BEGIN_DECLS

/* The CSV text; NULL with PB_ERROR_RULE when the quote breaks a rule. */
char     *pb_quote_csv_build  (PbQuote    *quote,
                               PbCatalog  *catalog,
                               GError    **error);
/* Writes it to a temporary file beside @path, renamed into place. */
gboolean  pb_quote_csv_export (PbQuote    *quote,
                               PbCatalog  *catalog,
                               const char *path,
                               GError    **error);

G_END_DECLS
