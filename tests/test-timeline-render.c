/* test-timeline-render.c: the timeline's lanes, visible-span maths, hit
 * testing, ruler and drawing, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected instants come from the rules (EL-T1: 2020-01-01 12:00 plus one
 * year is 2020-12-31 12:00; VM-9: a package lasts 24 months), written in
 * +08:00, so that the suite's three time zones prove nothing depends on
 * the machine's.
 */
#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "pb-test.h"
#include "pb-timeline-private.h"
#include "pb-timeline-render.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                            */

static PbInstant
at (const char *text)
{
  g_autoptr(GError) error = NULL;
  PbInstant instant = 0;

  g_assert_true (pb_time_parse (text, &instant, &error));
  g_assert_no_error (error);
  return instant;
}

static void
assert_instant (PbInstant instant, const char *expected)
{
  g_autofree char *text = pb_time_format (instant);

  g_assert_cmpstr (text, ==, expected);
}

/* A test scenario, or (with a "resource:" prefix) a shipped one. */
static PbTimeline *
load_timeline (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (&error);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "scenarios", name, NULL);
  g_autofree char *resource = g_strconcat (PB_SCENARIO_RESOURCE_DIR, name + strlen ("resource:"), NULL);
  g_autoptr(PbScenario) scenario = NULL;
  g_autoptr(PbLifecycle) lifecycle = NULL;

  g_assert_no_error (error);
  if (g_str_has_prefix (name, "resource:"))
    scenario = pb_scenario_new_from_resource (resource, catalog, &error);
  else
    scenario = pb_scenario_new_from_file (path, catalog, &error);
  g_assert_no_error (error);
  lifecycle = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, &error);
  g_assert_no_error (error);
  return pb_timeline_new (lifecycle, catalog);
}

static const PbTimelineLane *
lane (PbTimeline *timeline, const char *key)
{
  gint index = pb_timeline_find_lane (timeline, key);

  if (index < 0)
    g_error ("no lane “%s”", key);
  return pb_timeline_get_lane (timeline, index);
}

/* The @n-th item of @kind in lane @key. */
static const PbTimelineItem *
item (PbTimeline *timeline, const char *key, PbTimelineItemKind kind, guint n)
{
  const PbTimelineLane *l = lane (timeline, key);

  for (guint i = 0; i < l->n_items; i++)
    if (l->items[i].kind == kind && n-- == 0)
      return &l->items[i];
  return NULL;
}

static guint
count_kind (PbTimeline *timeline, const char *key, PbTimelineItemKind kind)
{
  const PbTimelineLane *l = lane (timeline, key);
  guint n = 0;

  for (guint i = 0; i < l->n_items; i++)
    n += l->items[i].kind == kind;
  return n;
}

static void
assert_span (const PbTimelineItem *it, const char *start, const char *end, const char *rule)
{
  g_assert_nonnull (it);
  assert_instant (it->start, start);
  if (end == NULL)
    g_assert_cmpint (it->end, ==, PB_INSTANT_FOREVER);
  else
    assert_instant (it->end, end);
  g_assert_cmpstr (it->rule, ==, rule);
}

static void
assert_mark (const PbTimelineItem *it, const char *instant, const char *rule)
{
  g_assert_nonnull (it);
  g_assert_true (pb_timeline_item_is_mark (it));
  g_assert_cmpint (it->start, ==, it->end);
  assert_instant (it->start, instant);
  g_assert_cmpstr (it->rule, ==, rule);
}

static PbTimelineViewport
viewport (PbInstant from, PbInstant to)
{
  PbTimelineViewport vp = { from, to, 1150, 600, 150, PB_TIMELINE_RULER_HEIGHT, 0 };

  return vp;
}

static double
lane_middle (const PbTimelineViewport *vp, const PbTimelineLane *l)
{
  return vp->ruler_height + l->y - vp->scroll_y + l->height * 0.4;
}

/* ------------------------------------------------------------------ */
/* Lanes                                                              */

/* The documented example, lane by lane: the two base-fee terms, code A's
 * binding and year, code B never bound and void, B's expansion. */
static void
test_lanes_customer_a (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("resource:customer-a.pbscenario");

  assert_span (item (timeline, "base-fee", PB_TIMELINE_ITEM_TERM, 0),
               "2020-01-01T12:00:00+08:00", "2020-12-31T12:00:00+08:00", "EL-3");
  assert_span (item (timeline, "base-fee", PB_TIMELINE_ITEM_TERM, 1),
               "2020-12-31T12:00:00+08:00", "2021-12-31T12:00:00+08:00", "EL-10");
  assert_span (item (timeline, "base-fee", PB_TIMELINE_ITEM_LAPSED, 0), "2021-12-31T12:00:00+08:00", NULL, "EL-8");
  g_assert_cmpuint (count_kind (timeline, "base-fee", PB_TIMELINE_ITEM_LAPSED), ==, 1);

  assert_span (item (timeline, "code:A", PB_TIMELINE_ITEM_BINDING, 0),
               "2020-01-01T12:00:00+08:00", "2020-02-01T12:00:00+08:00", "EL-7");
  assert_instant (item (timeline, "code:A", PB_TIMELINE_ITEM_BINDING, 0)->value, "2020-03-01T12:00:00+08:00");
  assert_span (item (timeline, "code:A", PB_TIMELINE_ITEM_USABLE, 0),
               "2020-02-01T12:00:00+08:00", "2021-01-31T12:00:00+08:00", "EL-8");
  g_assert_cmpuint (count_kind (timeline, "code:A", PB_TIMELINE_ITEM_SUSPENDED), ==, 0);
  assert_mark (item (timeline, "code:A", PB_TIMELINE_ITEM_EXPIRED, 0), "2021-01-31T12:00:00+08:00", "EL-8");

  /* B, gifted by the renewal at 2020-05-01 15:00, is never bound: void at
   * P + 2 calendar months (EL-7, EL-T3). */
  assert_span (item (timeline, "code:B", PB_TIMELINE_ITEM_BINDING, 0),
               "2020-05-01T15:00:00+08:00", "2020-07-01T15:00:00+08:00", "EL-7");
  assert_mark (item (timeline, "code:B", PB_TIMELINE_ITEM_VOID, 0), "2020-07-01T15:00:00+08:00", "EL-7");
  assert_mark (item (timeline, "code:B", PB_TIMELINE_ITEM_EXPANSION, 0), "2020-05-01T15:00:00+08:00", "EL-6");
  g_assert_cmpint (item (timeline, "code:B", PB_TIMELINE_ITEM_EXPANSION, 0)->value, ==, 10000);
  g_assert_nonnull (strstr (lane (timeline, "code:B")->subtitle, "30,000"));
  g_assert_cmpint (pb_timeline_find_lane (timeline, "events"), ==, -1);
  g_assert_cmpint (pb_timeline_find_lane (timeline, "balance"), ==, -1);
}

