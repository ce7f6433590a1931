/* pb-projection.c: a quote's purchases as a scenario, to see them over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Show on timeline" turns what a quote sells into the events of buying it
 * all at one instant, after the customer's history (pb-account.h), so that
 * the lifecycle engine (and nothing else) says when base fees lapse, codes
 * must be bound and packages expire.  Ids are generated: G1… for gifted
 * codes, C1… for codes, N1… for numbers and P1… for packages, skipping the
 * names the history uses.  Nothing is bound or called: the projection shows
 * what the customer must do next (bind before the deadline), not a guess.
 */
#define G_LOG_DOMAIN "pb-projection"

#include <glib/gi18n-lib.h>

#include "pb-account.h"
#include "pb-key-dates.h"
#include "pb-projection.h"

struct _PbProjection
{
  GObject     parent_instance;

  PbScenario *scenario;
  PbInstant   start;
  GByteArray *roles;          /* PbProjectionRole of each event */
  GPtrArray  *subjects;       /* per quote item: the id it was bought under, or NULL */
  GHashTable *subject_roles;  /* code, number or package id → the role of the event
                               * first naming it, plus one; copies, so that a what-if
                               * edit of the scenario leaves them */
};

G_DEFINE_FINAL_TYPE (PbProjection, pb_projection, G_TYPE_OBJECT)

static void
pb_projection_finalize (GObject *object)
{
  PbProjection *self = PB_PROJECTION (object);

  g_clear_object (&self->scenario);
  g_clear_pointer (&self->roles, g_byte_array_unref);
  g_clear_pointer (&self->subjects, g_ptr_array_unref);
  g_clear_pointer (&self->subject_roles, g_hash_table_unref);
  G_OBJECT_CLASS (pb_projection_parent_class)->finalize (object);
}

static void
pb_projection_class_init (PbProjectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_projection_finalize;
}

