/* pb-scenario-private.h: scenario events inside another file (a quote's account)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A quote may carry the customer's history as scenario events ("account":
 * {"events": […]}): they are read and written exactly as a scenario's, by
 * the same code, so that the two formats can never drift apart.
 */
#pragma once

#include "pb-json-private.h"
#include "pb-scenario.h"

G_BEGIN_DECLS

/* Reads @node, element @index of an "events" array of @doc, and appends it
 * to @self, checked as a scenario file's event is (the catalog's tiers and
 * sizes, names bought once).  Messages name the place as "PREFIX: event N
 * (type)" (@prefix may be NULL) with the file's line and column. */
gboolean pb_scenario_read_event   (PbScenario  *self,
                                   PbJsonDoc   *doc,
                                   JsonNode    *node,
                                   guint        index,
                                   const char  *prefix,
                                   GError     **error);

/* Adds @self's events to @builder as a JSON array, as a scenario file
 * holds them (the array is the value of a member the caller has named). */
void     pb_scenario_build_events (PbScenario  *self,
                                   JsonBuilder *builder);

G_END_DECLS
