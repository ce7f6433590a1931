/* pb-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-json"

#include "pb-json-private.h"
#include "pb-error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

struct _PbJsonDoc
{
  char       *name;
  JsonParser *parser;
  GHashTable *positions;  /* JsonNode* → (line << 32 | column) where the value ended */
};

void
pb_json_doc_free (PbJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->name);
  g_clear_object (&doc->parser);
  g_clear_pointer (&doc->positions, g_hash_table_unref);
  g_free (doc);
}

static void
remember_position (PbJsonDoc *doc, JsonNode *node)
{
  guint64 line = json_parser_get_current_line (doc->parser);
  guint64 column = json_parser_get_current_pos (doc->parser);

  gpointer packed = GSIZE_TO_POINTER ((gsize) (line << 32 | column));

  if (node == NULL)
    return;
  g_hash_table_insert (doc->positions, node, packed);
  /* Containers are also found by their JsonObject or JsonArray, so that a
   * missing member can be reported where its object ends. */
  if (JSON_NODE_HOLDS_OBJECT (node))
    g_hash_table_insert (doc->positions, json_node_get_object (node), packed);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    g_hash_table_insert (doc->positions, json_node_get_array (node), packed);
}

static void
on_object_member (JsonParser *parser, JsonObject *object, const char *member, PbJsonDoc *doc)
{
  remember_position (doc, json_object_get_member (object, member));
}

static void
on_array_element (JsonParser *parser, JsonArray *array, int index, PbJsonDoc *doc)
{
  remember_position (doc, json_array_get_element (array, index));
}

/* json-glib recurses once per level: refuse deep nesting before it does.
 * The scan skips strings so that brackets inside them do not count. */
static gboolean
check_shape (const char *data, gsize length, GArray *long_integers, guint *bad_line, const char **why)
{
  guint depth = 0, line = 1, digits = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (c == '\0')
        {
          *bad_line = line;
          *why = "contains a NUL byte (is this a binary file?)";
          return FALSE;
        }
      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      /* Remember where each integer part of more than 18 digits starts:
       * json-glib would wrap it (see defuse_long_integers). */
      digits = g_ascii_isdigit (c) ? digits + 1 : 0;
      if (digits == 19)
        {
          gsize start = i - 18;

          if (start == 0 || strchr (".eE+", data[start - 1]) == NULL)
            g_array_append_val (long_integers, start);
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > PB_JSON_MAX_DEPTH)
            {
              *bad_line = line;
              *why = "is nested more than 32 levels deep";
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* json-glib words its messages "<data>:L:C: Parse error: reason" and
 * forgets the position once it fails; take the position and the reason out
 * of the message and put our own file name in front. */
static char *
describe_parse_error (const char *name, const char *message)
{
  const char *reason = strstr (message, "Parse error: ");
  guint line = 0, column = 0;
  const char *p = strchr (message, ':');

  if (p != NULL && sscanf (p, ":%u:%u:", &line, &column) == 2 && reason != NULL)
    return g_strdup_printf ("%s:%u:%u: malformed JSON: %s", name, line, column,
                            reason + strlen ("Parse error: "));
  return g_strdup_printf ("%s: malformed JSON: %s", name, message);
}

/* json-glib wraps integers beyond 64 bits without a word
 * (99999999999999999999 reads as -1, -99999999999999999999 as 1).  Turning
 * the second digit into an exponent ("9e999999999999999999") keeps every
 * position in the file and makes the value an infinite double, which the
 * typed getters then refuse by name, with the item it belongs to. */
static char *
defuse_long_integers (const char *data, gsize length, GArray *long_integers)
{
  char *copy = g_memdup2 (data, length);

  for (guint i = 0; i < long_integers->len; i++)
    copy[g_array_index (long_integers, gsize, i) + 1] = 'e';
  return copy;
}

PbJsonDoc *
pb_json_doc_load_bytes (GBytes *bytes, const char *name, GError **error)
{
  g_autoptr(PbJsonDoc) doc = g_new0 (PbJsonDoc, 1);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *why = NULL;
  guint bad_line = 0;
  g_autoptr(GArray) long_integers = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *defused = NULL;

  doc->name = g_strdup (name);
  if (length > PB_JSON_MAX_BYTES)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                   "%s: the file is %" G_GSIZE_FORMAT " bytes, more than the %d MiB Pricebook reads",
                   name, length, PB_JSON_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, "%s: the file is empty", name);
      return NULL;
    }
  if (!check_shape (data, length, long_integers, &bad_line, &why))
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, "%s:%u: the file %s", name, bad_line, why);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, "%s: the file is not UTF-8 text", name);
      return NULL;
    }

  if (long_integers->len > 0)
    data = defused = defuse_long_integers (data, length, long_integers);

  doc->parser = json_parser_new_immutable ();
  doc->positions = g_hash_table_new (NULL, NULL);
  g_signal_connect (doc->parser, "object-member", G_CALLBACK (on_object_member), doc);
  g_signal_connect (doc->parser, "array-element", G_CALLBACK (on_array_element), doc);
  if (!json_parser_load_from_data (doc->parser, data, (gssize) length, &local_error))
    {
      g_autofree char *message = describe_parse_error (name, local_error->message);

      g_set_error_literal (error, PB_ERROR, PB_ERROR_INPUT, message);
      return NULL;
    }
  if (json_parser_get_root (doc->parser) == NULL)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, "%s: the file holds no JSON value", name);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

