/* pb-optimizer.h: the cheapest way to buy a need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Voice (VM-5, VM-6): the cheapest set of fixed and custom minute packages
 * covering at least N minutes.  Live (EL-4, EL-5): the cheapest code, tier
 * plus add-on viewers, for each of R rooms broadcasting at once, the base
 * fee being already held (its gifted code is not counted).  Every price,
 * size, step and tier comes from the PbCatalog given; amounts are exact
 * (rounding to the fen is the caller's, once, for display).
 *
 * Ties.  Voice: fewer minutes bought, then fewer packages, then fixed before
 * custom, then more of the larger fixed packages.  Live: more viewers for the
 * same price, then fewer add-on viewers, then the catalog's tier order.
 * A catalog whose VM-6 unit price rises with size is refused (PB_ERROR_INPUT).
 */
#pragma once

#include <glib.h>

#include "pb-catalog.h"
#include "pb-money.h"

G_BEGIN_DECLS

/* The documented ranges of the needs the optimizers accept. */
#define PB_OPTIMIZER_VOICE_MAX_MINUTES ((gint64) 1000000000)
#define PB_OPTIMIZER_LIVE_MAX_VIEWERS  ((gint64) 10000000)
#define PB_OPTIMIZER_LIVE_MAX_ROOMS    ((gint64) 1000)

typedef struct
{
  gboolean fixed;           /* VM-5 fixed package, else VM-6 custom */
  gint64   minutes;
  PbMoney  price;
} PbVoicePackage;

typedef struct
{
  gint64   minutes;         /* the need */
  gint64   bought_minutes;  /* ≥ minutes */
  PbMoney  total;
  GArray  *packages;        /* PbVoicePackage: fixed first, larger first */
} PbVoicePlan;

typedef struct
{
  char    *tier_id;         /* the catalog's tier id ("flagship"), owned */
  gint64   tier_viewers;    /* the tier's own concurrent viewers */
  PbMoney  tier_price;
  gint64   addon_viewers;   /* EL-5: a multiple of the catalog's step */
  PbMoney  addon_price;
  gint64   viewers;         /* tier_viewers + addon_viewers, ≥ the need */
  PbMoney  price;           /* tier_price + addon_price */
} PbLiveCode;

typedef struct
{
  gint64   viewers;         /* the need per room */
  gint64   rooms;
  PbMoney  total;           /* rooms × the code's price */
  GArray  *codes;           /* PbLiveCode: one per room, all alike */
  gboolean trial_fits;      /* EL-1: one room within the free trial's viewers:
                             * no code needs to be bought at all */
} PbLivePlan;

gboolean pb_optimizer_voice   (PbCatalog    *catalog,
                               gint64        minutes,
                               PbVoicePlan **plan,
                               GError      **error);
void     pb_voice_plan_free   (PbVoicePlan  *plan);
PbVoicePlan *pb_voice_plan_copy (const PbVoicePlan *plan);

/* The same answer as pb_optimizer_voice(), remembered per catalog (a
 * catalog never changes once loaded): for callers that ask for the same
 * needs again and again, as the Q-4 check does on every keystroke.  The
 * plan returned is the caller's own copy.  Errors are not remembered. */
gboolean pb_optimizer_voice_remembered (PbCatalog    *catalog,
                                        gint64        minutes,
                                        PbVoicePlan **plan,
                                        GError      **error);

gboolean pb_optimizer_live    (PbCatalog    *catalog,
                               gint64        viewers,
                               gint64        rooms,
                               PbLivePlan  **plan,
                               GError      **error);
void     pb_live_plan_free    (PbLivePlan   *plan);
/* EL-1: when @plan's need fits the free trial, the sentence that says so,
 * for where the plan is shown; NULL otherwise. */
char    *pb_live_plan_trial_note (PbCatalog        *catalog,
                                  const PbLivePlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbVoicePlan, pb_voice_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbLivePlan, pb_live_plan_free)

G_END_DECLS
