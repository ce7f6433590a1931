/* pb-test.h: what the model's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <string.h>
#include <sys/stat.h>

#include "pb-catalog.h"
#include "pb-lifecycle.h"
#include "pb-quote.h"
#include "pb-scenario.h"

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

/* An instant the test spells out; the test fails if it does not parse. */
static inline PbInstant
pb_test_at (const char *text)
{
  PbInstant instant;

  g_assert_true (pb_time_parse (text, &instant, NULL));
  return instant;
}

/* A scenario shipped in the GResource ("customer-a.pbscenario"). */
static inline PbScenario *
pb_test_scenario_resource (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbCatalog) catalog = pb_test_catalog ();
  g_autofree char *path = g_strconcat (PB_SCENARIO_RESOURCE_DIR, name, NULL);
  PbScenario *scenario = pb_scenario_new_from_resource (path, catalog, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

/* A quote of tests/data/quotes ("sample.pricebook"). */
static inline PbQuote *
pb_test_quote (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "quotes", name, NULL);
  PbQuote *quote = pb_quote_new_from_file (path, &error);

  g_assert_no_error (error);
  return quote;
}

/* The whole replay of @scenario. */
static inline PbLifecycle *
pb_test_replay (PbScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  PbLifecycle *lifecycle = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lifecycle);
  return lifecycle;
}

/* The built-in catalog with the first @from in its text replaced by @to:
 * the same rules under another convention of the catalog's data. */
static inline PbCatalog *
pb_test_catalog_edited (const char *from, const char *to)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PB_CATALOG_RESOURCE, 0, NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  PbCatalog *catalog;

  g_assert_nonnull (bytes);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text->str, from));
  g_string_replace (text, from, to, 1);
  edited = g_bytes_new (text->str, text->len);
  catalog = pb_catalog_new_from_bytes (edited, "edited catalog", &error);
  g_assert_no_error (error);
  return catalog;
}

/* The type and mode bits of @path itself (a link is not followed). */
static inline mode_t
pb_test_mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  return st.st_mode;
}
