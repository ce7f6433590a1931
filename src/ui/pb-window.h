/* pb-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-application.h"
#include "pb-quote.h"
#include "pb-scenario.h"
#include "pb-timeline-view.h"

G_BEGIN_DECLS

#define PB_TYPE_WINDOW (pb_window_get_type ())
G_DECLARE_FINAL_TYPE (PbWindow, pb_window, PB, WINDOW, GtkApplicationWindow)

PbWindow *pb_window_new             (PbApplication *application);
void      pb_window_open_file       (PbWindow      *self,
                                     GFile         *file);
gboolean  pb_window_load_quote      (PbWindow      *self,
                                     GFile         *file,
                                     GError       **error);
gboolean  pb_window_load_scenario   (PbWindow      *self,
                                     GFile         *file,
                                     GError       **error);
void      pb_window_new_quote       (PbWindow      *self);
PbScenario *pb_window_get_scenario  (PbWindow      *self);
PbTimelineView *pb_window_get_timeline (PbWindow    *self);
void      pb_window_autosave_now    (PbWindow      *self);
void      pb_window_export_pdf      (PbWindow      *self,
                                     const char    *path);
gboolean  pb_window_restore         (PbWindow      *self,
                                     GError       **error);
PbQuote  *pb_window_get_quote       (PbWindow      *self);
gboolean  pb_window_get_dirty       (PbWindow      *self);
void      pb_window_show_banner     (PbWindow      *self,
                                     const char    *message);
void      pb_window_dismiss_banner  (PbWindow      *self);
const char *pb_window_get_banner    (PbWindow      *self);

G_END_DECLS
