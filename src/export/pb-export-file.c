/* pb-export-file.c: writing what an export made, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-export"

#include <string.h>

#include "pb-error.h"
#include "pb-export-file.h"
#include "pb-file.h"

gboolean
pb_export_write_file (const char *path, const void *data, gssize size, GError **error)
{
  g_return_val_if_fail (path != NULL && data != NULL, FALSE);

  /* No "NAME~": an export is made again from its document at will. */
  return pb_file_write (path, data, size < 0 ? strlen (data) : (gsize) size, PB_FILE_WRITE_NONE, error);
}

gboolean
pb_export_failed (const char *path, GError **error)
{
  if (error != NULL && g_error_matches (*error, PB_ERROR, PB_ERROR_INTERNAL))
    g_prefix_error (error, "%s: ", path);
  return FALSE;
}
