/* pb-simulator-page.h: replay a scenario, edit its events, read its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-lifecycle.h"
#include "pb-replay.h"
#include "pb-scenario.h"

G_BEGIN_DECLS

#define PB_TYPE_SIMULATOR_PAGE (pb_simulator_page_get_type ())
G_DECLARE_FINAL_TYPE (PbSimulatorPage, pb_simulator_page, PB, SIMULATOR_PAGE, GtkWidget)

/* Shows @scenario replayed by a replay of the page's own. */
void         pb_simulator_page_set_scenario  (PbSimulatorPage *self,
                                              PbScenario      *scenario);
/* Shows whatever @replay replays, kept by its owner (the window): the page
 * never replays by itself then. */
void         pb_simulator_page_set_replay    (PbSimulatorPage *self,
                                              PbReplay        *replay);
PbScenario  *pb_simulator_page_get_scenario  (PbSimulatorPage *self);
PbInstant    pb_simulator_page_get_at        (PbSimulatorPage *self);
void         pb_simulator_page_set_at        (PbSimulatorPage *self,
                                              PbInstant        at);
void         pb_simulator_page_set_narrow    (PbSimulatorPage *self,
                                              gboolean         narrow);
void         pb_simulator_page_step          (PbSimulatorPage *self,
                                              int              direction);
char        *pb_simulator_page_describe_state (PbSimulatorPage *self);
/* Shows @scenario's description in @label (hidden when it has none). */
void         pb_simulator_show_description   (GtkLabel        *label,
                                              PbScenario      *scenario);

G_END_DECLS
