/* pb-advice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-advice"

#include "pb-advice.h"

#include <glib/gi18n-lib.h>

/* Takes @suggestion and @message. */
static PbQuoteIssue *
add_warning (GPtrArray *issues, PbQuote *quote, int item, const char *rule, char *suggestion, char *message)
{
  PbQuoteIssue *issue = g_new0 (PbQuoteIssue, 1);

  issue->item = item;
  issue->kind = item >= 0 ? pb_quote_item_get_kind (pb_quote_get_item (quote, item)) : PB_ITEM_KIND_NUMBERS;
  issue->severity = PB_ISSUE_WARNING;
  issue->rule = g_strdup (rule);
  issue->suggestion = suggestion;
  issue->message = message;
  g_ptr_array_add (issues, issue);
  return issue;
}

static void
add_fix_item (PbQuoteIssue *issue, PbQuoteItem *item)
{
  if (issue->fix_items == NULL)
    issue->fix_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (issue->fix_items, item);
}

/* ------------------------------------------------------------------ */
/* Minute packages (VM-5, VM-6)                                       */

/* "1 × fixed 100,000-minute package + 1 × custom 30,000-minute package" */
char *
pb_voice_plan_describe (const PbVoicePlan *plan)
{
  GString *out = g_string_new (NULL);
  guint i = 0;

  while (i < plan->packages->len)
    {
      const PbVoicePackage *p = &g_array_index (plan->packages, PbVoicePackage, i);
      g_autofree char *minutes = pb_format_count (p->minutes);
      guint same = 1;

      while (i + same < plan->packages->len &&
             g_array_index (plan->packages, PbVoicePackage, i + same).fixed == p->fixed &&
             g_array_index (plan->packages, PbVoicePackage, i + same).minutes == p->minutes)
        same++;
      if (out->len > 0)
        g_string_append (out, " + ");
      if (p->fixed)
        g_string_append_printf (out, _("%u × fixed %s-minute package"), same, minutes);
      else
        g_string_append_printf (out, _("%u × custom %s-minute package"), same, minutes);
      i += same;
    }
  return g_string_free (out, FALSE);
}

gboolean
pb_advice_package_price (PbCatalog *catalog, PbQuoteItem *item, PbMoney *price)
{
  gint64 minutes = pb_quote_item_get_minutes (item);
  PbMoney one;

  if (pb_quote_item_get_kind (item) == PB_ITEM_KIND_FIXED_PACKAGE)
    {
      const PbFixedPackage *package = pb_catalog_vm_fixed_package (catalog, minutes);

      if (package == NULL)
        return FALSE;
      one = package->price;
    }
  else if (!pb_money_multiply (pb_catalog_vm_custom_unit_price (catalog, minutes), minutes, &one, NULL))
    return FALSE;
  return pb_money_multiply (one, pb_quote_item_get_quantity (item), price, NULL);
}

static PbQuoteItem *
package_item (PbItemKind kind, gint64 minutes, gint64 quantity)
{
  PbQuoteItem *item = pb_quote_item_new (kind);

  pb_quote_item_set_minutes (item, minutes);
  pb_quote_item_set_quantity (item, quantity);
  return item;
}

void
pb_advice_set_cover_fix (PbQuoteIssue *issue, const PbVoicePlan *plan, const guint *remove, guint n_remove)
{
  guint i = 0;

  g_return_if_fail (issue != NULL && plan != NULL);

  issue->fix_kind = PB_QUOTE_FIX_CHEAPEST_COVER;
  issue->fix_remove = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_remove);
  g_array_append_vals (issue->fix_remove, remove, n_remove);
  /* One item per size: the optimizer lists equal packages side by side. */
  while (i < plan->packages->len)
    {
      const PbVoicePackage *p = &g_array_index (plan->packages, PbVoicePackage, i);
      guint same = 1;

      while (i + same < plan->packages->len &&
             g_array_index (plan->packages, PbVoicePackage, i + same).fixed == p->fixed &&
             g_array_index (plan->packages, PbVoicePackage, i + same).minutes == p->minutes)
        same++;
      add_fix_item (issue, package_item (p->fixed ? PB_ITEM_KIND_FIXED_PACKAGE : PB_ITEM_KIND_CUSTOM_PACKAGE,
                                         p->minutes, same));
      i += same;
    }
}

