/* pb-file.c: writing a file whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why not g_file_replace_contents(): when a write fails (a full disk), it
 * still renames the torn temporary file over the original, and it makes
 * "NAME~" by unlinking and linking, so that two savers at once see it
 * missing and fail.  Why not g_file_set_contents_full(): it replaces a
 * device or a symbolic link with a regular file, drops the file's mode and
 * keeps no "NAME~".  So the steps are ours:
 *
 *   1. look at the target without opening it: a regular file or nothing;
 *   2. write the new content to a temporary file beside it (O_EXCL, random
 *      name, locked while it lives), every write checked, then its mode and
 *      owner, fsync;
 *   3. with PB_FILE_WRITE_BACKUP, copy the old file into a second temporary
 *      file the same way and rename that onto "NAME~";
 *   4. rename the new file onto NAME and fsync the folder.
 *
 * Any failure before 4 removes the temporary files and leaves NAME and
 * "NAME~" as they were.  A save killed half-way leaves its temporary file;
 * the next save of the same file removes it (unlocked and a minute old).  "NAME~" is a copy, not a hard link to NAME: a link
 * would make NAME look hard-linked (and so refused, see below) to another
 * saver for a moment, and copying needs no link support from the file
 * system.  The target itself is never opened for writing, never truncated,
 * never unlinked.
 */
#define G_LOG_DOMAIN "pb-file"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pb-file-private.h"

/* Long enough that guessing is hopeless, short enough to keep the name
 * under NAME_MAX once the original name is cut to PREFIX_MAX bytes. */
#define RANDOM_CHARS 8
#define PREFIX_MAX   200
#define COPY_CHUNK   (64 * 1024)
/* A temporary file this old and unlocked was left by a killed save. */
#define STALE_SECONDS 60

typedef struct
{
  char        *path;    /* what is replaced: @path, or the file its link points to */
  char        *folder;
  gboolean     exists;
  struct stat  st;
} Target;

static void
target_clear (Target *target)
{
  g_free (target->path);
  g_free (target->folder);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

/* ------------------------------------------------------------------ */
/* Errors                                                             */

static int
code_from_errno (int err)
{
  switch (err)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      return G_IO_ERROR_NO_SPACE;
    case EROFS:
      return G_IO_ERROR_READ_ONLY;
    case EACCES:
    case EPERM:
      return G_IO_ERROR_PERMISSION_DENIED;
    default:
      return g_io_error_from_errno (err);
    }
}

/* Why, in words a user can act on; the system's own text otherwise. */
static const char *
reason_from_errno (int err)
{
  switch (err)
    {
    case ENOSPC:
      return _("the disk is full");
    case EDQUOT:
      return _("the disk quota is used up");
    case EFBIG:
      return _("the file is larger than this system allows");
    case EIO:
      return _("the disk reported an input/output error");
    case EROFS:
      return _("the disk is mounted read-only");
    case EACCES:
    case EPERM:
      return _("permission denied");
    case ENOENT:
      return _("the folder does not exist");
    case ENOTDIR:
      return _("a part of the path is not a folder");
    case ENAMETOOLONG:
      return _("the name is too long");
    default:
      return g_strerror (err);
    }
}

static void
set_error (GError **error, const char *path, int code, const char *reason)
{
  g_set_error (error, G_IO_ERROR, code, _("%s: cannot write the file: %s"), path, reason);
}

static void
set_errno_error (GError **error, const char *path, int err)
{
  set_error (error, path, code_from_errno (err), reason_from_errno (err));
}

/* ------------------------------------------------------------------ */
/* 1. The target                                                      */

const char *
pb_file_kind_reason (mode_t mode)
{
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("it is a device, not a regular file");
  if (S_ISFIFO (mode))
    return _("it is a pipe (FIFO), not a regular file");
  if (S_ISSOCK (mode))
    return _("it is a socket, not a regular file");
  return _("it is not a regular file");
}

