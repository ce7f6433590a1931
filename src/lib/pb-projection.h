/* pb-projection.h: a quote's purchases as a scenario, to see them over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pb-catalog.h"
#include "pb-quote.h"
#include "pb-scenario.h"

G_BEGIN_DECLS

PbScenario *pb_quote_project (PbQuote    *quote,
                              PbCatalog  *catalog,
                              PbInstant   start,
                              GError    **error);

G_END_DECLS
