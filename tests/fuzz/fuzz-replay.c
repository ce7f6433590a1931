/* fuzz-replay.c: a fuzz harness as an ordinary test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one fuzz-HARNESS.c (PB_FUZZ_HARNESS names it), this runs the
 * harness on every file of tests/fuzz/corpus/HARNESS/ and
 * tests/fuzz/regressions/HARNESS/, one TAP test each.  That is how an input
 * that once crashed stays fixed, in every build (gcc, the sanitizer build)
 * and without clang.
 */
#include "pb-fuzz.h"

static void
test_replay (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  /* A crash, a sanitizer report or a broken invariant ends the program. */
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort() passes pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_directory (const char *kind)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", kind, PB_FUZZ_HARNESS, NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", PB_FUZZ_HARNESS, kind, file);

      g_test_add_data_func_full (test_path, g_build_filename (dir, file, NULL), test_replay, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);
  add_directory ("corpus");
  add_directory ("regressions");
  return g_test_run ();
}
