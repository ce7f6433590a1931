/* pb-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-catalog"

#include "pb-catalog.h"
#include "pb-error.h"
#include "pb-json-private.h"
#include "pb-text.h"
#include "pb-quote-item.h"
#include "pb-tax.h"

struct _PbCatalog
{
  GObject     parent_instance;

  GPtrArray  *entries;          /* PbCatalogEntry, in file order */
  GHashTable *entries_by_key;
  GPtrArray  *terms;            /* PbCatalogTerm */

  PbMoney     vm_monthly_fee;
  GArray     *vm_fixed;         /* PbFixedPackage, ascending minutes */
  GArray     *vm_tiers;         /* PbCustomTier, ascending from 0 */
  gint64      vm_custom_min;
  gint64      vm_custom_step;
  gint64      vm_validity_months;
  gint64      vm_zero_second_minutes;
  gint64      vm_max_numbers;
  gint64      vm_low_balance;

  PbMoney     el_base_fee;
  char       *el_gift_tier;
  gboolean    el_gift_per_year;   /* EL-3 convention: FALSE, one gift per purchase */
  GArray     *el_tiers;         /* PbCodeTier */
  gint64      el_addon_step;
  PbMoney     el_addon_price;
  gint64      el_bind_months;
  gint64      el_broadcast_max;
  gint64      el_trial_max;
  gint64      el_trial_radar_top;
  PbTermRule  el_term_rule;

  PbTaxBasis  tax_basis;        /* the default of a quote that states none */
  gint        tax_rate;
};

G_DEFINE_FINAL_TYPE (PbCatalog, pb_catalog, G_TYPE_OBJECT)

static void
entry_free (PbCatalogEntry *entry)
{
  g_free (entry->key);
  g_free (entry->rule);
  g_free (entry->source);
  g_free (entry->text);
  g_free (entry->text_zh);
  g_free (entry);
}

static void
term_free (PbCatalogTerm *term)
{
  g_free (term->rule);
  g_free (term->applies_to);
  g_free (term->text);
  g_free (term->text_zh);
  g_free (term);
}

static void
tier_clear (PbCodeTier *tier)
{
  g_free (tier->id);
  g_free (tier->name);
  g_free (tier->name_zh);
}

static void
pb_catalog_finalize (GObject *object)
{
  PbCatalog *self = PB_CATALOG (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->entries_by_key, g_hash_table_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->vm_fixed, g_array_unref);
  g_clear_pointer (&self->vm_tiers, g_array_unref);
  g_clear_pointer (&self->el_tiers, g_array_unref);
  g_clear_pointer (&self->el_gift_tier, g_free);

  G_OBJECT_CLASS (pb_catalog_parent_class)->finalize (object);
}

static void
pb_catalog_class_init (PbCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_catalog_finalize;
}

static void
pb_catalog_init (PbCatalog *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->entries_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  self->vm_fixed = g_array_new (FALSE, FALSE, sizeof (PbFixedPackage));
  self->vm_tiers = g_array_new (FALSE, FALSE, sizeof (PbCustomTier));
  self->el_tiers = g_array_new (FALSE, FALSE, sizeof (PbCodeTier));
  g_array_set_clear_func (self->el_tiers, (GDestroyNotify) tier_clear);
}

/* ------------------------------------------------------------------ */
/* Loading                                                            */

typedef struct
{
  PbJsonDoc  *doc;
  JsonObject *entries;
  JsonObject *sources;
  PbCatalog  *catalog;
} Loader;

static gboolean
get_money (Loader *loader, JsonObject *object, const char *member, const char *where,
           PbMoney *result, GError **error)
{
  const char *text;
  g_autoptr(GError) local_error = NULL;

  if (!pb_json_get_string (loader->doc, object, member, where, NULL, &text, error))
    return FALSE;
  if (!pb_money_parse (text, result, &local_error) || *result < 0)
    {
      pb_json_doc_error (loader->doc, json_object_get_member (object, member), error, PB_ERROR_INPUT,
                         where, "“%s”: %s", member,
                         local_error ? local_error->message : "a price cannot be negative");
      return FALSE;
    }
  return TRUE;
}

