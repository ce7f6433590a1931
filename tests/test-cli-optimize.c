/* test-cli-optimize.c: pricebook-cli optimize voice|live, word for word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The output shapes are the contract of docs (cli-and-formats): members in
 * that order, money as strings with two decimals.  Wrong arguments give
 * exit 2, nothing on stdout and a message naming the option.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pb-catalog.h"
#include "pb-test-cli.h"

/* Asserts that @object has exactly the members of the NULL-terminated
 * list, in that order. */
static void
assert_members (JsonObject *object, const char *first, ...)
{
  g_autoptr(GList) members = json_object_get_members (object);
  GList *l = members;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *), l = l->next)
    {
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, name);
    }
  va_end (args);
  g_assert_null (l);
}

static const char *
money_member (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  /* Money is a JSON string, never a number. */
  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

static JsonObject *
run_voice (const char *catalog, const char *minutes, JsonNode **root)
{
  g_auto(PbCliRun) run = { 0 };
  g_autofree char *option = g_strdup_printf ("--minutes=%s", minutes);

  if (catalog != NULL)
    pb_cli_run (&run, "--catalog", catalog, "optimize", "voice", option, NULL);
  else
    pb_cli_run (&run, "optimize", "voice", "--minutes", minutes, NULL);
  *root = pb_cli_run_json (&run);
  g_assert_cmpstr (run.err, ==, "");
  return json_node_get_object (*root);
}

/* Asserts `optimize voice` buys the NULL-terminated packages, each given as
 * "kind minutes price". */
static void
assert_voice (const char *catalog, const char *minutes, const char *total, gint64 bought, ...)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = run_voice (catalog, minutes, &root);
  JsonArray *packages;
  const char *expected;
  va_list args;
  guint i = 0;

  assert_members (object, "minutes", "packages", "total", "bought_minutes", NULL);
  g_assert_cmpint (json_object_get_int_member (object, "minutes"), ==, g_ascii_strtoll (minutes, NULL, 10));
  g_assert_cmpstr (money_member (object, "total"), ==, total);
  g_assert_cmpint (json_object_get_int_member (object, "bought_minutes"), ==, bought);
  packages = json_object_get_array_member (object, "packages");
  va_start (args, bought);
  for (expected = va_arg (args, const char *); expected != NULL; expected = va_arg (args, const char *), i++)
    {
      JsonObject *package = json_array_get_object_element (packages, i);
      g_autofree char *actual = NULL;

      assert_members (package, "kind", "minutes", "price", NULL);
      actual = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s",
                                json_object_get_string_member (package, "kind"),
                                json_object_get_int_member (package, "minutes"),
                                money_member (package, "price"));
      g_assert_cmpstr (actual, ==, expected);
    }
  va_end (args);
  g_assert_cmpuint (json_array_get_length (packages), ==, i);
}

/* VM-5/VM-6: the documented facts through the command line. */
static void
test_voice_documented (void)
{
  assert_voice (NULL, "99000", "10000.00", 100000, "fixed 100000 10000.00", NULL);
  assert_voice (NULL, "9001", "1050.00", 10000, "fixed 10000 1050.00", NULL);
  assert_voice (NULL, "9500", "1050.00", 10000, "fixed 10000 1050.00", NULL);
  assert_voice (NULL, "10000", "1050.00", 10000, "fixed 10000 1050.00", NULL);
  assert_voice (NULL, "2990000", "255000.00", 3000000, "fixed 3000000 255000.00", NULL);
}

static void
test_voice_boundaries (void)
{
  assert_voice (NULL, "1", "110.00", 1000, "custom 1000 110.00", NULL);
  assert_voice (NULL, "1001", "220.00", 2000, "custom 2000 220.00", NULL);
  assert_voice (NULL, "10001", "1155.00", 11000, "custom 11000 1155.00", NULL);
  assert_voice (NULL, "20000", "2100.00", 20000, "custom 20000 2100.00", NULL);
  assert_voice (NULL, "3000001", "255085.00", 3001000, "custom 3001000 255085.00", NULL);
  assert_voice (NULL, "1000000000", "85000000.00", 1000000000, "custom 1000000000 85000000.00", NULL);
}

static char *
edited_catalog_file (const char *from, const char *to)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PB_CATALOG_RESOURCE, 0, NULL);
  g_autoptr(GString) text = NULL;

  g_assert_nonnull (bytes);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  return pb_test_write_temp ("catalog.json", text->str, text->len);
}

