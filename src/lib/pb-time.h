/* pb-time.h: instants in China Standard Time and the EL-T date rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An instant is a count of seconds since the Unix epoch.  Every calendar
 * question (which day, which month, "one year later") is answered in
 * UTC+08:00 whatever the machine's TZ says, because that is the time the
 * purchase guides speak in.  Nothing else in Pricebook does date arithmetic.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint64 PbInstant;

/* "No instant": an unbound code's binding time, a base fee never bought. */
#define PB_INSTANT_NONE G_MININT64

/* The end of an interval that has not ended (a number never unsubscribed, a
 * code still in its binding window when the replay was cut off). */
#define PB_INSTANT_FOREVER G_MAXINT64

/* The range every instant must fall in: 1970-01-01T00:00:00+08:00 to
 * 2199-12-31T23:59:59+08:00, both included, so that a term or a deadline
 * computed from it is always representable. */
#define PB_INSTANT_MIN ((PbInstant) -28800)
#define PB_INSTANT_MAX ((PbInstant) 7258089599)

#define PB_SECONDS_PER_DAY 86400

typedef enum
{
  PB_TERM_RULE_CALENDAR,  /* EL-T1/EL-T2: one calendar year less a day */
  PB_TERM_RULE_365_DAYS,  /* EL-T4: 365 days */
} PbTermRule;

GTimeZone  *pb_time_zone            (void);
gboolean    pb_time_parse           (const char  *text,
                                     PbInstant   *result,
                                     GError     **error);
gboolean    pb_time_parse_date      (const char  *text,
                                     PbInstant   *result,
                                     GError     **error);
char       *pb_time_format          (PbInstant    instant);
char       *pb_time_format_date     (PbInstant    instant);
/* For people, in messages and on screen: "2020-12-31 12:00" (seconds only
 * when not zero: "2020-12-31 12:00:30"), always UTC+08:00 and never the
 * ISO form with its "T" and offset, which files and the CLI use. */
char       *pb_time_format_display  (PbInstant    instant);
gboolean    pb_time_parse_display   (const char  *text,
                                     PbInstant   *result,
                                     GError     **error);
GDateTime  *pb_time_to_date_time    (PbInstant    instant);
PbInstant   pb_time_from_parts      (int          year,
                                     int          month,
                                     int          day,
                                     int          hour,
                                     int          minute,
                                     int          second);
PbInstant   pb_time_add_days        (PbInstant    instant,
                                     int          days);
PbInstant   pb_time_add_months      (PbInstant    instant,
                                     int          months);
PbInstant   pb_time_add_years       (PbInstant    instant,
                                     int          years);
int         pb_time_month_index     (PbInstant    instant);
PbInstant   pb_time_month_start     (int          month_index);

PbInstant   pb_time_term_end        (PbTermRule   rule,
                                     PbInstant    start);
PbInstant   pb_time_term_renew      (PbTermRule   rule,
                                     PbInstant    old_end);
/* pb_time_term_renew(); FALSE when @new_end (still set) passes
 * PB_INSTANT_MAX.  Renewals add up, and a sum must stay in the supported
 * range, which callers refuse under pb_term_rule_renewal_id(); a single
 * term from an instant in range may end up to a year after PB_INSTANT_MAX. */
gboolean    pb_time_term_renew_checked (PbTermRule   rule,
                                        PbInstant    old_end,
                                        PbInstant   *new_end);

gboolean    pb_term_rule_from_string (const char *text,
                                      PbTermRule *rule);
const char *pb_term_rule_to_string   (PbTermRule  rule);
/* "EL-T2" (calendar years) or "EL-T4" (365 days): the rule a renewal follows. */
const char *pb_term_rule_renewal_id  (PbTermRule  rule);

G_END_DECLS
