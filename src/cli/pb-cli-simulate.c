/* pb-cli-simulate.c: pricebook-cli simulate SCENARIO.json [--at INSTANT]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With --at, the state at that instant after replaying the events at or
 * before it; without, the whole timeline.  Every value comes from
 * PbLifecycle: this file only spells it as the contract's JSON (instants as
 * "+08:00" strings, money as "1050.00" strings, half-open intervals as
 * {"start", "end"} with a null end for one that has not ended).
 */
#define G_LOG_DOMAIN "pricebook-cli"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pb-cli-private.h"
#include "pb-error.h"
#include "pb-lifecycle.h"
#include "pb-json-builder.h"
#include "pb-scenario.h"

/* ------------------------------------------------------------------ */
/* JSON helpers                                                       */

static void
add_event (JsonBuilder *builder, guint event)
{
  json_builder_set_member_name (builder, "event");
  if (event == PB_NO_EVENT)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, event);
}

static void
add_span (JsonBuilder *builder, PbInstant start, PbInstant end)
{
  json_builder_begin_object (builder);
  pb_json_add_instant (builder, "start", start);
  pb_json_add_instant (builder, "end", end);
  json_builder_end_object (builder);
}

static void
add_spans (JsonBuilder *builder, const char *member, const PbSpan *spans, guint n_spans)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_spans; i++)
    add_span (builder, spans[i].start, spans[i].end);
  json_builder_end_array (builder);
}

static char *
format_month (int month)
{
  g_autofree char *date = pb_time_format_date (pb_time_month_start (month));

  return g_strndup (date, 7);
}

/* ------------------------------------------------------------------ */
/* Shared by both outputs                                             */

