/* pb-timeline.c: a lifecycle laid out as lanes of spans and marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything drawn comes from the PbLifecycle: the base fee's terms and
 * periods, each code's binding window, usable and suspended spans,
 * expansions, void and expiry instants, each number's activations and billed
 * months, each package's balance steps.  This file only arranges them in
 * lanes, sorts them by time and says in words what each one is.
 */
#define G_LOG_DOMAIN "pb-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pb-money.h"
#include "pb-timeline.h"
#include "pb-translation.h"

/* Lane heights and the bands inside them, in content units. */
#define GROUP_HEIGHT     24.0
#define BASE_FEE_HEIGHT  30.0
#define CODE_HEIGHT      36.0
#define NUMBER_HEIGHT    30.0
#define PACKAGE_HEIGHT   52.0
#define EVENTS_HEIGHT    28.0
#define LANE_PAD          5.0
#define MARK_HALF_WIDTH   5.0
#define MIN_HIT_WIDTH     4.0

struct _PbTimeline
{
  GObject      parent_instance;

  PbLifecycle *lifecycle;
  GArray      *lanes;          /* PbTimelineLane */
  GPtrArray   *lane_items;     /* GArray of PbTimelineItem, one per lane */
  GHashTable  *lanes_by_key;   /* key → index + 1 */
  double       content_height;
  const char  *language;       /* interned; NULL: the program's (pb-translation.h) */
};

G_DEFINE_FINAL_TYPE (PbTimeline, pb_timeline, G_TYPE_OBJECT)

/* Stable names for item keys: never translated. */
static const char * const kind_keys[PB_TIMELINE_N_ITEM_KINDS] = {
  "term", "lapsed", "binding", "usable", "suspended", "broadcast", "expansion", "void", "expired",
  "month", "subscribed", "unsubscribed", "validity", "used-up", "expired-unused", "alarm",
  "rejected", "bind-by", "assumed", "use-by",
};

static void
pb_timeline_finalize (GObject *object)
{
  PbTimeline *self = PB_TIMELINE (object);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      PbTimelineLane *lane = &g_array_index (self->lanes, PbTimelineLane, i);

      g_free (lane->key);
      g_free (lane->title);
      g_free (lane->subtitle);
    }
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->lane_items, g_ptr_array_unref);
  g_clear_pointer (&self->lanes_by_key, g_hash_table_unref);
  g_clear_object (&self->lifecycle);
  G_OBJECT_CLASS (pb_timeline_parent_class)->finalize (object);
}

static void
pb_timeline_class_init (PbTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_timeline_finalize;
}

static void
pb_timeline_init (PbTimeline *self)
{
  self->lanes = g_array_new (FALSE, TRUE, sizeof (PbTimelineLane));
  self->lane_items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->lanes_by_key = g_hash_table_new (g_str_hash, g_str_equal);
}

/* ------------------------------------------------------------------ */
/* Building                                                           */

typedef struct
{
  PbTimeline *self;
  const char *language;   /* the words' language, for pb_translate() */
  PbProjection *projection; /* a quote's, or NULL: a plain scenario */
  GArray     *items;      /* of the lane being built */
  guint       lane;
  guint       counts[PB_TIMELINE_N_ITEM_KINDS];
} Builder;

static double
lane_height (PbTimelineLaneKind kind)
{
  switch (kind)
    {
    case PB_TIMELINE_LANE_GROUP: return GROUP_HEIGHT;
    case PB_TIMELINE_LANE_BASE_FEE: return BASE_FEE_HEIGHT;
    case PB_TIMELINE_LANE_CODE: return CODE_HEIGHT;
    case PB_TIMELINE_LANE_NUMBER: return NUMBER_HEIGHT;
    case PB_TIMELINE_LANE_PACKAGE:
    case PB_TIMELINE_LANE_BALANCE: return PACKAGE_HEIGHT;
    case PB_TIMELINE_LANE_EVENTS:
    default: return EVENTS_HEIGHT;
    }
}

/* Takes @key, @title and @subtitle. */
static void
begin_lane (Builder *b, PbTimelineLaneKind kind, const char *id, char *key, char *title, char *subtitle)
{
  PbTimelineLane lane = { 0 };

  lane.kind = kind;
  lane.id = id;
  lane.key = key;
  lane.title = title;
  lane.subtitle = subtitle;
  lane.y = b->self->content_height;
  lane.height = lane_height (kind);
  b->self->content_height += lane.height;
  g_array_append_val (b->self->lanes, lane);
  b->lane = b->self->lanes->len - 1;
  b->items = g_array_new (FALSE, TRUE, sizeof (PbTimelineItem));
  g_ptr_array_add (b->self->lane_items, b->items);
  if (key != NULL)
    g_hash_table_insert (b->self->lanes_by_key, key, GUINT_TO_POINTER (b->lane + 1));
  memset (b->counts, 0, sizeof b->counts);
}

static PbTimelineItem *
add_item (Builder *b, PbTimelineItemKind kind, PbInstant start, PbInstant end, const char *rule, guint event)
{
  PbTimelineItem item = { 0 };

  item.kind = kind;
  item.lane = b->lane;
  item.ordinal = b->counts[kind]++;
  item.start = start;
  item.end = end;
  item.rule = rule;
  item.event = event;
  g_array_append_val (b->items, item);
  return &g_array_index (b->items, PbTimelineItem, b->items->len - 1);
}

static PbTimelineItem *
add_mark (Builder *b, PbTimelineItemKind kind, PbInstant at, const char *rule, guint event)
{
  return add_item (b, kind, at, at, rule, event);
}

static void
add_group (Builder *b, const char *title)
{
  begin_lane (b, PB_TIMELINE_LANE_GROUP, NULL, NULL, g_strdup (title), NULL);
}

static void
build_base_fee (Builder *b, PbLifecycle *lifecycle)
{
  guint n_terms, n_periods;
  const PbBaseFeeTerm *terms = pb_lifecycle_get_base_fee_terms (lifecycle, &n_terms);
  const PbSpan *periods = pb_lifecycle_get_base_fee_periods (lifecycle, &n_periods);
  g_autofree char *count = g_strdup_printf ("%u", n_terms);

  begin_lane (b, PB_TIMELINE_LANE_BASE_FEE, NULL, g_strdup ("base-fee"),
              g_strdup (pb_translate (b->language, "Base fee")),
              g_strdup_printf (pb_ntranslate (b->language, "%s purchase", "%s purchases", n_terms), count));
  for (guint i = 0; i < n_terms; i++)
    {
      /* EL-3 for the first purchase; every later one is a renewal (EL-10),
       * extending from the end or, after a lapse, starting anew. */
      PbTimelineItem *item = add_item (b, PB_TIMELINE_ITEM_TERM, terms[i].start, terms[i].end,
                                       i == 0 ? "EL-3" : "EL-10", terms[i].event);

      item->value = terms[i].bought_at;
      item->value2 = i == 0 ? 0 : terms[i].renewal ? 1 : 2;
    }
  /* EL-8: between periods, and after the last, no code is usable. */
  for (guint i = 0; i < n_periods; i++)
    add_item (b, PB_TIMELINE_ITEM_LAPSED, periods[i].end,
              i + 1 < n_periods ? periods[i + 1].start : PB_INSTANT_FOREVER, "EL-8", PB_NO_EVENT);
}

