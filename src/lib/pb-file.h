/* pb-file.h: writing a file whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file Pricebook writes (quotes, scenarios, autosave copies, PDFs,
 * CSVs, timeline images) goes through pb_file_write(): a reader, a crash or
 * a full disk sees the old file or the new one, never a part, and a failed
 * write leaves the old file and its "NAME~" as they were.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PB_FILE_WRITE_NONE              = 0,
  /* Keep the version being replaced as "NAME~" beside it (quotes and
   * scenarios).  "NAME~" is replaced in one step too: it is always a whole
   * earlier version, never torn, never missing once made. */
  PB_FILE_WRITE_BACKUP            = 1 << 0,
  /* A file that does not exist yet is made with mode 0600 (autosave copies)
   * instead of 0666 less the umask.  An existing file keeps its mode. */
  PB_FILE_WRITE_PRIVATE           = 1 << 1,
  /* Replace a file that has no write permission (no write bit, even for
   * root, or not writable by this user).  Only when the user said so. */
  PB_FILE_WRITE_REPLACE_READ_ONLY = 1 << 2,
} PbFileWriteFlags;

/* Writes @size bytes of @data to @path: a temporary file in the same folder
 * (made with O_EXCL under a random name), every write checked, fsync'd,
 * given the old file's mode (and owner, where allowed), then renamed into
 * place and the folder fsync'd.  Safe to call from any thread (it keeps no
 * state between calls).
 *
 * @path must be a regular file or not exist.  A symbolic link to a regular
 * file is followed: the file it points to is replaced (and its "NAME~" is
 * beside it), the link stays.  Refused, with nothing written:
 * - a folder: G_IO_ERROR_IS_DIRECTORY;
 * - a device, FIFO or socket (/dev/null, /dev/full, /dev/stdout on a
 *   terminal or pipe), or a link to nothing: G_IO_ERROR_NOT_REGULAR_FILE;
 * - a file with other hard links (replacing it would silently split them,
 *   and writing in place could leave it torn by a crash):
 *   G_IO_ERROR_TOO_MANY_LINKS;
 * - a read-only file, without PB_FILE_WRITE_REPLACE_READ_ONLY:
 *   G_IO_ERROR_READ_ONLY.
 * Failures while writing: G_IO_ERROR_NO_SPACE (disk or quota full, file too
 * large), G_IO_ERROR_PERMISSION_DENIED (the folder), G_IO_ERROR_NOT_FOUND (no
 * such folder), or the code g_io_error_from_errno() gives (EIO:
 * G_IO_ERROR_FAILED).  In every case the message starts with @path and says
 * why in words, the old file and "NAME~" are untouched and no temporary
 * file is left behind. */
gboolean pb_file_write (const char        *path,
                        const void        *data,
                        gsize              size,
                        PbFileWriteFlags   flags,
                        GError           **error);

G_END_DECLS