static gboolean
is_read_only (const Target *target)
{
  /* Root may write anything: the missing write bits are the user's word. */
  if ((target->st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return TRUE;
  return faccessat (AT_FDCWD, target->path, W_OK, AT_EACCESS) != 0 && (errno == EACCES || errno == EPERM);
}

/* Fills @target for @path: follows a symbolic link to its file, refuses
 * whatever is not a regular file, a hard-linked file, a read-only one. */
static gboolean
inspect_target (const char *path, PbFileWriteFlags flags, Target *target, GError **error)
{
  struct stat link_st;

  if (lstat (path, &link_st) != 0)
    {
      if (errno != ENOENT)
        {
          set_errno_error (error, path, errno);
          return FALSE;
        }
      /* A new file (or a missing folder, which creating it will say). */
      target->path = g_strdup (path);
      target->folder = g_path_get_dirname (path);
      return TRUE;
    }
  target->exists = TRUE;
  target->st = link_st;
  if (S_ISLNK (link_st.st_mode) && stat (path, &target->st) != 0)
    {
      set_error (error, path, G_IO_ERROR_NOT_REGULAR_FILE, _("it is a symbolic link to a file that does not exist"));
      return FALSE;
    }
  if (S_ISDIR (target->st.st_mode))
    {
      set_error (error, path, G_IO_ERROR_IS_DIRECTORY, _("it is a folder"));
      return FALSE;
    }
  if (!S_ISREG (target->st.st_mode))
    {
      set_error (error, path, G_IO_ERROR_NOT_REGULAR_FILE, pb_file_kind_reason (target->st.st_mode));
      return FALSE;
    }
  /* Editors write the file a link points to and keep the link.  (A link
   * realpath() cannot follow is /proc/self/fd/N of a deleted file.) */
  target->path = S_ISLNK (link_st.st_mode) ? realpath (path, NULL) : g_strdup (path);
  if (target->path == NULL)
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }
  target->folder = g_path_get_dirname (target->path);
  /* Replacing a hard-linked file splits it (the other names keep the old
   * content) and writing it in place could leave it torn by a crash or a
   * full disk: neither is acceptable for a document, so say so. */
  if (target->st.st_nlink > 1)
    {
      set_error (error, path, G_IO_ERROR_TOO_MANY_LINKS,
                 _("it has other hard links, which would no longer share its content; save it under another name"));
      return FALSE;
    }
  if (!(flags & PB_FILE_WRITE_REPLACE_READ_ONLY) && is_read_only (target))
    {
      set_error (error, path, G_IO_ERROR_READ_ONLY, _("the file is read-only"));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 2. Temporary files                                                 */

/* The helpers below return FALSE or NULL with errno set: the messages are
 * worded once, by the callers, with the name the caller gave. */

/* A file being written beside the target.  It stays open, and locked
 * (flock), until it has been renamed or removed: that lock is how a later
 * save tells a live saver's file from one a killed saver left behind. */
typedef struct
{
  char *path;
  int   fd;
} Temporary;

static void
temporary_discard (Temporary *temporary)
{
  int saved = errno;

  if (temporary->path)
    g_unlink (temporary->path);
  if (temporary->fd >= 0)
    close (temporary->fd);
  g_clear_pointer (&temporary->path, g_free);
  temporary->fd = -1;
  errno = saved;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Temporary, temporary_discard)

static gboolean
temporary_rename (Temporary *temporary, const char *destination)
{
  if (g_rename (temporary->path, destination) != 0)
    return FALSE;
  /* Renamed: nothing to remove any more. */
  g_clear_pointer (&temporary->path, g_free);
  close (temporary->fd);
  temporary->fd = -1;
  return TRUE;
}

/* ".NAME." of ".NAME.XXXXXXXX.tmp", NAME cut to PREFIX_MAX bytes so that
 * the whole stays under NAME_MAX. */
static char *
temporary_prefix (const Target *target)
{
  g_autofree char *base = g_path_get_basename (target->path);

  if (strlen (base) > PREFIX_MAX)
    base[PREFIX_MAX] = '\0';
  return g_strdup_printf (".%s.", base);
}

/* Makes ".NAME.XXXXXXXX.tmp" beside @target with O_EXCL: another saver of
 * the same file (another thread or process) picks another name. */
static gboolean
temporary_create (const Target *target, mode_t mode, Temporary *temporary)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  g_autofree char *prefix = temporary_prefix (target);

  for (int attempt = 0; attempt < 100; attempt++)
    {
      char random[RANDOM_CHARS + 1];
      g_autofree char *name = NULL;

      for (int i = 0; i < RANDOM_CHARS; i++)
        random[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      random[RANDOM_CHARS] = '\0';
      name = g_strconcat (prefix, random, ".tmp", NULL);
      temporary->path = g_build_filename (target->folder, name, NULL);
      temporary->fd = open (temporary->path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
      if (temporary->fd >= 0)
        {
          flock (temporary->fd, LOCK_EX | LOCK_NB);
          return TRUE;
        }
      g_clear_pointer (&temporary->path, g_free);
      if (errno != EEXIST)
        return FALSE;
    }
  return FALSE;
}

/* Removes the temporary files of saves of @target that were killed before
 * they finished: unlocked, and older than STALE_SECONDS (a saver takes its
 * lock a moment after making its file). */
static void
remove_stale_temporaries (const Target *target)
{
  g_autofree char *prefix = temporary_prefix (target);
  g_autoptr(GDir) folder = g_dir_open (target->folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (folder && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".tmp") ||
          strlen (name) != strlen (prefix) + RANDOM_CHARS + strlen (".tmp"))
        continue;
      path = g_build_filename (target->folder, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_mtime < now - STALE_SECONDS &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

static gboolean
write_all (int fd, const guint8 *data, gsize size, const PbFileHooks *hooks)
{
  while (size > 0)
    {
      gssize written = hooks && hooks->write ? hooks->write (fd, data, size, hooks->user_data)
                                             : write (fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (written == 0)
            errno = EIO;
          return FALSE;
        }
      data += written;
      size -= (gsize) written;
    }
  return TRUE;
}

/* Gives @fd the mode and owner of what it replaces: a 0600 file stays
 * private.  Set-user-ID and set-group-ID bits are not carried over. */
static void
keep_mode_and_owner (int fd, const struct stat *st)
{
  if ((st->st_uid != geteuid () || st->st_gid != getegid ()) && fchown (fd, st->st_uid, st->st_gid) != 0)
    g_debug ("cannot keep the owner %u:%u: %s", st->st_uid, st->st_gid, g_strerror (errno));
  if (fchmod (fd, st->st_mode & 01777) != 0)
    g_debug ("cannot keep the mode %o: %s", st->st_mode & 01777, g_strerror (errno));
}

/* Fills @temporary, beside @target, with @size bytes of @data, gives it
 * @st's mode and owner (or @mode, for a new file, when @st is NULL) and
 * makes it durable; on failure, nothing is left. */
static gboolean
temporary_write (const Target *target, const void *data, gsize size, mode_t mode, const struct stat *st,
                 const PbFileHooks *hooks, Temporary *temporary)
{
  if (!temporary_create (target, st ? 0600 : mode, temporary))
    return FALSE;
  if (write_all (temporary->fd, data, size, hooks))
    {
      if (st)
        keep_mode_and_owner (temporary->fd, st);
      if ((hooks && hooks->fsync ? hooks->fsync (temporary->fd, hooks->user_data) : fsync (temporary->fd)) == 0)
        return TRUE;
    }
  temporary_discard (temporary);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* 3. "NAME~"                                                         */

static gboolean
read_all (int fd, GByteArray *content)
{
  for (;;)
    {
      guint8 chunk[COPY_CHUNK];
      gssize got = read (fd, chunk, sizeof chunk);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        return got == 0;
      g_byte_array_append (content, chunk, (guint) got);
    }
}

/* The whole file being replaced, read through one descriptor: a saver
 * renaming a new version in meanwhile does not change what it reads. */
static GByteArray *
read_original (const Target *target, struct stat *st)
{
  g_autoptr(GByteArray) content = g_byte_array_new ();
  int fd = open (target->path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  gboolean read = FALSE;
  int saved;

  if (fd < 0)
    return NULL;
  if (fstat (fd, st) == 0)
    {
      /* Something else may have been put there since inspect_target(). */
      if (S_ISREG (st->st_mode))
        read = read_all (fd, content);
      else
        errno = EINVAL;
    }
  saved = errno;
  close (fd);
  errno = saved;
  return read ? g_steal_pointer (&content) : NULL;
}

/* Copies the file being replaced to a temporary file and renames that
 * onto "NAME~": at every moment "NAME~" is absent (never made yet), the
 * earlier backup or this one, each whole. */
static gboolean
keep_backup (const Target *target, const char *path, const PbFileHooks *hooks, GError **error)
{
  g_autofree char *backup = g_strconcat (target->path, "~", NULL);
  g_autofree char *shown = NULL;
  g_auto(Temporary) temporary = { NULL, -1 };
  g_autoptr(GByteArray) content = NULL;
  struct stat st;
  int saved;

  content = read_original (target, &st);
  if (content && temporary_write (target, content->data, content->len, 0, &st, hooks, &temporary) &&
      temporary_rename (&temporary, backup))
    return TRUE;
  saved = errno;
  shown = g_filename_display_basename (backup);
  g_set_error (error, G_IO_ERROR, code_from_errno (saved), _("%s: cannot keep the previous version as “%s”: %s"),
               path, shown, reason_from_errno (saved));
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* 4. Into place                                                      */

static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The rename is done: a folder that cannot be synced (some file systems
   * refuse) leaves the new file in place, which is what the caller asked. */
  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("cannot sync the folder %s: %s", folder, g_strerror (errno));
  close (fd);
}

gboolean
pb_file_write_with_hooks (const char *path, const void *data, gsize size, PbFileWriteFlags flags,
                          const PbFileHooks *hooks, GError **error)
{
  g_auto(Target) target = { 0 };
  g_auto(Temporary) temporary = { NULL, -1 };
  mode_t mode = (flags & PB_FILE_WRITE_PRIVATE) ? 0600 : 0666;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!inspect_target (path, flags, &target, error))
    return FALSE;
  remove_stale_temporaries (&target);
  if (!temporary_write (&target, data, size, mode, target.exists ? &target.st : NULL, hooks, &temporary))
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }
  if (target.exists && (flags & PB_FILE_WRITE_BACKUP) && !keep_backup (&target, path, hooks, error))
    return FALSE;
  /* After the steps above only a failing disk can make this fail; "NAME~"
   * then already holds the old file, which NAME still holds too. */
  if (!temporary_rename (&temporary, target.path))
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }
  sync_folder (target.folder);
  return TRUE;
}

gboolean
pb_file_write (const char *path, const void *data, gsize size, PbFileWriteFlags flags, GError **error)
{
  return pb_file_write_with_hooks (path, data, size, flags, NULL, error);
}
