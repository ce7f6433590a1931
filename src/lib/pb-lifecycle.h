/* pb-lifecycle.h: replaying a scenario through the purchase rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lifecycle engine is a pure function of (catalog, term rule, events,
 * cut-off instant): it applies the enabled events in time order (ties: file
 * order), records the ones the rules forbid as rejected (with the event's
 * index, the rule ID and a reason) and goes on.  The result is an immutable
 * PbLifecycle holding the whole timeline as half-open intervals [start,
 * end), every charge, call, broadcast, rejection and alarm, sorted by time,
 * and answers "what was the state at T" for any T.
 *
 * The state at T answered from a full replay is the state obtained by
 * replaying only the events at or before T (pass @until = T): every interval
 * the engine records depends only on what happened before its instants.
 *
 * Everything is plain C arrays owned by the PbLifecycle, so a timeline view
 * can walk 10,000 codes and a million calls per frame without copying.
 */
#pragma once

#include <glib-object.h>

#include "pb-catalog.h"
#include "pb-money.h"
#include "pb-scenario.h"
#include "pb-time.h"

G_BEGIN_DECLS


/* The "event" of something no single event caused (a package's expiry). */
#define PB_NO_EVENT G_MAXUINT

/* Every other record of a replay is at most a few per event, but a number
 * is billed every month up to the horizon (VM-2): 400 numbers from 1970 to
 * 2199 would be a million charges from a few lines of input.  A replay
 * billing more monthly fees than this is refused (PB_ERROR_INPUT), so that
 * a small file cannot exhaust the memory of the window or the CLI. */
#define PB_LIFECYCLE_MAX_MONTHLY_FEES 1000000

/* Intervals are half-open: valid at every instant >= start and < end. */
typedef struct
{
  PbInstant start;
  PbInstant end;
} PbSpan;

/* EL-3/EL-10: one purchase of the base fee and the years it adds (one,
 * or several consecutive ones bought at once: EL-3 convention). */
typedef struct
{
  guint     event;
  PbInstant bought_at;
  PbInstant start;          /* the purchase, or the previous end (a renewal) */
  PbInstant end;
  gboolean  renewal;        /* EL-10: bought while valid, extends from the end */
  gint64    years;          /* 1 or more */
} PbBaseFeeTerm;

/* EL-5/EL-6: add-on viewers bought after the code. */
typedef struct
{
  guint     event;
  PbInstant at;
  gint64    viewers;
  PbInstant end;            /* ends with the code: its expiry or void instant */
} PbExpansion;

typedef struct
{
  const char        *id;
  const char        *tier;           /* catalog tier id ("flagship") */
  guint              event;          /* the buying event */
  gboolean           gift;           /* EL-3: gifted with a base fee */
  PbInstant          purchased_at;
  PbInstant          bind_deadline;  /* EL-7/EL-T3: bind strictly before */
  PbInstant          bound_at;       /* PB_INSTANT_NONE: never bound */
  guint              bind_event;     /* PB_NO_EVENT: never bound */
  PbInstant          expires_at;     /* EL-8: PB_INSTANT_NONE until bound */
  PbInstant          void_at;        /* EL-7: the deadline when never bound in time */
  gint64             tier_viewers;   /* EL-4 */
  gint64             addon_viewers;  /* EL-5, bought with the code */
  const PbExpansion *expansions;
  guint              n_expansions;
  const PbSpan      *suspended;      /* EL-8: bound, valid, base fee lapsed */
  guint              n_suspended;
  const PbSpan      *usable;         /* EL-8: bound, valid, base fee valid */
  guint              n_usable;
  gint64             quantity;       /* identical codes bought as one group (1 or more):
                                      * bound, used and expanded together, each charge
                                      * times the quantity */
} PbLifecycleCode;

typedef enum
{
  PB_CODE_UNBOUND,
  PB_CODE_VOID,
  PB_CODE_ACTIVE,
  PB_CODE_SUSPENDED,
  PB_CODE_EXPIRED,
} PbCodeState;

typedef struct
{
  PbCodeState state;
  gboolean    usable;
  gint64      max_viewers;   /* tier + add-on + expansions bought by then */
  PbInstant   bound_at;      /* PB_INSTANT_NONE when not bound by then */
  PbInstant   expires_at;    /* PB_INSTANT_NONE when not bound by then */
  PbInstant   void_at;       /* PB_INSTANT_NONE unless void by then */
} PbCodeStatus;