/* Warns that @minutes bought as quoted for @price cost more than @plan, the
 * cheapest cover, which the fix puts in place of the items @remove: one
 * item (@item ≥ 0, VM-5 or VM-6 by its kind) or the quote's packages
 * together (@item -1, VM-6). */
static void
add_cover_warning (GPtrArray *issues, PbQuote *quote, int item, gint64 minutes, PbMoney price,
                   const PbVoicePlan *plan, const guint *remove, guint n_remove)
{
  g_autofree char *minutes_text = pb_format_count (minutes);
  g_autofree char *price_text = pb_money_format_display (price);
  g_autofree char *saving_text = pb_money_format_display (price - plan->total);
  g_autofree char *plan_text = pb_voice_plan_describe (plan);
  g_autofree char *plan_price_text = pb_money_format_display (plan->total);
  PbQuoteIssue *issue;

  if (item >= 0)
    issue = add_warning (issues, quote, item,
                         pb_quote_item_get_kind (pb_quote_get_item (quote, item)) == PB_ITEM_KIND_FIXED_PACKAGE
                         ? "VM-5" : "VM-6",
                         g_strdup_printf (_("buy %s for %s"), plan_text, plan_price_text),
                         g_strdup_printf (_("%s minutes cost %s this way, %s more than the cheapest packages "
                                            "covering them"), minutes_text, price_text, saving_text));
  else
    issue = add_warning (issues, quote, -1, "VM-6",
                         g_strdup_printf (_("replace them with %s for %s"), plan_text, plan_price_text),
                         g_strdup_printf (_("the quote's minute packages cost %s for %s minutes together, %s "
                                            "more than the cheapest packages covering the same minutes"),
                                          price_text, minutes_text, saving_text));
  pb_advice_set_cover_fix (issue, plan, remove, n_remove);
}

/* VM-5/VM-6 make "N × unit price" a poor way to buy minutes: 99,000 custom
 * minutes cost ¥10,395 where a 100,000-minute package costs ¥10,000.  Ask
 * the optimizer for the cheapest cover and warn when it beats the item.
 * The check runs on every keystroke for every package item, so the answers
 * are the remembered ones (a catalog's answers never change). */
void
pb_advice_check_package (PbCatalog *catalog, PbQuote *quote, guint index, GPtrArray *issues)
{
  PbQuoteItem *item = pb_quote_get_item (quote, index);
  g_autoptr(PbVoicePlan) plan = NULL;
  gint64 need;
  PbMoney price;

  if (__builtin_mul_overflow (pb_quote_item_get_minutes (item), pb_quote_item_get_quantity (item), &need) ||
      need < 1 || need > PB_OPTIMIZER_VOICE_MAX_MINUTES ||
      !pb_advice_package_price (catalog, item, &price) ||
      !pb_optimizer_voice_remembered (catalog, need, &plan, NULL) ||
      plan->total >= price)
    return;
  add_cover_warning (issues, quote, (int) index, need, price, plan, &index, 1);
}

static gboolean
is_package (PbQuoteItem *item)
{
  PbItemKind kind = pb_quote_item_get_kind (item);

  return kind == PB_ITEM_KIND_FIXED_PACKAGE || kind == PB_ITEM_KIND_CUSTOM_PACKAGE;
}

/* VM-6: the packages the quote buys, together, against the cheapest
 * cover of all their minutes.  Two custom 5,000-minute packages cost
 * ¥1,100 where one 10,000-minute package costs ¥1,050; a fixed 100,000 and
 * a custom 30,000 cost ¥13,150 where a custom 130,000 costs ¥13,000.  One
 * item alone is pb_advice_check_package()'s. */
static void
check_packages_together (PbCatalog *catalog, PbQuote *quote, GPtrArray *issues)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(PbVoicePlan) plan = NULL;
  guint n = pb_quote_get_n_items (quote);
  gint64 minutes = 0;
  PbMoney total = 0;

  for (guint i = 0; i < n; i++)
    {
      PbQuoteItem *item = pb_quote_get_item (quote, i);
      gint64 need;
      PbMoney price;

      if (!is_package (item))
        continue;
      /* A package that cannot be priced is an error of its own. */
      if (__builtin_mul_overflow (pb_quote_item_get_minutes (item), pb_quote_item_get_quantity (item), &need) ||
          need < 1 || __builtin_add_overflow (minutes, need, &minutes) ||
          !pb_advice_package_price (catalog, item, &price) || !pb_money_add (total, price, &total, NULL))
        return;
      g_array_append_val (items, i);
    }
  if (items->len < 2 || minutes > PB_OPTIMIZER_VOICE_MAX_MINUTES ||
      !pb_optimizer_voice_remembered (catalog, minutes, &plan, NULL) || plan->total >= total)
    return;
  add_cover_warning (issues, quote, -1, minutes, total, plan, (const guint *) items->data, items->len);
}