/* Reads the common part of an entry (rule, source, assumption) and returns
 * its "value" node. */
static JsonNode *
load_entry (Loader *loader, const char *key, GError **error)
{
  static const char * const allowed[] = { "rule", "source", "assumption", "value", "text", "text_zh", NULL };
  JsonObject *object;
  const char *rule, *source, *text, *text_zh;
  gboolean assumption;
  PbCatalogEntry *entry;
  JsonNode *value;

  if (!pb_json_get_object (loader->doc, loader->entries, key, "entries", TRUE, &object, error) ||
      !pb_json_check_members (loader->doc, json_object_get_member (loader->entries, key), key, allowed, error) ||
      !pb_json_get_string (loader->doc, object, "rule", key, NULL, &rule, error) ||
      !pb_json_get_string (loader->doc, object, "source", key, NULL, &source, error) ||
      !pb_json_get_bool (loader->doc, object, "assumption", key, FALSE, &assumption, error) ||
      !pb_json_get_text (loader->doc, object, "text", key, "", PB_TEXT_MAX_PARAGRAPHS, TRUE, &text, error) ||
      !pb_json_get_text (loader->doc, object, "text_zh", key, "", PB_TEXT_MAX_PARAGRAPHS, TRUE, &text_zh, error))
    return NULL;
  if (!json_object_has_member (loader->sources, source))
    {
      pb_json_doc_error (loader->doc, json_object_get_member (object, "source"), error, PB_ERROR_INPUT, key,
                         "unknown source “%s”", source);
      return NULL;
    }
  if (assumption && (*text == '\0' || *text_zh == '\0'))
    {
      pb_json_doc_error (loader->doc, object, error, PB_ERROR_INPUT, key,
                         "an assumption needs “text” and “text_zh” for the quote's terms");
      return NULL;
    }
  value = json_object_get_member (object, "value");
  if (value == NULL)
    {
      pb_json_doc_error (loader->doc, object, error, PB_ERROR_INPUT, key, "“value” is missing");
      return NULL;
    }

  entry = g_new0 (PbCatalogEntry, 1);
  entry->key = g_strdup (key);
  entry->rule = g_strdup (rule);
  entry->source = g_strdup (json_object_get_string_member (loader->sources, source));
  entry->assumption = assumption;
  entry->text = g_strdup (text);
  entry->text_zh = g_strdup (text_zh);
  g_ptr_array_add (loader->catalog->entries, entry);
  g_hash_table_insert (loader->catalog->entries_by_key, entry->key, entry);
  return value;
}

/* An entry whose value is a single scalar: read it through a one-member
 * view of the entry object so that the typed getters report positions. */
static gboolean
load_int (Loader *loader, const char *key, gint64 min, gint64 max, gint64 *result, GError **error)
{
  JsonNode *value = load_entry (loader, key, error);

  return value != NULL &&
         pb_json_get_int (loader->doc, json_object_get_object_member (loader->entries, key), "value",
                          key, min, max, PB_JSON_REQUIRED, result, error);
}

static gboolean
load_money (Loader *loader, const char *key, PbMoney *result, GError **error)
{
  return load_entry (loader, key, error) != NULL &&
         get_money (loader, json_object_get_object_member (loader->entries, key), "value", key, result, error);
}

static gboolean
load_string (Loader *loader, const char *key, const char **result, GError **error)
{
  return load_entry (loader, key, error) != NULL &&
         pb_json_get_string (loader->doc, json_object_get_object_member (loader->entries, key), "value",
                             key, NULL, result, error);
}

/* Unknown members are refused in the catalog too: a misspelt "gift_tierr"
 * would otherwise leave a rule's number at a silent default. */
