/* pb-pricing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-pricing"

#include "pb-pricing.h"
#include "pb-json-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pb-account.h"
#include "pb-advice.h"
#include "pb-error.h"
#include "pb-optimizer.h"

/* ------------------------------------------------------------------ */
/* Words                                                              */

/* "100,000": counts in messages and lines are grouped by thousands.  The
 * lines of every item are written on every keystroke, so this one writes
 * its digits itself rather than through printf. */
static char *
format_count (gint64 count)
{
  char digits[20], out[28];   /* 19 digits; a sign, 19 digits and 6 commas */
  guint64 magnitude = count < 0 ? -(guint64) count : (guint64) count;
  int n = 0, len = 0;

  do
    digits[n++] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  if (count < 0)
    out[len++] = '-';
  for (int i = n; i-- > 0;)
    {
      out[len++] = digits[i];
      if (i > 0 && i % 3 == 0)
        out[len++] = ',';
    }
  return g_strndup (out, len);
}

/* A per-minute price keeps its third decimal (¥0.105), else shows two. */
static char *
format_unit_price (PbMoney price)
{
  if (price % 10 == 0)
    return pb_money_format (price);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%03" G_GINT64_FORMAT, price < 0 ? "-" : "",
                          ABS (price) / 1000, ABS (price) % 1000);
}

static const char *
plural (gint64 n, const char *one, const char *many)
{
  return n == 1 ? one : many;
}

/* ------------------------------------------------------------------ */
/* Issues                                                             */

void
pb_quote_issue_free (PbQuoteIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->rule);
  g_free (issue->message);
  g_free (issue->suggestion);
  g_clear_pointer (&issue->fix_remove, g_array_unref);
  g_clear_pointer (&issue->fix_items, g_ptr_array_unref);
  g_free (issue);
}

/* "item 2 (custom_package): 1,500 minutes is off the 1,000-minute grid;
 * round up to 2,000 minutes (VM-6)" */
char *
pb_quote_issue_to_string (const PbQuoteIssue *issue)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (issue != NULL, NULL);

  if (issue->item >= 0)
    where = g_strdup_printf (_("item %d (%s)"), issue->item, pb_item_kind_to_string (issue->kind));
  else
    where = g_strdup (_("quote"));
  if (issue->suggestion != NULL)
    return g_strdup_printf ("%s: %s; %s (%s)", where, issue->message, issue->suggestion, issue->rule);
  return g_strdup_printf ("%s: %s (%s)", where, issue->message, issue->rule);
}

gboolean
pb_pricing_issues_have_errors (GPtrArray *issues)
{
  g_return_val_if_fail (issues != NULL, FALSE);

  for (guint i = 0; i < issues->len; i++)
    if (((PbQuoteIssue *) g_ptr_array_index (issues, i))->severity == PB_ISSUE_ERROR)
      return TRUE;
  return FALSE;
}

typedef struct
{
  PbCatalog      *catalog;
  PbQuote        *quote;
  GPtrArray      *issues;
  gboolean        buys_base_fee;   /* EL-7: found once, not once per code */
  PbQuoteAccount *account;         /* the account replayed; NULL when it cannot be */
} Check;

/* Takes @suggestion (may be NULL); returns the issue so that a fix can be
 * set on it. */
static PbQuoteIssue * G_GNUC_PRINTF (6, 7)
add_issue (Check *check, int item, PbIssueSeverity severity, const char *rule, char *suggestion,
           const char *format, ...)
{
  PbQuoteIssue *issue = g_new0 (PbQuoteIssue, 1);
  va_list args;

  issue->item = item;
  issue->kind = item >= 0 ? pb_quote_item_get_kind (pb_quote_get_item (check->quote, item))
                          : PB_ITEM_KIND_NUMBERS;
  issue->severity = severity;
  issue->rule = g_strdup (rule);
  issue->suggestion = suggestion;
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (check->issues, issue);
  return issue;
}

static void
set_fix (PbQuoteIssue *issue, const char *property, gint64 value)
{
  issue->fix_kind = PB_QUOTE_FIX_SET_PROPERTY;
  issue->fix_property = property;
  issue->fix_value = value;
}

/* "item 0", "items 0, 1, 2": the items of one product, for a quote-wide
 * message; NULL when there is none. */
static char *
list_items (PbQuote *quote, PbProduct product)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint count = 0, n = pb_quote_get_n_items (quote);

  for (guint i = 0; i < n; i++)
    if (pb_quote_item_get_product (pb_quote_get_item (quote, i)) == product)
      g_string_append_printf (list, "%s%u", count++ > 0 ? ", " : "", i);
  if (count == 0)
    return NULL;
  return g_strdup_printf (ngettext ("item %s", "items %s", count), list->str);
}

/* VM-10, EL-2: only enterprises may buy either product. */
static void
check_enterprise (Check *check)
{
  PbCustomer *customer = pb_quote_get_customer (check->quote);
  g_autofree char *voice = NULL;
  g_autofree char *live = NULL;

  if (pb_customer_get_enterprise (customer))
    return;
  voice = list_items (check->quote, PB_PRODUCT_VOICE);
  live = list_items (check->quote, PB_PRODUCT_LIVE);
  /* The message names no item, so that the window can put it after the
   * field's name; the suggestion names them for the command line. */
  if (voice != NULL)
    add_issue (check, -1, PB_ISSUE_ERROR, "VM-10",
               g_strdup_printf (_("confirm the customer's enterprise qualification, or remove those "
                                  "items (%s)"), voice),
               _("the customer is not an enterprise, so Voice Message cannot be sold to them: it is "
                 "sold to enterprises with an approved qualification only"));
  if (live != NULL)
    add_issue (check, -1, PB_ISSUE_ERROR, "EL-2",
               g_strdup_printf (_("confirm the customer is an enterprise, or remove those items (%s)"), live),
               _("the customer is not an enterprise, so Enterprise Live cannot be sold to them"));
}

/* the free text a document prints fits on its page and holds no
 * control character; a file holding more could not be read back. */