/* ------------------------------------------------------------------ */
/* Numbers without minutes (VM-8)                                     */

/* The smallest package the catalog sells: the least a number needs. */
static PbQuoteItem *
smallest_package (PbCatalog *catalog)
{
  guint n;
  const PbFixedPackage *fixed = pb_catalog_vm_fixed_packages (catalog, &n);

  if (n > 0)
    return package_item (PB_ITEM_KIND_FIXED_PACKAGE, fixed[0].minutes, 1);
  return package_item (PB_ITEM_KIND_CUSTOM_PACKAGE, pb_catalog_vm_custom_min (catalog), 1);
}

/* VM-8: sending deducts minutes from packages and fails when none are
 * left: numbers quoted with no package in the quote and none left in the
 * customer's account (the replay's balance on the quote's date) cannot
 * send anything. */
static void
check_numbers_without_minutes (PbCatalog *catalog, PbQuote *quote, PbQuoteAccount *account, GPtrArray *issues)
{
  g_autoptr(PbQuoteItem) package = NULL;
  g_autofree char *minutes = NULL;
  guint n = pb_quote_get_n_items (quote), numbers = 0;
  int only = -1;
  PbQuoteIssue *issue;

  for (guint i = 0; i < n; i++)
    {
      PbQuoteItem *item = pb_quote_get_item (quote, i);

      if (is_package (item))
        return;
      if (pb_quote_item_get_kind (item) == PB_ITEM_KIND_NUMBERS && pb_quote_item_get_numbers (item) > 0)
        {
          numbers++;
          only = (int) i;
        }
    }
  if (numbers == 0 || (account != NULL && pb_lifecycle_balance_at (account->held, account->date) > 0))
    return;
  package = smallest_package (catalog);
  minutes = pb_format_count (pb_quote_item_get_minutes (package));
  issue = add_warning (issues, quote, numbers == 1 ? only : -1, "VM-8",
                       g_strdup_printf (_("add a package of %s minutes"), minutes),
                       g_strdup (_("numbers are quoted without minutes: there is no minute package in the "
                                   "quote or left in the customer's account, and calls fail until one is "
                                   "bought")));
  issue->fix_kind = PB_QUOTE_FIX_ADD_PACKAGE;
  add_fix_item (issue, g_steal_pointer (&package));
}

/* ------------------------------------------------------------------ */
/* Codes the base fee would not cover (EL-8)                          */

/* EL-8: a code is usable only while the base fee is valid.  A code bought
 * on the quote's date is valid for a year from its binding; when the base
 * fee (held, or bought in the quote: the replay says until when) ends
 * before a year after the quote's date, the code is suspended from that
 * end, within its own year.  An expansion of a code whose own validity
 * ends first loses nothing. */
static gboolean
suspended_early (PbQuoteAccount *account, PbQuoteItem *item, PbInstant base_end, PbInstant year_end)
{
  const PbLifecycleCode *code;
  PbCodeStatus status;

  if (base_end >= year_end)
    return FALSE;
  if (pb_quote_item_get_kind (item) != PB_ITEM_KIND_EXPANSION || !account->has_history)
    return TRUE;
  code = pb_lifecycle_lookup_code (account->held, pb_quote_item_get_code (item));
  if (code == NULL || !pb_lifecycle_code_at (account->held, code, account->date, &status))
    return TRUE;
  return status.expires_at == PB_INSTANT_NONE || status.expires_at > base_end;
}

