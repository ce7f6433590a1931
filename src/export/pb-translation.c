/* pb-translation.c: messages in a document's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The carried catalogs are the .mo files msgfmt makes of po/ at build time,
 * compiled into a GResource.  A .mo file is a header, a table of the
 * original strings sorted byte-wise and a parallel table of translations
 * (each a length and an offset); a plural entry's original is "one\0other"
 * and its translation holds every form, separated by NUL.  Looking up is a
 * binary search over the mapped resource: nothing is parsed or copied.
 */
#define G_LOG_DOMAIN "pb-translation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pb-translation.h"
#include "pb-translations-resources.h"

#define MO_MAGIC 0x950412deU

typedef struct
{
  const guint8 *data;
  gsize         size;
  gboolean      swapped;
  guint32       n;
  guint32       originals;
  guint32       translations;
  guint         n_plurals;
} Catalog;

static guint32
read_u32 (const Catalog *catalog, gsize offset)
{
  guint32 value;

  memcpy (&value, catalog->data + offset, sizeof value);
  return catalog->swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string of table entry @index, or NULL when the entry points outside
 * the file or its text is not NUL-terminated as the format requires. */
static const char *
entry (const Catalog *catalog, guint32 table, guint32 index, guint32 *length)
{
  gsize at = (gsize) table + (gsize) index * 8;
  guint32 len, offset;

  if (at + 8 > catalog->size)
    return NULL;
  len = read_u32 (catalog, at);
  offset = read_u32 (catalog, at + 4);
  if ((gsize) offset + len >= catalog->size || catalog->data[offset + len] != '\0')
    return NULL;
  if (length != NULL)
    *length = len;
  return (const char *) catalog->data + offset;
}

static const char *
find (const Catalog *catalog, const char *msgid, guint32 *length)
{
  guint32 low = 0, high = catalog->n;

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      const char *original = entry (catalog, catalog->originals, middle, NULL);
      int order;

      if (original == NULL)
        return NULL;
      /* strcmp stops at the NUL inside a plural original: a plural entry
       * is found by its singular, as gettext finds it. */
      order = strcmp (msgid, original);
      if (order == 0)
        return entry (catalog, catalog->translations, middle, length);
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NULL;
}

/* Only one-form (Chinese) and two-form languages are carried; a header
 * that says otherwise is read as two forms, "one" and "other". */
static guint
read_n_plurals (const Catalog *catalog)
{
  const char *header = find (catalog, "", NULL);
  const char *nplurals = header != NULL ? strstr (header, "nplurals=") : NULL;

  return nplurals != NULL && nplurals[9] == '1' && !g_ascii_isdigit (nplurals[10]) ? 1 : 2;
}

static gboolean
catalog_load (Catalog *catalog, const char *language)
{
  g_autofree char *path = g_strdup_printf ("/io/github/pricebook/Pricebook/translations/%s.mo", language);
  GBytes *bytes = g_resource_lookup_data (pb_translations_get_resource (), path,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  guint32 magic;

  if (bytes == NULL)
    return FALSE;
  /* The resource is compiled into the program: its bytes live as long as
   * the process, so the reference is kept on purpose. */
  catalog->data = g_bytes_get_data (bytes, &catalog->size);
  if (catalog->size < 28)
    return FALSE;
  memcpy (&magic, catalog->data, sizeof magic);
  if (magic != MO_MAGIC && GUINT32_SWAP_LE_BE (magic) != MO_MAGIC)
    return FALSE;
  catalog->swapped = magic != MO_MAGIC;
  catalog->n = read_u32 (catalog, 8);
  catalog->originals = read_u32 (catalog, 12);
  catalog->translations = read_u32 (catalog, 16);
  catalog->n_plurals = read_n_plurals (catalog);
  return TRUE;
}

static const Catalog *
chinese_catalog (void)
{
  static Catalog catalog;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      if (!catalog_load (&catalog, PB_TRANSLATION_CHINESE))
        {
          g_warning ("the carried %s translation cannot be read", PB_TRANSLATION_CHINESE);
          memset (&catalog, 0, sizeof catalog);
        }
      g_once_init_leave (&loaded, 1);
    }
  return &catalog;
}

static const Catalog *
catalog_for (const char *language)
{
  return g_strcmp0 (language, PB_TRANSLATION_CHINESE) == 0 ? chinese_catalog () : NULL;
}

const char *
pb_translate (const char *language, const char *msgid)
{
  const Catalog *catalog;
  const char *found;

  g_return_val_if_fail (msgid != NULL, NULL);
  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  catalog = catalog_for (language);
  found = catalog != NULL ? find (catalog, msgid, NULL) : NULL;
  return found != NULL && *found != '\0' ? found : msgid;
}

const char *
pb_ntranslate (const char *language, const char *msgid, const char *msgid_plural, gulong n)
{
  const Catalog *catalog;
  const char *found;
  guint32 length;
  guint form;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);
  if (language == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  catalog = catalog_for (language);
  found = catalog != NULL ? find (catalog, msgid, &length) : NULL;
  if (found == NULL || *found == '\0')
    return n == 1 ? msgid : msgid_plural;
  /* Step over the forms before the one @n takes, staying inside the entry. */
  form = catalog->n_plurals == 1 ? 0 : n == 1 ? 0 : 1;
  for (const char *end = found + length; form > 0; form--)
    {
      const char *next = found + strlen (found) + 1;

      if (next > end)
        break;
      found = next;
    }
  return found;
}