static void
check_texts (Check *check)
{
  PbCustomer *customer = pb_quote_get_customer (check->quote);
  /* The file's loader refuses all of these beyond their length: say so
   * while the quote is edited, before it is saved that way. */
  const struct { const char *what; const char *text; gboolean multiline; } texts[] = {
    { N_("the quote's number"), pb_quote_get_number (check->quote), FALSE },
    { N_("the customer's name"), pb_customer_get_name (customer), FALSE },
    { N_("the customer's contact"), pb_customer_get_contact (customer), FALSE },
    { N_("the customer's address"), pb_customer_get_address (customer), FALSE },
    { N_("the customer's tax ID"), pb_customer_get_tax_id (customer), FALSE },
    { N_("the customer's bank"), pb_customer_get_bank (customer), FALSE },
    { N_("the customer's bank account"), pb_customer_get_bank_account (customer), FALSE },
    { N_("the payment terms"), pb_quote_get_payment_terms (check->quote), TRUE },
    { N_("the notes"), pb_quote_get_notes (check->quote), TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      if (texts[i].text != NULL &&
          !pb_text_check (texts[i].text, texts[i].multiline ? PB_TEXT_MAX_PARAGRAPHS : PB_TEXT_MAX_LINE,
                          texts[i].multiline, &error))
        add_issue (check, -1, PB_ISSUE_ERROR, "Q-1", NULL, "%s: %s", _(texts[i].what), error->message);
    }
}

/* a number, a customer and a currency; only CNY has prices. */
static void
check_header (Check *check)
{
  const char *currency = pb_quote_get_currency (check->quote);

  if (!g_str_equal (currency, PB_QUOTE_CURRENCY))
    add_issue (check, -1, PB_ISSUE_ERROR, "Q-1", g_strdup_printf (_("use %s"), PB_QUOTE_CURRENCY),
               _("the currency is “%s”, but the catalog's prices are in %s"), currency,
               PB_QUOTE_CURRENCY);
  if (*pb_quote_get_number (check->quote) == '\0')
    add_issue (check, -1, PB_ISSUE_WARNING, "Q-1", NULL, _("the quote has no number"));
  if (*pb_customer_get_name (pb_quote_get_customer (check->quote)) == '\0')
    add_issue (check, -1, PB_ISSUE_WARNING, "Q-1", NULL, _("the customer has no name"));
  check_texts (check);
}

static gboolean
quote_has_kind (PbQuote *quote, PbItemKind kind)
{
  guint n = pb_quote_get_n_items (quote);

  for (guint i = 0; i < n; i++)
    if (pb_quote_item_get_kind (pb_quote_get_item (quote, i)) == kind)
      return TRUE;
  return FALSE;
}

/* EL-7: codes (and expansions, EL-6) are bought only while the base fee is
 * valid: the quote must buy one or the account must hold one on the quote's
 * date ("until T" is over at T), as the replay of its history says. */
static void
check_base_fee (Check *check, guint index)
{
  g_autofree char *until_text = NULL;
  g_autofree char *date_text = NULL;
  PbBaseFeeState state;
  PbInstant until;

  if (check->buys_base_fee || check->account == NULL)
    return;
  state = pb_quote_account_base_fee (check->account, &until);
  if (state == PB_BASE_FEE_ACTIVE)
    return;
  if (state == PB_BASE_FEE_NONE)
    {
      pb_advice_set_base_fee_fix (
        add_issue (check, index, PB_ISSUE_ERROR, "EL-7",
                   g_strdup (_("add a base fee item, or give the date the customer's current base fee ends")),
                   _("codes and expansions can only be bought while the base fee is valid, and the "
                     "quote neither buys a base fee nor says the customer holds one")));
      return;
    }
  until_text = pb_time_format_display (until);
  date_text = pb_time_format_date (pb_quote_get_date (check->quote));
  pb_advice_set_base_fee_fix (
    add_issue (check, index, PB_ISSUE_ERROR, "EL-7", g_strdup (_("add a base fee item (a renewal)")),
               _("the customer's base fee ended at %s, by the quote's date %s, and codes can only "
                 "be bought while it is valid"), until_text, date_text));
}

/* EL-6 (convention): an expansion is for a code that is neither void nor
 * expired.  When the quote holds the customer's history, the replay says
 * what the code is on the quote's date; without it, nobody can tell. */
static void
check_expanded_code (Check *check, guint index, const char *id)
{
  const PbLifecycleCode *code;
  PbCodeStatus status;
  g_autofree char *when = NULL;

  if (check->account == NULL || !check->account->has_history || *id == '\0')
    return;
  code = pb_lifecycle_lookup_code (check->account->held, id);
  if (code == NULL || !pb_lifecycle_code_at (check->account->held, code, check->account->date, &status))
    {
      add_issue (check, index, PB_ISSUE_ERROR, "EL-6", g_strdup (_("name a code the customer holds")),
                 _("the customer's history holds no code “%s” to expand"), id);
      return;
    }
  if (status.state == PB_CODE_VOID)
    {
      when = pb_time_format_display (status.void_at);
      add_issue (check, index, PB_ISSUE_ERROR, "EL-6", g_strdup (_("name a code the customer can still use")),
                 _("code “%s” became void at %s, never bound in time (EL-7), and cannot be expanded"),
                 id, when);
    }
  else if (status.state == PB_CODE_EXPIRED)
    {
      when = pb_time_format_display (status.expires_at);
      add_issue (check, index, PB_ISSUE_ERROR, "EL-6", g_strdup (_("name a code the customer can still use")),
                 _("code “%s” expired at %s and cannot be expanded"), id, when);
    }
}

/* the account holds what happened before the quote, whose purchases
 * are made at its date, 00:00: an event on or after it is out of place.
 * EL-3: a history that buys the base fee says how long it lasts; a date
 * given besides could only disagree with it.  Then the replay (EL-3 to
 * EL-10, VM-3 to VM-9), which fails only for an event the catalog does not
 * know (a file priced with another catalog) or beyond the engine's limits. */
static void
check_account (Check *check)
{
  PbScenario *history = pb_quote_get_account (check->quote);
  PbInstant date = pb_quote_get_date (check->quote);
  g_autoptr(GError) error = NULL;
  guint n = 0;
  const PbScenarioEvent *events = history ? pb_scenario_get_events (history, &n) : NULL;
  gboolean buys = FALSE;

  for (guint i = 0; i < n; i++)
    {
      buys |= events[i].type == PB_EVENT_LIVE_BASE_FEE_BUY;
      if (events[i].at >= date)
        {
          g_autofree char *at = pb_time_format_display (events[i].at);
          g_autofree char *date_text = pb_time_format_date (date);

          add_issue (check, -1, PB_ISSUE_ERROR, "Q-1",
                     g_strdup (_("date the quote after the customer's history, or remove the event")),
                     _("the customer's history has an event at %s (event %u), not before the quote's "
                       "date %s, when the quote's purchases are made"), at, i, date_text);
          return;
        }
    }
  if (buys && pb_quote_get_live_base_fee_until (check->quote) != PB_INSTANT_NONE)
    {
      add_issue (check, -1, PB_ISSUE_ERROR, "EL-3",
                 g_strdup (_("remove the date the base fee ends: the history says it")),
                 _("the quote gives both the date the customer's base fee ends and its purchases in the "
                   "customer's history"));
      return;
    }
  check->account = pb_quote_account_new (check->catalog, check->quote, &error);
  if (check->account == NULL)
    add_issue (check, -1, PB_ISSUE_ERROR, "Q-4", NULL, _("the customer's history cannot be replayed: %s"),
               error->message);
}

/* every count is at least 1; @property is the item's property, @what
 * its name, untranslated (N_): translated only when there is an issue. */
static void
check_at_least_one (Check *check, guint index, gint64 value, const char *what, const char *property)
{
  if (value < 1)
    set_fix (add_issue (check, index, PB_ISSUE_ERROR, "Q-4", g_strdup (_("use 1 or more")),
                        _("%s is %lld, but must be at least 1"), _(what), (long long) value),
             property, 1);
}

/* VM-5: a fixed package is one of the catalog's sizes; suggest the sizes
 * on either side of the one asked for. */
static void
check_fixed_size (Check *check, guint index, gint64 minutes)
{
  guint n;
  const PbFixedPackage *sizes = pb_catalog_vm_fixed_packages (check->catalog, &n);
  g_autofree char *below = NULL;
  g_autofree char *above = NULL;
  g_autofree char *asked = NULL;
  gint64 only = 0;
  char *suggestion = NULL;
  PbQuoteIssue *issue;

  /* Words are written only for an item that breaks the rule. */
  if (pb_catalog_vm_fixed_package (check->catalog, minutes) != NULL)
    return;
  asked = format_count (minutes);
  /* A catalog may list none (a --catalog file): nothing to suggest then. */
  if (n == 0)
    {
      add_issue (check, index, PB_ISSUE_ERROR, "VM-5", NULL,
                 _("there is no fixed package of %s minutes: the catalog lists none"), asked);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      /* The sizes ascend: the last one below, the first one above. */
      if (sizes[i].minutes < minutes)
        {
          g_free (below);
          below = format_count (sizes[i].minutes);
          only = sizes[i].minutes;
        }
      else if (above == NULL)
        {
          above = format_count (sizes[i].minutes);
          only = sizes[i].minutes;
        }
    }
  if (below != NULL && above != NULL)
    suggestion = g_strdup_printf (_("use %s or %s minutes"), below, above);
  else
    suggestion = g_strdup_printf (_("use %s minutes"), below ? below : above);
  issue = add_issue (check, index, PB_ISSUE_ERROR, "VM-5", suggestion,
                     _("there is no fixed package of %s minutes"), asked);
  /* Only a single choice makes a one-click fix. */
  if (below == NULL || above == NULL)
    set_fix (issue, "minutes", only);
}

/* VM-6: at least the minimum, on the step grid. */
static void
check_custom_size (Check *check, guint index, gint64 minutes)
{
  gint64 min = pb_catalog_vm_custom_min (check->catalog);
  gint64 step = pb_catalog_vm_custom_step (check->catalog);
  g_autofree char *asked = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *step_text = NULL;

  if (minutes >= min && minutes % step == 0)
    return;
  asked = format_count (minutes);
  min_text = format_count (min);
  step_text = format_count (step);
  if (minutes < min)
    {
      set_fix (add_issue (check, index, PB_ISSUE_ERROR, "VM-6",
                          g_strdup_printf (_("raise it to %s minutes"), min_text),
                          _("a custom package of %s minutes is below the minimum of %s minutes"),
                          asked, min_text),
               "minutes", min);
    }
  else if (minutes % step != 0)
    {
      gint64 up = (minutes / step + 1) * step;
      g_autofree char *up_text = format_count (up);

      set_fix (add_issue (check, index, PB_ISSUE_ERROR, "VM-6",
                          g_strdup_printf (_("round up to %s minutes"), up_text),
                          _("a custom package of %s minutes is off the %s-minute grid"), asked, step_text),
               "minutes", up);
    }
}

/* EL-5: add-on viewers in multiples of the step; 0 on a code means none,
 * an expansion must add something (EL-6). */
static void
check_extra_viewers (Check *check, guint index, gint64 extra, gboolean expansion)
{
  gint64 step = pb_catalog_el_addon_step (check->catalog);
  gint64 lower = extra / step * step;
  g_autofree char *step_text = NULL;
  g_autofree char *extra_text = NULL;
  g_autofree char *lower_text = NULL;
  g_autofree char *upper_text = NULL;
  char *suggestion;
  PbQuoteIssue *issue;

  if (extra % step == 0 && !(expansion && extra == 0))
    return;
  step_text = format_count (step);
  if (expansion && extra == 0)
    {
      set_fix (add_issue (check, index, PB_ISSUE_ERROR, "EL-5", g_strdup_printf (_("use %s"), step_text),
                          _("an expansion must add at least %s viewers"), step_text),
               "extra-viewers", step);
      return;
    }
  extra_text = format_count (extra);
  lower_text = format_count (lower);
  upper_text = format_count (lower + step);
  if (lower > 0)
    suggestion = g_strdup_printf (_("use %s or %s"), lower_text, upper_text);
  else if (expansion)
    suggestion = g_strdup_printf (_("use %s"), upper_text);
  else
    suggestion = g_strdup_printf (_("use %s (or 0 for none)"), upper_text);
  issue = add_issue (check, index, PB_ISSUE_ERROR, "EL-5", suggestion,
                     _("%s extra viewers is not a multiple of %s"), extra_text, step_text);
  if (lower == 0)
    set_fix (issue, "extra-viewers", step);
}

/* EL-4: a tier the catalog knows. */
static void
check_tier (Check *check, guint index, const char *tier)
{
  guint n;
  const PbCodeTier *tiers = pb_catalog_el_tiers (check->catalog, &n);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) known = NULL;
  g_autofree char *list = NULL;

  if (pb_catalog_el_tier (check->catalog, tier) != NULL)
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, tiers[i].id);
  known = g_strv_builder_end (builder);
  list = g_strjoinv (_(" or "), known);
  add_issue (check, index, PB_ISSUE_ERROR, "EL-4", g_strdup_printf (_("use %s"), list),
             _("there is no activation code tier “%s”"), tier);
}

