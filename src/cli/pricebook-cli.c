/* pricebook-cli.c: the headless face of Pricebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command asks the model library; none computes a price or a date of
 * its own.  See README.md for the contract.
 */
#define G_LOG_DOMAIN "pricebook-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pb-cli-private.h"
#include "pb-pricing.h"
#include "pb-error.h"

static const char usage[] =
  "Usage: pricebook-cli [--catalog FILE] COMMAND [ARGS…]\n"
  "\n"
  "Commands:\n"
  "  quote QUOTE.json                         price a quote (pricebook-quote/1)\n"
  "  optimize voice --minutes N               cheapest Voice Message packages for N minutes\n"
  "  optimize live --viewers V [--rooms R]    cheapest Enterprise Live codes for R rooms of V viewers\n"
  "  simulate SCENARIO.json [--at INSTANT]    replay a scenario: the state at INSTANT, or the timeline\n"
  "  export-timeline SCENARIO.json -o OUT.png|OUT.svg|OUT.pdf [--from I] [--to I] [--at I]\n"
  "                                           draw a scenario's timeline as the window shows it\n"
  "  export-pdf QUOTE.json -o OUT.pdf [--seller-company T] [--seller-name T]\n"
  "             [--seller-phone T] [--seller-email T]\n"
  "                                           the quote as a PDF document (A4)\n"
  "  export-csv QUOTE.json -o OUT.csv         the quote's lines as CSV (UTF-8 with BOM)\n"
  "  key-dates SCENARIO.json|QUOTE.json [--from INSTANT] [--format json|ics]\n"
  "                                           what must be done by when: bind, renew, expiries\n"
  "\n"
  "Options:\n"
  "  --catalog FILE   read prices and rules from FILE instead of the built-in catalog\n"
  "  --help           show this help\n"
  "  --version        show the version\n"
  "\n"
  "Exit status: 0 success, 2 wrong input (the message names file, line:column, item and rule),\n"
  "1 internal error.  Times are China Standard Time (UTC+08:00) whatever TZ says.\n";

int
pb_cli_fail (const GError *error)
{
  g_printerr ("pricebook-cli: %s\n", error->message);
  if (error->domain == PB_ERROR && error->code == PB_ERROR_INTERNAL)
    return PB_CLI_INTERNAL;
  /* A file that cannot be read or written (pb_file_write() says why with
   * G_IO_ERROR) is the caller's to fix, like wrong input. */
  if (error->domain == PB_ERROR || error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR)
    return PB_CLI_INPUT;
  return PB_CLI_INTERNAL;
}

int
pb_cli_usage (const char *command, const char *message)
{
  g_printerr ("pricebook-cli%s%s: %s\nTry “pricebook-cli --help”.\n", *command ? " " : "", command, message);
  return PB_CLI_INPUT;
}

void
pb_cli_print (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

/* A full disk or a closed pipe must not pass for success: a script would
 * take half a JSON document for the answer. */
static int
finish_output (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("pricebook-cli: cannot write the output: %s\n", g_strerror (errno));
      return PB_CLI_INTERNAL;
    }
  return status;
}

/* "--name VALUE" or "--name=VALUE"; TRUE when argv[*i] was one of @options. */
static gboolean
take_option (int argc, char **argv, int *i, const PbCliOption *options, guint n_options, gboolean *missing)
{
  for (guint k = 0; k < n_options; k++)
    {
      gsize length = strlen (options[k].name);

      if (g_str_equal (argv[*i], options[k].name))
        {
          if (*i + 1 >= argc)
            {
              *missing = TRUE;
              return TRUE;
            }
          *options[k].value = argv[++*i];
          return TRUE;
        }
      if (strncmp (argv[*i], options[k].name, length) == 0 && argv[*i][length] == '=' && length > 2)
        {
          *options[k].value = argv[*i] + length + 1;
          return TRUE;
        }
    }
  return FALSE;
}

