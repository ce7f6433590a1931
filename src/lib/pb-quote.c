/* pb-quote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-quote"

#include "pb-quote.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pb-error.h"
#include "pb-json-private.h"
#include "pb-money.h"
#include "pb-scenario-private.h"

G_DEFINE_ENUM_TYPE (PbQuoteLanguage, pb_quote_language,
  G_DEFINE_ENUM_VALUE (PB_QUOTE_LANGUAGE_EN, "en"),
  G_DEFINE_ENUM_VALUE (PB_QUOTE_LANGUAGE_ZH_CN, "zh_CN"))

const char *
pb_quote_language_to_string (PbQuoteLanguage language)
{
  return language == PB_QUOTE_LANGUAGE_ZH_CN ? "zh_CN" : "en";
}

gboolean
pb_quote_language_from_string (const char *text, PbQuoteLanguage *language)
{
  if (g_strcmp0 (text, "en") == 0)
    *language = PB_QUOTE_LANGUAGE_EN;
  else if (g_strcmp0 (text, "zh_CN") == 0)
    *language = PB_QUOTE_LANGUAGE_ZH_CN;
  else
    return FALSE;
  return TRUE;
}

G_DEFINE_FLAGS_TYPE (PbQuoteMissing, pb_quote_missing,
  G_DEFINE_ENUM_VALUE (PB_QUOTE_MISSING_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PB_QUOTE_MISSING_CUSTOMER_NAME, "customer-name"),
  G_DEFINE_ENUM_VALUE (PB_QUOTE_MISSING_ITEMS, "items"))

G_DEFINE_ENUM_TYPE (PbQuoteStatus, pb_quote_status,
  G_DEFINE_ENUM_VALUE (PB_QUOTE_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (PB_QUOTE_STATUS_SENT, "sent"),
  G_DEFINE_ENUM_VALUE (PB_QUOTE_STATUS_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (PB_QUOTE_STATUS_REJECTED, "rejected"))

const char *
pb_quote_status_to_string (PbQuoteStatus status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PB_TYPE_QUOTE_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  return value ? value->value_nick : NULL;
}

gboolean
pb_quote_status_from_string (const char *text, PbQuoteStatus *status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PB_TYPE_QUOTE_STATUS);
  GEnumValue *value = text ? g_enum_get_value_by_nick (klass, text) : NULL;

  if (value == NULL)
    return FALSE;
  *status = value->value;
  return TRUE;
}

struct _PbQuote
{
  GObject          parent_instance;

  char            *number;
  PbInstant        date;
  gint64           valid_days;
  PbCustomer      *customer;
  char            *currency;
  gint             discount;             /* hundredths of a percent */
  PbInstant        live_base_fee_until;  /* EL-7; PB_INSTANT_NONE: not given */
  PbScenario      *account;              /* the customer's history before the date, or NULL */
  PbQuoteLanguage  language;
  PbQuoteStatus    status;
  /* FALSE while the quote states no tax, so that the catalog's
   * default applies; the basis and rate are kept meanwhile. */
  gboolean         tax_set;
  PbTaxBasis       tax_basis;
  gint             tax_rate;             /* hundredths of a percent */
  char            *payment_terms;
  char            *notes;
  gint             revision;             /* 0: not stated */
  GListStore      *items;
  /* The store's items, in order, kept in step with it by "items-changed":
   * pb_quote_get_item() is called for every item on every keystroke (the
   * Q-4 check, the pricing), and a GListModel look-up costs an interface
   * call, a reference and its release each time. */
  GPtrArray       *item_array;
  char            *origin;
};

