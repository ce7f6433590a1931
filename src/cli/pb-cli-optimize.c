/* pb-cli-optimize.c: pricebook-cli optimize voice|live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   optimize voice --minutes N               the cheapest VM packages (VM-5, VM-6)
 *   optimize live --viewers V [--rooms R]    the cheapest EL codes (EL-4, EL-5)
 *
 * The arguments are parsed by hand: each option takes one whole number in a
 * documented range, as "--name N" or "--name=N", at most once.  Anything
 * else is a usage error (exit 2, nothing on stdout).
 */
#define G_LOG_DOMAIN "pricebook-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pb-cli-private.h"
#include "pb-json-builder.h"
#include "pb-optimizer.h"

static void
print_help (void)
{
  printf (_("Usage: pricebook-cli optimize voice --minutes N\n"
            "       pricebook-cli optimize live --viewers V [--rooms R]\n"
            "\n"
            "voice: the cheapest Voice Message packages (fixed and custom) covering at least\n"
            "       N minutes, N from 1 to %lld.  Ties: fewer minutes bought, then\n"
            "       fewer packages, then fixed before custom.\n"
            "live:  the cheapest Enterprise Live activation codes for R rooms (default 1, at\n"
            "       most %lld) broadcasting at once with up to V concurrent viewers\n"
            "       each (1 to %lld), for a customer who already holds the base fee\n"
            "       (its gifted code is not counted): one code per room, tier plus add-on\n"
            "       viewers.  Ties: more viewers for the same price, then fewer add-ons.\n"),
          (long long) PB_OPTIMIZER_VOICE_MAX_MINUTES, (long long) PB_OPTIMIZER_LIVE_MAX_ROOMS,
          (long long) PB_OPTIMIZER_LIVE_MAX_VIEWERS);
}

typedef struct
{
  const char *name;     /* "--minutes" */
  gboolean    required;
  gint64      max;      /* the value is from 1 to max */
  gint64      value;
  gboolean    seen;
} Option;

static gboolean
parse_value (const char *command, Option *option, const char *text, int *status)
{
  g_autofree char *message = NULL;

  if (g_ascii_string_to_signed (text, 10, 1, option->max, &option->value, NULL))
    return TRUE;
  message = g_strdup_printf (_("%s: “%s” is not a whole number from 1 to %lld"),
                             option->name, text, (long long) option->max);
  *status = pb_cli_usage (command, message);
  return FALSE;
}

/* One argument, or two for "--name N", starting at argv[*i]. */
static gboolean
parse_one (const char *command, Option *options, guint n_options, int argc, char **argv, int *i,
           int *status)
{
  const char *arg = argv[*i];
  g_autofree char *message = NULL;

  if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
    {
      print_help ();
      *status = PB_CLI_OK;
      return FALSE;
    }
  for (guint o = 0; o < n_options; o++)
    {
      gsize length = strlen (options[o].name);
      const char *value = NULL;

      if (strncmp (arg, options[o].name, length) != 0 || (arg[length] != '\0' && arg[length] != '='))
        continue;
      if (options[o].seen)
        message = g_strdup_printf (_("%s is given more than once"), options[o].name);
      else if (arg[length] == '=')
        value = arg + length + 1;
      else if (*i + 1 < argc)
        value = argv[++*i];
      else
        message = g_strdup_printf (_("%s needs a value"), options[o].name);
      if (message != NULL)
        {
          *status = pb_cli_usage (command, message);
          return FALSE;
        }
      options[o].seen = TRUE;
      return parse_value (command, &options[o], value, status);
    }
  if (arg[0] == '-')
    message = g_strdup_printf (_("unknown option “%s”"), arg);
  else
    message = g_strdup_printf (_("unexpected argument “%s”"), arg);
  *status = pb_cli_usage (command, message);
  return FALSE;
}

/* Parses argv[1..] (argv[0] is the sub-command) into @options.  Returns
 * FALSE, with the exit status in @status, after a usage error or --help. */
