/* pb-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-account"

#include "pb-account.h"

#include <glib/gi18n-lib.h>

#include "pb-error.h"

char *
pb_account_new_name (GHashTable *taken, const char *prefix, guint *counter)
{
  char *name;

  g_return_val_if_fail (prefix != NULL && counter != NULL, NULL);

  for (;;)
    {
      name = g_strdup_printf ("%s%u", prefix, ++*counter);
      if (taken == NULL)
        return name;
      if (!g_hash_table_contains (taken, name))
        break;
      g_free (name);
    }
  g_hash_table_add (taken, g_strdup (name));
  return name;
}

static gboolean
history_buys_base_fee (PbScenario *history)
{
  guint n;
  const PbScenarioEvent *events = pb_scenario_get_events (history, &n);

  for (guint i = 0; i < n; i++)
    if (events[i].type == PB_EVENT_LIVE_BASE_FEE_BUY)
      return TRUE;
  return FALSE;
}

/* The base fee a customer holds until @until is bought one term before it
 * ends (the latest instant whose term ends by @until under the scenario's
 * rule), so that the quote's codes find it valid, as they will (EL-7). */
static gboolean
append_stand_in (PbScenario *scenario, PbInstant until, PbInstant start, GHashTable *taken,
                 gint *stand_in, GError **error)
{
  PbTermRule rule = pb_scenario_get_term_rule (scenario);
  PbInstant bought = pb_time_add_days (pb_time_add_years (until, -1), 1);
  g_autofree char *gift = NULL;
  PbScenarioEvent event;
  guint counter = 0;
  gint index;

  if (pb_time_term_end (rule, bought) > until)
    bought = pb_time_add_years (until, -1);
  /* "G0" where the history leaves it free, as before histories existed. */
  if (taken != NULL && g_hash_table_contains (taken, "G0"))
    gift = pb_account_new_name (taken, "G0-", &counter);
  else
    {
      gift = g_strdup ("G0");
      if (taken != NULL)
        g_hash_table_add (taken, g_strdup (gift));
    }
  pb_scenario_event_init (&event, PB_EVENT_LIVE_BASE_FEE_BUY, MIN (bought, start), gift);
  event.note = _("The base fee the customer already holds (not part of this quote); "
                 "its gifted code is not counted");
  index = pb_scenario_append_event (scenario, &event, error);
  if (stand_in != NULL)
    *stand_in = index;
  return index >= 0;
}

gboolean
pb_quote_append_account (PbQuote *quote, PbScenario *scenario, PbInstant start, GHashTable *taken,
                         gint *stand_in, GError **error)
{
  PbScenario *history = pb_quote_get_account (quote);
  PbInstant until = pb_quote_get_live_base_fee_until (quote);

  g_return_val_if_fail (PB_IS_QUOTE (quote), FALSE);
  g_return_val_if_fail (PB_IS_SCENARIO (scenario), FALSE);

  if (stand_in != NULL)
    *stand_in = -1;
  if (history != NULL)
    {
      guint n;
      const PbScenarioEvent *events = pb_scenario_get_events (history, &n);

      for (guint i = 0; i < n; i++)
        {
          /* Checked again against @scenario's catalog, which may not be
           * the one the history was read with (pricebook-cli --catalog). */
          if (pb_scenario_append_event (scenario, &events[i], error) < 0)
            {
              g_prefix_error (error, "%s: ", _("account"));
              return FALSE;
            }
          if (taken != NULL)
            g_hash_table_add (taken, g_strdup (events[i].subject));
        }
    }
  /* A history that buys a base fee says how long it lasts itself. */
  if (until != PB_INSTANT_NONE && (history == NULL || !history_buys_base_fee (history)))
    return append_stand_in (scenario, until, start, taken, stand_in, error);
  return TRUE;
}

/* EL-3 (convention): a base-fee item is one purchase of its years, or one a
 * year under a catalog that gifts a code a year; bought at the quote's date
 * in the quote's order, after the whole history. */