static void
check_code_years (PbQuote *quote, PbQuoteAccount *account, GPtrArray *issues)
{
  PbTermRule rule = pb_lifecycle_get_term_rule (account->held);
  PbInstant base_end = pb_quote_account_base_fee_end (account);
  PbInstant year_end = pb_time_term_end (rule, account->date);
  g_autofree char *end_text = NULL;
  guint n = pb_quote_get_n_items (quote);

  /* No base fee at all is EL-7's error, not advice. */
  if (base_end == PB_INSTANT_NONE)
    return;
  end_text = pb_time_format_display (base_end);
  for (guint i = 0; i < n; i++)
    {
      PbQuoteItem *item = pb_quote_get_item (quote, i);
      PbItemKind kind = pb_quote_item_get_kind (item);
      PbQuoteIssue *issue;
      char *message;

      if ((kind != PB_ITEM_KIND_CODE && kind != PB_ITEM_KIND_EXPANSION) ||
          !suspended_early (account, item, base_end, year_end))
        continue;
      if (kind == PB_ITEM_KIND_CODE)
        message = g_strdup_printf (_("the base fee ends at %s, less than a year after the quote's date: codes "
                                     "bought now would be suspended from %s, within their year of validity"),
                                   end_text, end_text);
      else
        message = g_strdup_printf (_("the base fee ends at %s, less than a year after the quote's date: code "
                                     "“%s” and its expansion would be suspended from %s"),
                                   end_text, pb_quote_item_get_code (item), end_text);
      issue = add_warning (issues, quote, (int) i, "EL-8",
                           g_strdup (_("renew the base fee first: add a year of base fee to the quote")), message);
      /* A renewal bought while the base fee is valid adds a year from its
       * end (EL-10), which is then more than a year after the date. */
      pb_advice_set_base_fee_fix (issue);
    }
}

void
pb_advice_set_base_fee_fix (PbQuoteIssue *issue)
{
  PbQuoteItem *renewal = pb_quote_item_new (PB_ITEM_KIND_BASE_FEE);

  g_return_if_fail (issue != NULL);

  pb_quote_item_set_years (renewal, 1);
  issue->fix_kind = PB_QUOTE_FIX_RENEW_BASE_FEE;
  add_fix_item (issue, renewal);
}

/* ------------------------------------------------------------------ */

void
pb_advice_check (PbCatalog *catalog, PbQuote *quote, PbQuoteAccount *account, GPtrArray *issues)
{
  g_return_if_fail (PB_IS_CATALOG (catalog));
  g_return_if_fail (PB_IS_QUOTE (quote));
  g_return_if_fail (issues != NULL);

  if (account != NULL)
    check_code_years (quote, account, issues);
  check_numbers_without_minutes (catalog, quote, account, issues);
  check_packages_together (catalog, quote, issues);
}

/* ------------------------------------------------------------------ */
/* Applying a fix                                                     */

static gboolean
apply_items (const PbQuoteIssue *issue, PbQuote *quote)
{
  guint n = pb_quote_get_n_items (quote);
  guint at = n;

  if (issue->fix_remove != NULL && issue->fix_remove->len > 0)
    {
      for (guint i = 0; i < issue->fix_remove->len; i++)
        if (g_array_index (issue->fix_remove, guint, i) >= n ||
            (i > 0 && g_array_index (issue->fix_remove, guint, i) <= g_array_index (issue->fix_remove, guint, i - 1)))
          return FALSE;
      at = g_array_index (issue->fix_remove, guint, 0);
      for (guint i = issue->fix_remove->len; i-- > 0;)
        pb_quote_remove_item (quote, g_array_index (issue->fix_remove, guint, i));
    }
  for (guint i = 0; issue->fix_items != NULL && i < issue->fix_items->len; i++)
    {
      g_autoptr(PbQuoteItem) copy = pb_quote_item_copy (g_ptr_array_index (issue->fix_items, i));

      pb_quote_insert_item (quote, at + i, copy);
    }
  return TRUE;
}

gboolean
pb_quote_issue_apply_fix (const PbQuoteIssue *issue, PbQuote *quote)
{
  PbQuoteItem *item;

  g_return_val_if_fail (issue != NULL, FALSE);
  g_return_val_if_fail (PB_IS_QUOTE (quote), FALSE);

  switch (issue->fix_kind)
    {
    case PB_QUOTE_FIX_SET_PROPERTY:
      item = issue->item >= 0 ? pb_quote_get_item (quote, (guint) issue->item) : NULL;
      if (item == NULL || issue->fix_property == NULL)
        return FALSE;
      g_object_set (item, issue->fix_property, issue->fix_value, NULL);
      return TRUE;
    case PB_QUOTE_FIX_CHEAPEST_COVER:
    case PB_QUOTE_FIX_ADD_PACKAGE:
    case PB_QUOTE_FIX_RENEW_BASE_FEE:
      return apply_items (issue, quote);
    case PB_QUOTE_FIX_NONE:
    default:
      return FALSE;
    }
}
