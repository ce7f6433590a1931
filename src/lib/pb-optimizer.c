/* pb-optimizer.c: the cheapest packages and codes for a need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Voice (VM-5, VM-6) is an unbounded covering problem: any number of each
 * fixed package and of custom packages of any size on the grid.  It is
 * solved exactly by a depth-first search over the number of copies of each
 * fixed package, the custom package being chosen in closed form at each
 * leaf.  Three facts, each checked against the catalog's data at run time
 * rather than assumed from today's prices, keep the search tiny:
 *
 *  (A) At most one custom package.  Unit prices never rise with size (the
 *      catalog is refused otherwise), so two custom packages s₁, s₂ merge
 *      into one of s₁ + s₂ that is no dearer, buys the same minutes and is
 *      one package fewer.
 *
 *  (B) Few copies of a fixed package that custom prices can match.  Let a
 *      fixed package of m minutes (m on the custom grid) cost p, and let t
 *      be the smallest custom size whose unit price u satisfies u × m ≤ p.
 *      Whenever q ≥ 1 copies of it and a custom package s (or q ≥ 2 copies
 *      and none) reach s + q·m ≥ t, one custom package of s + q·m minutes
 *      costs no more (its unit price is at most u ≤ p / m, and at most the
 *      price of s), buys the same minutes and is fewer packages.  So an
 *      optimal plan holds at most max (1, ⌊(t − 1) / m⌋) copies.  With
 *      today's data t = m for every fixed package: each appears at most
 *      once, and never beside a custom package.
 *
 *  (C) Branch and bound on excess.  Let ρ be the lowest price per minute of
 *      any package (fixed, or the top custom tier).  A plan buying B ≥ N
 *      minutes costs B·ρ plus the excess Σ (price − minutes·ρ) ≥ 0 of its
 *      packages, so a plan no dearer than the best one found so far carries
 *      at most (best cost − N·ρ) of excess, and covering R more minutes
 *      adds at least R times the least excess per minute still available.
 *      This bounds the copies of every package dearer per minute than ρ,
 *      and of the cheapest one when custom packages are dearer (a catalog
 *      whose fixed package beats every custom price, for example).
 *
 * Besides, no plan holding a package it does not need is optimal (dropping
 * it saves money or minutes), so no package has more copies than it takes
 * to cover the need alone.
 *
 * Every pruning only drops plans that are strictly worse in the order
 * (cost, minutes bought, packages, fixed before custom), so the answer is
 * exact.  With today's catalog the search visits at most 2⁵ leaves of
 * O(tiers) work each, for any N.
 */
#define G_LOG_DOMAIN "pb-optimizer"

#include "pb-optimizer.h"
#include "pb-error.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* The bounds of (C) multiply a price (≤ 10¹⁸ milli-yuan) by a size
 * (< 2³¹ minutes) and then by a count (≤ 10⁹): exact in 128 bits. */
#ifndef __SIZEOF_INT128__
#error "pb-optimizer.c needs a compiler with 128-bit integers"
#endif
__extension__ typedef __int128 Wide;

/* ------------------------------------------------------------------ */
/* Voice                                                              */

typedef struct
{
  gint64  lo;               /* the smallest valid custom size this tier prices */
  PbMoney unit;
} Tier;

typedef struct
{
  Wide num;
  Wide den;
} Rate;                     /* num / den, den > 0 */

typedef struct
{
  guint   index;            /* in the catalog's list (ascending minutes) */
  gint64  minutes;
  PbMoney price;
  Wide    excess;           /* (price − minutes·ρ) × ρ.den, ≥ 0 */
  gint64  cap;              /* bound (B) on copies, or G_MAXINT64 */
} Item;

typedef struct
{
  gboolean found;
  PbMoney  cost;
  gint64   bought;
  gint64   count;
  gint64   custom;          /* the custom package's size, 0 for none */
  PbMoney  custom_price;
  gint64  *copies;          /* per catalog index */
} Candidate;

typedef struct
{
  gint64     need;
  gint64     min;
  gint64     step;
  GArray    *tiers;         /* Tier: the non-empty ones, ascending */
  const PbFixedPackage *fixed;
  guint      n_fixed;
  Item      *items;         /* search order: excess per minute descending */
  Rate       rho;           /* ρ of (C) */
  Rate      *suffix;        /* suffix[k]: least excess per minute after item k − 1 */
  gint64    *copies;        /* the current node, per catalog index */
  Candidate  best;
} Search;

