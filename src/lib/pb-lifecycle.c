/* pb-lifecycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the events in time order keeps the little state the rules
 * need (the base fee's current end, each code, number and package, the
 * packages in consumption order); what can only be known once the replay is
 * over (a code's void instant, its suspended spans, the monthly fees of a
 * number never unsubscribed) is derived at the end.  Nothing here is
 * quadratic: lookups are hash tables, the packages a heap, the state-at-T
 * queries binary searches.
 */
#define G_LOG_DOMAIN "pb-lifecycle"

#include <glib/gi18n-lib.h>

#include "pb-lifecycle.h"
#include "pb-error.h"

typedef struct
{
  PbLifecycleCode pub;
  GArray         *expansions;     /* PbExpansion */
  GArray         *suspended;      /* PbSpan */
  GArray         *usable;         /* PbSpan */
  gint64          viewers;        /* tier + add-on + expansions so far */
} Code;

typedef struct
{
  PbLifecycleNumber pub;
  GArray           *spans;        /* PbNumberSpan */
  gboolean          active;
} Number;

typedef struct
{
  PbLifecyclePackage pub;
  GArray            *steps;       /* PbBalanceStep */
  gint64             remaining;
  guint64            order;       /* replay order, the last tie-break of VM-9 */
} Package;

struct _PbLifecycle
{
  GObject       parent_instance;

  PbCatalog    *catalog;
  PbTermRule    term_rule;
  PbInstant     until;
  PbInstant     horizon;
  PbInstant     first;
  GStringChunk *strings;

  GArray       *terms;            /* PbBaseFeeTerm */
  GArray       *periods;          /* PbSpan */
  GPtrArray    *codes;            /* Code*, in purchase order */
  GHashTable   *codes_by_id;
  GArray       *broadcasts;       /* PbBroadcast */

  GPtrArray    *numbers;          /* Number*, in first-activation order */
  GHashTable   *numbers_by_id;
  GPtrArray    *packages;         /* Package*, in purchase order */
  GHashTable   *packages_by_id;
  GArray       *balance;          /* PbBalanceStep */
  GArray       *calls;            /* PbCall */

  GArray       *charges;          /* PbCharge */
  PbMoney       total;
  GArray       *rejections;       /* PbRejection */
  GArray       *alarms;           /* PbAlarm */
};

G_DEFINE_FINAL_TYPE (PbLifecycle, pb_lifecycle, G_TYPE_OBJECT)

static void
code_free (Code *code)
{
  g_clear_pointer (&code->expansions, g_array_unref);
  g_clear_pointer (&code->suspended, g_array_unref);
  g_clear_pointer (&code->usable, g_array_unref);
  g_free (code);
}

static void
number_free (Number *number)
{
  g_clear_pointer (&number->spans, g_array_unref);
  g_free (number);
}

static void
package_free (Package *package)
{
  g_clear_pointer (&package->steps, g_array_unref);
  g_free (package);
}

static void
pb_lifecycle_finalize (GObject *object)
{
  PbLifecycle *self = PB_LIFECYCLE (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->terms, g_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->codes_by_id, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->broadcasts, g_array_unref);
  g_clear_pointer (&self->numbers_by_id, g_hash_table_unref);
  g_clear_pointer (&self->numbers, g_ptr_array_unref);
  g_clear_pointer (&self->packages_by_id, g_hash_table_unref);
  g_clear_pointer (&self->packages, g_ptr_array_unref);
  g_clear_pointer (&self->balance, g_array_unref);
  g_clear_pointer (&self->calls, g_array_unref);
  g_clear_pointer (&self->charges, g_array_unref);
  g_clear_pointer (&self->rejections, g_array_unref);
  g_clear_pointer (&self->alarms, g_array_unref);

  G_OBJECT_CLASS (pb_lifecycle_parent_class)->finalize (object);
}

static void
pb_lifecycle_class_init (PbLifecycleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_lifecycle_finalize;
}

static void
pb_lifecycle_init (PbLifecycle *self)
{
  self->strings = g_string_chunk_new (4096);
  self->terms = g_array_new (FALSE, FALSE, sizeof (PbBaseFeeTerm));
  self->periods = g_array_new (FALSE, FALSE, sizeof (PbSpan));
  self->codes = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  self->codes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->broadcasts = g_array_new (FALSE, FALSE, sizeof (PbBroadcast));
  self->numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) number_free);
  self->numbers_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->packages = g_ptr_array_new_with_free_func ((GDestroyNotify) package_free);
  self->packages_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->balance = g_array_new (FALSE, FALSE, sizeof (PbBalanceStep));
  self->calls = g_array_new (FALSE, FALSE, sizeof (PbCall));
  self->charges = g_array_new (FALSE, FALSE, sizeof (PbCharge));
  self->rejections = g_array_new (FALSE, FALSE, sizeof (PbRejection));
  self->alarms = g_array_new (FALSE, FALSE, sizeof (PbAlarm));
  self->until = PB_INSTANT_NONE;
  self->horizon = PB_INSTANT_NONE;
  self->first = PB_INSTANT_NONE;
}

/* ------------------------------------------------------------------ */
/* The replay's working state                                         */

typedef struct
{
  PbLifecycle *self;
  PbCatalog   *catalog;
  PbInstant    base_end;      /* the base fee's current end; NONE: never bought */
  GPtrArray   *heap;          /* Package* with minutes left, VM-9 order */
  gint64       balance;       /* minutes left in all valid packages */
  guint        active_numbers;
  guint64      order;
  guint64      monthly_fees;  /* billed so far by finish_number() */
  GError      *error;
} Replay;

static const char *
intern (PbLifecycle *self, const char *text)
{
  return g_string_chunk_insert_const (self->strings, text);
}

/* How many identical codes, numbers or packages an event buys under one
 * id: a quote's item of N is one group, so that its replay, lanes and
 * figure cost one item, not N (0 in an event built in code means 1). */
static gint64
quantity_of (const PbScenarioEvent *event)
{
  return MAX (event->quantity, 1);
}

static void G_GNUC_PRINTF (4, 5)
reject (Replay *r, const PbScenarioEvent *event, const char *rule, const char *format, ...)
{
  g_autofree char *reason = NULL;
  PbRejection rejection;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  rejection.event = event->index;
  rejection.at = event->at;
  rejection.type = event->type;
  rejection.subject = intern (r->self, event->subject ? event->subject : "");
  rejection.rule = rule;
  rejection.reason = g_string_chunk_insert (r->self->strings, reason);
  g_array_append_val (r->self->rejections, rejection);
}