static void
add_rejections (JsonBuilder *builder, PbLifecycle *lifecycle, guint n)
{
  guint n_rejections;
  const PbRejection *rejections = pb_lifecycle_get_rejections (lifecycle, &n_rejections);

  json_builder_set_member_name (builder, "rejected");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (n, n_rejections); i++)
    {
      json_builder_begin_object (builder);
      add_event (builder, rejections[i].event);
      pb_json_add_string (builder, "rule", rejections[i].rule);
      pb_json_add_string (builder, "reason", rejections[i].reason);
      pb_json_add_instant (builder, "at", rejections[i].at);
      pb_json_add_string (builder, "type", pb_event_type_to_string (rejections[i].type));
      pb_json_add_string (builder, pb_event_type_subject_member (rejections[i].type), rejections[i].subject);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_alarms (JsonBuilder *builder, PbLifecycle *lifecycle, PbInstant until)
{
  guint n_alarms;
  const PbAlarm *alarms = pb_lifecycle_get_alarms (lifecycle, &n_alarms);

  json_builder_set_member_name (builder, "alarms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_alarms && alarms[i].at <= until; i++)
    {
      gboolean low = alarms[i].kind == PB_ALARM_LOW_BALANCE;

      json_builder_begin_object (builder);
      pb_json_add_instant (builder, "at", alarms[i].at);
      pb_json_add_string (builder, "kind", low ? "low_balance" : "too_many_numbers");
      pb_json_add_string (builder, "rule", alarms[i].rule);
      add_event (builder, alarms[i].event);
      pb_json_add_int (builder, low ? "balance_minutes" : "active_numbers", alarms[i].value);
      pb_json_add_int (builder, low ? "threshold_minutes" : "advised_numbers", alarms[i].threshold);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* ------------------------------------------------------------------ */
/* --at: the state at an instant                                      */

static void
add_base_fee_state (JsonBuilder *builder, PbLifecycle *lifecycle, PbInstant at)
{
  PbInstant expires_at;
  PbBaseFeeState state = pb_lifecycle_base_fee_at (lifecycle, at, &expires_at);

  json_builder_set_member_name (builder, "base_fee");
  json_builder_begin_object (builder);
  pb_json_add_string (builder, "state", pb_base_fee_state_to_string (state));
  pb_json_add_instant (builder, "expires_at", expires_at);
  json_builder_end_object (builder);
}

/* A group of identical codes, numbers or packages bought under one id
 * says how many it stands for; a single one says nothing, as before. */
static void
add_quantity (JsonBuilder *builder, gint64 quantity)
{
  if (quantity > 1)
    pb_json_add_int (builder, "quantity", quantity);
}

static void
add_code_state (JsonBuilder *builder, PbLifecycle *lifecycle, const PbLifecycleCode *code,
                const PbCodeStatus *status)
{
  json_builder_set_member_name (builder, code->id);
  json_builder_begin_object (builder);
  pb_json_add_string (builder, "tier", code->tier);
  add_quantity (builder, code->quantity);
  pb_json_add_string (builder, "state", pb_code_state_to_string (status->state));
  pb_json_add_bool (builder, "usable", status->usable);
  pb_json_add_int (builder, "max_viewers", status->max_viewers);
  pb_json_add_instant (builder, "bind_deadline", code->bind_deadline);
  pb_json_add_instant (builder, "bound_at", status->bound_at);
  pb_json_add_instant (builder, "expires_at", status->expires_at);
  pb_json_add_instant (builder, "void_at", status->void_at);
  pb_json_add_instant (builder, "purchased_at", code->purchased_at);
  pb_json_add_bool (builder, "gift", code->gift);
  json_builder_end_object (builder);
}

static void
add_live_state (JsonBuilder *builder, PbLifecycle *lifecycle, PbInstant at)
{
  json_builder_set_member_name (builder, "live");
  json_builder_begin_object (builder);
  add_base_fee_state (builder, lifecycle, at);
  json_builder_set_member_name (builder, "codes");
  json_builder_begin_object (builder);
  for (guint i = 0; i < pb_lifecycle_get_n_codes (lifecycle); i++)
    {
      const PbLifecycleCode *code = pb_lifecycle_get_code (lifecycle, i);
      PbCodeStatus status;

      if (pb_lifecycle_code_at (lifecycle, code, at, &status))
        add_code_state (builder, lifecycle, code, &status);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_numbers_state (JsonBuilder *builder, PbLifecycle *lifecycle, PbInstant at)
{
  json_builder_set_member_name (builder, "numbers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < pb_lifecycle_get_n_numbers (lifecycle); i++)
    {
      const PbLifecycleNumber *number = pb_lifecycle_get_number (lifecycle, i);
      gboolean active;
      guint months, span = 0;

      if (!pb_lifecycle_number_at (lifecycle, number, at, &active, &months))
        continue;
      /* The activation in force at @at, or the last one before it. */
      while (span + 1 < number->n_spans && number->spans[span + 1].start <= at)
        span++;
      json_builder_set_member_name (builder, number->id);
      json_builder_begin_object (builder);
      add_quantity (builder, number->spans[span].quantity);
      pb_json_add_string (builder, "state", active ? "active" : "unsubscribed");
      pb_json_add_int (builder, "months_billed", months);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_packages_state (JsonBuilder *builder, PbLifecycle *lifecycle, PbInstant at)
{
  json_builder_set_member_name (builder, "packages");
  json_builder_begin_object (builder);
  for (guint i = 0; i < pb_lifecycle_get_n_packages (lifecycle); i++)
    {
      const PbLifecyclePackage *package = pb_lifecycle_get_package (lifecycle, i);
      gint64 remaining = pb_lifecycle_package_remaining_at (package, at);

      if (remaining < 0)
        continue;
      json_builder_set_member_name (builder, package->id);
      json_builder_begin_object (builder);
      pb_json_add_int (builder, "remaining_minutes", remaining);
      pb_json_add_instant (builder, "expires_at", package->expires_at);
      pb_json_add_string (builder, "kind", package->kind == PB_PACKAGE_FIXED ? "fixed" : "custom");
      pb_json_add_int (builder, "minutes", package->minutes);
      add_quantity (builder, package->quantity);
      pb_json_add_instant (builder, "purchased_at", package->purchased_at);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_voice_state (JsonBuilder *builder, PbLifecycle *lifecycle, PbInstant at)
{
  json_builder_set_member_name (builder, "voice");
  json_builder_begin_object (builder);
  add_numbers_state (builder, lifecycle, at);
  add_packages_state (builder, lifecycle, at);
  pb_json_add_int (builder, "balance_minutes", pb_lifecycle_balance_at (lifecycle, at));
  json_builder_end_object (builder);
}

static PbMoney
charged_by (PbLifecycle *lifecycle, PbInstant at)
{
  guint n_charges;
  const PbCharge *charges = pb_lifecycle_get_charges (lifecycle, &n_charges);
  guint n = pb_lifecycle_count_charges_at (lifecycle, at);
  PbMoney total = 0;

  /* Each charge and the whole total fit (the replay checked them), so do
   * the sums of a prefix: all charges are positive. */
  for (guint i = 0; i < n && i < n_charges; i++)
    total += charges[i].amount;
  return total;
}

static JsonNode *
build_state (PbScenario *scenario, PbLifecycle *lifecycle, PbInstant at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  pb_json_add_instant (builder, "at", at);
  pb_json_add_string (builder, "title", pb_scenario_get_title (scenario));
  pb_json_add_string (builder, "term_rule", pb_term_rule_to_string (pb_lifecycle_get_term_rule (lifecycle)));
  add_live_state (builder, lifecycle, at);
  add_voice_state (builder, lifecycle, at);
  add_rejections (builder, lifecycle, pb_lifecycle_count_rejections_at (lifecycle, at));
  add_alarms (builder, lifecycle, at);
  pb_json_add_money (builder, "charged", charged_by (lifecycle, at));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ------------------------------------------------------------------ */
/* The whole timeline                                                 */

static void
add_base_fee_timeline (JsonBuilder *builder, PbLifecycle *lifecycle)
{
  guint n_terms, n_periods;
  const PbBaseFeeTerm *terms = pb_lifecycle_get_base_fee_terms (lifecycle, &n_terms);
  const PbSpan *periods = pb_lifecycle_get_base_fee_periods (lifecycle, &n_periods);

  json_builder_set_member_name (builder, "base_fee");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "terms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_terms; i++)
    {
      json_builder_begin_object (builder);
      add_event (builder, terms[i].event);
      pb_json_add_instant (builder, "bought_at", terms[i].bought_at);
      pb_json_add_string (builder, "kind", terms[i].renewal ? "renewal" : "new");
      /* EL-3 convention: several years bought at once are one purchase. */
      if (terms[i].years > 1)
        pb_json_add_int (builder, "years", terms[i].years);
      pb_json_add_instant (builder, "start", terms[i].start);
      pb_json_add_instant (builder, "end", terms[i].end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_spans (builder, "periods", periods, n_periods);
  json_builder_end_object (builder);
}

static void
add_expansions (JsonBuilder *builder, const PbLifecycleCode *code)
{
  json_builder_set_member_name (builder, "expansions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < code->n_expansions; i++)
    {
      json_builder_begin_object (builder);
      add_event (builder, code->expansions[i].event);
      pb_json_add_int (builder, "extra_viewers", code->expansions[i].viewers);
      pb_json_add_instant (builder, "start", code->expansions[i].at);
      pb_json_add_instant (builder, "end", code->expansions[i].end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_code_timeline (JsonBuilder *builder, const PbLifecycleCode *code)
{
  gint64 viewers = code->tier_viewers + code->addon_viewers;

  for (guint i = 0; i < code->n_expansions; i++)
    viewers += code->expansions[i].viewers;

  json_builder_set_member_name (builder, code->id);
  json_builder_begin_object (builder);
  pb_json_add_string (builder, "tier", code->tier);
  add_quantity (builder, code->quantity);
  add_event (builder, code->event);
  pb_json_add_bool (builder, "gift", code->gift);
  pb_json_add_instant (builder, "purchased_at", code->purchased_at);
  pb_json_add_int (builder, "tier_viewers", code->tier_viewers);
  pb_json_add_int (builder, "addon_viewers", code->addon_viewers);
  pb_json_add_int (builder, "max_viewers", viewers);
  pb_json_add_instant (builder, "bind_deadline", code->bind_deadline);
  json_builder_set_member_name (builder, "binding_window");
  add_span (builder, code->purchased_at, code->bind_deadline);
  pb_json_add_instant (builder, "bound_at", code->bound_at);
  pb_json_add_instant (builder, "expires_at", code->expires_at);
  json_builder_set_member_name (builder, "validity");
  if (code->bound_at != PB_INSTANT_NONE)
    add_span (builder, code->bound_at, code->expires_at);
  else
    json_builder_add_null_value (builder);
  pb_json_add_instant (builder, "void_at", code->void_at);
  add_spans (builder, "suspended", code->suspended, code->n_suspended);
  add_spans (builder, "usable", code->usable, code->n_usable);
  add_expansions (builder, code);
  json_builder_end_object (builder);
}

static void
add_broadcasts (JsonBuilder *builder, PbLifecycle *lifecycle)
{
  guint n;
  const PbBroadcast *broadcasts = pb_lifecycle_get_broadcasts (lifecycle, &n);

  json_builder_set_member_name (builder, "broadcasts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      add_event (builder, broadcasts[i].event);
      pb_json_add_string (builder, "code", broadcasts[i].code);
      pb_json_add_instant (builder, "start", broadcasts[i].at);
      pb_json_add_instant (builder, "end", broadcasts[i].end);
      pb_json_add_int (builder, "viewers", broadcasts[i].viewers);
      pb_json_add_int (builder, "minutes", broadcasts[i].minutes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_live_timeline (JsonBuilder *builder, PbLifecycle *lifecycle)
{
  json_builder_set_member_name (builder, "live");
  json_builder_begin_object (builder);
  add_base_fee_timeline (builder, lifecycle);
  json_builder_set_member_name (builder, "codes");
  json_builder_begin_object (builder);
  for (guint i = 0; i < pb_lifecycle_get_n_codes (lifecycle); i++)
    add_code_timeline (builder, pb_lifecycle_get_code (lifecycle, i));
  json_builder_end_object (builder);
  add_broadcasts (builder, lifecycle);
  json_builder_end_object (builder);
}

static void
add_number_timeline (JsonBuilder *builder, const PbLifecycleNumber *number)
{
  json_builder_set_member_name (builder, number->id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "active");
  json_builder_begin_array (builder);
  for (guint i = 0; i < number->n_spans; i++)
    {
      const PbNumberSpan *span = &number->spans[i];

      json_builder_begin_object (builder);
      add_event (builder, span->event);
      add_quantity (builder, span->quantity);
      json_builder_set_member_name (builder, "end_event");
      if (span->end_event == PB_NO_EVENT)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, span->end_event);
      pb_json_add_instant (builder, "start", span->start);
      pb_json_add_instant (builder, "end", span->end);
      json_builder_set_member_name (builder, "billed_months");
      json_builder_begin_array (builder);
      for (int month = span->first_month; month <= span->last_month; month++)
        {
          g_autofree char *name = format_month (month);

          json_builder_add_string_value (builder, name);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  pb_json_add_int (builder, "months_billed", number->months_billed);
  json_builder_end_object (builder);
}

static void
add_package_timeline (JsonBuilder *builder, const PbLifecyclePackage *package)
{
  json_builder_set_member_name (builder, package->id);
  json_builder_begin_object (builder);
  add_event (builder, package->event);
  pb_json_add_string (builder, "kind", package->kind == PB_PACKAGE_FIXED ? "fixed" : "custom");
  pb_json_add_int (builder, "minutes", package->minutes);
  add_quantity (builder, package->quantity);
  pb_json_add_money (builder, "price", package->price);
  pb_json_add_instant (builder, "purchased_at", package->purchased_at);
  pb_json_add_instant (builder, "expires_at", package->expires_at);
  json_builder_set_member_name (builder, "validity");
  add_span (builder, package->purchased_at, package->expires_at);
  json_builder_set_member_name (builder, "remaining");
  json_builder_begin_array (builder);
  for (guint i = 0; i < package->n_steps; i++)
    {
      json_builder_begin_object (builder);
      pb_json_add_instant (builder, "at", package->steps[i].at);
      pb_json_add_int (builder, "remaining_minutes", package->steps[i].remaining);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_calls (JsonBuilder *builder, PbLifecycle *lifecycle)
{
  guint n;
  const PbCall *calls = pb_lifecycle_get_calls (lifecycle, &n);

  json_builder_set_member_name (builder, "calls");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      add_event (builder, calls[i].event);
      pb_json_add_instant (builder, "at", calls[i].at);
      pb_json_add_string (builder, "number", calls[i].number);
      pb_json_add_int (builder, "seconds", calls[i].seconds);
      pb_json_add_bool (builder, "answered", calls[i].answered);
      pb_json_add_int (builder, "billed_minutes", calls[i].billed_minutes);
      pb_json_add_int (builder, "overage_minutes", calls[i].overage_minutes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_voice_timeline (JsonBuilder *builder, PbLifecycle *lifecycle)
{
  guint n_steps;
  const PbBalanceStep *steps = pb_lifecycle_get_balance_steps (lifecycle, &n_steps);

  json_builder_set_member_name (builder, "voice");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "numbers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < pb_lifecycle_get_n_numbers (lifecycle); i++)
    add_number_timeline (builder, pb_lifecycle_get_number (lifecycle, i));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "packages");
  json_builder_begin_object (builder);
  for (guint i = 0; i < pb_lifecycle_get_n_packages (lifecycle); i++)
    add_package_timeline (builder, pb_lifecycle_get_package (lifecycle, i));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "balance");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_steps; i++)
    {
      json_builder_begin_object (builder);
      pb_json_add_instant (builder, "at", steps[i].at);
      pb_json_add_int (builder, "remaining_minutes", steps[i].remaining);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_calls (builder, lifecycle);
  json_builder_end_object (builder);
}

static const char *
charge_kind_name (PbChargeKind kind)
{
  static const char * const names[] = {
    "base_fee", "gift_code", "code", "addon", "expansion", "package", "number_month",
  };

  return names[kind];
}

static void
add_charges (JsonBuilder *builder, PbLifecycle *lifecycle)
{
  guint n;
  const PbCharge *charges = pb_lifecycle_get_charges (lifecycle, &n);

  json_builder_set_member_name (builder, "charges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      add_event (builder, charges[i].event);
      pb_json_add_instant (builder, "at", charges[i].at);
      pb_json_add_string (builder, "kind", charge_kind_name (charges[i].kind));
      pb_json_add_string (builder, "subject", charges[i].subject);
      pb_json_add_string (builder, "description", charges[i].description);
      pb_json_add_money (builder, "amount", charges[i].amount);
      pb_json_add_string (builder, "rule", charges[i].rule);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  pb_json_add_money (builder, "total", pb_lifecycle_get_total (lifecycle));
}

static JsonNode *
build_timeline (PbScenario *scenario, PbLifecycle *lifecycle)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint n_rejections;

  pb_lifecycle_get_rejections (lifecycle, &n_rejections);
  json_builder_begin_object (builder);
  pb_json_add_string (builder, "title", pb_scenario_get_title (scenario));
  pb_json_add_string (builder, "term_rule", pb_term_rule_to_string (pb_lifecycle_get_term_rule (lifecycle)));
  pb_json_add_instant (builder, "first", pb_lifecycle_get_first_instant (lifecycle));
  pb_json_add_instant (builder, "horizon", pb_lifecycle_get_horizon (lifecycle));
  add_live_timeline (builder, lifecycle);
  add_voice_timeline (builder, lifecycle);
  add_charges (builder, lifecycle);
  add_rejections (builder, lifecycle, n_rejections);
  add_alarms (builder, lifecycle, PB_INSTANT_FOREVER);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ------------------------------------------------------------------ */
/* The command                                                        */

static const char usage[] =
  "Usage: pricebook-cli simulate SCENARIO.json [--at INSTANT]\n"
  "\n"
  "Replays the scenario's events through the lifecycle rules.  With --at, prints\n"
  "the state at INSTANT (ISO 8601; no offset means +08:00) after the events at or\n"
  "before it; without, the whole timeline.\n";

int
pb_cli_simulate (PbCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbScenario) scenario = NULL;
  g_autoptr(PbLifecycle) lifecycle = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *path = NULL, *at_text = NULL;
  PbInstant at = PB_INSTANT_NONE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          fputs (usage, stdout);
          return PB_CLI_OK;
        }
      else if ((g_str_equal (argv[i], "--at") && i + 1 < argc) || g_str_has_prefix (argv[i], "--at="))
        {
          /* Two instants would silently answer for the last one only. */
          if (at_text != NULL)
            return pb_cli_usage (argv[0], _("--at is given more than once"));
          at_text = argv[i][4] == '=' ? argv[i] + strlen ("--at=") : argv[++i];
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("unknown option or missing value: “%s”"), argv[i]);

          return pb_cli_usage (argv[0], message);
        }
      else if (path != NULL)
        return pb_cli_usage (argv[0], _("only one scenario file can be simulated at a time"));
      else
        path = argv[i];
    }
  if (path == NULL)
    return pb_cli_usage (argv[0], _("missing the scenario file (SCENARIO.json)"));

  if (at_text != NULL && !pb_time_parse (at_text, &at, &error))
    {
      g_prefix_error (&error, "--at: ");
      return pb_cli_fail (error);
    }

  scenario = pb_scenario_new_from_file (path, cli->catalog, &error);
  if (scenario == NULL)
    return pb_cli_fail (error);
  lifecycle = pb_lifecycle_replay_scenario (scenario, at, &error);
  if (lifecycle == NULL)
    {
      /* The engine knows the event, not the file. */
      g_prefix_error (&error, "%s: ", path);
      return pb_cli_fail (error);
    }

  root = at_text != NULL ? build_state (scenario, lifecycle, at) : build_timeline (scenario, lifecycle);
  pb_cli_print (root);
  return PB_CLI_OK;
}
