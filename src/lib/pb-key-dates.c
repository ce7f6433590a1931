/* pb-key-dates.c: the instants the rules derive from a replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk over the replay's base-fee terms, codes and packages hands each
 * derived instant to a visitor: listing them appends, stepping keeps the
 * nearest.  So the simulator's Next and the key-dates list can never
 * disagree on what the rules derive.
 */
#define G_LOG_DOMAIN "pb-key-dates"

#include "pb-key-dates.h"

typedef void (*Visit) (const PbKeyDate *date, gpointer data);

static void
visit (Visit func, gpointer data, PbInstant at, PbKeyDateKind kind, const char *subject, gint64 quantity,
       const char *rule, gboolean lapses)
{
  PbKeyDate date = { at, kind, subject, rule, lapses, quantity };

  func (&date, data);
}

/* EL-3, EL-10: a span of validity ends with the last term bought into it;
 * the first purchase's rule is EL-3, every later one's EL-10 (as the
 * timeline labels them). */
static void
visit_base_fee (PbLifecycle *lifecycle, Visit func, gpointer data)
{
  guint n;
  const PbBaseFeeTerm *terms = pb_lifecycle_get_base_fee_terms (lifecycle, &n);

  for (guint i = 0; i < n; i++)
    if (i + 1 == n || !terms[i + 1].renewal)
      visit (func, data, terms[i].end, PB_KEY_DATE_BASE_FEE_EXPIRES, NULL, 1, i == 0 ? "EL-3" : "EL-10", FALSE);
}

static void
visit_code (const PbLifecycleCode *code, Visit func, gpointer data)
{
  /* EL-7: every code has its deadline; one never bound in time is void there. */
  visit (func, data, code->bind_deadline, PB_KEY_DATE_BIND_DEADLINE, code->id, code->quantity, "EL-7",
         code->void_at != PB_INSTANT_NONE);
  if (code->bound_at != PB_INSTANT_NONE)
    visit (func, data, code->expires_at, PB_KEY_DATE_CODE_EXPIRES, code->id, code->quantity, "EL-8",
           FALSE);
  /* EL-8: a suspension that lasts to the code's expiry ends with the code,
   * already listed; one a renewal ends is an instant of its own. */
  for (guint i = 0; i < code->n_suspended; i++)
    {
      visit (func, data, code->suspended[i].start, PB_KEY_DATE_SUSPENSION_STARTS, code->id,
             code->quantity, "EL-8", FALSE);
      if (code->suspended[i].end < code->expires_at)
        visit (func, data, code->suspended[i].end, PB_KEY_DATE_SUSPENSION_ENDS, code->id,
               code->quantity, "EL-8", FALSE);
    }
}

static void
visit_all (PbLifecycle *lifecycle, Visit func, gpointer data)
{
  visit_base_fee (lifecycle, func, data);
  for (guint i = 0; i < pb_lifecycle_get_n_codes (lifecycle); i++)
    visit_code (pb_lifecycle_get_code (lifecycle, i), func, data);
  for (guint i = 0; i < pb_lifecycle_get_n_packages (lifecycle); i++)
    {
      const PbLifecyclePackage *package = pb_lifecycle_get_package (lifecycle, i);

      visit (func, data, package->expires_at, PB_KEY_DATE_PACKAGE_EXPIRES, package->id,
             package->quantity, "VM-9", FALSE);
    }
}

typedef struct
{
  PbLifecycle *lifecycle;
  GArray      *dates;
  PbInstant    from;
  gboolean     key_dates_only;
} Collect;

/* EL-7: a deadline to bind is something to do only for a code not yet
 * bound as of @from; one bound later (still in time) must be bound then. */
static gboolean
bound_by (PbLifecycle *lifecycle, const PbKeyDate *date, PbInstant from)
{
  const PbLifecycleCode *code;

  if (date->kind != PB_KEY_DATE_BIND_DEADLINE)
    return FALSE;
  code = pb_lifecycle_lookup_code (lifecycle, date->subject);
  return code != NULL && code->bound_at != PB_INSTANT_NONE && code->bound_at <= from;
}

static void
collect (const PbKeyDate *date, gpointer data)
{
  Collect *c = data;

  if (c->key_dates_only && (date->kind == PB_KEY_DATE_SUSPENSION_ENDS || date->at < c->from ||
                            bound_by (c->lifecycle, date, c->from)))
    return;
  g_array_append_vals (c->dates, date, 1);
}

static int
compare_dates (gconstpointer a, gconstpointer b, gpointer data)
{
  const PbKeyDate *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->kind < y->kind ? -1 : x->kind > y->kind;
}

static GArray *
collect_sorted (PbLifecycle *lifecycle, PbInstant from, gboolean key_dates_only)
{
  Collect c = { lifecycle, g_array_new (FALSE, FALSE, sizeof (PbKeyDate)), from, key_dates_only };

  visit_all (lifecycle, collect, &c);
  /* Stable (GLib's merge sort): ties keep the order of purchase. */
  g_qsort_with_data (c.dates->data, (gint) c.dates->len, sizeof (PbKeyDate), compare_dates, NULL);
  return c.dates;
}

GArray *
pb_lifecycle_derive_instants (PbLifecycle *lifecycle)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (lifecycle), NULL);
  return collect_sorted (lifecycle, PB_INSTANT_NONE, FALSE);
}

GArray *
pb_lifecycle_key_dates (PbLifecycle *lifecycle, PbInstant from)
{
  g_return_val_if_fail (PB_IS_LIFECYCLE (lifecycle), NULL);
  return collect_sorted (lifecycle, from, TRUE);
}

typedef struct
{
  PbInstant at;
  int       direction;
  PbInstant best;
} Step;

static void
consider (Step *s, PbInstant t)
{
  if (t == PB_INSTANT_NONE || t == PB_INSTANT_FOREVER)
    return;
  if (s->direction > 0 && t > s->at && (s->best == PB_INSTANT_NONE || t < s->best))
    s->best = t;
  else if (s->direction < 0 && t < s->at && (s->best == PB_INSTANT_NONE || t > s->best))
    s->best = t;
}

/* EL-7: a deadline passing is a stop only where the code becomes void;
 * for a code bound in time nothing happens there. */
static void
consider_date (const PbKeyDate *date, gpointer data)
{
  if (date->kind != PB_KEY_DATE_BIND_DEADLINE || date->lapses)
    consider (data, date->at);
}

gboolean
pb_lifecycle_step (PbLifecycle *lifecycle, const PbScenarioEvent *events, guint n_events, PbInstant at,
                   int direction, PbInstant *result)
{
  Step s = { at, direction, PB_INSTANT_NONE };

  g_return_val_if_fail (PB_IS_LIFECYCLE (lifecycle), FALSE);
  g_return_val_if_fail (events != NULL || n_events == 0, FALSE);
  g_return_val_if_fail (direction != 0 && result != NULL, FALSE);

  for (guint i = 0; i < n_events; i++)
    if (events[i].enabled)
      consider (&s, events[i].at);
  visit_all (lifecycle, consider_date, &s);
  if (s.best == PB_INSTANT_NONE)
    return FALSE;
  *result = s.best;
  return TRUE;
}

const char *
pb_key_date_kind_to_string (PbKeyDateKind kind)
{
  static const char * const names[PB_KEY_DATE_N_KINDS] = {
    "bind_deadline", "code_expires", "base_fee_expires", "package_expires", "suspension_starts",
    "suspension_ends",
  };

  g_return_val_if_fail (kind < PB_KEY_DATE_N_KINDS, NULL);
  return names[kind];
}
