/* pb-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PB_TYPE_APPLICATION (pb_application_get_type ())
G_DECLARE_FINAL_TYPE (PbApplication, pb_application, PB, APPLICATION, GtkApplication)

PbApplication *pb_application_new (void);

G_END_DECLS
