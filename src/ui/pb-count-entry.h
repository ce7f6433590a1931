/* pb-count-entry.h: a field for a whole number, taken as typed or refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PB_TYPE_COUNT_ENTRY (pb_count_entry_get_type ())
G_DECLARE_FINAL_TYPE (PbCountEntry, pb_count_entry, PB, COUNT_ENTRY, GtkWidget)

GtkWidget  *pb_count_entry_new         (const char   *label,
                                        gint64        minimum,
                                        gint64        maximum,
                                        const char   *why_maximum);
gint64      pb_count_entry_get_value   (PbCountEntry *self);
void        pb_count_entry_set_value   (PbCountEntry *self,
                                        gint64        value);
gboolean    pb_count_entry_is_empty    (PbCountEntry *self);
const char *pb_count_entry_get_problem (PbCountEntry *self);
const char *pb_count_entry_get_label   (PbCountEntry *self);

G_END_DECLS
