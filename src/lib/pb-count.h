/* pb-count.h: whole numbers as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A salesperson types "180,000", "180 000" or "１８００００" into a field: each
 * is read as 180000 or refused in words, never cut to 180.  Files and the
 * command line keep their strict JSON integers; this is for fields only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean pb_count_parse_for_locale (const char  *text,
                                    const char  *thousands_sep,
                                    const char  *decimal_point,
                                    gint64       minimum,
                                    gint64       maximum,
                                    const char  *why_maximum,
                                    gint64      *result,
                                    GError     **error);
gboolean pb_count_parse            (const char  *text,
                                    gint64       minimum,
                                    gint64       maximum,
                                    const char  *why_maximum,
                                    gint64      *result,
                                    GError     **error);
char    *pb_count_format_editable  (gint64       value);

G_END_DECLS