/* VM-1 refuses vouchers on Voice Message.  Pricebook prices list prices
 * so a voucher on Enterprise Live is not deducted either: say so. */
static void
check_voucher (Check *check, guint index, PbQuoteItem *item)
{
  const char *voucher = pb_quote_item_get_voucher (item);

  if (voucher == NULL)
    return;
  if (pb_quote_item_get_product (item) == PB_PRODUCT_VOICE)
    add_issue (check, index, PB_ISSUE_ERROR, "VM-1", g_strdup (_("remove the voucher")),
               _("vouchers cannot be used for Voice Message (voucher “%s”)"), voucher);
  else
    add_issue (check, index, PB_ISSUE_WARNING, "Q-3", NULL,
               _("the voucher “%s” is not deducted: the quote shows list prices"), voucher);
}

static void
check_item (Check *check, guint index)
{
  PbQuoteItem *item = pb_quote_get_item (check->quote, index);
  guint issues_before = check->issues->len;

  switch (pb_quote_item_get_kind (item))
    {
    case PB_ITEM_KIND_NUMBERS:
      check_at_least_one (check, index, pb_quote_item_get_numbers (item), N_("the number count"), "numbers");
      check_at_least_one (check, index, pb_quote_item_get_months (item), N_("the month count"), "months");
      break;

    case PB_ITEM_KIND_FIXED_PACKAGE:
      check_at_least_one (check, index, pb_quote_item_get_quantity (item), N_("the quantity"), "quantity");
      check_fixed_size (check, index, pb_quote_item_get_minutes (item));
      break;

    case PB_ITEM_KIND_CUSTOM_PACKAGE:
      check_at_least_one (check, index, pb_quote_item_get_quantity (item), N_("the quantity"), "quantity");
      check_custom_size (check, index, pb_quote_item_get_minutes (item));
      break;

    case PB_ITEM_KIND_BASE_FEE:
      check_at_least_one (check, index, pb_quote_item_get_years (item), N_("the year count"), "years");
      break;

    case PB_ITEM_KIND_CODE:
      check_at_least_one (check, index, pb_quote_item_get_quantity (item), N_("the quantity"), "quantity");
      check_tier (check, index, pb_quote_item_get_tier (item));
      check_extra_viewers (check, index, pb_quote_item_get_extra_viewers (item), FALSE);
      check_base_fee (check, index);
      break;

    case PB_ITEM_KIND_EXPANSION:
      if (*pb_quote_item_get_code (item) == '\0')
        add_issue (check, index, PB_ISSUE_ERROR, "EL-6", g_strdup (_("give the code's name")),
                   _("an expansion must name the existing code it expands"));
      check_extra_viewers (check, index, pb_quote_item_get_extra_viewers (item), TRUE);
      check_base_fee (check, index);
      check_expanded_code (check, index, pb_quote_item_get_code (item));
      break;

    default:
      g_assert_not_reached ();
    }
  check_voucher (check, index, item);
  /* Only a package that can be priced can be priced better. */
  if (check->issues->len == issues_before && pb_quote_item_get_product (item) == PB_PRODUCT_VOICE &&
      pb_quote_item_get_kind (item) != PB_ITEM_KIND_NUMBERS)
    pb_advice_check_package (check->catalog, check->quote, index, check->issues);
}

