/* bench-minimal-window.c: the smallest GTK 4 window, the yardstick of
 * issue 7's start-up and memory targets (1, 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkApplication presenting one GtkWindow with a label: what any GTK 4
 * program pays before it shows anything.  Built in this tree with the same
 * flags as Pricebook, and measured side by side with it by bench-startup.py.
 *
 * With --headerbar it has a GtkHeaderBar as its title bar, as every window
 * has on a GNOME desktop, where the window controls' icons make GTK load the
 * icon theme: the figure that says how much of Pricebook's start-up is only
 * having a title bar at all under Xvfb, where a plain window has none.
 */
#include <gtk/gtk.h>
#include <string.h>

static gboolean headerbar;

static void
activate (GApplication *app,
          gpointer      user_data)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Minimal GTK 4 window"));
  if (headerbar)
    gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.pricebook.BenchMinimal",
                                                       G_APPLICATION_NON_UNIQUE);

  /* Ours, not GApplication's: taken out before it parses the rest. */
  if (argc > 1 && strcmp (argv[1], "--headerbar") == 0)
    {
      headerbar = TRUE;
      argv[1] = argv[0];
      argv++;
      argc--;
    }
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
