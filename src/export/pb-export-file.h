/* pb-export-file.h: writing what an export made, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @size bytes of @data (-1: a NUL-terminated text) to @path with
 * pb_file_write(): no reader ever sees a partial file, a failed export
 * leaves the old file as it was, and a device, folder, FIFO, hard-linked or
 * read-only target is refused.  On failure @error (G_IO_ERROR, see
 * pb-file.h) names @path and says why. */
gboolean pb_export_write_file (const char  *path,
                               const void  *data,
                               gssize       size,
                               GError     **error);

/* When making what an export writes to @path failed inside (a drawing
 * error: PB_ERROR_INTERNAL), puts "@path: " in front of @error's message,
 * so that every export error names the file; returns FALSE. */
gboolean pb_export_failed     (const char  *path,
                               GError     **error);

G_END_DECLS
