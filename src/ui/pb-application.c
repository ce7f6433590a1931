/* pb-application.c: the single-instance application and its global actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-application.h"
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
 * instance: a .pricebook in the quote views, a .pbscenario in the simulator. */
static void
pb_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  PbWindow *window = get_or_create_window (PB_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    pb_window_open_file (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Each window asks before it drops unsaved changes; quitting closes them
   * one by one through that path rather than around it. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
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
