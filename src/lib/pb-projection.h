/* pb-projection.h: a quote's purchases as a scenario, to see them over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A projection is what a quote proposes, bought at one instant (the quote's
 * date at 00:00), as events the lifecycle engine replays.  Besides the
 * scenario it knows what each event stands for: a purchase the quote
 * proposes, or a stand-in for what the customer already holds (the base
 * fee of "account": { "live_base_fee_until" }) or the customer's history
 * ("account": { "events" }, bought before), so that the timeline can
 * draw a proposal as what it proposes (a code to bind, never a void one)
 * and the key dates leave stand-ins out.
 */
#pragma once

#include <glib-object.h>

#include "pb-catalog.h"
#include "pb-lifecycle.h"
#include "pb-quote.h"
#include "pb-scenario.h"

G_BEGIN_DECLS

typedef enum
{
  PB_PROJECTION_PROPOSED,   /* a purchase the quote proposes */
  PB_PROJECTION_STAND_IN,   /* stands for what the customer holds; not drawn, no key dates */
  PB_PROJECTION_HISTORY,    /* the customer's history (the quote's account): drawn as it
                             * happened, with its key dates */
} PbProjectionRole;

typedef struct
{
  PbInstant start;          /* PB_INSTANT_NONE: the quote's date */
  gboolean  numbers;        /* FALSE: leave numbers out (they have no key dates) */
  guint     max_items;      /* 0: every item; else only the first ones (base fees
                             * first, then the quote's order), as many as a
                             * figure can draw, so that its cost is bounded */
} PbProjectionOptions;

void pb_projection_options_init (PbProjectionOptions *options);

#define PB_TYPE_PROJECTION (pb_projection_get_type ())
G_DECLARE_FINAL_TYPE (PbProjection, pb_projection, PB, PROJECTION, GObject)

/* @options NULL: everything, from the quote's date. */
PbProjection     *pb_projection_new            (PbQuote                   *quote,
                                                PbCatalog                 *catalog,
                                                const PbProjectionOptions *options,
                                                GError                   **error);
PbScenario       *pb_projection_get_scenario   (PbProjection              *self);
/* The instant the quote's purchases are bought at. */
PbInstant         pb_projection_get_start      (PbProjection              *self);
/* The id quote item @item was bought under ("C3", "N1", "P2"; a base
 * fee's: its gifted code's), or NULL when it was not projected (an
 * expansion, an item of none, one past max_items). */
const char       *pb_projection_get_item_subject (PbProjection            *self,
                                                  guint                    item);
PbProjectionRole  pb_projection_get_event_role (PbProjection              *self,
                                                guint                      event);
/* Whether the code, number or package a lane shows (bought by @event) is
 * a stand-in, left out of what a projection draws and lists. */
gboolean          pb_projection_is_stand_in    (PbProjection              *self,
                                                guint                      event);

/* The role of what bought @subject (a code, number or package id), known
 * by its id rather than its event so that it survives what-if edits of the
 * scenario; FALSE for a subject the projection did not name (one a what-if
 * added). */
gboolean          pb_projection_lookup_subject (PbProjection              *self,
                                                const char                *subject,
                                                PbProjectionRole          *role);

/* The key dates (pb-key-dates.h) of @lifecycle, the replay of this
 * projection's scenario, at or after @from (PB_INSTANT_NONE: the first
 * purchase the quote proposes, the history's dates being past; or all when
 * it proposes none): stand-ins left out, and a code the quote proposes is
 * never called void, only to be bound by its deadline. */
GArray           *pb_projection_key_dates      (PbProjection              *self,
                                                PbLifecycle               *lifecycle,
                                                PbInstant                  from);

/* The projection's scenario alone (a new reference). */
PbScenario       *pb_quote_project             (PbQuote                   *quote,
                                                PbCatalog                 *catalog,
                                                PbInstant                  start,
                                                GError                   **error);

G_END_DECLS
