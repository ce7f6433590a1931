/* pb-json-private.h: guarded JSON loading with positions for error messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file Pricebook reads (quote, scenario, catalog) goes through
 * PbJsonDoc: it refuses oversized, binary and deeply nested input before
 * json-glib sees it, remembers where each value ended so that a message can
 * say "file:line:column", and offers typed getters whose errors name the
 * member, the item and the allowed range.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pb-json-builder.h"
#include "pb-money.h"
#include "pb-time.h"

G_BEGIN_DECLS

/* Quotes and scenarios are small; the largest legitimate file is a scenario
 * with many recorded calls.  Anything larger is refused before parsing. */
#define PB_JSON_MAX_BYTES (32 * 1024 * 1024)
#define PB_JSON_MAX_DEPTH 32
/* The tree json-glib builds is bounded too (a 32 MiB file of "{}," would be
 * 11 million objects and 4 GB): at most PB_JSON_MAX_NODES values and member
 * names, at most about 80 MB of memory (objects cost most).  A quote of 1,000 full items holds about
 * 15,000; an account history of 20,000 events fits.  When streaming, each
 * element of an array in the root object (a scenario's event) is dropped
 * once read, so it counts apart, against PB_JSON_MAX_ELEMENT_NODES. */
#define PB_JSON_MAX_NODES 200000
#define PB_JSON_MAX_ELEMENT_NODES 1000
/* Any string as written in the file, escapes included: the longest text a
 * member may hold (PB_TEXT_MAX_PARAGRAPHS characters) fits with room for
 * \uXXXX escapes.  The members' own limits, in characters, are in
 * pb-text.h. */
#define PB_JSON_MAX_STRING_KIB 32
#define PB_JSON_MAX_STRING_BYTES (PB_JSON_MAX_STRING_KIB * 1024)

typedef struct _PbJsonDoc PbJsonDoc;

PbJsonDoc  *pb_json_doc_load_file   (const char  *path,
                                     GError     **error);
PbJsonDoc  *pb_json_doc_load_bytes  (GBytes      *bytes,
                                     const char  *name,
                                     GError     **error);
/* Streaming: @func is called for each element of every array that is a
 * member of the root object, as soon as the element has been read (with
 * its positions known, for pb_json_doc_error()); the element is then
 * dropped, so that a long array never exists whole.  Such an array is left
 * empty in the tree.  @index is the element's place in its array; the
 * member's name is not known yet, so the caller checks afterwards which
 * member @array became.  The parser goes on to the end of the file whatever
 * @func found: a syntax error later on is still reported first. */
typedef void (*PbJsonElementFunc) (PbJsonDoc *doc,
                                   JsonArray *array,
                                   guint      index,
                                   JsonNode  *element,
                                   gpointer   user_data);

PbJsonDoc  *pb_json_doc_load_file_streaming  (const char        *path,
                                              PbJsonElementFunc  func,
                                              gpointer           user_data,
                                              GError           **error);
PbJsonDoc  *pb_json_doc_load_bytes_streaming (GBytes            *bytes,
                                              const char        *name,
                                              PbJsonElementFunc  func,
                                              gpointer           user_data,
                                              GError           **error);
void        pb_json_doc_free        (PbJsonDoc   *doc);
JsonNode   *pb_json_doc_get_root    (PbJsonDoc   *doc);
const char *pb_json_doc_get_name    (PbJsonDoc   *doc);

/* Sets @error to "NAME:LINE:COL: WHERE: message".  @at is a JsonNode, or the
 * JsonObject or JsonArray of a member; the position is where it ended. */
void        pb_json_doc_error       (PbJsonDoc    *doc,
                                     gconstpointer at,
                                     GError     **error,
                                     gint         code,
                                     const char  *where,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (6, 7);

/* Getters: a missing member takes the fallback; a fallback of
 * PB_JSON_REQUIRED (ints), NULL (strings) or -1 (booleans) makes it required. */
#define PB_JSON_REQUIRED G_MININT64

JsonObject *pb_json_doc_root_object  (PbJsonDoc   *doc,
                                      const char  *format_name,
                                      GError     **error);
gboolean    pb_json_check_members    (PbJsonDoc          *doc,
                                      JsonNode           *node,
                                      const char         *where,
                                      const char * const *allowed,
                                      GError            **error);
gboolean    pb_json_get_int          (PbJsonDoc   *doc,
                                      JsonObject  *object,
                                      const char  *member,
                                      const char  *where,
                                      gint64       min,
                                      gint64       max,
                                      gint64       fallback,
                                      gint64      *result,
                                      GError     **error);
/* A string of at most PB_TEXT_MAX_LINE characters and no control
 * character (pb-text.h): names, numbers, codes, dates, titles. */
gboolean    pb_json_get_string       (PbJsonDoc   *doc,
                                      JsonObject  *object,
                                      const char  *member,
                                      const char  *where,
                                      const char  *fallback,
                                      const char **result,
                                      GError     **error);
/* The same for free text of at most @max_chars characters, line breaks
 * and tabs allowed when @multiline (payment terms, notes). */
gboolean    pb_json_get_text         (PbJsonDoc   *doc,
                                      JsonObject  *object,
                                      const char  *member,
                                      const char  *where,
                                      const char  *fallback,
                                      glong        max_chars,
                                      gboolean     multiline,
                                      const char **result,
                                      GError     **error);
gboolean    pb_json_get_bool         (PbJsonDoc   *doc,
                                      JsonObject  *object,
                                      const char  *member,
                                      const char  *where,
                                      gint         fallback,
                                      gboolean    *result,
                                      GError     **error);
gboolean    pb_json_get_object       (PbJsonDoc   *doc,
                                      JsonObject  *object,
                                      const char  *member,
                                      const char  *where,
                                      gboolean     required,
                                      JsonObject **result,
                                      GError     **error);
gboolean    pb_json_get_array        (PbJsonDoc   *doc,
                                      JsonObject  *object,
                                      const char  *member,
                                      const char  *where,
                                      gboolean     required,
                                      JsonArray  **result,
                                      GError     **error);
/* The file's text: pretty JSON and a final newline. */
char       *pb_json_to_string        (JsonNode    *root);
/* pb_file_write() of that text, keeping "NAME~" (see pb-file.h). */
gboolean    pb_json_write_file       (JsonNode    *root,
                                      const char  *path,
                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbJsonDoc, pb_json_doc_free)

G_END_DECLS
