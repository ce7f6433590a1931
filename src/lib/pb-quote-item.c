/* pb-quote-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-quote-item"

#include "pb-quote-item.h"

#include <string.h>

G_DEFINE_ENUM_TYPE (PbProduct, pb_product,
  G_DEFINE_ENUM_VALUE (PB_PRODUCT_VOICE, "voice"),
  G_DEFINE_ENUM_VALUE (PB_PRODUCT_LIVE, "live"))

/* The nicks are the file format's words (cli-and-formats.md). */
G_DEFINE_ENUM_TYPE (PbItemKind, pb_item_kind,
  G_DEFINE_ENUM_VALUE (PB_ITEM_KIND_NUMBERS, "numbers"),
  G_DEFINE_ENUM_VALUE (PB_ITEM_KIND_FIXED_PACKAGE, "fixed_package"),
  G_DEFINE_ENUM_VALUE (PB_ITEM_KIND_CUSTOM_PACKAGE, "custom_package"),
  G_DEFINE_ENUM_VALUE (PB_ITEM_KIND_BASE_FEE, "base_fee"),
  G_DEFINE_ENUM_VALUE (PB_ITEM_KIND_CODE, "code"),
  G_DEFINE_ENUM_VALUE (PB_ITEM_KIND_EXPANSION, "expansion"))

static const char *
enum_to_string (GType type, int value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found ? found->value_nick : NULL;
}

static gboolean
enum_from_string (GType type, const char *text, int *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = text ? g_enum_get_value_by_nick (klass, text) : NULL;

  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}

const char *
pb_product_to_string (PbProduct product)
{
  return enum_to_string (PB_TYPE_PRODUCT, product);
}

gboolean
pb_product_from_string (const char *text, PbProduct *product)
{
  int value;

  if (!enum_from_string (PB_TYPE_PRODUCT, text, &value))
    return FALSE;
  *product = value;
  return TRUE;
}

const char *
pb_item_kind_to_string (PbItemKind kind)
{
  return enum_to_string (PB_TYPE_ITEM_KIND, kind);
}