static gint64
round_up (gint64 value, gint64 step)
{
  return (value + step - 1) / step * step;
}

static int
rate_compare (Rate a, Rate b)
{
  Wide left = a.num * b.den, right = b.num * a.den;

  return left < right ? -1 : left > right;
}

/* VM-6: the catalog's tiers as the sizes one can buy (at least the minimum,
 * on the step grid), dropping tiers no valid size falls in. */
static gboolean
custom_tiers (PbCatalog *catalog, Search *s, GError **error)
{
  guint n;
  const PbCustomTier *tiers = pb_catalog_vm_custom_tiers (catalog, &n);

  for (guint i = 0; i < n; i++)
    {
      Tier tier = { round_up (MAX (tiers[i].from_minutes, s->min), s->step), tiers[i].unit_price };

      if (i + 1 < n && tier.lo >= tiers[i + 1].from_minutes)
        continue;
      if (s->tiers->len > 0 && tier.unit > g_array_index (s->tiers, Tier, s->tiers->len - 1).unit)
        {
          /* (A) and (B) need unit prices that fall, or stay, with size. */
          g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                       _("the catalog’s custom unit price rises from %lld minutes on, which the optimizer "
                         "does not support (VM-6)"), (long long) tier.lo);
          return FALSE;
        }
      g_array_append_val (s->tiers, tier);
    }
  return TRUE;
}

static const Tier *
top_tier (Search *s)
{
  return &g_array_index (s->tiers, Tier, s->tiers->len - 1);
}

/* The cheapest single custom package covering @remaining minutes: the
 * smallest valid size, or the first size of a later, cheaper tier (99,000
 * minutes cost more than 100,000).  Ties go to the smaller size.  FALSE if
 * every price overflows. */
static gboolean
best_custom (Search *s, gint64 remaining, gint64 *size, PbMoney *cost)
{
  gint64 first = round_up (MAX (remaining, s->min), s->step);
  gboolean found = FALSE;

  for (guint j = 0; j < s->tiers->len; j++)
    {
      const Tier *tier = &g_array_index (s->tiers, Tier, j);
      gint64 candidate = MAX (first, tier->lo);
      PbMoney price;

      if (j + 1 < s->tiers->len && candidate >= g_array_index (s->tiers, Tier, j + 1).lo)
        continue;
      if (!pb_money_multiply (tier->unit, candidate, &price, NULL))
        continue;
      if (!found || price < *cost)
        {
          *size = candidate;
          *cost = price;
          found = TRUE;
        }
    }
  return found;
}

/* (C): ρ, the lowest price per minute of any package. */
static void
find_rho (Search *s)
{
  s->rho = (Rate) { top_tier (s)->unit, 1 };
  for (guint i = 0; i < s->n_fixed; i++)
    {
      Rate rate = { s->fixed[i].price, s->fixed[i].minutes };

      if (rate_compare (rate, s->rho) < 0)
        s->rho = rate;
    }
}

/* (B): the smallest custom size at least as cheap per minute as the fixed
 * package, when the package lies on the grid. */
static gint64
copies_cap (Search *s, const PbFixedPackage *package)
{
  if (package->minutes % s->step != 0)
    return G_MAXINT64;
  for (guint j = 0; j < s->tiers->len; j++)
    {
      const Tier *tier = &g_array_index (s->tiers, Tier, j);
      PbMoney custom;

      /* An overflowing product is dearer than any price. */
      if (pb_money_multiply (tier->unit, package->minutes, &custom, NULL) && custom <= package->price)
        return MAX (1, (tier->lo - 1) / package->minutes);
    }
  return G_MAXINT64;
}

static int
item_compare (gconstpointer a, gconstpointer b)
{
  const Item *x = a, *y = b;

  /* Descending excess per minute, so that the suffix bound of (C) only
   * ever grows as the search goes along. */
  return -rate_compare ((Rate) { x->excess, x->minutes }, (Rate) { y->excess, y->minutes });
}

