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

int
pb_cli_quote (PbCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *path;

  if (argc == 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      fputs (quote_usage, stdout);
      return PB_CLI_OK;
    }
  if (argc != 2 || (argv[1][0] == '-' && argv[1][1] != '\0'))
    return pb_cli_usage (argv[0], _("expects exactly one argument, the quote file"));
  path = argv[1];

  quote = pb_quote_new_from_file (path, &error);
  if (quote == NULL)
    return pb_cli_fail (error);
  issues = pb_pricing_check (cli->catalog, quote);
  if (pb_pricing_issues_have_errors (issues))
    return report_issues (quote, issues);
  if (!pb_pricing_compute (cli->catalog, quote, &pricing, &error))
    {
      g_prefix_error (&error, "%s: ", path);
      return pb_cli_fail (error);
    }
  root = pb_pricing_to_json (pricing, quote);
  pb_cli_print (root);
  return PB_CLI_OK;
}
