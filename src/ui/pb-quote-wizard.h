/* pb-quote-wizard.h: the four steps of building a quote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-quote.h"

G_BEGIN_DECLS

#define PB_TYPE_QUOTE_WIZARD (pb_quote_wizard_get_type ())
G_DECLARE_FINAL_TYPE (PbQuoteWizard, pb_quote_wizard, PB, QUOTE_WIZARD, GtkWidget)

void        pb_quote_wizard_set_quote      (PbQuoteWizard *self,
                                            PbQuote       *quote);
PbQuote    *pb_quote_wizard_get_quote      (PbQuoteWizard *self);
void        pb_quote_wizard_set_step       (PbQuoteWizard *self,
                                            const char    *step);
const char *pb_quote_wizard_get_step       (PbQuoteWizard *self);
/* The customer step, the focus in the customer's name: where a new quote
 * is filled in first. */
void        pb_quote_wizard_focus_start    (PbQuoteWizard *self);
const char *pb_quote_wizard_get_total_text (PbQuoteWizard *self);
const char *pb_quote_wizard_get_status_text (PbQuoteWizard *self);
const char *pb_quote_wizard_get_problem    (PbQuoteWizard *self);
void        pb_quote_wizard_undo           (PbQuoteWizard *self);

G_END_DECLS
