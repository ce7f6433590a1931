/* pb-clamp.h: keeps its child no wider than a reading width, centred
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PB_TYPE_CLAMP (pb_clamp_get_type ())
G_DECLARE_FINAL_TYPE (PbClamp, pb_clamp, PB, CLAMP, GtkWidget)

G_END_DECLS
