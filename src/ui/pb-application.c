/* pb-application.c: the single-instance application and its global actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-application.h"
#include "pb-save-changes-dialog.h"
#include "pb-window.h"

struct _PbApplication
{
  GtkApplication  parent_instance;
};

G_DEFINE_FINAL_TYPE (PbApplication, pb_application, GTK_TYPE_APPLICATION)

PbApplication *
pb_application_new (void)
{
  return g_object_new (PB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/pricebook/Pricebook",
                       NULL);
}

static PbWindow *
get_or_create_window (PbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (pb_window_new (self));
  return PB_WINDOW (window);
}

static void
pb_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (PB_APPLICATION (app))));
}

/* Files from the command line or the file manager open in the running
 * instance: in the active window when it shows nothing that has unsaved
 * changes, else each in a window of its own, so that nothing is dropped
 * and nobody is asked. */
static void
pb_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      PbWindow *window = get_or_create_window (PB_APPLICATION (app));
      PbDocument *document = pb_window_get_document (window);

      if (document != NULL && pb_document_get_dirty (document))
        window = pb_window_new (PB_APPLICATION (app));
      pb_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* ------------------------------------------------------------------ */
/* Quitting: one question for every unsaved document, then every window */

typedef struct
{
  GPtrArray *windows;   /* PbWindow, referenced: the list to close */
  GPtrArray *to_save;   /* PbDocument still to save */
} Quit;

static void
quit_free (Quit *quit)
{
  g_clear_pointer (&quit->windows, g_ptr_array_unref);
  g_clear_pointer (&quit->to_save, g_ptr_array_unref);
  g_free (quit);
}

/* Destroys the windows from the list taken before: never while iterating
 * gtk_application_get_windows (), which destroying changes. */
static void
quit_now (Quit *quit)
{
  for (guint i = 0; i < quit->windows->len; i++)
    {
      PbWindow *window = g_ptr_array_index (quit->windows, i);

      pb_window_discard (window);
      pb_window_set_document (window, NULL);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  quit_free (quit);
}

static PbWindow *
window_of (Quit *quit, PbDocument *document)
{
  for (guint i = 0; i < quit->windows->len; i++)
    if (pb_window_get_document (g_ptr_array_index (quit->windows, i)) == document)
      return g_ptr_array_index (quit->windows, i);
  return NULL;
}

static void save_next (Quit *quit);

static void
on_quit_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  Quit *quit = data;

  /* A save that failed or was cancelled stops the quit: its window says why. */
  if (!pb_window_save_finish (PB_WINDOW (source), result, NULL))
    {
      quit_free (quit);
      return;
    }
  save_next (quit);
}

static void
save_next (Quit *quit)
{
  PbWindow *window;

  if (quit->to_save->len == 0)
    {
      quit_now (quit);
      return;
    }
  window = window_of (quit, g_ptr_array_index (quit->to_save, 0));
  g_ptr_array_remove_index (quit->to_save, 0);
  gtk_window_present (GTK_WINDOW (window));
  pb_window_save_async (window, FALSE, NULL, on_quit_saved, quit);
}

static void
on_quit_answered (GObject *source, GAsyncResult *result, gpointer data)
{
  Quit *quit = data;

  switch (pb_save_changes_dialog_run_finish (result, &quit->to_save))
    {
    case PB_SAVE_CHANGES_SAVE:
      save_next (quit);
      break;
    case PB_SAVE_CHANGES_DISCARD:
      quit_now (quit);
      break;
    case PB_SAVE_CHANGES_CANCEL:
    default:
      quit_free (quit);
      break;
    }
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  Quit *quit = g_new0 (Quit, 1);
  g_autoptr(GPtrArray) dirty = g_ptr_array_new_with_free_func (g_object_unref);

  quit->windows = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (PB_IS_WINDOW (l->data))
      {
        PbDocument *document = pb_window_get_document (l->data);

        g_ptr_array_add (quit->windows, g_object_ref (l->data));
        if (document != NULL && pb_document_get_dirty (document))
          g_ptr_array_add (dirty, g_object_ref (document));
      }
  if (dirty->len == 0)
    quit_now (quit);
  else
    pb_save_changes_dialog_run_async (gtk_application_get_active_window (app), dirty, NULL,
                                      on_quit_answered, quit);
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (user_data);
  static const char *developers[] = { "The Pricebook developers", NULL };

  gtk_show_about_dialog (parent,
                         "program-name", _("Pricebook"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Quotes, timelines and lifecycles for Tencent Cloud Voice Message and Enterprise Live"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
read_icon_theme (GTask *task, gpointer source, gpointer theme, GCancellable *cancellable)
{
  /* Any lookup makes the theme read its folders' caches; GtkIconTheme takes
   * its own lock, as GTK's own read-ahead thread relies on. */
  gtk_icon_theme_has_icon (theme, "open-menu-symbolic");
}

/* GTK starts reading the icon theme (some 200 folders' caches, ~60 M
 * instructions) in a worker thread when the display opens, but the parent's
 * startup then adds our resource folder of icons, which throws that reading
 * away; the header bar's first icon would read it all again on this thread,
 * before the first frame.  Reading it again in a worker now overlaps it with
 * building the window instead (issue 7, target 1). */
static void
read_icon_theme_ahead (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_object_ref (theme), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme);
}

static void
pb_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (pb_application_parent_class)->startup (app);
  read_icon_theme_ahead ();

  /* Error messages and details are selectable so that they can be copied,
   * but a label that merely gets the keyboard focus (the banner when the
   * window opens, the timeline's details after a switch of views) must not
   * show all its text selected. */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);

  /* GtkApplication would find style.css under the resource base path by
   * itself; loading it here keeps that visible and independent of it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/pricebook/Pricebook/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  /* The window's shortcuts are binding actions on its class (pb-window.c). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  /* What GtkApplication gives a gtk/help-overlay.ui resource (see pb-window.c). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_overlay_accels);
}

static void
pb_application_class_init (PbApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = pb_application_startup;
  app_class->activate = pb_application_activate;
  app_class->open = pb_application_open;
}

static void
pb_application_init (PbApplication *self)
{
}
