/* pb-test.h: what the model's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pb-catalog.h"

/* The built-in catalog (a new reference); the test fails if it cannot be read. */
static inline PbCatalog *
pb_test_catalog (void)
{
  g_autoptr(GError) error = NULL;
  PbCatalog *catalog = pb_catalog_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}