static void
prepare_items (Search *s)
{
  Rate custom = { top_tier (s)->unit * s->rho.den - s->rho.num, 1 };

  s->items = g_new0 (Item, s->n_fixed);
  for (guint i = 0; i < s->n_fixed; i++)
    s->items[i] = (Item) {
      .index = i,
      .minutes = s->fixed[i].minutes,
      .price = s->fixed[i].price,
      .excess = (Wide) s->fixed[i].price * s->rho.den - (Wide) s->fixed[i].minutes * s->rho.num,
      .cap = copies_cap (s, &s->fixed[i]),
    };
  if (s->n_fixed > 1)
    qsort (s->items, s->n_fixed, sizeof (Item), item_compare);

  s->suffix = g_new0 (Rate, s->n_fixed + 1);
  s->suffix[s->n_fixed] = custom;
  for (guint k = s->n_fixed; k-- > 0;)
    {
      Rate own = { s->items[k].excess, s->items[k].minutes };

      s->suffix[k] = rate_compare (own, s->suffix[k + 1]) < 0 ? own : s->suffix[k + 1];
    }
}

/* The excess the best plan so far leaves room for, scaled by ρ.den. */
static Wide
slack (Search *s)
{
  return (Wide) s->best.cost * s->rho.den - (Wide) s->need * s->rho.num;
}

/* (C): TRUE when a node with @excess spent and @remaining minutes still to
 * cover (at no less than @rate excess per minute) cannot beat the best. */
static gboolean
hopeless (Search *s, Wide excess, gint64 remaining, Rate rate)
{
  if (!s->best.found)
    return FALSE;
  return excess * rate.den + (Wide) MAX (remaining, 0) * rate.num > slack (s) * rate.den;
}

/* Total order of plans: cost, minutes bought, packages, fixed before
 * custom; then, so that the answer never depends on the search's path,
 * more of the larger fixed packages. */
static int
candidate_compare (Search *s, const Candidate *a, const Candidate *b)
{
  if (a->cost != b->cost)
    return a->cost < b->cost ? -1 : 1;
  if (a->bought != b->bought)
    return a->bought < b->bought ? -1 : 1;
  if (a->count != b->count)
    return a->count < b->count ? -1 : 1;
  if ((a->custom != 0) != (b->custom != 0))
    return a->custom != 0 ? 1 : -1;
  for (guint i = s->n_fixed; i-- > 0;)
    if (a->copies[i] != b->copies[i])
      return a->copies[i] > b->copies[i] ? -1 : 1;
  return 0;
}

static void
consider_leaf (Search *s, gint64 remaining)
{
  Candidate leaf = { .found = TRUE, .copies = s->copies };

  for (guint i = 0; i < s->n_fixed; i++)
    {
      PbMoney price;

      if (s->copies[i] == 0)
        continue;
      /* A plan whose price leaves the money range is never the cheapest
       * one that stays in it. */
      if (!pb_money_multiply (s->fixed[i].price, s->copies[i], &price, NULL) ||
          !pb_money_add (leaf.cost, price, &leaf.cost, NULL))
        return;
      leaf.bought += s->copies[i] * s->fixed[i].minutes;
      leaf.count += s->copies[i];
    }
  if (remaining > 0)
    {
      if (!best_custom (s, remaining, &leaf.custom, &leaf.custom_price) ||
          !pb_money_add (leaf.cost, leaf.custom_price, &leaf.cost, NULL))
        return;
      leaf.bought += leaf.custom;
      leaf.count++;
    }
  if (s->best.found && candidate_compare (s, &leaf, &s->best) >= 0)
    return;
  memcpy (s->best.copies, s->copies, s->n_fixed * sizeof (gint64));
  s->best.found = TRUE;
  s->best.cost = leaf.cost;
  s->best.bought = leaf.bought;
  s->best.count = leaf.count;
  s->best.custom = leaf.custom;
  s->best.custom_price = leaf.custom_price;
}

/* The copies of item @k worth trying: no more than cover what remains (a
 * plan with a package it does not need is never optimal), (B), and (C). */
static gint64
item_max_copies (Search *s, const Item *item, gint64 remaining, Wide excess)
{
  gint64 most = remaining > 0 ? (remaining + item->minutes - 1) / item->minutes : 0;

  most = MIN (most, item->cap);
  if (s->best.found && item->excess > 0)
    {
      Wide room = slack (s) - excess;

      most = room < 0 ? 0 : (gint64) MIN ((Wide) most, room / item->excess);
    }
  return most;
}