/* VM-11 (advisory, from an older page than the guide: an assumption the
 * catalog labels): at most 5 numbers per enterprise. */
static void
check_number_count (Check *check)
{
  gint64 total = 0, max = pb_catalog_vm_max_numbers (check->catalog);
  int only = -1;
  guint items = 0, n = pb_quote_get_n_items (check->quote);

  for (guint i = 0; i < n; i++)
    {
      PbQuoteItem *item = pb_quote_get_item (check->quote, i);

      if (pb_quote_item_get_kind (item) != PB_ITEM_KIND_NUMBERS)
        continue;
      total += pb_quote_item_get_numbers (item);
      only = i;
      items++;
    }
  if (total > max)
    add_issue (check, items == 1 ? only : -1, PB_ISSUE_WARNING, "VM-11", NULL,
               _("%lld voice numbers, more than the %lld per enterprise an older Tencent pricing page "
                 "advises (an assumption: the purchase guide sets no limit)"),
               (long long) total, (long long) max);
}

/* EL-T2/EL-T4: the quote's base fees add up, year after year, from its
 * date or from the end of the base fee the account holds then: refused at
 * the item whose years would pass the last supported date, rather than
 * dated 2326 or beyond.  (The replay of the account with these purchases,
 * pb_quote_account_new(), leaves its "bought" part out for the same
 * reason, PB_ERROR_OVERFLOW, and lets this check say where.) */
static void
check_base_fee_years (Check *check)
{
  PbTermRule rule = pb_catalog_el_term_rule (check->catalog);
  PbInstant date = pb_quote_get_date (check->quote);
  guint n = pb_quote_get_n_items (check->quote);
  PbInstant end = PB_INSTANT_NONE;
  gboolean held;

  if (check->account == NULL)
    return;  /* the account's own error is reported instead */
  held = pb_quote_account_base_fee (check->account, &end) == PB_BASE_FEE_ACTIVE;

  for (guint i = 0; i < n; i++)
    {
      PbQuoteItem *item = pb_quote_get_item (check->quote, i);

      if (pb_quote_item_get_kind (item) != PB_ITEM_KIND_BASE_FEE)
        continue;
      for (gint64 year = 0; year < MAX (pb_quote_item_get_years (item), 1); year++)
        {
          g_autofree char *when = NULL;
          g_autofree char *limit = NULL;

          if (!held)
            {
              end = pb_time_term_end (rule, date);
              held = TRUE;
              continue;
            }
          if (pb_time_term_renew_checked (rule, end, &end))
            continue;
          when = pb_time_format_display (end);
          limit = pb_time_format_display (PB_INSTANT_MAX);
          add_issue (check, (int) i, PB_ISSUE_ERROR, pb_term_rule_renewal_id (rule), NULL,
                     _("the base fees up to this one would run to %s, past %s, the last date Pricebook "
                       "supports"), when, limit);
          return;
        }
    }
}