G_DEFINE_FINAL_TYPE (PbQuote, pb_quote, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_DATE,
  PROP_VALID_DAYS,
  PROP_CUSTOMER,
  PROP_CURRENCY,
  PROP_DISCOUNT,
  PROP_LIVE_BASE_FEE_UNTIL,
  PROP_ACCOUNT,
  PROP_LANGUAGE,
  PROP_STATUS,
  PROP_TAX_SET,
  PROP_TAX_BASIS,
  PROP_TAX_RATE,
  PROP_PAYMENT_TERMS,
  PROP_NOTES,
  PROP_REVISION,
  PROP_ITEMS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
emit_changed (PbQuote *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
notify_changed (PbQuote *self, guint prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
on_part_notify (GObject *part, GParamSpec *pspec, PbQuote *self)
{
  emit_changed (self);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, PbQuote *self)
{
  if (removed > 0)
    g_ptr_array_remove_range (self->item_array, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->item_array, (gint) (position + i), g_list_model_get_item (model, position + i));
}

static void
pb_quote_dispose (GObject *object)
{
  PbQuote *self = PB_QUOTE (object);

  if (self->items != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->items, on_items_changed, self);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
        {
          g_autoptr(PbQuoteItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          g_signal_handlers_disconnect_by_func (item, on_part_notify, self);
        }
      g_clear_object (&self->items);
    }
  g_clear_pointer (&self->item_array, g_ptr_array_unref);
  if (self->customer != NULL)
    g_signal_handlers_disconnect_by_func (self->customer, on_part_notify, self);
  g_clear_object (&self->customer);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_func (self->account, emit_changed, self);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (pb_quote_parent_class)->dispose (object);
}

static void
pb_quote_finalize (GObject *object)
{
  PbQuote *self = PB_QUOTE (object);

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->payment_terms, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (pb_quote_parent_class)->finalize (object);
}

static void
pb_quote_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PbQuote *self = PB_QUOTE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_DATE:
      g_value_set_int64 (value, self->date);
      break;

    case PROP_VALID_DAYS:
      g_value_set_int64 (value, self->valid_days);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_DISCOUNT:
      g_value_set_int (value, self->discount);
      break;

    case PROP_LIVE_BASE_FEE_UNTIL:
      g_value_set_int64 (value, self->live_base_fee_until);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_LANGUAGE:
      g_value_set_enum (value, self->language);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_TAX_SET:
      g_value_set_boolean (value, self->tax_set);
      break;

    case PROP_TAX_BASIS:
      g_value_set_enum (value, self->tax_basis);
      break;

    case PROP_TAX_RATE:
      g_value_set_int (value, self->tax_rate);
      break;

    case PROP_PAYMENT_TERMS:
      g_value_set_string (value, self->payment_terms);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_REVISION:
      g_value_set_int (value, self->revision);
      break;

    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_quote_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PbQuote *self = PB_QUOTE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      pb_quote_set_number (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      pb_quote_set_date (self, g_value_get_int64 (value));
      break;

    case PROP_VALID_DAYS:
      pb_quote_set_valid_days (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER:
      pb_quote_set_customer (self, g_value_get_object (value));
      break;

    case PROP_CURRENCY:
      pb_quote_set_currency (self, g_value_get_string (value));
      break;

    case PROP_DISCOUNT:
      pb_quote_set_discount (self, g_value_get_int (value));
      break;

    case PROP_LIVE_BASE_FEE_UNTIL:
      pb_quote_set_live_base_fee_until (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT:
      pb_quote_set_account (self, g_value_get_object (value));
      break;

    case PROP_LANGUAGE:
      pb_quote_set_language (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      pb_quote_set_status (self, g_value_get_enum (value));
      break;

    case PROP_TAX_SET:
      pb_quote_set_tax_set (self, g_value_get_boolean (value));
      break;

    case PROP_TAX_BASIS:
      pb_quote_set_tax_basis (self, g_value_get_enum (value));
      break;

    case PROP_TAX_RATE:
      pb_quote_set_tax_rate (self, g_value_get_int (value));
      break;

    case PROP_PAYMENT_TERMS:
      pb_quote_set_payment_terms (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      pb_quote_set_notes (self, g_value_get_string (value));
      break;

    case PROP_REVISION:
      pb_quote_set_revision (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_quote_class_init (PbQuoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = pb_quote_dispose;
  object_class->finalize = pb_quote_finalize;
  object_class->get_property = pb_quote_get_property;
  object_class->set_property = pb_quote_set_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, "", flags);
  /* Midnight (+08:00) of the quote's day. */
  properties[PROP_DATE] =
    g_param_spec_int64 ("date", NULL, NULL, PB_INSTANT_MIN, PB_INSTANT_MAX, PB_INSTANT_MIN, flags);
  properties[PROP_VALID_DAYS] =
    g_param_spec_int64 ("valid-days", NULL, NULL, 1, PB_QUOTE_MAX_VALID_DAYS, 30, flags);
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL, PB_TYPE_CUSTOMER, flags);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, PB_QUOTE_CURRENCY, flags);
  properties[PROP_DISCOUNT] =
    g_param_spec_int ("discount", NULL, NULL, 0, PB_QUOTE_MAX_DISCOUNT, 0, flags);
  /* G_MININT64 is PB_INSTANT_NONE: the account's base fee is not known. */
  properties[PROP_LIVE_BASE_FEE_UNTIL] =
    g_param_spec_int64 ("live-base-fee-until", NULL, NULL, PB_INSTANT_NONE, PB_INSTANT_MAX,
                        PB_INSTANT_NONE, flags);
  /* The customer's history (scenario events before the quote's date). */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, PB_TYPE_SCENARIO, flags);
  properties[PROP_LANGUAGE] =
    g_param_spec_enum ("language", NULL, NULL, PB_TYPE_QUOTE_LANGUAGE, PB_QUOTE_LANGUAGE_EN, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PB_TYPE_QUOTE_STATUS, PB_QUOTE_STATUS_DRAFT, flags);
  /* whether the quote states its tax; while FALSE the catalog's
   * default applies (pb_catalog_tax_default) and "tax-basis" and
   * "tax-rate" are not used. */
  properties[PROP_TAX_SET] = g_param_spec_boolean ("tax-set", NULL, NULL, FALSE, flags);
  properties[PROP_TAX_BASIS] =
    g_param_spec_enum ("tax-basis", NULL, NULL, PB_TYPE_TAX_BASIS, PB_TAX_INCLUSIVE, flags);
  /* Hundredths of a percent: 600 is 6 %. */
  properties[PROP_TAX_RATE] = g_param_spec_int ("tax-rate", NULL, NULL, 0, PB_TAX_MAX_RATE, 0, flags);
  /* Free text printed on the document, "" when there is none. */
  properties[PROP_PAYMENT_TERMS] = g_param_spec_string ("payment-terms", NULL, NULL, "", flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  /* 0: not stated; the document shows "rev. N" from 2 on. */
  properties[PROP_REVISION] =
    g_param_spec_int ("revision", NULL, NULL, 0, PB_QUOTE_MAX_REVISION, 0, flags);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbQuote::changed:
   *
   * Emitted after anything in the quote changed, so that a view re-prices.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static PbInstant
today (void)
{
  g_autofree char *text = pb_time_format_date (g_get_real_time () / G_USEC_PER_SEC);
  PbInstant date = PB_INSTANT_MIN;

  /* Today in China Standard Time, through pb-time only. */
  pb_time_parse_date (text, &date, NULL);
  return date;
}

static void
pb_quote_init (PbQuote *self)
{
  self->number = g_strdup ("");
  self->date = today ();
  self->valid_days = 30;
  self->customer = pb_customer_new (NULL, NULL, FALSE);
  g_signal_connect (self->customer, "notify", G_CALLBACK (on_part_notify), self);
  self->currency = g_strdup (PB_QUOTE_CURRENCY);
  self->live_base_fee_until = PB_INSTANT_NONE;
  self->language = PB_QUOTE_LANGUAGE_EN;
  self->payment_terms = g_strdup ("");
  self->notes = g_strdup ("");
  self->items = g_list_store_new (PB_TYPE_QUOTE_ITEM);
  self->item_array = g_ptr_array_new_with_free_func (g_object_unref);
  /* Connected first, so that the array is right for every later handler. */
  g_signal_connect (self->items, "items-changed", G_CALLBACK (on_items_changed), self);
}

PbQuote *
pb_quote_new (void)
{
  return g_object_new (PB_TYPE_QUOTE, NULL);
}

/* A deep copy: its own customer and items, no origin (it is a new document). */
PbQuote *
pb_quote_copy (PbQuote *self)
{
  g_autoptr(PbCustomer) customer = NULL;
  PbQuote *copy;

  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  copy = pb_quote_new ();
  customer = pb_customer_copy (self->customer);
  pb_quote_set_customer (copy, customer);
  pb_quote_set_number (copy, self->number);
  pb_quote_set_date (copy, self->date);
  pb_quote_set_valid_days (copy, self->valid_days);
  pb_quote_set_currency (copy, self->currency);
  pb_quote_set_discount (copy, self->discount);
  pb_quote_set_live_base_fee_until (copy, self->live_base_fee_until);
  pb_quote_set_account (copy, self->account);
  pb_quote_set_language (copy, self->language);
  pb_quote_set_status (copy, self->status);
  pb_quote_set_tax_basis (copy, self->tax_basis);
  pb_quote_set_tax_rate (copy, self->tax_rate);
  pb_quote_set_tax_set (copy, self->tax_set);
  pb_quote_set_payment_terms (copy, self->payment_terms);
  pb_quote_set_notes (copy, self->notes);
  pb_quote_set_revision (copy, self->revision);
  for (guint i = 0; i < pb_quote_get_n_items (self); i++)
    {
      g_autoptr(PbQuoteItem) item = pb_quote_item_copy (pb_quote_get_item (self, i));

      pb_quote_item_set_origin (item, NULL);
      pb_quote_append_item (copy, item);
    }
  return copy;
}

/* Midnight (+08:00) of @instant's day. */
static PbInstant
day_of (PbInstant instant)
{
  g_autofree char *text = pb_time_format_date (instant);
  PbInstant date = PB_INSTANT_MIN;

  pb_time_parse_date (text, &date, NULL);
  return date;
}

/* "Quote from here": the account's enabled events up to @at become the
 * quote's history, and the quote is dated @at's day, or the next day when
 * the history already holds an event on @at's day (the quote's purchases
 * come after the whole history, at 00:00 of its date). */
PbQuote *
pb_quote_new_from_account (PbScenario *account, PbInstant at)
{
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(PbScenario) history = NULL;
  g_autoptr(GArray) kept = NULL;
  const PbScenarioEvent *events;
  PbInstant date;
  guint n;

  g_return_val_if_fail (PB_IS_SCENARIO (account), NULL);
  g_return_val_if_fail (at >= PB_INSTANT_MIN && at <= PB_INSTANT_MAX, NULL);

  date = day_of (at);
  events = pb_scenario_get_events (account, &n);
  kept = g_array_new (FALSE, FALSE, sizeof (PbScenarioEvent));
  for (guint i = 0; i < n; i++)
    if (events[i].enabled && events[i].at <= at)
      {
        g_array_append_val (kept, events[i]);
        if (events[i].at >= date)
          date = pb_time_add_days (day_of (at), 1);
      }
  quote = pb_quote_new ();
  pb_quote_set_date (quote, MIN (date, day_of (PB_INSTANT_MAX)));
  /* Whoever bought these is an enterprise (EL-2, VM-10). */
  pb_customer_set_enterprise (pb_quote_get_customer (quote), TRUE);
  history = pb_scenario_new (pb_scenario_get_catalog (account));
  /* A part of a scenario's events is as well formed as the whole. */
  if (!pb_scenario_set_events (history, (const PbScenarioEvent *) kept->data, kept->len, NULL))
    g_return_val_if_reached (NULL);
  pb_quote_set_account (quote, history);
  return g_steal_pointer (&quote);
}

/* ------------------------------------------------------------------ */
/* Properties                                                         */

const char *
pb_quote_get_number (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  return self->number;
}

static gboolean
replace_string (char **field, const char *value)
{
  if (value == NULL)
    value = "";
  if (g_str_equal (*field, value))
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
pb_quote_set_number (PbQuote *self, const char *number)
{
  g_return_if_fail (PB_IS_QUOTE (self));

  if (replace_string (&self->number, number))
    notify_changed (self, PROP_NUMBER);
}

PbInstant
pb_quote_get_date (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), PB_INSTANT_NONE);

  return self->date;
}

void
pb_quote_set_date (PbQuote *self, PbInstant date)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (date >= PB_INSTANT_MIN && date <= PB_INSTANT_MAX);

  if (self->date == date)
    return;
  self->date = date;
  notify_changed (self, PROP_DATE);
}

gint64
pb_quote_get_valid_days (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), 0);

  return self->valid_days;
}

void
pb_quote_set_valid_days (PbQuote *self, gint64 valid_days)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (valid_days >= 1 && valid_days <= PB_QUOTE_MAX_VALID_DAYS);

  if (self->valid_days == valid_days)
    return;
  self->valid_days = valid_days;
  notify_changed (self, PROP_VALID_DAYS);
}

PbCustomer *
pb_quote_get_customer (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  return self->customer;
}

/* The quote follows its customer: VM-10/EL-2 depend on "enterprise". */
void
pb_quote_set_customer (PbQuote *self, PbCustomer *customer)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (PB_IS_CUSTOMER (customer));

  if (self->customer == customer)
    return;
  g_signal_handlers_disconnect_by_func (self->customer, on_part_notify, self);
  g_set_object (&self->customer, customer);
  g_signal_connect (self->customer, "notify", G_CALLBACK (on_part_notify), self);
  notify_changed (self, PROP_CUSTOMER);
}

const char *
pb_quote_get_currency (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  return self->currency;
}

/* Any text is held so that the check can name a wrong currency. */
void
pb_quote_set_currency (PbQuote *self, const char *currency)
{
  g_return_if_fail (PB_IS_QUOTE (self));

  if (replace_string (&self->currency, currency))
    notify_changed (self, PROP_CURRENCY);
}

gint
pb_quote_get_discount (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), 0);

  return self->discount;
}

