/* pb-test-cli.h: run pricebook-cli from a test and look at what it did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  int   status;     /* exit status */
  char *out;        /* stdout */
  char *err;        /* stderr */
} PbCliRun;

static inline void
pb_cli_run_clear (PbCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PbCliRun, pb_cli_run_clear)

/* Runs the built pricebook-cli ($PRICEBOOK_CLI) with the NULL-terminated
 * arguments. */
static inline void
pb_cli_run (PbCliRun *run, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PRICEBOOK_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  /* A crash is never an acceptable answer to any input. */
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* Writes @contents to a fresh file in a temporary folder and returns its path. */
static inline char *
pb_test_write_temp (const char *name, const char *contents, gssize length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pricebook-test-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

/* Asserts the contract for wrong input: exit 2, nothing on stdout, and a
 * message on stderr containing every NULL-terminated needle. */
static inline void
pb_assert_input_error (PbCliRun *run, const char *first_needle, ...)
{
  va_list args;

  if (run->status != 2 || run->out[0] != '\0')
    g_error ("expected exit 2 and no output, got %d with stdout “%s” and stderr “%s”",
             run->status, run->out, run->err);
  va_start (args, first_needle);
  for (const char *needle = first_needle; needle != NULL; needle = va_arg (args, const char *))
    if (strstr (run->err, needle) == NULL)
      g_error ("stderr “%s” does not mention “%s”", run->err, needle);
  va_end (args);
}

/* Parses stdout as JSON; the caller owns the returned node. */
static inline JsonNode *
pb_cli_run_json (PbCliRun *run)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (run->status != 0)
    g_error ("pricebook-cli exited %d: %s", run->status, run->err);
  node = json_from_string (run->out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Skips the test (and returns FALSE) when pdftotext is not installed. */
static inline gboolean
pb_test_have_pdftotext (void)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return program != NULL;
}

/* @text without its white space: pdftotext breaks lines where the page does. */
static inline char *
pb_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* The text of the PDF at @path, white space removed. */
static inline char *
pb_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &raw, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return pb_test_squeeze (raw);
}
