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

#include "pb-translation-private.h"
#include "pb-translation.h"
#include "pb-translations-resources.h"

#define MO_MAGIC 0x950412deU
#define MO_HEADER_SIZE 28

static guint32
read_u32 (const PbMoCatalog *catalog, gsize offset)
{
  guint32 value;

  memcpy (&value, catalog->data + offset, sizeof value);
  return catalog->swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string of table entry @index, or NULL when the entry points outside
 * the file or its text is not NUL-terminated as the format requires. */
static const char *
entry (const PbMoCatalog *catalog, guint32 table, guint32 index, guint32 *length)
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
find (const PbMoCatalog *catalog, const char *msgid, guint32 *length)
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

/* Only one-form (Chinese) and two-form languages are read right; a header
 * that says otherwise is read as two forms, "one" and "other". */
static guint
read_n_plurals (const PbMoCatalog *catalog)
{
  const char *header = find (catalog, "", NULL);
  const char *nplurals = header != NULL ? strstr (header, "nplurals=") : NULL;

  return nplurals != NULL && nplurals[9] == '1' && !g_ascii_isdigit (nplurals[10]) ? 1 : 2;
}

gboolean
pb_mo_catalog_init (PbMoCatalog *catalog, GBytes *bytes)
{
  guint32 magic;

  memset (catalog, 0, sizeof *catalog);
  catalog->data = g_bytes_get_data (bytes, &catalog->size);
  if (catalog->data == NULL || catalog->size < MO_HEADER_SIZE)
    goto refused;
  memcpy (&magic, catalog->data, sizeof magic);
  if (magic != MO_MAGIC && GUINT32_SWAP_LE_BE (magic) != MO_MAGIC)
    goto refused;
  catalog->swapped = magic != MO_MAGIC;
  /* Major revision 0 is the only one GNU gettext defines (its minor
   * revisions add tables this reader does not need). */
  if (read_u32 (catalog, 4) >> 16 != 0)
    goto refused;
  catalog->n = read_u32 (catalog, 8);
  catalog->originals = read_u32 (catalog, 12);
  catalog->translations = read_u32 (catalog, 16);
  catalog->n_plurals = read_n_plurals (catalog);
  return TRUE;

refused:
  memset (catalog, 0, sizeof *catalog);
  return FALSE;
}

const char *
pb_mo_catalog_lookup (const PbMoCatalog *catalog, const char *msgid)
{
  const char *found = find (catalog, msgid, NULL);

  return found != NULL && *found != '\0' ? found : NULL;
}

const char *
pb_mo_catalog_nlookup (const PbMoCatalog *catalog, const char *msgid, gulong n)
{
  guint32 length;
  const char *found = find (catalog, msgid, &length);
  guint form;

  if (found == NULL || *found == '\0')
    return NULL;
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

static const PbMoCatalog *
chinese_catalog (void)
{
  static PbMoCatalog catalog;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      g_autofree char *path = g_strdup_printf ("/io/github/pricebook/Pricebook/translations/%s.mo",
                                               PB_TRANSLATION_CHINESE);
      /* The resource is compiled into the program: its bytes live as long
       * as the process, so the reference is kept on purpose. */
      GBytes *bytes = g_resource_lookup_data (pb_translations_get_resource (), path,
                                              G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (bytes == NULL || !pb_mo_catalog_init (&catalog, bytes))
        g_warning ("the carried %s translation cannot be read", PB_TRANSLATION_CHINESE);
      g_once_init_leave (&loaded, 1);
    }
  return &catalog;
}

static const PbMoCatalog *
catalog_for (const char *language)
{
  return g_strcmp0 (language, PB_TRANSLATION_CHINESE) == 0 ? chinese_catalog () : NULL;
}

const char *
pb_translate (const char *language, const char *msgid)
{
  const PbMoCatalog *catalog;
  const char *found;

  g_return_val_if_fail (msgid != NULL, NULL);
  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  catalog = catalog_for (language);
  found = catalog != NULL ? pb_mo_catalog_lookup (catalog, msgid) : NULL;
  return found != NULL ? found : msgid;
}

/* A message with a context is stored as "CONTEXT\004MSGID", as gettext
 * stores it. */
const char *
pb_ptranslate (const char *language, const char *context, const char *msgid)
{
  const PbMoCatalog *catalog;
  g_autofree char *key = NULL;
  const char *found;

  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);
  if (language == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  catalog = catalog_for (language);
  if (catalog == NULL)
    return msgid;
  key = g_strconcat (context, "\004", msgid, NULL);
  found = pb_mo_catalog_lookup (catalog, key);
  return found != NULL ? found : msgid;
}

const char *
pb_ntranslate (const char *language, const char *msgid, const char *msgid_plural, gulong n)
{
  const PbMoCatalog *catalog;
  const char *found;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);
  if (language == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  catalog = catalog_for (language);
  found = catalog != NULL ? pb_mo_catalog_nlookup (catalog, msgid, n) : NULL;
  if (found == NULL)
    return n == 1 ? msgid : msgid_plural;
  return found;
}
