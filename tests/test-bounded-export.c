/* test-bounded-export.c: the largest valid quotes export within a memory bound
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 16.5: a valid 97 KB quote (one base fee, 999 items of 100,000 codes)
 * made export-pdf allocate 4 GiB and die; 1,000 items of 10,000 numbers for
 * 1,200 months reached 4.9 GB.  The projection and its figure must cost
 * what is drawn, not what is counted: each export here runs with its
 * address space limited to 300 MiB, and its PDF says in words which items
 * the figure leaves out.  (How long it takes is measured in the README, not
 * here: timed tests fail on a busy machine.)
 */
#include <sys/resource.h>

#include "pb-test-cli.h"

#define MEMORY_LIMIT ((rlim_t) 300 * 1024 * 1024)

/* A quote of one base fee and @n items, each @item (a JSON object). */
static char *
big_quote (const char *item, guint n, gboolean base_fee)
{
  GString *text = g_string_new ("{ \"format\": \"pricebook-quote/1\", \"number\": \"Q-2026-9999\",\n"
                                "  \"date\": \"2026-11-22\", \"valid_days\": 30,\n"
                                "  \"customer\": { \"name\": \"Big\", \"enterprise\": true }, \"currency\": \"CNY\",\n"
                                "  \"items\": [\n");

  if (base_fee)
    g_string_append (text, "    { \"product\": \"live\", \"kind\": \"base_fee\", \"years\": 1 },\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "    %s%s\n", item, i + 1 < n ? "," : "");
  g_string_append (text, "  ] }\n");
  return g_string_free (text, FALSE);
}

static void
limit_memory (gpointer data)
{
  struct rlimit limit = { MEMORY_LIMIT, MEMORY_LIMIT };

  setrlimit (RLIMIT_AS, &limit);
}

/* pricebook-cli with its address space limited, as `prlimit --as` does. */
static void
run_limited (PbCliRun *run, const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  /* glibc reserves 64 MiB of address space for each thread's malloc arena
   * (pango and cairo start threads): with one arena the limit measures what
   * is used, not what is reserved (157 MB of address space instead of 420). */
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "MALLOC_ARENA_MAX", "1", TRUE);
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("PRICEBOOK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, limit_memory, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("pricebook-cli %s died (signal %d) under a %u MiB limit", args[0], WTERMSIG (wait_status),
             (guint) (MEMORY_LIMIT >> 20));
  run->status = WEXITSTATUS (wait_status);
}

static gboolean
sanitized (void)
{
  /* AddressSanitizer reserves terabytes of address space: a limit on it
   * says nothing there. */
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("built with AddressSanitizer, which cannot run under an address-space limit");
  return TRUE;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  g_test_skip ("built with AddressSanitizer, which cannot run under an address-space limit");
  return TRUE;
#endif
#endif
  return FALSE;
}

static void
export_bounded (gconstpointer data)
{
  const char *item = data;
  gboolean base_fee = strstr (item, "\"code\"") != NULL;
  g_autofree char *text = big_quote (item, base_fee ? 999 : 1000, base_fee);
  g_autofree char *path = pb_test_write_temp ("big.pricebook", text, -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *output = g_build_filename (dir, "big.pdf", NULL);
  g_autofree char *pdf = NULL;
  const char * const args[] = { "export-pdf", path, "-o", output, NULL };
  const char * const key_dates[] = { "key-dates", path, "--format", "ics", NULL };
  g_auto(PbCliRun) run = { 0 };
  g_auto(PbCliRun) dates = { 0 };

  if (sanitized ())
    return;
  run_limited (&run, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
  run_limited (&dates, key_dates);
  g_assert_cmpint (dates.status, ==, 0);
  g_assert_nonnull (strstr (dates.out, "BEGIN:VCALENDAR"));

  if (!pb_test_have_pdftotext ())
    return;
  pdf = pb_test_pdf_text (output);
  /* The figure is there, and says which items it leaves out. */
  g_assert_nonnull (strstr (pdf, "Projectedtimeline"));
  g_assert_nonnull (strstr (pdf, "ofthe1000itemsquoted"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/export/bounded/EL-4/codes",
                        "{ \"product\": \"live\", \"kind\": \"code\", \"tier\": \"flagship\", \"quantity\": 100000,"
                        " \"extra_viewers\": 100 }",
                        export_bounded);
  g_test_add_data_func ("/export/bounded/VM-2/VM-3/numbers",
                        "{ \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 10000, \"months\": 1200 }",
                        export_bounded);
  g_test_add_data_func ("/export/bounded/VM-5/packages",
                        "{ \"product\": \"voice\", \"kind\": \"fixed_package\", \"minutes\": 3000000,"
                        " \"quantity\": 100000 }",
                        export_bounded);
  return g_test_run ();
}