static const char *
tier_name (PbCatalog *catalog, const char *language, const char *tier)
{
  const PbCodeTier *found = catalog ? pb_catalog_el_tier (catalog, tier) : NULL;

  if (found == NULL)
    return tier;
  if (language == NULL)
    return pb_code_tier_display_name (found);
  return g_str_equal (language, PB_TRANSLATION_CHINESE) ? found->name_zh : found->name;
}

/* What bought @id in a quote's projection; a plain scenario's lanes, and
 * what a what-if added, are history: drawn as the replay has it. */
static PbProjectionRole
role_of (Builder *b, const char *id)
{
  PbProjectionRole role;

  if (b->projection == NULL || !pb_projection_lookup_subject (b->projection, id, &role))
    return PB_PROJECTION_HISTORY;
  return role;
}

static void
mark_proposed (Builder *b)
{
  g_array_index (b->self->lanes, PbTimelineLane, b->lane).proposed = TRUE;
}

/* A code the quote proposes is sold, not left to lapse: its deadline is
 * the date to bind it by (EL-7), and the year it gives if bound by then
 * (EL-8) is drawn as the assumption it is. */
static void
build_proposed_code_end (Builder *b, PbLifecycle *lifecycle, const PbLifecycleCode *code)
{
  PbTimelineItem *item;
  PbSpan usable;

  mark_proposed (b);
  item = add_mark (b, PB_TIMELINE_ITEM_BIND_BY, code->bind_deadline, "EL-7", code->event);
  item->value = code->bind_deadline;
  if (!pb_lifecycle_code_assume_bound (lifecycle, code, &usable))
    return;
  item->value2 = TRUE;    /* the assumed year follows, and says the deadline */
  item = add_item (b, PB_TIMELINE_ITEM_ASSUMED, usable.start, usable.end, "EL-8", code->event);
  item->value = code->bind_deadline;
  /* Cut short by the base fee's end rather than the code's own year. */
  item->value2 = usable.end < pb_time_term_end (pb_lifecycle_get_term_rule (lifecycle), usable.start);
}

static void
build_code (Builder *b, PbLifecycle *lifecycle, PbCatalog *catalog, const PbLifecycleCode *code)
{
  gint64 viewers = code->tier_viewers + code->addon_viewers;
  PbProjectionRole role = role_of (b, code->id);
  g_autofree char *viewers_text = NULL;
  PbTimelineItem *item;
  char *subtitle;

  /* The gift of a base fee the customer only says is held is not theirs
   * to bind: it is neither drawn nor listed. */
  if (role == PB_PROJECTION_STAND_IN)
    return;

  for (guint i = 0; i < code->n_expansions; i++)
    viewers += code->expansions[i].viewers;
  viewers_text = pb_format_count (viewers);
  /* TRANSLATORS: a code's tier, its most viewers, and "gift" or "" */
  subtitle = g_strdup_printf (code->gift ? pb_translate (b->language, "%s · %s viewers · gift")
                                         : pb_translate (b->language, "%s · %s viewers"),
                              tier_name (catalog, b->language, code->tier), viewers_text);
  begin_lane (b, PB_TIMELINE_LANE_CODE, code->id, g_strconcat ("code:", code->id, NULL),
              pb_format_group (code->id, code->quantity), subtitle);

  /* EL-7: from the purchase to the binding, or to the deadline. */
  item = add_item (b, PB_TIMELINE_ITEM_BINDING, code->purchased_at,
                   code->bound_at != PB_INSTANT_NONE ? code->bound_at : code->bind_deadline,
                   "EL-7", code->event);
  item->value = code->bind_deadline;
  for (guint i = 0; i < code->n_usable; i++)
    add_item (b, PB_TIMELINE_ITEM_USABLE, code->usable[i].start, code->usable[i].end, "EL-8",
              code->bind_event);
  for (guint i = 0; i < code->n_suspended; i++)
    add_item (b, PB_TIMELINE_ITEM_SUSPENDED, code->suspended[i].start, code->suspended[i].end, "EL-8",
              PB_NO_EVENT);
  for (guint i = 0; i < code->n_expansions; i++)
    {
      item = add_mark (b, PB_TIMELINE_ITEM_EXPANSION, code->expansions[i].at, "EL-6",
                       code->expansions[i].event);
      item->value = code->expansions[i].viewers;
      item->value2 = code->expansions[i].end;
    }
  if (role == PB_PROJECTION_PROPOSED && code->bound_at == PB_INSTANT_NONE)
    build_proposed_code_end (b, lifecycle, code);
  else if (code->void_at != PB_INSTANT_NONE)
    add_mark (b, PB_TIMELINE_ITEM_VOID, code->void_at, "EL-7", code->event);
  if (code->bound_at != PB_INSTANT_NONE)
    add_mark (b, PB_TIMELINE_ITEM_EXPIRED, code->expires_at, "EL-8", code->bind_event);
}

static void
build_broadcasts (PbTimeline *self, PbLifecycle *lifecycle)
{
  guint n;
  const PbBroadcast *broadcasts = pb_lifecycle_get_broadcasts (lifecycle, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strconcat ("code:", broadcasts[i].code, NULL);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->lanes_by_key, key));
      GArray *items;
      PbTimelineItem item = { 0 };

      if (index == 0)
        continue;
      items = g_ptr_array_index (self->lane_items, index - 1);
      item.kind = PB_TIMELINE_ITEM_BROADCAST;
      item.lane = index - 1;
      item.start = broadcasts[i].at;
      item.end = broadcasts[i].end;
      item.rule = "EL-9";
      item.event = broadcasts[i].event;
      item.value = broadcasts[i].viewers;
      item.value2 = broadcasts[i].minutes;
      /* Broadcasts come sorted by time: their ordinals follow. */
      for (guint j = 0; j < items->len; j++)
        if (g_array_index (items, PbTimelineItem, j).kind == PB_TIMELINE_ITEM_BROADCAST)
          item.ordinal++;
      g_array_append_val (items, item);
    }
}

