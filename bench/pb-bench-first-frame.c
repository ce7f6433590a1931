/* pb-bench-first-frame.c: an LD_PRELOAD module that reports a GTK 4
 * program's first frame and its memory at rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded into both the minimal window and pricebook by bench-startup.py, so
 * that neither program is changed to be measured.  It hooks every frame
 * clock's "after-paint" signal; after the first paint it prints
 *
 *   first-frame-us: MICROSECONDS   (since PB_BENCH_T0, g_get_monotonic_time)
 *
 * then, PB_BENCH_REST_MS later (the window at rest), prints
 *
 *   rss-kib: KIB                   (VmRSS of /proc/self/status)
 *
 * on standard error and ends the process.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gtk/gtk.h>

void pb_bench_first_frame_init (void) __attribute__ ((constructor));

static gboolean seen;

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static gboolean
at_rest (gpointer user_data)
{
  fprintf (stderr, "rss-kib: %ld\n", rss_kib ());
  fflush (stderr);
  _exit (0);
  return G_SOURCE_REMOVE;
}

static gboolean
after_paint (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  const char *t0 = g_getenv ("PB_BENCH_T0");
  const char *rest = g_getenv ("PB_BENCH_REST_MS");

  if (seen)
    return TRUE;
  seen = TRUE;
  fprintf (stderr, "first-frame-us: %" G_GINT64_FORMAT "\n",
           g_get_monotonic_time () - (t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : 0));
  fflush (stderr);
  g_timeout_add (rest != NULL ? (guint) atoi (rest) : 1000, at_rest, NULL);
  return FALSE;
}

void
pb_bench_first_frame_init (void)
{
  gpointer klass = g_type_class_ref (GDK_TYPE_FRAME_CLOCK);
  guint signal = g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK);

  g_signal_add_emission_hook (signal, 0, after_paint, NULL, NULL);
  g_type_class_unref (klass);
}
