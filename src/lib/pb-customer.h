/* pb-customer.h: who a quote is for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * a customer has a name, a contact and whether it is an enterprise.
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

G_END_DECLS
