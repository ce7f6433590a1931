/* pb-item-row.h: one quote item's editor, amount and issues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-catalog.h"
#include "pb-count-entry.h"
#include "pb-pricing.h"
#include "pb-quote-item.h"

G_BEGIN_DECLS

#define PB_TYPE_ITEM_ROW (pb_item_row_get_type ())
G_DECLARE_FINAL_TYPE (PbItemRow, pb_item_row, PB, ITEM_ROW, GtkWidget)

PbItemRow   *pb_item_row_new         (PbQuoteItem  *item,
                                      PbCatalog    *catalog);
PbQuoteItem *pb_item_row_get_item    (PbItemRow    *self);
void         pb_item_row_set_result  (PbItemRow    *self,
                                      PbPricedItem *priced,
                                      GPtrArray    *issues);
void         pb_item_row_set_locked  (PbItemRow    *self,
                                      gboolean      locked);
const char  *pb_item_row_get_amount_text (PbItemRow *self);
PbCountEntry *pb_item_row_get_problem_field (PbItemRow *self);
void         pb_item_row_focus_field (PbItemRow    *self,
                                      const char   *name);

G_END_DECLS
