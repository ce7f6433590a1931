/* pb-seller.h: who sends the quote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seller's profile, printed at the top of every quote document and in
 * its signature block: kept in the window's Preferences (GSettings) and read
 * by the command line from a "pricebook-seller/1" file (cli-and-formats.md,
 * "Quotation details"):
 *
 *   { "format": "pricebook-seller/1", "company": "…", "address": "…",
 *     "tax_id": "…", "bank": "…", "bank_account": "…", "contact": "…",
 *     "phone": "…", "email": "…", "logo": "logo.png" }
 *
 * All members but "format" and "company" are optional; "logo" (a PNG, its
 * path relative to the file) is Pricebook's extension of the contract.  Each
 * text is one line of at most PB_TEXT_MAX_LINE characters (pb-text.h).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PB_SELLER_FORMAT "pricebook-seller/1"

/* A logo's path may be longer than a line of text, not endless. */
#define PB_SELLER_MAX_LOGO_PATH 4096

/* Every field may be NULL or empty: it is then left out of the document. */
typedef struct
{
  char *company;
  char *address;
  char *tax_id;        /* 纳税人识别号 */
  char *bank;          /* 开户行 */
  char *bank_account;  /* 账号 */
  char *contact;       /* the sales person */
  char *phone;
  char *email;
  char *logo;          /* the path of a PNG image */
} PbSeller;

PbSeller *pb_seller_new            (const char     *company,
                                    const char     *contact,
                                    const char     *phone,
                                    const char     *email);
PbSeller *pb_seller_new_from_file  (const char     *path,
                                    GError        **error);
/* @name stands for the file in messages; a relative "logo" is taken as
 * relative to @folder (NULL: the current folder). */
PbSeller *pb_seller_new_from_bytes (GBytes         *bytes,
                                    const char     *name,
                                    const char     *folder,
                                    GError        **error);
PbSeller *pb_seller_copy           (const PbSeller *seller);
void      pb_seller_free           (PbSeller       *seller);
/* Replaces *@field (one of @seller's) with a copy of @value. */
void      pb_seller_set            (char          **field,
                                    const char     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbSeller, pb_seller_free)

G_END_DECLS
