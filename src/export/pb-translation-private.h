/* pb-translation-private.h: the .mo reader behind pb_translate(), for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A catalog as msgfmt writes it, read in place: @bytes must outlive it. */
typedef struct
{
  const guint8 *data;
  gsize         size;
  gboolean      swapped;
  guint32       n;
  guint32       originals;
  guint32       translations;
  guint         n_plurals;
} PbMoCatalog;

/* FALSE (and @catalog empty: every lookup fails) when @bytes is not a .mo
 * file of a revision this reader knows. */
gboolean    pb_mo_catalog_init    (PbMoCatalog       *catalog,
                                   GBytes            *bytes);
/* NULL when the catalog has no translation of @msgid. */
const char *pb_mo_catalog_lookup  (const PbMoCatalog *catalog,
                                   const char        *msgid);
const char *pb_mo_catalog_nlookup (const PbMoCatalog *catalog,
                                   const char        *msgid,
                                   gulong             n);

G_END_DECLS
