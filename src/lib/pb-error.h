/* pb-error.h: the error domain shared by the model library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PB_ERROR (pb_error_quark ())

typedef enum
{
  PB_ERROR_INPUT,     /* malformed or out-of-range input: the caller's fault (CLI exit 2) */
  PB_ERROR_RULE,      /* a business rule (Q-4 and friends) is broken: also exit 2 */
  PB_ERROR_OVERFLOW,  /* money, a count or a date left its documented range (exit 2) */
  PB_ERROR_INTERNAL,  /* a bug or an unreadable built-in resource (exit 1) */
} PbError;

GQuark pb_error_quark (void);

G_END_DECLS
