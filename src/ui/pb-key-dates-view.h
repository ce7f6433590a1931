/* pb-key-dates-view.h: what must be done by when, from the as-of instant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-lifecycle.h"

G_BEGIN_DECLS

#define PB_TYPE_KEY_DATES_VIEW (pb_key_dates_view_get_type ())
G_DECLARE_FINAL_TYPE (PbKeyDatesView, pb_key_dates_view, PB, KEY_DATES_VIEW, GtkWidget)

GtkWidget   *pb_key_dates_view_new           (void);
/* The key dates of @lifecycle at or after @from (PB_INSTANT_NONE: all). */
void         pb_key_dates_view_set_lifecycle (PbKeyDatesView *self,
                                              PbLifecycle    *lifecycle,
                                              PbInstant       from);
/* How many key dates are listed (for the tests). */
guint        pb_key_dates_view_get_n_dates   (PbKeyDatesView *self);

G_END_DECLS
