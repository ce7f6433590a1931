/* pb-customer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-customer"

#include "pb-customer.h"

struct _PbCustomer
{
  GObject   parent_instance;

  char     *name;
  char     *contact;
  gboolean  enterprise;
  /* The buyer's invoicing details (开票信息), printed on the quote. */
  char     *address;
  char     *tax_id;
  char     *bank;
  char     *bank_account;
};

G_DEFINE_FINAL_TYPE (PbCustomer, pb_customer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CONTACT,
  PROP_ENTERPRISE,
  PROP_ADDRESS,
  PROP_TAX_ID,
  PROP_BANK,
  PROP_BANK_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pb_customer_finalize (GObject *object)
{
  PbCustomer *self = PB_CUSTOMER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->tax_id, g_free);
  g_clear_pointer (&self->bank, g_free);
  g_clear_pointer (&self->bank_account, g_free);

  G_OBJECT_CLASS (pb_customer_parent_class)->finalize (object);
}

static void
pb_customer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PbCustomer *self = PB_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;

    case PROP_ENTERPRISE:
      g_value_set_boolean (value, self->enterprise);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_TAX_ID:
      g_value_set_string (value, self->tax_id);
      break;

    case PROP_BANK:
      g_value_set_string (value, self->bank);
      break;

    case PROP_BANK_ACCOUNT:
      g_value_set_string (value, self->bank_account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_customer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PbCustomer *self = PB_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      pb_customer_set_name (self, g_value_get_string (value));
      break;

    case PROP_CONTACT:
      pb_customer_set_contact (self, g_value_get_string (value));
      break;

    case PROP_ENTERPRISE:
      pb_customer_set_enterprise (self, g_value_get_boolean (value));
      break;

    case PROP_ADDRESS:
      pb_customer_set_address (self, g_value_get_string (value));
      break;

    case PROP_TAX_ID:
      pb_customer_set_tax_id (self, g_value_get_string (value));
      break;

    case PROP_BANK:
      pb_customer_set_bank (self, g_value_get_string (value));
      break;

    case PROP_BANK_ACCOUNT:
      pb_customer_set_bank_account (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_customer_class_init (PbCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pb_customer_finalize;
  object_class->get_property = pb_customer_get_property;
  object_class->set_property = pb_customer_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* VM-10, EL-2: only enterprises may buy; FALSE until someone says so. */
  properties[PROP_ENTERPRISE] =
    g_param_spec_boolean ("enterprise", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* the buyer's invoicing details, "" when not given; at most
   * PB_TEXT_MAX_LINE characters each in a file (pb-text.h). */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TAX_ID] =
    g_param_spec_string ("tax-id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BANK] =
    g_param_spec_string ("bank", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BANK_ACCOUNT] =
    g_param_spec_string ("bank-account", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_customer_init (PbCustomer *self)
{
  self->name = g_strdup ("");
  self->contact = g_strdup ("");
  self->address = g_strdup ("");
  self->tax_id = g_strdup ("");
  self->bank = g_strdup ("");
  self->bank_account = g_strdup ("");
}

PbCustomer *
pb_customer_new (const char *name,
                 const char *contact,
                 gboolean    enterprise)
{
  return g_object_new (PB_TYPE_CUSTOMER,
                       "name", name ? name : "",
                       "contact", contact ? contact : "",
                       "enterprise", enterprise,
                       NULL);
}

PbCustomer *
pb_customer_copy (PbCustomer *self)
{
  g_return_val_if_fail (PB_IS_CUSTOMER (self), NULL);

  return g_object_new (PB_TYPE_CUSTOMER,
                       "name", self->name,
                       "contact", self->contact,
                       "enterprise", self->enterprise,
                       "address", self->address,
                       "tax-id", self->tax_id,
                       "bank", self->bank,
                       "bank-account", self->bank_account,
                       NULL);
}

gboolean
pb_customer_equal (PbCustomer *a,
                   PbCustomer *b)
{
  g_return_val_if_fail (PB_IS_CUSTOMER (a), FALSE);
  g_return_val_if_fail (PB_IS_CUSTOMER (b), FALSE);

  return g_str_equal (a->name, b->name) &&
         g_str_equal (a->contact, b->contact) &&
         a->enterprise == b->enterprise &&
         g_str_equal (a->address, b->address) &&
         g_str_equal (a->tax_id, b->tax_id) &&
         g_str_equal (a->bank, b->bank) &&
         g_str_equal (a->bank_account, b->bank_account);
}

const char *
pb_customer_get_name (PbCustomer *self)
{
  g_return_val_if_fail (PB_IS_CUSTOMER (self), NULL);

  return self->name;
}

/* NULL is stored as "" so that readers never meet a NULL name. */
static gboolean
replace_string (char **field, const char *value)
{
  if (value == NULL)
    value = "";
  if (g_str_equal (*field, value))
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
pb_customer_set_name (PbCustomer *self,
                      const char *name)
{
  g_return_if_fail (PB_IS_CUSTOMER (self));

  if (replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pb_customer_get_contact (PbCustomer *self)
{
  g_return_val_if_fail (PB_IS_CUSTOMER (self), NULL);

  return self->contact;
}

void
pb_customer_set_contact (PbCustomer *self,
                         const char *contact)
{
  g_return_if_fail (PB_IS_CUSTOMER (self));

  if (replace_string (&self->contact, contact))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

gboolean
pb_customer_get_enterprise (PbCustomer *self)
{
  g_return_val_if_fail (PB_IS_CUSTOMER (self), FALSE);

  return self->enterprise;
}

void
pb_customer_set_enterprise (PbCustomer *self,
                            gboolean    enterprise)
{
  g_return_if_fail (PB_IS_CUSTOMER (self));

  enterprise = !!enterprise;
  if (self->enterprise == enterprise)
    return;
  self->enterprise = enterprise;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTERPRISE]);
}

const char *
pb_customer_get_address (PbCustomer *self)
{
  g_return_val_if_fail (PB_IS_CUSTOMER (self), NULL);

  return self->address;
}

void
pb_customer_set_address (PbCustomer *self,
                         const char *address)
{
  g_return_if_fail (PB_IS_CUSTOMER (self));

  if (replace_string (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
pb_customer_get_tax_id (PbCustomer *self)
{
  g_return_val_if_fail (PB_IS_CUSTOMER (self), NULL);

  return self->tax_id;
}

void
pb_customer_set_tax_id (PbCustomer *self,
                        const char *tax_id)
{
  g_return_if_fail (PB_IS_CUSTOMER (self));

  if (replace_string (&self->tax_id, tax_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_ID]);
}

const char *
pb_customer_get_bank (PbCustomer *self)
{
  g_return_val_if_fail (PB_IS_CUSTOMER (self), NULL);

  return self->bank;
}

void
pb_customer_set_bank (PbCustomer *self,
                      const char *bank)
{
  g_return_if_fail (PB_IS_CUSTOMER (self));

  if (replace_string (&self->bank, bank))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);
}

const char *
pb_customer_get_bank_account (PbCustomer *self)
{
  g_return_val_if_fail (PB_IS_CUSTOMER (self), NULL);

  return self->bank_account;
}

void
pb_customer_set_bank_account (PbCustomer *self,
                              const char *bank_account)
{
  g_return_if_fail (PB_IS_CUSTOMER (self));

  if (replace_string (&self->bank_account, bank_account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK_ACCOUNT]);
}
