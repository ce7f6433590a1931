/* test-timeline-cli.c: pricebook-cli export-timeline, as outside scripts see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pb-test-cli.h"
#include "pb-timeline-export.h"

static char *
data_path (const char *dir, const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static char *
shipped_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", name, NULL);
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pricebook-timeline-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
export_ok (const char *scenario, const char *out, const char *first_option, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(PbCliRun) run = { 0 };
  va_list options;

  g_ptr_array_add (args, (char *) "export-timeline");
  g_ptr_array_add (args, (char *) scenario);
  g_ptr_array_add (args, (char *) "-o");
  g_ptr_array_add (args, (char *) out);
  va_start (options, first_option);
  for (const char *arg = first_option; arg != NULL; arg = va_arg (options, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (options);
  while (args->len < 10)
    g_ptr_array_add (args, NULL);
  pb_cli_run (&run, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3], args->pdata[4],
              args->pdata[5], args->pdata[6], args->pdata[7], args->pdata[8], args->pdata[9], NULL);
  if (run.status != 0)
    g_error ("export-timeline exited %d: %s", run.status, run.err);
  /* Success is silent: scripts read the file. */
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

/* The size a scenario's picture must have, from the library the CLI uses. */
static void
expected_size (const char *scenario_path, int width, int *out_width, int *out_height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (&error);
  g_autoptr(PbScenario) scenario = pb_scenario_new_from_file (scenario_path, catalog, &error);
  g_autoptr(PbLifecycle) lifecycle = NULL;
  g_autoptr(PbTimeline) timeline = NULL;
  PbTimelineExportOptions options;

  g_assert_no_error (error);
  lifecycle = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, &error);
  g_assert_no_error (error);
  timeline = pb_timeline_new (lifecycle, catalog);
  pb_timeline_export_options_init (&options);
  options.width = width;
  options.title = pb_scenario_get_title (scenario);
  pb_timeline_export_get_size (timeline, &options, out_width, out_height);
  /* Every lane is in the picture: the title, the ruler and the lanes. */
  g_assert_cmpfloat (*out_height, >=, 36 + PB_TIMELINE_RULER_HEIGHT + pb_timeline_get_content_height (timeline));
  g_assert_cmpuint (pb_timeline_get_n_lanes (timeline), >=, 4);
}

static void
png_size (const char *path, int *width, int *height)
{
  gsize length;
  g_autofree guchar *data = (guchar *) read_file (path, &length);

  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = (data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19];
  *height = (data[20] << 24) | (data[21] << 16) | (data[22] << 8) | data[23];
}

/* The PNG is as wide as asked (1200 by default) and as tall as every lane. */
static void
test_png_size (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *scenario = shipped_path ("customer-a.pbscenario");
  g_autofree char *out = g_build_filename (dir, "customer-a.png", NULL);
  g_autofree char *narrow = g_build_filename (dir, "narrow.PNG", NULL);
  int width, height, expected_width, expected_height;

  export_ok (scenario, out, NULL);
  png_size (out, &width, &height);
  expected_size (scenario, 0, &expected_width, &expected_height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (width, ==, expected_width);
  g_assert_cmpint (height, ==, expected_height);

  /* The span shown changes the scale, not the size. */
  export_ok (scenario, narrow, "--width", "800", "--from", "2020-12-01", "--to", "2021-02-01T00:00:00+08:00", NULL);
  png_size (narrow, &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, expected_height);
  remove_dir (dir);
}

/* Lane names (Chinese ones too) and the ruler's dates are real text. */
static void
test_pdf_text (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *scenario = data_path ("timeline", "names.pbscenario");
  g_autofree char *out = g_build_filename (dir, "names.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-enc", "UTF-8", NULL, "-", NULL };
  const char *needles[] = { "旗舰码甲", "StandardRoom7", "热线号码", "分钟包一", "示例科技：直播与语音",
                            "2020", "UTC+08:00", "Base fee" };
  gsize length;
  g_autofree char *pdf = NULL;
  int status = 0;

  export_ok (scenario, out, NULL);
  pdf = read_file (out, &length);
  g_assert_true (length > 5 && memcmp (pdf, "%PDF-", 5) == 0);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
      remove_dir (dir);
      return;
    }
  argv[0] = pdftotext;
  argv[3] = out;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, &errors, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    if (strstr (text, needles[i]) == NULL)
      g_error ("the PDF's text does not hold “%s”:\n%s", needles[i], text);
  remove_dir (dir);
}

static void
assert_svg_text (const char *svg, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *needle = g_strdup_printf (">%s</text>", escaped);

  if (strstr (svg, needle) == NULL)
    g_error ("the SVG has no <text> element “%s”", text);
}

/* SVG: <text> elements, and a ruler that follows the span: days and hours
 * for three days, years and months for the whole story. */
