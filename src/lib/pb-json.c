/* pb-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-json"

#include "pb-json-private.h"
#include "pb-error.h"
#include "pb-file-private.h"
#include "pb-text.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct _PbJsonDoc
{
  char       *name;
  JsonParser *parser;
  GHashTable *positions;  /* JsonNode* → (line << 32 | column) where the value ended */
  GHashTable *members;    /* JsonObject* → members read so far, to spot a repeated one */
  GError     *duplicate;  /* about the first member named twice in one object */

  /* Streaming (see pb_json_doc_load_bytes_streaming()) */
  PbJsonElementFunc element_func;
  gpointer          element_data;
  guint             depth;           /* containers open while parsing */
  gboolean          root_is_object;
};

void
pb_json_doc_free (PbJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->name);
  g_clear_object (&doc->parser);
  g_clear_pointer (&doc->positions, g_hash_table_unref);
  g_clear_pointer (&doc->members, g_hash_table_unref);
  g_clear_error (&doc->duplicate);
  g_free (doc);
}

/* Every error this file makes goes through here: it is the one place a
 * message quotes what a file holds (a member's name, a value, json-glib's
 * view of a token) and the file's own name, so it is the one place their
 * control characters are escaped (pb_text_escape()). */
static void G_GNUC_PRINTF (3, 4)
set_error (GError **error, gint code, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  escaped = pb_text_escape (message);
  g_set_error_literal (error, PB_ERROR, code, escaped);
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

/* json-glib keeps the last of two members of the same name without a
 * word ({"quantity": 1, "quantity": 100}), so a file could mean two things:
 * count the members read into each object, and when the object did not
 * grow, the member was a repeat. */
static void
on_object_member (JsonParser *parser, JsonObject *object, const char *member, PbJsonDoc *doc)
{
  JsonNode *node = json_object_get_member (object, member);
  guint read = GPOINTER_TO_UINT (g_hash_table_lookup (doc->members, object)) + 1;

  g_hash_table_insert (doc->members, object, GUINT_TO_POINTER (read));
  remember_position (doc, node);
  /* Worded now: when streaming, the node is gone by the end. */
  if (read != json_object_get_size (object) && doc->duplicate == NULL)
    pb_json_doc_error (doc, node, &doc->duplicate, PB_ERROR_INPUT, NULL,
                       "“%s” is given twice in the same object: say it once", member);
}

/* Drops what remember_position() and on_object_member() kept about @node
 * and everything in it, before it is freed: a later value could be
 * allocated at the same address. */
static void
forget (PbJsonDoc *doc, JsonNode *node)
{
  g_hash_table_remove (doc->positions, node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, NULL, &member))
        forget (doc, member);
      g_hash_table_remove (doc->positions, object);
      g_hash_table_remove (doc->members, object);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        forget (doc, json_array_get_element (array, i));
      g_hash_table_remove (doc->positions, array);
    }
}

static void
on_array_element (JsonParser *parser, JsonArray *array, int index, PbJsonDoc *doc)
{
  /* The element just read is the last one: when streaming, the ones
   * before it are gone, so @index is no longer its place. */
  guint last = json_array_get_length (array) - 1;
  JsonNode *element = json_array_get_element (array, last);

  remember_position (doc, element);
  if (doc->element_func == NULL || doc->depth != 2 || !doc->root_is_object)
    return;
  doc->element_func (doc, array, (guint) index, element, doc->element_data);
  forget (doc, element);
  json_array_remove_element (array, last);
}

static void
on_object_start (JsonParser *parser, PbJsonDoc *doc)
{
  if (doc->depth++ == 0)
    doc->root_is_object = TRUE;
}

static void
on_array_start (JsonParser *parser, PbJsonDoc *doc)
{
  doc->depth++;
}

static void
on_container_end (JsonParser *parser, gpointer container, PbJsonDoc *doc)
{
  doc->depth--;
}

