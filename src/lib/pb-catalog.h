/* pb-catalog.h: every price, tier, limit and convention, loaded from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in catalog is data/catalog/tencent-cloud.json, compiled into a
 * GResource.  Each entry carries its rule ID, its source document and, for
 * the project's own conventions, "assumption": true with a sentence that a
 * quote prints.  Code asks the catalog; it never spells a price itself.
 */
#pragma once

#include <glib-object.h>

#include "pb-money.h"
#include "pb-tax.h"
#include "pb-time.h"

G_BEGIN_DECLS

#define PB_TYPE_CATALOG (pb_catalog_get_type ())
G_DECLARE_FINAL_TYPE (PbCatalog, pb_catalog, PB, CATALOG, GObject)

#define PB_CATALOG_RESOURCE "/io/github/pricebook/Pricebook/catalog/tencent-cloud.json"

typedef struct
{
  gint64  minutes;
  PbMoney price;
} PbFixedPackage;

typedef struct
{
  gint64  from_minutes;
  PbMoney unit_price;       /* per minute, milli-yuan: 0.105 → 105 */
} PbCustomTier;

typedef struct
{
  char   *id;               /* "flagship", "standard" */
  char   *name;
  char   *name_zh;
  PbMoney price;
  gint64  viewers;
} PbCodeTier;

typedef struct
{
  char    *key;             /* "voice.package_validity_months" */
  char    *rule;            /* "VM-9" */
  char    *source;          /* the source's description */
  gboolean assumption;
  char    *text;            /* for assumptions: the sentence a quote prints */
  char    *text_zh;
} PbCatalogEntry;

typedef struct
{
  char *rule;
  char *applies_to;         /* "voice", "live" or "expansion" */
  char *text;
  char *text_zh;
} PbCatalogTerm;

PbCatalog            *pb_catalog_get_default          (GError     **error);
PbCatalog            *pb_catalog_new_from_file        (const char  *path,
                                                       GError     **error);
PbCatalog            *pb_catalog_new_from_bytes       (GBytes      *bytes,
                                                       const char  *name,
                                                       GError     **error);

const PbCatalogEntry *pb_catalog_lookup               (PbCatalog   *self,
                                                       const char  *key);
GPtrArray            *pb_catalog_get_entries          (PbCatalog   *self);
GPtrArray            *pb_catalog_get_terms            (PbCatalog   *self);

/* Voice Message */
PbMoney               pb_catalog_vm_monthly_fee       (PbCatalog   *self);
const PbFixedPackage *pb_catalog_vm_fixed_packages    (PbCatalog   *self,
                                                       guint       *n_packages);
const PbFixedPackage *pb_catalog_vm_fixed_package     (PbCatalog   *self,
                                                       gint64       minutes);
const PbCustomTier   *pb_catalog_vm_custom_tiers      (PbCatalog   *self,
                                                       guint       *n_tiers);
gint64                pb_catalog_vm_custom_min        (PbCatalog   *self);
gint64                pb_catalog_vm_custom_step       (PbCatalog   *self);
PbMoney               pb_catalog_vm_custom_unit_price (PbCatalog   *self,
                                                       gint64       minutes);
guint                 pb_catalog_vm_package_validity_months (PbCatalog *self);
gint64                pb_catalog_vm_zero_second_minutes     (PbCatalog *self);
guint                 pb_catalog_vm_max_numbers       (PbCatalog   *self);
gint64                pb_catalog_vm_low_balance_alarm (PbCatalog   *self);

/* Enterprise Live */
PbMoney               pb_catalog_el_base_fee          (PbCatalog   *self);
const char           *pb_catalog_el_gift_tier         (PbCatalog   *self);
/* How many codes one purchase of the base fee for @years years gifts:
 * 1 under the EL-3 convention ("one-per-purchase"), @years under
 * "one-per-year". */
gint64                pb_catalog_el_base_fee_gifts    (PbCatalog   *self,
                                                       gint64       years);
const PbCodeTier     *pb_catalog_el_tiers             (PbCatalog   *self,
                                                       guint       *n_tiers);
const PbCodeTier     *pb_catalog_el_tier              (PbCatalog   *self,
                                                       const char  *id);
gint64                pb_catalog_el_addon_step        (PbCatalog   *self);
PbMoney               pb_catalog_el_addon_price       (PbCatalog   *self);
guint                 pb_catalog_el_bind_months       (PbCatalog   *self);
guint                 pb_catalog_el_broadcast_max_minutes (PbCatalog *self);
guint                 pb_catalog_el_trial_max_viewers (PbCatalog   *self);
guint                 pb_catalog_el_trial_radar_top_viewers (PbCatalog *self);
PbTermRule            pb_catalog_el_term_rule         (PbCatalog   *self);
/* Quotes: the tax of a quote that states none. */
void                  pb_catalog_tax_default          (PbCatalog   *self,
                                                       PbTaxBasis  *basis,
                                                       gint        *rate);

/* The tier's name in the language of the program's messages (gettext's
 * choice: Chinese when the first language is zh), for the window and its
 * drawings; documents choose by the quote's language instead. */
const char           *pb_code_tier_display_name       (const PbCodeTier *tier);

G_END_DECLS
