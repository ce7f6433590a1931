/* pb-cli-export-quote.c: pricebook-cli export-pdf and export-csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * export-pdf QUOTE.json -o OUT.pdf writes the document the window exports
 * (src/export/pb-quote-document.c); export-csv QUOTE.json -o OUT.csv the
 * quote's lines for spreadsheets.  A quote that breaks a rule is refused,
 * one line per broken rule at the item's place in the file (exit 2).
 * Nothing is printed on success but a warning when the document lacks
 * something a customer expects (no customer name, no items: the window asks
 * first, the command line exports and says so on stderr, exit 0); the file
 * appears whole or not at all.
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
  "Usage: pricebook-cli export-pdf QUOTE.json -o OUT.pdf [--seller SELLER.json] [--internal]\n"
  "                                [--seller-company TEXT] [--seller-name TEXT]\n"
  "                                [--seller-phone TEXT] [--seller-email TEXT]\n"
  "\n"
  "Writes the quote as a PDF on A4: the same document the window exports, in the\n"
  "quote's language.  Text is real text in an embedded font (Noto Sans CJK SC where\n"
  "installed).  A quote without a customer name or without items is exported with\n"
  "a warning on stderr.\n"
  "\n"
  "  -o, --output FILE      the PDF to write\n"
  "  --seller FILE          the seller's profile, a pricebook-seller/1 file: company,\n"
  "                         address, tax ID, bank, account, contact, phone, e-mail\n"
  "                         and logo (the window takes them from Preferences)\n"
  "  --seller-company TEXT  the seller's company,\n"
  "  --seller-name TEXT     sales person (contact),\n"
  "  --seller-phone TEXT    phone\n"
  "  --seller-email TEXT    and e-mail, instead of the file's\n"
  "  --internal             the internal copy: the line table keeps its rule column\n"
  "                         and the header says the copy is not for the customer\n";

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
  const char *seller;
  const char *company;
  const char *name;
  const char *phone;
  const char *email;
  const char *internal;   /* non-NULL: --internal was given */
} Arguments;

/* Parses argv into @args; returns -1 to go on, or an exit status. */
static int
parse_arguments (int argc, char **argv, const Option *options, guint n_options, const Option *flags,
                 const char *usage, const char *extension, Arguments *args)
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
      if (flags != NULL && g_str_equal (arg, flags->name))
        {
          *flags->value = arg;
          continue;
        }
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

/* The seller: the --seller file's, then each --seller-* option over it;
 * NULL when neither is given.  FALSE with @error when the file is wrong. */
static gboolean
load_seller (const Arguments *args, PbSeller **result, GError **error)
{
  g_autoptr(PbSeller) seller = NULL;

  if (args->seller != NULL && (seller = pb_seller_new_from_file (args->seller, error)) == NULL)
    return FALSE;
  if (seller == NULL && (args->company != NULL || args->name != NULL || args->phone != NULL ||
                         args->email != NULL))
    seller = pb_seller_new (NULL, NULL, NULL, NULL);
  if (args->company != NULL)
    pb_seller_set (&seller->company, args->company);
  if (args->name != NULL)
    pb_seller_set (&seller->contact, args->name);
  if (args->phone != NULL)
    pb_seller_set (&seller->phone, args->phone);
  if (args->email != NULL)
    pb_seller_set (&seller->email, args->email);
  *result = g_steal_pointer (&seller);
  return TRUE;
}

/* What the document lacks, on stderr: the export goes on (exit 0). */
static void
warn_missing (PbQuote *quote, const char *path)
{
  g_autofree char *text = pb_quote_missing_to_string (pb_quote_get_missing (quote));

  if (text != NULL)
    g_printerr (_("pricebook-cli: warning: %s: %s\n"), path, text);
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
    { "-o", &args.output }, { "--output", &args.output }, { "--seller", &args.seller },
    { "--seller-company", &args.company }, { "--seller-name", &args.name },
    { "--seller-phone", &args.phone }, { "--seller-email", &args.email },
  };
  const Option internal = { "--internal", &args.internal };
  int status;

  status = parse_arguments (argc, argv, options, G_N_ELEMENTS (options), &internal, pdf_usage, ".pdf", &args);
  if (status >= 0)
    return status;
  quote = pb_cli_load_quote (cli, args.path, &status);
  if (quote == NULL)
    return status;
  if (!load_seller (&args, &seller, &error))
    return pb_cli_fail (error);
  document = pb_quote_document_new_full (quote, cli->catalog, seller,
                                         args.internal != NULL ? PB_QUOTE_DOCUMENT_INTERNAL
                                                               : PB_QUOTE_DOCUMENT_CUSTOMER_COPY, &error);
  if (document == NULL || !pb_quote_document_export_pdf (document, args.output, &error))
    return pb_cli_fail (error);
  warn_missing (quote, args.path);
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

  status = parse_arguments (argc, argv, options, G_N_ELEMENTS (options), NULL, csv_usage, ".csv", &args);
  if (status >= 0)
    return status;
  quote = pb_cli_load_quote (cli, args.path, &status);
  if (quote == NULL)
    return status;
  if (!pb_quote_csv_export (quote, cli->catalog, args.output, &error))
    return pb_cli_fail (error);
  return PB_CLI_OK;
}
