/* test-json.c: guarded JSON loading and its messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pb-error.h"
#include "pb-json-private.h"

#include <glib/gstdio.h>

static PbJsonDoc *
load (const char *text, gssize length, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return pb_json_doc_load_bytes (bytes, "in.json", error);
}

static void
assert_refused (const char *text, gssize length, const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbJsonDoc) doc = load (text, length, &error);

  g_assert_null (doc);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
}

static void
test_json_refused (void)
{
  g_autofree char *deep = NULL;
  g_autoptr(GString) nested = g_string_new (NULL);

  assert_refused ("", 0, "in.json: the file is empty");
  assert_refused ("{\"a\": 1,\n \"b\": }", -1, "in.json:2:");
  assert_refused ("{\"a\": 1,\n \"b\": }", -1, "malformed JSON");
  assert_refused ("{\"a\": \"x\0y\"}", 12, "NUL byte");
  assert_refused ("{\"a\": \"\xff\xfe\"}", -1, "not UTF-8");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  assert_refused (nested->str, -1, "nested more than 32 levels");

  /* Brackets inside strings do not count as nesting. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PbJsonDoc) doc = load ("{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[\"}", -1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (doc);
  }
}

static void
test_json_size_limit (void)
{
  gsize size = PB_JSON_MAX_BYTES + 1;
  g_autofree char *big = g_malloc (size);

  memset (big, ' ', size);
  big[0] = '[';
  big[size - 1] = ']';
  assert_refused (big, (gssize) size, "more than the 32 MiB");
}

static void
test_json_getters (void)
{
  const char *text =
    "{\n"
    "  \"format\": \"test/1\",\n"
    "  \"n\": 12,\n"
    "  \"f\": 1.5,\n"
    "  \"s\": \"x\",\n"
    "  \"huge\": 99999999999999999999,\n"
    "  \"minus\": -99999999999999999999,\n"
    "  \"o\": { \"k\": true }\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PbJsonDoc) doc = load (text, -1, &error);
  JsonObject *root, *o;
  gint64 n;
  const char *s;
  gboolean b;
  const char * const allowed[] = { "format", "n", "f", "s", "huge", "minus", NULL };

  g_assert_no_error (error);
  root = pb_json_doc_root_object (doc, "test/1", &error);
  g_assert_no_error (error);

  g_assert_true (pb_json_get_int (doc, root, "n", "item 0", 1, 100, PB_JSON_REQUIRED, &n, &error));
  g_assert_cmpint (n, ==, 12);
  g_assert_true (pb_json_get_int (doc, root, "absent", "item 0", 1, 100, 7, &n, &error));
  g_assert_cmpint (n, ==, 7);

  g_assert_false (pb_json_get_int (doc, root, "n", "item 0", 13, 100, PB_JSON_REQUIRED, &n, &error));
  /* The column is where json-glib finished reading the value. */
  g_assert_true (g_str_has_prefix (error->message, "in.json:3:"));
  g_assert_true (g_str_has_suffix (error->message, ": item 0: “n” is 12, outside the range 13 to 100"));
  g_clear_error (&error);
  g_assert_false (pb_json_get_int (doc, root, "f", "item 0", 0, 100, PB_JSON_REQUIRED, &n, &error));
  g_assert_nonnull (strstr (error->message, "in.json:4:"));
  g_assert_nonnull (strstr (error->message, "not a fraction"));
  g_clear_error (&error);
  g_assert_false (pb_json_get_int (doc, root, "s", NULL, 0, 100, PB_JSON_REQUIRED, &n, &error));
  g_assert_nonnull (strstr (error->message, "not a string"));
  g_clear_error (&error);
  /* json-glib alone would read these as -1 and 1. */
  g_assert_false (pb_json_get_int (doc, root, "huge", "item 2", 0, 100, PB_JSON_REQUIRED, &n, &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "in.json:6:"));
  g_assert_nonnull (strstr (error->message, "item 2: “huge” must be a whole number from 0 to 100, not a number too large to read"));
  g_clear_error (&error);
  g_assert_false (pb_json_get_int (doc, root, "minus", NULL, -100, 100, PB_JSON_REQUIRED, &n, &error));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);
  g_assert_false (pb_json_get_int (doc, root, "absent", "item 4", 0, 100, PB_JSON_REQUIRED, &n, &error));
  g_assert_nonnull (strstr (error->message, "item 4: “absent” is missing"));
  g_clear_error (&error);

  g_assert_true (pb_json_get_string (doc, root, "s", NULL, NULL, &s, &error));
  g_assert_cmpstr (s, ==, "x");
  g_assert_false (pb_json_get_string (doc, root, "n", NULL, NULL, &s, &error));
  g_assert_nonnull (strstr (error->message, "must be a string, not a number"));
  g_clear_error (&error);

  g_assert_true (pb_json_get_object (doc, root, "o", NULL, TRUE, &o, &error));
  g_assert_true (pb_json_get_bool (doc, o, "k", NULL, -1, &b, &error));
  g_assert_true (b);
  g_assert_false (pb_json_get_bool (doc, o, "missing", "o", -1, &b, &error));
  /* A missing member is reported where its object ends. */
  g_assert_nonnull (strstr (error->message, "in.json:8:"));
  g_clear_error (&error);

  g_assert_false (pb_json_check_members (doc, pb_json_doc_get_root (doc), "quote", allowed, &error));
  g_assert_nonnull (strstr (error->message, "unknown member “o”"));
  g_clear_error (&error);

  g_assert_null (pb_json_doc_root_object (doc, "other/1", &error));
  g_assert_nonnull (strstr (error->message, "unknown format “test/1”"));
}