PbJsonDoc *
pb_json_doc_load_file (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  /* Ask for the size first so that a huge file is refused without reading it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, "%s: cannot read: %s", path, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, "%s: is a folder, not a file", path);
      return NULL;
    }
  if (g_file_info_get_size (info) > PB_JSON_MAX_BYTES)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                   "%s: the file is %" G_GOFFSET_FORMAT " bytes, more than the %d MiB Pricebook reads",
                   path, g_file_info_get_size (info), PB_JSON_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, "%s: cannot read: %s", path, local_error->message);
      return NULL;
    }
  return pb_json_doc_load_bytes (bytes, path, error);
}

JsonNode *
pb_json_doc_get_root (PbJsonDoc *doc)
{
  return json_parser_get_root (doc->parser);
}

const char *
pb_json_doc_get_name (PbJsonDoc *doc)
{
  return doc->name;
}

void
pb_json_doc_error (PbJsonDoc *doc, gconstpointer at, GError **error, gint code,
                   const char *where, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *place = NULL;
  gpointer packed;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (at != NULL && g_hash_table_lookup_extended (doc->positions, at, NULL, &packed))
    place = g_strdup_printf ("%s:%u:%u", doc->name,
                             (guint) (GPOINTER_TO_SIZE (packed) >> 32),
                             (guint) (GPOINTER_TO_SIZE (packed) & 0xffffffff));
  else
    place = g_strdup (doc->name);

  if (where != NULL)
    g_set_error (error, PB_ERROR, code, "%s: %s: %s", place, where, message);
  else
    g_set_error (error, PB_ERROR, code, "%s: %s", place, message);
}

JsonObject *
pb_json_doc_root_object (PbJsonDoc *doc, const char *format_name, GError **error)
{
  JsonNode *root = pb_json_doc_get_root (doc);
  JsonObject *object;
  const char *format = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      pb_json_doc_error (doc, root, error, PB_ERROR_INPUT, NULL,
                         "expected a JSON object with \"format\": \"%s\"", format_name);
      return NULL;
    }
  object = json_node_get_object (root);
  if (!pb_json_get_string (doc, object, "format", NULL, NULL, &format, error))
    return NULL;
  if (g_strcmp0 (format, format_name) != 0)
    {
      pb_json_doc_error (doc, json_object_get_member (object, "format"), error, PB_ERROR_INPUT, NULL,
                         "unknown format “%s”: this version of Pricebook reads “%s”", format, format_name);
      return NULL;
    }
  return object;
}

/* Unknown members are refused: a misspelt "quantiy" silently taking its
 * default would price a quote wrong without a word. */
gboolean
pb_json_check_members (PbJsonDoc *doc, JsonNode *node, const char *where,
                       const char * const *allowed, GError **error)
{
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) allowed);

          pb_json_doc_error (doc, json_object_get_member (object, l->data), error, PB_ERROR_INPUT, where,
                             "unknown member “%s” (known: %s)", (const char *) l->data, list);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
describe_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return "a string";
    case G_TYPE_BOOLEAN: return "a boolean";
    case G_TYPE_DOUBLE:
      return isinf (json_node_get_double (node)) ? "a number too large to read" : "a fraction";
    default: return "a number";
    }
}

