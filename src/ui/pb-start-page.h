/* pb-start-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PB_TYPE_START_PAGE (pb_start_page_get_type ())
G_DECLARE_FINAL_TYPE (PbStartPage, pb_start_page, PB, START_PAGE, GtkWidget)

void pb_start_page_reload (PbStartPage *self);

G_END_DECLS
