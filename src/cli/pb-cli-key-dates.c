/* pb-cli-key-dates.c: pricebook-cli key-dates SCENARIO.json|QUOTE.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What must be done by when, and what ends when: the instants the rules
 * derive from a scenario's replay (pb-key-dates.h), or from a quote's
 * projection, as JSON or as an iCalendar file a calendar opens.
 */
#define G_LOG_DOMAIN "pricebook-cli"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pb-cli-private.h"
#include "pb-error.h"
#include "pb-key-dates-text.h"
#include "pb-projection.h"
#include "pb-translation.h"

static const char usage[] =
  "Usage: pricebook-cli key-dates SCENARIO.json|QUOTE.json [--from INSTANT] [--format json|ics]\n"
  "\n"
  "The key dates of a scenario, or of a quote's projection (its purchases bought on its\n"
  "date): codes to bind (EL-7), codes and the base fee expiring (EL-8, EL-3/EL-10),\n"
  "packages expiring (VM-9) and suspensions starting (EL-8), sorted by instant.\n"
  "\n"
  "  --from INSTANT      only the dates at or after INSTANT (ISO 8601; no offset means\n"
  "                      +08:00); by default from the first event\n"
  "  --format json|ics   JSON (the default) or an iCalendar file (RFC 5545) on stdout\n";

/* What the dates are read from: the replay, and the projection when the
 * file was a quote. */
typedef struct
{
  PbProjection *projection;
  PbScenario   *scenario;
  PbLifecycle  *lifecycle;
} Source;

static void
source_clear (Source *source)
{
  g_clear_object (&source->projection);
  g_clear_object (&source->scenario);
  g_clear_object (&source->lifecycle);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

/* A quote is known by its name (*.pricebook) or, under any other name, by
 * the scenario loader refusing its format as the quote's. */
static gboolean
is_quote (const char *path, const GError *scenario_error)
{
  if (scenario_error == NULL)
    return g_str_has_suffix (path, ".pricebook");
  return g_error_matches (scenario_error, PB_ERROR, PB_ERROR_INPUT)
         && strstr (scenario_error->message, "“" PB_QUOTE_FORMAT "”") != NULL;
}

static int
load_quote (PbCli *cli, const char *path, Source *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbQuote) quote = NULL;
  PbProjectionOptions options;
  int status = PB_CLI_OK;

  quote = pb_cli_load_quote (cli, path, &status);
  if (quote == NULL)
    return status;
  /* Numbers have no key dates, and their months cost the most to replay. */
  pb_projection_options_init (&options);
  options.numbers = FALSE;
  source->projection = pb_projection_new (quote, cli->catalog, &options, &error);
  if (source->projection == NULL)
    return pb_cli_fail (error);
  source->scenario = g_object_ref (pb_projection_get_scenario (source->projection));
  return PB_CLI_OK;
}

static int
load (PbCli *cli, const char *path, Source *source)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (is_quote (path, NULL))
    status = load_quote (cli, path, source);
  else
    {
      source->scenario = pb_scenario_new_from_file (path, cli->catalog, &error);
      if (source->scenario != NULL)
        status = PB_CLI_OK;
      else if (is_quote (path, error))
        status = load_quote (cli, path, source);
      else
        status = pb_cli_fail (error);
    }
  if (status != PB_CLI_OK)
    return status;
  source->lifecycle = pb_lifecycle_replay_scenario (source->scenario, PB_INSTANT_NONE, &error);
  if (source->lifecycle == NULL)
    return pb_cli_fail (error);
  return PB_CLI_OK;
}

static void
print_json (GArray *dates)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key_dates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dates->len; i++)
    {
      const PbKeyDate *date = &g_array_index (dates, PbKeyDate, i);
      g_autofree char *at = pb_time_format (date->at);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, at);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, pb_key_date_kind_to_string (date->kind));
      json_builder_set_member_name (builder, "subject");
      if (date->subject != NULL)
        json_builder_add_string_value (builder, date->subject);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, date->rule);
      /* A group of codes or packages bought at once (a quote's item). */
      if (date->quantity > 1)
        {
          json_builder_set_member_name (builder, "quantity");
          json_builder_add_int_value (builder, date->quantity);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  pb_cli_print (root);
}

int
pb_cli_key_dates (PbCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(Source) source = { 0 };
  g_autoptr(GArray) dates = NULL;
  const char *path = NULL, *from_text = NULL, *format = NULL;
  const PbCliOption options[] = { { "--from", &from_text }, { "--format", &format } };
  PbInstant from = PB_INSTANT_NONE;
  int status;

  status = pb_cli_parse_arguments (argc, argv, usage, options, G_N_ELEMENTS (options), &path,
                                   _("only one scenario or quote file at a time"));
  if (status >= 0)
    return status;
  if (path == NULL)
    return pb_cli_usage (argv[0], _("missing the scenario or quote file (SCENARIO.json or QUOTE.json)"));
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "ics"))
    {
      g_autofree char *message = g_strdup_printf (_("--format: “%s” is neither json nor ics"), format);

      return pb_cli_usage (argv[0], message);
    }
  if (!pb_cli_parse_instant ("--from", from_text, &from, &error))
    return pb_cli_fail (error);

  status = load (cli, path, &source);
  if (status != PB_CLI_OK)
    return status;
  if (source.projection != NULL)
    dates = pb_projection_key_dates (source.projection, source.lifecycle, from);
  else
    dates = pb_lifecycle_key_dates (source.lifecycle, from != PB_INSTANT_NONE ? from
                                                      : pb_lifecycle_get_first_instant (source.lifecycle));

  if (format != NULL && g_str_equal (format, "ics"))
    {
      g_autofree char *text = pb_key_dates_to_ics ((const PbKeyDate *) (void *) dates->data, dates->len,
                                                   pb_scenario_get_title (source.scenario),
                                                   PB_TRANSLATION_ENGLISH, NULL);

      fputs (text, stdout);
    }
  else
    print_json (dates);
  return PB_CLI_OK;
}