static void
search_item (Search *s, guint k, gint64 remaining, Wide excess)
{
  const Item *item;
  gint64 most;
  gboolean downward;

  if (k == s->n_fixed)
    {
      consider_leaf (s, remaining);
      return;
    }
  item = &s->items[k];
  most = item_max_copies (s, item, remaining, excess);
  /* Walk the copies in the direction in which the bound of (C) only grows,
   * so that the first hopeless count ends the walk.  Downwards that holds
   * once nothing is overshot. */
  downward = rate_compare ((Rate) { item->excess, item->minutes }, s->suffix[k + 1]) <= 0;
  for (gint64 i = 0; i <= most; i++)
    {
      gint64 q = downward ? most - i : i;
      gint64 left = remaining - q * item->minutes;
      Wide spent = excess + (Wide) q * item->excess;

      if (hopeless (s, spent, left, s->suffix[k + 1]))
        {
          if (!downward || left >= 0)
            break;
          continue;
        }
      s->copies[item->index] = q;
      search_item (s, k + 1, left, spent);
    }
  s->copies[item->index] = 0;
}

static PbVoicePlan *
voice_plan_new (Search *s)
{
  PbVoicePlan *plan = g_new0 (PbVoicePlan, 1);

  plan->minutes = s->need;
  plan->bought_minutes = s->best.bought;
  plan->total = s->best.cost;
  plan->packages = g_array_new (FALSE, FALSE, sizeof (PbVoicePackage));
  for (guint i = s->n_fixed; i-- > 0;)
    for (gint64 q = 0; q < s->best.copies[i]; q++)
      {
        PbVoicePackage package = { TRUE, s->fixed[i].minutes, s->fixed[i].price };

        g_array_append_val (plan->packages, package);
      }
  if (s->best.custom != 0)
    {
      PbVoicePackage package = { FALSE, s->best.custom, s->best.custom_price };

      g_array_append_val (plan->packages, package);
    }
  return plan;
}

static void
search_clear (Search *s)
{
  g_clear_pointer (&s->tiers, g_array_unref);
  g_clear_pointer (&s->items, g_free);
  g_clear_pointer (&s->suffix, g_free);
  g_clear_pointer (&s->copies, g_free);
  g_clear_pointer (&s->best.copies, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

/**
 * pb_optimizer_voice:
 * @catalog: the prices
 * @minutes: the need, 1 to %PB_OPTIMIZER_VOICE_MAX_MINUTES
 * @plan: (out): the cheapest set of VM-5 fixed and VM-6 custom packages
 *   covering at least @minutes; ties go to fewer minutes bought, then fewer
 *   packages, then fixed before custom
 * @error: PB_ERROR_INPUT for a need out of range or a catalog whose custom
 *   unit prices rise with size, PB_ERROR_OVERFLOW if no plan has a price in
 *   range
 */
gboolean
pb_optimizer_voice (PbCatalog *catalog, gint64 minutes, PbVoicePlan **plan, GError **error)
{
  g_auto(Search) s = { 0 };

  g_return_val_if_fail (PB_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (minutes < 1 || minutes > PB_OPTIMIZER_VOICE_MAX_MINUTES)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                   _("%lld minutes is out of range: the need must be from 1 to %lld minutes (VM-5, VM-6)"),
                   (long long) minutes, (long long) PB_OPTIMIZER_VOICE_MAX_MINUTES);
      return FALSE;
    }
  s.need = minutes;
  s.min = pb_catalog_vm_custom_min (catalog);
  s.step = pb_catalog_vm_custom_step (catalog);
  s.tiers = g_array_new (FALSE, FALSE, sizeof (Tier));
  s.fixed = pb_catalog_vm_fixed_packages (catalog, &s.n_fixed);
  if (!custom_tiers (catalog, &s, error))
    return FALSE;
  find_rho (&s);
  prepare_items (&s);
  s.copies = g_new0 (gint64, s.n_fixed + 1);
  s.best.copies = g_new0 (gint64, s.n_fixed + 1);

  /* A first plan, one custom package, gives (C) its bound from the start. */
  consider_leaf (&s, minutes);
  search_item (&s, 0, minutes, 0);
  if (!s.best.found)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_OVERFLOW,
                   _("no set of packages covering %lld minutes has a price in range"),
                   (long long) minutes);
      return FALSE;
    }
  *plan = voice_plan_new (&s);
  return TRUE;
}

