/* pb-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-text"

#include "pb-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pb-error.h"

gboolean
pb_text_check (const char *text, glong max_chars, gboolean multiline, GError **error)
{
  glong length = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("the text is not UTF-8"));
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      length++;
      if (multiline && (c == '\n' || c == '\r' || c == '\t'))
        continue;
      if (g_unichar_iscntrl (c))
        {
          g_set_error (error, PB_ERROR, PB_ERROR_INPUT,
                       multiline ? _("control character U+%04X: only line breaks and tabs may be used")
                                 : _("control character U+%04X: the text must be one line"), c);
          return FALSE;
        }
    }
  if (length > max_chars)
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("at most %ld characters, this text has %ld"),
                   max_chars, length);
      return FALSE;
    }
  return TRUE;
}

char *
pb_text_escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *escaped = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (escaped, "\\u%04x", c);
      else
        g_string_append_len (escaped, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (escaped, FALSE);
}