/* The check, and the account it replayed (NULL when it could not) for the
 * pricing to describe the base fee's term with. */
static GPtrArray *
check_quote (PbCatalog *catalog, PbQuote *quote, PbQuoteAccount **account)
{
  Check check = { catalog, quote, NULL };
  guint n;

  check.issues = g_ptr_array_new_with_free_func ((GDestroyNotify) pb_quote_issue_free);
  check.buys_base_fee = quote_has_kind (quote, PB_ITEM_KIND_BASE_FEE);
  check_header (&check);
  check_enterprise (&check);
  check_account (&check);
  n = pb_quote_get_n_items (quote);
  for (guint i = 0; i < n; i++)
    check_item (&check, i);
  check_base_fee_years (&check);
  check_number_count (&check);
  pb_advice_check (catalog, quote, check.account, check.issues);
  *account = check.account;
  return check.issues;
}

GPtrArray *
pb_pricing_check (PbCatalog *catalog, PbQuote *quote)
{
  g_autoptr(PbQuoteAccount) account = NULL;

  g_return_val_if_fail (PB_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PB_IS_QUOTE (quote), NULL);

  return check_quote (catalog, quote, &account);
}

/* ------------------------------------------------------------------ */
/* Pricing                                                            */

static void
price_line_free (PbPriceLine *line)
{
  g_free (line->description);
  g_free (line->rule);
  g_free (line);
}

static void
priced_item_free (PbPricedItem *priced)
{
  g_clear_pointer (&priced->lines, g_ptr_array_unref);
  g_free (priced);
}

static void
quote_term_free (PbQuoteTerm *term)
{
  g_free (term->rule);
  g_free (term->text);
  g_free (term->body);
  g_free (term);
}

void
pb_pricing_free (PbPricing *pricing)
{
  if (pricing == NULL)
    return;
  g_clear_pointer (&pricing->items, g_ptr_array_unref);
  g_clear_pointer (&pricing->terms, g_ptr_array_unref);
  g_clear_pointer (&pricing->warnings, g_ptr_array_unref);
  g_free (pricing);
}

typedef struct
{
  PbCatalog      *catalog;
  gboolean        zh;        /* the quote's documents are in Chinese */
  PbQuote        *quote;
  guint           index;     /* the item being priced */
  PbQuoteAccount *account;   /* what the customer holds (EL-10) */
} Pricer;

#define WORDS(pricer, en, zh_text) ((pricer)->zh ? (zh_text) : (en))

/* Adds unit × quantity, exact and checked; takes @description. */
static gboolean
add_line (PbPricedItem *priced, char *description, gint64 quantity, PbMoney unit_price,
          const char *rule, GError **error)
{
  PbPriceLine *line = g_new0 (PbPriceLine, 1);

  line->description = description;
  line->quantity = quantity;
  line->unit_price = unit_price;
  line->rule = g_strdup (rule);
  g_ptr_array_add (priced->lines, line);
  return pb_money_multiply (unit_price, quantity, &line->amount, error) &&
         pb_money_add (priced->amount, line->amount, &priced->amount, error);
}

/* VM-2: ¥50 per number per month; VM-3/VM-4 make the months whole. */
static gboolean
price_numbers (Pricer *pricer, PbQuoteItem *item, PbPricedItem *priced, GError **error)
{
  gint64 numbers = pb_quote_item_get_numbers (item), months = pb_quote_item_get_months (item);
  g_autofree char *n = format_count (numbers);
  g_autofree char *m = format_count (months);
  char *text = pricer->zh
    ? g_strdup_printf ("语音消息号码月功能费（%s 个号码 × %s 个月）", n, m)
    : g_strdup_printf ("Voice Message number monthly fee (%s %s × %s %s)", n,
                       plural (numbers, "number", "numbers"), m, plural (months, "month", "months"));

  return add_line (priced, text, numbers * months, pb_catalog_vm_monthly_fee (pricer->catalog),
                   "VM-2", error);
}

/* VM-5: the catalog's package at its price. */
static gboolean
price_fixed (Pricer *pricer, PbQuoteItem *item, PbPricedItem *priced, GError **error)
{
  gint64 minutes = pb_quote_item_get_minutes (item);
  const PbFixedPackage *package = pb_catalog_vm_fixed_package (pricer->catalog, minutes);
  g_autofree char *m = format_count (minutes);

  g_return_val_if_fail (package != NULL, FALSE);
  return add_line (priced,
                   g_strdup_printf (WORDS (pricer, "Voice Message minute package, fixed %s minutes",
                                           "语音消息信息服务套餐包（固定套餐 %s 分钟）"), m),
                   pb_quote_item_get_quantity (item), package->price, "VM-5", error);
}

/* VM-6: unit price by the package's own size × its minutes. */
static gboolean
price_custom (Pricer *pricer, PbQuoteItem *item, PbPricedItem *priced, GError **error)
{
  gint64 minutes = pb_quote_item_get_minutes (item);
  PbMoney unit = pb_catalog_vm_custom_unit_price (pricer->catalog, minutes);
  g_autofree char *m = format_count (minutes);
  g_autofree char *u = format_unit_price (unit);
  PbMoney price;

  if (!pb_money_multiply (unit, minutes, &price, error))
    return FALSE;
  return add_line (priced,
                   g_strdup_printf (WORDS (pricer, "Voice Message custom minute package, %s minutes at ¥%s/minute",
                                           "语音消息自定义套餐包（%s 分钟，¥%s/分钟）"), m, u),
                   pb_quote_item_get_quantity (item), price, "VM-6", error);
}

static const char *
tier_name (Pricer *pricer, const PbCodeTier *tier)
{
  return pricer->zh ? tier->name_zh : tier->name;
}