static gboolean
add_charge (Replay *r, const PbScenarioEvent *event, PbInstant at, PbChargeKind kind,
            const char *subject, const char *rule, PbMoney amount, const char *description)
{
  PbCharge charge = {
    .at = at,
    .event = event->index,
    .kind = kind,
    .subject = subject ? intern (r->self, subject) : NULL,
    .rule = rule,
    .description = g_string_chunk_insert (r->self->strings, description),
    .amount = amount,
    .month = -1,
  };

  if (!pb_money_add (r->self->total, amount, &r->self->total, &r->error))
    return FALSE;
  g_array_append_val (r->self->charges, charge);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Enterprise Live                                                    */

static gboolean
base_fee_valid (Replay *r, PbInstant at)
{
  return r->base_end != PB_INSTANT_NONE && at < r->base_end;
}

/* Why the base fee does not cover @at, for a rejection's reason. */
static char *
base_fee_lapse (Replay *r)
{
  g_autofree char *end = NULL;

  if (r->base_end == PB_INSTANT_NONE)
    return g_strdup (_("the base fee has never been bought"));
  end = pb_time_format_display (r->base_end);
  return g_strdup_printf (_("the base fee expired at %s"), end);
}

static Code *
add_code (Replay *r, const PbScenarioEvent *event, const PbCodeTier *tier, gint64 addon, gboolean gift)
{
  Code *code = g_new0 (Code, 1);

  code->pub.id = intern (r->self, event->subject);
  code->pub.tier = tier->id;
  code->pub.event = event->index;
  code->pub.gift = gift;
  code->pub.purchased_at = event->at;
  /* EL-7/EL-T3: calendar months, clamped to the month's last day. */
  code->pub.bind_deadline = pb_time_add_months (event->at, (int) pb_catalog_el_bind_months (r->catalog));
  code->pub.bound_at = PB_INSTANT_NONE;
  code->pub.bind_event = PB_NO_EVENT;
  code->pub.expires_at = PB_INSTANT_NONE;
  code->pub.void_at = PB_INSTANT_NONE;
  code->pub.tier_viewers = tier->viewers;
  code->pub.addon_viewers = addon;
  code->pub.quantity = gift ? 1 : quantity_of (event);
  code->viewers = tier->viewers + addon;
  code->expansions = g_array_new (FALSE, FALSE, sizeof (PbExpansion));
  code->suspended = g_array_new (FALSE, FALSE, sizeof (PbSpan));
  code->usable = g_array_new (FALSE, FALSE, sizeof (PbSpan));
  g_ptr_array_add (r->self->codes, code);
  g_hash_table_insert (r->self->codes_by_id, (gpointer) code->pub.id, code);
  return code;
}

/* EL-T2/EL-T4: a date left its range, as money can (exit 2 all the same). */
static gboolean
refuse_base_fee_end (Replay *r, PbInstant end)
{
  g_autofree char *when = pb_time_format_display (end);
  g_autofree char *limit = pb_time_format_display (PB_INSTANT_MAX);

  g_set_error (&r->error, PB_ERROR, PB_ERROR_OVERFLOW,
               _("the base fee would be renewed to %s, past %s, the last date Pricebook supports (%s)"),
               when, limit, pb_term_rule_renewal_id (r->self->term_rule));
  return FALSE;
}

/* EL-3, EL-10: a renewal while valid extends from the current end (EL-T2);
 * otherwise a new term starts at the purchase (EL-T1/EL-T4).  Either way a
 * Flagship code is gifted: one per purchase, however many consecutive years
 * it buys (EL-3 convention), each year after the first a renewal (EL-T2). */
static gboolean
apply_base_fee_buy (Replay *r, const PbScenarioEvent *event)
{
  PbLifecycle *self = r->self;
  const PbCodeTier *gift = pb_catalog_el_tier (r->catalog, pb_catalog_el_gift_tier (r->catalog));
  PbBaseFeeTerm term = { .event = event->index, .bought_at = event->at, .years = MAX (event->years, 1) };
  g_autofree char *description = NULL;
  PbMoney price;

  if (g_hash_table_contains (self->codes_by_id, event->subject))
    {
      reject (r, event, "EL-3", _("code “%s” already exists: the gifted code needs a name of its own"),
              event->subject);
      return TRUE;
    }

  /* A renewal, and every year after the first, adds to an end: checked,
   * so that 300 purchases or 3 × 100 years are refused, not dated 2319. */
  term.renewal = base_fee_valid (r, event->at);
  if (term.renewal)
    {
      term.start = r->base_end;
      if (!pb_time_term_renew_checked (self->term_rule, r->base_end, &term.end))
        return refuse_base_fee_end (r, term.end);
    }
  else
    {
      term.start = event->at;
      term.end = pb_time_term_end (self->term_rule, event->at);
    }
  for (gint64 year = 1; year < term.years; year++)
    if (!pb_time_term_renew_checked (self->term_rule, term.end, &term.end))
      return refuse_base_fee_end (r, term.end);
  if (!term.renewal)
    {
      PbSpan period = { term.start, term.end };

      g_array_append_val (self->periods, period);
    }
  g_array_index (self->periods, PbSpan, self->periods->len - 1).end = term.end;
  g_array_append_val (self->terms, term);
  r->base_end = term.end;

  if (term.years > 1)
    description = g_strdup_printf (term.renewal ? _("Base annual fee, renewal for %lld years")
                                                : _("Base annual fee for %lld years"),
                                   (long long) term.years);
  else
    description = g_strdup (term.renewal ? _("Base annual fee, renewal") : _("Base annual fee"));
  if (!pb_money_multiply (pb_catalog_el_base_fee (r->catalog), term.years, &price, &r->error) ||
      !add_charge (r, event, event->at, PB_CHARGE_BASE_FEE, NULL, "EL-3", price, description))
    return FALSE;

  add_code (r, event, gift, 0, TRUE);
  g_free (description);
  description = g_strdup_printf (_("%s code %s, gifted with the base fee"), gift->name, event->subject);
  return add_charge (r, event, event->at, PB_CHARGE_GIFT_CODE, event->subject, "EL-3", 0, description);
}

/* EL-4, EL-5, EL-7: a code (and its add-on viewers) only while the base fee is valid. */
static gboolean
apply_code_buy (Replay *r, const PbScenarioEvent *event)
{
  const PbCodeTier *tier = pb_catalog_el_tier (r->catalog, event->tier);
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  PbMoney price;

  if (g_hash_table_contains (r->self->codes_by_id, event->subject))
    {
      reject (r, event, "EL-4", _("code “%s” already exists"), event->subject);
      return TRUE;
    }
  if (tier == NULL)
    {
      reject (r, event, "EL-4", _("unknown tier “%s”"), event->tier ? event->tier : "");
      return TRUE;
    }
  if (!base_fee_valid (r, event->at))
    {
      g_autofree char *why = base_fee_lapse (r);

      reject (r, event, "EL-7", _("code “%s” cannot be bought: codes are sold only while the base fee "
                                  "is valid, and %s"), event->subject, why);
      return TRUE;
    }

  add_code (r, event, tier, event->extra_viewers, FALSE);
  name = pb_format_group (event->subject, quantity_of (event));
  description = g_strdup_printf (_("%s code %s"), tier->name, name);
  if (!pb_money_multiply (tier->price, quantity_of (event), &price, &r->error) ||
      !add_charge (r, event, event->at, PB_CHARGE_CODE, event->subject, "EL-4", price, description))
    return FALSE;
  if (event->extra_viewers <= 0)
    return TRUE;
  /* EL-5: the add-on is per code, so a group's is times its quantity. */
  if (!pb_money_multiply (pb_catalog_el_addon_price (r->catalog), event->extra_viewers, &price, &r->error) ||
      !pb_money_multiply (price, quantity_of (event), &price, &r->error))
    return FALSE;
  g_free (description);
  description = g_strdup_printf (_("%lld add-on viewers for code %s"), (long long) event->extra_viewers, name);
  return add_charge (r, event, event->at, PB_CHARGE_ADDON, event->subject, "EL-5", price, description);
}

/* EL-7: before the deadline (strictly), while the base fee is valid.
 * EL-8: valid one term from binding; the validity never moves. */
static void
apply_code_bind (Replay *r, const PbScenarioEvent *event)
{
  Code *code = g_hash_table_lookup (r->self->codes_by_id, event->subject);

  if (code == NULL)
    {
      reject (r, event, "EL-7", _("code “%s” has not been bought"), event->subject);
      return;
    }
  if (code->pub.bound_at != PB_INSTANT_NONE)
    {
      g_autofree char *when = pb_time_format_display (code->pub.bound_at);

      reject (r, event, "EL-8", _("code “%s” is already bound (at %s); a code is bound once"),
              event->subject, when);
      return;
    }
  if (event->at >= code->pub.bind_deadline)
    {
      g_autofree char *deadline = pb_time_format_display (code->pub.bind_deadline);

      reject (r, event, "EL-7", _("code “%s” had to be bound before %s (EL-T3): it is void"),
              event->subject, deadline);
      return;
    }
  if (!base_fee_valid (r, event->at))
    {
      g_autofree char *why = base_fee_lapse (r);

      reject (r, event, "EL-7", _("code “%s” cannot be bound while the base fee is not valid: %s"),
              event->subject, why);
      return;
    }
  code->pub.bound_at = event->at;
  code->pub.bind_event = event->index;
  code->pub.expires_at = pb_time_term_end (r->self->term_rule, event->at);
}

/* Why @code cannot be expanded or used at @at because of its own state, or
 * NULL when it is neither void nor expired. */
static char *
code_ended (Code *code, PbInstant at)
{
  g_autofree char *when = NULL;

  if (code->pub.bound_at == PB_INSTANT_NONE && at >= code->pub.bind_deadline)
    {
      when = pb_time_format_display (code->pub.bind_deadline);
      return g_strdup_printf (_("code “%s” is void: it was not bound before %s"), code->pub.id, when);
    }
  if (code->pub.bound_at != PB_INSTANT_NONE && at >= code->pub.expires_at)
    {
      when = pb_time_format_display (code->pub.expires_at);
      return g_strdup_printf (_("code “%s” expired at %s"), code->pub.id, when);
    }
  return NULL;
}

/* EL-5/EL-6 (convention): any code neither void nor expired, bound or not,
 * while the base fee is valid; it ends with the code. */
static gboolean
apply_code_expand (Replay *r, const PbScenarioEvent *event)
{
  Code *code = g_hash_table_lookup (r->self->codes_by_id, event->subject);
  PbExpansion expansion = { .event = event->index, .at = event->at, .viewers = event->extra_viewers };
  g_autofree char *ended = NULL;
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  PbMoney price;

  if (code == NULL)
    {
      reject (r, event, "EL-6", _("code “%s” has not been bought"), event->subject);
      return TRUE;
    }
  ended = code_ended (code, event->at);
  if (ended != NULL)
    {
      reject (r, event, "EL-6", _("%s; only a code that is neither void nor expired can be expanded"), ended);
      return TRUE;
    }
  if (!base_fee_valid (r, event->at))
    {
      g_autofree char *why = base_fee_lapse (r);

      reject (r, event, "EL-6", _("code “%s” cannot be expanded while the base fee is not valid: %s"),
              event->subject, why);
      return TRUE;
    }
  /* A group of codes is expanded code by code (EL-5, EL-6). */
  if (!pb_money_multiply (pb_catalog_el_addon_price (r->catalog), event->extra_viewers, &price, &r->error) ||
      !pb_money_multiply (price, code->pub.quantity, &price, &r->error))
    return FALSE;
  g_array_append_val (code->expansions, expansion);
  code->viewers += event->extra_viewers;
  name = pb_format_group (event->subject, code->pub.quantity);
  description = g_strdup_printf (_("Expansion of code %s by %lld viewers"), name, (long long) event->extra_viewers);
  return add_charge (r, event, event->at, PB_CHARGE_EXPANSION, event->subject, "EL-6", price, description);
}

/* EL-8: usable only while bound, valid and the base fee valid.  EL-9: at
 * most the catalog's minutes and the code's viewers.  Checked at the start. */
static void
apply_broadcast (Replay *r, const PbScenarioEvent *event)
{
  Code *code = g_hash_table_lookup (r->self->codes_by_id, event->subject);
  guint max_minutes = pb_catalog_el_broadcast_max_minutes (r->catalog);
  g_autofree char *ended = NULL;
  PbBroadcast broadcast;

  if (code == NULL)
    {
      reject (r, event, "EL-8", _("code “%s” has not been bought"), event->subject);
      return;
    }
  ended = code_ended (code, event->at);
  if (ended != NULL)
    {
      reject (r, event, "EL-8", _("%s, so it is not usable"), ended);
      return;
    }
  if (code->pub.bound_at == PB_INSTANT_NONE)
    {
      reject (r, event, "EL-8", _("code “%s” is not bound yet, so it is not usable"), event->subject);
      return;
    }
  if (!base_fee_valid (r, event->at))
    {
      g_autofree char *why = base_fee_lapse (r);

      reject (r, event, "EL-8", _("code “%s” is suspended: %s"), event->subject, why);
      return;
    }
  if (event->minutes > max_minutes)
    {
      reject (r, event, "EL-9", _("a broadcast lasts at most %u minutes, not %lld"),
              max_minutes, (long long) event->minutes);
      return;
    }
  if (event->viewers > code->viewers)
    {
      reject (r, event, "EL-9", _("code “%s” allows at most %lld concurrent viewers, not %lld"),
              event->subject, (long long) code->viewers, (long long) event->viewers);
      return;
    }
  broadcast.event = event->index;
  broadcast.at = event->at;
  broadcast.end = event->at + event->minutes * 60;
  broadcast.code = code->pub.id;
  broadcast.viewers = event->viewers;
  broadcast.minutes = event->minutes;
  g_array_append_val (r->self->broadcasts, broadcast);
}

/* ------------------------------------------------------------------ */
/* Voice Message: numbers                                             */

static PbNumberSpan *
last_span (Number *number)
{
  if (number->spans->len == 0)
    return NULL;
  return &g_array_index (number->spans, PbNumberSpan, number->spans->len - 1);
}

static void
add_alarm (Replay *r, PbInstant at, guint event, PbAlarmKind kind, gint64 value, gint64 threshold)
{
  PbAlarm alarm = { at, event, kind, "VM-11", value, threshold };

  g_array_append_val (r->self->alarms, alarm);
}

/* VM-3: billing starts in the activation month.  Convention: a month
 * already billed for this number (unsubscribed and activated again in the
 * same month) is not billed twice. */
static void
apply_number_activate (Replay *r, const PbScenarioEvent *event)
{
  Number *number = g_hash_table_lookup (r->self->numbers_by_id, event->subject);
  PbNumberSpan span = { event->index, PB_NO_EVENT, event->at, PB_INSTANT_FOREVER, 0, 0, quantity_of (event) };
  PbNumberSpan *previous;
  guint max_numbers = pb_catalog_vm_max_numbers (r->catalog);

  if (number != NULL && number->active)
    {
      g_autofree char *since = pb_time_format_display (last_span (number)->start);

      reject (r, event, "VM-3", _("number “%s” is already active (since %s)"), event->subject, since);
      return;
    }
  if (number == NULL)
    {
      number = g_new0 (Number, 1);
      number->pub.id = intern (r->self, event->subject);
      number->spans = g_array_new (FALSE, FALSE, sizeof (PbNumberSpan));
      g_ptr_array_add (r->self->numbers, number);
      g_hash_table_insert (r->self->numbers_by_id, (gpointer) number->pub.id, number);
    }
  previous = last_span (number);
  span.first_month = pb_time_month_index (event->at);
  if (previous != NULL && previous->last_month >= span.first_month)
    span.first_month = previous->last_month + 1;
  span.last_month = span.first_month - 1;   /* set at the unsubscription or the horizon */
  g_array_append_val (number->spans, span);
  number->active = TRUE;

  /* VM-11 (advisory): more numbers than advised is flagged, not refused. */
  r->active_numbers += (guint) span.quantity;
  if (r->active_numbers > max_numbers)
    add_alarm (r, event->at, event->index, PB_ALARM_TOO_MANY_NUMBERS, r->active_numbers, max_numbers);
}

/* VM-4: from the following month no fee is charged. */
static void
apply_number_unsubscribe (Replay *r, const PbScenarioEvent *event)
{
  Number *number = g_hash_table_lookup (r->self->numbers_by_id, event->subject);
  PbNumberSpan *span;

  if (number == NULL || !number->active)
    {
      reject (r, event, "VM-4", _("number “%s” is not active"), event->subject);
      return;
    }
  span = last_span (number);
  span->end = event->at;
  span->end_event = event->index;
  span->last_month = MAX (span->first_month - 1, pb_time_month_index (event->at));
  number->active = FALSE;
  r->active_numbers -= (guint) span->quantity;
}

/* ------------------------------------------------------------------ */
/* Voice Message: packages and calls                                  */

/* VM-9 (convention): the package expiring first is used first, then the one
 * bought first. */
static gboolean
package_before (const Package *a, const Package *b)
{
  if (a->pub.expires_at != b->pub.expires_at)
    return a->pub.expires_at < b->pub.expires_at;
  if (a->pub.purchased_at != b->pub.purchased_at)
    return a->pub.purchased_at < b->pub.purchased_at;
  return a->order < b->order;
}

static void
heap_push (GPtrArray *heap, Package *package)
{
  guint i = heap->len;

  g_ptr_array_add (heap, package);
  while (i > 0 && package_before (package, g_ptr_array_index (heap, (i - 1) / 2)))
    {
      heap->pdata[i] = heap->pdata[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  heap->pdata[i] = package;
}

static void
heap_pop (GPtrArray *heap)
{
  Package *last = g_ptr_array_index (heap, heap->len - 1);
  guint n = heap->len - 1, i = 0;

  g_ptr_array_set_size (heap, n);
  if (n == 0)
    return;
  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && package_before (heap->pdata[child + 1], heap->pdata[child]))
        child++;
      if (!package_before (heap->pdata[child], last))
        break;
      heap->pdata[i] = heap->pdata[child];
      i = child;
    }
  heap->pdata[i] = last;
}

/* Appends a step, or corrects the last one when it is at the same instant:
 * the step list answers "how many at T" with the state after T's events. */
static void
add_step (GArray *steps, PbInstant at, gint64 remaining)
{
  PbBalanceStep step = { at, remaining };

  if (steps->len > 0 && g_array_index (steps, PbBalanceStep, steps->len - 1).at == at)
    g_array_index (steps, PbBalanceStep, steps->len - 1).remaining = remaining;
  else
    g_array_append_val (steps, step);
}

/* VM-11: record the moment the total falls below the alarm threshold. */
static void
set_balance (Replay *r, PbInstant at, guint event, gint64 balance)
{
  gint64 threshold = pb_catalog_vm_low_balance_alarm (r->catalog);

  if (r->balance >= threshold && balance < threshold)
    add_alarm (r, at, event, PB_ALARM_LOW_BALANCE, balance, threshold);
  r->balance = balance;
  add_step (r->self->balance, at, balance);
}

/* VM-9: expired minutes are lost, at the expiry instant. */
static void
expire_packages (Replay *r, PbInstant until)
{
  while (r->heap->len > 0)
    {
      Package *package = g_ptr_array_index (r->heap, 0);

      if (package->pub.expires_at > until)
        break;
      heap_pop (r->heap);
      set_balance (r, package->pub.expires_at, PB_NO_EVENT, r->balance - package->remaining);
      package->remaining = 0;
      add_step (package->steps, package->pub.expires_at, 0);
    }
}

static gboolean
apply_package_buy (Replay *r, const PbScenarioEvent *event)
{
  PbLifecycle *self = r->self;
  Package *package;
  g_autofree char *description = NULL;
  g_autofree char *name = pb_format_group (event->subject, quantity_of (event));
  gint64 minutes = event->minutes * quantity_of (event);
  PbMoney price;

  if (g_hash_table_contains (self->packages_by_id, event->subject))
    {
      reject (r, event, event->package_kind == PB_PACKAGE_FIXED ? "VM-5" : "VM-6",
              _("package “%s” already exists"), event->subject);
      return TRUE;
    }
  if (event->package_kind == PB_PACKAGE_FIXED)
    {
      const PbFixedPackage *fixed = pb_catalog_vm_fixed_package (r->catalog, event->minutes);

      if (fixed == NULL)
        {
          reject (r, event, "VM-5", _("no fixed package has %lld minutes"), (long long) event->minutes);
          return TRUE;
        }
      price = fixed->price;
    }
  else if (!pb_money_multiply (pb_catalog_vm_custom_unit_price (r->catalog, event->minutes),
                               event->minutes, &price, &r->error))
    return FALSE;
  /* A group of packages: each at its own size's price (VM-5, VM-6). */
  if (!pb_money_multiply (price, quantity_of (event), &price, &r->error))
    return FALSE;

  package = g_new0 (Package, 1);
  package->pub.id = intern (self, event->subject);
  package->pub.event = event->index;
  package->pub.kind = event->package_kind;
  package->pub.minutes = event->minutes;
  package->pub.quantity = quantity_of (event);
  package->pub.price = price;
  package->pub.purchased_at = event->at;
  package->pub.expires_at = pb_time_add_months (event->at,
                                                (int) pb_catalog_vm_package_validity_months (r->catalog));
  package->steps = g_array_new (FALSE, FALSE, sizeof (PbBalanceStep));
  package->remaining = minutes;
  package->order = r->order++;
  add_step (package->steps, event->at, minutes);
  g_ptr_array_add (self->packages, package);
  g_hash_table_insert (self->packages_by_id, (gpointer) package->pub.id, package);
  heap_push (r->heap, package);
  set_balance (r, event->at, event->index, r->balance + minutes);
  expire_packages (r, event->at);

  description = g_strdup_printf (event->package_kind == PB_PACKAGE_FIXED
                                   ? _("Fixed package %s of %lld minutes")
                                   : _("Custom package %s of %lld minutes"),
                                 name, (long long) event->minutes);
  return add_charge (r, event, event->at, PB_CHARGE_PACKAGE, event->subject,
                     event->package_kind == PB_PACKAGE_FIXED ? "VM-5" : "VM-6", price, description);
}

/* VM-7: whole minutes, rounded up; unanswered calls are free; an answered
 * call of 0 s bills the catalog's minimum. */
static gint64
call_minutes (Replay *r, const PbScenarioEvent *event)
{
  if (!event->answered)
    return 0;
  if (event->seconds == 0)
    return pb_catalog_vm_zero_second_minutes (r->catalog);
  return (event->seconds + 59) / 60;
}

/* VM-8: a call needs some minutes left; it takes what there is and the rest
 * is overage.  VM-9: from the packages in consumption order. */
static void
apply_call (Replay *r, const PbScenarioEvent *event)
{
  Number *number = g_hash_table_lookup (r->self->numbers_by_id, event->subject);
  PbCall call = { event->index, event->at, NULL, event->seconds, event->answered, 0, 0 };
  gint64 need;

  if (number == NULL)
    {
      reject (r, event, "VM-3", _("number “%s” has not been activated"), event->subject);
      return;
    }
  if (!number->active)
    {
      g_autofree char *when = pb_time_format_display (last_span (number)->end);

      reject (r, event, "VM-4", _("number “%s” was unsubscribed at %s"), event->subject, when);
      return;
    }
  if (r->balance <= 0)
    {
      reject (r, event, "VM-8", _("no minutes are left in any valid package: the call fails"));
      return;
    }

  need = call_minutes (r, event);
  while (need > 0 && r->heap->len > 0)
    {
      Package *package = g_ptr_array_index (r->heap, 0);
      gint64 take = MIN (need, package->remaining);

      package->remaining -= take;
      need -= take;
      call.billed_minutes += take;
      add_step (package->steps, event->at, package->remaining);
      if (package->remaining == 0)
        heap_pop (r->heap);
    }
  call.overage_minutes = need;
  call.number = number->pub.id;
  g_array_append_val (r->self->calls, call);
  if (call.billed_minutes > 0)
    set_balance (r, event->at, event->index, r->balance - call.billed_minutes);
}

/* ------------------------------------------------------------------ */
/* The replay                                                         */

static gboolean
apply (Replay *r, const PbScenarioEvent *event)
{
  expire_packages (r, event->at);
  switch (event->type)
    {
    case PB_EVENT_LIVE_BASE_FEE_BUY:
      return apply_base_fee_buy (r, event);
    case PB_EVENT_LIVE_CODE_BUY:
      return apply_code_buy (r, event);
    case PB_EVENT_LIVE_CODE_BIND:
      apply_code_bind (r, event);
      return TRUE;
    case PB_EVENT_LIVE_CODE_EXPAND:
      return apply_code_expand (r, event);
    case PB_EVENT_LIVE_BROADCAST:
      apply_broadcast (r, event);
      return TRUE;
    case PB_EVENT_VOICE_NUMBER_ACTIVATE:
      apply_number_activate (r, event);
      return TRUE;
    case PB_EVENT_VOICE_NUMBER_UNSUBSCRIBE:
      apply_number_unsubscribe (r, event);
      return TRUE;
    case PB_EVENT_VOICE_PACKAGE_BUY:
      return apply_package_buy (r, event);
    case PB_EVENT_VOICE_CALL:
      apply_call (r, event);
      return TRUE;
    default:
      g_assert_not_reached ();
      return FALSE;
    }
}

typedef struct
{
  PbInstant at;
  guint     position;
} Order;

static int
compare_order (gconstpointer a, gconstpointer b, gpointer data)
{
  const Order *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

/* Time order, ties in file order; usually the file is already in order and
 * the sort is skipped. */
static GArray *
replay_order (const PbScenarioEvent *events, guint n_events, PbInstant until)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (Order), n_events);
  gboolean sorted = TRUE;

  for (guint i = 0; i < n_events; i++)
    {
      Order item = { events[i].at, i };

      if (!events[i].enabled || (until != PB_INSTANT_NONE && events[i].at > until))
        continue;
      if (order->len > 0 && compare_order (&g_array_index (order, Order, order->len - 1), &item, NULL) > 0)
        sorted = FALSE;
      g_array_append_val (order, item);
    }
  if (!sorted)
    g_qsort_with_data (order->data, (gint) order->len, sizeof (Order), compare_order, NULL);
  return order;
}