/* EL-8: without the renewal, A is suspended from the base fee's end to its
 * own expiry, and the base fee stays lapsed. */
static void
test_lanes_no_renewal (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("no-renewal.pbscenario");
  const PbTimelineLane *events = lane (timeline, "events");

  assert_span (item (timeline, "code:A", PB_TIMELINE_ITEM_USABLE, 0),
               "2020-02-01T12:00:00+08:00", "2020-12-31T12:00:00+08:00", "EL-8");
  assert_span (item (timeline, "code:A", PB_TIMELINE_ITEM_SUSPENDED, 0),
               "2020-12-31T12:00:00+08:00", "2021-01-31T12:00:00+08:00", "EL-8");
  assert_span (item (timeline, "base-fee", PB_TIMELINE_ITEM_LAPSED, 0), "2020-12-31T12:00:00+08:00", NULL, "EL-8");
  g_assert_cmpuint (count_kind (timeline, "code:A", PB_TIMELINE_ITEM_BROADCAST), ==, 1);
  assert_span (item (timeline, "code:A", PB_TIMELINE_ITEM_BROADCAST, 0),
               "2020-06-01T10:00:00+08:00", "2020-06-01T14:00:00+08:00", "EL-9");
  /* The three refused events, in time order, with their rules. */
  g_assert_cmpuint (events->n_items, ==, 3);
  g_assert_cmpstr (events->items[0].rule, ==, "EL-8");
  g_assert_cmpuint (events->items[0].event, ==, 3);
  g_assert_cmpstr (events->items[1].rule, ==, "EL-6");
  g_assert_cmpuint (events->items[1].event, ==, 4);
}

/* VM-8, VM-9: the instant each package runs dry and the minutes lost at
 * expiry.  P2 (1,000 min) expires first, so it is drawn on first; P1 (2,000)
 * follows; P3 keeps 9,999 of its 10,000 minutes until it expires 24 months
 * after purchase. */
static void
test_lanes_packages (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("packages.pbscenario");
  const PbTimelineLane *p3 = lane (timeline, "package:P3");

  /* 1 + 999 minutes: the answered 0 s call and the 59,940 s one. */
  assert_mark (item (timeline, "package:P2", PB_TIMELINE_ITEM_USED_UP, 0), "2020-03-01T10:02:00+08:00", "VM-8");
  /* 2 + 1,998 of the 1,999 the 119,940 s call needs. */
  assert_mark (item (timeline, "package:P1", PB_TIMELINE_ITEM_USED_UP, 0), "2020-03-01T10:04:00+08:00", "VM-8");
  g_assert_null (item (timeline, "package:P1", PB_TIMELINE_ITEM_EXPIRED_UNUSED, 0));
  assert_span (item (timeline, "package:P3", PB_TIMELINE_ITEM_VALIDITY, 0),
               "2020-03-02T10:00:00+08:00", "2022-03-02T10:00:00+08:00", "VM-9");
  assert_mark (item (timeline, "package:P3", PB_TIMELINE_ITEM_EXPIRED_UNUSED, 0), "2022-03-02T10:00:00+08:00", "VM-9");
  g_assert_cmpint (item (timeline, "package:P3", PB_TIMELINE_ITEM_EXPIRED_UNUSED, 0)->value, ==, 9999);
  g_assert_null (item (timeline, "package:P3", PB_TIMELINE_ITEM_USED_UP, 0));
  /* The burn-down is the package's own balance, scaled to its size. */
  g_assert_cmpint (p3->capacity, ==, 10000);
  g_assert_cmpuint (p3->n_steps, >=, 2);
  g_assert_cmpint (p3->steps[p3->n_steps - 1].remaining, ==, 0);
  g_assert_cmpint (p3->steps[p3->n_steps - 2].remaining, ==, 9999);
  /* The total's scale is its highest step: at 2020-03-02 10:00, P3's
   * 10,000 minutes less the minute called at that same instant. */
  g_assert_cmpint (lane (timeline, "balance")->capacity, ==, 9999);
}

/* VM-3, VM-4: months are China's months.  N1, active from 2020-01-31 23:00
 * to 2020-02-01 00:30 (+08:00), is billed for January and February. */
static void
test_lanes_numbers (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("numbers.pbscenario");

  g_assert_cmpuint (count_kind (timeline, "number:N1", PB_TIMELINE_ITEM_MONTH), ==, 2);
  assert_span (item (timeline, "number:N1", PB_TIMELINE_ITEM_MONTH, 0),
               "2020-01-01T00:00:00+08:00", "2020-02-01T00:00:00+08:00", "VM-3");
  assert_span (item (timeline, "number:N1", PB_TIMELINE_ITEM_MONTH, 1),
               "2020-02-01T00:00:00+08:00", "2020-03-01T00:00:00+08:00", "VM-4");
  assert_span (item (timeline, "number:N1", PB_TIMELINE_ITEM_SUBSCRIBED, 0),
               "2020-01-31T23:00:00+08:00", "2020-02-01T00:30:00+08:00", "VM-3");
  assert_mark (item (timeline, "number:N1", PB_TIMELINE_ITEM_UNSUBSCRIBED, 0), "2020-02-01T00:30:00+08:00", "VM-4");
  /* N2 was billed for March once, though activated twice in it. */
  g_assert_cmpuint (count_kind (timeline, "number:N2", PB_TIMELINE_ITEM_SUBSCRIBED), ==, 2);
  assert_span (item (timeline, "number:N2", PB_TIMELINE_ITEM_MONTH, 1),
               "2020-04-01T00:00:00+08:00", "2020-05-01T00:00:00+08:00", "VM-3");
}