void
pb_quote_set_discount (PbQuote *self, gint hundredths)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (hundredths >= 0 && hundredths <= PB_QUOTE_MAX_DISCOUNT);

  if (self->discount == hundredths)
    return;
  self->discount = hundredths;
  notify_changed (self, PROP_DISCOUNT);
}

PbInstant
pb_quote_get_live_base_fee_until (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), PB_INSTANT_NONE);

  return self->live_base_fee_until;
}

void
pb_quote_set_live_base_fee_until (PbQuote *self, PbInstant until)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (until == PB_INSTANT_NONE || (until >= PB_INSTANT_MIN && until <= PB_INSTANT_MAX));

  if (self->live_base_fee_until == until)
    return;
  self->live_base_fee_until = until;
  notify_changed (self, PROP_LIVE_BASE_FEE_UNTIL);
}

PbScenario *
pb_quote_get_account (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  return self->account;
}

/* The quote keeps its own copy (with @account's catalog), so that what the
 * simulator does next does not change the quote behind its back; edits
 * through pb_quote_get_account() do change it, and emit "changed". */
void
pb_quote_set_account (PbQuote *self, PbScenario *account)
{
  g_autoptr(PbScenario) copy = NULL;
  const PbScenarioEvent *events;
  guint n = 0;

  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (account == NULL || PB_IS_SCENARIO (account));

  if (account != NULL && (events = pb_scenario_get_events (account, &n), n > 0))
    {
      copy = pb_scenario_new (pb_scenario_get_catalog (account));
      /* Events another scenario holds are well formed for its catalog. */
      if (!pb_scenario_set_events (copy, events, n, NULL))
        g_return_if_reached ();
    }
  if (copy == NULL && self->account == NULL)
    return;
  if (copy != NULL && self->account != NULL && pb_scenario_same_events (copy, self->account))
    return;
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_func (self->account, emit_changed, self);
  g_set_object (&self->account, copy);
  if (self->account != NULL)
    g_signal_connect_swapped (self->account, "changed", G_CALLBACK (emit_changed), self);
  notify_changed (self, PROP_ACCOUNT);
}

PbQuoteLanguage
pb_quote_get_language (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), PB_QUOTE_LANGUAGE_EN);

  return self->language;
}

void
pb_quote_set_language (PbQuote *self, PbQuoteLanguage language)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (language == PB_QUOTE_LANGUAGE_EN || language == PB_QUOTE_LANGUAGE_ZH_CN);

  if (self->language == language)
    return;
  self->language = language;
  notify_changed (self, PROP_LANGUAGE);
}

PbQuoteStatus
pb_quote_get_status (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), PB_QUOTE_STATUS_DRAFT);

  return self->status;
}

/* Emits "changed" too: the price stays, but the document is not the same. */
void
pb_quote_set_status (PbQuote *self, PbQuoteStatus status)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (status <= PB_QUOTE_STATUS_REJECTED);

  if (self->status == status)
    return;
  self->status = status;
  notify_changed (self, PROP_STATUS);
}

gboolean
pb_quote_get_tax_set (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), FALSE);

  return self->tax_set;
}