static void
build_number (Builder *b, const PbLifecycleNumber *number)
{
  g_autofree char *months = g_strdup_printf ("%u", number->months_billed);

  begin_lane (b, PB_TIMELINE_LANE_NUMBER, number->id, g_strconcat ("number:", number->id, NULL),
              pb_format_group (number->id, number->n_spans > 0 ? number->spans[number->n_spans - 1].quantity : 1),
              g_strdup_printf (pb_ntranslate (b->language, "%s month billed", "%s months billed",
                                              number->months_billed), months));
  for (guint i = 0; i < number->n_spans; i++)
    {
      const PbNumberSpan *span = &number->spans[i];

      add_item (b, PB_TIMELINE_ITEM_SUBSCRIBED, span->start, span->end, "VM-3", span->event);
      if (span->end != PB_INSTANT_FOREVER)
        add_mark (b, PB_TIMELINE_ITEM_UNSUBSCRIBED, span->end, "VM-4", span->end_event);
      for (int m = span->first_month; m <= span->last_month; m++)
        {
          /* VM-4: the month of the unsubscription is billed in full. */
          gboolean last = span->end != PB_INSTANT_FOREVER && m == span->last_month;
          PbTimelineItem *item = add_item (b, PB_TIMELINE_ITEM_MONTH, pb_time_month_start (m),
                                           pb_time_month_start (m + 1), last ? "VM-4" : "VM-3",
                                           m == span->first_month ? span->event : PB_NO_EVENT);

          item->value = m;
        }
    }
}

static void
build_package (Builder *b, const PbLifecyclePackage *package)
{
  g_autofree char *minutes = pb_format_count (package->minutes);
  PbTimelineItem *item;
  guint n = package->n_steps;

  begin_lane (b, PB_TIMELINE_LANE_PACKAGE, package->id, g_strconcat ("package:", package->id, NULL),
              pb_format_group (package->id, package->quantity),
              /* TRANSLATORS: a package's size in minutes */
              g_strdup_printf (package->kind == PB_PACKAGE_FIXED ? pb_translate (b->language, "%s min · fixed")
                                                                 : pb_translate (b->language, "%s min · custom"),
                               minutes));
  g_array_index (b->self->lanes, PbTimelineLane, b->lane).steps = package->steps;
  g_array_index (b->self->lanes, PbTimelineLane, b->lane).n_steps = package->n_steps;
  g_array_index (b->self->lanes, PbTimelineLane, b->lane).capacity = package->minutes * package->quantity;

  item = add_item (b, PB_TIMELINE_ITEM_VALIDITY, package->purchased_at, package->expires_at, "VM-9",
                   package->event);
  item->value = package->minutes * package->quantity;
  /* A package a quote proposes is sold for its validity: its last day of
   * use, not the minutes a customer who never calls would lose (VM-9). */
  if (role_of (b, package->id) == PB_PROJECTION_PROPOSED)
    {
      mark_proposed (b);
      item = add_mark (b, PB_TIMELINE_ITEM_USE_BY, package->expires_at, "VM-9", package->event);
      item->value = package->minutes * package->quantity;
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const PbBalanceStep *step = &package->steps[i];

      if (step->remaining != 0)
        continue;
      if (step->at < package->expires_at)
        {
          /* VM-8: used up before its expiry. */
          add_mark (b, PB_TIMELINE_ITEM_USED_UP, step->at, "VM-8", PB_NO_EVENT);
        }
      else if (i > 0 && package->steps[i - 1].remaining > 0)
        {
          /* VM-9: what was left is lost at the expiry. */
          item = add_mark (b, PB_TIMELINE_ITEM_EXPIRED_UNUSED, step->at, "VM-9", PB_NO_EVENT);
          item->value = package->steps[i - 1].remaining;
        }
      break;
    }
}

static void
build_balance (Builder *b, PbLifecycle *lifecycle)
{
  guint n_steps, n_alarms;
  const PbBalanceStep *steps = pb_lifecycle_get_balance_steps (lifecycle, &n_steps);
  const PbAlarm *alarms = pb_lifecycle_get_alarms (lifecycle, &n_alarms);
  PbTimelineLane *lane;
  gint64 most = 0;

  for (guint i = 0; i < n_steps; i++)
    most = MAX (most, steps[i].remaining);
  begin_lane (b, PB_TIMELINE_LANE_BALANCE, NULL, g_strdup ("balance"),
              g_strdup (pb_translate (b->language, "All packages")),
              g_strdup (pb_translate (b->language, "minutes left")));
  lane = &g_array_index (b->self->lanes, PbTimelineLane, b->lane);
  lane->steps = steps;
  lane->n_steps = n_steps;
  lane->capacity = most;
  for (guint i = 0; i < n_alarms; i++)
    if (alarms[i].kind == PB_ALARM_LOW_BALANCE)
      {
        PbTimelineItem *item = add_mark (b, PB_TIMELINE_ITEM_ALARM, alarms[i].at, alarms[i].rule,
                                         alarms[i].event);

        item->value = alarms[i].value;
        item->value2 = alarms[i].threshold;
      }
}

static void
build_events (Builder *b, PbLifecycle *lifecycle)
{
  guint n_rejections, n_alarms, n_number_alarms = 0;
  const PbRejection *rejections = pb_lifecycle_get_rejections (lifecycle, &n_rejections);
  const PbAlarm *alarms = pb_lifecycle_get_alarms (lifecycle, &n_alarms);
  g_autofree char *rejected = g_strdup_printf ("%u", n_rejections);

  for (guint i = 0; i < n_alarms; i++)
    n_number_alarms += alarms[i].kind == PB_ALARM_TOO_MANY_NUMBERS;
  if (n_rejections == 0 && n_number_alarms == 0)
    return;
  begin_lane (b, PB_TIMELINE_LANE_EVENTS, NULL, g_strdup ("events"),
              g_strdup (pb_translate (b->language, "Notices")),
              g_strdup_printf (pb_ntranslate (b->language, "%s rejected event", "%s rejected events",
                                              n_rejections), rejected));
  for (guint i = 0; i < n_rejections; i++)
    {
      PbTimelineItem *item = add_mark (b, PB_TIMELINE_ITEM_REJECTED, rejections[i].at, rejections[i].rule,
                                       rejections[i].event);

      item->value = rejections[i].type;
      item->text = rejections[i].reason;
    }
  for (guint i = 0; i < n_alarms; i++)
    if (alarms[i].kind == PB_ALARM_TOO_MANY_NUMBERS)
      {
        PbTimelineItem *item = add_mark (b, PB_TIMELINE_ITEM_ALARM, alarms[i].at, alarms[i].rule,
                                         alarms[i].event);

        item->value = alarms[i].value;
        item->value2 = alarms[i].threshold;
        item->text = "numbers";
      }
}

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const PbTimelineItem *x = a, *y = b;
  gboolean x_mark = pb_timeline_item_is_mark (x), y_mark = pb_timeline_item_is_mark (y);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* Spans first, so that a mark at the same instant draws on top. */
  if (x_mark != y_mark)
    return x_mark ? 1 : -1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