/* Keys name items across replays; anything else finds nothing. */
static void
test_item_keys (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("no-renewal.pbscenario");
  g_autoptr(PbTimeline) again = load_timeline ("no-renewal.pbscenario");
  const char *bad[] = { NULL, "", "code:A", "code:A/suspended", "code:A/suspended/x", "code:A/suspended/9",
                        "code:Z/suspended/0", "code:A/nothing/0", "/suspended/0", "code:A/suspended/-1" };

  for (guint i = 0; i < pb_timeline_get_n_lanes (timeline); i++)
    {
      const PbTimelineLane *l = pb_timeline_get_lane (timeline, i);

      for (guint j = 0; j < l->n_items; j++)
        {
          g_autofree char *key = pb_timeline_item_key (timeline, &l->items[j]);
          const PbTimelineItem *found = pb_timeline_lookup_item (again, key);
          g_autofree char *key_again = pb_timeline_item_key (again, found);

          g_assert_true (pb_timeline_lookup_item (timeline, key) == &l->items[j]);
          g_assert_cmpstr (key, ==, key_again);
          g_assert_cmpint (found->start, ==, l->items[j].start);
        }
    }
  g_assert_nonnull (pb_timeline_lookup_item (timeline, "code:A/suspended/0"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_null (pb_timeline_lookup_item (timeline, bad[i]));
}

/* ------------------------------------------------------------------ */
/* A quote's projection (issue 17.7)                                  */

typedef struct
{
  PbProjection *projection;
  PbLifecycle  *lifecycle;
  PbTimeline   *sells;      /* pb_timeline_new_for_projection () */
  PbTimeline   *replay;     /* pb_timeline_new (): the replay's own truth */
} Projected;

static void
projected_init (Projected *p, PbQuote *quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (&error);

  g_assert_no_error (error);
  p->projection = pb_projection_new (quote, catalog, NULL, &error);
  g_assert_no_error (error);
  p->lifecycle = pb_lifecycle_replay_scenario (pb_projection_get_scenario (p->projection), PB_INSTANT_NONE, &error);
  g_assert_no_error (error);
  p->sells = pb_timeline_new_for_projection (p->lifecycle, catalog, NULL, p->projection);
  p->replay = pb_timeline_new (p->lifecycle, catalog);
}

static void
projected_clear (Projected *p)
{
  g_clear_object (&p->sells);
  g_clear_object (&p->replay);
  g_clear_object (&p->lifecycle);
  g_clear_object (&p->projection);
}

/* The sample is dated 2026-03-16 00:00 and proposes a year of base fee
 * (its gift G1), codes C1 and packages P1, P2, none bound or called: the
 * replay voids the codes at their deadline and lets the minutes expire,
 * and that is what a plain timeline shows.  The quote's timeline shows
 * the deadline to bind by instead (EL-7: two months, strictly before
 * 2026-05-16 00:00), then, dashed, the year a code bound at the last
 * second gives (EL-8), cut where the base fee's year ends, 2027-03-15
 * 00:00 (EL-T4), and each package's last day of use, 2028-03-16 00:00
 * (VM-9: 24 months). */
static void
test_projection_sells (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("sample.pricebook");
  const char *codes[] = { "code:G1", "code:C1" };
  const char *packages[] = { "package:P1", "package:P2" };
  Projected p;

  projected_init (&p, quote);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const PbTimelineItem *assumed = item (p.sells, codes[i], PB_TIMELINE_ITEM_ASSUMED, 0);
      g_autofree char *text = NULL;

      g_assert_true (lane (p.sells, codes[i])->proposed);
      g_assert_cmpuint (count_kind (p.sells, codes[i], PB_TIMELINE_ITEM_VOID), ==, 0);
      assert_mark (item (p.sells, codes[i], PB_TIMELINE_ITEM_BIND_BY, 0), "2026-05-16T00:00:00+08:00", "EL-7");
      assert_span (item (p.sells, codes[i], PB_TIMELINE_ITEM_BINDING, 0), "2026-03-16T00:00:00+08:00",
                   "2026-05-16T00:00:00+08:00", "EL-7");
      assert_span (assumed, "2026-05-15T23:59:59+08:00", "2027-03-15T00:00:00+08:00", "EL-8");
      g_assert_true (assumed->value2);   /* cut by the base fee, not the code's year */
      g_assert_cmpstr (pb_timeline_item_state (assumed), ==, "assumed");
      text = pb_timeline_describe_item (p.sells, item (p.sells, codes[i], PB_TIMELINE_ITEM_BINDING, 0));
      g_assert_null (strstr (text, "void"));
      /* The replay itself still says what becomes of an unbound code. */
      assert_mark (item (p.replay, codes[i], PB_TIMELINE_ITEM_VOID, 0), "2026-05-16T00:00:00+08:00", "EL-7");
      g_assert_null (item (p.replay, codes[i], PB_TIMELINE_ITEM_ASSUMED, 0));
    }
  for (guint i = 0; i < G_N_ELEMENTS (packages); i++)
    {
      g_assert_true (lane (p.sells, packages[i])->proposed);
      g_assert_cmpuint (count_kind (p.sells, packages[i], PB_TIMELINE_ITEM_EXPIRED_UNUSED), ==, 0);
      assert_mark (item (p.sells, packages[i], PB_TIMELINE_ITEM_USE_BY, 0), "2028-03-16T00:00:00+08:00", "VM-9");
      assert_mark (item (p.replay, packages[i], PB_TIMELINE_ITEM_EXPIRED_UNUSED, 0), "2028-03-16T00:00:00+08:00",
                   "VM-9");
    }
  projected_clear (&p);
}

/* The customer's history is drawn as it happened: B, gifted 2020-05-01
 * 15:00 and never bound, is void at 2020-07-01 15:00 (EL-7), while the
 * code the quote proposes on 2020-06-01 is to be bound by 2020-08-01
 * 00:00 and then usable for a year, its base fee renewed by the history
 * until 2021-12-31 12:00 (EL-8, EL-10). */
static void
test_projection_history (void)
{
  g_autoptr(PbQuote) quote = pb_test_quote ("account.pricebook");
  Projected p;

  projected_init (&p, quote);
  g_assert_false (lane (p.sells, "code:B")->proposed);
  assert_mark (item (p.sells, "code:B", PB_TIMELINE_ITEM_VOID, 0), "2020-07-01T15:00:00+08:00", "EL-7");
  g_assert_null (item (p.sells, "code:B", PB_TIMELINE_ITEM_BIND_BY, 0));
  g_assert_cmpuint (count_kind (p.sells, "code:A", PB_TIMELINE_ITEM_USABLE), ==, 1);
  g_assert_cmpuint (count_kind (p.sells, "code:C1", PB_TIMELINE_ITEM_VOID), ==, 0);
  assert_mark (item (p.sells, "code:C1", PB_TIMELINE_ITEM_BIND_BY, 0), "2020-08-01T00:00:00+08:00", "EL-7");
  /* EL-T4: one year from 2020-07-31 23:59:59 ends the day before its
   * anniversary, at the same time of day. */
  assert_span (item (p.sells, "code:C1", PB_TIMELINE_ITEM_ASSUMED, 0), "2020-07-31T23:59:59+08:00",
               "2021-07-30T23:59:59+08:00", "EL-8");
  g_assert_false (item (p.sells, "code:C1", PB_TIMELINE_ITEM_ASSUMED, 0)->value2);
  projected_clear (&p);
}

/* A base fee the customer only says is held until 2026-04-01 is a
 * stand-in: its gift has no lane.  A code proposed on 2026-03-16 can be
 * bound only while it is valid (EL-7), so at the latest 2026-03-31
 * 23:59:59, and is usable until it lapses (EL-8). */
static void
test_projection_stand_in (void)
{
  g_autoptr(PbQuote) quote = pb_quote_new ();
  g_autoptr(PbQuoteItem) codes = pb_quote_item_new (PB_ITEM_KIND_CODE);
  Projected p;

  pb_quote_item_set_tier (codes, "standard");
  pb_quote_append_item (quote, codes);
  pb_quote_set_date (quote, at ("2026-03-16T00:00:00+08:00"));
  pb_quote_set_live_base_fee_until (quote, at ("2026-04-01T00:00:00+08:00"));
  projected_init (&p, quote);
  g_assert_cmpint (pb_timeline_find_lane (p.sells, "code:G0"), ==, -1);
  g_assert_cmpint (pb_timeline_find_lane (p.replay, "code:G0"), >=, 0);
  assert_mark (item (p.sells, "code:C1", PB_TIMELINE_ITEM_BIND_BY, 0), "2026-05-16T00:00:00+08:00", "EL-7");
  assert_span (item (p.sells, "code:C1", PB_TIMELINE_ITEM_ASSUMED, 0), "2026-03-31T23:59:59+08:00",
               "2026-04-01T00:00:00+08:00", "EL-8");
  projected_clear (&p);
}

/* A scenario is no quote: its timeline says what the rules make of it,
 * whichever constructor draws it (EL-7: A bound at its deadline is void). */
static void
test_scenario_keeps_void (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("bind-after-deadline.pbscenario");
  g_autoptr(PbTimeline) again = pb_timeline_new_for_projection (pb_timeline_get_lifecycle (timeline), NULL, NULL,
                                                                NULL);

  assert_mark (item (timeline, "code:A", PB_TIMELINE_ITEM_VOID, 0), "2020-03-01T12:00:00+08:00", "EL-7");
  assert_mark (item (again, "code:A", PB_TIMELINE_ITEM_VOID, 0), "2020-03-01T12:00:00+08:00", "EL-7");
  g_assert_null (item (again, "code:A", PB_TIMELINE_ITEM_BIND_BY, 0));
  g_assert_false (lane (again, "code:A")->proposed);
}

/* The details: both instants in +08:00, written as the window writes
 * them (never the files' ISO form), the state and the rule. */
static void
test_describe (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("no-renewal.pbscenario");
  g_autofree char *suspended = pb_timeline_describe_item (timeline, item (timeline, "code:A", PB_TIMELINE_ITEM_SUSPENDED, 0));
  g_autofree char *expired = pb_timeline_describe_item (timeline, item (timeline, "code:A", PB_TIMELINE_ITEM_EXPIRED, 0));

  g_assert_nonnull (strstr (suspended, "2020-12-31 12:00"));
  g_assert_nonnull (strstr (suspended, "2021-01-31 12:00"));
  g_assert_nonnull (strstr (suspended, "suspended"));
  g_assert_nonnull (strstr (suspended, "EL-8"));
  g_assert_nonnull (strstr (expired, "2021-01-31 12:00"));
  g_assert_nonnull (strstr (expired, "expired"));
  g_assert_null (strstr (suspended, "T12:00:00+08:00"));
  g_assert_null (strstr (expired, "T12:00:00+08:00"));
}

/* ------------------------------------------------------------------ */
/* The visible span                                                   */

static void
test_span_zoom_anchored (void)
{
  PbInstant from = at ("2020-01-01T00:00:00+08:00"), to = at ("2021-01-01T00:00:00+08:00");
  PbInstant anchor = from + (to - from) * 3 / 10;
  double before = (double) (anchor - from) / (double) (to - from);
  gint64 length = to - from;

  pb_timeline_span_zoom (&from, &to, 4.0, anchor);
  g_assert_cmpint (llabs ((to - from) - length / 4), <=, 1);
  /* The anchor keeps its place: what was under the pointer stays there. */
  g_assert_cmpfloat (fabs ((double) (anchor - from) / (double) (to - from) - before), <, 1e-6);

  pb_timeline_span_zoom (&from, &to, 0.25, anchor);
  g_assert_cmpint (llabs ((to - from) - length), <=, 2);
  g_assert_cmpfloat (fabs ((double) (anchor - from) / (double) (to - from) - before), <, 1e-6);

  /* An anchor outside the span zooms at the nearer edge. */
  from = at ("2020-01-01T00:00:00+08:00");
  to = at ("2020-01-02T00:00:00+08:00");
  pb_timeline_span_zoom (&from, &to, 2.0, at ("2030-01-01T00:00:00+08:00"));
  assert_instant (to, "2020-01-02T00:00:00+08:00");
  assert_instant (from, "2020-01-01T12:00:00+08:00");
}

static void
test_span_clamped (void)
{
  PbInstant from = at ("2020-06-01T00:00:00+08:00"), to = at ("2020-06-02T00:00:00+08:00");
  PbInstant anchor = at ("2020-06-01T06:00:00+08:00");

  /* Never less than ten minutes, around the anchor. */
  pb_timeline_span_zoom (&from, &to, 1e9, anchor);
  g_assert_cmpint (to - from, ==, PB_TIMELINE_MIN_SPAN);
  g_assert_cmpint (from, <=, anchor);
  g_assert_cmpint (to, >=, anchor);

  /* Never more than the supported range, and never outside it. */
  pb_timeline_span_zoom (&from, &to, 1e-9, anchor);
  g_assert_cmpint (to - from, ==, PB_TIMELINE_MAX_SPAN);
  g_assert_cmpint (from, ==, PB_INSTANT_MIN);
  g_assert_cmpint (to, ==, PB_INSTANT_MAX + 1);

  /* Panning stops at the ends and keeps the length. */
  from = at ("2020-06-01T00:00:00+08:00");
  to = at ("2020-06-02T00:00:00+08:00");
  pb_timeline_span_pan (&from, &to, -G_MAXINT64 / 2);
  g_assert_cmpint (from, ==, PB_INSTANT_MIN);
  g_assert_cmpint (to - from, ==, PB_SECONDS_PER_DAY);
  pb_timeline_span_pan (&from, &to, G_MAXINT64 / 2);
  g_assert_cmpint (to, ==, PB_INSTANT_MAX + 1);
  g_assert_cmpint (to - from, ==, PB_SECONDS_PER_DAY);
  pb_timeline_span_pan (&from, &to, -PB_SECONDS_PER_DAY);
  g_assert_cmpint (to, ==, PB_INSTANT_MAX + 1 - PB_SECONDS_PER_DAY);

  /* A reversed or empty span becomes the shortest one at its start. */
  from = at ("2020-06-02T00:00:00+08:00");
  to = at ("2020-06-01T00:00:00+08:00");
  pb_timeline_span_clamp (&from, &to);
  assert_instant (from, "2020-06-02T00:00:00+08:00");
  g_assert_cmpint (to - from, ==, PB_TIMELINE_MIN_SPAN);
  from = G_MININT64;
  to = G_MAXINT64;
  pb_timeline_span_clamp (&from, &to);
  g_assert_cmpint (from, ==, PB_INSTANT_MIN);
  g_assert_cmpint (to - from, ==, PB_TIMELINE_MAX_SPAN);
}

static void
test_viewport_mapping (void)
{
  PbTimelineViewport vp = viewport (at ("2020-01-01T00:00:00+08:00"), at ("2020-01-01T10:00:00+08:00"));

  /* 1,000 units for ten hours: 36 s a unit. */
  g_assert_cmpfloat (pb_timeline_viewport_x (&vp, vp.from), ==, 150);
  g_assert_cmpfloat (pb_timeline_viewport_x (&vp, vp.to), ==, 1150);
  g_assert_cmpfloat (pb_timeline_viewport_x (&vp, at ("2020-01-01T05:00:00+08:00")), ==, 650);
  assert_instant (pb_timeline_viewport_instant (&vp, 650), "2020-01-01T05:00:00+08:00");
  assert_instant (pb_timeline_viewport_instant (&vp, 150.5), "2020-01-01T00:00:18+08:00");
  for (double x = 150; x < 1150; x += 37.25)
    g_assert_cmpfloat (fabs (pb_timeline_viewport_x (&vp, pb_timeline_viewport_instant (&vp, x)) - x), <, 1.0 / 36 + 1e-9);
}

/* ------------------------------------------------------------------ */
/* Hit testing                                                        */

/* EL-8: one unit for two hours around the lapse; the instant at x belongs to
 * the span that starts there (half-open). */
static void
test_hit_test_no_renewal (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("no-renewal.pbscenario");
  PbInstant lapse = at ("2020-12-31T12:00:00+08:00");
  PbTimelineViewport vp = viewport (lapse - 1000 * 3600, lapse + 1000 * 3600);
  const PbTimelineLane *a = lane (timeline, "code:A");
  double x = pb_timeline_viewport_x (&vp, lapse), y = lane_middle (&vp, a);
  PbTimelineHit hit;

  g_assert_cmpfloat (x, ==, 650);
  pb_timeline_hit_test (timeline, &vp, x - 0.5, y, &hit);
  g_assert_cmpint (hit.area, ==, PB_TIMELINE_AREA_LANE);
  g_assert_cmpint (hit.lane, ==, pb_timeline_find_lane (timeline, "code:A"));
  g_assert_nonnull (hit.item);
  g_assert_cmpint (hit.item->kind, ==, PB_TIMELINE_ITEM_USABLE);
  pb_timeline_hit_test (timeline, &vp, x, y, &hit);
  g_assert_cmpint (hit.item->kind, ==, PB_TIMELINE_ITEM_SUSPENDED);
  assert_instant (hit.item->start, "2020-12-31T12:00:00+08:00");
  assert_instant (hit.instant, "2020-12-31T12:00:00+08:00");

  /* The base fee lapses at the same instant, one lane up. */
  pb_timeline_hit_test (timeline, &vp, x + 0.5, lane_middle (&vp, lane (timeline, "base-fee")), &hit);
  g_assert_cmpint (hit.item->kind, ==, PB_TIMELINE_ITEM_LAPSED);

  /* The expiry mark is hit a few units either side of its instant. */
  x = pb_timeline_viewport_x (&vp, at ("2021-01-31T12:00:00+08:00"));
  for (double dx = -4; dx <= 4; dx += 2)
    {
      pb_timeline_hit_test (timeline, &vp, x + dx, y, &hit);
      g_assert_cmpint (hit.item->kind, ==, PB_TIMELINE_ITEM_EXPIRED);
    }
  pb_timeline_hit_test (timeline, &vp, x + 8, y, &hit);
  g_assert_null (hit.item);

  /* The names, the ruler, the empty space below the lanes. */
  pb_timeline_hit_test (timeline, &vp, 20, y, &hit);
  g_assert_cmpint (hit.area, ==, PB_TIMELINE_AREA_LABEL);
  g_assert_cmpint (hit.lane, ==, pb_timeline_find_lane (timeline, "code:A"));
  g_assert_null (hit.item);
  pb_timeline_hit_test (timeline, &vp, 650, 10, &hit);
  g_assert_cmpint (hit.area, ==, PB_TIMELINE_AREA_RULER);
  assert_instant (hit.instant, "2020-12-31T12:00:00+08:00");
  pb_timeline_hit_test (timeline, &vp, 650, vp.height - 1, &hit);
  g_assert_cmpint (hit.lane, ==, -1);
  g_assert_null (hit.item);
  pb_timeline_hit_test (timeline, &vp, 650, vp.height + 1, &hit);
  g_assert_cmpint (hit.area, ==, PB_TIMELINE_AREA_NONE);

  /* Scrolled up by a lane, the point shows the next lane down. */
  vp.scroll_y = a->height;
  pb_timeline_hit_test (timeline, &vp, 650, y, &hit);
  g_assert_cmpint (hit.lane, ==, pb_timeline_find_lane (timeline, "code:A") + 1);
}

/* A span narrower than a unit can still be aimed at (a 4 h broadcast on a
 * scale of years). */
static void
test_hit_test_narrow (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("no-renewal.pbscenario");
  PbTimelineViewport vp = viewport (at ("2020-01-01T00:00:00+08:00"), at ("2022-01-01T00:00:00+08:00"));
  const PbTimelineItem *broadcast = item (timeline, "code:A", PB_TIMELINE_ITEM_BROADCAST, 0);
  double x, y, w, h;
  PbTimelineHit hit;

  g_assert_true (pb_timeline_item_bounds (timeline, &vp, broadcast, &x, &y, &w, &h));
  g_assert_cmpfloat (w, <, 1);
  pb_timeline_hit_test (timeline, &vp, x + 1, y + h / 2, &hit);
  g_assert_true (hit.item == broadcast);
}

/* ------------------------------------------------------------------ */
/* The ruler                                                          */

static void
assert_ticks (const char *from_text, const char *to_text, double width, PbTimelineUnit unit,
              const char *first, const char *suffix)
{
  PbInstant from = at (from_text), to = at (to_text);
  PbTimelineTicks ticks;
  PbInstant t, previous = PB_INSTANT_NONE;
  guint n = 0;

  pb_timeline_ticks_choose (from, to, width, &ticks);
  g_assert_cmpint (ticks.unit, ==, unit);
  t = pb_timeline_ticks_first (&ticks, from);
  assert_instant (t, first);
  for (; t < to; t = pb_timeline_ticks_next (&ticks, t), n++)
    {
      g_autofree char *text = pb_time_format (t);

      /* Whole units of China Standard Time. */
      g_assert_true (g_str_has_suffix (text, suffix));
      g_assert_cmpint (t, >=, from);
      if (previous != PB_INSTANT_NONE)
        {
          g_assert_cmpint (t, >, previous);
          /* Labels never crowd: at least 20 units between ticks. */
          g_assert_cmpfloat ((double) (t - previous) * width / (double) (to - from), >=, 20);
        }
      previous = t;
    }
  g_assert_cmpuint (n, >=, 2);
}

static void
test_ruler_ticks (void)
{
  PbTimelineTicks ticks = { PB_TIMELINE_UNIT_MONTH, 1 }, coarse;
  g_autofree char *context = NULL;

  assert_ticks ("1990-05-05T05:00:00+08:00", "2100-01-01T00:00:00+08:00", 1000, PB_TIMELINE_UNIT_YEAR,
                "1995-01-01T00:00:00+08:00", "-01-01T00:00:00+08:00");
  assert_ticks ("2020-01-15T00:00:00+08:00", "2022-01-01T00:00:00+08:00", 1000, PB_TIMELINE_UNIT_MONTH,
                "2020-02-01T00:00:00+08:00", "-01T00:00:00+08:00");
  assert_ticks ("2020-02-10T13:00:00+08:00", "2020-04-01T00:00:00+08:00", 1000, PB_TIMELINE_UNIT_DAY,
                "2020-02-11T00:00:00+08:00", "T00:00:00+08:00");
  assert_ticks ("2020-12-31T01:30:00+08:00", "2021-01-02T00:00:00+08:00", 1000, PB_TIMELINE_UNIT_HOUR,
                "2020-12-31T03:00:00+08:00", ":00:00+08:00");
  assert_ticks ("2020-12-31T23:41:00+08:00", "2021-01-01T00:20:00+08:00", 1000, PB_TIMELINE_UNIT_MINUTE,
                "2020-12-31T23:45:00+08:00", ":00+08:00");

  /* Day ticks restart at each month: 2020-02 has 29 days. */
  ticks.unit = PB_TIMELINE_UNIT_DAY;
  ticks.step = 1;
  assert_instant (pb_timeline_ticks_next (&ticks, at ("2020-02-29T00:00:00+08:00")), "2020-03-01T00:00:00+08:00");
  ticks.step = 10;
  assert_instant (pb_timeline_ticks_next (&ticks, at ("2020-01-21T00:00:00+08:00")), "2020-02-01T00:00:00+08:00");

  /* The upper row names the larger unit in full. */
  ticks.unit = PB_TIMELINE_UNIT_DAY;
  g_assert_true (pb_timeline_ticks_coarser (&ticks, &coarse));
  g_assert_cmpint (coarse.unit, ==, PB_TIMELINE_UNIT_MONTH);
  context = pb_timeline_ticks_label (&coarse, at ("2020-12-31T23:30:00+08:00"), TRUE, NULL);
  g_assert_cmpstr (context, ==, "2020-12");
  /* A month's own name is in the timeline's language, not LC_TIME's. */
  {
    PbTimelineTicks months = { PB_TIMELINE_UNIT_MONTH, 1 };
    g_autofree char *english = pb_timeline_ticks_label (&months, at ("2020-03-31T23:30:00+08:00"), FALSE, "en");
    g_autofree char *chinese = pb_timeline_ticks_label (&months, at ("2020-12-01T00:00:00+08:00"), FALSE, "zh_CN");
    g_autofree char *program = pb_timeline_ticks_label (&months, at ("2020-05-01T00:00:00+08:00"), FALSE, NULL);

    g_assert_cmpstr (english, ==, "Mar");
    g_assert_cmpstr (chinese, ==, "12月");
    /* The tests run in English. */
    g_assert_cmpstr (program, ==, "May");
  }
  ticks.unit = PB_TIMELINE_UNIT_YEAR;
  g_assert_false (pb_timeline_ticks_coarser (&ticks, &coarse));
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */

static guint
render (PbTimeline *timeline, const PbTimelineViewport *vp, cairo_surface_t **out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) vp->width, (int) vp->height);
  cairo_t *cr = cairo_create (surface);
  PbTimelinePalette palette;
  PbTimelineOverlay overlay = { PB_INSTANT_NONE, NULL };
  guint drawn;

  pb_timeline_palette_init_document (&palette);
  drawn = pb_timeline_render (timeline, cr, vp, &palette, &overlay, PB_TIMELINE_PART_ALL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (out != NULL)
    *out = surface;
  else
    cairo_surface_destroy (surface);
  return drawn;
}

/* How many items a viewport shows, counted the slow way. */
static guint
count_visible (PbTimeline *timeline, const PbTimelineViewport *vp)
{
  guint n = 0;

  for (guint i = 0; i < pb_timeline_get_n_lanes (timeline); i++)
    {
      const PbTimelineLane *l = pb_timeline_get_lane (timeline, i);

      for (guint j = 0; j < l->n_items; j++)
        {
          double x, y, w, h;

          n += pb_timeline_item_bounds (timeline, vp, &l->items[j], &x, &y, &w, &h);
        }
    }
  return n;
}

static guint
count_items (PbTimeline *timeline)
{
  guint n = 0;

  for (guint i = 0; i < pb_timeline_get_n_lanes (timeline); i++)
    n += pb_timeline_get_lane (timeline, i)->n_items;
  return n;
}

/* Only what is in sight is painted: items outside the span and lanes
 * scrolled away are skipped. */
static void
test_render_visible_only (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("numbers.pbscenario");
  PbInstant from, to;
  PbTimelineViewport vp;
  guint all, narrow, short_view;

  g_assert_true (pb_timeline_get_extent (timeline, &from, &to));
  vp = viewport (from, to);
  vp.height = PB_TIMELINE_RULER_HEIGHT + pb_timeline_get_content_height (timeline);
  all = render (timeline, &vp, NULL);
  g_assert_cmpuint (all, ==, count_items (timeline));

  vp.from = at ("2020-03-10T00:00:00+08:00");
  vp.to = at ("2020-04-10T00:00:00+08:00");
  narrow = render (timeline, &vp, NULL);
  g_assert_cmpuint (narrow, <, all);
  g_assert_cmpuint (narrow, ==, count_visible (timeline, &vp));

  vp.from = from;
  vp.to = to;
  vp.height = PB_TIMELINE_RULER_HEIGHT + lane (timeline, "number:N2")->y;
  short_view = render (timeline, &vp, NULL);
  g_assert_cmpuint (short_view, <, all);
  g_assert_cmpuint (short_view, ==, count_visible (timeline, &vp));
}

static void
assert_pixel (cairo_surface_t *surface, int x, int y, const PbTimelineColor *color)
{
  const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface)
                                          + y * cairo_image_surface_get_stride (surface));
  guint32 pixel = row[x];

  g_assert_cmpint (abs ((int) ((pixel >> 16) & 0xff) - (int) lround (color->red * 255)), <=, 1);
  g_assert_cmpint (abs ((int) ((pixel >> 8) & 0xff) - (int) lround (color->green * 255)), <=, 1);
  g_assert_cmpint (abs ((int) (pixel & 0xff) - (int) lround (color->blue * 255)), <=, 1);
}