/* ------------------------------------------------------------------ */
/* What is known only at the end                                      */

/* The first base-fee period that ends after @at. */
static guint
first_period_after (PbLifecycle *self, PbInstant at)
{
  guint low = 0, high = self->periods->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (self->periods, PbSpan, mid).end <= at)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
add_span (GArray *spans, PbInstant start, PbInstant end)
{
  PbSpan span = { start, end };

  if (start < end)
    g_array_append_val (spans, span);
}

/* EL-8: a bound code is usable where its validity meets a base-fee period
 * and suspended in the gaps. */
static void
finish_code_spans (PbLifecycle *self, Code *code)
{
  PbInstant start = code->pub.bound_at, end = code->pub.expires_at, cursor = start;

  if (start == PB_INSTANT_NONE)
    return;
  for (guint i = first_period_after (self, start); i < self->periods->len; i++)
    {
      const PbSpan *period = &g_array_index (self->periods, PbSpan, i);

      if (period->start >= end)
        break;
      add_span (code->suspended, cursor, MAX (cursor, period->start));
      add_span (code->usable, MAX (cursor, period->start), MIN (end, period->end));
      cursor = MIN (end, period->end);
    }
  add_span (code->suspended, cursor, end);
}

static void
finish_code (PbLifecycle *self, Code *code)
{
  PbInstant end;

  /* EL-7: void at the deadline, once the replay has reached it unbound. */
  if (code->pub.bound_at == PB_INSTANT_NONE &&
      (self->until == PB_INSTANT_NONE || code->pub.bind_deadline <= self->until))
    code->pub.void_at = code->pub.bind_deadline;

  end = code->pub.bound_at != PB_INSTANT_NONE ? code->pub.expires_at
        : code->pub.void_at != PB_INSTANT_NONE ? code->pub.void_at
        : PB_INSTANT_FOREVER;
  /* EL-6: an expansion ends when the code ends. */
  for (guint i = 0; i < code->expansions->len; i++)
    g_array_index (code->expansions, PbExpansion, i).end = end;

  finish_code_spans (self, code);

  code->pub.expansions = (const PbExpansion *) code->expansions->data;
  code->pub.n_expansions = code->expansions->len;
  code->pub.suspended = (const PbSpan *) code->suspended->data;
  code->pub.n_suspended = code->suspended->len;
  code->pub.usable = (const PbSpan *) code->usable->data;
  code->pub.n_usable = code->usable->len;
}