static void
finish_lanes (PbTimeline *self)
{
  for (guint i = 0; i < self->lanes->len; i++)
    {
      PbTimelineLane *lane = &g_array_index (self->lanes, PbTimelineLane, i);
      GArray *items = g_ptr_array_index (self->lane_items, i);
      PbInstant reach = G_MININT64;

      g_array_sort (items, compare_items);
      for (guint j = 0; j < items->len; j++)
        {
          PbTimelineItem *item = &g_array_index (items, PbTimelineItem, j);

          reach = MAX (reach, item->end);
          item->reach = reach;
        }
      lane->items = (const PbTimelineItem *) items->data;
      lane->n_items = items->len;
    }
}

PbTimeline *
pb_timeline_new (PbLifecycle *lifecycle, PbCatalog *catalog)
{
  return pb_timeline_new_for_language (lifecycle, catalog, NULL);
}

PbTimeline *
pb_timeline_new_for_language (PbLifecycle *lifecycle, PbCatalog *catalog, const char *language)
{
  return pb_timeline_new_for_projection (lifecycle, catalog, language, NULL);
}

PbTimeline *
pb_timeline_new_for_projection (PbLifecycle *lifecycle, PbCatalog *catalog, const char *language,
                                PbProjection *projection)
{
  g_autoptr(PbTimeline) self = NULL;
  Builder b = { 0 };
  guint n_terms, n_codes, n_numbers, n_packages;

  g_return_val_if_fail (PB_IS_LIFECYCLE (lifecycle), NULL);
  g_return_val_if_fail (catalog == NULL || PB_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (projection == NULL || PB_IS_PROJECTION (projection), NULL);

  self = g_object_new (PB_TYPE_TIMELINE, NULL);
  self->lifecycle = g_object_ref (lifecycle);
  self->language = g_intern_string (language);
  b.self = self;
  b.language = self->language;
  b.projection = projection;

  pb_lifecycle_get_base_fee_terms (lifecycle, &n_terms);
  n_codes = pb_lifecycle_get_n_codes (lifecycle);
  n_numbers = pb_lifecycle_get_n_numbers (lifecycle);
  n_packages = pb_lifecycle_get_n_packages (lifecycle);

  if (n_terms > 0 || n_codes > 0)
    {
      add_group (&b, pb_translate (b.language, "Enterprise Live"));
      if (n_terms > 0)
        build_base_fee (&b, lifecycle);
      for (guint i = 0; i < n_codes; i++)
        build_code (&b, lifecycle, catalog, pb_lifecycle_get_code (lifecycle, i));
      build_broadcasts (self, lifecycle);
    }
  if (n_numbers > 0 || n_packages > 0)
    {
      add_group (&b, pb_translate (b.language, "Voice Message"));
      for (guint i = 0; i < n_numbers; i++)
        build_number (&b, pb_lifecycle_get_number (lifecycle, i));
      for (guint i = 0; i < n_packages; i++)
        build_package (&b, pb_lifecycle_get_package (lifecycle, i));
      if (n_packages > 0)
        build_balance (&b, lifecycle);
    }
  build_events (&b, lifecycle);
  finish_lanes (self);
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Lanes and items                                                    */

/* The language of the timeline's words: NULL for the program's. */
const char *
pb_timeline_get_language (PbTimeline *self)
{
  g_return_val_if_fail (PB_IS_TIMELINE (self), NULL);
  return self->language;
}

PbLifecycle *
pb_timeline_get_lifecycle (PbTimeline *self)
{
  g_return_val_if_fail (PB_IS_TIMELINE (self), NULL);
  return self->lifecycle;
}

guint
pb_timeline_get_n_lanes (PbTimeline *self)
{
  g_return_val_if_fail (PB_IS_TIMELINE (self), 0);
  return self->lanes->len;
}

const PbTimelineLane *
pb_timeline_get_lane (PbTimeline *self, guint index)
{
  g_return_val_if_fail (PB_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);
  return &g_array_index (self->lanes, PbTimelineLane, index);
}

gint
pb_timeline_find_lane (PbTimeline *self, const char *key)
{
  g_return_val_if_fail (PB_IS_TIMELINE (self), -1);
  g_return_val_if_fail (key != NULL, -1);
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->lanes_by_key, key)) - 1;
}

double
pb_timeline_get_content_height (PbTimeline *self)
{
  g_return_val_if_fail (PB_IS_TIMELINE (self), 0);
  return self->content_height;
}

static void
widen (PbInstant *from, PbInstant *to, PbInstant instant)
{
  if (instant == PB_INSTANT_NONE || instant == PB_INSTANT_FOREVER)
    return;
  *from = MIN (*from, instant);
  *to = MAX (*to, instant);
}

gboolean
pb_timeline_get_extent (PbTimeline *self, PbInstant *from, PbInstant *to)
{
  PbInstant first = G_MAXINT64, last = G_MININT64;
  gint64 margin;

  g_return_val_if_fail (PB_IS_TIMELINE (self), FALSE);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      const PbTimelineLane *lane = &g_array_index (self->lanes, PbTimelineLane, i);

      for (guint j = 0; j < lane->n_items; j++)
        {
          widen (&first, &last, lane->items[j].start);
          widen (&first, &last, lane->items[j].end);
        }
    }
  if (first > last)
    return FALSE;
  /* A single instant still gets a day on either side. */
  margin = MAX ((last - first) / 25, PB_SECONDS_PER_DAY);
  *from = first - margin;
  *to = last + margin;
  pb_timeline_span_clamp (from, to);
  return TRUE;
}