/* EL-8 in pixels: usable in its colour up to the lapse, not after. */
static void
test_render_pixels (void)
{
  g_autoptr(PbTimeline) timeline = load_timeline ("no-renewal.pbscenario");
  PbInstant lapse = at ("2020-12-31T12:00:00+08:00");
  PbTimelineViewport vp = viewport (lapse - 500 * 3600, lapse + 500 * 3600);
  const PbTimelineItem *usable = item (timeline, "code:A", PB_TIMELINE_ITEM_USABLE, 0);
  PbTimelinePalette palette;
  cairo_surface_t *surface;
  double x, y, w, h;
  int row;

  pb_timeline_palette_init_document (&palette);
  render (timeline, &vp, &surface);
  g_assert_true (pb_timeline_item_bounds (timeline, &vp, usable, &x, &y, &w, &h));
  row = (int) (y + h - 2);
  assert_pixel (surface, 640, row, &palette.colors[PB_TIMELINE_ROLE_USABLE]);
  assert_pixel (surface, 649, row, &palette.colors[PB_TIMELINE_ROLE_USABLE]);
  /* From the lapse on, the suspended hatch: orange over the lane, with
   * no green left under it (red above green, as in the palette). */
  g_assert_cmpfloat (palette.colors[PB_TIMELINE_ROLE_SUSPENDED].red, >,
                     palette.colors[PB_TIMELINE_ROLE_SUSPENDED].green);
  for (int px = 650; px < 700; px++)
    {
      const guint32 *line = (const guint32 *) (cairo_image_surface_get_data (surface)
                                               + row * cairo_image_surface_get_stride (surface));

      g_assert_cmpuint ((line[px] >> 16) & 0xff, >, (line[px] >> 8) & 0xff);
    }
  cairo_surface_destroy (surface);
}