/* EL-10: when the quote knows the customer's account, the base-fee line
 * says what the purchase does to it, from the replay: a renewal continues
 * the term from its end, or a new term starts on the quote's date.  Takes
 * @text; a quote that knows nothing of the account keeps its plain line. */
static char *
describe_term (Pricer *pricer, char *text)
{
  const PbBaseFeeTerm *first, *last;
  g_autofree char *until = NULL;
  char *described;

  if (pricer->account == NULL ||
      (!pricer->account->has_history && pb_quote_get_live_base_fee_until (pricer->quote) == PB_INSTANT_NONE) ||
      !pb_quote_account_item_terms (pricer->account, pricer->quote, pricer->index, &first, &last))
    return text;
  until = pb_time_format_display (last->end);
  if (first->renewal)
    described = pricer->zh ? g_strdup_printf ("%s：续费，自当前有效期结束时顺延，有效期至 %s", text, until)
                           : g_strdup_printf ("%s: a renewal, continuing the current term to %s", text, until);
  else
    described = pricer->zh ? g_strdup_printf ("%s：重新开始计算有效期，有效期至 %s", text, until)
                           : g_strdup_printf ("%s: a new term, valid until %s", text, until);
  g_free (text);
  return described;
}

/* EL-3: the fee per year, and a ¥0 line for the Flagship code the purchase
 * gifts: one per item of any length (the catalog's convention), or one a
 * year; a code must be bound in time (EL-7), so the line says so. */
static gboolean
price_base_fee (Pricer *pricer, PbQuoteItem *item, PbPricedItem *priced, GError **error)
{
  gint64 years = pb_quote_item_get_years (item);
  gint64 gifts = pb_catalog_el_base_fee_gifts (pricer->catalog, years);
  const PbCodeTier *gift = pb_catalog_el_tier (pricer->catalog, pb_catalog_el_gift_tier (pricer->catalog));
  guint bind = pb_catalog_el_bind_months (pricer->catalog);
  char *text = pricer->zh
    ? g_strdup_printf ("小程序·企业直播基础年费（%" G_GINT64_FORMAT " 年）", years)
    : g_strdup_printf ("Enterprise Live base annual fee (%" G_GINT64_FORMAT " %s)", years,
                       plural (years, "year", "years"));

  if (!add_line (priced, describe_term (pricer, text), years, pb_catalog_el_base_fee (pricer->catalog),
                 "EL-3", error))
    return FALSE;
  for (gint64 y = 1; y <= gifts; y++)
    {
      if (gifts == 1)
        text = pricer->zh
          ? g_strdup_printf ("赠送%s激活码（每次购买基础年费赠送一个）：须在购买后 %u 个月内绑定",
                             tier_name (pricer, gift), bind)
          : g_strdup_printf ("Gifted %s activation code (one per base fee purchase): bind within %u "
                             "months of purchase", tier_name (pricer, gift), bind);
      else
        text = pricer->zh
          ? g_strdup_printf ("赠送%s激活码（随基础年费第 %" G_GINT64_FORMAT " 年）：须在购买后 %u 个月内绑定",
                             tier_name (pricer, gift), y, bind)
          : g_strdup_printf ("Gifted %s activation code (base fee year %" G_GINT64_FORMAT
                             "): bind within %u months of purchase", tier_name (pricer, gift), y, bind);
      if (!add_line (priced, text, 1, 0, "EL-3", error))
        return FALSE;
    }
  return TRUE;
}

/* EL-4: tier × quantity; EL-5: add-on viewers per code, ¥ per viewer. */
static gboolean
price_code (Pricer *pricer, PbQuoteItem *item, PbPricedItem *priced, GError **error)
{
  const PbCodeTier *tier = pb_catalog_el_tier (pricer->catalog, pb_quote_item_get_tier (item));
  gint64 quantity = pb_quote_item_get_quantity (item);
  gint64 extra = pb_quote_item_get_extra_viewers (item);
  guint bind = pb_catalog_el_bind_months (pricer->catalog);
  g_autofree char *viewers = NULL;
  g_autofree char *extra_text = format_count (extra);
  g_autofree char *quantity_text = format_count (quantity);
  char *text;

  g_return_val_if_fail (tier != NULL, FALSE);
  viewers = format_count (tier->viewers);
  text = pricer->zh
    ? g_strdup_printf ("小程序·企业直播%s激活码（%s 并发）：须在购买后 %u 个月内绑定",
                       tier_name (pricer, tier), viewers, bind)
    : g_strdup_printf ("Enterprise Live %s activation code (%s viewers): bind within %u months of purchase",
                       tier_name (pricer, tier), viewers, bind);
  if (!add_line (priced, text, quantity, tier->price, "EL-4", error))
    return FALSE;
  if (extra == 0)
    return TRUE;
  text = pricer->zh
    ? g_strdup_printf ("并发数追加：每个激活码 +%s 人（共 %s 个激活码）", extra_text, quantity_text)
    : g_strdup_printf ("Concurrency add-on: %s extra viewers on each of %s %s", extra_text,
                       quantity_text, plural (quantity, "code", "codes"));
  return add_line (priced, text, extra * quantity, pb_catalog_el_addon_price (pricer->catalog),
                   "EL-5", error);
}

/* EL-6: an expansion is priced as add-on viewers (EL-5) and must be
 * confirmed with the account manager first: the line says so, and that its
 * price is indicative until then. */
static gboolean
price_expansion (Pricer *pricer, PbQuoteItem *item, PbPricedItem *priced, GError **error)
{
  gint64 extra = pb_quote_item_get_extra_viewers (item);
  g_autofree char *extra_text = format_count (extra);
  const char *code = pb_quote_item_get_code (item);
  char *text = pricer->zh
    ? g_strdup_printf ("激活码 %s 并发数扩容 +%s 人（随激活码到期）：价格仅供参考，以商务经理确认为准；"
                       "购买前须与商务经理确认，购买后手动扩容", code, extra_text)
    : g_strdup_printf ("Concurrency expansion of code %s: %s extra viewers until the code ends; "
                       "indicative price until the account manager confirms the expansion, which is "
                       "needed before purchase; applied manually", code, extra_text);

  return add_line (priced, text, extra, pb_catalog_el_addon_price (pricer->catalog), "EL-6", error);
}