char *
pb_timeline_item_key (PbTimeline *self, const PbTimelineItem *item)
{
  const PbTimelineLane *lane;

  g_return_val_if_fail (PB_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (item != NULL && item->lane < self->lanes->len, NULL);
  lane = &g_array_index (self->lanes, PbTimelineLane, item->lane);
  return g_strdup_printf ("%s/%s/%u", lane->key, kind_keys[item->kind], item->ordinal);
}

const PbTimelineItem *
pb_timeline_lookup_item (PbTimeline *self, const char *key)
{
  const char *kind_end, *kind_start;
  g_autofree char *lane_key = NULL;
  g_autofree char *kind = NULL;
  guint64 ordinal;
  char *end = NULL;
  gint lane_index;
  const PbTimelineLane *lane;

  g_return_val_if_fail (PB_IS_TIMELINE (self), NULL);
  if (key == NULL)
    return NULL;
  /* Parsed from the right: an id may hold any character. */
  kind_end = strrchr (key, '/');
  if (kind_end == NULL || kind_end == key)
    return NULL;
  ordinal = g_ascii_strtoull (kind_end + 1, &end, 10);
  if (end == kind_end + 1 || *end != '\0' || ordinal > G_MAXUINT)
    return NULL;
  for (kind_start = kind_end - 1; kind_start > key && *kind_start != '/'; kind_start--)
    ;
  if (kind_start == key)
    return NULL;
  lane_key = g_strndup (key, kind_start - key);
  kind = g_strndup (kind_start + 1, kind_end - kind_start - 1);
  lane_index = pb_timeline_find_lane (self, lane_key);
  if (lane_index < 0)
    return NULL;
  lane = &g_array_index (self->lanes, PbTimelineLane, lane_index);
  for (guint i = 0; i < lane->n_items; i++)
    if (lane->items[i].ordinal == ordinal && g_str_equal (kind_keys[lane->items[i].kind], kind))
      return &lane->items[i];
  return NULL;
}

/* Items are sorted by start and carry the latest end so far (reach), so
 * both ends of the visible run are found by bisection. */
void
pb_timeline_lane_visible_items (const PbTimelineLane *lane, PbInstant from, PbInstant to,
                                guint *first, guint *last)
{
  guint low = 0, high;

  g_return_if_fail (lane != NULL && first != NULL && last != NULL);

  high = lane->n_items;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (lane->items[mid].reach < from)
        low = mid + 1;
      else
        high = mid;
    }
  *first = low;
  high = lane->n_items;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (lane->items[mid].start <= to)
        low = mid + 1;
      else
        high = mid;
    }
  *last = low;
}

