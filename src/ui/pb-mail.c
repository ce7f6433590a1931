/* pb-mail.c: handing a file to the user's e-mail program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GNOME applications send a file as the portal's ComposeEmail does: the
 * file goes as an open descriptor, so it works from a sandbox too, and the
 * user's own mail program opens with the message ready to address.  Where
 * no portal answers (another desktop, a plain X session), xdg-email does
 * the same from the command line.
 */
#define G_LOG_DOMAIN "pb-mail"

#include "config.h"

#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "pb-mail.h"

typedef struct
{
  char *path;
  char *subject;
  char *body;
} Message;

static void
message_free (Message *message)
{
  g_free (message->path);
  g_free (message->subject);
  g_free (message->body);
  g_free (message);
}

static void
compose_with_xdg_email (GTask *task)
{
  Message *message = g_task_get_task_data (task);
  g_autofree char *program = g_find_program_in_path ("xdg-email");
  const char *argv[] = { program, "--utf8", "--subject", message->subject, "--body", message->body,
                         "--attach", message->path, NULL };
  GError *error = NULL;

  if (program == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("No e-mail program was found (neither the desktop’s e-mail portal nor xdg-email)."));
      return;
    }
  if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_portal_answered (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), NULL, result, &error);
  if (reply != NULL)
    g_task_return_boolean (task, TRUE);
  else
    compose_with_xdg_email (task);
}

static void
on_bus (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) task = data;
  Message *message = g_task_get_task_data (task);
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);
  g_autoptr(GUnixFDList) fds = g_unix_fd_list_new ();
  GVariantBuilder options, attachments;
  int fd, handle;

  fd = bus != NULL ? g_open (message->path, O_RDONLY | O_CLOEXEC, 0) : -1;
  if (fd < 0)
    {
      compose_with_xdg_email (task);
      return;
    }
  handle = g_unix_fd_list_append (fds, fd, NULL);
  close (fd);
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "subject", g_variant_new_string (message->subject));
  g_variant_builder_add (&options, "{sv}", "body", g_variant_new_string (message->body));
  g_variant_builder_init (&attachments, G_VARIANT_TYPE ("ah"));
  g_variant_builder_add (&attachments, "h", handle);
  g_variant_builder_add (&options, "{sv}", "attachment_fds", g_variant_builder_end (&attachments));
  g_dbus_connection_call_with_unix_fd_list (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                                            "org.freedesktop.portal.Email", "ComposeEmail",
                                            g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                                            G_DBUS_CALL_FLAGS_NONE, -1, fds, g_task_get_cancellable (task),
                                            on_portal_answered, g_object_ref (task));
}

void
pb_mail_compose_async (const char          *path,
                       const char          *subject,
                       const char          *body,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Message *message = g_new0 (Message, 1);

  message->path = g_strdup (path);
  message->subject = g_strdup (subject);
  message->body = g_strdup (body);
  g_task_set_task_data (task, message, (GDestroyNotify) message_free);
  /* No session bus (a bare X session, a test): straight to xdg-email. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL && g_getenv ("XDG_RUNTIME_DIR") == NULL)
    {
      compose_with_xdg_email (task);
      g_object_unref (task);
      return;
    }
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_bus, task);
}

gboolean
pb_mail_compose_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