/* VM-3/VM-4: one activation of a number, until its unsubscription. */
typedef struct
{
  guint     event;
  guint     end_event;       /* PB_NO_EVENT while still active */
  PbInstant start;
  PbInstant end;             /* PB_INSTANT_FOREVER while still active */
  int       first_month;     /* months billed for this span, inclusive, as */
  int       last_month;      /* pb_time_month_index(); none if first > last */
  gint64    quantity;        /* numbers activated as one group (1 or more): each
                              * month billed times the quantity */
} PbNumberSpan;

typedef struct
{
  const char         *id;
  const PbNumberSpan *spans;
  guint               n_spans;
  guint               months_billed;   /* up to the horizon */
} PbLifecycleNumber;

typedef struct
{
  PbInstant at;
  gint64    remaining;
} PbBalanceStep;

typedef struct
{
  const char          *id;
  guint                event;
  PbPackageKind        kind;
  gint64               minutes;
  PbMoney              price;
  PbInstant            purchased_at;
  PbInstant            expires_at;     /* VM-9 */
  const PbBalanceStep *steps;          /* remaining minutes from each instant on */
  guint                n_steps;
  gint64               quantity;       /* identical packages bought as one group (1 or
                                        * more): @minutes each, the steps count them all */
} PbLifecyclePackage;

typedef enum
{
  PB_CHARGE_BASE_FEE,       /* EL-3 */
  PB_CHARGE_GIFT_CODE,      /* EL-3, ¥0 */
  PB_CHARGE_CODE,           /* EL-4 */
  PB_CHARGE_ADDON,          /* EL-5 */
  PB_CHARGE_EXPANSION,      /* EL-6 */
  PB_CHARGE_PACKAGE,        /* VM-5/VM-6 */
  PB_CHARGE_NUMBER_MONTH,   /* VM-2..VM-4 */
} PbChargeKind;

typedef struct
{
  PbInstant     at;
  guint         event;
  PbChargeKind  kind;
  const char   *subject;    /* code, package or number id; NULL for the base fee */
  const char   *rule;
  const char   *description;
  PbMoney       amount;
  int           month;      /* PB_CHARGE_NUMBER_MONTH: the month billed */
} PbCharge;

typedef struct
{
  guint       event;
  PbInstant   at;
  PbInstant   end;
  const char *code;
  gint64      viewers;
  gint64      minutes;
} PbBroadcast;

typedef struct
{
  guint       event;
  PbInstant   at;
  const char *number;
  gint64      seconds;
  gboolean    answered;
  gint64      billed_minutes;   /* VM-7; taken from packages */
  gint64      overage_minutes;  /* VM-8: what the packages could not cover */
} PbCall;

typedef struct
{
  guint        event;
  PbInstant    at;
  PbEventType  type;
  const char  *subject;
  const char  *rule;
  const char  *reason;
} PbRejection;

typedef enum
{
  PB_ALARM_LOW_BALANCE,     /* VM-11: total minutes fell below the threshold */
  PB_ALARM_TOO_MANY_NUMBERS,/* VM-11: more active numbers than advised */
} PbAlarmKind;

typedef struct
{
  PbInstant    at;
  guint        event;       /* PB_NO_EVENT: a package's expiry */
  PbAlarmKind  kind;
  const char  *rule;
  gint64       value;       /* the balance in minutes, or the active numbers */
  gint64       threshold;
} PbAlarm;

typedef enum
{
  PB_BASE_FEE_NONE,
  PB_BASE_FEE_ACTIVE,
  PB_BASE_FEE_EXPIRED,
} PbBaseFeeState;

#define PB_TYPE_LIFECYCLE (pb_lifecycle_get_type ())
G_DECLARE_FINAL_TYPE (PbLifecycle, pb_lifecycle, PB, LIFECYCLE, GObject)

/* Replays the enabled @events at or before @until (PB_INSTANT_NONE: all of
 * them).  Fails only when a sum leaves PbMoney's range (PB_ERROR_OVERFLOW)
 * or the replay would bill more than PB_LIFECYCLE_MAX_MONTHLY_FEES monthly
 * fees (PB_ERROR_INPUT); the message names the event. */
PbLifecycle *pb_lifecycle_replay            (PbCatalog               *catalog,
                                             PbTermRule               term_rule,
                                             const PbScenarioEvent   *events,
                                             guint                    n_events,
                                             PbInstant                until,
                                             GError                 **error);
PbLifecycle *pb_lifecycle_replay_scenario   (PbScenario              *scenario,
                                             PbInstant                until,
                                             GError                 **error);

PbTermRule   pb_lifecycle_get_term_rule     (PbLifecycle *self);
PbInstant    pb_lifecycle_get_until         (PbLifecycle *self);
/* @until, or the last replayed event's instant (PB_INSTANT_NONE: no
 * events): open-ended monthly fees are billed up to its month. */
