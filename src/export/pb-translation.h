/* pb-translation.h: messages in a document's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gettext answers in the program's language, but a quote document speaks
 * the quote's (Q-… "language"), whatever the desktop or the command line
 * runs in.  These look a message up in the translations Pricebook carries
 * inside itself, so that a Chinese quote's timeline figure is Chinese even
 * when pricebook-cli runs under LC_ALL=C, and an English one is English on
 * a Chinese desktop.
 *
 * @language is NULL for the program's language (plain gettext), "en" for
 * the source text, or a catalog Pricebook carries ("zh_CN").  xgettext
 * knows both functions as keywords (po/meson.build), so their messages are
 * extracted and translated like any other.  pb_ptranslate() looks up a
 * message of a context (msgctxt), for words whose translation in a document
 * differs from the window's ("Account": 账号 on an invoice block).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PB_TRANSLATION_ENGLISH "en"
#define PB_TRANSLATION_CHINESE "zh_CN"

const char *pb_translate  (const char *language,
                           const char *msgid);
const char *pb_ptranslate (const char *language,
                           const char *context,
                           const char *msgid);
const char *pb_ntranslate (const char *language,
                           const char *msgid,
                           const char *msgid_plural,
                           gulong      n);

G_END_DECLS