static PbPricedItem *
price_item (Pricer *pricer, PbQuoteItem *item, GError **error)
{
  typedef gboolean (*PriceFunc) (Pricer *, PbQuoteItem *, PbPricedItem *, GError **);
  static const PriceFunc by_kind[] = {
    [PB_ITEM_KIND_NUMBERS] = price_numbers,
    [PB_ITEM_KIND_FIXED_PACKAGE] = price_fixed,
    [PB_ITEM_KIND_CUSTOM_PACKAGE] = price_custom,
    [PB_ITEM_KIND_BASE_FEE] = price_base_fee,
    [PB_ITEM_KIND_CODE] = price_code,
    [PB_ITEM_KIND_EXPANSION] = price_expansion,
  };
  PbPricedItem *priced = g_new0 (PbPricedItem, 1);

  priced->kind = pb_quote_item_get_kind (item);
  priced->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) price_line_free);
  if (!by_kind[priced->kind] (pricer, item, priced, error))
    {
      priced_item_free (priced);
      return NULL;
    }
  return priced;
}

/* ------------------------------------------------------------------ */
/* Terms                                                        */

/* The catalog's assumptions each kind of item relies on: buying minutes
 * relies on how long they last and how they are used up (VM-7..VM-9);
 * anything with a term relies on how "one year" is counted (EL-T4), a base
 * fee on what a late renewal does (EL-10), an expansion on which codes can
 * take one (EL-6). */
static const char * const relied_on[][5] = {
  [PB_ITEM_KIND_NUMBERS] = { NULL },
  [PB_ITEM_KIND_FIXED_PACKAGE] = { "voice.package_validity_months", "voice.package_consumption_order",
                                   "voice.call_zero_seconds_bills", "voice.call_without_balance", NULL },
  [PB_ITEM_KIND_CUSTOM_PACKAGE] = { "voice.package_validity_months", "voice.package_consumption_order",
                                    "voice.call_zero_seconds_bills", "voice.call_without_balance", NULL },
  [PB_ITEM_KIND_BASE_FEE] = { "live.term_rule", "live.renewal_after_lapse", "live.base_fee_gifts", NULL },
  [PB_ITEM_KIND_CODE] = { "live.term_rule", NULL },
  [PB_ITEM_KIND_EXPANSION] = { "live.term_rule", "live.expansion_eligibility", NULL },
};

/* Which kinds of item the quote holds, one bit per PbItemKind: the terms
 * depend on nothing else, so the items are looked at once, not once per
 * catalog term and entry. */
static guint
quote_kinds (PbQuote *quote)
{
  guint kinds = 0, n = pb_quote_get_n_items (quote);

  for (guint i = 0; i < n; i++)
    kinds |= 1u << pb_quote_item_get_kind (pb_quote_get_item (quote, i));
  return kinds;
}

static gboolean
quote_relies_on (guint kinds, const char *key)
{
  for (PbItemKind kind = 0; kind <= PB_ITEM_KIND_LAST; kind++)
    {
      if (!(kinds & (1u << kind)))
        continue;
      for (guint k = 0; relied_on[kind][k] != NULL; k++)
        if (g_str_equal (relied_on[kind][k], key))
          return TRUE;
    }
  return FALSE;
}

/* A catalog term applies to "voice", "live" or "expansion". */
static gboolean
term_applies (guint kinds, const char *applies_to)
{
  for (PbItemKind kind = 0; kind <= PB_ITEM_KIND_LAST; kind++)
    if ((kinds & (1u << kind)) &&
        (g_str_equal (applies_to, pb_product_to_string (pb_item_kind_get_product (kind))) ||
         g_str_equal (applies_to, pb_item_kind_to_string (kind))))
      return TRUE;
  return FALSE;
}

static void
add_term (GPtrArray *terms, gboolean zh, const char *rule, const char *text, gboolean assumption)
{
  PbQuoteTerm *term = g_new0 (PbQuoteTerm, 1);

  term->rule = g_strdup (rule);
  term->body = g_strdup (text);
  term->assumption = assumption;
  if (zh)
    term->text = g_strdup_printf ("%s%s（%s）", assumption ? "假设：" : "", text, rule);
  else
    term->text = g_strdup_printf ("%s%s (%s)", assumption ? "Assumption: " : "", text, rule);
  g_ptr_array_add (terms, term);
}

static GPtrArray *
collect_terms (PbCatalog *catalog, PbQuote *quote)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) quote_term_free);
  GPtrArray *catalog_terms = pb_catalog_get_terms (catalog);
  GPtrArray *entries = pb_catalog_get_entries (catalog);
  gboolean zh = pb_quote_get_language (quote) == PB_QUOTE_LANGUAGE_ZH_CN;
  guint kinds = quote_kinds (quote);

  for (guint i = 0; i < catalog_terms->len; i++)
    {
      const PbCatalogTerm *term = g_ptr_array_index (catalog_terms, i);

      if (term_applies (kinds, term->applies_to))
        add_term (terms, zh, term->rule, zh ? term->text_zh : term->text, FALSE);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const PbCatalogEntry *entry = g_ptr_array_index (entries, i);

      if (entry->assumption && quote_relies_on (kinds, entry->key))
        add_term (terms, zh, entry->rule, zh ? entry->text_zh : entry->text, TRUE);
    }
  /* the catalog's tax is an assumption only where the quote states
   * none and buys something. */
  if (!pb_quote_get_tax_set (quote) && kinds != 0)
    {
      const PbCatalogEntry *entry = pb_catalog_lookup (catalog, "quote.tax_default");

      add_term (terms, zh, entry->rule, zh ? entry->text_zh : entry->text, TRUE);
    }
  return terms;
}

/* ------------------------------------------------------------------ */

static void
set_rule_error (GPtrArray *issues, GError **error)
{
  GString *message = g_string_new (NULL);
  guint errors = 0;

  for (guint i = 0; i < issues->len; i++)
    {
      const PbQuoteIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *text = NULL;

      if (issue->severity != PB_ISSUE_ERROR)
        continue;
      text = pb_quote_issue_to_string (issue);
      g_string_append_printf (message, "\n%s", text);
      errors++;
    }
  g_set_error (error, PB_ERROR, PB_ERROR_RULE,
               ngettext ("the quote breaks %u rule and is not priced (Q-4):%s",
                         "the quote breaks %u rules and is not priced (Q-4):%s", errors),
               errors, message->str);
  g_string_free (message, TRUE);
}

