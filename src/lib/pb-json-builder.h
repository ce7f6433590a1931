/* pb-json-builder.h: members of JSON being built, in the files' formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files and pricebook-cli's output write money, instants and the like
 * one way; these are the library's, public so that the CLI needs nothing
 * of the loader's internals (pb-json-private.h).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pb-money.h"
#include "pb-time.h"

G_BEGIN_DECLS

/* Members of a JSON object being built, in the formats of the files and the
 * CLI: money "1050.00", instants "…+08:00" (PB_INSTANT_NONE and
 * PB_INSTANT_FOREVER as null), NULL strings as null. */
void        pb_json_add_string       (JsonBuilder *builder,
                                      const char  *member,
                                      const char  *value);
void        pb_json_add_int          (JsonBuilder *builder,
                                      const char  *member,
                                      gint64       value);
void        pb_json_add_bool         (JsonBuilder *builder,
                                      const char  *member,
                                      gboolean     value);
void        pb_json_add_money        (JsonBuilder *builder,
                                      const char  *member,
                                      PbMoney      amount);
void        pb_json_add_instant      (JsonBuilder *builder,
                                      const char  *member,
                                      PbInstant    instant);

G_END_DECLS
