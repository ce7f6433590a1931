/* pb-export-file.h: writing what an export made, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @size bytes of @data (-1: a NUL-terminated text) to @path through a
 * temporary file renamed into place, so that no reader ever sees a partial
 * file; on failure @error names @path and why (PB_ERROR_INPUT). */
gboolean pb_export_write_file (const char  *path,
                               const void  *data,
                               gssize       size,
                               GError     **error);

G_END_DECLS