static void
remove_temp (char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
  g_free (path);
}

typedef char TempPath;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TempPath, remove_temp)

/* The prices come from the catalog given: a 10,000 package at ¥1,000 is
 * bought twice rather than a custom 20,000 (¥2,100). */
static void
test_voice_catalog (void)
{
  g_autoptr(TempPath) path = edited_catalog_file ("{ \"minutes\": 10000, \"price\": \"1050.00\" }",
                                               "{ \"minutes\": 10000, \"price\": \"1000.00\" }");

  assert_voice (path, "20000", "2000.00", 20000, "fixed 10000 1000.00", "fixed 10000 1000.00", NULL);
  /* Nine of them and a custom 9,000 (¥9,990) now beat the 100,000 package. */
  assert_voice (path, "99000", "9990.00", 99000, "fixed 10000 1000.00", "fixed 10000 1000.00",
                "fixed 10000 1000.00", "fixed 10000 1000.00", "fixed 10000 1000.00", "fixed 10000 1000.00",
                "fixed 10000 1000.00", "fixed 10000 1000.00", "fixed 10000 1000.00", "custom 9000 990.00", NULL);
  /* Ten of them cost what the 100,000 package does: fewer packages win. */
  assert_voice (path, "100000", "10000.00", 100000, "fixed 100000 10000.00", NULL);
}

/* VM-6: a catalog whose custom unit price rises with size is refused. */
static void
test_voice_rising_catalog (void)
{
  g_autoptr(TempPath) path = edited_catalog_file ("{ \"from_minutes\": 10000, \"unit_price\": \"0.105\" }",
                                               "{ \"from_minutes\": 10000, \"unit_price\": \"0.115\" }");
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "--catalog", path, "optimize", "voice", "--minutes", "5000", NULL);
  pb_assert_input_error (&run, "VM-6", NULL);
}

static JsonObject *
run_live (const char *viewers, const char *rooms, JsonNode **root)
{
  g_auto(PbCliRun) run = { 0 };

  if (rooms != NULL)
    pb_cli_run (&run, "optimize", "live", "--rooms", rooms, "--viewers", viewers, NULL);
  else
    pb_cli_run (&run, "optimize", "live", "--viewers", viewers, NULL);
  *root = pb_cli_run_json (&run);
  g_assert_cmpstr (run.err, ==, "");
  return json_node_get_object (*root);
}

static void
assert_live (const char *viewers, const char *rooms, const char *tier, gint64 extra, const char *price,
             const char *total)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = run_live (viewers, rooms, &root);
  JsonArray *codes;
  gint64 n_rooms = rooms ? g_ascii_strtoll (rooms, NULL, 10) : 1;

  /* EL-1: one room of at most 10 viewers fits the free trial, and says so. */
  if (n_rooms == 1 && g_ascii_strtoll (viewers, NULL, 10) <= 10)
    {
      assert_members (object, "viewers", "rooms", "codes", "total", "trial_fits", NULL);
      g_assert_true (json_object_get_boolean_member (object, "trial_fits"));
    }
  else
    assert_members (object, "viewers", "rooms", "codes", "total", NULL);
  g_assert_cmpint (json_object_get_int_member (object, "viewers"), ==, g_ascii_strtoll (viewers, NULL, 10));
  g_assert_cmpint (json_object_get_int_member (object, "rooms"), ==, n_rooms);
  g_assert_cmpstr (money_member (object, "total"), ==, total);
  codes = json_object_get_array_member (object, "codes");
  g_assert_cmpuint (json_array_get_length (codes), ==, n_rooms);
  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      JsonObject *code = json_array_get_object_element (codes, i);

      assert_members (code, "tier", "extra_viewers", "price", NULL);
      g_assert_cmpstr (json_object_get_string_member (code, "tier"), ==, tier);
      g_assert_cmpint (json_object_get_int_member (code, "extra_viewers"), ==, extra);
      g_assert_cmpstr (money_member (code, "price"), ==, price);
    }
}

