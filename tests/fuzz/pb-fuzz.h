/* pb-fuzz.h: what every fuzz harness defines and shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each harness is one LLVMFuzzerTestOneInput().  Built with clang and
 * -fsanitize=fuzzer by tests/fuzz/run-fuzzers.sh it is a fuzzer; built by
 * meson with fuzz-replay.c it replays the seed corpus and every input that
 * once crashed (tests/fuzz/regressions/) as ordinary TAP tests.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

G_BEGIN_DECLS

int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* A finding is anything that should never happen: a GLib critical or
 * warning (fatal here, as G_DEBUG=fatal-criticals would make them), or a
 * broken promise of the library, which the harnesses check with this.
 * Both end in abort(), never in GLib's breakpoint trap, so that libFuzzer
 * sees the crash and writes the input to its artifact directory. */
#define PB_FUZZ_ASSERT(expr) \
  G_STMT_START { \
    if (G_UNLIKELY (!(expr))) \
      { \
        fprintf (stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #expr); \
        abort (); \
      } \
  } G_STMT_END

static inline GLogWriterOutput
pb_fuzz_log_writer (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_standard_streams (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

static inline void
pb_fuzz_setup (void)
{
  g_log_set_writer_func (pb_fuzz_log_writer, NULL, NULL);
}

/* Every failure comes with a message that says where and why, in UTF-8
 * (a window shows it) when the input was text.  PB_FUZZ_SKIP_UTF8_CHECK=1
 * in the environment leaves the UTF-8 check out, to fuzz past a known and
 * still open finding of that kind (see tests/fuzz/regressions/). */
static inline void
pb_fuzz_check_error (const GError *error,
                     gboolean      input_is_text)
{
  PB_FUZZ_ASSERT (error != NULL);
  PB_FUZZ_ASSERT (error->message != NULL && error->message[0] != '\0');
  if (input_is_text && g_strcmp0 (g_getenv ("PB_FUZZ_SKIP_UTF8_CHECK"), "1") != 0)
    PB_FUZZ_ASSERT (g_utf8_validate (error->message, -1, NULL));
}

G_END_DECLS
