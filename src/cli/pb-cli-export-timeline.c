/* pb-cli-export-timeline.c: pricebook-cli export-timeline SCENARIO.json -o OUT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replays the scenario and draws its timeline with the window's own
 * drawing code (src/export/) into a PNG, SVG or PDF, the format following
 * the output's extension.  Nothing is printed on success; the file appears
 * whole or not at all.
 */
#define G_LOG_DOMAIN "pricebook-cli"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pb-cli-private.h"
#include "pb-error.h"
#include "pb-lifecycle.h"
#include "pb-scenario.h"
#include "pb-timeline-export.h"

static const char usage[] =
  "Usage: pricebook-cli export-timeline SCENARIO.json -o OUT.png|OUT.svg|OUT.pdf\n"
  "                                     [--from INSTANT] [--to INSTANT] [--at INSTANT] [--width N]\n"
  "\n"
  "Replays the scenario and draws its timeline as the window shows it: the base fee,\n"
  "every code, number and package, the ruler of dates (UTC+08:00).  The format follows\n"
  "OUT's extension.\n"
  "\n"
  "  -o, --output FILE   the picture to write (.png, .svg or .pdf)\n"
  "  --from, --to        the span to show (ISO 8601; no offset means +08:00);\n"
  "                      by default everything that happens\n"
  "  --at INSTANT        mark the as-of instant\n"
  "  --width N           the picture's width in pixels (PNG) or points (320 to 20000;\n"
  "                      default 1200); its height fits every lane\n";

static gboolean
parse_width (const char *text, int *width, GError **error)
{
  guint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &value, NULL))
    {
      g_set_error (error, PB_ERROR, PB_ERROR_INPUT, _("--width: “%s” is not a whole number of pixels"), text);
      return FALSE;
    }
  *width = (int) value;
  return TRUE;
}

int
pb_cli_export_timeline (PbCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = NULL;
  g_autoptr(PbLifecycle) lifecycle = NULL;
  g_autoptr(PbTimeline) timeline = NULL;
  const char *path = NULL, *output = NULL, *from = NULL, *to = NULL, *at = NULL, *width = NULL;
  const PbCliOption options[] = {
    { "-o", &output }, { "--output", &output }, { "--from", &from }, { "--to", &to },
    { "--at", &at }, { "--width", &width },
  };
  PbTimelineExportOptions picture;
  PbTimelineFormat format;
  int status;

  status = pb_cli_parse_arguments (argc, argv, usage, options, G_N_ELEMENTS (options), &path,
                                   _("only one scenario file can be drawn at a time"));
  if (status >= 0)
    return status;
  if (path == NULL)
    return pb_cli_usage (argv[0], _("missing the scenario file (SCENARIO.json)"));
  if (output == NULL)
    return pb_cli_usage (argv[0], _("missing the output file (-o OUT.png, OUT.svg or OUT.pdf)"));
  if (!pb_timeline_format_from_path (output, &format))
    {
      g_autofree char *message = g_strdup_printf (_("%s: unknown format; the name must end in .png, .svg or .pdf"),
                                                  output);

      return pb_cli_usage (argv[0], message);
    }

  pb_timeline_export_options_init (&picture);
  if (!pb_cli_parse_instant ("--from", from, &picture.from, &error)
      || !pb_cli_parse_instant ("--to", to, &picture.to, &error)
      || !pb_cli_parse_instant ("--at", at, &picture.as_of, &error) || !parse_width (width, &picture.width, &error))
    return pb_cli_fail (error);

  scenario = pb_scenario_new_from_file (path, cli->catalog, &error);
  if (scenario == NULL)
    return pb_cli_fail (error);
  lifecycle = pb_lifecycle_replay_scenario (scenario, PB_INSTANT_NONE, &error);
  if (lifecycle == NULL)
    return pb_cli_fail (error);
  timeline = pb_timeline_new (lifecycle, cli->catalog);
  picture.title = pb_scenario_get_title (scenario);

  if (!pb_timeline_export_to_file (timeline, &picture, output, &error))
    return pb_cli_fail (error);
  return PB_CLI_OK;
}
