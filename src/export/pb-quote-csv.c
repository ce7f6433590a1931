/* pb-quote-csv.c: a quote's lines as CSV for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-quote-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pb-error.h"
#include "pb-export-file.h"
#include "pb-money.h"
#include "pb-pricing.h"
#include "pb-quote-csv.h"

#define BOM "\xEF\xBB\xBF"

/* RFC 4180: a field with a comma, a quote or a line break is quoted, its
 * quotes doubled. */
static void
append_field (GString *out, const char *text, gboolean last)
{
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

char *
pb_quote_csv_build (PbQuote *quote, PbCatalog *catalog, GError **error)
{
  g_autoptr(PbPricing) pricing = NULL;
  GString *out;

  g_return_val_if_fail (PB_IS_QUOTE (quote), NULL);
  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pb_pricing_compute (catalog, quote, &pricing, error))
    return NULL;

  out = g_string_new (BOM "item,kind,rule,description,quantity,unit_price,amount\r\n");
  for (guint i = 0; i < pricing->items->len; i++)
    {
      const PbPricedItem *item = g_ptr_array_index (pricing->items, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      for (guint j = 0; j < item->lines->len; j++)
        {
          const PbPriceLine *line = g_ptr_array_index (item->lines, j);
          g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, line->quantity);
          g_autofree char *unit_price = pb_money_format (line->unit_price);
          g_autofree char *amount = pb_money_format (line->amount);

          append_field (out, number, FALSE);
          append_field (out, pb_item_kind_to_string (item->kind), FALSE);
          append_field (out, line->rule, FALSE);
          append_field (out, line->description, FALSE);
          append_field (out, quantity, FALSE);
          append_field (out, unit_price, FALSE);
          append_field (out, amount, TRUE);
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
pb_quote_csv_export (PbQuote *quote, PbCatalog *catalog, const char *path, GError **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = pb_quote_csv_build (quote, catalog, error);
  if (text == NULL)
    return FALSE;
  return pb_export_write_file (path, text, -1, error);
}