/* An integer beyond 64 bits is refused as too large, whatever its digits
 * (json-glib alone would wrap it); one that fits is read as itself; a
 * long integer part of a fraction stays a fraction, not a parse error. */
static void
test_json_long_integers (void)
{
  const struct
  {
    const char *number;
    const char *needle;   /* NULL: read as a whole number */
  } cases[] = {
    { "9223372036854775807", NULL },
    { "-9223372036854775807", NULL },
    { "9223372036854775808", "not a number too large to read" },
    { "10000000000000000000", "not a number too large to read" },
    { "-10000000000000000000", "not a number too large to read" },
    { "99999999999999999999999999999999999999999999", "not a number too large to read" },
    { "99999999999999999999.5", "not a fraction" },
    { "99999999999999999999e0", "not a fraction" },
    { "1.00000000000000000000001", "not a fraction" },
    { "1e99999999999999999999", "not a number too large to read" },
    { "1e-99999999999999999999", "not a fraction" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\n  \"n\": %s,\n  \"next\": 1\n}", cases[i].number);
      g_autoptr(GError) error = NULL;
      g_autoptr(PbJsonDoc) doc = load (text, -1, &error);
      JsonObject *root;
      gint64 n = 0, next = 0;
      gboolean ok;

      g_assert_no_error (error);
      root = json_node_get_object (pb_json_doc_get_root (doc));
      ok = pb_json_get_int (doc, root, "n", "item 0", G_MININT64 + 1, G_MAXINT64, PB_JSON_REQUIRED, &n, &error);
      if (cases[i].needle == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (n, ==, g_ascii_strtoll (cases[i].number, NULL, 10));
        }
      else
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
          if (strstr (error->message, cases[i].needle) == NULL || !g_str_has_prefix (error->message, "in.json:2:"))
            g_error ("%s: “%s” does not mention “%s”", cases[i].number, error->message, cases[i].needle);
          g_clear_error (&error);
        }
      /* The number's neighbours are untouched. */
      g_assert_true (pb_json_get_int (doc, root, "next", NULL, 0, 9, PB_JSON_REQUIRED, &next, &error));
      g_assert_cmpint (next, ==, 1);
    }
}

/* json-glib keeps the last of two members of one name: refused instead,
 * at the second one.  The same name in two objects is fine. */
