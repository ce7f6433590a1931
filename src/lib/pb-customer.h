/* pb-customer.h: who a quote is for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * a customer has a name, a contact and whether it is an enterprise;
 * for the quotation (开票信息) also an address, a tax ID (纳税人识别号), a
 * bank and an account, each "" when not given.
 * Only enterprises may buy Voice Message (VM-10) or Enterprise Live (EL-2);
 * the quote checks say so, the customer itself holds no rule.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PB_TYPE_CUSTOMER (pb_customer_get_type ())
G_DECLARE_FINAL_TYPE (PbCustomer, pb_customer, PB, CUSTOMER, GObject)

PbCustomer *pb_customer_new            (const char *name,
                                        const char *contact,
                                        gboolean    enterprise);
PbCustomer *pb_customer_copy           (PbCustomer *self);
gboolean    pb_customer_equal          (PbCustomer *a,
                                        PbCustomer *b);

const char *pb_customer_get_name       (PbCustomer *self);
void        pb_customer_set_name       (PbCustomer *self,
                                        const char *name);
const char *pb_customer_get_contact    (PbCustomer *self);
void        pb_customer_set_contact    (PbCustomer *self,
                                        const char *contact);
gboolean    pb_customer_get_enterprise (PbCustomer *self);
void        pb_customer_set_enterprise (PbCustomer *self,
                                        gboolean    enterprise);
const char *pb_customer_get_address    (PbCustomer *self);
void        pb_customer_set_address    (PbCustomer *self,
                                        const char *address);
const char *pb_customer_get_tax_id     (PbCustomer *self);
void        pb_customer_set_tax_id     (PbCustomer *self,
                                        const char *tax_id);
const char *pb_customer_get_bank       (PbCustomer *self);
void        pb_customer_set_bank       (PbCustomer *self,
                                        const char *bank);
const char *pb_customer_get_bank_account (PbCustomer *self);
void        pb_customer_set_bank_account (PbCustomer *self,
                                          const char *bank_account);

G_END_DECLS