static char *
format_month (int month)
{
  g_autofree char *date = pb_time_format_date (pb_time_month_start (month));

  return g_strndup (date, 7);
}

/* VM-2..VM-4: one fee per month billed; the activation month's at the
 * activation, the others at the start of their month.  A number never
 * unsubscribed is billed up to the horizon's month, so the list is finite. */
static gboolean
finish_number (Replay *r, Number *number)
{
  PbLifecycle *self = r->self;

  for (guint i = 0; i < number->spans->len; i++)
    {
      PbNumberSpan *span = &g_array_index (number->spans, PbNumberSpan, i);
      PbScenarioEvent event = { .index = span->event };
      g_autofree char *name = pb_format_group (number->pub.id, span->quantity);
      PbMoney fee;

      /* A group of numbers pays each one's fee (VM-2). */
      if (!pb_money_multiply (pb_catalog_vm_monthly_fee (r->catalog), span->quantity, &fee, &r->error))
        return FALSE;

      if (span->end == PB_INSTANT_FOREVER)
        span->last_month = MAX (span->first_month - 1, pb_time_month_index (self->horizon));
      /* Counted before a single charge is made, so that refusing is cheap. */
      r->monthly_fees += (guint64) (span->last_month - span->first_month + 1);
      if (r->monthly_fees > PB_LIFECYCLE_MAX_MONTHLY_FEES)
        {
          g_set_error (&r->error, PB_ERROR, PB_ERROR_INPUT,
                       _("event %u (%s): number “%s” takes the replay past %d monthly fees (VM-2): "
                         "too large a scenario to replay"), span->event,
                       pb_event_type_to_string (PB_EVENT_VOICE_NUMBER_ACTIVATE), number->pub.id,
                       PB_LIFECYCLE_MAX_MONTHLY_FEES);
          return FALSE;
        }
      for (int month = span->first_month; month <= span->last_month; month++)
        {
          g_autofree char *month_name = format_month (month);
          g_autofree char *description = g_strdup_printf (_("Monthly fee of number %s for %s"),
                                                          name, month_name);
          PbInstant at = month == pb_time_month_index (span->start) ? span->start
                                                                    : pb_time_month_start (month);

          if (!add_charge (r, &event, at, PB_CHARGE_NUMBER_MONTH, number->pub.id,
                           month == pb_time_month_index (span->start) ? "VM-3" : "VM-2", fee, description))
            {
              g_prefix_error (&r->error, _("event %u (%s): "), span->event,
                              pb_event_type_to_string (PB_EVENT_VOICE_NUMBER_ACTIVATE));
              return FALSE;
            }
          g_array_index (self->charges, PbCharge, self->charges->len - 1).month = month;
        }
      number->pub.months_billed += (guint) (span->last_month - span->first_month + 1);
    }
  number->pub.spans = (const PbNumberSpan *) number->spans->data;
  number->pub.n_spans = number->spans->len;
  return TRUE;
}

