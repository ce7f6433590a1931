/* pb-scenario.h: a customer's dated purchases and uses, for the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scenario (pricebook-scenario/1, *.pbscenario) is a title, an optional
 * description (what a reader should know that the events do not say: the
 * simulator shows it), an optional term-rule override and a list of
 * events.  Loading checks every value
 * against the catalog (tiers, package sizes, add-on steps): a malformed
 * event is an input error naming the file, line:column, the event's index
 * and the rule.  Whether an event is allowed *when* it happens is not the
 * loader's business: the lifecycle engine (pb-lifecycle.h) replays the
 * events and records the ones the rules forbid as rejected.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "pb-catalog.h"
#include "pb-file.h"
#include "pb-time.h"

G_BEGIN_DECLS

#define PB_SCENARIO_FORMAT "pricebook-scenario/1"
#define PB_SCENARIO_RESOURCE_DIR "/io/github/pricebook/Pricebook/scenarios/"

typedef enum
{
  PB_EVENT_LIVE_BASE_FEE_BUY,       /* gift_code, years (EL-3) */
  PB_EVENT_LIVE_CODE_BUY,           /* code, tier, extra_viewers, quantity (EL-4, EL-5) */
  PB_EVENT_LIVE_CODE_BIND,          /* code (EL-7, EL-8) */
  PB_EVENT_LIVE_CODE_EXPAND,        /* code, extra_viewers (EL-5, EL-6) */
  PB_EVENT_LIVE_BROADCAST,          /* code, viewers, minutes (EL-9) */
  PB_EVENT_VOICE_NUMBER_ACTIVATE,   /* number, quantity (VM-3) */
  PB_EVENT_VOICE_NUMBER_UNSUBSCRIBE,/* number (VM-4) */
  PB_EVENT_VOICE_PACKAGE_BUY,       /* package, kind, minutes, quantity (VM-5, VM-6) */
  PB_EVENT_VOICE_CALL,              /* number, seconds, answered (VM-7, VM-8) */
  PB_N_EVENT_TYPES
} PbEventType;

typedef enum
{
  PB_PACKAGE_FIXED,                 /* VM-5 */
  PB_PACKAGE_CUSTOM,                /* VM-6 */
} PbPackageKind;

/* One event.  Which members are meaningful depends on @type (see above);
 * the others are 0 or NULL.  Strings belong to the scenario. */
typedef struct
{
  guint          index;             /* 0-based position in the file's "events" */
  PbInstant      at;
  PbEventType    type;
  gboolean       enabled;           /* FALSE: left out of the replay (what-if);
                                     * pb_scenario_event_init() sets it */
  const char    *subject;           /* the gift code, code, number or package id */
  const char    *tier;              /* live.code.buy: a catalog tier id */
  gint64         extra_viewers;     /* live.code.buy (0: none), live.code.expand */
  gint64         viewers;           /* live.broadcast */
  gint64         minutes;           /* live.broadcast, voice.package.buy */
  PbPackageKind  package_kind;      /* voice.package.buy */
  gint64         seconds;           /* voice.call */
  gboolean       answered;          /* voice.call */
  const char    *note;              /* optional free text, or NULL */
  gint64         years;             /* live.base_fee.buy: consecutive years bought
                                     * at once, one purchase gifting one code
                                     * (EL-3 convention); 0 is read as 1 */
  gint64         quantity;          /* live.code.buy, voice.number.activate,
                                     * voice.package.buy: that many identical
                                     * codes, numbers or packages under one id,
                                     * as a quote's item is (a group: one lane,
                                     * every charge times the quantity); 0 is
                                     * read as 1 */
} PbScenarioEvent;

/* The largest values an event may carry: far beyond any real purchase, and
 * small enough that every price and sum stays in PbMoney's range. */
#define PB_SCENARIO_MAX_MINUTES  ((gint64) 1000000000)
#define PB_SCENARIO_MAX_VIEWERS  ((gint64) 100000000)
#define PB_SCENARIO_MAX_SECONDS  ((gint64) 100000000)
#define PB_SCENARIO_MAX_YEARS    ((gint64) 100)
#define PB_SCENARIO_MAX_QUANTITY ((gint64) 100000)

/* Clears @event and sets its type, instant and subject; enabled and (for a
 * call) answered: the starting point for pb_scenario_append_event(). */
