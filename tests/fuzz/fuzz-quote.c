/* fuzz-quote.c: the quote loader, then the Q-4 check and the pricing engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pb-fuzz.h"

#include <string.h>

#include "pb-catalog.h"
#include "pb-error.h"
#include "pb-pricing.h"
#include "pb-quote.h"

static PbCatalog *catalog;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  pb_fuzz_setup ();
  catalog = pb_catalog_get_default (&error);
  if (catalog == NULL)
    g_error ("the built-in catalog does not load: %s", error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autofree char *saved = NULL;

  quote = pb_quote_new_from_bytes (bytes, "fuzz.pricebook", &error);
  if (quote == NULL)
    {
      pb_fuzz_check_error (error, TRUE);
      return 0;
    }
  PB_FUZZ_ASSERT (error == NULL);

  issues = pb_pricing_check (catalog, quote);
  PB_FUZZ_ASSERT (issues != NULL);
  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *text = pb_quote_issue_to_string (g_ptr_array_index (issues, i));
      PB_FUZZ_ASSERT (text != NULL && g_utf8_validate (text, -1, NULL));
    }

  if (pb_pricing_compute (catalog, quote, &pricing, &error))
    {
      PB_FUZZ_ASSERT (pricing != NULL);
      /* a quote with an error is never priced. */
      PB_FUZZ_ASSERT (!pb_pricing_issues_have_errors (issues));
    }
  else
    {
      pb_fuzz_check_error (error, TRUE);
    }

  /* What loads saves, and what it saves loads again. */
  saved = pb_quote_to_string (quote);
  PB_FUZZ_ASSERT (saved != NULL);
  {
    g_autoptr(GBytes) again = g_bytes_new_static (saved, strlen (saved));
    g_autoptr(GError) reload_error = NULL;
    g_autoptr(PbQuote) reloaded = pb_quote_new_from_bytes (again, "saved.pricebook", &reload_error);

    if (reloaded == NULL)
      g_error ("a loaded quote saves to a file that does not load: %s\n%s",
               reload_error->message, saved);
  }
  return 0;
}
