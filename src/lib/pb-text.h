/* pb-text.h: the free text a quote and a seller profile carry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Addresses, tax IDs, bank details, payment terms and notes are printed on
 * the quote document as typed, so their length is bounded (a page must hold
 * each of them) and control characters, which no document can show, are
 * refused.  The bounds are in characters, as GtkEntry:max-length counts.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One-line texts: the customer's and the seller's details. */
#define PB_TEXT_MAX_LINE      200
/* Paragraphs: payment terms and notes, line breaks allowed. */
#define PB_TEXT_MAX_PARAGRAPHS 2000

/* TRUE when @text is UTF-8 of at most @max_chars characters with no control
 * character (line breaks and tabs allowed when @multiline); otherwise
 * PB_ERROR_INPUT in words ("at most 200 characters, this has 245"). */
gboolean pb_text_check (const char *text,
                        glong       max_chars,
                        gboolean    multiline,
                        GError    **error);

/* @text for a message: every control character (C0 including line breaks
 * and tabs, DEL, C1) as "\u001b", so that text read from a file can never
 * move a terminal's cursor, ring its bell or start a new line; bytes that
 * are not UTF-8 become U+FFFD. */
char    *pb_text_escape (const char *text);

G_END_DECLS