static JsonNode *
get_member (PbJsonDoc *doc, JsonObject *object, const char *member, const char *where,
            gboolean required, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    pb_json_doc_error (doc, object, error, PB_ERROR_INPUT, where, "“%s” is missing", member);
  return node;
}

gboolean
pb_json_get_int (PbJsonDoc *doc, JsonObject *object, const char *member, const char *where,
                 gint64 min, gint64 max, gint64 fallback, gint64 *result, GError **error)
{
  JsonNode *node = get_member (doc, object, member, where, fallback == PB_JSON_REQUIRED, error);
  gint64 value;

  if (node == NULL)
    {
      if (fallback == PB_JSON_REQUIRED)
        return FALSE;
      *result = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      pb_json_doc_error (doc, node, error, PB_ERROR_INPUT, where,
                         "“%s” must be a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
                         ", not %s", member, min, max, describe_node (node));
      return FALSE;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      pb_json_doc_error (doc, node, error, PB_ERROR_INPUT, where,
                         "“%s” is %" G_GINT64_FORMAT ", outside the range %" G_GINT64_FORMAT
                         " to %" G_GINT64_FORMAT, member, value, min, max);
      return FALSE;
    }
  *result = value;
  return TRUE;
}

gboolean
pb_json_get_string (PbJsonDoc *doc, JsonObject *object, const char *member, const char *where,
                    const char *fallback, const char **result, GError **error)
{
  JsonNode *node = get_member (doc, object, member, where, fallback == NULL, error);

  if (node == NULL)
    {
      if (fallback == NULL)
        return FALSE;
      *result = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      pb_json_doc_error (doc, node, error, PB_ERROR_INPUT, where,
                         "“%s” must be a string, not %s", member, describe_node (node));
      return FALSE;
    }
  *result = json_node_get_string (node);
  return TRUE;
}

gboolean
pb_json_get_bool (PbJsonDoc *doc, JsonObject *object, const char *member, const char *where,
                  gint fallback, gboolean *result, GError **error)
{
  JsonNode *node = get_member (doc, object, member, where, fallback < 0, error);

  if (node == NULL)
    {
      if (fallback < 0)
        return FALSE;
      *result = fallback != 0;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      pb_json_doc_error (doc, node, error, PB_ERROR_INPUT, where,
                         "“%s” must be true or false, not %s", member, describe_node (node));
      return FALSE;
    }
  *result = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_container (PbJsonDoc *doc, JsonObject *object, const char *member, const char *where,
               gboolean required, JsonNodeType type, JsonNode **result, GError **error)
{
  JsonNode *node = get_member (doc, object, member, where, required, error);

  *result = NULL;
  if (node == NULL)
    return !required;
  if (JSON_NODE_TYPE (node) != type)
    {
      pb_json_doc_error (doc, node, error, PB_ERROR_INPUT, where, "“%s” must be %s, not %s", member,
                         type == JSON_NODE_OBJECT ? "an object" : "an array", describe_node (node));
      return FALSE;
    }
  *result = node;
  return TRUE;
}

gboolean
pb_json_get_object (PbJsonDoc *doc, JsonObject *object, const char *member, const char *where,
                    gboolean required, JsonObject **result, GError **error)
{
  JsonNode *node;

  if (!get_container (doc, object, member, where, required, JSON_NODE_OBJECT, &node, error))
    return FALSE;
  *result = node ? json_node_get_object (node) : NULL;
  return TRUE;
}

gboolean
pb_json_get_array (PbJsonDoc *doc, JsonObject *object, const char *member, const char *where,
                   gboolean required, JsonArray **result, GError **error)
{
  JsonNode *node;

  if (!get_container (doc, object, member, where, required, JSON_NODE_ARRAY, &node, error))
    return FALSE;
  *result = node ? json_node_get_array (node) : NULL;
  return TRUE;
}

char *
pb_json_to_string (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/* Atomic: g_file_set_contents writes a temporary file beside the target
 * and renames it into place, so a crash never leaves half a document. */
gboolean
pb_json_write_file (JsonNode *root, const char *path, GError **error)
{
  g_autofree char *text = pb_json_to_string (root);
  g_autofree char *with_newline = g_strconcat (text, "\n", NULL);

  return g_file_set_contents_full (path, with_newline, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
