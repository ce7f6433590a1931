/* pb-key-dates.h: the instants the rules derive from a replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides the dated events a scenario holds, a replay has instants no event
 * names: a code's bind deadline (and its voiding there when it was never
 * bound, EL-7), a code's expiry (EL-8), the base fee's end (EL-3, EL-10), a
 * package's expiry (VM-9), a suspension starting or ending (EL-8).  They
 * are read here from the PbLifecycle as it is, never computed again: the
 * simulator steps to them, the key-dates command lists them, the calendar
 * file and the quote document's key-dates table show them.
 */
#pragma once

#include <glib.h>

#include "pb-lifecycle.h"

G_BEGIN_DECLS

typedef enum
{
  PB_KEY_DATE_BIND_DEADLINE,      /* EL-7: bind strictly before it; void at it when never bound */
  PB_KEY_DATE_CODE_EXPIRES,       /* EL-8: one term after binding */
  PB_KEY_DATE_BASE_FEE_EXPIRES,   /* EL-3, EL-10: the end of a span of continuous validity */
  PB_KEY_DATE_PACKAGE_EXPIRES,    /* VM-9 */
  PB_KEY_DATE_SUSPENSION_STARTS,  /* EL-8: the base fee lapses under a bound, valid code */
  PB_KEY_DATE_SUSPENSION_ENDS,    /* EL-8: a renewal restores it (a derived instant, not a key date) */
  PB_KEY_DATE_N_KINDS
} PbKeyDateKind;

typedef struct
{
  PbInstant      at;
  PbKeyDateKind  kind;
  const char    *subject;   /* the code or package id; NULL for the base fee */
  const char    *rule;      /* "EL-7" */
  gboolean       lapses;    /* a bind deadline at which the code becomes void (EL-7) */
  gint64         quantity;  /* how many codes or packages the subject stands for (1 or more) */
} PbKeyDate;

/* Every instant the rules derive from @lifecycle, as an array of PbKeyDate
 * sorted by instant (ties: kind, then the order codes and packages were
 * bought).  Its strings belong to @lifecycle. */
GArray     *pb_lifecycle_derive_instants (PbLifecycle            *lifecycle);

/* The key dates of the contract (`pricebook-cli key-dates`): every derived
 * instant at or after @from (PB_INSTANT_NONE: all) but the ends of
 * suspensions and the bind deadlines of codes already bound at or before
 * @from (EL-7), sorted as above. */
GArray     *pb_lifecycle_key_dates       (PbLifecycle            *lifecycle,
                                          PbInstant               from);

/* The instant a simulator's Next (@direction > 0) or Previous (< 0) goes to
 * from @at: the nearest one strictly after (before) @at at which an enabled
 * event of @events happens or the rules derive something (a bind deadline
 * only where the code becomes void there, EL-7).  FALSE when
 * there is none.  Allocates nothing. */
gboolean    pb_lifecycle_step            (PbLifecycle            *lifecycle,
                                          const PbScenarioEvent  *events,
                                          guint                   n_events,
                                          PbInstant               at,
                                          int                     direction,
                                          PbInstant              *result);

/* "bind_deadline", "code_expires", "base_fee_expires", "package_expires",
 * "suspension_starts", "suspension_ends": the contract's words. */
const char *pb_key_date_kind_to_string   (PbKeyDateKind           kind);

G_END_DECLS