void
pb_voice_plan_free (PbVoicePlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->packages, g_array_unref);
  g_free (plan);
}

PbVoicePlan *
pb_voice_plan_copy (const PbVoicePlan *plan)
{
  PbVoicePlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_memdup2 (plan, sizeof (PbVoicePlan));
  copy->packages = g_array_copy (plan->packages);
  return copy;
}

/* ------------------------------------------------------------------ */
/* Remembered voice answers                                           */

/* Each catalog carries a table of the answers given for it (object data,
 * freed with the catalog), need → PbVoicePlan, the key pointing into the
 * plan it keys.  The table is bounded: when it is full it is emptied, so
 * that a long session's memory stays flat; a quote has at most
 * PB_QUOTE_MAX_ITEMS items, so one check of even the largest quote fits.
 * One lock for all catalogs: a look-up is a few hundred instructions, the
 * search runs outside it. */
#define VOICE_MEMO_MAX 4096

static GMutex voice_memo_lock;

static GQuark
voice_memo_quark (void)
{
  return g_quark_from_static_string ("pb-optimizer-voice-memo");
}

static PbVoicePlan *
voice_memo_lookup (PbCatalog *catalog, gint64 minutes)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&voice_memo_lock);
  GHashTable *memo = g_object_get_qdata (G_OBJECT (catalog), voice_memo_quark ());
  const PbVoicePlan *plan = memo != NULL ? g_hash_table_lookup (memo, &minutes) : NULL;

  return plan != NULL ? pb_voice_plan_copy (plan) : NULL;
}

static void
voice_memo_store (PbCatalog *catalog, const PbVoicePlan *plan)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&voice_memo_lock);
  GHashTable *memo = g_object_get_qdata (G_OBJECT (catalog), voice_memo_quark ());
  PbVoicePlan *copy;

  if (memo == NULL)
    {
      memo = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) pb_voice_plan_free);
      g_object_set_qdata_full (G_OBJECT (catalog), voice_memo_quark (), memo,
                               (GDestroyNotify) g_hash_table_unref);
    }
  else if (g_hash_table_size (memo) >= VOICE_MEMO_MAX)
    g_hash_table_remove_all (memo);
  copy = pb_voice_plan_copy (plan);
  /* Replace, not insert: the key lives in the value it keys. */
  g_hash_table_replace (memo, &copy->minutes, copy);
}

/**
 * pb_optimizer_voice_remembered:
 * @catalog: the prices
 * @minutes: the need, 1 to %PB_OPTIMIZER_VOICE_MAX_MINUTES
 * @plan: (out): as pb_optimizer_voice(), the caller's own copy
 * @error: as pb_optimizer_voice()
 */
