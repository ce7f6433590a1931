/* main.c: the Pricebook window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pb-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(PbApplication) app = NULL;
  const char *localedir = g_getenv ("PRICEBOOK_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Tests and uninstalled runs point at the build tree's translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
