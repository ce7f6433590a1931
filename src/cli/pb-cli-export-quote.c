/* pb-cli-export-quote.c: pricebook-cli export-pdf and export-csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * export-pdf QUOTE.json -o OUT.pdf writes the document the window exports
 * (src/export/pb-quote-document.c); export-csv QUOTE.json -o OUT.csv the
 * quote's lines for spreadsheets.  A quote that breaks a rule is refused,
 * one line per broken rule at the item's place in the file (exit 2).
 * Nothing is printed on success; the file appears whole or not at all.
 */
#define G_LOG_DOMAIN "pricebook-cli"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pb-cli-private.h"
#include "pb-error.h"
#include "pb-pricing.h"
#include "pb-quote-csv.h"
#include "pb-quote-document.h"

static const char pdf_usage[] =
  "Usage: pricebook-cli export-pdf QUOTE.json -o OUT.pdf\n"
  "                                [--seller-company TEXT] [--seller-name TEXT]\n"
  "                                [--seller-phone TEXT] [--seller-email TEXT]\n"
  "\n"
  "Writes the quote as a PDF on A4: the same document the window exports, in the\n"
  "quote's language.  Text is real text in an embedded font (Noto Sans CJK SC where\n"
  "installed).\n"
  "\n"
  "  -o, --output FILE      the PDF to write\n"
  "  --seller-company TEXT  the seller block: company,\n"
  "  --seller-name TEXT     sales person,\n"
  "  --seller-phone TEXT    phone\n"
  "  --seller-email TEXT    and e-mail (the window takes them from Preferences)\n";

static const char csv_usage[] =
  "Usage: pricebook-cli export-csv QUOTE.json -o OUT.csv\n"
  "\n"
  "Writes the quote's lines as CSV: UTF-8 with a byte-order mark, a header row, then\n"
  "one row per line (item, kind, rule, description, quantity, unit_price, amount),\n"
  "amounts as plain decimals (1050.00).\n"
  "\n"
  "  -o, --output FILE   the CSV to write\n";

typedef struct
{
  const char  *name;
  const char **value;
} Option;

typedef struct
{
  const char *path;
  const char *output;
  const char *company;
  const char *name;
  const char *phone;
  const char *email;
} Arguments;

/* Parses argv into @args; returns -1 to go on, or an exit status. */
static int
parse_arguments (int argc, char **argv, const Option *options, guint n_options, const char *usage,
                 const char *extension, Arguments *args)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean taken = FALSE;

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          fputs (usage, stdout);
          return PB_CLI_OK;
        }
      for (guint k = 0; k < n_options && !taken; k++)
        {
          gsize length = strlen (options[k].name);

          if (g_str_equal (arg, options[k].name))
            {
              if (i + 1 >= argc)
                {
                  g_autofree char *message = g_strdup_printf (_("“%s” needs a value"), arg);

                  return pb_cli_usage (argv[0], message);
                }
              *options[k].value = argv[++i];
              taken = TRUE;
            }
          else if (length > 2 && strncmp (arg, options[k].name, length) == 0 && arg[length] == '=')
            {
              *options[k].value = arg + length + 1;
              taken = TRUE;
            }
        }
      if (taken)
        continue;
      if (arg[0] == '-' && arg[1] != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("unknown option: “%s”"), arg);

          return pb_cli_usage (argv[0], message);
        }
      if (args->path != NULL)
        return pb_cli_usage (argv[0], _("only one quote file can be exported at a time"));
      args->path = arg;
    }
  if (args->path == NULL)
    return pb_cli_usage (argv[0], _("missing the quote file (QUOTE.json)"));
  if (args->output == NULL || *args->output == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("missing the output file (-o OUT%s)"), extension);

      return pb_cli_usage (argv[0], message);
    }
  return -1;
}

int
pb_cli_export_pdf (PbCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(PbSeller) seller = NULL;
  g_autoptr(PbQuoteDocument) document = NULL;
  Arguments args = { 0 };
  const Option options[] = {
    { "-o", &args.output }, { "--output", &args.output },
    { "--seller-company", &args.company }, { "--seller-name", &args.name },
    { "--seller-phone", &args.phone }, { "--seller-email", &args.email },
  };
  int status;

  status = parse_arguments (argc, argv, options, G_N_ELEMENTS (options), pdf_usage, ".pdf", &args);
  if (status >= 0)
    return status;
  quote = pb_cli_load_quote (cli, args.path, &status);
  if (quote == NULL)
    return status;
  if (args.company != NULL || args.name != NULL || args.phone != NULL || args.email != NULL)
    seller = pb_seller_new (args.company, args.name, args.phone, args.email);
  document = pb_quote_document_new (quote, cli->catalog, seller, &error);
  if (document == NULL || !pb_quote_document_export_pdf (document, args.output, &error))
    return pb_cli_fail (error);
  return PB_CLI_OK;
}

int
pb_cli_export_csv (PbCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = NULL;
  Arguments args = { 0 };
  const Option options[] = { { "-o", &args.output }, { "--output", &args.output } };
  int status;

  status = parse_arguments (argc, argv, options, G_N_ELEMENTS (options), csv_usage, ".csv", &args);
  if (status >= 0)
    return status;
  quote = pb_cli_load_quote (cli, args.path, &status);
  if (quote == NULL)
    return status;
  if (!pb_quote_csv_export (quote, cli->catalog, args.output, &error))
    return pb_cli_fail (error);
  return PB_CLI_OK;
}
