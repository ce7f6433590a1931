/* pb-file-private.h: pb_file_write() with its system calls replaced, for tests;
 * and the words for a file that is not a regular one, which the readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full disk or a failing device cannot be had on demand everywhere the
 * tests run; these hooks let a test make any write or fsync fail, or write
 * less than asked, and check that nothing was lost.  They are passed to
 * each call, never stored, so that the writer keeps no state.
 */
#pragma once

#include <sys/types.h>

#include "pb-file.h"

G_BEGIN_DECLS

typedef struct
{
  /* Instead of write(2), for the new file and the "NAME~" copy alike: may
   * write fewer bytes than asked, or return -1 with errno set. */
  gssize   (*write) (int         fd,
                     const void *buf,
                     gsize       count,
                     gpointer    user_data);
  /* Instead of fsync(2) of those files: 0, or -1 with errno set. */
  int      (*fsync) (int         fd,
                     gpointer    user_data);
  gpointer   user_data;
} PbFileHooks;

/* Why a file of @mode (not a regular file, not a folder) is refused, in
 * words: "it is a pipe (FIFO), not a regular file".  The readers say it
 * the same way. */
const char *pb_file_kind_reason (mode_t mode);

gboolean pb_file_write_with_hooks (const char         *path,
                                   const void         *data,
                                   gsize               size,
                                   PbFileWriteFlags    flags,
                                   const PbFileHooks  *hooks,
                                   GError            **error);

G_END_DECLS