void
pb_quote_set_tax_set (PbQuote *self, gboolean tax_set)
{
  g_return_if_fail (PB_IS_QUOTE (self));

  tax_set = !!tax_set;
  if (self->tax_set == tax_set)
    return;
  self->tax_set = tax_set;
  notify_changed (self, PROP_TAX_SET);
}

PbTaxBasis
pb_quote_get_tax_basis (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), PB_TAX_INCLUSIVE);

  return self->tax_basis;
}

void
pb_quote_set_tax_basis (PbQuote *self, PbTaxBasis basis)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (basis == PB_TAX_INCLUSIVE || basis == PB_TAX_EXCLUSIVE);

  if (self->tax_basis == basis)
    return;
  self->tax_basis = basis;
  notify_changed (self, PROP_TAX_BASIS);
}

gint
pb_quote_get_tax_rate (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), 0);

  return self->tax_rate;
}

void
pb_quote_set_tax_rate (PbQuote *self, gint hundredths)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (hundredths >= 0 && hundredths <= PB_TAX_MAX_RATE);

  if (self->tax_rate == hundredths)
    return;
  self->tax_rate = hundredths;
  notify_changed (self, PROP_TAX_RATE);
}

/* States the tax in one step: one "changed" for the three properties. */
void
pb_quote_set_tax (PbQuote *self, PbTaxBasis basis, gint hundredths)
{
  gboolean changed;

  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (basis == PB_TAX_INCLUSIVE || basis == PB_TAX_EXCLUSIVE);
  g_return_if_fail (hundredths >= 0 && hundredths <= PB_TAX_MAX_RATE);

  changed = !self->tax_set || self->tax_basis != basis || self->tax_rate != hundredths;
  g_object_freeze_notify (G_OBJECT (self));
  if (!self->tax_set)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_SET]);
  if (self->tax_basis != basis)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_BASIS]);
  if (self->tax_rate != hundredths)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_RATE]);
  self->tax_set = TRUE;
  self->tax_basis = basis;
  self->tax_rate = hundredths;
  g_object_thaw_notify (G_OBJECT (self));
  if (changed)
    emit_changed (self);
}

const char *
pb_quote_get_payment_terms (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  return self->payment_terms;
}

void
pb_quote_set_payment_terms (PbQuote *self, const char *payment_terms)
{
  g_return_if_fail (PB_IS_QUOTE (self));

  if (replace_string (&self->payment_terms, payment_terms))
    notify_changed (self, PROP_PAYMENT_TERMS);
}

const char *
pb_quote_get_notes (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  return self->notes;
}

void
pb_quote_set_notes (PbQuote *self, const char *notes)
{
  g_return_if_fail (PB_IS_QUOTE (self));

  if (replace_string (&self->notes, notes))
    notify_changed (self, PROP_NOTES);
}

gint
pb_quote_get_revision (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), 0);

  return self->revision;
}

void
pb_quote_set_revision (PbQuote *self, gint revision)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (revision >= 0 && revision <= PB_QUOTE_MAX_REVISION);

  if (self->revision == revision)
    return;
  self->revision = revision;
  notify_changed (self, PROP_REVISION);
}

gboolean
pb_quote_revise (PbQuote *self, PbQuote *saved)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), FALSE);
  g_return_val_if_fail (PB_IS_QUOTE (saved), FALSE);

  /* Same status and revision on both sides: pb_quote_equal then compares
   * only what the customer was sent. */
  if (self->status != PB_QUOTE_STATUS_SENT || saved->status != PB_QUOTE_STATUS_SENT ||
      self->revision != saved->revision || saved->revision >= PB_QUOTE_MAX_REVISION ||
      pb_quote_equal (self, saved))
    return FALSE;
  pb_quote_set_revision (self, MAX (saved->revision, 1) + 1);
  return TRUE;
}

/* What an exported document would lack: the window asks before exporting,
 * the CLI warns.  A name of white space only is no name. */
PbQuoteMissing
pb_quote_get_missing (PbQuote *self)
{
  PbQuoteMissing missing = PB_QUOTE_MISSING_NONE;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PB_IS_QUOTE (self), PB_QUOTE_MISSING_NONE);

  name = g_strstrip (g_strdup (pb_customer_get_name (self->customer)));
  if (*name == '\0')
    missing |= PB_QUOTE_MISSING_CUSTOMER_NAME;
  if (pb_quote_get_n_items (self) == 0)
    missing |= PB_QUOTE_MISSING_ITEMS;
  return missing;
}

char *
pb_quote_missing_to_string (PbQuoteMissing missing)
{
  if ((missing & PB_QUOTE_MISSING_CUSTOMER_NAME) && (missing & PB_QUOTE_MISSING_ITEMS))
    return g_strdup (_("The quote has no customer name and no items."));
  if (missing & PB_QUOTE_MISSING_CUSTOMER_NAME)
    return g_strdup (_("The quote has no customer name."));
  if (missing & PB_QUOTE_MISSING_ITEMS)
    return g_strdup (_("The quote has no items."));
  return NULL;
}

const char *
pb_quote_get_origin (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  return self->origin;
}

/* ------------------------------------------------------------------ */
/* Items                                                              */

GListModel *
pb_quote_get_items (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
pb_quote_get_n_items (PbQuote *self)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), 0);
  g_return_val_if_fail (self->item_array != NULL, 0);   /* disposed */

  return self->item_array->len;
}

/* Borrowed: the quote keeps its items alive.  NULL past the end, as
 * g_list_model_get_item(). */
PbQuoteItem *
pb_quote_get_item (PbQuote *self, guint position)
{
  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);
  g_return_val_if_fail (self->item_array != NULL, NULL);   /* disposed */

  if (position >= self->item_array->len)
    return NULL;
  return g_ptr_array_index (self->item_array, position);
}

void
pb_quote_insert_item (PbQuote *self, guint position, PbQuoteItem *item)
{
  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (PB_IS_QUOTE_ITEM (item));
  g_return_if_fail (position <= pb_quote_get_n_items (self));

  g_signal_connect (item, "notify", G_CALLBACK (on_part_notify), self);
  g_list_store_insert (self->items, position, item);
  emit_changed (self);
}

void
pb_quote_append_item (PbQuote *self, PbQuoteItem *item)
{
  g_return_if_fail (PB_IS_QUOTE (self));

  pb_quote_insert_item (self, pb_quote_get_n_items (self), item);
}

