/* pb-export-file.c: writing what an export made, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pb-error.h"
#include "pb-export-file.h"

gboolean
pb_export_write_file (const char *path, const void *data, gssize size, GError **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL && data != NULL, FALSE);

  /* g_file_set_contents_full writes a temporary file and renames it. */
  if (g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local))
    return TRUE;
  g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("%s: cannot write the file: %s"), path, local->message);
  return FALSE;
}