static gboolean
load_value_object (Loader *loader, const char *key, const char * const *allowed, JsonObject **result,
                   GError **error)
{
  JsonObject *entry;

  if (load_entry (loader, key, error) == NULL)
    return FALSE;
  entry = json_object_get_object_member (loader->entries, key);
  return pb_json_get_object (loader->doc, entry, "value", key, TRUE, result, error) &&
         pb_json_check_members (loader->doc, json_object_get_member (entry, "value"), key, allowed, error);
}

static gboolean
load_bool (Loader *loader, const char *key, GError **error)
{
  gboolean ignored;

  return load_entry (loader, key, error) != NULL &&
         pb_json_get_bool (loader->doc, json_object_get_object_member (loader->entries, key), "value",
                           key, -1, &ignored, error);
}

static gboolean
load_value_array (Loader *loader, const char *key, JsonArray **result, GError **error)
{
  return load_entry (loader, key, error) != NULL &&
         pb_json_get_array (loader->doc, json_object_get_object_member (loader->entries, key), "value",
                            key, TRUE, result, error);
}

static JsonObject *
array_object (Loader *loader, JsonArray *array, guint i, const char *where, const char * const *allowed,
              GError **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      pb_json_doc_error (loader->doc, node, error, PB_ERROR_INPUT, where, "element %u must be an object", i);
      return NULL;
    }
  if (!pb_json_check_members (loader->doc, node, where, allowed, error))
    return NULL;
  return json_node_get_object (node);
}