static gboolean
price_items (Pricer *pricer, PbQuote *quote, PbPricing *pricing, GError **error)
{
  guint n = pb_quote_get_n_items (quote);

  for (guint i = 0; i < n; i++)
    {
      PbQuoteItem *item = pb_quote_get_item (quote, i);
      PbPricedItem *priced;

      pricer->index = i;
      priced = price_item (pricer, item, error);

      if (priced == NULL || !pb_money_add (pricing->subtotal, priced->amount, &pricing->subtotal, error))
        {
          g_prefix_error (error, _("item %u (%s): "), i, pb_item_kind_to_string (pb_quote_item_get_kind (item)));
          if (priced != NULL)
            priced_item_free (priced);
          return FALSE;
        }
      g_ptr_array_add (pricing->items, priced);
    }
  return TRUE;
}

/* net, tax and gross of the total, at the quote's tax or else the
 * catalog's (then an assumption, listed in the terms). */
static gboolean
compute_tax (PbCatalog *catalog, PbQuote *quote, PbPricing *pricing, GError **error)
{
  pricing->tax_assumed = !pb_quote_get_tax_set (quote);
  if (pricing->tax_assumed)
    pb_catalog_tax_default (catalog, &pricing->tax_basis, &pricing->tax_rate);
  else
    {
      pricing->tax_basis = pb_quote_get_tax_basis (quote);
      pricing->tax_rate = pb_quote_get_tax_rate (quote);
    }
  return pb_tax_compute (pricing->total, pricing->tax_basis, pricing->tax_rate, &pricing->net, &pricing->tax,
                         &pricing->gross, error);
}

gboolean
pb_pricing_compute (PbCatalog *catalog, PbQuote *quote, PbPricing **result, GError **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(PbQuoteAccount) account = NULL;
  Pricer pricer = { catalog, FALSE, quote, 0, NULL };

  g_return_val_if_fail (PB_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (PB_IS_QUOTE (quote), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  /* never a silent price for a quote that breaks a rule. */
  issues = check_quote (catalog, quote, &account);
  pricer.account = account;
  if (pb_pricing_issues_have_errors (issues))
    {
      set_rule_error (issues, error);
      return FALSE;
    }

  pricing = g_new0 (PbPricing, 1);
  pricing->items = g_ptr_array_new_with_free_func ((GDestroyNotify) priced_item_free);
  pricing->warnings = g_steal_pointer (&issues);
  pricing->discount_percent = pb_quote_get_discount (quote);
  pricer.zh = pb_quote_get_language (quote) == PB_QUOTE_LANGUAGE_ZH_CN;
  if (!price_items (&pricer, quote, pricing, error))
    return FALSE;
  /* the discount applies to the subtotal, half-up to the fen. */
  if (!pb_money_percent (pricing->subtotal, pricing->discount_percent, &pricing->discount, error) ||
      !pb_money_add (pricing->subtotal, -pricing->discount, &pricing->total, error) ||
      !compute_tax (catalog, quote, pricing, error))
    return FALSE;
  pricing->terms = collect_terms (catalog, quote);
  *result = g_steal_pointer (&pricing);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The contract's JSON                                                */

static void
build_item (JsonBuilder *builder, const PbPricedItem *priced)
{
  json_builder_begin_object (builder);
  pb_json_add_string (builder, "kind", pb_item_kind_to_string (priced->kind));
  pb_json_add_money (builder, "amount", priced->amount);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint l = 0; l < priced->lines->len; l++)
    {
      const PbPriceLine *line = g_ptr_array_index (priced->lines, l);

      json_builder_begin_object (builder);
      pb_json_add_string (builder, "description", line->description);
      json_builder_set_member_name (builder, "quantity");
      json_builder_add_int_value (builder, line->quantity);
      pb_json_add_money (builder, "unit_price", line->unit_price);
      pb_json_add_money (builder, "amount", line->amount);
      pb_json_add_string (builder, "rule", line->rule);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
build_strings (JsonBuilder *builder, const char *member, GPtrArray *array, gboolean issues)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < array->len; i++)
    {
      g_autofree char *text = NULL;

      if (issues)
        text = pb_quote_issue_to_string (g_ptr_array_index (array, i));
      else
        text = g_strdup (((PbQuoteTerm *) g_ptr_array_index (array, i))->text);
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_array (builder);
}

/* "tax": { "basis", "rate_percent", "net", "tax", "gross" }. */
static void
build_tax (JsonBuilder *builder, const PbPricing *pricing)
{
  g_autofree char *rate = pb_percent_format (pricing->tax_rate);

  json_builder_set_member_name (builder, "tax");
  json_builder_begin_object (builder);
  pb_json_add_string (builder, "basis", pb_tax_basis_to_string (pricing->tax_basis));
  pb_json_add_string (builder, "rate_percent", rate);
  pb_json_add_money (builder, "net", pricing->net);
  pb_json_add_money (builder, "tax", pricing->tax);
  pb_json_add_money (builder, "gross", pricing->gross);
  json_builder_end_object (builder);
}

/* The shape of cli-and-formats.md, extended with "currency",
 * "discount_percent", each item's "kind" and each line's "rule". */
JsonNode *
pb_pricing_to_json (PbPricing *pricing, PbQuote *quote)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *percent = NULL;

  g_return_val_if_fail (pricing != NULL, NULL);
  g_return_val_if_fail (PB_IS_QUOTE (quote), NULL);

  percent = pb_percent_format (pricing->discount_percent);
  json_builder_begin_object (builder);
  pb_json_add_string (builder, "number", pb_quote_get_number (quote));
  pb_json_add_string (builder, "currency", pb_quote_get_currency (quote));
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pricing->items->len; i++)
    build_item (builder, g_ptr_array_index (pricing->items, i));
  json_builder_end_array (builder);
  pb_json_add_money (builder, "subtotal", pricing->subtotal);
  pb_json_add_string (builder, "discount_percent", percent);
  pb_json_add_money (builder, "discount", pricing->discount);
  pb_json_add_money (builder, "total", pricing->total);
  build_tax (builder, pricing);
  build_strings (builder, "terms", pricing->terms, FALSE);
  build_strings (builder, "warnings", pricing->warnings, TRUE);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