static gboolean
append_base_fees (PbQuote *quote, PbScenario *scenario, GHashTable *taken, GError **error)
{
  PbCatalog *catalog = pb_scenario_get_catalog (scenario);
  guint n = pb_quote_get_n_items (quote), gifts = 0;

  for (guint i = 0; i < n; i++)
    {
      PbQuoteItem *item = pb_quote_get_item (quote, i);
      gint64 years = pb_quote_item_get_years (item);
      gint64 purchases;

      /* A count below 1 is the check's Q-4 error, not a purchase. */
      if (pb_quote_item_get_kind (item) != PB_ITEM_KIND_BASE_FEE || years < 1)
        continue;
      purchases = pb_catalog_el_base_fee_gifts (catalog, years);
      for (gint64 p = 0; p < purchases; p++)
        {
          g_autofree char *gift = pb_account_new_name (taken, "G", &gifts);
          PbScenarioEvent event;

          pb_scenario_event_init (&event, PB_EVENT_LIVE_BASE_FEE_BUY, pb_quote_get_date (quote), gift);
          event.years = years / purchases;
          if (pb_scenario_append_event (scenario, &event, error) < 0)
            return FALSE;
        }
    }
  return TRUE;
}

PbQuoteAccount *
pb_quote_account_new (PbCatalog *catalog, PbQuote *quote, GError **error)
{
  g_autoptr(PbScenario) scenario = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(PbQuoteAccount) account = NULL;
  guint held_events, n_terms;

  g_return_val_if_fail (PB_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PB_IS_QUOTE (quote), NULL);

  scenario = pb_scenario_new (catalog);
  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  account = g_new0 (PbQuoteAccount, 1);
  account->catalog = g_object_ref (catalog);
  account->date = pb_quote_get_date (quote);
  account->has_history = pb_quote_get_account (quote) != NULL;
  if (!pb_quote_append_account (quote, scenario, account->date, taken, NULL, error) ||
      (account->held = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, error)) == NULL)
    return NULL;
  pb_lifecycle_get_base_fee_terms (account->held, &n_terms);
  account->first_quote_term = n_terms;
  held_events = pb_scenario_get_n_events (scenario);
  if (!append_base_fees (quote, scenario, taken, error))
    return NULL;
  if (pb_scenario_get_n_events (scenario) == held_events)
    account->bought = g_object_ref (account->held);
  else
    {
      g_autoptr(GError) local_error = NULL;

      /* A price beyond the money range is the pricing's error to report,
       * at the item; the account itself is sound. */
      account->bought = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, &local_error);
      if (account->bought == NULL && !g_error_matches (local_error, PB_ERROR, PB_ERROR_OVERFLOW))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&account);
}

void
pb_quote_account_free (PbQuoteAccount *account)
{
  if (account == NULL)
    return;
  g_clear_object (&account->catalog);
  g_clear_object (&account->held);
  g_clear_object (&account->bought);
  g_free (account);
}

PbBaseFeeState
pb_quote_account_base_fee (PbQuoteAccount *account, PbInstant *expires_at)
{
  g_return_val_if_fail (account != NULL, PB_BASE_FEE_NONE);

  return pb_lifecycle_base_fee_at (account->held, account->date, expires_at);
}

PbInstant
pb_quote_account_base_fee_end (PbQuoteAccount *account)
{
  PbInstant end;

  g_return_val_if_fail (account != NULL, PB_INSTANT_NONE);

  if (account->bought == NULL ||
      pb_lifecycle_base_fee_at (account->bought, account->date, &end) != PB_BASE_FEE_ACTIVE)
    return PB_INSTANT_NONE;
  return end;
}

/* How many purchases (base-fee terms) item @index of @quote makes. */
static guint
item_purchases (PbCatalog *catalog, PbQuote *quote, guint index)
{
  PbQuoteItem *item = pb_quote_get_item (quote, index);
  gint64 years = pb_quote_item_get_years (item);

  if (pb_quote_item_get_kind (item) != PB_ITEM_KIND_BASE_FEE || years < 1)
    return 0;
  return (guint) pb_catalog_el_base_fee_gifts (catalog, years);
}

gboolean
pb_quote_account_item_terms (PbQuoteAccount *account, PbQuote *quote, guint item,
                             const PbBaseFeeTerm **first, const PbBaseFeeTerm **last)
{
  guint n_terms, index, count;
  const PbBaseFeeTerm *terms;

  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (PB_IS_QUOTE (quote), FALSE);
  g_return_val_if_fail (item < pb_quote_get_n_items (quote), FALSE);

  if (account->bought == NULL)
    return FALSE;
  terms = pb_lifecycle_get_base_fee_terms (account->bought, &n_terms);
  /* The items' purchases follow the history's, in the quote's order. */
  index = account->first_quote_term;
  for (guint i = 0; i < item; i++)
    index += item_purchases (account->catalog, quote, i);
  count = item_purchases (account->catalog, quote, item);
  if (count == 0 || index + count > n_terms)
    return FALSE;
  *first = &terms[index];
  *last = &terms[index + count - 1];
  return TRUE;
}