static gboolean
parse_options (const char *command, Option *options, guint n_options, int argc, char **argv, int *status)
{
  for (int i = 1; i < argc; i++)
    if (!parse_one (command, options, n_options, argc, argv, &i, status))
      return FALSE;
  for (guint o = 0; o < n_options; o++)
    if (options[o].required && !options[o].seen)
      {
        g_autofree char *message = g_strdup_printf (_("%s is required"), options[o].name);

        *status = pb_cli_usage (command, message);
        return FALSE;
      }
  return TRUE;
}

static JsonNode *
voice_plan_to_json (PbVoicePlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "minutes");
  json_builder_add_int_value (builder, plan->minutes);
  json_builder_set_member_name (builder, "packages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->packages->len; i++)
    {
      const PbVoicePackage *package = &g_array_index (plan->packages, PbVoicePackage, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, package->fixed ? "fixed" : "custom");
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, package->minutes);
      pb_json_add_money (builder, "price", package->price);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  pb_json_add_money (builder, "total", plan->total);
  json_builder_set_member_name (builder, "bought_minutes");
  json_builder_add_int_value (builder, plan->bought_minutes);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
live_plan_to_json (PbLivePlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "viewers");
  json_builder_add_int_value (builder, plan->viewers);
  json_builder_set_member_name (builder, "rooms");
  json_builder_add_int_value (builder, plan->rooms);
  json_builder_set_member_name (builder, "codes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->codes->len; i++)
    {
      const PbLiveCode *code = &g_array_index (plan->codes, PbLiveCode, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "tier");
      json_builder_add_string_value (builder, code->tier_id);
      json_builder_set_member_name (builder, "extra_viewers");
      json_builder_add_int_value (builder, code->addon_viewers);
      pb_json_add_money (builder, "price", code->price);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  pb_json_add_money (builder, "total", plan->total);
  /* EL-1: said only when true, so that other answers stay as they were. */
  if (plan->trial_fits)
    pb_json_add_bool (builder, "trial_fits", TRUE);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
optimize_voice (PbCli *cli, int argc, char **argv)
{
  Option options[] = { { "--minutes", TRUE, PB_OPTIMIZER_VOICE_MAX_MINUTES } };
  g_autoptr(PbVoicePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  int status;

  if (!parse_options ("optimize voice", options, G_N_ELEMENTS (options), argc, argv, &status))
    return status;
  if (!pb_optimizer_voice (cli->catalog, options[0].value, &plan, &error))
    return pb_cli_fail (error);
  root = voice_plan_to_json (plan);
  pb_cli_print (root);
  return PB_CLI_OK;
}

static int
optimize_live (PbCli *cli, int argc, char **argv)
{
  Option options[] = {
    { "--viewers", TRUE, PB_OPTIMIZER_LIVE_MAX_VIEWERS },
    { "--rooms", FALSE, PB_OPTIMIZER_LIVE_MAX_ROOMS, 1 },
  };
  g_autoptr(PbLivePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  int status;

  if (!parse_options ("optimize live", options, G_N_ELEMENTS (options), argc, argv, &status))
    return status;
  if (!pb_optimizer_live (cli->catalog, options[0].value, options[1].value, &plan, &error))
    return pb_cli_fail (error);
  root = live_plan_to_json (plan);
  pb_cli_print (root);
  return PB_CLI_OK;
}

int
pb_cli_optimize (PbCli *cli, int argc, char **argv)
{
  g_autofree char *message = NULL;

  if (argc < 2)
    return pb_cli_usage (argv[0], _("say what to optimize: “voice” or “live”"));
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return PB_CLI_OK;
    }
  if (g_str_equal (argv[1], "voice"))
    return optimize_voice (cli, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "live"))
    return optimize_live (cli, argc - 1, argv + 1);
  message = g_strdup_printf (_("unknown sub-command “%s” (known: voice, live)"), argv[1]);
  return pb_cli_usage (argv[0], message);
}