static int
compare_charges (gconstpointer a, gconstpointer b)
{
  const PbCharge *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  if (x->event != y->event)
    return x->event < y->event ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->month < y->month ? -1 : x->month > y->month;
}

static gboolean
finish (Replay *r)
{
  PbLifecycle *self = r->self;

  for (guint i = 0; i < self->codes->len; i++)
    finish_code (self, g_ptr_array_index (self->codes, i));
  for (guint i = 0; i < self->numbers->len; i++)
    if (!finish_number (r, g_ptr_array_index (self->numbers, i)))
      return FALSE;
  for (guint i = 0; i < self->packages->len; i++)
    {
      Package *package = g_ptr_array_index (self->packages, i);

      package->pub.steps = (const PbBalanceStep *) package->steps->data;
      package->pub.n_steps = package->steps->len;
    }
  g_array_sort (self->charges, compare_charges);
  return TRUE;
}

PbLifecycle *
pb_lifecycle_replay (PbCatalog *catalog, PbTermRule term_rule, const PbScenarioEvent *events,
                     guint n_events, PbInstant until, GError **error)
{
  g_autoptr(PbLifecycle) self = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GPtrArray) heap = g_ptr_array_new ();
  Replay r = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (PB_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (events != NULL || n_events == 0, NULL);

  self = g_object_new (PB_TYPE_LIFECYCLE, NULL);
  self->catalog = g_object_ref (catalog);
  self->term_rule = term_rule;
  self->until = until;

  order = replay_order (events, n_events, until);
  if (order->len > 0)
    {
      self->first = g_array_index (order, Order, 0).at;
      self->horizon = g_array_index (order, Order, order->len - 1).at;
    }
  if (until != PB_INSTANT_NONE)
    self->horizon = until;

  r.self = self;
  r.catalog = catalog;
  r.base_end = PB_INSTANT_NONE;
  r.heap = heap;
  for (guint i = 0; ok && i < order->len; i++)
    {
      const PbScenarioEvent *event = &events[g_array_index (order, Order, i).position];

      ok = apply (&r, event);
      /* Only a sum out of range stops the replay: say which event made it. */
      if (!ok)
        g_prefix_error (&r.error, _("event %u (%s): "), event->index, pb_event_type_to_string (event->type));
    }
  if (ok)
    {
      /* Packages expire whether or not anything happens later. */
      expire_packages (&r, until == PB_INSTANT_NONE ? PB_INSTANT_FOREVER : until);
      ok = finish (&r);
    }
  if (!ok)
    {
      g_propagate_error (error, r.error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

PbLifecycle *
pb_lifecycle_replay_scenario (PbScenario *scenario, PbInstant until, GError **error)
{
  const PbScenarioEvent *events;
  guint n_events;

  g_return_val_if_fail (PB_IS_SCENARIO (scenario), NULL);

  events = pb_scenario_get_events (scenario, &n_events);
  return pb_lifecycle_replay (pb_scenario_get_catalog (scenario), pb_scenario_get_term_rule (scenario),
                              events, n_events, until, error);
}

/* ------------------------------------------------------------------ */
/* Accessors                                                          */

PbTermRule
pb_lifecycle_get_term_rule (PbLifecycle *self)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), PB_TERM_RULE_CALENDAR);
  return self->term_rule;
}