static void
pb_projection_init (PbProjection *self)
{
  self->roles = g_byte_array_new ();
  self->subjects = g_ptr_array_new ();
  self->subject_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The first event naming a subject bought it (a purchase, a gift, an
 * activation): later ones (an expansion, an unsubscription) keep its role. */
static void
note_role (PbProjection *self, const char *subject, PbProjectionRole role)
{
  if (subject != NULL && !g_hash_table_contains (self->subject_roles, subject))
    g_hash_table_insert (self->subject_roles, g_strdup (subject), GUINT_TO_POINTER (role + 1));
}

typedef struct
{
  PbProjection              *self;
  const PbProjectionOptions *options;
  PbInstant                  start;
  guint                      gifts, codes, numbers, packages;
  GHashTable                *taken;   /* the names the account's events use */
  PbScenario                *history; /* the quote's account, or NULL */
  guint                      projected;   /* items that bought something */
  GError                   **error;
} Projection;

static gboolean
add_as (Projection *p, PbScenarioEvent *event, const char *note, PbProjectionRole role)
{
  guint8 byte = (guint8) role;

  event->note = note;
  if (pb_scenario_append_event (p->self->scenario, event, p->error) < 0)
    return FALSE;
  g_byte_array_append (p->self->roles, &byte, 1);
  note_role (p->self, event->subject, role);
  return TRUE;
}

static gboolean
add (Projection *p, PbScenarioEvent *event, const char *note)
{
  return add_as (p, event, note, PB_PROJECTION_PROPOSED);
}

/* EL-3 (convention): an item of N years is one purchase of N consecutive
 * years gifting one code; a catalog that gifts one a year makes it N
 * purchases of a year, the later ones renewals while valid (EL-10, EL-T2). */
static gboolean
project_base_fee (Projection *p, PbCatalog *catalog, PbQuoteItem *item)
{
  gint64 years = pb_quote_item_get_years (item);
  gint64 purchases = pb_catalog_el_base_fee_gifts (catalog, years);

  for (gint64 i = 0; i < purchases; i++)
    {
      g_autofree char *gift = pb_account_new_name (p->taken, "G", &p->gifts);
      PbScenarioEvent event;

      pb_scenario_event_init (&event, PB_EVENT_LIVE_BASE_FEE_BUY, p->start, gift);
      event.years = years / purchases;
      if (!add (p, &event, _("Base annual fee from the quote (EL-3)")))
        return FALSE;
    }
  return TRUE;
}

/* A quote's item of N codes, numbers or packages is one group of N under
 * one id (the scenario's "quantity"): one lane, and work that does not
 * grow with N (issue 16.5).  An item of none is nothing to show. */
static gboolean
project_codes (Projection *p, PbQuoteItem *item)
{
  g_autofree char *id = NULL;
  PbScenarioEvent event;

  if (pb_quote_item_get_quantity (item) < 1)
    return TRUE;
  id = pb_account_new_name (p->taken, "C", &p->codes);
  pb_scenario_event_init (&event, PB_EVENT_LIVE_CODE_BUY, p->start, id);
  event.tier = pb_quote_item_get_tier (item);
  event.extra_viewers = pb_quote_item_get_extra_viewers (item);
  event.quantity = pb_quote_item_get_quantity (item);
  return add (p, &event, _("Activation codes from the quote (EL-4)"));
}

/* VM-3/VM-4: n numbers billed for m months are activated at the start and
 * unsubscribed in the m-th month. */
static gboolean
project_numbers (Projection *p, PbQuoteItem *item)
{
  PbInstant last_month = pb_time_add_months (p->start, (int) pb_quote_item_get_months (item) - 1);
  g_autofree char *id = NULL;
  PbScenarioEvent activate, unsubscribe;

  if (pb_quote_item_get_numbers (item) < 1)
    return TRUE;
  id = pb_account_new_name (p->taken, "N", &p->numbers);
  pb_scenario_event_init (&activate, PB_EVENT_VOICE_NUMBER_ACTIVATE, p->start, id);
  activate.quantity = pb_quote_item_get_numbers (item);
  pb_scenario_event_init (&unsubscribe, PB_EVENT_VOICE_NUMBER_UNSUBSCRIBE, MAX (last_month, p->start), id);
  return add (p, &activate, _("Numbers from the quote (VM-3)")) &&
         add (p, &unsubscribe, _("End of the months quoted (VM-4)"));
}

static gboolean
project_packages (Projection *p, PbQuoteItem *item, PbPackageKind kind)
{
  g_autofree char *id = NULL;
  PbScenarioEvent event;

  if (pb_quote_item_get_quantity (item) < 1)
    return TRUE;
  id = pb_account_new_name (p->taken, "P", &p->packages);
  pb_scenario_event_init (&event, PB_EVENT_VOICE_PACKAGE_BUY, p->start, id);
  event.package_kind = kind;
  event.minutes = pb_quote_item_get_minutes (item);
  event.quantity = pb_quote_item_get_quantity (item);
  return add (p, &event, _("Minute packages from the quote (VM-5, VM-6)"));
}

static gboolean
history_bought (PbScenario *history, const char *code)
{
  guint n = 0;
  const PbScenarioEvent *events = history ? pb_scenario_get_events (history, &n) : NULL;

  for (guint i = 0; i < n; i++)
    if ((events[i].type == PB_EVENT_LIVE_BASE_FEE_BUY || events[i].type == PB_EVENT_LIVE_CODE_BUY) &&
        g_strcmp0 (events[i].subject, code) == 0)
      return TRUE;
  return FALSE;
}

/* EL-6: an expansion of a code the customer's history holds is drawn on
 * that code, ending with it; of a code the projection does not know, it is
 * left out, and the quote says so. */
static gboolean
project_expansion (Projection *p, PbQuoteItem *item)
{
  PbScenarioEvent event;

  if (!history_bought (p->history, pb_quote_item_get_code (item)))
    return TRUE;
  pb_scenario_event_init (&event, PB_EVENT_LIVE_CODE_EXPAND, p->start, pb_quote_item_get_code (item));
  event.extra_viewers = pb_quote_item_get_extra_viewers (item);
  return add (p, &event, _("Concurrency expansion from the quote (EL-6)"));
}

static gboolean
project_item (Projection *p, PbCatalog *catalog, PbQuoteItem *item)
{
  switch (pb_quote_item_get_kind (item))
    {
    case PB_ITEM_KIND_BASE_FEE: return project_base_fee (p, catalog, item);
    case PB_ITEM_KIND_CODE: return project_codes (p, item);
    case PB_ITEM_KIND_NUMBERS: return !p->options->numbers || project_numbers (p, item);
    case PB_ITEM_KIND_FIXED_PACKAGE: return project_packages (p, item, PB_PACKAGE_FIXED);
    case PB_ITEM_KIND_CUSTOM_PACKAGE: return project_packages (p, item, PB_PACKAGE_CUSTOM);
    case PB_ITEM_KIND_EXPANSION: return project_expansion (p, item);
    default:
      return TRUE;
    }
}

/* The customer's history first, as it happened (drawn, with its key
 * dates), and the stand-in for a base fee the quote only says is held
 * (EL-7): what the quote's purchases come after (pb-account.h). */
static gboolean
project_account (Projection *p, PbQuote *quote)
{
  guint before = pb_scenario_get_n_events (p->self->scenario), after;
  gint stand_in;

  if (!pb_quote_append_account (quote, p->self->scenario, p->start, p->taken, &stand_in, p->error))
    return FALSE;
  after = pb_scenario_get_n_events (p->self->scenario);
  for (guint i = before; i < after; i++)
    {
      guint8 role = (gint) i == stand_in ? PB_PROJECTION_STAND_IN : PB_PROJECTION_HISTORY;

      g_byte_array_append (p->self->roles, &role, 1);
      note_role (p->self, pb_scenario_get_event (p->self->scenario, i)->subject, role);
    }
  return TRUE;
}

void
pb_projection_options_init (PbProjectionOptions *options)
{
  g_return_if_fail (options != NULL);
  options->start = PB_INSTANT_NONE;
  options->numbers = TRUE;
  options->max_items = 0;
}

/* Item @index of @quote, unless @options->max_items are already there; it
 * is known by the id of its first event. */
static gboolean
project_nth (Projection *p, PbCatalog *catalog, PbQuote *quote, guint index)
{
  PbScenario *scenario = p->self->scenario;
  guint before = pb_scenario_get_n_events (scenario);

  if (p->options->max_items > 0 && p->projected >= p->options->max_items)
    return TRUE;
  if (!project_item (p, catalog, pb_quote_get_item (quote, index)))
    return FALSE;
  if (pb_scenario_get_n_events (scenario) > before)
    {
      p->self->subjects->pdata[index] = (gpointer) pb_scenario_get_event (scenario, before)->subject;
      p->projected++;
    }
  return TRUE;
}

/* Base fees first, so that codes bought at the same instant find one valid
 * (EL-7); then everything else in the quote's order. */
PbProjection *
pb_projection_new (PbQuote *quote, PbCatalog *catalog, const PbProjectionOptions *options, GError **error)
{
  g_autoptr(PbProjection) self = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *title = NULL;
  PbProjectionOptions defaults;
  Projection p = { 0 };
  guint n;

  g_return_val_if_fail (PB_IS_QUOTE (quote), NULL);
  g_return_val_if_fail (PB_IS_CATALOG (catalog), NULL);

  if (options == NULL)
    {
      pb_projection_options_init (&defaults);
      options = &defaults;
    }
  self = g_object_new (PB_TYPE_PROJECTION, NULL);
  self->scenario = pb_scenario_new (catalog);
  self->start = options->start != PB_INSTANT_NONE ? options->start : pb_quote_get_date (quote);
  /* A new quote has no number until it is first saved. */
  title = *pb_quote_get_number (quote) != '\0'
          ? g_strdup_printf (_("Quote %s over time"), pb_quote_get_number (quote))
          : g_strdup (_("New quote over time"));
  pb_scenario_set_title (self->scenario, title);
  p.self = self;
  p.options = options;
  p.start = self->start;
  p.taken = taken;
  p.history = pb_quote_get_account (quote);
  p.error = error;

  n = pb_quote_get_n_items (quote);
  g_ptr_array_set_size (self->subjects, (gint) n);
  if (!project_account (&p, quote))
    return NULL;
  for (guint i = 0; i < n; i++)
    if (pb_quote_item_get_kind (pb_quote_get_item (quote, i)) == PB_ITEM_KIND_BASE_FEE &&
        !project_nth (&p, catalog, quote, i))
      return NULL;
  for (guint i = 0; i < n; i++)
    if (pb_quote_item_get_kind (pb_quote_get_item (quote, i)) != PB_ITEM_KIND_BASE_FEE &&
        !project_nth (&p, catalog, quote, i))
      return NULL;
  return g_steal_pointer (&self);
}

PbScenario *
pb_projection_get_scenario (PbProjection *self)
{
  g_return_val_if_fail (PB_IS_PROJECTION (self), NULL);
  return self->scenario;
}

PbInstant
pb_projection_get_start (PbProjection *self)
{
  g_return_val_if_fail (PB_IS_PROJECTION (self), PB_INSTANT_NONE);
  return self->start;
}

const char *
pb_projection_get_item_subject (PbProjection *self, guint item)
{
  g_return_val_if_fail (PB_IS_PROJECTION (self), NULL);
  return item < self->subjects->len ? g_ptr_array_index (self->subjects, item) : NULL;
}

PbProjectionRole
pb_projection_get_event_role (PbProjection *self, guint event)
{
  g_return_val_if_fail (PB_IS_PROJECTION (self), PB_PROJECTION_PROPOSED);
  g_return_val_if_fail (event < self->roles->len, PB_PROJECTION_PROPOSED);
  return (PbProjectionRole) self->roles->data[event];
}

gboolean
pb_projection_is_stand_in (PbProjection *self, guint event)
{
  g_return_val_if_fail (PB_IS_PROJECTION (self), FALSE);
  return event < self->roles->len && self->roles->data[event] == PB_PROJECTION_STAND_IN;
}

gboolean
pb_projection_lookup_subject (PbProjection *self, const char *subject, PbProjectionRole *role)
{
  gpointer value;

  g_return_val_if_fail (PB_IS_PROJECTION (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  value = subject != NULL ? g_hash_table_lookup (self->subject_roles, subject) : NULL;
  if (value == NULL)
    return FALSE;
  *role = (PbProjectionRole) (GPOINTER_TO_UINT (value) - 1);
  return TRUE;
}

static PbInstant
first_real_event (PbProjection *self)
{
  guint n;
  const PbScenarioEvent *events = pb_scenario_get_events (self->scenario, &n);
  PbInstant first = PB_INSTANT_NONE;

  /* The quote's own purchases: the history's dates are past.  Roles are
   * known for the events as projected, not for what-ifs added since. */
  for (guint i = 0; i < MIN (n, self->roles->len); i++)
    if (pb_projection_get_event_role (self, i) == PB_PROJECTION_PROPOSED &&
        (first == PB_INSTANT_NONE || events[i].at < first))
      first = events[i].at;
  return first;
}

GArray *
pb_projection_key_dates (PbProjection *self, PbLifecycle *lifecycle, PbInstant from)
{
  GArray *dates;

  g_return_val_if_fail (PB_IS_PROJECTION (self), NULL);
  g_return_val_if_fail (PB_IS_LIFECYCLE (lifecycle), NULL);

  guint kept = 0;

  dates = pb_lifecycle_key_dates (lifecycle, from != PB_INSTANT_NONE ? from : first_real_event (self));
  for (guint i = 0; i < dates->len; i++)
    {
      PbKeyDate date = g_array_index (dates, PbKeyDate, i);
      PbProjectionRole role;

      /* By the subject's id, not its event's index: a what-if edit of the
       * scenario in the window moves events, never the ids. */
      if (pb_projection_lookup_subject (self, date.subject, &role))
        {
          if (role == PB_PROJECTION_STAND_IN)
            continue;
          /* Nothing is bound in a projection: a proposed code is to be
           * bound by its deadline, not void at it (issue 17.7). */
          if (role == PB_PROJECTION_PROPOSED)
            date.lapses = FALSE;
        }
      g_array_index (dates, PbKeyDate, kept++) = date;
    }
  g_array_set_size (dates, kept);
  return dates;
}

PbScenario *
pb_quote_project (PbQuote *quote, PbCatalog *catalog, PbInstant start, GError **error)
{
  g_autoptr(PbProjection) projection = NULL;
  PbProjectionOptions options;

  pb_projection_options_init (&options);
  options.start = start;
  projection = pb_projection_new (quote, catalog, &options, error);
  return projection != NULL ? g_object_ref (projection->scenario) : NULL;
}
