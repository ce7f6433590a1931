/* fuzz-catalog.c: the catalog loader and its lookups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pb-fuzz.h"

#include "pb-catalog.h"
#include "pb-error.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  pb_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = NULL;

  catalog = pb_catalog_new_from_bytes (bytes, "fuzz.json", &error);
  if (catalog == NULL)
    {
      pb_fuzz_check_error (error, TRUE);
      return 0;
    }
  PB_FUZZ_ASSERT (error == NULL);

  /* Whatever a catalog that loads says, asking it must be safe. */
  {
    GPtrArray *entries = pb_catalog_get_entries (catalog);
    GPtrArray *terms = pb_catalog_get_terms (catalog);
    const PbFixedPackage *packages;
    const PbCustomTier *custom;
    const PbCodeTier *tiers;
    guint n_packages = 0, n_custom = 0, n_tiers = 0;
    gint64 probes[] = { G_MININT64, -1, 0, 1, 1000, 100000, 10000000, G_MAXINT64 };

    for (guint i = 0; entries != NULL && i < entries->len; i++)
      {
        const PbCatalogEntry *entry = g_ptr_array_index (entries, i);
        PB_FUZZ_ASSERT (pb_catalog_lookup (catalog, entry->key) != NULL);
      }
    for (guint i = 0; terms != NULL && i < terms->len; i++)
      PB_FUZZ_ASSERT (g_ptr_array_index (terms, i) != NULL);

    packages = pb_catalog_vm_fixed_packages (catalog, &n_packages);
    for (guint i = 0; i < n_packages; i++)
      PB_FUZZ_ASSERT (pb_catalog_vm_fixed_package (catalog, packages[i].minutes) != NULL);
    custom = pb_catalog_vm_custom_tiers (catalog, &n_custom);
    for (guint i = 0; i < n_custom; i++)
      (void) pb_catalog_vm_custom_unit_price (catalog, custom[i].from_minutes);
    for (gsize i = 0; i < G_N_ELEMENTS (probes); i++)
      {
        (void) pb_catalog_vm_fixed_package (catalog, probes[i]);
        (void) pb_catalog_vm_custom_unit_price (catalog, probes[i]);
      }
    tiers = pb_catalog_el_tiers (catalog, &n_tiers);
    for (guint i = 0; i < n_tiers; i++)
      {
        PB_FUZZ_ASSERT (pb_catalog_el_tier (catalog, tiers[i].id) != NULL);
        PB_FUZZ_ASSERT (pb_code_tier_display_name (&tiers[i]) != NULL);
      }
    (void) pb_catalog_el_tier (catalog, pb_catalog_el_gift_tier (catalog));
    (void) pb_catalog_vm_monthly_fee (catalog);
    (void) pb_catalog_vm_custom_min (catalog);
    (void) pb_catalog_vm_custom_step (catalog);
    (void) pb_catalog_el_base_fee (catalog);
    (void) pb_catalog_el_addon_price (catalog);
    (void) pb_catalog_el_term_rule (catalog);
  }
  return 0;
}