PbInstant
pb_lifecycle_get_until (PbLifecycle *self)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), PB_INSTANT_NONE);
  return self->until;
}

PbInstant
pb_lifecycle_get_horizon (PbLifecycle *self)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), PB_INSTANT_NONE);
  return self->horizon;
}

PbInstant
pb_lifecycle_get_first_instant (PbLifecycle *self)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), PB_INSTANT_NONE);
  return self->first;
}

const PbBaseFeeTerm *
pb_lifecycle_get_base_fee_terms (PbLifecycle *self, guint *n_terms)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  *n_terms = self->terms->len;
  return (const PbBaseFeeTerm *) self->terms->data;
}

const PbSpan *
pb_lifecycle_get_base_fee_periods (PbLifecycle *self, guint *n_periods)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  *n_periods = self->periods->len;
  return (const PbSpan *) self->periods->data;
}

guint
pb_lifecycle_get_n_codes (PbLifecycle *self)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), 0);
  return self->codes->len;
}

const PbLifecycleCode *
pb_lifecycle_get_code (PbLifecycle *self, guint index)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  g_return_val_if_fail (index < self->codes->len, NULL);
  return &((Code *) g_ptr_array_index (self->codes, index))->pub;
}

const PbLifecycleCode *
pb_lifecycle_lookup_code (PbLifecycle *self, const char *id)
{
  Code *code;

  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  code = g_hash_table_lookup (self->codes_by_id, id);
  return code ? &code->pub : NULL;
}