typedef struct
{
  double badge_x, badge_size, year_x;
  char  *badge, *year;
} RulerRuns;

static void
collect_ruler_run (const PbTimelineTextRun *run, gpointer user_data)
{
  RulerRuns *runs = user_data;

  if (g_str_equal (run->text, runs->badge))
    {
      runs->badge_x = run->x;
      runs->badge_size = run->size;
    }
  else if (g_str_equal (run->text, runs->year))
    runs->year_x = run->x;
}

/* The as-of badge sits on the ruler's upper row: a year's label it would
 * cut moves past it, whole, instead of peeking out from under it, and the
 * window's ruler (drawn apart from the badge) does the same. */
static void
test_ruler_badge (void)
{
  PbTimelineViewport vp = viewport (at ("2025-06-01T00:00:00+08:00"), at ("2028-06-01T00:00:00+08:00"));
  PbTimelineOverlay overlay = { at ("2026-12-28T00:00:00+08:00"), NULL };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) vp.width, (int) vp.height);
  cairo_t *cr = cairo_create (surface);
  RulerRuns runs = { -1, 0, -1, "2026-12-28 00:00", "2027" };
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (PB_TIMELINE_FONT_FAMILY_LATIN);
  PbTimelinePalette palette;
  int width;

  pb_timeline_palette_init_document (&palette);
  pb_timeline_render_full (NULL, cr, &vp, &palette, &overlay, PB_TIMELINE_PART_RULER | PB_TIMELINE_PART_OVERLAY,
                           collect_ruler_run, &runs);
  g_assert_cmpfloat (runs.badge_x, >, 0);
  g_assert_cmpfloat (runs.year_x, >, 0);
  /* The year's tick is under the badge; its label starts past the badge. */
  g_assert_cmpfloat (pb_timeline_viewport_x (&vp, at ("2027-01-01T00:00:00+08:00")), <, runs.year_x - 20);
  pango_font_description_set_absolute_size (font, runs.badge_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, runs.badge, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_assert_cmpfloat (runs.year_x, >=, runs.badge_x + width);

  /* The ruler alone, given the overlay, leaves the same room. */
  runs.year_x = -1;
  pb_timeline_render_full (NULL, cr, &vp, &palette, &overlay, PB_TIMELINE_PART_RULER, collect_ruler_run, &runs);
  g_assert_cmpfloat (runs.year_x, >=, runs.badge_x + width);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/lanes/EL-3/EL-6/EL-7/EL-8/EL-10/EL-T3/customer-a", test_lanes_customer_a);
  g_test_add_func ("/timeline/lanes/EL-8/EL-9/no-renewal", test_lanes_no_renewal);
  g_test_add_func ("/timeline/lanes/VM-8/VM-9/packages", test_lanes_packages);
  g_test_add_func ("/timeline/lanes/VM-3/VM-4/numbers-in-china-months", test_lanes_numbers);
  g_test_add_func ("/timeline/lanes/item-keys", test_item_keys);
  g_test_add_func ("/timeline/ruler/as-of-badge", test_ruler_badge);
  g_test_add_func ("/timeline/projection/EL-7/EL-8/VM-9/sells", test_projection_sells);
  g_test_add_func ("/timeline/projection/EL-7/EL-10/history-keeps-void", test_projection_history);
  g_test_add_func ("/timeline/projection/EL-7/EL-8/stand-in", test_projection_stand_in);
  g_test_add_func ("/timeline/projection/EL-7/scenario-keeps-void", test_scenario_keeps_void);
  g_test_add_func ("/timeline/lanes/EL-8/describe", test_describe);
  g_test_add_func ("/timeline/span/zoom-anchored", test_span_zoom_anchored);
  g_test_add_func ("/timeline/span/clamped", test_span_clamped);
  g_test_add_func ("/timeline/span/viewport-mapping", test_viewport_mapping);
  g_test_add_func ("/timeline/hit-test/EL-8/no-renewal", test_hit_test_no_renewal);
  g_test_add_func ("/timeline/hit-test/EL-9/narrow-span", test_hit_test_narrow);
  g_test_add_func ("/timeline/ruler/ticks-in-china-time", test_ruler_ticks);
  g_test_add_func ("/timeline/render/visible-only", test_render_visible_only);
  g_test_add_func ("/timeline/render/EL-8/pixels", test_render_pixels);
  return g_test_run ();
}