/* EL-4/EL-5: tiers and add-ons through the command line. */
static void
test_live (void)
{
  assert_live ("1", NULL, "standard", 0, "9000.00", "9000.00");
  assert_live ("200", NULL, "standard", 0, "9000.00", "9000.00");
  assert_live ("201", NULL, "standard", 100, "19000.00", "19000.00");
  assert_live ("700", NULL, "standard", 500, "59000.00", "59000.00");
  assert_live ("701", NULL, "flagship", 0, "65000.00", "65000.00");
  assert_live ("20000", "1", "flagship", 0, "65000.00", "65000.00");
  assert_live ("20001", NULL, "flagship", 100, "75000.00", "75000.00");
  assert_live ("30000", "3", "flagship", 10000, "1065000.00", "3195000.00");
  /* README's example: 5,000 viewers in 3 rooms, a Flagship code each. */
  assert_live ("5000", "3", "flagship", 0, "65000.00", "195000.00");
}

/* EL-1: the case, 5 viewers, and the trial's edge: 10 fit, 11 do
 * not, nor do 5 viewers in each of 2 rooms.  The cheapest code is still
 * proposed, for a customer who wants more than the trial. */
static void
test_live_trial (void)
{
  assert_live ("5", NULL, "standard", 0, "9000.00", "9000.00");
  assert_live ("10", "1", "standard", 0, "9000.00", "9000.00");
  assert_live ("11", NULL, "standard", 0, "9000.00", "9000.00");
  assert_live ("5", "2", "standard", 0, "9000.00", "18000.00");
}

typedef struct
{
  const char *args[6];
  const char *needle;
} BadCase;

static void
test_bad_arguments (void)
{
  static const BadCase cases[] = {
    { { "optimize" }, "voice" },
    { { "optimize", "sound" }, "sound" },
    { { "optimize", "voice" }, "--minutes" },
    { { "optimize", "voice", "--minutes" }, "--minutes" },
    { { "optimize", "voice", "--minutes", "0" }, "--minutes" },
    { { "optimize", "voice", "--minutes", "-5" }, "--minutes" },
    { { "optimize", "voice", "--minutes", "1000000001" }, "1000000001" },
    { { "optimize", "voice", "--minutes", "12.5" }, "12.5" },
    { { "optimize", "voice", "--minutes", "ten" }, "ten" },
    { { "optimize", "voice", "--minutes", "" }, "--minutes" },
    { { "optimize", "voice", "--minutes=" }, "--minutes" },
    { { "optimize", "voice", "--minutes", "5", "--minutes", "6" }, "more than once" },
    { { "optimize", "voice", "--minutes", "5", "extra" }, "extra" },
    { { "optimize", "voice", "--minutes", "5", "--rooms", "2" }, "--rooms" },
    { { "optimize", "voice", "--minutesx=5" }, "--minutesx" },
    { { "optimize", "live" }, "--viewers" },
    { { "optimize", "live", "--rooms", "2" }, "--viewers" },
    { { "optimize", "live", "--viewers", "0" }, "--viewers" },
    { { "optimize", "live", "--viewers", "10000001" }, "--viewers" },
    { { "optimize", "live", "--viewers", "5", "--rooms", "0" }, "--rooms" },
    { { "optimize", "live", "--viewers", "5", "--rooms", "1001" }, "--rooms" },
    { { "optimize", "live", "--viewers", "5", "--minutes", "2" }, "--minutes" },
    { { "optimize", "live", "--viewers", "5", "3" }, "“3”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PbCliRun) run = { 0 };
      const char * const *a = cases[i].args;

      pb_cli_run (&run, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
      pb_assert_input_error (&run, cases[i].needle, NULL);
    }
}

static void
test_help (void)
{
  g_auto(PbCliRun) run = { 0 };

  pb_cli_run (&run, "optimize", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "optimize voice --minutes N"));
  g_assert_nonnull (strstr (run.out, "optimize live --viewers V"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/optimize/VM-5/VM-6/documented-facts", test_voice_documented);
  g_test_add_func ("/cli/optimize/VM-5/VM-6/boundaries", test_voice_boundaries);
  g_test_add_func ("/cli/optimize/VM-5/VM-6/catalog-file", test_voice_catalog);
  g_test_add_func ("/cli/optimize/VM-6/rising-tiers-refused", test_voice_rising_catalog);
  g_test_add_func ("/cli/optimize/EL-4/EL-5/codes", test_live);
  g_test_add_func ("/cli/optimize/EL-1/trial-fits", test_live_trial);
  g_test_add_func ("/cli/optimize/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/optimize/help", test_help);

  return g_test_run ();
}
