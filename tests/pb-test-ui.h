/* pb-test-ui.h: drive real widgets from a test, as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* Widget tests need a display: tools/run-tests.sh runs the suite under Xvfb.
 * Where there is none (a Flatpak build's sandbox), they say so and skip
 * rather than abort. */
static inline void
pb_test_require_display (void)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display to open windows on\n");
      exit (77);
    }
}

/* The program's language as src/main.c sets it up, with the build tree's
 * translations (the suite sets PRICEBOOK_LOCALEDIR), and a display to
 * open windows on, or a skip. */
static inline void
pb_test_ui_prepare (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PRICEBOOK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  pb_test_require_display ();
}

/* GTK for a test, without animations: widget states and screenshots are
 * never caught half-way through a transition. */
static inline void
pb_test_ui_init (int *argc, char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* The first descendant of @root (depth first) whose widget name is @name. */
static inline GtkWidget *
pb_test_find (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pb_test_find (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
pb_test_get (GtkWidget *root, const char *name)
{
  GtkWidget *widget = pb_test_find (root, name);

  if (widget == NULL)
    g_error ("no widget named “%s”", name);
  return widget;
}

/* Collects every descendant of @type, depth first. */
static inline void
pb_test_collect (GtkWidget *root, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    pb_test_collect (child, type, out);
}

/* Deletes @path and everything under it: a test's own temporary folder. */
static inline void
pb_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        pb_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_remove (path);
}

/* How many names in the folder @dir end with @suffix (NULL: all). */
static inline guint
pb_test_count_files (const char *dir, const char *suffix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    n += suffix == NULL || g_str_has_suffix (name, suffix);
  return n;
}

/* Gives this run a data folder of its own (recent files, crash-recovery
 * copies), inside the suite's XDG_DATA_HOME in the build tree: the suite
 * runs a program under several time zones at once.  It is left in place:
 * deleting it under the live GtkRecentManager's file monitor, just before
 * exit, leaves an inotify event in flight, which LeakSanitizer reports. */
static inline void
pb_test_use_own_data_home (void)
{
  const char *suite = g_getenv ("XDG_DATA_HOME");
  g_autofree char *parent = g_strdup (suite != NULL ? suite : g_get_tmp_dir ());
  g_autofree char *home = g_build_filename (parent, "run-XXXXXX", NULL);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_nonnull (g_mkdtemp (home));
  g_setenv ("XDG_DATA_HOME", home, TRUE);
}

/* Lets GTK run its idle work (layout, bindings, timeouts due now). */
static inline void
pb_test_iterate (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static inline void
pb_test_click (GtkWidget *root, const char *name)
{
  GtkWidget *button = pb_test_get (root, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pb_test_iterate ();
}

/* Types into an entry or a spin button as a user would: the text, then Enter. */
static inline void
pb_test_type (GtkWidget *widget, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  if (GTK_IS_SPIN_BUTTON (widget))
    gtk_spin_button_update (GTK_SPIN_BUTTON (widget));
  pb_test_iterate ();
}

/* Runs the main loop until @done says so: work a worker thread finishes
 * (a save, an export).  The bound only ends a broken run; it measures
 * nothing. */
static inline void
pb_test_wait_for (gboolean (*done) (gpointer data), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("waited 60 s for a worker to finish");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  pb_test_iterate ();
}

static inline const char *
pb_test_label (GtkWidget *root, const char *name)
{
  return gtk_label_get_label (GTK_LABEL (pb_test_get (root, name)));
}

/* Renders @widget to a PNG, to look at. */
static inline void
pb_test_screenshot (GtkWidget *widget, const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  /* Give the frame clock a few frames to lay out and draw what changed. */
  for (int i = 0; i < 30; i++)
    {
      g_usleep (5000);
      pb_test_iterate ();
    }
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
}