/* Where check_shape() found the file wrong. */
typedef struct
{
  guint       line;
  guint       column;
  const char *why;
} ShapeError;

/* TRUE when the digits (no sign, no leading zero) are more than G_MAXINT64. */
static gboolean
beyond_int64 (const char *digits, gsize n)
{
  static const char max[] = "9223372036854775807";

  if (n != sizeof max - 1)
    return n > sizeof max - 1;
  return memcmp (digits, max, n) > 0;
}

static gsize
skip_digits (const char *data, gsize p, gsize end)
{
  while (p < end && g_ascii_isdigit (data[p]))
    p++;
  return p;
}

/* Checks the number starting at data[*i] against JSON's grammar and skips
 * it: json-glib reads "010" as 8 and "0x10" as 16, so a quantity could be
 * silently misread.  Remembers in @long_integers where the digits of an
 * integer beyond 64 bits start: json-glib would wrap it (see
 * defuse_long_integers).  A fraction or an exponent makes json-glib read a
 * double, which the getters refuse anyway. */
static gboolean
skip_number (const char *data, gsize length, gsize *i, GArray *long_integers)
{
  gsize end = *i, p = *i, first, integer_end;
  gboolean integer;

  /* The token: whatever json-glib's scanner might take as part of it. */
  while (end < length && (g_ascii_isalnum (data[end]) || strchr (".+-", data[end]) != NULL))
    end++;
  if (p < end && data[p] == '-')
    p++;
  first = p;
  if (p < end && data[p] == '0')
    p++;
  else if (p < end && data[p] >= '1' && data[p] <= '9')
    p = skip_digits (data, p, end);
  else
    return FALSE;
  integer_end = p;
  if (p < end && data[p] == '.')
    {
      if (p + 1 >= end || !g_ascii_isdigit (data[p + 1]))
        return FALSE;
      p = skip_digits (data, p + 1, end);
    }
  if (p < end && (data[p] == 'e' || data[p] == 'E'))
    {
      if (p + 1 < end && (data[p + 1] == '+' || data[p + 1] == '-'))
        p++;
      if (p + 1 >= end || !g_ascii_isdigit (data[p + 1]))
        return FALSE;
      p = skip_digits (data, p + 1, end);
    }
  if (p != end)
    return FALSE;
  integer = integer_end == end;
  if (integer && beyond_int64 (data + first, integer_end - first))
    g_array_append_val (long_integers, first);
  *i = end;
  return TRUE;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* json-glib's scanner takes 'single quotes', comments and words JSON does
 * not have: outside strings and numbers, only structure, "true", "false"
 * and "null" pass.  Skips a literal at data[*i]; FALSE with @why set for
 * anything else. */
static gboolean
skip_word (const char *data, gsize length, gsize *i, const char **why)
{
  static const char * const literals[] = { "true", "false", "null" };

  if (data[*i] == '\'')
    {
      *why = "uses single quotes: JSON strings take double quotes";
      return FALSE;
    }
  for (guint k = 0; k < G_N_ELEMENTS (literals); k++)
    {
      gsize n = strlen (literals[k]);

      if (length - *i >= n && memcmp (data + *i, literals[k], n) == 0 &&
          (length - *i == n || !g_ascii_isalnum (data[*i + n])))
        {
          *i += n;
          return TRUE;
        }
    }
  *why = "holds something JSON does not have outside a string (a comment, a word, a stray character)";
  return FALSE;
}

/* What check_shape() counts, so that no file makes json-glib build a tree
 * larger than PB_JSON_MAX_NODES (32 MiB of "{}," would be 11 million
 * objects, 4 GB).  When streaming, each element of an array in the root
 * object is dropped once read: it counts on its own, against
 * PB_JSON_MAX_ELEMENT_NODES, not towards the tree. */
typedef struct
{
  gboolean streaming;
  gboolean root_is_object;
  gboolean in_stream;        /* inside an array member of the root object */
  gsize    nodes;
  gsize    element_nodes;
} Nodes;

/* Counts the value or member name starting at depth @depth; FALSE with
 * @bad->why set when there are too many. */
static gboolean
count_node (Nodes *nodes, guint depth, ShapeError *bad)
{
  if (nodes->streaming && nodes->in_stream && depth >= 2)
    {
      if (depth == 2)
        nodes->element_nodes = 0;
      if (++nodes->element_nodes <= PB_JSON_MAX_ELEMENT_NODES)
        return TRUE;
      bad->why = "holds an element of more than " G_STRINGIFY (PB_JSON_MAX_ELEMENT_NODES)
                 " values and member names";
      return FALSE;
    }
  if (++nodes->nodes <= PB_JSON_MAX_NODES)
    return TRUE;
  bad->why = "holds more than " G_STRINGIFY (PB_JSON_MAX_NODES) " values and member names";
  return FALSE;
}

/* json-glib recurses once per level: refuse deep nesting before it does.
 * It also reads a second value after the first ("{…}{…}") and JavaScript
 * ("var x = {…};") without a word: refuse anything but one JSON value.
 * And a "\u0000" would cut a string short, and an escape JSON does not have
 * ("\300") would make bytes that are not UTF-8.  The scan skips strings so
 * that brackets inside them do not count.  It bounds the work to come:
 * values and member names (see Nodes), and the length of every string. */
static gboolean
check_shape (const char *data, gsize length, gboolean streaming, GArray *long_integers, ShapeError *bad)
{
  guint depth = 0;
  gboolean in_string = FALSE, started = FALSE, ended = FALSE;
  gsize i = 0, line_start = 0, string_start = 0;
  const char *nul = memchr (data, '\0', length);
  Nodes nodes = { streaming };

  bad->line = 1;
  /* Say "binary" before anything else a binary file would trip on. */
  if (nul != NULL)
    {
      for (; i < (gsize) (nul - data); i++)
        if (data[i] == '\n')
          {
            bad->line++;
            line_start = i + 1;
          }
      bad->why = "contains a NUL byte (is this a binary file?)";
      goto fail;
    }
  /* A UTF-8 byte order mark is not content. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = line_start = 3;
  while (i < length)
    {
      char c = data[i];

      if (in_string)
        {
          if (i - string_start > PB_JSON_MAX_STRING_BYTES)
            {
              i = string_start;
              bad->why = "holds a string longer than " G_STRINGIFY (PB_JSON_MAX_STRING_KIB) " KiB";
              goto fail;
            }
          /* JSON has no raw control characters in strings; json-glib
           * takes them, ESC and all, into names and messages. */
          if ((guchar) c < 0x20)
            {
              bad->why = "holds a control character inside a string (JSON writes them as \\uXXXX)";
              goto fail;
            }
          if (c == '\\' && i + 5 < length && memcmp (data + i + 1, "u0000", 5) == 0)
            {
              bad->why = "contains a NUL character (\\u0000) in a string";
              goto fail;
            }
          /* json-glib also takes C's escapes: "\300" is the byte 0xC0,
           * not UTF-8, and would reach a message or a label as such. */
          if (c == '\\' && i + 1 < length && strchr ("\"\\/bfnrtu", data[i + 1]) == NULL)
            {
              bad->why = "holds an escape JSON does not allow in a string "
                         "(JSON has \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX)";
              goto fail;
            }
          if (c == '\\' && i + 1 < length)
            i++;
          else if (c == '"')
            {
              in_string = FALSE;
              ended = depth == 0;
            }
          i++;
          continue;
        }
      if (c == '\n')
        {
          bad->line++;
          line_start = i + 1;
        }
      if (is_space (c))
        {
          i++;
          continue;
        }
      if (ended)
        {
          bad->why = "goes on after its JSON value";
          goto fail;
        }
      if (!started && strchr ("{[\"-0123456789tfn", c) == NULL)
        {
          bad->why = "does not start with a JSON value";
          goto fail;
        }
      if (strchr ("{[\"-0123456789tfn", c) != NULL && !count_node (&nodes, depth, bad))
        goto fail;
      if (!started)
        nodes.root_is_object = c == '{';
      started = TRUE;
      if (c == '-' || c == '.' || g_ascii_isdigit (c))
        {
          if (!skip_number (data, length, &i, long_integers))
            {
              bad->why = "holds a number JSON does not allow (a leading zero, a leading point, "
                         "hexadecimal digits or a lone sign)";
              goto fail;
            }
          ended = depth == 0;
          continue;
        }
      if (c == 't' || c == 'f' || c == 'n' || strchr ("{}[],:\"", c) == NULL)
        {
          if (!skip_word (data, length, &i, &bad->why))
            goto fail;
          ended = depth == 0;
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          string_start = i;
        }
      else if (c == '[' || c == '{')
        {
          if (c == '[' && depth == 1 && nodes.root_is_object)
            nodes.in_stream = TRUE;
          if (++depth > PB_JSON_MAX_DEPTH)
            {
              bad->why = "is nested more than 32 levels deep";
              goto fail;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        {
          ended = --depth == 0;
          if (depth == 1)
            nodes.in_stream = FALSE;
        }
      i++;
    }
  return TRUE;

fail:
  {
    const char *p = data + line_start;

    /* The column in characters, as a text editor counts them. */
    bad->column = 1;
    while (p < data + i)
      {
        if (((guchar) *p & 0xc0) != 0x80)
          bad->column++;
        p++;
      }
  }
  return FALSE;
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

  /* json-glib quotes the offending bytes, which may not be UTF-8. */
  g_autofree char *valid = NULL;

  if (p != NULL && sscanf (p, ":%u:%u:", &line, &column) == 2 && reason != NULL)
    {
      valid = g_utf8_make_valid (reason + strlen ("Parse error: "), -1);
      return g_strdup_printf ("%s:%u:%u: malformed JSON: %s", name, line, column, valid);
    }
  valid = g_utf8_make_valid (message, -1);
  return g_strdup_printf ("%s: malformed JSON: %s", name, valid);
}

/* json-glib wraps integers beyond 64 bits without a word
 * (99999999999999999999 reads as -1, -99999999999999999999 as 1).  Turning
 * the second and third digits into a large exponent ("9e9999999999999999")
 * keeps every position in the file and makes the value an infinite double,
 * which the typed getters then refuse by name, with the item it belongs to.
 * Such an integer has at least 19 digits, so the exponent has 17. */
static char *
defuse_long_integers (const char *data, gsize length, GArray *long_integers)
{
  char *copy = g_memdup2 (data, length);

  for (guint i = 0; i < long_integers->len; i++)
    {
      gsize first = g_array_index (long_integers, gsize, i);

      copy[first + 1] = 'e';
      copy[first + 2] = '9';
    }
  return copy;
}

PbJsonDoc *
pb_json_doc_load_bytes (GBytes *bytes, const char *name, GError **error)
{
  return pb_json_doc_load_bytes_streaming (bytes, name, NULL, NULL, error);
}

PbJsonDoc *
pb_json_doc_load_bytes_streaming (GBytes *bytes, const char *name, PbJsonElementFunc func,
                                  gpointer user_data, GError **error)
{
  g_autoptr(PbJsonDoc) doc = g_new0 (PbJsonDoc, 1);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  ShapeError bad = { 0 };
  g_autoptr(GArray) long_integers = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *defused = NULL;

  doc->name = g_strdup (name);
  if (length > PB_JSON_MAX_BYTES)
    {
      set_error (error, PB_ERROR_INPUT,
                   "%s: the file is %" G_GSIZE_FORMAT " bytes, more than the %d MiB Pricebook reads",
                   name, length, PB_JSON_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (length == 0)
    {
      set_error (error, PB_ERROR_INPUT, "%s: the file is empty", name);
      return NULL;
    }
  if (!check_shape (data, length, func != NULL, long_integers, &bad))
    {
      set_error (error, PB_ERROR_INPUT, "%s:%u:%u: the file %s", name, bad.line, bad.column,
                   bad.why);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      set_error (error, PB_ERROR_INPUT, "%s: the file is not UTF-8 text", name);
      return NULL;
    }

  if (long_integers->len > 0)
    data = defused = defuse_long_integers (data, length, long_integers);

  doc->parser = json_parser_new_immutable ();
  doc->positions = g_hash_table_new (NULL, NULL);
  doc->members = g_hash_table_new (NULL, NULL);
  g_signal_connect (doc->parser, "object-member", G_CALLBACK (on_object_member), doc);
  g_signal_connect (doc->parser, "array-element", G_CALLBACK (on_array_element), doc);
  if (func != NULL)
    {
      doc->element_func = func;
      doc->element_data = user_data;
      g_signal_connect (doc->parser, "object-start", G_CALLBACK (on_object_start), doc);
      g_signal_connect (doc->parser, "array-start", G_CALLBACK (on_array_start), doc);
      g_signal_connect (doc->parser, "object-end", G_CALLBACK (on_container_end), doc);
      g_signal_connect (doc->parser, "array-end", G_CALLBACK (on_container_end), doc);
    }
  if (!json_parser_load_from_data (doc->parser, data, (gssize) length, &local_error))
    {
      g_autofree char *message = describe_parse_error (name, local_error->message);

      set_error (error, PB_ERROR_INPUT, "%s", message);
      return NULL;
    }
  if (json_parser_get_root (doc->parser) == NULL)
    {
      set_error (error, PB_ERROR_INPUT, "%s: the file holds no JSON value", name);
      return NULL;
    }
  if (doc->duplicate != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&doc->duplicate));
      return NULL;
    }
  /* Only needed while parsing. */
  g_clear_pointer (&doc->members, g_hash_table_unref);
  return g_steal_pointer (&doc);
}

/* @size: the file's size, or -1 when it is only known to be too large. */
static void
set_too_large (GError **error, const char *path, goffset size)
{
  if (size < 0)
    set_error (error, PB_ERROR_INPUT, "%s: the file holds more than the %d MiB Pricebook reads",
                 path, PB_JSON_MAX_BYTES / (1024 * 1024));
  else
    set_error (error, PB_ERROR_INPUT,
                 "%s: the file is %" G_GOFFSET_FORMAT " bytes, more than the %d MiB Pricebook reads",
                 path, size, PB_JSON_MAX_BYTES / (1024 * 1024));
}

/* Reads @fd to its end, at most PB_JSON_MAX_BYTES (a file may grow while
 * it is read). */
static GBytes *
read_bounded (int fd, const char *path, GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[65536];

  for (;;)
    {
      gssize got = read (fd, chunk, sizeof chunk);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          set_error (error, PB_ERROR_INPUT, "%s: cannot read: %s", path, g_strerror (errno));
          return NULL;
        }
      if (got == 0)
        break;
      if (data->len + (gsize) got > PB_JSON_MAX_BYTES)
        {
          set_too_large (error, path, -1);
          return NULL;
        }
      g_byte_array_append (data, chunk, (guint) got);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* The bytes of the regular file at @path.  Opened without waiting: a FIFO
 * nobody writes to would hold an open() forever, and a device such as
 * /dev/zero has no end; both are refused at once, by their kind, as a
 * folder is; a file too large is refused by its size, unread. */
static GBytes *
read_regular_file (const char *path, GError **error)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  GBytes *bytes = NULL;
  struct stat st;

  if (fd < 0)
    {
      set_error (error, PB_ERROR_INPUT, "%s: cannot read: %s", path, g_strerror (errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    set_error (error, PB_ERROR_INPUT, "%s: cannot read: %s", path, g_strerror (errno));
  else if (S_ISDIR (st.st_mode))
    set_error (error, PB_ERROR_INPUT, "%s: is a folder, not a file", path);
  else if (!S_ISREG (st.st_mode))
    set_error (error, PB_ERROR_INPUT, "%s: cannot read: %s", path, pb_file_kind_reason (st.st_mode));
  else if (st.st_size > PB_JSON_MAX_BYTES)
    set_too_large (error, path, st.st_size);
  else
    bytes = read_bounded (fd, path, error);
  close (fd);
  return bytes;
}

PbJsonDoc *
pb_json_doc_load_file (const char *path, GError **error)
{
  return pb_json_doc_load_file_streaming (path, NULL, NULL, error);
}

PbJsonDoc *
pb_json_doc_load_file_streaming (const char *path, PbJsonElementFunc func, gpointer user_data,
                                 GError **error)
{
  g_autoptr(GBytes) bytes = read_regular_file (path, error);

  if (bytes == NULL)
    return NULL;
  return pb_json_doc_load_bytes_streaming (bytes, path, func, user_data, error);
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
    set_error (error, code, "%s: %s: %s", place, where, message);
  else
    set_error (error, code, "%s: %s", place, message);
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
      /* A caller that checks the range itself asks for any whole number. */
      if (min <= G_MININT64 + 1 && max == G_MAXINT64)
        pb_json_doc_error (doc, node, error, PB_ERROR_INPUT, where, "“%s” must be a whole number, not %s",
                           member, describe_node (node));
      else
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
  return pb_json_get_text (doc, object, member, where, fallback, PB_TEXT_MAX_LINE, FALSE, result, error);
}

gboolean
pb_json_get_text (PbJsonDoc *doc, JsonObject *object, const char *member, const char *where,
                  const char *fallback, glong max_chars, gboolean multiline, const char **result,
                  GError **error)
{
  JsonNode *node = get_member (doc, object, member, where, fallback == NULL, error);
  g_autoptr(GError) local_error = NULL;

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
  /* json-glib accepts "\NNN" octal escapes, which JSON has not, and can
   * hand back bytes that are not UTF-8: refuse them here, by name, before
   * they reach a label, a PDF or a message. */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      pb_json_doc_error (doc, node, error, PB_ERROR_INPUT, where,
                         "“%s” is not valid UTF-8 text (a \\NNN escape is not JSON)", member);
      return FALSE;
    }
  /* Every string has a length (a 10 MB quote number took minutes to lay
   * out in a PDF) and, but for line breaks in texts, no control character
   * (an ESC would reach a terminal in a message). */
  if (!pb_text_check (json_node_get_string (node), max_chars, multiline, &local_error))
    {
      pb_json_doc_error (doc, node, error, PB_ERROR_INPUT, where, "“%s”: %s", member, local_error->message);
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
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

gboolean
pb_json_write_file (JsonNode *root, const char *path, GError **error)
{
  g_autofree char *text = pb_json_to_string (root);

  /* A crash or a full disk leaves the old file or the new one, never a
   * part, and one earlier version survives a bad save as "NAME~". */
  return pb_file_write (path, text, strlen (text), PB_FILE_WRITE_BACKUP, error);
}

void
pb_json_add_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

void
pb_json_add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
pb_json_add_bool (JsonBuilder *builder, const char *member, gboolean value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
pb_json_add_money (JsonBuilder *builder, const char *member, PbMoney amount)
{
  g_autofree char *text = pb_money_format (amount);

  pb_json_add_string (builder, member, text);
}

void
pb_json_add_instant (JsonBuilder *builder, const char *member, PbInstant instant)
{
  g_autofree char *text = NULL;

  if (instant != PB_INSTANT_NONE && instant != PB_INSTANT_FOREVER)
    text = pb_time_format (instant);
  pb_json_add_string (builder, member, text);
}