gboolean
pb_item_kind_from_string (const char *text, PbItemKind *kind)
{
  int value;

  if (!enum_from_string (PB_TYPE_ITEM_KIND, text, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

/* the first three kinds are Voice Message, the rest Enterprise Live. */
PbProduct
pb_item_kind_get_product (PbItemKind kind)
{
  return kind <= PB_ITEM_KIND_CUSTOM_PACKAGE ? PB_PRODUCT_VOICE : PB_PRODUCT_LIVE;
}

/* ------------------------------------------------------------------ */

typedef enum
{
  FIELD_NUMBERS,
  FIELD_MONTHS,
  FIELD_MINUTES,
  FIELD_QUANTITY,
  FIELD_YEARS,
  FIELD_EXTRA_VIEWERS,
  N_FIELDS
} Field;

struct _PbQuoteItem
{
  GObject     parent_instance;

  PbItemKind  kind;
  gint64      fields[N_FIELDS];
  char       *tier;
  char       *code;
  char       *voucher;   /* NULL: none (VM-1 refuses any on Voice Message) */
  char       *origin;
};

G_DEFINE_FINAL_TYPE (PbQuoteItem, pb_quote_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PRODUCT,
  PROP_NUMBERS,         /* PROP_NUMBERS + Field for the numeric ones */
  PROP_MONTHS,
  PROP_MINUTES,
  PROP_QUANTITY,
  PROP_YEARS,
  PROP_EXTRA_VIEWERS,
  PROP_TIER,
  PROP_CODE,
  PROP_VOUCHER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *name;
  gint64      max;
  gint64      initial;
} field_specs[N_FIELDS] = {
  [FIELD_NUMBERS] = { "numbers", PB_QUOTE_ITEM_MAX_NUMBERS, 1 },
  [FIELD_MONTHS] = { "months", PB_QUOTE_ITEM_MAX_MONTHS, 1 },
  [FIELD_MINUTES] = { "minutes", PB_QUOTE_ITEM_MAX_MINUTES, 0 },
  [FIELD_QUANTITY] = { "quantity", PB_QUOTE_ITEM_MAX_QUANTITY, 1 },
  [FIELD_YEARS] = { "years", PB_QUOTE_ITEM_MAX_YEARS, 1 },
  [FIELD_EXTRA_VIEWERS] = { "extra-viewers", PB_QUOTE_ITEM_MAX_EXTRA_VIEWERS, 0 },
};

static void
pb_quote_item_finalize (GObject *object)
{
  PbQuoteItem *self = PB_QUOTE_ITEM (object);

  g_clear_pointer (&self->tier, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->voucher, g_free);
  g_clear_pointer (&self->origin, g_free);

  G_OBJECT_CLASS (pb_quote_item_parent_class)->finalize (object);
}

static void
pb_quote_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PbQuoteItem *self = PB_QUOTE_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PRODUCT:
      g_value_set_enum (value, pb_quote_item_get_product (self));
      break;

    case PROP_NUMBERS:
    case PROP_MONTHS:
    case PROP_MINUTES:
    case PROP_QUANTITY:
    case PROP_YEARS:
    case PROP_EXTRA_VIEWERS:
      g_value_set_int64 (value, self->fields[prop_id - PROP_NUMBERS]);
      break;

    case PROP_TIER:
      g_value_set_string (value, self->tier);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_VOUCHER:
      g_value_set_string (value, self->voucher);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void set_field (PbQuoteItem *self, Field field, gint64 value);

static void
pb_quote_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PbQuoteItem *self = PB_QUOTE_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      pb_quote_item_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_NUMBERS:
    case PROP_MONTHS:
    case PROP_MINUTES:
    case PROP_QUANTITY:
    case PROP_YEARS:
    case PROP_EXTRA_VIEWERS:
      set_field (self, prop_id - PROP_NUMBERS, g_value_get_int64 (value));
      break;

    case PROP_TIER:
      pb_quote_item_set_tier (self, g_value_get_string (value));
      break;

    case PROP_CODE:
      pb_quote_item_set_code (self, g_value_get_string (value));
      break;

    case PROP_VOUCHER:
      pb_quote_item_set_voucher (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_quote_item_class_init (PbQuoteItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = pb_quote_item_finalize;
  object_class->get_property = pb_quote_item_get_property;
  object_class->set_property = pb_quote_item_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PB_TYPE_ITEM_KIND, PB_ITEM_KIND_NUMBERS, flags);
  /* Follows the kind; notified when the kind moves to the other product. */
  properties[PROP_PRODUCT] =
    g_param_spec_enum ("product", NULL, NULL, PB_TYPE_PRODUCT, PB_PRODUCT_VOICE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  for (Field f = 0; f < N_FIELDS; f++)
    properties[PROP_NUMBERS + f] =
      g_param_spec_int64 (field_specs[f].name, NULL, NULL, 0, field_specs[f].max,
                          field_specs[f].initial, flags);
  properties[PROP_TIER] = g_param_spec_string ("tier", NULL, NULL, "", flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", flags);
  properties[PROP_VOUCHER] = g_param_spec_string ("voucher", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_quote_item_init (PbQuoteItem *self)
{
  for (Field f = 0; f < N_FIELDS; f++)
    self->fields[f] = field_specs[f].initial;
  self->tier = g_strdup ("");
  self->code = g_strdup ("");
}

PbQuoteItem *
pb_quote_item_new (PbItemKind kind)
{
  g_return_val_if_fail (kind <= PB_ITEM_KIND_LAST, NULL);

  return g_object_new (PB_TYPE_QUOTE_ITEM, "kind", kind, NULL);
}

PbQuoteItem *
pb_quote_item_copy (PbQuoteItem *self)
{
  PbQuoteItem *copy;

  g_return_val_if_fail (PB_IS_QUOTE_ITEM (self), NULL);

  copy = pb_quote_item_new (self->kind);
  memcpy (copy->fields, self->fields, sizeof self->fields);
  pb_quote_item_set_tier (copy, self->tier);
  pb_quote_item_set_code (copy, self->code);
  pb_quote_item_set_voucher (copy, self->voucher);
  pb_quote_item_set_origin (copy, self->origin);
  return copy;
}

/* Equal in everything that is saved and priced; the origin is not. */
gboolean
pb_quote_item_equal (PbQuoteItem *a,
                     PbQuoteItem *b)
{
  g_return_val_if_fail (PB_IS_QUOTE_ITEM (a), FALSE);
  g_return_val_if_fail (PB_IS_QUOTE_ITEM (b), FALSE);

  return a->kind == b->kind &&
         memcmp (a->fields, b->fields, sizeof a->fields) == 0 &&
         g_str_equal (a->tier, b->tier) &&
         g_str_equal (a->code, b->code) &&
         g_strcmp0 (a->voucher, b->voucher) == 0;
}

PbItemKind
pb_quote_item_get_kind (PbQuoteItem *self)
{
  g_return_val_if_fail (PB_IS_QUOTE_ITEM (self), PB_ITEM_KIND_NUMBERS);

  return self->kind;
}

void
pb_quote_item_set_kind (PbQuoteItem *self,
                        PbItemKind   kind)
{
  PbProduct old_product;

  g_return_if_fail (PB_IS_QUOTE_ITEM (self));
  g_return_if_fail (kind <= PB_ITEM_KIND_LAST);

  if (self->kind == kind)
    return;
  old_product = pb_item_kind_get_product (self->kind);
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  if (pb_item_kind_get_product (kind) != old_product)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}

PbProduct
pb_quote_item_get_product (PbQuoteItem *self)
{
  g_return_val_if_fail (PB_IS_QUOTE_ITEM (self), PB_PRODUCT_VOICE);

  return pb_item_kind_get_product (self->kind);
}

static void
set_field (PbQuoteItem *self, Field field, gint64 value)
{
  g_return_if_fail (PB_IS_QUOTE_ITEM (self));
  g_return_if_fail (value >= 0 && value <= field_specs[field].max);

  if (self->fields[field] == value)
    return;
  self->fields[field] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBERS + field]);
}

static gint64
get_field (PbQuoteItem *self, Field field)
{
  g_return_val_if_fail (PB_IS_QUOTE_ITEM (self), 0);

  return self->fields[field];
}

gint64
pb_quote_item_get_numbers (PbQuoteItem *self)
{
  return get_field (self, FIELD_NUMBERS);
}

void
pb_quote_item_set_numbers (PbQuoteItem *self, gint64 numbers)
{
  set_field (self, FIELD_NUMBERS, numbers);
}

gint64
pb_quote_item_get_months (PbQuoteItem *self)
{
  return get_field (self, FIELD_MONTHS);
}

void
pb_quote_item_set_months (PbQuoteItem *self, gint64 months)
{
  set_field (self, FIELD_MONTHS, months);
}

gint64
pb_quote_item_get_minutes (PbQuoteItem *self)
{
  return get_field (self, FIELD_MINUTES);
}

void
pb_quote_item_set_minutes (PbQuoteItem *self, gint64 minutes)
{
  set_field (self, FIELD_MINUTES, minutes);
}

gint64
pb_quote_item_get_quantity (PbQuoteItem *self)
{
  return get_field (self, FIELD_QUANTITY);
}

void
pb_quote_item_set_quantity (PbQuoteItem *self, gint64 quantity)
{
  set_field (self, FIELD_QUANTITY, quantity);
}

gint64
pb_quote_item_get_years (PbQuoteItem *self)
{
  return get_field (self, FIELD_YEARS);
}

void
pb_quote_item_set_years (PbQuoteItem *self, gint64 years)
{
  set_field (self, FIELD_YEARS, years);
}

gint64
pb_quote_item_get_extra_viewers (PbQuoteItem *self)
{
  return get_field (self, FIELD_EXTRA_VIEWERS);
}

void
pb_quote_item_set_extra_viewers (PbQuoteItem *self, gint64 extra_viewers)
{
  set_field (self, FIELD_EXTRA_VIEWERS, extra_viewers);
}

/* Tier and code are never NULL ("" when unset), so readers need no check. */
static void
set_text (PbQuoteItem *self, char **field, const char *value, gboolean nullable, guint prop_id)
{
  if (value == NULL && !nullable)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
pb_quote_item_get_tier (PbQuoteItem *self)
{
  g_return_val_if_fail (PB_IS_QUOTE_ITEM (self), NULL);

  return self->tier;
}

void
pb_quote_item_set_tier (PbQuoteItem *self, const char *tier)
{
  g_return_if_fail (PB_IS_QUOTE_ITEM (self));

  set_text (self, &self->tier, tier, FALSE, PROP_TIER);
}

const char *
pb_quote_item_get_code (PbQuoteItem *self)
{
  g_return_val_if_fail (PB_IS_QUOTE_ITEM (self), NULL);

  return self->code;
}

void
pb_quote_item_set_code (PbQuoteItem *self, const char *code)
{
  g_return_if_fail (PB_IS_QUOTE_ITEM (self));

  set_text (self, &self->code, code, FALSE, PROP_CODE);
}

const char *
pb_quote_item_get_voucher (PbQuoteItem *self)
{
  g_return_val_if_fail (PB_IS_QUOTE_ITEM (self), NULL);

  return self->voucher;
}

/* VM-1: the member is kept only so that the check can refuse it by name. */
void
pb_quote_item_set_voucher (PbQuoteItem *self, const char *voucher)
{
  g_return_if_fail (PB_IS_QUOTE_ITEM (self));

  set_text (self, &self->voucher, voucher, TRUE, PROP_VOUCHER);
}

const char *
pb_quote_item_get_origin (PbQuoteItem *self)
{
  g_return_val_if_fail (PB_IS_QUOTE_ITEM (self), NULL);

  return self->origin;
}

void
pb_quote_item_set_origin (PbQuoteItem *self, const char *origin)
{
  g_return_if_fail (PB_IS_QUOTE_ITEM (self));

  g_free (self->origin);
  self->origin = g_strdup (origin);
}
