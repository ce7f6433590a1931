/* pb-key-dates-view.h: what must be done by when, from the as-of instant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-lifecycle.h"
#include "pb-projection.h"

G_BEGIN_DECLS

#define PB_TYPE_KEY_DATES_VIEW (pb_key_dates_view_get_type ())
G_DECLARE_FINAL_TYPE (PbKeyDatesView, pb_key_dates_view, PB, KEY_DATES_VIEW, GtkWidget)

GtkWidget   *pb_key_dates_view_new           (void);
/* The key dates of @lifecycle at or after @from (PB_INSTANT_NONE: all). */
void         pb_key_dates_view_set_lifecycle (PbKeyDatesView *self,
                                              PbLifecycle    *lifecycle,
                                              PbInstant       from);
/* A quote's projection, of which the lifecycle is a replay: its key dates
 * leave stand-ins out and never call a proposed code void
 * (pb_projection_key_dates); NULL lists the replay's own. */
void         pb_key_dates_view_set_projection (PbKeyDatesView *self,
                                               PbProjection   *projection);
/* How many key dates are listed (for the tests). */
guint        pb_key_dates_view_get_n_dates   (PbKeyDatesView *self);

G_END_DECLS
