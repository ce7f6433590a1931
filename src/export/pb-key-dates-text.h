/* pb-key-dates-text.h: key dates in words, and as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that says a key date (pb-key-dates.h) in words, for the
 * window's Key dates panel, the quote document's table and the calendar
 * file alike: "Bind code A by", "Renew the base fee by", "Package P1
 * usable until".  @language is a document's (PB_TRANSLATION_ENGLISH,
 * PB_TRANSLATION_CHINESE) or NULL for the program's, as in pb-translation.h.
 */
#pragma once

#include <glib.h>

#include "pb-key-dates.h"

G_BEGIN_DECLS

/* What the date asks for or tells, without the date: "Bind code A by". */
char  *pb_key_date_phrase     (const PbKeyDate *date,
                               const char      *language);
/* The same for a group of dates of one kind ("Bind codes by", "Packages
 * usable until"): a table's row heading, its subjects listed beside it. */
const char *pb_key_date_kind_phrase (PbKeyDateKind kind,
                                     const char   *language);

/* An iCalendar file (RFC 5545) of @dates: one VEVENT each, at its instant
 * (in UTC), a reminder a week before, UTF-8 text with CRLF line ends,
 * lines folded at 75 octets and text escaped.  A date's UID depends only
 * on @title, its kind, subject and instant, so a calendar that imports the
 * file again updates its events instead of doubling them.  @stamp is the
 * DTSTAMP (NULL: now).  Write it with pb_export_write_file(). */
char  *pb_key_dates_to_ics    (const PbKeyDate *dates,
                               guint            n_dates,
                               const char      *title,
                               const char      *language,
                               GDateTime       *stamp);

G_END_DECLS
