/* pb-seller.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-seller"

#include "pb-seller.h"

#include <glib/gi18n-lib.h>

#include "pb-error.h"
#include "pb-json-private.h"
#include "pb-text.h"

/* The members of the file, each a field of PbSeller by the same name. */
static const struct
{
  const char *member;
  gsize       offset;
} fields[] = {
  { "company", G_STRUCT_OFFSET (PbSeller, company) },
  { "address", G_STRUCT_OFFSET (PbSeller, address) },
  { "tax_id", G_STRUCT_OFFSET (PbSeller, tax_id) },
  { "bank", G_STRUCT_OFFSET (PbSeller, bank) },
  { "bank_account", G_STRUCT_OFFSET (PbSeller, bank_account) },
  { "contact", G_STRUCT_OFFSET (PbSeller, contact) },
  { "phone", G_STRUCT_OFFSET (PbSeller, phone) },
  { "email", G_STRUCT_OFFSET (PbSeller, email) },
  { "logo", G_STRUCT_OFFSET (PbSeller, logo) },
};

#define FIELD(seller, i) G_STRUCT_MEMBER (char *, (seller), fields[i].offset)

void
pb_seller_set (char **field, const char *value)
{
  g_return_if_fail (field != NULL);

  g_free (*field);
  *field = g_strdup (value);
}

PbSeller *
pb_seller_new (const char *company, const char *contact, const char *phone, const char *email)
{
  PbSeller *seller = g_new0 (PbSeller, 1);

  seller->company = g_strdup (company);
  seller->contact = g_strdup (contact);
  seller->phone = g_strdup (phone);
  seller->email = g_strdup (email);
  return seller;
}

PbSeller *
pb_seller_copy (const PbSeller *seller)
{
  PbSeller *copy;

  g_return_val_if_fail (seller != NULL, NULL);

  copy = g_new0 (PbSeller, 1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    FIELD (copy, i) = g_strdup (FIELD (seller, i));
  return copy;
}

void
pb_seller_free (PbSeller *seller)
{
  if (seller == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (FIELD (seller, i));
  g_free (seller);
}

/* One member: a one-line text within its bound, at its place in the file. */
static gboolean
read_field (PbJsonDoc *doc, JsonObject *root, guint i, PbSeller *seller, GError **error)
{
  const char *member = fields[i].member;
  gboolean logo = fields[i].offset == G_STRUCT_OFFSET (PbSeller, logo);
  gboolean company = fields[i].offset == G_STRUCT_OFFSET (PbSeller, company);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = NULL;
  const char *text;

  /* The contract requires the company: the document is issued in its name. */
  if (!company && !json_object_has_member (root, member))
    return TRUE;
  if (!pb_json_get_string (doc, root, member, NULL, NULL, &text, error))
    return FALSE;
  if (!pb_text_check (text, logo ? PB_SELLER_MAX_LOGO_PATH : PB_TEXT_MAX_LINE, FALSE, &local_error))
    {
      pb_json_doc_error (doc, json_object_get_member (root, member), error, PB_ERROR_INPUT, NULL,
                         "“%s”: %s", member, local_error->message);
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (text));
  if (company && *stripped == '\0')
    {
      pb_json_doc_error (doc, json_object_get_member (root, member), error, PB_ERROR_INPUT, NULL,
                         _("“company” must name the seller"));
      return FALSE;
    }
  FIELD (seller, i) = g_strdup (text);
  return TRUE;
}

static PbSeller *
seller_from_doc (PbJsonDoc *doc, const char *folder, GError **error)
{
  const char *allowed[G_N_ELEMENTS (fields) + 2] = { "format" };
  g_autoptr(PbSeller) seller = g_new0 (PbSeller, 1);
  JsonObject *root;

  if (doc == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    allowed[i + 1] = fields[i].member;
  root = pb_json_doc_root_object (doc, PB_SELLER_FORMAT, error);
  if (root == NULL || !pb_json_check_members (doc, pb_json_doc_get_root (doc), NULL, allowed, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!read_field (doc, root, i, seller, error))
      return NULL;
  /* A relative logo is beside the file, wherever the command runs. */
  if (seller->logo != NULL && *seller->logo != '\0' && !g_path_is_absolute (seller->logo) && folder != NULL)
    {
      char *path = g_build_filename (folder, seller->logo, NULL);

      g_free (seller->logo);
      seller->logo = path;
    }
  return g_steal_pointer (&seller);
}

PbSeller *
pb_seller_new_from_bytes (GBytes *bytes, const char *name, const char *folder, GError **error)
{
  g_autoptr(PbJsonDoc) doc = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc = pb_json_doc_load_bytes (bytes, name ? name : "seller", error);
  return seller_from_doc (doc, folder, error);
}

PbSeller *
pb_seller_new_from_file (const char *path, GError **error)
{
  g_autoptr(PbJsonDoc) doc = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  doc = pb_json_doc_load_file (path, error);
  folder = g_path_get_dirname (path);
  return seller_from_doc (doc, folder, error);
}