void        pb_scenario_event_init    (PbScenarioEvent *event,
                                       PbEventType      type,
                                       PbInstant        at,
                                       const char      *subject);

const char *pb_event_type_to_string   (PbEventType   type);
gboolean    pb_event_type_from_string (const char   *text,
                                       PbEventType  *type);
/* The event's main identifier's member name: "gift_code", "code",
 * "number" or "package". */
const char *pb_event_type_subject_member (PbEventType type);

#define PB_TYPE_SCENARIO (pb_scenario_get_type ())
G_DECLARE_FINAL_TYPE (PbScenario, pb_scenario, PB, SCENARIO, GObject)

PbScenario            *pb_scenario_new               (PbCatalog     *catalog);
PbScenario            *pb_scenario_new_from_file     (const char    *path,
                                                      PbCatalog     *catalog,
                                                      GError       **error);
PbScenario            *pb_scenario_new_from_bytes    (GBytes        *bytes,
                                                      const char    *name,
                                                      PbCatalog     *catalog,
                                                      GError       **error);
/* @resource_path: e.g. PB_SCENARIO_RESOURCE_DIR "customer-a.pbscenario" */
PbScenario            *pb_scenario_new_from_resource (const char    *resource_path,
                                                      PbCatalog     *catalog,
                                                      GError       **error);

JsonNode              *pb_scenario_to_json           (PbScenario    *self);
/* The text a save writes.  To write it elsewhere (an autosave copy, from
 * a worker thread), hand it to pb_file_write(). */
char                  *pb_scenario_to_string         (PbScenario    *self);
/* pb_file_write() with PB_FILE_WRITE_BACKUP: the old file or the new one,
 * never a part; the previous version is kept as "NAME~".  Errors are
 * G_IO_ERROR ones, see pb-file.h. */
gboolean               pb_scenario_save_to_file      (PbScenario    *self,
                                                      const char    *path,
                                                      GError       **error);

/* TRUE when @a and @b hold the same events in the same order (titles and
 * term rules aside). */
gboolean               pb_scenario_same_events       (PbScenario    *a,
                                                      PbScenario    *b);

PbCatalog             *pb_scenario_get_catalog       (PbScenario    *self);
const char            *pb_scenario_get_title         (PbScenario    *self);
void                   pb_scenario_set_title         (PbScenario    *self,
                                                      const char    *title);
/* "description": free text, "" when there is none.  The shipped samples'
 * descriptions are also messages of the program's translations (the start
 * page's subtitles), so a window shows them through gettext. */
const char            *pb_scenario_get_description   (PbScenario    *self);
void                   pb_scenario_set_description   (PbScenario    *self,
                                                      const char    *description);
/* The override of "catalog": {"term_rule"}, or NULL when the catalog's
 * rule applies ("calendar" or "365-days"). */
const char            *pb_scenario_get_term_rule_override (PbScenario *self);
gboolean               pb_scenario_set_term_rule_override (PbScenario *self,
                                                           const char *term_rule);
/* The rule in force: the override, else the catalog's (EL-T4). */
PbTermRule             pb_scenario_get_term_rule     (PbScenario    *self);

guint                  pb_scenario_get_n_events      (PbScenario    *self);
const PbScenarioEvent *pb_scenario_get_event         (PbScenario    *self,
                                                      guint          index);
/* All events, in file order; valid until the next change to the scenario. */
const PbScenarioEvent *pb_scenario_get_events        (PbScenario    *self,
                                                      guint         *n_events);
void                   pb_scenario_set_event_enabled (PbScenario    *self,
                                                      guint          index,
                                                      gboolean       enabled);
/* Checks @event as the loader would, copies it to the end (its index is
 * set to its new position) and returns that index, or -1 with @error set. */
gint                   pb_scenario_append_event      (PbScenario             *self,
                                                      const PbScenarioEvent  *event,
                                                      GError                **error);
gboolean               pb_scenario_set_events        (PbScenario             *self,
                                                      const PbScenarioEvent  *events,
                                                      guint                   n_events,
                                                      GError                **error);
void                   pb_scenario_remove_event      (PbScenario             *self,
                                                      guint                   index);
gboolean               pb_scenario_replace_event     (PbScenario             *self,
                                                      guint                   index,
                                                      const PbScenarioEvent  *event,
                                                      GError                **error);

G_END_DECLS