void
pb_quote_remove_item (PbQuote *self, guint position)
{
  g_autoptr(PbQuoteItem) item = NULL;

  g_return_if_fail (PB_IS_QUOTE (self));
  g_return_if_fail (position < pb_quote_get_n_items (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  g_signal_handlers_disconnect_by_func (item, on_part_notify, self);
  g_list_store_remove (self->items, position);
  emit_changed (self);
}

static gboolean
accounts_equal (PbScenario *a, PbScenario *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return pb_scenario_same_events (a, b);
}

gboolean
pb_quote_equal (PbQuote *a, PbQuote *b)
{
  guint n;

  g_return_val_if_fail (PB_IS_QUOTE (a), FALSE);
  g_return_val_if_fail (PB_IS_QUOTE (b), FALSE);

  n = pb_quote_get_n_items (a);
  if (!g_str_equal (a->number, b->number) || a->date != b->date ||
      a->valid_days != b->valid_days || !pb_customer_equal (a->customer, b->customer) ||
      !g_str_equal (a->currency, b->currency) || a->discount != b->discount ||
      a->live_base_fee_until != b->live_base_fee_until || !accounts_equal (a->account, b->account) ||
      a->language != b->language ||
      a->status != b->status ||
      a->tax_set != b->tax_set || a->tax_basis != b->tax_basis || a->tax_rate != b->tax_rate ||
      !g_str_equal (a->payment_terms, b->payment_terms) || !g_str_equal (a->notes, b->notes) ||
      a->revision != b->revision ||
      n != pb_quote_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!pb_quote_item_equal (pb_quote_get_item (a, i), pb_quote_get_item (b, i)))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading pricebook-quote/1                                          */

typedef struct
{
  PbJsonDoc *doc;
  PbQuote   *quote;
} Reader;

/* The members each kind reads, beyond "product" and "kind"; "voucher" is
 * accepted on every kind only so that VM-1 can refuse it by name. */
static const char * const kind_members[][6] = {
  [PB_ITEM_KIND_NUMBERS] = { "numbers", "months", NULL },
  [PB_ITEM_KIND_FIXED_PACKAGE] = { "minutes", "quantity", NULL },
  [PB_ITEM_KIND_CUSTOM_PACKAGE] = { "minutes", "quantity", NULL },
  [PB_ITEM_KIND_BASE_FEE] = { "years", NULL },
  [PB_ITEM_KIND_CODE] = { "tier", "quantity", "extra_viewers", NULL },
  [PB_ITEM_KIND_EXPANSION] = { "code", "extra_viewers", NULL },
};

/* A numeric member of an item: its range and the rule it belongs to. */
typedef struct
{
  const char *member;
  gint64      max;
  gint64      fallback;
  const char *rule;
  void      (*set) (PbQuoteItem *item, gint64 value);
} IntMember;

static void
append_rule (GError **error, const char *rule)
{
  char *message;

  if (error == NULL || *error == NULL)
    return;
  message = g_strdup_printf ("%s (%s)", (*error)->message, rule);
  g_free ((*error)->message);
  (*error)->message = message;
}

static gboolean
read_int_member (Reader *reader, JsonObject *object, const char *where, const IntMember *spec,
                 PbQuoteItem *item, GError **error)
{
  gint64 value;

  if (!pb_json_get_int (reader->doc, object, spec->member, where, 0, spec->max, spec->fallback,
                        &value, error))
    {
      append_rule (error, spec->rule);
      return FALSE;
    }
  spec->set (item, value);
  return TRUE;
}

static gboolean
read_int_members (Reader *reader, JsonObject *object, const char *where, PbQuoteItem *item,
                  GError **error)
{
  static const IntMember numbers[] = {
    { "numbers", PB_QUOTE_ITEM_MAX_NUMBERS, PB_JSON_REQUIRED, "VM-2", pb_quote_item_set_numbers },
    { "months", PB_QUOTE_ITEM_MAX_MONTHS, PB_JSON_REQUIRED, "VM-3", pb_quote_item_set_months },
  };
  static const IntMember fixed[] = {
    { "minutes", PB_QUOTE_ITEM_MAX_MINUTES, PB_JSON_REQUIRED, "VM-5", pb_quote_item_set_minutes },
    { "quantity", PB_QUOTE_ITEM_MAX_QUANTITY, 1, "Q-2", pb_quote_item_set_quantity },
  };
  static const IntMember custom[] = {
    { "minutes", PB_QUOTE_ITEM_MAX_MINUTES, PB_JSON_REQUIRED, "VM-6", pb_quote_item_set_minutes },
    { "quantity", PB_QUOTE_ITEM_MAX_QUANTITY, 1, "Q-2", pb_quote_item_set_quantity },
  };
  static const IntMember base_fee[] = {
    { "years", PB_QUOTE_ITEM_MAX_YEARS, PB_JSON_REQUIRED, "EL-3", pb_quote_item_set_years },
  };
  static const IntMember code[] = {
    { "quantity", PB_QUOTE_ITEM_MAX_QUANTITY, 1, "Q-2", pb_quote_item_set_quantity },
    { "extra_viewers", PB_QUOTE_ITEM_MAX_EXTRA_VIEWERS, 0, "EL-5", pb_quote_item_set_extra_viewers },
  };
  static const IntMember expansion[] = {
    { "extra_viewers", PB_QUOTE_ITEM_MAX_EXTRA_VIEWERS, PB_JSON_REQUIRED, "EL-6",
      pb_quote_item_set_extra_viewers },
  };
  static const struct { const IntMember *members; guint n; } by_kind[] = {
    [PB_ITEM_KIND_NUMBERS] = { numbers, G_N_ELEMENTS (numbers) },
    [PB_ITEM_KIND_FIXED_PACKAGE] = { fixed, G_N_ELEMENTS (fixed) },
    [PB_ITEM_KIND_CUSTOM_PACKAGE] = { custom, G_N_ELEMENTS (custom) },
    [PB_ITEM_KIND_BASE_FEE] = { base_fee, G_N_ELEMENTS (base_fee) },
    [PB_ITEM_KIND_CODE] = { code, G_N_ELEMENTS (code) },
    [PB_ITEM_KIND_EXPANSION] = { expansion, G_N_ELEMENTS (expansion) },
  };
  PbItemKind kind = pb_quote_item_get_kind (item);

  for (guint i = 0; i < by_kind[kind].n; i++)
    if (!read_int_member (reader, object, where, &by_kind[kind].members[i], item, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_text_members (Reader *reader, JsonObject *object, const char *where, PbQuoteItem *item,
                   GError **error)
{
  const char *text;

  switch (pb_quote_item_get_kind (item))
    {
    case PB_ITEM_KIND_CODE:
      if (!pb_json_get_string (reader->doc, object, "tier", where, NULL, &text, error))
        {
          append_rule (error, "EL-4");
          return FALSE;
        }
      pb_quote_item_set_tier (item, text);
      break;

    case PB_ITEM_KIND_EXPANSION:
      if (!pb_json_get_string (reader->doc, object, "code", where, NULL, &text, error))
        {
          append_rule (error, "EL-6");
          return FALSE;
        }
      pb_quote_item_set_code (item, text);
      break;

    default:
      break;
    }
  if (json_object_has_member (object, "voucher"))
    {
      if (!pb_json_get_string (reader->doc, object, "voucher", where, NULL, &text, error))
        return FALSE;
      pb_quote_item_set_voucher (item, text);
    }
  return TRUE;
}

/* "product" must agree with the kind: a "live" numbers item is a typo
 * that would otherwise be priced as something nobody asked for. */
static gboolean
read_kind (Reader *reader, JsonObject *object, const char *where, PbItemKind *kind, GError **error)
{
  g_autofree char *known = NULL;
  const char *kind_text, *product_text;
  PbProduct product;

  if (!pb_json_get_string (reader->doc, object, "kind", where, NULL, &kind_text, error))
    return FALSE;
  if (!pb_item_kind_from_string (kind_text, kind))
    {
      pb_json_doc_error (reader->doc, json_object_get_member (object, "kind"), error, PB_ERROR_INPUT,
                         where, _("unknown kind “%s” (known: numbers, fixed_package, custom_package, "
                                  "base_fee, code, expansion) (Q-2)"), kind_text);
      return FALSE;
    }
  if (!pb_json_get_string (reader->doc, object, "product", where, NULL, &product_text, error))
    return FALSE;
  if (!pb_product_from_string (product_text, &product))
    {
      pb_json_doc_error (reader->doc, json_object_get_member (object, "product"), error, PB_ERROR_INPUT,
                         where, _("unknown product “%s” (known: voice, live) (Q-2)"), product_text);
      return FALSE;
    }
  if (product != pb_item_kind_get_product (*kind))
    {
      pb_json_doc_error (reader->doc, json_object_get_member (object, "product"), error, PB_ERROR_INPUT,
                         where, _("a %s item belongs to the product “%s”, not “%s” (Q-2)"), kind_text,
                         pb_product_to_string (pb_item_kind_get_product (*kind)), product_text);
      return FALSE;
    }
  return TRUE;
}

/* "FILE:LINE:COL" of a node, in the words pb_json_doc_error() uses. */
static char *
position_of (PbJsonDoc *doc, JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  gsize length;

  pb_json_doc_error (doc, node, &error, PB_ERROR_INPUT, NULL, "%s", "");
  length = strlen (error->message);
  if (length >= 2 && g_str_has_suffix (error->message, ": "))
    length -= 2;
  return g_strndup (error->message, length);
}

static PbQuoteItem *
read_item (Reader *reader, JsonArray *array, guint index, GError **error)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *where = g_strdup_printf (_("item %u"), index);
  g_autofree char *origin = NULL;
  g_autoptr(PbQuoteItem) item = NULL;
  const char *allowed[10] = { "product", "kind", NULL };
  JsonObject *object;
  PbItemKind kind;
  guint n = 2;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      pb_json_doc_error (reader->doc, node, error, PB_ERROR_INPUT, where, _("an item must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!read_kind (reader, object, where, &kind, error))
    return NULL;
  g_free (where);
  where = g_strdup_printf (_("item %u (%s)"), index, pb_item_kind_to_string (kind));
  for (guint i = 0; kind_members[kind][i] != NULL; i++)
    allowed[n++] = kind_members[kind][i];
  allowed[n] = "voucher";
  item = pb_quote_item_new (kind);
  if (!pb_json_check_members (reader->doc, node, where, allowed, error) ||
      !read_int_members (reader, object, where, item, error) ||
      !read_text_members (reader, object, where, item, error))
    return NULL;
  origin = position_of (reader->doc, node);
  pb_quote_item_set_origin (item, origin);
  return g_steal_pointer (&item);
}

static gboolean
read_items (Reader *reader, JsonObject *root, GError **error)
{
  JsonArray *array;

  if (!pb_json_get_array (reader->doc, root, "items", NULL, TRUE, &array, error))
    return FALSE;
  if (json_array_get_length (array) > PB_QUOTE_MAX_ITEMS)
    {
      pb_json_doc_error (reader->doc, array, error, PB_ERROR_INPUT, NULL,
                         _("a quote holds at most %d items, this one %u (Q-1)"), PB_QUOTE_MAX_ITEMS,
                         json_array_get_length (array));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(PbQuoteItem) item = read_item (reader, array, i, error);

      if (item == NULL)
        return FALSE;
      pb_quote_append_item (reader->quote, item);
    }
  return TRUE;
}

/* Reports a parse failure of a member's text at the member's place. */
static gboolean
member_error (Reader *reader, JsonObject *object, const char *member, const char *where,
              GError *local_error, GError **error)
{
  pb_json_doc_error (reader->doc, json_object_get_member (object, member), error, PB_ERROR_INPUT,
                     where, "“%s”: %s", member, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

/* An optional free-text member, "" when absent, bounded as pb-text.h says
 * (a page must hold it); @rule is the rule its refusal names. */
static gboolean
read_text (Reader *reader, JsonObject *object, const char *member, const char *where, glong max_chars,
           gboolean multiline, const char **result, GError **error)
{
  if (pb_json_get_text (reader->doc, object, member, where, "", max_chars, multiline, result, error))
    return TRUE;
  append_rule (error, "Q-1");
  return FALSE;
}

/* The buyer's invoicing details, members of "customer" by the names of the
 * contract and properties of PbCustomer by GObject's spelling. */
static const char * const customer_details[] = { "address", "tax_id", "bank", "bank_account", NULL };

static gboolean
read_customer_details (Reader *reader, JsonObject *object, GError **error)
{
  for (guint i = 0; customer_details[i] != NULL; i++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (customer_details[i]), "_", '-');
      const char *text;

      if (!read_text (reader, object, customer_details[i], "customer", PB_TEXT_MAX_LINE, FALSE, &text, error))
        return FALSE;
      g_object_set (reader->quote->customer, property, text, NULL);
    }
  return TRUE;
}

static gboolean
read_customer (Reader *reader, JsonObject *root, GError **error)
{
  static const char * const allowed[] = {
    "name", "enterprise", "contact", "address", "tax_id", "bank", "bank_account", NULL
  };
  JsonObject *object;
  const char *name, *contact;
  gboolean enterprise;

  /* "enterprise" is required: a forgotten flag must not decide VM-10/EL-2. */
  if (!pb_json_get_object (reader->doc, root, "customer", NULL, TRUE, &object, error) ||
      !pb_json_check_members (reader->doc, json_object_get_member (root, "customer"), "customer",
                              allowed, error) ||
      !pb_json_get_string (reader->doc, object, "name", "customer", NULL, &name, error) ||
      !pb_json_get_bool (reader->doc, object, "enterprise", "customer", -1, &enterprise, error) ||
      !pb_json_get_string (reader->doc, object, "contact", "customer", "", &contact, error))
    return FALSE;
  pb_customer_set_name (reader->quote->customer, name);
  pb_customer_set_contact (reader->quote->customer, contact);
  pb_customer_set_enterprise (reader->quote->customer, enterprise);
  return read_customer_details (reader, object, error);
}

/* "tax": { "basis": "inclusive" | "exclusive", "rate_percent": "6" },
 * both members required: a tax stated by halves would be guessed at. */
static gboolean
read_tax (Reader *reader, JsonObject *root, GError **error)
{
  static const char * const allowed[] = { "basis", "rate_percent", NULL };
  JsonObject *object;
  const char *basis_text, *rate_text;
  GError *local_error = NULL;
  PbTaxBasis basis;
  gint rate;

  if (!pb_json_get_object (reader->doc, root, "tax", NULL, FALSE, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;
  if (!pb_json_check_members (reader->doc, json_object_get_member (root, "tax"), "tax", allowed, error) ||
      !pb_json_get_string (reader->doc, object, "basis", "tax", NULL, &basis_text, error) ||
      !pb_json_get_string (reader->doc, object, "rate_percent", "tax", NULL, &rate_text, error))
    {
      append_rule (error, "Q-7");
      return FALSE;
    }
  if (!pb_tax_basis_from_string (basis_text, &basis))
    {
      pb_json_doc_error (reader->doc, json_object_get_member (object, "basis"), error, PB_ERROR_INPUT, "tax",
                         _("unknown basis “%s” (known: inclusive, exclusive) (Q-7)"), basis_text);
      return FALSE;
    }
  if (!pb_percent_parse (rate_text, &rate, &local_error))
    {
      append_rule (&local_error, "Q-7");
      return member_error (reader, object, "rate_percent", "tax", local_error, error);
    }
  pb_quote_set_tax (reader->quote, basis, rate);
  return TRUE;
}

/* Payment terms, notes and the revision: what the document prints besides
 * the prices. */
static gboolean
read_details (Reader *reader, JsonObject *root, GError **error)
{
  const char *payment_terms, *notes;
  gint64 revision;

  if (!read_tax (reader, root, error) ||
      !read_text (reader, root, "payment_terms", NULL, PB_TEXT_MAX_PARAGRAPHS, TRUE, &payment_terms, error) ||
      !read_text (reader, root, "notes", NULL, PB_TEXT_MAX_PARAGRAPHS, TRUE, &notes, error))
    return FALSE;
  if (!pb_json_get_int (reader->doc, root, "revision", NULL, 1, PB_QUOTE_MAX_REVISION, 0, &revision, error))
    {
      append_rule (error, "Q-1");
      return FALSE;
    }
  pb_quote_set_payment_terms (reader->quote, payment_terms);
  pb_quote_set_notes (reader->quote, notes);
  pb_quote_set_revision (reader->quote, (gint) revision);
  return TRUE;
}

/* The account's history, read as a scenario's events are (EL-3..EL-10,
 * VM-3..VM-9).  It is what happened before the quote: an event at or after
 * the quote's date (the instant its purchases are made) is an input error. */
static gboolean
read_account_events (Reader *reader, JsonObject *object, GError **error)
{
  g_autoptr(PbCatalog) catalog = NULL;
  g_autoptr(PbScenario) account = NULL;
  JsonArray *events;

  if (!pb_json_get_array (reader->doc, object, "events", "account", FALSE, &events, error))
    return FALSE;
  if (events == NULL || json_array_get_length (events) == 0)
    return TRUE;
  /* The events are checked against the built-in catalog here; pricing
   * checks them again against the one it prices with. */
  if ((catalog = pb_catalog_get_default (error)) == NULL)
    return FALSE;
  account = pb_scenario_new (catalog);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonNode *node = json_array_get_element (events, i);

      if (!pb_scenario_read_event (account, reader->doc, node, i, "account", error))
        return FALSE;
      if (pb_scenario_get_event (account, i)->at >= reader->quote->date)
        {
          g_autofree char *at = pb_time_format (pb_scenario_get_event (account, i)->at);
          g_autofree char *date = pb_time_format_date (reader->quote->date);
          g_autofree char *where = g_strdup_printf (_("account: event %u (%s)"), i,
                                                    pb_event_type_to_string (pb_scenario_get_event (account, i)->type));

          pb_json_doc_error (reader->doc, json_object_get_member (json_node_get_object (node), "at"), error,
                             PB_ERROR_INPUT, where,
                             _("“at” is %s, not before the quote's date %s: the account holds the customer's "
                               "history, and the quote's purchases are made on its date (Q-1)"), at, date);
          return FALSE;
        }
    }
  pb_quote_set_account (reader->quote, account);
  return TRUE;
}

static gboolean
read_account (Reader *reader, JsonObject *root, GError **error)
{
  static const char * const allowed[] = { "live_base_fee_until", "events", NULL };
  JsonObject *object;
  const char *text;
  GError *local_error = NULL;
  PbInstant until;

  if (!pb_json_get_object (reader->doc, root, "account", NULL, FALSE, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;
  if (!pb_json_check_members (reader->doc, json_object_get_member (root, "account"), "account",
                              allowed, error) ||
      !read_account_events (reader, object, error) ||
      !pb_json_get_string (reader->doc, object, "live_base_fee_until", "account", "", &text, error))
    return FALSE;
  if (*text == '\0' && !json_object_has_member (object, "live_base_fee_until"))
    return TRUE;
  if (!pb_time_parse (text, &until, &local_error))
    return member_error (reader, object, "live_base_fee_until", "account", local_error, error);
  pb_quote_set_live_base_fee_until (reader->quote, until);
  return TRUE;
}

static gboolean
read_date_and_discount (Reader *reader, JsonObject *root, GError **error)
{
  const char *date_text, *discount_text;
  GError *local_error = NULL;
  PbInstant date;
  gint discount;

  if (!pb_json_get_string (reader->doc, root, "date", NULL, NULL, &date_text, error))
    return FALSE;
  if (!pb_time_parse_date (date_text, &date, &local_error))
    {
      append_rule (&local_error, "Q-1");
      return member_error (reader, root, "date", NULL, local_error, error);
    }
  if (!pb_json_get_string (reader->doc, root, "discount_percent", NULL, "0", &discount_text, error))
    return FALSE;
  if (!pb_percent_parse (discount_text, &discount, &local_error))
    {
      append_rule (&local_error, "Q-3");
      return member_error (reader, root, "discount_percent", NULL, local_error, error);
    }
  pb_quote_set_date (reader->quote, date);
  pb_quote_set_discount (reader->quote, discount);
  return TRUE;
}

/* a quote is valid for a number of days. */
static gboolean
read_valid_days (Reader *reader, JsonObject *root, gint64 *valid_days, GError **error)
{
  if (pb_json_get_int (reader->doc, root, "valid_days", NULL, 1, PB_QUOTE_MAX_VALID_DAYS, PB_JSON_REQUIRED,
                       valid_days, error))
    return TRUE;
  append_rule (error, "Q-1");
  return FALSE;
}

static gboolean
read_quote (Reader *reader, GError **error)
{
  static const char * const allowed[] = {
    "format", "number", "date", "valid_days", "customer", "currency", "discount_percent",
    "account", "language", "status", "items",
    "tax", "payment_terms", "notes", "revision", NULL
  };
  JsonObject *root = pb_json_doc_root_object (reader->doc, PB_QUOTE_FORMAT, error);
  const char *number, *currency, *language_text, *status_text;
  PbQuoteLanguage language;
  PbQuoteStatus status;
  gint64 valid_days;

  if (root == NULL ||
      !pb_json_check_members (reader->doc, pb_json_doc_get_root (reader->doc), NULL, allowed, error) ||
      !pb_json_get_string (reader->doc, root, "number", NULL, NULL, &number, error) ||
      !read_date_and_discount (reader, root, error) ||
      !read_valid_days (reader, root, &valid_days, error) ||
      !read_customer (reader, root, error) ||
      !pb_json_get_string (reader->doc, root, "currency", NULL, PB_QUOTE_CURRENCY, &currency, error) ||
      !read_account (reader, root, error) ||
      !read_details (reader, root, error) ||
      !pb_json_get_string (reader->doc, root, "language", NULL, "en", &language_text, error) ||
      !pb_json_get_string (reader->doc, root, "status", NULL, "draft", &status_text, error))
    return FALSE;
  if (!pb_quote_language_from_string (language_text, &language))
    {
      pb_json_doc_error (reader->doc, json_object_get_member (root, "language"), error, PB_ERROR_INPUT,
                         NULL, _("unknown language “%s” (known: en, zh_CN)"), language_text);
      return FALSE;
    }
  if (!pb_quote_status_from_string (status_text, &status))
    {
      pb_json_doc_error (reader->doc, json_object_get_member (root, "status"), error, PB_ERROR_INPUT,
                         NULL, _("unknown status “%s” (known: draft, sent, accepted, rejected)"), status_text);
      return FALSE;
    }
  pb_quote_set_status (reader->quote, status);
  pb_quote_set_number (reader->quote, number);
  pb_quote_set_valid_days (reader->quote, valid_days);
  pb_quote_set_currency (reader->quote, currency);
  pb_quote_set_language (reader->quote, language);
  return read_items (reader, root, error);
}

static PbQuote *
quote_from_doc (PbJsonDoc *doc, GError **error)
{
  g_autoptr(PbQuote) quote = NULL;
  Reader reader = { 0 };

  if (doc == NULL)
    return NULL;
  quote = pb_quote_new ();
  reader.doc = doc;
  reader.quote = quote;
  if (!read_quote (&reader, error))
    return NULL;
  quote->origin = g_strdup (pb_json_doc_get_name (doc));
  return g_steal_pointer (&quote);
}

PbQuote *
pb_quote_new_from_file (const char *path, GError **error)
{
  g_autoptr(PbJsonDoc) doc = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  doc = pb_json_doc_load_file (path, error);
  return quote_from_doc (doc, error);
}

/* @name stands for the file in messages ("clipboard", "fuzz input"). */
PbQuote *
pb_quote_new_from_bytes (GBytes *bytes, const char *name, GError **error)
{
  g_autoptr(PbJsonDoc) doc = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc = pb_json_doc_load_bytes (bytes, name ? name : "quote", error);
  return quote_from_doc (doc, error);
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */

static void
write_item (JsonBuilder *builder, PbQuoteItem *item)
{
  PbItemKind kind = pb_quote_item_get_kind (item);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "product");
  json_builder_add_string_value (builder, pb_product_to_string (pb_item_kind_get_product (kind)));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, pb_item_kind_to_string (kind));
  for (guint i = 0; kind_members[kind][i] != NULL; i++)
    {
      const char *member = kind_members[kind][i];
      g_autofree char *property = g_strdelimit (g_strdup (member), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
      g_auto(GValue) value = G_VALUE_INIT;

      /* The members are the item's properties by another spelling. */
      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (item), property, &value);
      json_builder_set_member_name (builder, member);
      if (pspec->value_type == G_TYPE_INT64)
        json_builder_add_int_value (builder, g_value_get_int64 (&value));
      else
        json_builder_add_string_value (builder, g_value_get_string (&value));
    }
  if (pb_quote_item_get_voucher (item) != NULL)
    {
      json_builder_set_member_name (builder, "voucher");
      json_builder_add_string_value (builder, pb_quote_item_get_voucher (item));
    }
  json_builder_end_object (builder);
}

static void
write_header (PbQuote *self, JsonBuilder *builder)
{
  g_autofree char *date = pb_time_format_date (self->date);
  g_autofree char *discount = pb_percent_format (self->discount);

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, PB_QUOTE_FORMAT);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, self->number);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "valid_days");
  json_builder_add_int_value (builder, self->valid_days);
  json_builder_set_member_name (builder, "customer");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, pb_customer_get_name (self->customer));
  json_builder_set_member_name (builder, "enterprise");
  json_builder_add_boolean_value (builder, pb_customer_get_enterprise (self->customer));
  json_builder_set_member_name (builder, "contact");
  json_builder_add_string_value (builder, pb_customer_get_contact (self->customer));
  for (guint i = 0; customer_details[i] != NULL; i++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (customer_details[i]), "_", '-');
      g_autofree char *text = NULL;

      g_object_get (self->customer, property, &text, NULL);
      if (*text != '\0')
        pb_json_add_string (builder, customer_details[i], text);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, self->currency);
  json_builder_set_member_name (builder, "discount_percent");
  json_builder_add_string_value (builder, discount);
}

/* The quotation details (Q-7 and free text), written only when given. */
static void
write_details (PbQuote *self, JsonBuilder *builder)
{
  if (self->tax_set)
    {
      g_autofree char *rate = pb_percent_format (self->tax_rate);

      json_builder_set_member_name (builder, "tax");
      json_builder_begin_object (builder);
      pb_json_add_string (builder, "basis", pb_tax_basis_to_string (self->tax_basis));
      pb_json_add_string (builder, "rate_percent", rate);
      json_builder_end_object (builder);
    }
  if (*self->payment_terms != '\0')
    pb_json_add_string (builder, "payment_terms", self->payment_terms);
  if (*self->notes != '\0')
    pb_json_add_string (builder, "notes", self->notes);
  if (self->revision > 0)
    pb_json_add_int (builder, "revision", self->revision);
}

/* The optional members are written only when they say something, so that
 * a quote without them stays a plain pricebook-quote/1 file. */
static void
write_options (PbQuote *self, JsonBuilder *builder)
{
  if (self->language != PB_QUOTE_LANGUAGE_EN)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, pb_quote_language_to_string (self->language));
    }
  if (self->status != PB_QUOTE_STATUS_DRAFT)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, pb_quote_status_to_string (self->status));
    }
  write_details (self, builder);
  if (self->live_base_fee_until != PB_INSTANT_NONE || self->account != NULL)
    {
      json_builder_set_member_name (builder, "account");
      json_builder_begin_object (builder);
      if (self->live_base_fee_until != PB_INSTANT_NONE)
        {
          g_autofree char *until = pb_time_format (self->live_base_fee_until);

          json_builder_set_member_name (builder, "live_base_fee_until");
          json_builder_add_string_value (builder, until);
        }
      if (self->account != NULL)
        {
          json_builder_set_member_name (builder, "events");
          pb_scenario_build_events (self->account, builder);
        }
      json_builder_end_object (builder);
    }
}

JsonNode *
pb_quote_to_json (PbQuote *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  json_builder_begin_object (builder);
  write_header (self, builder);
  write_options (self, builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pb_quote_get_n_items (self); i++)
    write_item (builder, pb_quote_get_item (self, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
pb_quote_to_string (PbQuote *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PB_IS_QUOTE (self), NULL);

  root = pb_quote_to_json (self);
  return pb_json_to_string (root);
}

gboolean
pb_quote_save_to_file (PbQuote *self, const char *path, GError **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PB_IS_QUOTE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  root = pb_quote_to_json (self);
  return pb_json_write_file (root, path, error);
}
