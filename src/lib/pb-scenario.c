/* pb-scenario.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-scenario"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pb-scenario.h"
#include "pb-error.h"
#include "pb-json-private.h"
#include "pb-text.h"
#include "pb-scenario-private.h"

struct _PbScenario
{
  GObject       parent_instance;

  PbCatalog    *catalog;
  char         *title;
  char         *description;          /* what a reader should know, or "" */
  char         *term_rule_override;   /* NULL: the catalog's rule */
  GArray       *events;               /* PbScenarioEvent, in file order */
  GStringChunk *strings;              /* every string an event points to */
  GHashTable   *bought;               /* "code:A" / "package:P1" → buying event index */
};

G_DEFINE_FINAL_TYPE (PbScenario, pb_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_TERM_RULE_OVERRIDE,
  PROP_N_EVENTS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Event types                                                        */

#define COMMON_MEMBERS "at", "type", "note", "enabled"

static const struct
{
  const char        *name;
  const char        *subject;
  const char * const members[10];
} event_types[PB_N_EVENT_TYPES] = {
  [PB_EVENT_LIVE_BASE_FEE_BUY] = { "live.base_fee.buy", "gift_code", { COMMON_MEMBERS, "gift_code", "years" } },
  [PB_EVENT_LIVE_CODE_BUY] = { "live.code.buy", "code", { COMMON_MEMBERS, "code", "tier", "extra_viewers", "quantity" } },
  [PB_EVENT_LIVE_CODE_BIND] = { "live.code.bind", "code", { COMMON_MEMBERS, "code" } },
  [PB_EVENT_LIVE_CODE_EXPAND] = { "live.code.expand", "code", { COMMON_MEMBERS, "code", "extra_viewers" } },
  [PB_EVENT_LIVE_BROADCAST] = { "live.broadcast", "code", { COMMON_MEMBERS, "code", "viewers", "minutes" } },
  [PB_EVENT_VOICE_NUMBER_ACTIVATE] = { "voice.number.activate", "number", { COMMON_MEMBERS, "number", "quantity" } },
  [PB_EVENT_VOICE_NUMBER_UNSUBSCRIBE] = { "voice.number.unsubscribe", "number", { COMMON_MEMBERS, "number" } },
  [PB_EVENT_VOICE_PACKAGE_BUY] = { "voice.package.buy", "package", { COMMON_MEMBERS, "package", "kind", "minutes", "quantity" } },
  [PB_EVENT_VOICE_CALL] = { "voice.call", "number", { COMMON_MEMBERS, "number", "seconds", "answered" } },
};

void
pb_scenario_event_init (PbScenarioEvent *event, PbEventType type, PbInstant at, const char *subject)
{
  g_return_if_fail (event != NULL);

  memset (event, 0, sizeof *event);
  event->type = type;
  event->at = at;
  event->subject = subject;
  event->enabled = TRUE;
  /* A call built in code is answered unless told otherwise; a file must
   * always say (VM-7). */
  event->answered = TRUE;
}

const char *
pb_event_type_to_string (PbEventType type)
{
  g_return_val_if_fail (type < PB_N_EVENT_TYPES, NULL);
  return event_types[type].name;
}

gboolean
pb_event_type_from_string (const char *text, PbEventType *type)
{
  for (guint i = 0; i < PB_N_EVENT_TYPES; i++)
    if (g_strcmp0 (text, event_types[i].name) == 0)
      {
        *type = (PbEventType) i;
        return TRUE;
      }
  return FALSE;
}

const char *
pb_event_type_subject_member (PbEventType type)
{
  g_return_val_if_fail (type < PB_N_EVENT_TYPES, NULL);
  return event_types[type].subject;
}

static char *
known_event_types (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < PB_N_EVENT_TYPES; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", event_types[i].name);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* ------------------------------------------------------------------ */
/* Checking one event against the catalog                             */

/* Codes and packages are named by their buying event; later events refer
 * to them by that name, so two buys of one name would be ambiguous. */
static char *
bought_key (const PbScenarioEvent *event)
{
  switch (event->type)
    {
    case PB_EVENT_LIVE_BASE_FEE_BUY:
    case PB_EVENT_LIVE_CODE_BUY:
      return g_strconcat ("code:", event->subject, NULL);
    case PB_EVENT_VOICE_PACKAGE_BUY:
      return g_strconcat ("package:", event->subject, NULL);
    default:
      return NULL;
    }
}

static char *
known_tiers (PbCatalog *catalog)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_tiers;
  const PbCodeTier *tiers = pb_catalog_el_tiers (catalog, &n_tiers);

  for (guint i = 0; i < n_tiers; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", tiers[i].id);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static char *
known_fixed_sizes (PbCatalog *catalog)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_packages;
  const PbFixedPackage *packages = pb_catalog_vm_fixed_packages (catalog, &n_packages);

  for (guint i = 0; i < n_packages; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? ", " : "", packages[i].minutes);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* EL-5: add-on viewers come in multiples of the catalog's step; a code may
 * be bought without any (0), an expansion must add some. */
static char *
check_extra_viewers (PbCatalog *catalog, gint64 viewers, gboolean zero_allowed)
{
  gint64 step = pb_catalog_el_addon_step (catalog);

  if ((viewers == 0 && zero_allowed) ||
      (viewers > 0 && viewers <= PB_SCENARIO_MAX_VIEWERS && viewers % step == 0))
    return NULL;
  return g_strdup_printf (_("“extra_viewers” is %lld: add-on viewers come in positive multiples of %lld "
                            "up to %lld%s (EL-5)"),
                          (long long) viewers, (long long) step, (long long) PB_SCENARIO_MAX_VIEWERS,
                          zero_allowed ? _(", or 0 for none") : "");
}

/* VM-5: a fixed package has one of the catalog's sizes.  VM-6: a custom one
 * is at least the minimum, on the step grid. */
static char *
check_package (PbCatalog *catalog, const PbScenarioEvent *event)
{
  gint64 min = pb_catalog_vm_custom_min (catalog);
  gint64 step = pb_catalog_vm_custom_step (catalog);

  if (event->package_kind == PB_PACKAGE_FIXED)
    {
      g_autofree char *sizes = NULL;

      if (pb_catalog_vm_fixed_package (catalog, event->minutes) != NULL)
        return NULL;
      sizes = known_fixed_sizes (catalog);
      return g_strdup_printf (_("“minutes” is %lld: a fixed package has one of the sizes %s (VM-5)"),
                              (long long) event->minutes, sizes);
    }
  if (event->minutes >= min && event->minutes <= PB_SCENARIO_MAX_MINUTES && event->minutes % step == 0)
    return NULL;
  return g_strdup_printf (_("“minutes” is %lld: a custom package is at least %lld minutes, in steps of %lld, "
                            "up to %lld (VM-6)"),
                          (long long) event->minutes, (long long) min, (long long) step,
                          (long long) PB_SCENARIO_MAX_MINUTES);
}

static char *
check_range (const char *member, gint64 value, gint64 min, gint64 max, const char *rule)
{
  if (value >= min && value <= max)
    return NULL;
  return g_strdup_printf (_("“%s” is %lld, outside the range %lld to %lld (%s)"), member, (long long) value,
                          (long long) min, (long long) max, rule);
}

/* A count an event may carry (base-fee years, a group's quantity): 0 is
 * what an event built in code without the member holds, and means 1. */
static char *
check_count (const char *member, gint64 value, gint64 max, const char *rule)
{
  return value == 0 ? NULL : check_range (member, value, 1, max, rule);
}

/* The rule behind the quantity of a group of identical codes, numbers or
 * packages bought under one id (a quote's item, projected), or NULL for a
 * type that has none. */
static const char *
quantity_rule (PbEventType type)
{
  switch (type)
    {
    case PB_EVENT_LIVE_CODE_BUY: return "EL-4";
    case PB_EVENT_VOICE_NUMBER_ACTIVATE: return "VM-2";
    case PB_EVENT_VOICE_PACKAGE_BUY: return "VM-5";
    default: return NULL;
    }
}

/* The checks that depend on the event's type; @member as for check_event(). */
static char *
check_payload (PbScenario *self, const PbScenarioEvent *event, const char **member)
{
  char *message = NULL;

  *member = "quantity";
  if (quantity_rule (event->type) != NULL)
    message = check_count ("quantity", event->quantity, PB_SCENARIO_MAX_QUANTITY, quantity_rule (event->type));
  if (message != NULL)
    return message;
  switch (event->type)
    {
    case PB_EVENT_LIVE_CODE_BUY:
      *member = "tier";
      if (pb_catalog_el_tier (self->catalog, event->tier) == NULL)
        {
          g_autofree char *tiers = known_tiers (self->catalog);

          return g_strdup_printf (_("unknown tier “%s” (known: %s) (EL-4)"),
                                  event->tier ? event->tier : "", tiers);
        }
      *member = "extra_viewers";
      return check_extra_viewers (self->catalog, event->extra_viewers, TRUE);
    case PB_EVENT_LIVE_BASE_FEE_BUY:
      *member = "years";
      return check_count ("years", event->years, PB_SCENARIO_MAX_YEARS, "EL-3");
    case PB_EVENT_LIVE_CODE_EXPAND:
      *member = "extra_viewers";
      return check_extra_viewers (self->catalog, event->extra_viewers, FALSE);
    case PB_EVENT_LIVE_BROADCAST:
      /* Too long or too crowded is the engine's EL-9 rejection, not malformed. */
      *member = "viewers";
      if (event->viewers < 1 || event->viewers > PB_SCENARIO_MAX_VIEWERS)
        return check_range ("viewers", event->viewers, 1, PB_SCENARIO_MAX_VIEWERS, "EL-9");
      *member = "minutes";
      return check_range ("minutes", event->minutes, 1, PB_SCENARIO_MAX_MINUTES, "EL-9");
    case PB_EVENT_VOICE_PACKAGE_BUY:
      *member = "minutes";
      return check_package (self->catalog, event);
    case PB_EVENT_VOICE_CALL:
      *member = "seconds";
      return check_range ("seconds", event->seconds, 0, PB_SCENARIO_MAX_SECONDS, "VM-7");
    default:
      return NULL;
    }
}

/* Returns NULL when @event is well formed; else a message, with @member set
 * to the member at fault. */
/* FALSE with "“@member”: why" in @message when @text does not fit. */
static gboolean
text_fits (const char *text, glong max_chars, gboolean multiline, const char *member, char **message)
{
  g_autoptr(GError) error = NULL;

  if (pb_text_check (text, max_chars, multiline, &error))
    return TRUE;
  *message = g_strdup_printf ("“%s”: %s", member, error->message);
  return FALSE;
}

static char *
check_event (PbScenario *self, const PbScenarioEvent *event, const char **member)
{
  g_autofree char *key = NULL;
  char *message;
  gpointer previous;

  *member = event_types[event->type].subject;
  if (event->subject == NULL || *event->subject == '\0')
    return g_strdup_printf (_("“%s” must not be empty"), *member);
  /* What the editor lets through, the file must load again: the loader
   * bounds names and notes as pb-text.h says, so the editor does too. */
  if (!text_fits (event->subject, PB_TEXT_MAX_LINE, FALSE, *member, &message))
    return message;
  *member = "note";
  if (event->note != NULL && !text_fits (event->note, PB_TEXT_MAX_PARAGRAPHS, TRUE, *member, &message))
    return message;

  *member = "at";
  if (event->at < PB_INSTANT_MIN || event->at > PB_INSTANT_MAX)
    return g_strdup (_("“at” is outside the supported range 1970-01-01 to 2199-12-31"));

  message = check_payload (self, event, member);
  if (message != NULL)
    return message;

  key = bought_key (event);
  *member = event_types[event->type].subject;
  if (key != NULL && g_hash_table_lookup_extended (self->bought, key, NULL, &previous))
    {
      if (event->type == PB_EVENT_VOICE_PACKAGE_BUY)
        return g_strdup_printf (_("package “%s” is already bought by event %u: each package needs "
                                  "its own name (VM-5/VM-6)"), event->subject, GPOINTER_TO_UINT (previous));
      return g_strdup_printf (_("code “%s” is already bought by event %u: each code needs its own "
                                "name (EL-3/EL-4)"), event->subject, GPOINTER_TO_UINT (previous));
    }
  return NULL;
}

/* Copies @event to the end, its strings into the scenario's chunk. */
static guint
add_event (PbScenario *self, const PbScenarioEvent *event)
{
  PbScenarioEvent copy = *event;
  g_autofree char *key = bought_key (event);

  copy.index = self->events->len;
  copy.subject = g_string_chunk_insert_const (self->strings, event->subject);
  copy.tier = event->tier ? g_string_chunk_insert_const (self->strings, event->tier) : NULL;
  copy.note = event->note ? g_string_chunk_insert_const (self->strings, event->note) : NULL;
  g_array_append_val (self->events, copy);
  if (key != NULL)
    g_hash_table_insert (self->bought, g_steal_pointer (&key), GUINT_TO_POINTER (copy.index));
  return copy.index;
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
pb_scenario_finalize (GObject *object)
{
  PbScenario *self = PB_SCENARIO (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->term_rule_override, g_free);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->bought, g_hash_table_unref);

  G_OBJECT_CLASS (pb_scenario_parent_class)->finalize (object);
}

static void
pb_scenario_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbScenario *self = PB_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_TERM_RULE_OVERRIDE:
      g_value_set_string (value, self->term_rule_override);
      break;
    case PROP_N_EVENTS:
      g_value_set_uint (value, self->events->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_scenario_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PbScenario *self = PB_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pb_scenario_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      pb_scenario_set_description (self, g_value_get_string (value));
      break;
    case PROP_TERM_RULE_OVERRIDE:
      if (!pb_scenario_set_term_rule_override (self, g_value_get_string (value)))
        g_warning ("unknown term rule “%s”", g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_scenario_class_init (PbScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pb_scenario_finalize;
  object_class->get_property = pb_scenario_get_property;
  object_class->set_property = pb_scenario_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Changes no replay: notified, no "changed". */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TERM_RULE_OVERRIDE] =
    g_param_spec_string ("term-rule-override", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_EVENTS] =
    g_param_spec_uint ("n-events", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after anything that changes the replay: an event appended or
   * switched on or off, the term rule.  A simulator replays on it. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pb_scenario_init (PbScenario *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->events = g_array_new (FALSE, TRUE, sizeof (PbScenarioEvent));
  self->strings = g_string_chunk_new (4096);
  self->bought = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PbScenario *
pb_scenario_new (PbCatalog *catalog)
{
  PbScenario *self;

  g_return_val_if_fail (PB_IS_CATALOG (catalog), NULL);

  self = g_object_new (PB_TYPE_SCENARIO, NULL);
  self->catalog = g_object_ref (catalog);
  return self;
}

/* ------------------------------------------------------------------ */
/* Loading                                                            */

/* Events are read as the parser meets them and the JSON tree never holds
 * them all: a 10,000-code account's tree would be about 20 MiB. */
typedef struct
{
  PbJsonDoc  *doc;
  PbScenario *scenario;
  JsonArray  *events;   /* the root's array whose elements were read as events */
  GError     *refused;  /* why the first refused event was, reported after the root's own checks */
} Loader;

static gboolean
load_catalog_override (Loader *loader, JsonObject *root, GError **error)
{
  static const char * const allowed[] = { "term_rule", NULL };
  JsonObject *catalog;
  const char *rule = NULL;

  if (!pb_json_get_object (loader->doc, root, "catalog", "catalog", FALSE, &catalog, error))
    return FALSE;
  if (catalog == NULL)
    return TRUE;
  if (!pb_json_check_members (loader->doc, json_object_get_member (root, "catalog"), "catalog",
                              allowed, error) ||
      !pb_json_get_string (loader->doc, catalog, "term_rule", "catalog", "", &rule, error))
    return FALSE;
  if (*rule == '\0' && !json_object_has_member (catalog, "term_rule"))
    return TRUE;
  if (!pb_scenario_set_term_rule_override (loader->scenario, rule))
    {
      pb_json_doc_error (loader->doc, json_object_get_member (catalog, "term_rule"), error,
                         PB_ERROR_INPUT, "catalog",
                         _("unknown term rule “%s” (known: calendar, 365-days) (EL-T4)"), rule);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_at (Loader *loader, JsonObject *object, const char *where, PbInstant *at, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (!pb_json_get_string (loader->doc, object, "at", where, NULL, &text, error))
    return FALSE;
  if (!pb_time_parse (text, at, &local_error))
    {
      pb_json_doc_error (loader->doc, json_object_get_member (object, "at"), error, PB_ERROR_INPUT,
                         where, "“at”: %s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Only the type is checked here (any whole number); check_event says what
 * range applies and why, with the rule ID. */
static gboolean
load_int (Loader *loader, JsonObject *object, const char *member, const char *where,
          gint64 fallback, gint64 *result, GError **error)
{
  return pb_json_get_int (loader->doc, object, member, where, G_MININT64 + 1, G_MAXINT64,
                          fallback, result, error);
}

static gboolean
load_package_kind (Loader *loader, JsonObject *object, const char *where,
                   PbPackageKind *kind, GError **error)
{
  const char *text;

  if (!pb_json_get_string (loader->doc, object, "kind", where, NULL, &text, error))
    return FALSE;
  if (g_str_equal (text, "fixed"))
    *kind = PB_PACKAGE_FIXED;
  else if (g_str_equal (text, "custom"))
    *kind = PB_PACKAGE_CUSTOM;
  else
    {
      pb_json_doc_error (loader->doc, json_object_get_member (object, "kind"), error, PB_ERROR_INPUT,
                         where, _("unknown package kind “%s” (known: fixed (VM-5), custom (VM-6))"), text);
      return FALSE;
    }
  return TRUE;
}

/* An optional count (default 1): 0 stands for 1 only in events built in
 * code (check_count); a file that says 0 says something else. */
static gboolean
load_count (Loader *loader, JsonObject *object, const char *member, const char *where, gint64 max,
            const char *rule, gint64 *value, GError **error)
{
  g_autofree char *message = NULL;

  if (!load_int (loader, object, member, where, 1, value, error))
    return FALSE;
  if (*value != 0)
    return TRUE;
  message = check_range (member, 0, 1, max, rule);
  pb_json_doc_error (loader->doc, json_object_get_member (object, member), error, PB_ERROR_INPUT, where,
                     "%s", message);
  return FALSE;
}

static gboolean
load_quantity (Loader *loader, JsonObject *object, const char *where, PbScenarioEvent *event, GError **error)
{
  return load_count (loader, object, "quantity", where, PB_SCENARIO_MAX_QUANTITY, quantity_rule (event->type),
                     &event->quantity, error);
}

/* The members that depend on the event's type. */
static gboolean
load_payload (Loader *loader, JsonObject *object, const char *where,
              PbScenarioEvent *event, GError **error)
{
  PbJsonDoc *doc = loader->doc;

  if (!pb_json_get_string (doc, object, event_types[event->type].subject, where, NULL,
                           &event->subject, error))
    return FALSE;

  switch (event->type)
    {
    case PB_EVENT_LIVE_BASE_FEE_BUY:
      return load_count (loader, object, "years", where, PB_SCENARIO_MAX_YEARS, "EL-3", &event->years, error);
    case PB_EVENT_LIVE_CODE_BUY:
      return pb_json_get_string (doc, object, "tier", where, NULL, &event->tier, error) &&
             load_int (loader, object, "extra_viewers", where, 0, &event->extra_viewers, error) &&
             load_quantity (loader, object, where, event, error);
    case PB_EVENT_VOICE_NUMBER_ACTIVATE:
      return load_quantity (loader, object, where, event, error);
    case PB_EVENT_LIVE_CODE_EXPAND:
      return load_int (loader, object, "extra_viewers", where, PB_JSON_REQUIRED,
                       &event->extra_viewers, error);
    case PB_EVENT_LIVE_BROADCAST:
      return load_int (loader, object, "viewers", where, PB_JSON_REQUIRED, &event->viewers, error) &&
             load_int (loader, object, "minutes", where, PB_JSON_REQUIRED, &event->minutes, error);
    case PB_EVENT_VOICE_PACKAGE_BUY:
      return load_package_kind (loader, object, where, &event->package_kind, error) &&
             load_int (loader, object, "minutes", where, PB_JSON_REQUIRED, &event->minutes, error) &&
             load_quantity (loader, object, where, event, error);
    case PB_EVENT_VOICE_CALL:
      return load_int (loader, object, "seconds", where, PB_JSON_REQUIRED, &event->seconds, error) &&
             pb_json_get_bool (doc, object, "answered", where, -1, &event->answered, error);
    default:
      return TRUE;
    }
}

/* "event 3 (live.code.bind)", "account: event 3": where an event is, for
 * messages; @type may be NULL. */
static char *
event_place (const char *prefix, guint index, const char *type)
{
  g_autofree char *event = type ? g_strdup_printf (_("event %u (%s)"), index, type)
                                : g_strdup_printf (_("event %u"), index);

  return prefix ? g_strdup_printf ("%s: %s", prefix, event) : g_steal_pointer (&event);
}

static gboolean
load_type (Loader *loader, JsonObject *object, const char *where, PbEventType *type, GError **error)
{
  const char *text;

  if (!pb_json_get_string (loader->doc, object, "type", where, NULL, &text, error))
    return FALSE;
  if (!pb_event_type_from_string (text, type))
    {
      g_autofree char *known = known_event_types ();

      pb_json_doc_error (loader->doc, json_object_get_member (object, "type"), error, PB_ERROR_INPUT,
                         where, _("unknown event type “%s” (known: %s)"), text, known);
      return FALSE;
    }
  return TRUE;
}

/* @prefix: what holds the events, for messages ("account"), or NULL. */
static gboolean
load_event (Loader *loader, JsonNode *node, guint index, const char *prefix, GError **error)
{
  g_autofree char *where = event_place (prefix, index, NULL);
  g_autofree char *message = NULL;
  PbScenarioEvent event = { .index = index, .enabled = TRUE };
  const char *member = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      pb_json_doc_error (loader->doc, node, error, PB_ERROR_INPUT, where, _("an event must be an object"));
      return FALSE;
    }
  object = json_node_get_object (node);
  if (!load_type (loader, object, where, &event.type, error))
    return FALSE;

  g_free (where);
  where = event_place (prefix, index, event_types[event.type].name);
  if (!pb_json_check_members (loader->doc, node, where, event_types[event.type].members, error) ||
      !load_at (loader, object, where, &event.at, error) ||
      !pb_json_get_bool (loader->doc, object, "enabled", where, TRUE, &event.enabled, error) ||
      !pb_json_get_text (loader->doc, object, "note", where, "", PB_TEXT_MAX_PARAGRAPHS, TRUE, &event.note,
                         error) ||
      !load_payload (loader, object, where, &event, error))
    return FALSE;
  if (!json_object_has_member (object, "note"))
    event.note = NULL;

  message = check_event (loader->scenario, &event, &member);
  if (message != NULL)
    {
      JsonNode *at = member ? json_object_get_member (object, member) : NULL;

      pb_json_doc_error (loader->doc, at ? (gconstpointer) at : (gconstpointer) object, error,
                         PB_ERROR_INPUT, where, "%s", message);
      return FALSE;
    }
  add_event (loader->scenario, &event);
  return TRUE;
}

static gboolean
load_root (Loader *loader, GError **error)
{
  static const char * const allowed[] = { "format", "title", "description", "catalog", "events", NULL };
  JsonObject *root = pb_json_doc_root_object (loader->doc, PB_SCENARIO_FORMAT, error);
  const char *title, *description;
  JsonArray *events;

  if (root == NULL ||
      !pb_json_check_members (loader->doc, pb_json_doc_get_root (loader->doc), NULL, allowed, error) ||
      !pb_json_get_string (loader->doc, root, "title", NULL, "", &title, error) ||
      !pb_json_get_string (loader->doc, root, "description", NULL, "", &description, error) ||
      !load_catalog_override (loader, root, error) ||
      !pb_json_get_array (loader->doc, root, "events", NULL, TRUE, &events, error))
    return FALSE;
  /* Any other array in the root is refused above, so the events read
   * while parsing came from this one. */
  g_assert (loader->events == NULL || loader->events == events);
  if (loader->refused != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&loader->refused));
      return FALSE;
    }
  pb_scenario_set_title (loader->scenario, title);
  pb_scenario_set_description (loader->scenario, description);
  return TRUE;
}

/* PbJsonElementFunc: each element of an array in the root, as it is read.
 * Only "events" may be an array; if another is, the root's checks refuse
 * the file, so its elements are read as events until then all the same. */
static void
on_event (PbJsonDoc *doc, JsonArray *array, guint index, JsonNode *element, gpointer data)
{
  Loader *loader = data;

  loader->doc = doc;
  if (loader->events == NULL)
    loader->events = array;
  if (loader->refused != NULL || array != loader->events)
    return;
  load_event (loader, element, index, NULL, &loader->refused);
}

/* Reads @bytes, or the file at @path when @bytes is NULL. */
static PbScenario *
load (GBytes *bytes, const char *path, const char *name, PbCatalog *catalog, GError **error)
{
  g_autoptr(PbScenario) self = pb_scenario_new (catalog);
  g_autoptr(PbJsonDoc) doc = NULL;
  Loader loader = { NULL, self, NULL, NULL };
  gboolean loaded;

  if (bytes != NULL)
    doc = pb_json_doc_load_bytes_streaming (bytes, name, on_event, &loader, error);
  else
    doc = pb_json_doc_load_file_streaming (path, on_event, &loader, error);
  loader.doc = doc;
  loaded = doc != NULL && load_root (&loader, error);
  g_clear_error (&loader.refused);
  return loaded ? g_steal_pointer (&self) : NULL;
}

gboolean
pb_scenario_read_event (PbScenario *self, PbJsonDoc *doc, JsonNode *node, guint index, const char *prefix,
                        GError **error)
{
  Loader loader = { doc, self, NULL, NULL };

  g_return_val_if_fail (PB_IS_SCENARIO (self), FALSE);

  if (!load_event (&loader, node, index, prefix, error))
    return FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

PbScenario *
pb_scenario_new_from_bytes (GBytes *bytes, const char *name, PbCatalog *catalog, GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (PB_IS_CATALOG (catalog), NULL);

  return load (bytes, NULL, name ? name : "scenario", catalog, error);
}

PbScenario *
pb_scenario_new_from_file (const char *path, PbCatalog *catalog, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (PB_IS_CATALOG (catalog), NULL);

  return load (NULL, path, path, catalog, error);
}

PbScenario *
pb_scenario_new_from_resource (const char *resource_path, PbCatalog *catalog, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INTERNAL, "%s: %s", resource_path, local_error->message);
      return NULL;
    }
  return pb_scenario_new_from_bytes (bytes, resource_path, catalog, error);
}

/* ------------------------------------------------------------------ */
/* Saving                                                             */

static void
build_payload (JsonBuilder *builder, const PbScenarioEvent *event)
{
  /* Written only when more than one, as files written by hand say it. */
  if (event->quantity > 1)
    pb_json_add_int (builder, "quantity", event->quantity);
  switch (event->type)
    {
    case PB_EVENT_LIVE_BASE_FEE_BUY:
      /* Written only when more than one, as files written by hand say it. */
      if (event->years > 1)
        pb_json_add_int (builder, "years", event->years);
      break;
    case PB_EVENT_LIVE_CODE_BUY:
      pb_json_add_string (builder, "tier", event->tier);
      pb_json_add_int (builder, "extra_viewers", event->extra_viewers);
      break;
    case PB_EVENT_LIVE_CODE_EXPAND:
      pb_json_add_int (builder, "extra_viewers", event->extra_viewers);
      break;
    case PB_EVENT_LIVE_BROADCAST:
      pb_json_add_int (builder, "viewers", event->viewers);
      pb_json_add_int (builder, "minutes", event->minutes);
      break;
    case PB_EVENT_VOICE_PACKAGE_BUY:
      pb_json_add_string (builder, "kind", event->package_kind == PB_PACKAGE_FIXED ? "fixed" : "custom");
      pb_json_add_int (builder, "minutes", event->minutes);
      break;
    case PB_EVENT_VOICE_CALL:
      pb_json_add_int (builder, "seconds", event->seconds);
      json_builder_set_member_name (builder, "answered");
      json_builder_add_boolean_value (builder, event->answered);
      break;
    default:
      break;
    }
}

static void
build_event (JsonBuilder *builder, const PbScenarioEvent *event)
{
  json_builder_begin_object (builder);
  pb_json_add_instant (builder, "at", event->at);
  pb_json_add_string (builder, "type", event_types[event->type].name);
  pb_json_add_string (builder, event_types[event->type].subject, event->subject);
  build_payload (builder, event);
  if (event->note != NULL)
    pb_json_add_string (builder, "note", event->note);
  /* Written only when off, so that ordinary files stay as people write them. */
  if (!event->enabled)
    {
      json_builder_set_member_name (builder, "enabled");
      json_builder_add_boolean_value (builder, FALSE);
    }
  json_builder_end_object (builder);
}

JsonNode *
pb_scenario_to_json (PbScenario *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (PB_IS_SCENARIO (self), NULL);

  json_builder_begin_object (builder);
  pb_json_add_string (builder, "format", PB_SCENARIO_FORMAT);
  pb_json_add_string (builder, "title", self->title);
  /* Written only when there is one, as files without one are written. */
  if (*self->description != '\0')
    pb_json_add_string (builder, "description", self->description);
  if (self->term_rule_override != NULL)
    {
      json_builder_set_member_name (builder, "catalog");
      json_builder_begin_object (builder);
      pb_json_add_string (builder, "term_rule", self->term_rule_override);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "events");
  pb_scenario_build_events (self, builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
pb_scenario_build_events (PbScenario *self, JsonBuilder *builder)
{
  g_return_if_fail (PB_IS_SCENARIO (self));

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->events->len; i++)
    build_event (builder, &g_array_index (self->events, PbScenarioEvent, i));
  json_builder_end_array (builder);
}

gboolean
pb_scenario_save_to_file (PbScenario *self, const char *path, GError **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PB_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  root = pb_scenario_to_json (self);
  return pb_json_write_file (root, path, error);
}

char *
pb_scenario_to_string (PbScenario *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PB_IS_SCENARIO (self), NULL);

  root = pb_scenario_to_json (self);
  return pb_json_to_string (root);
}

/* ------------------------------------------------------------------ */
/* Comparing                                                          */

static gboolean
event_equal (const PbScenarioEvent *a, const PbScenarioEvent *b)
{
  return a->at == b->at && a->type == b->type && a->enabled == b->enabled &&
         g_strcmp0 (a->subject, b->subject) == 0 && g_strcmp0 (a->tier, b->tier) == 0 &&
         a->extra_viewers == b->extra_viewers && a->viewers == b->viewers && a->minutes == b->minutes &&
         a->package_kind == b->package_kind && a->seconds == b->seconds && a->answered == b->answered &&
         g_strcmp0 (a->note, b->note) == 0 && MAX (a->years, 1) == MAX (b->years, 1);
}

gboolean
pb_scenario_same_events (PbScenario *a, PbScenario *b)
{
  g_return_val_if_fail (PB_IS_SCENARIO (a), FALSE);
  g_return_val_if_fail (PB_IS_SCENARIO (b), FALSE);

  if (a->events->len != b->events->len)
    return FALSE;
  for (guint i = 0; i < a->events->len; i++)
    if (!event_equal (&g_array_index (a->events, PbScenarioEvent, i), &g_array_index (b->events, PbScenarioEvent, i)))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                          */

PbCatalog *
pb_scenario_get_catalog (PbScenario *self)
{
  g_return_val_if_fail (PB_IS_SCENARIO (self), NULL);
  return self->catalog;
}

const char *
pb_scenario_get_title (PbScenario *self)
{
  g_return_val_if_fail (PB_IS_SCENARIO (self), NULL);
  return self->title;
}

void
pb_scenario_set_title (PbScenario *self, const char *title)
{
  g_return_if_fail (PB_IS_SCENARIO (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
pb_scenario_get_description (PbScenario *self)
{
  g_return_val_if_fail (PB_IS_SCENARIO (self), NULL);
  return self->description;
}

void
pb_scenario_set_description (PbScenario *self, const char *description)
{
  g_return_if_fail (PB_IS_SCENARIO (self));

  if (description == NULL)
    description = "";
  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
pb_scenario_get_term_rule_override (PbScenario *self)
{
  g_return_val_if_fail (PB_IS_SCENARIO (self), NULL);
  return self->term_rule_override;
}

gboolean
pb_scenario_set_term_rule_override (PbScenario *self, const char *term_rule)
{
  PbTermRule rule;

  g_return_val_if_fail (PB_IS_SCENARIO (self), FALSE);

  if (term_rule != NULL && !pb_term_rule_from_string (term_rule, &rule))
    return FALSE;
  if (g_strcmp0 (self->term_rule_override, term_rule) == 0)
    return TRUE;
  g_free (self->term_rule_override);
  self->term_rule_override = g_strdup (term_rule);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_RULE_OVERRIDE]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

PbTermRule
pb_scenario_get_term_rule (PbScenario *self)
{
  PbTermRule rule;

  g_return_val_if_fail (PB_IS_SCENARIO (self), PB_TERM_RULE_CALENDAR);

  if (self->term_rule_override != NULL && pb_term_rule_from_string (self->term_rule_override, &rule))
    return rule;
  return pb_catalog_el_term_rule (self->catalog);
}

guint
pb_scenario_get_n_events (PbScenario *self)
{
  g_return_val_if_fail (PB_IS_SCENARIO (self), 0);
  return self->events->len;
}

const PbScenarioEvent *
pb_scenario_get_event (PbScenario *self, guint index)
{
  g_return_val_if_fail (PB_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return &g_array_index (self->events, PbScenarioEvent, index);
}

const PbScenarioEvent *
pb_scenario_get_events (PbScenario *self, guint *n_events)
{
  g_return_val_if_fail (PB_IS_SCENARIO (self), NULL);
  *n_events = self->events->len;
  return (const PbScenarioEvent *) self->events->data;
}

void
pb_scenario_set_event_enabled (PbScenario *self, guint index, gboolean enabled)
{
  PbScenarioEvent *event;

  g_return_if_fail (PB_IS_SCENARIO (self));
  g_return_if_fail (index < self->events->len);

  event = &g_array_index (self->events, PbScenarioEvent, index);
  if (event->enabled == !!enabled)
    return;
  event->enabled = !!enabled;
  g_signal_emit (self, signals[CHANGED], 0);
}

gint
pb_scenario_append_event (PbScenario *self, const PbScenarioEvent *event, GError **error)
{
  g_autofree char *message = NULL;
  const char *member = NULL;
  guint index;

  g_return_val_if_fail (PB_IS_SCENARIO (self), -1);
  g_return_val_if_fail (event != NULL, -1);

  if (event->type >= PB_N_EVENT_TYPES)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("event %u: unknown event type %d"),
                   self->events->len, (int) event->type);
      return -1;
    }
  message = check_event (self, event, &member);
  if (message != NULL)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("event %u (%s): %s"), self->events->len,
                   event_types[event->type].name, message);
      return -1;
    }
  index = add_event (self, event);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
  g_signal_emit (self, signals[CHANGED], 0);
  return (gint) index;
}

/* Replaces every event at once, in the given order (indices follow it).
 * Each event is checked as the loader checks it; on the first error nothing
 * changes and @error names the event.  Editing through a trial scenario
 * keeps the "bought once" bookkeeping in one place. */
gboolean
pb_scenario_set_events (PbScenario *self, const PbScenarioEvent *events, guint n_events, GError **error)
{
  g_autoptr(PbScenario) trial = NULL;

  g_return_val_if_fail (PB_IS_SCENARIO (self), FALSE);

  trial = pb_scenario_new (self->catalog);
  for (guint i = 0; i < n_events; i++)
    if (pb_scenario_append_event (trial, &events[i], error) < 0)
      return FALSE;
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->bought, g_hash_table_unref);
  self->events = g_steal_pointer (&trial->events);
  self->strings = g_steal_pointer (&trial->strings);
  self->bought = g_steal_pointer (&trial->bought);
  /* The trial is finalized without them; give it empty ones to free. */
  trial->events = g_array_new (FALSE, FALSE, sizeof (PbScenarioEvent));
  trial->strings = g_string_chunk_new (64);
  trial->bought = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
pb_scenario_remove_event (PbScenario *self, guint index)
{
  g_autoptr(GArray) rest = NULL;

  g_return_if_fail (PB_IS_SCENARIO (self));
  g_return_if_fail (index < self->events->len);

  rest = g_array_sized_new (FALSE, FALSE, sizeof (PbScenarioEvent), self->events->len);
  for (guint i = 0; i < self->events->len; i++)
    if (i != index)
      g_array_append_val (rest, g_array_index (self->events, PbScenarioEvent, i));
  /* Removing cannot break a rule of the loader: a bind or an expansion of a
   * code no longer bought is the replay's business, not the file's. */
  if (!pb_scenario_set_events (self, (const PbScenarioEvent *) rest->data, rest->len, NULL))
    g_warn_if_reached ();
}

gboolean
pb_scenario_replace_event (PbScenario *self, guint index, const PbScenarioEvent *event, GError **error)
{
  g_autoptr(GArray) all = NULL;

  g_return_val_if_fail (PB_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (index < self->events->len, FALSE);

  all = g_array_sized_new (FALSE, FALSE, sizeof (PbScenarioEvent), self->events->len);
  g_array_append_vals (all, self->events->data, self->events->len);
  g_array_index (all, PbScenarioEvent, index) = *event;
  return pb_scenario_set_events (self, (const PbScenarioEvent *) all->data, all->len, error);
}