gboolean
pb_optimizer_voice_remembered (PbCatalog *catalog, gint64 minutes, PbVoicePlan **plan, GError **error)
{
  g_return_val_if_fail (PB_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  *plan = voice_memo_lookup (catalog, minutes);
  if (*plan != NULL)
    return TRUE;
  if (!pb_optimizer_voice (catalog, minutes, plan, error))
    return FALSE;
  voice_memo_store (catalog, *plan);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Enterprise Live                                                    */

/* EL-4, EL-5: one code of @tier carrying enough add-ons, in whole steps,
 * for @viewers. */
static gboolean
live_code (PbCatalog *catalog, const PbCodeTier *tier, gint64 viewers, PbLiveCode *code)
{
  gint64 step = pb_catalog_el_addon_step (catalog);

  code->tier_id = tier->id;
  code->tier_viewers = tier->viewers;
  code->tier_price = tier->price;
  code->addon_viewers = viewers > tier->viewers ? round_up (viewers - tier->viewers, step) : 0;
  code->viewers = tier->viewers + code->addon_viewers;
  return pb_money_multiply (pb_catalog_el_addon_price (catalog), code->addon_viewers,
                            &code->addon_price, NULL) &&
         pb_money_add (code->tier_price, code->addon_price, &code->price, NULL);
}

static void
live_code_clear (PbLiveCode *code)
{
  g_clear_pointer (&code->tier_id, g_free);
}

/* Ties between codes: the cheaper, then the one allowing more viewers (more
 * headroom for the same money), then fewer add-on viewers (an add-on is one
 * more thing to set up), then the catalog's order. */
static gboolean
live_code_better (const PbLiveCode *a, const PbLiveCode *b)
{
  if (a->price != b->price)
    return a->price < b->price;
  if (a->viewers != b->viewers)
    return a->viewers > b->viewers;
  return a->addon_viewers < b->addon_viewers;
}

static gboolean
check_live_range (const char *what, gint64 value, gint64 max, GError **error)
{
  if (value >= 1 && value <= max)
    return TRUE;
  g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
               _("%s is %lld: it must be from 1 to %lld (EL-4, EL-5)"),
               what, (long long) value, (long long) max);
  return FALSE;
}

/**
 * pb_optimizer_live:
 * @catalog: the prices
 * @viewers: concurrent viewers per room, 1 to %PB_OPTIMIZER_LIVE_MAX_VIEWERS
 * @rooms: rooms broadcasting at once, 1 to %PB_OPTIMIZER_LIVE_MAX_ROOMS
 * @plan: (out): one code per room, each the cheapest tier plus add-ons
 *   reaching @viewers, for a customer who already holds the base fee (EL-3;
 *   its gifted code is not counted)
 * @error: PB_ERROR_INPUT for a need out of range or a catalog without code
 *   tiers, PB_ERROR_OVERFLOW if no code has a price in range
 */
gboolean
pb_optimizer_live (PbCatalog *catalog, gint64 viewers, gint64 rooms, PbLivePlan **plan, GError **error)
{
  g_autoptr(PbLivePlan) result = NULL;
  const PbCodeTier *tiers;
  PbLiveCode best = { 0 };
  gboolean found = FALSE;
  PbMoney total;
  guint n;

  g_return_val_if_fail (PB_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!check_live_range (_("the number of viewers"), viewers, PB_OPTIMIZER_LIVE_MAX_VIEWERS, error) ||
      !check_live_range (_("the number of rooms"), rooms, PB_OPTIMIZER_LIVE_MAX_ROOMS, error))
    return FALSE;
  tiers = pb_catalog_el_tiers (catalog, &n);
  if (n == 0)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("the catalog lists no activation code tiers (EL-4)"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      PbLiveCode code;

      /* A code whose price leaves the money range is never the cheapest. */
      if (live_code (catalog, &tiers[i], viewers, &code) &&
          (!found || live_code_better (&code, &best)))
        {
          best = code;
          found = TRUE;
        }
    }
  if (!found || !pb_money_multiply (best.price, rooms, &total, NULL))
    {
      g_set_error (error, PB_ERROR, PB_ERROR_OVERFLOW,
                   _("no code for %lld viewers in %lld rooms has a price in range"),
                   (long long) viewers, (long long) rooms);
      return FALSE;
    }

  result = g_new0 (PbLivePlan, 1);
  result->viewers = viewers;
  result->rooms = rooms;
  result->total = total;
  /* EL-1: one room of a few viewers is what the free trial is for. */
  result->trial_fits = rooms == 1 && viewers <= (gint64) pb_catalog_el_trial_max_viewers (catalog);
  result->codes = g_array_sized_new (FALSE, FALSE, sizeof (PbLiveCode), (guint) rooms);
  g_array_set_clear_func (result->codes, (GDestroyNotify) live_code_clear);
  for (gint64 r = 0; r < rooms; r++)
    {
      /* The plan owns its strings: it may outlive the catalog. */
      g_array_append_val (result->codes, best);
      g_array_index (result->codes, PbLiveCode, r).tier_id = g_strdup (best.tier_id);
    }
  *plan = g_steal_pointer (&result);
  return TRUE;
}

char *
pb_live_plan_trial_note (PbCatalog *catalog, const PbLivePlan *plan)
{
  g_return_val_if_fail (PB_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  if (!plan->trial_fits)
    return NULL;
  return g_strdup_printf (_("The free trial already allows one room of up to %u viewers at no cost; its data "
                            "radar shows only the top %u viewers (EL-1)."),
                          pb_catalog_el_trial_max_viewers (catalog),
                          pb_catalog_el_trial_radar_top_viewers (catalog));
}

void
pb_live_plan_free (PbLivePlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->codes, g_array_unref);
  g_free (plan);
}
