/* pb-replay.h: one scenario and its replay, shared by the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's timeline and simulator show the same replay: this object
 * runs it once per change of the scenario and notifies ::lifecycle, so that
 * a 10,000-code account is replayed and kept once, whichever views exist.
 */
#pragma once

#include <glib-object.h>

#include "pb-lifecycle.h"
#include "pb-projection.h"
#include "pb-scenario.h"

G_BEGIN_DECLS

#define PB_TYPE_REPLAY (pb_replay_get_type ())
G_DECLARE_FINAL_TYPE (PbReplay, pb_replay, PB, REPLAY, GObject)

PbReplay     *pb_replay_new          (void);
/* Replays @scenario now and again whenever it emits ::changed; NULL
 * clears.  ::lifecycle is notified after every replay, also of the same
 * scenario. */
void          pb_replay_set_scenario (PbReplay   *self,
                                      PbScenario *scenario);
PbScenario   *pb_replay_get_scenario (PbReplay   *self);
/* A quote's projection: its scenario is replayed as by set_scenario(), and
 * the projection is kept beside it, so that the quote's Timeline knows
 * what the quote proposes (pb_timeline_new_for_projection).  Setting a
 * scenario forgets it. */
void          pb_replay_set_projection (PbReplay     *self,
                                        PbProjection *projection);
/* NULL unless the scenario is a quote's projection. */
PbProjection *pb_replay_get_projection (PbReplay     *self);
/* NULL without a scenario, or when the replay failed (see get_error). */
PbLifecycle  *pb_replay_get_lifecycle (PbReplay  *self);
/* Why the last replay failed, or NULL. */
const GError *pb_replay_get_error    (PbReplay   *self);

G_END_DECLS
