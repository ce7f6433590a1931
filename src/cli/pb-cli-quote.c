/* pb-cli-quote.c: pricebook-cli quote QUOTE.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads a pricebook-quote/1 file, checks it and prints its price in
 * the contract's JSON.  A broken rule is reported at the item's place in
 * the file ("FILE:LINE:COL: item 2 (custom_package): … (VM-6)"), one line
 * per broken rule, and nothing is printed on stdout.
 */
#define G_LOG_DOMAIN "pricebook-cli"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "pb-cli-private.h"
#include "pb-error.h"
#include "pb-pricing.h"
#include "pb-quote.h"

static const char quote_usage[] =
  "Usage: pricebook-cli quote QUOTE.json\n"
  "\n"
  "Prices a quote (format pricebook-quote/1) and prints the items with their lines,\n"
  "the subtotal, the discount, the total, the terms and the warnings as JSON.\n";

int
pb_cli_quote (PbCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *path;
  int status;

  if (argc == 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      fputs (quote_usage, stdout);
      return PB_CLI_OK;
    }
  if (argc != 2 || (argv[1][0] == '-' && argv[1][1] != '\0'))
    return pb_cli_usage (argv[0], _("expects exactly one argument, the quote file"));
  path = argv[1];

  quote = pb_cli_load_quote (cli, path, &status);
  if (quote == NULL)
    return status;
  if (!pb_pricing_compute (cli->catalog, quote, &pricing, &error))
    {
      g_prefix_error (&error, "%s: ", path);
      return pb_cli_fail (error);
    }
  root = pb_pricing_to_json (pricing, quote);
  pb_cli_print (root);
  return PB_CLI_OK;
}