gboolean
pb_timeline_item_is_mark (const PbTimelineItem *item)
{
  switch (item->kind)
    {
    case PB_TIMELINE_ITEM_EXPANSION:
    case PB_TIMELINE_ITEM_VOID:
    case PB_TIMELINE_ITEM_EXPIRED:
    case PB_TIMELINE_ITEM_UNSUBSCRIBED:
    case PB_TIMELINE_ITEM_USED_UP:
    case PB_TIMELINE_ITEM_EXPIRED_UNUSED:
    case PB_TIMELINE_ITEM_ALARM:
    case PB_TIMELINE_ITEM_REJECTED:
    case PB_TIMELINE_ITEM_BIND_BY:
    case PB_TIMELINE_ITEM_USE_BY:
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
pb_timeline_item_state (const PbTimelineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  switch (item->kind)
    {
    case PB_TIMELINE_ITEM_TERM: return "active";
    case PB_TIMELINE_ITEM_LAPSED: return "expired";
    case PB_TIMELINE_ITEM_BINDING: return "unbound";
    case PB_TIMELINE_ITEM_USABLE: return "active";
    case PB_TIMELINE_ITEM_SUSPENDED: return "suspended";
    case PB_TIMELINE_ITEM_BROADCAST: return "broadcast";
    case PB_TIMELINE_ITEM_EXPANSION: return "expansion";
    case PB_TIMELINE_ITEM_VOID: return "void";
    case PB_TIMELINE_ITEM_EXPIRED: return "expired";
    case PB_TIMELINE_ITEM_MONTH: return "billed";
    case PB_TIMELINE_ITEM_SUBSCRIBED: return "active";
    case PB_TIMELINE_ITEM_UNSUBSCRIBED: return "unsubscribed";
    case PB_TIMELINE_ITEM_VALIDITY: return "valid";
    case PB_TIMELINE_ITEM_USED_UP: return "used-up";
    case PB_TIMELINE_ITEM_EXPIRED_UNUSED: return "expired";
    case PB_TIMELINE_ITEM_ALARM: return "alarm";
    case PB_TIMELINE_ITEM_REJECTED: return "rejected";
    case PB_TIMELINE_ITEM_BIND_BY: return "bind-by";
    case PB_TIMELINE_ITEM_ASSUMED: return "assumed";
    case PB_TIMELINE_ITEM_USE_BY: return "use-by";
    case PB_TIMELINE_N_ITEM_KINDS:
    default: g_return_val_if_reached (NULL);
    }
}

const char *
pb_timeline_item_kind_name (PbTimelineItemKind kind)
{
  switch (kind)
    {
    case PB_TIMELINE_ITEM_TERM: return _("Base fee term");
    case PB_TIMELINE_ITEM_LAPSED: return _("Lapsed");
    case PB_TIMELINE_ITEM_BINDING: return _("Binding window");
    case PB_TIMELINE_ITEM_USABLE: return _("Usable");
    case PB_TIMELINE_ITEM_SUSPENDED: return _("Suspended");
    case PB_TIMELINE_ITEM_BROADCAST: return _("Broadcast");
    case PB_TIMELINE_ITEM_EXPANSION: return _("Expansion");
    case PB_TIMELINE_ITEM_VOID: return _("Void");
    case PB_TIMELINE_ITEM_EXPIRED: return _("Expired");
    case PB_TIMELINE_ITEM_MONTH: return _("Billed month");
    case PB_TIMELINE_ITEM_SUBSCRIBED: return _("Subscribed");
    case PB_TIMELINE_ITEM_UNSUBSCRIBED: return _("Unsubscribed");
    case PB_TIMELINE_ITEM_VALIDITY: return _("Valid");
    case PB_TIMELINE_ITEM_USED_UP: return _("Used up");
    case PB_TIMELINE_ITEM_EXPIRED_UNUSED: return _("Expired unused");
    case PB_TIMELINE_ITEM_ALARM: return _("Alarm");
    case PB_TIMELINE_ITEM_REJECTED: return _("Rejected");
    case PB_TIMELINE_ITEM_BIND_BY: return _("Bind by");
    case PB_TIMELINE_ITEM_ASSUMED: return _("Usable if bound in time");
    case PB_TIMELINE_ITEM_USE_BY: return _("Usable until");
    case PB_TIMELINE_N_ITEM_KINDS:
    default: g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------------------ */
/* Words                                                              */

static char *
lane_name (const PbTimelineLane *lane)
{
  switch (lane->kind)
    {
    case PB_TIMELINE_LANE_CODE: return g_strdup_printf (_("Code %s"), lane->id);
    case PB_TIMELINE_LANE_NUMBER: return g_strdup_printf (_("Number %s"), lane->id);
    case PB_TIMELINE_LANE_PACKAGE: return g_strdup_printf (_("Package %s"), lane->id);
    case PB_TIMELINE_LANE_GROUP:
    case PB_TIMELINE_LANE_BASE_FEE:
    case PB_TIMELINE_LANE_BALANCE:
    case PB_TIMELINE_LANE_EVENTS:
    default: return g_strdup (lane->title);
    }
}

static char *
when_text (const PbTimelineItem *item)
{
  g_autofree char *start = pb_time_format_display (item->start);
  g_autofree char *end = NULL;

  if (pb_timeline_item_is_mark (item))
    return g_strdup_printf (_("At %s"), start);
  if (item->end == PB_INSTANT_FOREVER)
    return g_strdup_printf (_("From %s, not ended"), start);
  end = pb_time_format_display (item->end);
  /* TRANSLATORS: a half-open span: valid at the start, not at the end */
  return g_strdup_printf (_("From %s until %s"), start, end);
}

static char *
why_term (const PbTimelineItem *item)
{
  g_autofree char *bought = pb_time_format_display (item->value);

  if (item->value2 == 0)
    return g_strdup_printf (_("Bought at %s: valid for one year, gifts a Flagship code (EL-3)."), bought);
  if (item->value2 == 1)
    return g_strdup_printf (_("Renewal bought at %s while valid: one more year from the previous end (EL-10)."),
                            bought);
  return g_strdup_printf (_("Bought at %s after the base fee had lapsed: a new term from the purchase (EL-10)."),
                          bought);
}

static char *
why_binding (PbTimeline *self, const PbTimelineItem *item)
{
  const PbTimelineLane *lane = &g_array_index (self->lanes, PbTimelineLane, item->lane);
  const PbLifecycleCode *code = pb_lifecycle_lookup_code (self->lifecycle, lane->id);
  g_autofree char *deadline = pb_time_format_display (item->value);

  if (lane->proposed && code != NULL && code->bound_at == PB_INSTANT_NONE)
    return g_strdup_printf (_("To be bound strictly before %s; its year starts at the binding (EL-7, EL-8)."),
                            deadline);
  if (code != NULL && code->bound_at != PB_INSTANT_NONE)
    return g_strdup_printf (_("Bound before the deadline %s (EL-7)."), deadline);
  if (code != NULL && code->void_at != PB_INSTANT_NONE)
    return g_strdup_printf (_("Not bound before the deadline %s: the code is void (EL-7)."), deadline);
  return g_strdup_printf (_("Must be bound strictly before %s, or it becomes void (EL-7)."), deadline);
}

static char *
why_assumed (const PbTimelineItem *item)
{
  g_autofree char *deadline = pb_time_format_display (item->value);
  g_autofree char *end = pb_time_format_display (item->end);

  if (item->value2)
    return g_strdup_printf (_("An assumption: bound just before %s, the code is usable until %s, when the base "
                              "fee ends unless renewed (EL-8)."), deadline, end);
  return g_strdup_printf (_("An assumption: bound just before %s, the code is usable for one year, until %s "
                            "(EL-8)."), deadline, end);
}

static char *
why_item (PbTimeline *self, const PbTimelineItem *item)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  switch (item->kind)
    {
    case PB_TIMELINE_ITEM_TERM:
      return why_term (item);
    case PB_TIMELINE_ITEM_LAPSED:
      return g_strdup (_("No valid base fee: every code is suspended and nothing can be bought or bound (EL-7, EL-8)."));
    case PB_TIMELINE_ITEM_BINDING:
      return why_binding (self, item);
    case PB_TIMELINE_ITEM_USABLE:
      return g_strdup (_("Bound, within its year, and the base fee is valid: the code can broadcast (EL-8)."));
    case PB_TIMELINE_ITEM_SUSPENDED:
      return g_strdup (_("The base fee has lapsed: the code cannot be used until a renewal, and its own validity does not move (EL-8)."));
    case PB_TIMELINE_ITEM_BROADCAST:
      a = pb_format_count (item->value);
      b = pb_format_count (item->value2);
      return g_strdup_printf (_("%s viewers for %s minutes (EL-9)."), a, b);
    case PB_TIMELINE_ITEM_EXPANSION:
      a = pb_format_count (item->value);
      return g_strdup_printf (_("%s more viewers, bought after the code; they end when the code ends (EL-6)."), a);
    case PB_TIMELINE_ITEM_VOID:
      return g_strdup (_("Not bound within two months of purchase: the code is void (EL-7)."));
    case PB_TIMELINE_ITEM_EXPIRED:
      return g_strdup (_("One year after binding the code expires; codes cannot be renewed (EL-8)."));
    case PB_TIMELINE_ITEM_MONTH:
      a = pb_time_format_date (item->start);
      a[7] = '\0';
      return g_strdup_printf (_("%s is billed as a whole month (VM-3, VM-4)."), a);
    case PB_TIMELINE_ITEM_SUBSCRIBED:
      return g_strdup (_("Active: every month from the activation's on is billed (VM-3)."));
    case PB_TIMELINE_ITEM_UNSUBSCRIBED:
      return g_strdup (_("Unsubscribed: no fee from the following month (VM-4)."));
    case PB_TIMELINE_ITEM_VALIDITY:
      a = pb_format_count (item->value);
      return g_strdup_printf (_("%s minutes, valid until the end of the span (VM-9)."), a);
    case PB_TIMELINE_ITEM_USED_UP:
      return g_strdup (_("The balance reaches zero: calls take the next package's minutes, or fail (VM-8)."));
    case PB_TIMELINE_ITEM_EXPIRED_UNUSED:
      a = pb_format_count (item->value);
      return g_strdup_printf (_("%s minutes expire unused and are lost (VM-9)."), a);
    case PB_TIMELINE_ITEM_ALARM:
      a = pb_format_count (item->value);
      b = pb_format_count (item->value2);
      if (item->text != NULL)
        return g_strdup_printf (_("%s numbers are active, more than the advised %s (VM-11)."), a, b);
      return g_strdup_printf (_("The minutes left (%s) fell below the alarm threshold of %s (VM-11)."), a, b);
    case PB_TIMELINE_ITEM_REJECTED:
      return g_strdup_printf (_("Event %u (%s) was rejected: %s."), item->event,
                              pb_event_type_to_string ((PbEventType) item->value), item->text);
    case PB_TIMELINE_ITEM_BIND_BY:
      a = pb_time_format_display (item->value);
      return g_strdup_printf (_("Bind the code strictly before %s, while the base fee is valid (EL-7)."), a);
    case PB_TIMELINE_ITEM_ASSUMED:
      return why_assumed (item);
    case PB_TIMELINE_ITEM_USE_BY:
      a = pb_format_count (item->value);
      b = pb_time_format_display (item->start);
      return g_strdup_printf (_("%s minutes to use until %s (VM-9)."), a, b);
    case PB_TIMELINE_N_ITEM_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The state in words for people; pb_timeline_item_state() keeps the
 * contract's words for files and tests. */
static const char *
state_label (const PbTimelineItem *item)
{
  switch (item->kind)
    {
    case PB_TIMELINE_ITEM_TERM:
    case PB_TIMELINE_ITEM_USABLE:
    case PB_TIMELINE_ITEM_SUBSCRIBED: return _("active");
    case PB_TIMELINE_ITEM_LAPSED:
    case PB_TIMELINE_ITEM_EXPIRED:
    case PB_TIMELINE_ITEM_EXPIRED_UNUSED: return _("expired");
    case PB_TIMELINE_ITEM_BINDING: return _("not bound yet");
    case PB_TIMELINE_ITEM_SUSPENDED: return _("suspended");
    case PB_TIMELINE_ITEM_BROADCAST: return _("broadcast");
    case PB_TIMELINE_ITEM_EXPANSION: return _("expansion");
    case PB_TIMELINE_ITEM_VOID: return _("void");
    case PB_TIMELINE_ITEM_MONTH: return _("billed");
    case PB_TIMELINE_ITEM_UNSUBSCRIBED: return _("unsubscribed");
    case PB_TIMELINE_ITEM_VALIDITY: return _("valid");
    case PB_TIMELINE_ITEM_USED_UP: return _("used up");
    case PB_TIMELINE_ITEM_ALARM: return _("alarm");
    case PB_TIMELINE_ITEM_REJECTED: return _("rejected");
    case PB_TIMELINE_ITEM_BIND_BY: return _("to bind");
    case PB_TIMELINE_ITEM_ASSUMED: return _("assumed");
    case PB_TIMELINE_ITEM_USE_BY: return _("valid");
    case PB_TIMELINE_N_ITEM_KINDS:
    default: return pb_timeline_item_state (item);
    }
}

char *
pb_timeline_describe_item (PbTimeline *self, const PbTimelineItem *item)
{
  const PbTimelineLane *lane;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *why = NULL;
  g_autofree char *rule = NULL;

  g_return_val_if_fail (PB_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (item != NULL && item->lane < self->lanes->len, NULL);

  lane = &g_array_index (self->lanes, PbTimelineLane, item->lane);
  name = lane_name (lane);
  when = when_text (item);
  why = why_item (self, item);
  if (item->event != PB_NO_EVENT)
    rule = g_strdup_printf (_("Rule %s · event %u"), item->rule, item->event);
  else
    rule = g_strdup_printf (_("Rule %s"), item->rule);
  /* TRANSLATORS: lane — item kind / when / state / why / rule */
  return g_strdup_printf (_("%s — %s\n%s\nState: %s\n%s\n%s"), name,
                          pb_timeline_item_kind_name (item->kind), when, state_label (item),
                          why, rule);
}

/* ------------------------------------------------------------------ */
/* Geometry                                                           */

static double
time_width (const PbTimelineViewport *viewport)
{
  return MAX (1.0, viewport->width - viewport->label_width);
}

double
pb_timeline_viewport_x (const PbTimelineViewport *viewport, PbInstant instant)
{
  g_return_val_if_fail (viewport != NULL && viewport->to > viewport->from, 0);
  return viewport->label_width
         + (double) (instant - viewport->from) * time_width (viewport) / (double) (viewport->to - viewport->from);
}

PbInstant
pb_timeline_viewport_instant (const PbTimelineViewport *viewport, double x)
{
  double seconds;

  g_return_val_if_fail (viewport != NULL && viewport->to > viewport->from, 0);
  seconds = (x - viewport->label_width) * (double) (viewport->to - viewport->from) / time_width (viewport);
  return viewport->from + (PbInstant) floor (seconds);
}

/* The vertical band an item takes in its lane: marks the whole lane, the
 * thin extras (broadcasts, a number's activation) a strip at the bottom. */
static void
item_band (const PbTimelineLane *lane, const PbTimelineItem *item, double *top, double *bottom)
{
  double h = lane->height;

  switch (item->kind)
    {
    case PB_TIMELINE_ITEM_BROADCAST:
      *top = h - 10;
      *bottom = h - 4;
      break;
    case PB_TIMELINE_ITEM_BINDING:
    case PB_TIMELINE_ITEM_USABLE:
    case PB_TIMELINE_ITEM_SUSPENDED:
    case PB_TIMELINE_ITEM_ASSUMED:
      *top = LANE_PAD;
      *bottom = h - 12;
      break;
    case PB_TIMELINE_ITEM_MONTH:
      *top = LANE_PAD;
      *bottom = h - 12;
      break;
    case PB_TIMELINE_ITEM_SUBSCRIBED:
      *top = h - 10;
      *bottom = h - 5;
      break;
    default:
      *top = pb_timeline_item_is_mark (item) ? 3 : LANE_PAD;
      *bottom = h - (pb_timeline_item_is_mark (item) ? 3 : LANE_PAD);
      break;
    }
}

static double
clamp_x (const PbTimelineViewport *viewport, PbInstant instant)
{
  if (instant == PB_INSTANT_FOREVER)
    return viewport->width + 16;
  /* Far outside the view only the side matters; cairo's coordinates are
   * limited, so stop a little past the edges. */
  return CLAMP (pb_timeline_viewport_x (viewport, instant), viewport->label_width - 16, viewport->width + 16);
}

gboolean
pb_timeline_item_bounds (PbTimeline *self, const PbTimelineViewport *viewport, const PbTimelineItem *item,
                         double *x, double *y, double *width, double *height)
{
  const PbTimelineLane *lane;
  double x0, x1, top, bottom, lane_top;

  g_return_val_if_fail (PB_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (viewport != NULL && item != NULL && item->lane < self->lanes->len, FALSE);

  lane = &g_array_index (self->lanes, PbTimelineLane, item->lane);
  item_band (lane, item, &top, &bottom);
  lane_top = viewport->ruler_height + lane->y - viewport->scroll_y;
  if (pb_timeline_item_is_mark (item))
    {
      double cx = clamp_x (viewport, item->start);

      x0 = cx - MARK_HALF_WIDTH;
      x1 = cx + MARK_HALF_WIDTH;
    }
  else
    {
      x0 = clamp_x (viewport, item->start);
      x1 = clamp_x (viewport, item->end);
    }
  *x = x0;
  *y = lane_top + top;
  *width = x1 - x0;
  *height = bottom - top;
  return x1 >= viewport->label_width && x0 <= viewport->width && *y + *height >= viewport->ruler_height
         && *y <= viewport->height;
}

static gint
lane_at (PbTimeline *self, double content_y)
{
  guint low = 0, high = self->lanes->len;

  if (content_y < 0 || content_y >= self->content_height)
    return -1;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const PbTimelineLane *lane = &g_array_index (self->lanes, PbTimelineLane, mid);

      if (lane->y + lane->height <= content_y)
        low = mid + 1;
      else
        high = mid;
    }
  return low < self->lanes->len ? (gint) low : -1;
}

static const PbTimelineItem *
item_at (PbTimeline *self, const PbTimelineViewport *viewport, const PbTimelineLane *lane, double x, double y)
{
  double seconds_per_unit = (double) (viewport->to - viewport->from) / time_width (viewport);
  gint64 tolerance = (gint64) ceil (MAX (MARK_HALF_WIDTH, MIN_HIT_WIDTH) * seconds_per_unit) + 1;
  PbInstant at = pb_timeline_viewport_instant (viewport, x);
  const PbTimelineItem *best_mark = NULL, *best_span = NULL;
  double best_distance = G_MAXDOUBLE;
  guint first, last;

  pb_timeline_lane_visible_items (lane, at - tolerance, at + tolerance, &first, &last);
  for (guint i = first; i < last; i++)
    {
      const PbTimelineItem *item = &lane->items[i];
      double ix, iy, iw, ih;

      pb_timeline_item_bounds (self, viewport, item, &ix, &iy, &iw, &ih);
      if (y < iy || y > iy + ih)
        continue;
      if (pb_timeline_item_is_mark (item))
        {
          double distance = fabs (x - (ix + iw / 2));

          /* The nearest mark wins; the later one when they coincide. */
          if (distance <= MARK_HALF_WIDTH && distance <= best_distance)
            {
              best_distance = distance;
              best_mark = item;
            }
        }
      else
        {
          /* A span too narrow to aim at gets a few units around its middle. */
          if (iw < MIN_HIT_WIDTH)
            {
              ix += iw / 2 - MIN_HIT_WIDTH / 2;
              iw = MIN_HIT_WIDTH;
            }
          /* Half-open: the instant at x belongs to the span starting there. */
          if (x >= ix && x < ix + iw)
            best_span = item;
        }
    }
  return best_mark != NULL ? best_mark : best_span;
}

void
pb_timeline_hit_test (PbTimeline *self, const PbTimelineViewport *viewport, double x, double y,
                      PbTimelineHit *hit)
{
  g_return_if_fail (PB_IS_TIMELINE (self));
  g_return_if_fail (viewport != NULL && hit != NULL);

  hit->area = PB_TIMELINE_AREA_NONE;
  hit->instant = PB_INSTANT_NONE;
  hit->lane = -1;
  hit->item = NULL;
  if (x < 0 || y < 0 || x >= viewport->width || y >= viewport->height)
    return;
  if (x >= viewport->label_width)
    hit->instant = pb_timeline_viewport_instant (viewport, x);
  if (y < viewport->ruler_height)
    {
      hit->area = x >= viewport->label_width ? PB_TIMELINE_AREA_RULER : PB_TIMELINE_AREA_NONE;
      return;
    }
  hit->lane = lane_at (self, y - viewport->ruler_height + viewport->scroll_y);
  if (x < viewport->label_width)
    {
      hit->area = hit->lane >= 0 ? PB_TIMELINE_AREA_LABEL : PB_TIMELINE_AREA_NONE;
      return;
    }
  hit->area = PB_TIMELINE_AREA_LANE;
  if (hit->lane >= 0)
    hit->item = item_at (self, viewport, &g_array_index (self->lanes, PbTimelineLane, hit->lane), x, y);
}

/* ------------------------------------------------------------------ */
/* The visible span                                                   */

#define LIMIT_FROM PB_INSTANT_MIN
#define LIMIT_TO   (PB_INSTANT_MAX + 1)

void
pb_timeline_span_clamp (PbInstant *from, PbInstant *to)
{
  gint64 length;

  g_return_if_fail (from != NULL && to != NULL);

  /* The length first (a reversed span becomes the shortest one), then the
   * span moves, whole, inside the range of instants. */
  if (*to <= *from)
    length = PB_TIMELINE_MIN_SPAN;
  else if ((guint64) *to - (guint64) *from > (guint64) PB_TIMELINE_MAX_SPAN)
    length = PB_TIMELINE_MAX_SPAN;
  else
    length = MAX (*to - *from, PB_TIMELINE_MIN_SPAN);
  *from = CLAMP (*from, LIMIT_FROM, LIMIT_TO - length);
  *to = *from + length;
}

void
pb_timeline_span_zoom (PbInstant *from, PbInstant *to, double factor, PbInstant anchor)
{
  double length, fraction, new_length;
  PbInstant new_from;

  g_return_if_fail (from != NULL && to != NULL);
  g_return_if_fail (factor > 0 && isfinite (factor));

  pb_timeline_span_clamp (from, to);
  length = (double) (*to - *from);
  fraction = CLAMP ((double) (anchor - *from) / length, 0.0, 1.0);
  new_length = CLAMP (round (length / factor), (double) PB_TIMELINE_MIN_SPAN, (double) PB_TIMELINE_MAX_SPAN);
  /* The anchor keeps its fraction of the span: under the pointer, it
   * stays under the pointer. */
  new_from = (PbInstant) llround ((double) CLAMP (anchor, *from, *to) - fraction * new_length);
  *from = new_from;
  *to = new_from + (PbInstant) new_length;
  pb_timeline_span_clamp (from, to);
}

void
pb_timeline_span_pan (PbInstant *from, PbInstant *to, gint64 seconds)
{
  gint64 length;

  g_return_if_fail (from != NULL && to != NULL);

  pb_timeline_span_clamp (from, to);
  length = *to - *from;
  seconds = CLAMP (seconds, LIMIT_FROM - *from, LIMIT_TO - *to);
  *from += seconds;
  *to = *from + length;
}