int
pb_cli_parse_arguments (int argc, char **argv, const char *usage, const PbCliOption *options, guint n_options,
                        const char **path, const char *only_one)
{
  for (int i = 1; i < argc; i++)
    {
      gboolean missing = FALSE;

      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          fputs (usage, stdout);
          return PB_CLI_OK;
        }
      if (take_option (argc, argv, &i, options, n_options, &missing))
        {
          if (missing)
            {
              g_autofree char *message = g_strdup_printf (_("“%s” needs a value"), argv[i]);

              return pb_cli_usage (argv[0], message);
            }
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("unknown option or missing value: “%s”"), argv[i]);

          return pb_cli_usage (argv[0], message);
        }
      else if (*path != NULL)
        return pb_cli_usage (argv[0], only_one);
      else
        *path = argv[i];
    }
  return -1;
}

gboolean
pb_cli_parse_instant (const char *option, const char *text, PbInstant *instant, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (pb_time_parse (text, instant, error))
    return TRUE;
  g_prefix_error (error, "%s: ", option);
  return FALSE;
}

/* Every error of the check, each at its item's place in the file. */
static int
report_issues (PbQuote *quote, GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const PbQuoteIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *text = NULL;
      const char *origin = NULL;

      if (issue->severity != PB_ISSUE_ERROR)
        continue;
      if (issue->item >= 0)
        origin = pb_quote_item_get_origin (pb_quote_get_item (quote, issue->item));
      text = pb_quote_issue_to_string (issue);
      g_printerr ("pricebook-cli: %s: %s\n", origin ? origin : pb_quote_get_origin (quote), text);
    }
  return PB_CLI_INPUT;
}

/* The quote at @path, read and checked: the commands that price, export
 * or print a quote never do so for one that breaks a rule. */
PbQuote *
pb_cli_load_quote (PbCli *cli, const char *path, int *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(GPtrArray) issues = NULL;

  quote = pb_quote_new_from_file (path, &error);
  if (quote == NULL)
    {
      *status = pb_cli_fail (error);
      return NULL;
    }
  issues = pb_pricing_check (cli->catalog, quote);
  if (pb_pricing_issues_have_errors (issues))
    {
      *status = report_issues (quote, issues);
      return NULL;
    }
  return g_steal_pointer (&quote);
}

typedef int (*CommandFunc) (PbCli *cli, int argc, char **argv);

static const struct
{
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "quote", pb_cli_quote },
  { "optimize", pb_cli_optimize },
  { "simulate", pb_cli_simulate },
  { "export-timeline", pb_cli_export_timeline },
  { "export-pdf", pb_cli_export_pdf },
  { "export-csv", pb_cli_export_csv },
  { "key-dates", pb_cli_key_dates },
};

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = NULL;
  const char *catalog_path = NULL;
  PbCli cli = { 0 };
  int i = 1;

  /* Numbers and JSON stay in the C locale: output is a contract, not prose. */
  setlocale (LC_ALL, "C.UTF-8");
  /* glibc still honours LANGUAGE under C.UTF-8: the contract's words stay
   * English wherever the command runs. */
  g_unsetenv ("LANGUAGE");

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          fputs (usage, stdout);
          return finish_output (PB_CLI_OK);
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("pricebook-cli %s\n", PACKAGE_VERSION);
          return finish_output (PB_CLI_OK);
        }
      else if (g_str_equal (argv[i], "--catalog") && i + 1 < argc)
        catalog_path = argv[++i];
      else if (g_str_equal (argv[i], "--catalog"))
        return pb_cli_usage ("--catalog", "needs a FILE");
      else if (g_str_has_prefix (argv[i], "--catalog="))
        catalog_path = argv[i] + strlen ("--catalog=");
      else
        {
          g_autofree char *message = g_strdup_printf ("unknown option “%s”", argv[i]);

          return pb_cli_usage ("", message);
        }
    }
  if (i >= argc)
    {
      fputs (usage, stderr);
      return PB_CLI_INPUT;
    }

  catalog = catalog_path ? pb_catalog_new_from_file (catalog_path, &error)
                         : pb_catalog_get_default (&error);
  if (catalog == NULL)
    return pb_cli_fail (error);
  cli.catalog = catalog;

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return finish_output (commands[c].func (&cli, argc - i, argv + i));

  return pb_cli_usage (argv[i], "unknown command (known: quote, optimize, simulate, export-timeline, export-pdf, export-csv, key-dates)");
}