static void
test_json_duplicate_members (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbJsonDoc) doc = NULL;

  assert_refused ("{ \"quantity\": 1,\n  \"quantity\": 100 }", -1, "in.json:2:");
  assert_refused ("{ \"quantity\": 1,\n  \"quantity\": 100 }", -1, "“quantity” is given twice");
  assert_refused ("{ \"items\": [ { \"a\": 1, \"b\": 2 },\n { \"b\": 1, \"c\": { \"d\": 1, \"d\": 1 } } ] }", -1,
                  "in.json:2:");
  assert_refused ("{ \"a\": {}, \"a\": {} }", -1, "“a” is given twice");

  doc = load ("{ \"a\": { \"x\": 1, \"y\": 2 }, \"b\": { \"x\": 1, \"y\": 2 }, \"x\": [ { \"x\": 0 } ] }", -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

/* One JSON value and nothing else: json-glib alone reads "{…}{…}" as its
 * first object and "var x = {…};" as JavaScript. */
static void
test_json_one_value (void)
{
  static const char *accepted[] = {
    "{}", "  {}\n\n", "\xef\xbb\xbf{ \"a\": 1 }", "[1, 2]", "{ \"a\": \"}{\\\"}{\" }",
    "[0, -0, 10, 0.5, -1.25e-3, 1E+2, 99999999999999999999]",
    "{ \"a\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\" }",
  };

  assert_refused ("{ \"a\": 1 }\n{ \"a\": 2 }", -1, "in.json:2:1: the file goes on after its JSON value");
  assert_refused ("{ \"a\": 1 } x", -1, "goes on after its JSON value");
  assert_refused ("[1] [2]", -1, "goes on after its JSON value");
  assert_refused ("var x = { \"a\": 1 };", -1, "in.json:1:1: the file does not start with a JSON value");
  assert_refused ("/* c */ { \"a\": 1 }", -1, "does not start with a JSON value");
  /* json-glib would read these as octal, hexadecimal and 0.5. */
  assert_refused ("{ \"numbers\": 010 }", -1, "in.json:1:14: the file holds a number JSON does not allow");
  assert_refused ("{ \"numbers\": 0x10 }", -1, "a number JSON does not allow");
  assert_refused ("{ \"numbers\": -010 }", -1, "a number JSON does not allow");
  assert_refused ("{ \"numbers\": .5 }", -1, "a number JSON does not allow");
  assert_refused ("{ \"numbers\": 1. }", -1, "a number JSON does not allow");
  assert_refused ("{ \"numbers\": 1e }", -1, "a number JSON does not allow");
  assert_refused ("[ - ]", -1, "a number JSON does not allow");
  /* "\u0000" would cut a string short, with the rest silently lost. */
  assert_refused ("{ \"name\": \"Acme\\u0000 Ltd\" }", -1, "in.json:1:16: the file contains a NUL character");
  /* json-glib reads C's escapes too: "\300" would be the byte 0xC0, not
   * UTF-8, in a member name that an error message then quotes (a finding
   * of fuzz-quote).  JSON's own escapes load (accepted, above). */
  assert_refused ("{ \"name\": \"Acme\\300 Ltd\" }", -1,
                  "in.json:1:16: the file holds an escape JSON does not allow in a string");
  assert_refused ("{ \"na\\x41me\": 1 }", -1, "in.json:1:6: the file holds an escape JSON does not allow");
  assert_refused ("{ \"name\": \"a\\\nb\" }", -1, "in.json:1:13: the file holds an escape");
  /* The binary check comes first and says where. */
  assert_refused ("\x89PNG\r\n\x1a\n\0\0", 10, "in.json:3:1: the file contains a NUL byte");
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PbJsonDoc) doc = load (accepted[i], -1, &error);

      g_assert_no_error (error);
      g_assert_nonnull (doc);
    }
}

/* json-glib quotes the bytes it could not read: the message stays UTF-8. */
static void
test_json_message_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbJsonDoc) doc = load ("{ \"a\": \"\\ud800\" }", -1, &error);

  g_assert_null (doc);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "malformed JSON"));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* A device has no size to ask for and may have no end: it is refused by its
 * kind, unread. */
static void
test_json_devices (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbJsonDoc) doc = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pricebook-json-XXXXXX", NULL);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      doc = pb_json_doc_load_file ("/dev/zero", &error);
      g_assert_null (doc);
      g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
      g_assert_nonnull (strstr (error->message, "/dev/zero: cannot read: it is a device, not a regular file"));
      g_clear_error (&error);
    }
  doc = pb_json_doc_load_file (dir, &error);
  g_assert_null (doc);
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_rmdir (dir);
}

static void
test_json_root_not_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbJsonDoc) doc = load ("[1, 2]", -1, &error);

  g_assert_no_error (error);
  g_assert_null (pb_json_doc_root_object (doc, "pricebook-quote/1", &error));
  g_assert_error (error, PB_ERROR, PB_ERROR_INPUT);
}

/* Saving replaces the file in one step: a reader sees the old or the new
 * document, never a part of one. */
static void
test_json_write_atomic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pricebook-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *readonly = g_build_filename (dir, "locked", "out.json", NULL);
  g_autoptr(JsonNode) node = json_from_string ("{\"a\": [1, 2]}", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;

  g_assert_true (pb_json_write_file (node, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &back, NULL, NULL));
  g_assert_true (g_str_has_suffix (back, "}\n"));
  g_assert_false (pb_json_write_file (node, readonly, &error));
  g_assert_nonnull (error);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/refused", test_json_refused);
  g_test_add_func ("/json/size-limit", test_json_size_limit);
  g_test_add_func ("/json/getters", test_json_getters);
  g_test_add_func ("/json/root-not-object", test_json_root_not_object);
  g_test_add_func ("/json/long-integers", test_json_long_integers);
  g_test_add_func ("/json/duplicate-members", test_json_duplicate_members);
  g_test_add_func ("/json/one-value", test_json_one_value);
  g_test_add_func ("/json/message-utf8", test_json_message_utf8);
  g_test_add_func ("/json/devices", test_json_devices);
  g_test_add_func ("/json/write-atomic", test_json_write_atomic);
  return g_test_run ();
}