PbInstant    pb_lifecycle_get_horizon       (PbLifecycle *self);
/* The earliest replayed event (PB_INSTANT_NONE: no events). */
PbInstant    pb_lifecycle_get_first_instant (PbLifecycle *self);

/* Live */
const PbBaseFeeTerm     *pb_lifecycle_get_base_fee_terms   (PbLifecycle *self, guint *n_terms);
/* The spans of continuous validity (terms and their renewals merged). */
const PbSpan            *pb_lifecycle_get_base_fee_periods (PbLifecycle *self, guint *n_periods);
guint                    pb_lifecycle_get_n_codes          (PbLifecycle *self);
const PbLifecycleCode   *pb_lifecycle_get_code             (PbLifecycle *self, guint index);
const PbLifecycleCode   *pb_lifecycle_lookup_code          (PbLifecycle *self, const char *id);
const PbBroadcast       *pb_lifecycle_get_broadcasts       (PbLifecycle *self, guint *n_broadcasts);

/* Voice */
guint                    pb_lifecycle_get_n_numbers        (PbLifecycle *self);
const PbLifecycleNumber *pb_lifecycle_get_number           (PbLifecycle *self, guint index);
const PbLifecycleNumber *pb_lifecycle_lookup_number        (PbLifecycle *self, const char *id);
guint                    pb_lifecycle_get_n_packages       (PbLifecycle *self);
const PbLifecyclePackage *pb_lifecycle_get_package         (PbLifecycle *self, guint index);
const PbLifecyclePackage *pb_lifecycle_lookup_package      (PbLifecycle *self, const char *id);
/* The total of all packages' remaining minutes over time. */
const PbBalanceStep     *pb_lifecycle_get_balance_steps    (PbLifecycle *self, guint *n_steps);
const PbCall            *pb_lifecycle_get_calls            (PbLifecycle *self, guint *n_calls);

/* Everything, sorted by instant (ties: event order) */
const PbCharge          *pb_lifecycle_get_charges          (PbLifecycle *self, guint *n_charges);
PbMoney                  pb_lifecycle_get_total            (PbLifecycle *self);
const PbRejection       *pb_lifecycle_get_rejections       (PbLifecycle *self, guint *n_rejections);
const PbAlarm           *pb_lifecycle_get_alarms           (PbLifecycle *self, guint *n_alarms);

/* The state at an instant */
PbBaseFeeState           pb_lifecycle_base_fee_at          (PbLifecycle *self,
                                                            PbInstant    at,
                                                            PbInstant   *expires_at);
gboolean                 pb_lifecycle_base_fee_valid_at    (PbLifecycle *self,
                                                            PbInstant    at);
/* FALSE when the code was not bought by @at. */
gboolean                 pb_lifecycle_code_at              (PbLifecycle           *self,
                                                            const PbLifecycleCode *code,
                                                            PbInstant              at,
                                                            PbCodeStatus          *status);
/* EL-7, EL-8: were @code, never bound, bound at the last instant the rules
 * allow (strictly before its deadline, while a base fee is valid), the span
 * it would be usable from that binding: one term (EL-8), cut where the base
 * fee lapses.  FALSE when it is bound, or could never be bound.  What a
 * quote's projection draws as the year a proposed code gives. */
gboolean                 pb_lifecycle_code_assume_bound    (PbLifecycle           *self,
                                                            const PbLifecycleCode *code,
                                                            PbSpan                *usable);
/* FALSE when the number was not activated by @at.  Months are counted up to
 * @at's month, that month included (VM-3/VM-4). */
gboolean                 pb_lifecycle_number_at            (PbLifecycle             *self,
                                                            const PbLifecycleNumber *number,
                                                            PbInstant                at,
                                                            gboolean                *active,
                                                            guint                   *months_billed);
/* -1 when the package was not bought by @at; 0 once it expired (VM-9). */
gint64                   pb_lifecycle_package_remaining_at (const PbLifecyclePackage *package,
                                                            PbInstant                 at);
gint64                   pb_lifecycle_balance_at           (PbLifecycle *self,
                                                            PbInstant    at);
/* How many rejections (charges) happened at or before @at: they are
 * sorted by time, so the state at @at lists the first ones. */
guint                    pb_lifecycle_count_rejections_at  (PbLifecycle *self,
                                                            PbInstant    at);
guint                    pb_lifecycle_count_charges_at     (PbLifecycle *self,
                                                            PbInstant    at);

const char              *pb_code_state_to_string           (PbCodeState    state);
const char              *pb_base_fee_state_to_string       (PbBaseFeeState state);

G_END_DECLS
