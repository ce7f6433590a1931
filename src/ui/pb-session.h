/* pb-session.h: copies of unsaved documents, and their return after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a document has unsaved changes, the session keeps a copy of it in
 * the user's data folder, a few seconds after each change.  The copies of a
 * process belong to it alone: it holds a lock for as long as it runs, so
 * that another Pricebook never offers them back while they are alive.  The
 * next start offers the copies of a process that ended without removing
 * them (a crash, a kill, a power cut).
 */
#pragma once

#include <gio/gio.h>

#include "pb-document.h"

G_BEGIN_DECLS

#define PB_TYPE_SESSION (pb_session_get_type ())
G_DECLARE_FINAL_TYPE (PbSession, pb_session, PB, SESSION, GObject)

/* This process's session, keeping its copies under the user data folder. */
PbSession  *pb_session_get_default      (void);
PbSession  *pb_session_new              (const char  *directory);

gboolean    pb_session_get_auto_save    (PbSession   *self);
void        pb_session_set_auto_save    (PbSession   *self,
                                         gboolean     auto_save);
guint       pb_session_get_auto_save_delay (PbSession *self);
void        pb_session_set_auto_save_delay (PbSession *self,
                                            guint      seconds);

/* The session keeps a copy of @document while it is dirty, and removes
 * the copy once it is saved, or when it is removed from the session. */
void        pb_session_add_document     (PbSession   *self,
                                         PbDocument  *document);
void        pb_session_remove_document  (PbSession   *self,
                                         PbDocument  *document);
/* Writes every pending copy now, and waits for the writes. */
void        pb_session_save_now         (PbSession   *self);

/* How many copies other, ended processes left behind. */
guint       pb_session_count_recoverable (PbSession  *self);
/* Opens them as unsaved documents of their files, removes them (each now
 * lives on as a document of this session) and returns them.  A copy that
 * cannot be read is moved aside; @problems (if not NULL) receives one
 * sentence for each. */
GPtrArray  *pb_session_restore          (PbSession   *self,
                                         GPtrArray  **problems);

G_END_DECLS