static gboolean
load_fixed_packages (Loader *loader, GError **error)
{
  static const char * const allowed[] = { "minutes", "price", NULL };
  const char *key = "voice.fixed_packages";
  JsonArray *array;

  if (!load_value_array (loader, key, &array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = array_object (loader, array, i, key, allowed, error);
      PbFixedPackage package;

      if (object == NULL ||
          !pb_json_get_int (loader->doc, object, "minutes", key, 1, G_MAXINT32, PB_JSON_REQUIRED,
                            &package.minutes, error) ||
          !get_money (loader, object, "price", key, &package.price, error))
        return FALSE;
      if (i > 0 && package.minutes <= g_array_index (loader->catalog->vm_fixed, PbFixedPackage, i - 1).minutes)
        {
          pb_json_doc_error (loader->doc, object, error, PB_ERROR_INPUT, key,
                             "packages must be listed by ascending minutes");
          return FALSE;
        }
      g_array_append_val (loader->catalog->vm_fixed, package);
    }
  return TRUE;
}

static gboolean
load_custom_package (Loader *loader, GError **error)
{
  static const char * const allowed[] = { "min_minutes", "step_minutes", "tiers", NULL };
  static const char * const tier_allowed[] = { "from_minutes", "unit_price", NULL };
  const char *key = "voice.custom_package";
  PbCatalog *self = loader->catalog;
  JsonObject *object;
  JsonArray *tiers;

  if (!load_value_object (loader, key, allowed, &object, error) ||
      !pb_json_get_int (loader->doc, object, "min_minutes", key, 1, G_MAXINT32, PB_JSON_REQUIRED,
                        &self->vm_custom_min, error) ||
      !pb_json_get_int (loader->doc, object, "step_minutes", key, 1, G_MAXINT32, PB_JSON_REQUIRED,
                        &self->vm_custom_step, error) ||
      !pb_json_get_array (loader->doc, object, "tiers", key, TRUE, &tiers, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (tiers); i++)
    {
      JsonObject *tier_object = array_object (loader, tiers, i, key, tier_allowed, error);
      PbCustomTier tier;
      gint64 previous = i > 0 ? g_array_index (self->vm_tiers, PbCustomTier, i - 1).from_minutes : -1;

      if (tier_object == NULL ||
          !pb_json_get_int (loader->doc, tier_object, "from_minutes", key, 0, G_MAXINT32, PB_JSON_REQUIRED,
                            &tier.from_minutes, error) ||
          !get_money (loader, tier_object, "unit_price", key, &tier.unit_price, error))
        return FALSE;
      if ((i == 0 && tier.from_minutes != 0) || tier.from_minutes <= previous)
        {
          pb_json_doc_error (loader->doc, tier_object, error, PB_ERROR_INPUT, key,
                             "tiers must start at 0 minutes and ascend");
          return FALSE;
        }
      g_array_append_val (self->vm_tiers, tier);
    }
  if (self->vm_tiers->len == 0)
    {
      pb_json_doc_error (loader->doc, tiers, error, PB_ERROR_INPUT, key, "at least one tier is needed");
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_tiers (Loader *loader, GError **error)
{
  static const char * const allowed[] = { "id", "name", "name_zh", "price", "viewers", NULL };
  const char *key = "live.code_tiers";
  JsonArray *array;

  if (!load_value_array (loader, key, &array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = array_object (loader, array, i, key, allowed, error);
      const char *id, *name, *name_zh;
      PbCodeTier tier = { 0 };

      if (object == NULL ||
          !pb_json_get_string (loader->doc, object, "id", key, NULL, &id, error) ||
          !pb_json_get_string (loader->doc, object, "name", key, NULL, &name, error) ||
          !pb_json_get_string (loader->doc, object, "name_zh", key, NULL, &name_zh, error) ||
          !get_money (loader, object, "price", key, &tier.price, error) ||
          !pb_json_get_int (loader->doc, object, "viewers", key, 1, G_MAXINT32, PB_JSON_REQUIRED,
                            &tier.viewers, error))
        return FALSE;
      /* A second tier of the same id could never be bought. */
      if (pb_catalog_el_tier (loader->catalog, id) != NULL)
        {
          pb_json_doc_error (loader->doc, json_object_get_member (object, "id"), error, PB_ERROR_INPUT, key,
                             "tier “%s” is listed twice", id);
          return FALSE;
        }
      tier.id = g_strdup (id);
      tier.name = g_strdup (name);
      tier.name_zh = g_strdup (name_zh);
      g_array_append_val (loader->catalog->el_tiers, tier);
    }
  return TRUE;
}

static gboolean
load_live (Loader *loader, GError **error)
{
  static const char * const base_allowed[] = { "price", "gift_tier", NULL };
  static const char * const addon_allowed[] = { "step", "price_per_viewer", NULL };
  static const char * const trial_allowed[] = { "max_viewers", "radar_top_viewers", NULL };
  PbCatalog *self = loader->catalog;
  JsonObject *base, *addon, *trial;
  const char *gift, *gifts, *term_rule, *ignored;

  if (!load_value_object (loader, "live.base_fee", base_allowed, &base, error) ||
      !get_money (loader, base, "price", "live.base_fee", &self->el_base_fee, error) ||
      !pb_json_get_string (loader->doc, base, "gift_tier", "live.base_fee", NULL, &gift, error) ||
      !load_tiers (loader, error) ||
      !load_value_object (loader, "live.addon_viewers", addon_allowed, &addon, error) ||
      !pb_json_get_int (loader->doc, addon, "step", "live.addon_viewers", 1, 1000000, PB_JSON_REQUIRED,
                        &self->el_addon_step, error) ||
      !get_money (loader, addon, "price_per_viewer", "live.addon_viewers", &self->el_addon_price, error) ||
      !load_value_object (loader, "live.trial", trial_allowed, &trial, error) ||
      !pb_json_get_int (loader->doc, trial, "max_viewers", "live.trial", 0, G_MAXINT32, PB_JSON_REQUIRED,
                        &self->el_trial_max, error) ||
      !pb_json_get_int (loader->doc, trial, "radar_top_viewers", "live.trial", 0, G_MAXINT32,
                        PB_JSON_REQUIRED, &self->el_trial_radar_top, error) ||
      !load_int (loader, "live.bind_within_months", 1, 120, &self->el_bind_months, error) ||
      !load_int (loader, "live.broadcast_max_minutes", 1, 100000, &self->el_broadcast_max, error) ||
      !load_string (loader, "live.base_fee_gifts", &gifts, error) ||
      !load_string (loader, "live.term_rule", &term_rule, error) ||
      !load_string (loader, "live.expansion_eligibility", &ignored, error) ||
      !load_string (loader, "live.renewal_after_lapse", &ignored, error) ||
      !load_bool (loader, "live.enterprise_only", error))
    return FALSE;
  if (pb_catalog_el_tier (self, gift) == NULL)
    {
      pb_json_doc_error (loader->doc, json_object_get_member (base, "gift_tier"), error, PB_ERROR_INPUT,
                         "live.base_fee", "unknown tier “%s”", gift);
      return FALSE;
    }
  /* EL-3: the guide gifts a code with every purchase; whether a purchase
   * of several years is one purchase is the project's convention. */
  if (g_str_equal (gifts, "one-per-year"))
    self->el_gift_per_year = TRUE;
  else if (!g_str_equal (gifts, "one-per-purchase"))
    {
      pb_json_doc_error (loader->doc, json_object_get_object_member (loader->entries, "live.base_fee_gifts"),
                         error, PB_ERROR_INPUT, "live.base_fee_gifts",
                         "unknown gift rule “%s” (known: one-per-purchase, one-per-year) (EL-3)", gifts);
      return FALSE;
    }
  if (!pb_term_rule_from_string (term_rule, &self->el_term_rule))
    {
      pb_json_doc_error (loader->doc, json_object_get_object_member (loader->entries, "live.term_rule"),
                         error, PB_ERROR_INPUT, "live.term_rule",
                         "unknown term rule “%s” (known: calendar, 365-days)", term_rule);
      return FALSE;
    }
  self->el_gift_tier = g_strdup (gift);
  return TRUE;
}

static gboolean
load_voice (Loader *loader, GError **error)
{
  PbCatalog *self = loader->catalog;
  const char *ignored;

  return load_bool (loader, "voice.vouchers", error) &&
         load_bool (loader, "voice.enterprise_only", error) &&
         load_money (loader, "voice.number_monthly_fee", &self->vm_monthly_fee, error) &&
         load_fixed_packages (loader, error) &&
         load_custom_package (loader, error) &&
         load_int (loader, "voice.call_zero_seconds_bills", 0, 60, &self->vm_zero_second_minutes, error) &&
         load_string (loader, "voice.call_without_balance", &ignored, error) &&
         load_int (loader, "voice.package_validity_months", 1, 1200, &self->vm_validity_months, error) &&
         load_string (loader, "voice.package_consumption_order", &ignored, error) &&
         load_int (loader, "voice.max_numbers_advisory", 1, G_MAXINT32, &self->vm_max_numbers, error) &&
         load_int (loader, "voice.low_balance_alarm_minutes", 0, G_MAXINT32, &self->vm_low_balance, error);
}

/* the tax a quote takes when it states none. */
static gboolean
load_tax (Loader *loader, GError **error)
{
  static const char * const allowed[] = { "basis", "rate_percent", NULL };
  const char *key = "quote.tax_default";
  JsonObject *object;
  const char *basis, *rate;
  g_autoptr(GError) local_error = NULL;

  if (!load_value_object (loader, key, allowed, &object, error) ||
      !pb_json_get_string (loader->doc, object, "basis", key, NULL, &basis, error) ||
      !pb_json_get_string (loader->doc, object, "rate_percent", key, NULL, &rate, error))
    return FALSE;
  if (!pb_tax_basis_from_string (basis, &loader->catalog->tax_basis))
    {
      pb_json_doc_error (loader->doc, json_object_get_member (object, "basis"), error, PB_ERROR_INPUT, key,
                         "unknown basis “%s” (known: inclusive, exclusive)", basis);
      return FALSE;
    }
  if (!pb_percent_parse (rate, &loader->catalog->tax_rate, &local_error))
    {
      pb_json_doc_error (loader->doc, json_object_get_member (object, "rate_percent"), error, PB_ERROR_INPUT,
                         key, "“rate_percent”: %s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_terms (Loader *loader, JsonObject *root, GError **error)
{
  static const char * const allowed[] = { "rule", "applies_to", "text", "text_zh", NULL };
  JsonArray *array;

  if (!pb_json_get_array (loader->doc, root, "terms", NULL, TRUE, &array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = array_object (loader, array, i, "terms", allowed, error);
      const char *rule, *applies_to, *text, *text_zh;
      PbCatalogTerm *term;

      PbProduct product;
      PbItemKind kind;

      if (object == NULL ||
          !pb_json_get_string (loader->doc, object, "rule", "terms", NULL, &rule, error) ||
          !pb_json_get_string (loader->doc, object, "applies_to", "terms", NULL, &applies_to, error) ||
          !pb_json_get_text (loader->doc, object, "text", "terms", NULL, PB_TEXT_MAX_PARAGRAPHS, TRUE, &text,
                             error) ||
          !pb_json_get_text (loader->doc, object, "text_zh", "terms", NULL, PB_TEXT_MAX_PARAGRAPHS, TRUE,
                             &text_zh, error))
        return FALSE;
      /* A term that applies to nothing would silently never be printed. */
      if (!pb_product_from_string (applies_to, &product) && !pb_item_kind_from_string (applies_to, &kind))
        {
          pb_json_doc_error (loader->doc, json_object_get_member (object, "applies_to"), error,
                             PB_ERROR_INPUT, "terms", "“applies_to” is “%s”: a product (voice, live) or "
                             "an item kind (numbers, fixed_package, custom_package, base_fee, code, "
                             "expansion)", applies_to);
          return FALSE;
        }
      term = g_new0 (PbCatalogTerm, 1);
      term->rule = g_strdup (rule);
      term->applies_to = g_strdup (applies_to);
      term->text = g_strdup (text);
      term->text_zh = g_strdup (text_zh);
      g_ptr_array_add (loader->catalog->terms, term);
    }
  return TRUE;
}

/* Every source an entry names must be a sentence to print. */
static gboolean
check_sources (Loader *loader, GError **error)
{
  g_autoptr(GList) names = json_object_get_members (loader->sources);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *text;

      if (!pb_json_get_text (loader->doc, loader->sources, l->data, "sources", NULL, PB_TEXT_MAX_PARAGRAPHS, TRUE,
                             &text, error))
        return FALSE;
    }
  return TRUE;
}

/* An entry the code does not read is a typo or a rule this version does
 * not know: either way the catalog does not say what it seems to. */
static gboolean
check_unknown_entries (Loader *loader, GError **error)
{
  g_autoptr(GList) keys = json_object_get_members (loader->entries);

  for (GList *l = keys; l != NULL; l = l->next)
    if (pb_catalog_lookup (loader->catalog, l->data) == NULL)
      {
        pb_json_doc_error (loader->doc, json_object_get_member (loader->entries, l->data), error,
                           PB_ERROR_INPUT, "entries", "unknown entry “%s”", (const char *) l->data);
        return FALSE;
      }
  return TRUE;
}

static PbCatalog *
catalog_from_doc (PbJsonDoc *doc, GError **error)
{
  static const char * const allowed[] = { "format", "id", "currency", "sources", "entries", "terms", NULL };
  g_autoptr(PbCatalog) self = NULL;
  JsonObject *root;
  const char *id, *currency;
  Loader loader = { 0 };

  if ((root = pb_json_doc_root_object (doc, "pricebook-catalog/1", error)) == NULL ||
      !pb_json_check_members (doc, pb_json_doc_get_root (doc), NULL, allowed, error) ||
      !pb_json_get_string (doc, root, "id", NULL, "", &id, error) ||
      !pb_json_get_string (doc, root, "currency", NULL, NULL, &currency, error))
    return NULL;
  /* quotes are in CNY; a catalog in another currency would mislabel them. */
  if (!g_str_equal (currency, "CNY"))
    {
      pb_json_doc_error (doc, json_object_get_member (root, "currency"), error, PB_ERROR_INPUT, NULL,
                         "the currency is “%s”, but Pricebook quotes in CNY (Q-1)", currency);
      return NULL;
    }
  self = g_object_new (PB_TYPE_CATALOG, NULL);
  loader.doc = doc;
  loader.catalog = self;
  if (!pb_json_get_object (doc, root, "entries", NULL, TRUE, &loader.entries, error) ||
      !pb_json_get_object (doc, root, "sources", NULL, TRUE, &loader.sources, error) ||
      !check_sources (&loader, error) ||
      !load_voice (&loader, error) ||
      !load_live (&loader, error) ||
      !load_tax (&loader, error) ||
      !check_unknown_entries (&loader, error) ||
      !load_terms (&loader, root, error))
    return NULL;
  return g_steal_pointer (&self);
}

PbCatalog *
pb_catalog_new_from_bytes (GBytes *bytes, const char *name, GError **error)
{
  g_autoptr(PbJsonDoc) doc = pb_json_doc_load_bytes (bytes, name, error);

  return doc ? catalog_from_doc (doc, error) : NULL;
}

/* Read with the same guards as every other file (size, folders, devices). */
PbCatalog *
pb_catalog_new_from_file (const char *path, GError **error)
{
  g_autoptr(PbJsonDoc) doc = pb_json_doc_load_file (path, error);

  return doc ? catalog_from_doc (doc, error) : NULL;
}

/* The built-in catalog, parsed once per process (an export thread may ask
 * at the same time as the main thread, hence the lock). */
PbCatalog *
pb_catalog_get_default (GError **error)
{
  static GMutex lock;
  static PbCatalog *catalog;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autoptr(GBytes) bytes = NULL;

  if (catalog == NULL)
    {
      bytes = g_resources_lookup_data (PB_CATALOG_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      catalog = pb_catalog_new_from_bytes (bytes, "built-in catalog", error);
      if (catalog == NULL)
        return NULL;
    }
  return g_object_ref (catalog);
}

/* ------------------------------------------------------------------ */
/* Queries                                                            */

const PbCatalogEntry *
pb_catalog_lookup (PbCatalog *self, const char *key)
{
  return g_hash_table_lookup (self->entries_by_key, key);
}

GPtrArray *
pb_catalog_get_entries (PbCatalog *self)
{
  return self->entries;
}

GPtrArray *
pb_catalog_get_terms (PbCatalog *self)
{
  return self->terms;
}

PbMoney
pb_catalog_vm_monthly_fee (PbCatalog *self)
{
  return self->vm_monthly_fee;
}

const PbFixedPackage *
pb_catalog_vm_fixed_packages (PbCatalog *self, guint *n_packages)
{
  *n_packages = self->vm_fixed->len;
  return (const PbFixedPackage *) self->vm_fixed->data;
}

const PbFixedPackage *
pb_catalog_vm_fixed_package (PbCatalog *self, gint64 minutes)
{
  for (guint i = 0; i < self->vm_fixed->len; i++)
    if (g_array_index (self->vm_fixed, PbFixedPackage, i).minutes == minutes)
      return &g_array_index (self->vm_fixed, PbFixedPackage, i);
  return NULL;
}

const PbCustomTier *
pb_catalog_vm_custom_tiers (PbCatalog *self, guint *n_tiers)
{
  *n_tiers = self->vm_tiers->len;
  return (const PbCustomTier *) self->vm_tiers->data;
}

gint64
pb_catalog_vm_custom_min (PbCatalog *self)
{
  return self->vm_custom_min;
}

gint64
pb_catalog_vm_custom_step (PbCatalog *self)
{
  return self->vm_custom_step;
}

/* VM-6: the unit price is set by the package's own size. */
PbMoney
pb_catalog_vm_custom_unit_price (PbCatalog *self, gint64 minutes)
{
  PbMoney price = g_array_index (self->vm_tiers, PbCustomTier, 0).unit_price;

  for (guint i = 0; i < self->vm_tiers->len; i++)
    if (minutes >= g_array_index (self->vm_tiers, PbCustomTier, i).from_minutes)
      price = g_array_index (self->vm_tiers, PbCustomTier, i).unit_price;
  return price;
}

guint
pb_catalog_vm_package_validity_months (PbCatalog *self)
{
  return (guint) self->vm_validity_months;
}

gint64
pb_catalog_vm_zero_second_minutes (PbCatalog *self)
{
  return self->vm_zero_second_minutes;
}

guint
pb_catalog_vm_max_numbers (PbCatalog *self)
{
  return (guint) self->vm_max_numbers;
}

gint64
pb_catalog_vm_low_balance_alarm (PbCatalog *self)
{
  return self->vm_low_balance;
}

PbMoney
pb_catalog_el_base_fee (PbCatalog *self)
{
  return self->el_base_fee;
}

const char *
pb_catalog_el_gift_tier (PbCatalog *self)
{
  return self->el_gift_tier;
}

/* EL-3 (convention, "live.base_fee_gifts"): a base fee of @years bought at
 * once is one purchase and gifts one code; a catalog may say one a year. */
gint64
pb_catalog_el_base_fee_gifts (PbCatalog *self, gint64 years)
{
  return self->el_gift_per_year ? years : 1;
}

const PbCodeTier *
pb_catalog_el_tiers (PbCatalog *self, guint *n_tiers)
{
  *n_tiers = self->el_tiers->len;
  return (const PbCodeTier *) self->el_tiers->data;
}

const PbCodeTier *
pb_catalog_el_tier (PbCatalog *self, const char *id)
{
  for (guint i = 0; i < self->el_tiers->len; i++)
    if (g_strcmp0 (g_array_index (self->el_tiers, PbCodeTier, i).id, id) == 0)
      return &g_array_index (self->el_tiers, PbCodeTier, i);
  return NULL;
}

gint64
pb_catalog_el_addon_step (PbCatalog *self)
{
  return self->el_addon_step;
}

PbMoney
pb_catalog_el_addon_price (PbCatalog *self)
{
  return self->el_addon_price;
}

guint
pb_catalog_el_bind_months (PbCatalog *self)
{
  return (guint) self->el_bind_months;
}

guint
pb_catalog_el_broadcast_max_minutes (PbCatalog *self)
{
  return (guint) self->el_broadcast_max;
}

guint
pb_catalog_el_trial_max_viewers (PbCatalog *self)
{
  return (guint) self->el_trial_max;
}

/* EL-1: how many of the top viewers the trial's data radar shows. */
guint
pb_catalog_el_trial_radar_top_viewers (PbCatalog *self)
{
  return (guint) self->el_trial_radar_top;
}

PbTermRule
pb_catalog_el_term_rule (PbCatalog *self)
{
  return self->el_term_rule;
}

const char *
pb_code_tier_display_name (const PbCodeTier *tier)
{
  return g_str_has_prefix (g_get_language_names ()[0], "zh") ? tier->name_zh : tier->name;
}

/* the basis and rate (hundredths of a percent) of a quote that states
 * no tax; an assumption the documents label. */
void
pb_catalog_tax_default (PbCatalog *self, PbTaxBasis *basis, gint *rate)
{
  g_return_if_fail (PB_IS_CATALOG (self));

  if (basis != NULL)
    *basis = self->tax_basis;
  if (rate != NULL)
    *rate = self->tax_rate;
}
