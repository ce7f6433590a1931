/* pb-mail.h: handing a file to the user's e-mail program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Opens a new message with @path attached, @subject and @body filled in:
 * through the desktop's e-mail portal (org.freedesktop.portal.Email), else
 * `xdg-email --attach`.  G_IO_ERROR_NOT_FOUND when neither is there. */
void     pb_mail_compose_async  (const char           *path,
                                 const char           *subject,
                                 const char           *body,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean pb_mail_compose_finish (GAsyncResult         *result,
                                 GError              **error);

G_END_DECLS