static void
test_svg_text (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *scenario = data_path ("timeline", "names.pbscenario");
  g_autofree char *out = g_build_filename (dir, "names.svg", NULL);
  g_autofree char *days = g_build_filename (dir, "days.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *svg_days = NULL;

  export_ok (scenario, out, NULL);
  svg = read_file (out, NULL);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_true (g_str_has_suffix (svg, "</svg>\n"));
  assert_svg_text (svg, "旗舰码甲");
  assert_svg_text (svg, "StandardRoom7");
  assert_svg_text (svg, "热线号码");
  assert_svg_text (svg, "分钟包一");
  assert_svg_text (svg, "2020");
  assert_svg_text (svg, "2021");
  g_assert_null (strstr (svg, ">2020-12-31</text>"));

  export_ok (scenario, days, "--from", "2020-12-30T00:00:00+08:00", "--to", "2021-01-02T00:00:00+08:00", NULL);
  svg_days = read_file (days, NULL);
  assert_svg_text (svg_days, "2020-12-31");
  assert_svg_text (svg_days, "2021-01-01");
  assert_svg_text (svg_days, "12:00");
  remove_dir (dir);
}

static guint
count_color (const char *png, guint32 rgb)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n += (((const guint32 *) (data + y * stride))[x] & 0xffffff) == rgb;
  cairo_surface_destroy (surface);
  return n;
}

/* --at draws the as-of marker, a line through every lane. */
static void
test_as_of_marker (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *scenario = data_path ("scenarios", "no-renewal.pbscenario");
  g_autofree char *with = g_build_filename (dir, "with.png", NULL);
  g_autofree char *without = g_build_filename (dir, "without.png", NULL);
  const guint32 as_of_color = 0xc2185b;

  export_ok (scenario, with, "--at", "2021-01-10T10:00:00+08:00", NULL);
  export_ok (scenario, without, NULL);
  g_assert_cmpuint (count_color (without, as_of_color), ==, 0);
  g_assert_cmpuint (count_color (with, as_of_color), >, 100);
  remove_dir (dir);
}

static void
assert_refused (const char *out, const char *needle, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(PbCliRun) run = { 0 };
  va_list list;

  va_start (list, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (list);
  while (args->len < 10)
    g_ptr_array_add (args, NULL);
  pb_cli_run (&run, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3], args->pdata[4],
              args->pdata[5], args->pdata[6], args->pdata[7], args->pdata[8], args->pdata[9], NULL);
  pb_assert_input_error (&run, needle, NULL);
  if (out != NULL)
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* Exit 2, a message naming what is wrong, nothing on stdout, no file. */
static void
test_wrong_input (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *scenario = shipped_path ("customer-a.pbscenario");
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *gif = g_build_filename (dir, "out.gif", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "no-such-folder", "out.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pbscenario", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.pbscenario", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.png", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (broken, "{ \"format\": \"pricebook-scenario/1\", \"events\": [ }", -1, NULL));
  assert_refused (gif, ".png", "export-timeline", scenario, "-o", gif, NULL);
  assert_refused (NULL, "-o", "export-timeline", scenario, NULL);
  assert_refused (png, "SCENARIO", "export-timeline", "-o", png, NULL);
  assert_refused (png, "--from", "export-timeline", scenario, "-o", png, "--from", "yesterday", NULL);
  assert_refused (png, "--at", "export-timeline", scenario, "-o", png, "--at", "2020-13-01", NULL);
  assert_refused (png, "2021-01-01T00:00:00+08:00", "export-timeline", scenario, "-o", png,
                  "--from", "2021-01-01", "--to", "2020-01-01", NULL);
  assert_refused (png, "--width", "export-timeline", scenario, "-o", png, "--width", "wide", NULL);
  assert_refused (png, "320", "export-timeline", scenario, "-o", png, "--width", "10", NULL);
  assert_refused (png, "--to", "export-timeline", scenario, "-o", png, "--to", NULL);
  assert_refused (png, "missing.pbscenario", "export-timeline", missing, "-o", png, NULL);
  assert_refused (png, "broken.pbscenario", "export-timeline", broken, "-o", png, NULL);
  assert_refused (missing_dir, "no-such-folder", "export-timeline", scenario, "-o", missing_dir, NULL);

  /* A failed export leaves an existing file as it was. */
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  assert_refused (NULL, "--from", "export-timeline", scenario, "-o", kept, "--from", "soon", NULL);
  contents = read_file (kept, NULL);
  g_assert_cmpstr (contents, ==, "old");
  remove_dir (dir);
}

/* A successful export replaces the file whole and leaves nothing else. */
static void
test_replace (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *scenario = shipped_path ("customer-a.pbscenario");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  export_ok (scenario, out, NULL);
  contents = read_file (out, &length);
  g_assert_true (length > 5 && memcmp (contents, "%PDF-", 5) == 0);
  g_assert_cmpuint (count_files (dir), ==, 1);
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/export-timeline/png-size", test_png_size);
  g_test_add_func ("/cli/export-timeline/pdf-text", test_pdf_text);
  g_test_add_func ("/cli/export-timeline/svg-text", test_svg_text);
  g_test_add_func ("/cli/export-timeline/EL-8/as-of-marker", test_as_of_marker);
  g_test_add_func ("/cli/export-timeline/wrong-input", test_wrong_input);
  g_test_add_func ("/cli/export-timeline/replace", test_replace);
  return g_test_run ();
}