const PbBroadcast *
pb_lifecycle_get_broadcasts (PbLifecycle *self, guint *n_broadcasts)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  *n_broadcasts = self->broadcasts->len;
  return (const PbBroadcast *) self->broadcasts->data;
}

guint
pb_lifecycle_get_n_numbers (PbLifecycle *self)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), 0);
  return self->numbers->len;
}

const PbLifecycleNumber *
pb_lifecycle_get_number (PbLifecycle *self, guint index)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  g_return_val_if_fail (index < self->numbers->len, NULL);
  return &((Number *) g_ptr_array_index (self->numbers, index))->pub;
}

const PbLifecycleNumber *
pb_lifecycle_lookup_number (PbLifecycle *self, const char *id)
{
  Number *number;

  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  number = g_hash_table_lookup (self->numbers_by_id, id);
  return number ? &number->pub : NULL;
}

guint
pb_lifecycle_get_n_packages (PbLifecycle *self)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), 0);
  return self->packages->len;
}

const PbLifecyclePackage *
pb_lifecycle_get_package (PbLifecycle *self, guint index)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  g_return_val_if_fail (index < self->packages->len, NULL);
  return &((Package *) g_ptr_array_index (self->packages, index))->pub;
}

const PbLifecyclePackage *
pb_lifecycle_lookup_package (PbLifecycle *self, const char *id)
{
  Package *package;

  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  package = g_hash_table_lookup (self->packages_by_id, id);
  return package ? &package->pub : NULL;
}

const PbBalanceStep *
pb_lifecycle_get_balance_steps (PbLifecycle *self, guint *n_steps)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  *n_steps = self->balance->len;
  return (const PbBalanceStep *) self->balance->data;
}

const PbCall *
pb_lifecycle_get_calls (PbLifecycle *self, guint *n_calls)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  *n_calls = self->calls->len;
  return (const PbCall *) self->calls->data;
}

const PbCharge *
pb_lifecycle_get_charges (PbLifecycle *self, guint *n_charges)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  *n_charges = self->charges->len;
  return (const PbCharge *) self->charges->data;
}

PbMoney
pb_lifecycle_get_total (PbLifecycle *self)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), 0);
  return self->total;
}

const PbRejection *
pb_lifecycle_get_rejections (PbLifecycle *self, guint *n_rejections)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  *n_rejections = self->rejections->len;
  return (const PbRejection *) self->rejections->data;
}

const PbAlarm *
pb_lifecycle_get_alarms (PbLifecycle *self, guint *n_alarms)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), NULL);
  *n_alarms = self->alarms->len;
  return (const PbAlarm *) self->alarms->data;
}

/* ------------------------------------------------------------------ */
/* The state at an instant                                            */

/* How many of @n elements of @size bytes, sorted by the PbInstant at
 * @offset, are at or before @at. */
static guint
count_at_or_before (gconstpointer data, guint n, gsize size, gsize offset, PbInstant at)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      PbInstant instant = *(const PbInstant *) ((const char *) data + mid * size + offset);

      if (instant <= at)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

PbBaseFeeState
pb_lifecycle_base_fee_at (PbLifecycle *self, PbInstant at, PbInstant *expires_at)
{
  guint n;
  PbInstant end;

  g_return_val_if_fail (PB_IS_LIFECYCLE (self), PB_BASE_FEE_NONE);

  /* The end known at @at is the one set by the last purchase before it:
   * a later renewal cannot reach back (EL-10). */
  n = count_at_or_before (self->terms->data, self->terms->len, sizeof (PbBaseFeeTerm),
                          G_STRUCT_OFFSET (PbBaseFeeTerm, bought_at), at);
  if (n == 0)
    {
      if (expires_at)
        *expires_at = PB_INSTANT_NONE;
      return PB_BASE_FEE_NONE;
    }
  end = g_array_index (self->terms, PbBaseFeeTerm, n - 1).end;
  if (expires_at)
    *expires_at = end;
  return at < end ? PB_BASE_FEE_ACTIVE : PB_BASE_FEE_EXPIRED;
}

gboolean
pb_lifecycle_base_fee_valid_at (PbLifecycle *self, PbInstant at)
{
  return pb_lifecycle_base_fee_at (self, at, NULL) == PB_BASE_FEE_ACTIVE;
}

/* EL-7 allows a binding strictly before the deadline and only while a base
 * fee is valid: the latest such instant is the last one of the last period
 * that starts before the deadline and ends after the purchase, or the
 * instant before the deadline.  From there EL-8 gives one term, usable
 * while that period lasts. */
gboolean
pb_lifecycle_code_assume_bound (PbLifecycle *self, const PbLifecycleCode *code, PbSpan *usable)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), FALSE);
  g_return_val_if_fail (code != NULL && usable != NULL, FALSE);

  if (code->bound_at != PB_INSTANT_NONE)
    return FALSE;
  for (guint i = self->periods->len; i-- > 0;)
    {
      const PbSpan *period = &g_array_index (self->periods, PbSpan, i);
      PbInstant latest;

      if (period->start >= code->bind_deadline)
        continue;
      latest = MIN (code->bind_deadline, period->end) - 1;
      if (latest < code->purchased_at)
        return FALSE;
      usable->start = latest;
      usable->end = MIN (pb_time_term_end (self->term_rule, latest), period->end);
      return TRUE;
    }
  return FALSE;
}

gboolean
pb_lifecycle_code_at (PbLifecycle *self, const PbLifecycleCode *code, PbInstant at, PbCodeStatus *status)
{
  gboolean bound;

  g_return_val_if_fail (PB_IS_LIFECYCLE (self), FALSE);
  g_return_val_if_fail (code != NULL && status != NULL, FALSE);

  if (at < code->purchased_at)
    return FALSE;

  status->max_viewers = code->tier_viewers + code->addon_viewers;
  for (guint i = 0; i < code->n_expansions && code->expansions[i].at <= at; i++)
    status->max_viewers += code->expansions[i].viewers;

  bound = code->bound_at != PB_INSTANT_NONE && code->bound_at <= at;
  status->bound_at = bound ? code->bound_at : PB_INSTANT_NONE;
  status->expires_at = bound ? code->expires_at : PB_INSTANT_NONE;
  status->void_at = PB_INSTANT_NONE;
  status->usable = FALSE;
  if (bound && at >= code->expires_at)
    status->state = PB_CODE_EXPIRED;
  else if (bound)
    {
      /* EL-8: suspended while the base fee has lapsed. */
      status->usable = pb_lifecycle_base_fee_valid_at (self, at);
      status->state = status->usable ? PB_CODE_ACTIVE : PB_CODE_SUSPENDED;
    }
  else if (code->void_at != PB_INSTANT_NONE && at >= code->void_at)
    {
      status->state = PB_CODE_VOID;
      status->void_at = code->void_at;
    }
  else
    status->state = PB_CODE_UNBOUND;
  return TRUE;
}

gboolean
pb_lifecycle_number_at (PbLifecycle *self, const PbLifecycleNumber *number, PbInstant at,
                        gboolean *active, guint *months_billed)
{
  gboolean is_active = FALSE;
  guint months = 0;
  int month;

  g_return_val_if_fail (PB_IS_LIFECYCLE (self), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  /* No instant, or one before the first activation: no state (and no
   * calendar month to compute for PB_INSTANT_NONE). */
  if (at == PB_INSTANT_NONE || number->n_spans == 0 || number->spans[0].start > at)
    return FALSE;
  month = pb_time_month_index (at);
  for (guint i = 0; i < number->n_spans && number->spans[i].start <= at; i++)
    {
      const PbNumberSpan *span = &number->spans[i];
      /* VM-4: a span unsubscribed by @at is billed to its own last month;
       * one still running to @at's month, that month included (VM-3). */
      int last = span->end <= at ? span->last_month : month;

      if (at < span->end)
        is_active = TRUE;
      if (last >= span->first_month)
        months += (guint) (last - span->first_month + 1);
    }
  if (active)
    *active = is_active;
  if (months_billed)
    *months_billed = months;
  return TRUE;
}

static gint64
step_at (const PbBalanceStep *steps, guint n_steps, PbInstant at)
{
  guint n = count_at_or_before (steps, n_steps, sizeof (PbBalanceStep),
                                G_STRUCT_OFFSET (PbBalanceStep, at), at);

  return n == 0 ? -1 : steps[n - 1].remaining;
}

gint64
pb_lifecycle_package_remaining_at (const PbLifecyclePackage *package, PbInstant at)
{
  g_return_val_if_fail (package != NULL, -1);
  return step_at (package->steps, package->n_steps, at);
}

gint64
pb_lifecycle_balance_at (PbLifecycle *self, PbInstant at)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), 0);
  return MAX (0, step_at ((const PbBalanceStep *) self->balance->data, self->balance->len, at));
}

guint
pb_lifecycle_count_rejections_at (PbLifecycle *self, PbInstant at)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), 0);
  return count_at_or_before (self->rejections->data, self->rejections->len, sizeof (PbRejection),
                             G_STRUCT_OFFSET (PbRejection, at), at);
}

guint
pb_lifecycle_count_charges_at (PbLifecycle *self, PbInstant at)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (self), 0);
  return count_at_or_before (self->charges->data, self->charges->len, sizeof (PbCharge),
                             G_STRUCT_OFFSET (PbCharge, at), at);
}

const char *
pb_code_state_to_string (PbCodeState state)
{
  static const char * const names[] = { "unbound", "void", "active", "suspended", "expired" };

  g_return_val_if_fail (state < G_N_ELEMENTS (names), NULL);
  return names[state];
}

const char *
pb_base_fee_state_to_string (PbBaseFeeState state)
{
  static const char * const names[] = { "none", "active", "expired" };

  g_return_val_if_fail (state < G_N_ELEMENTS (names), NULL);
  return names[state];
}
