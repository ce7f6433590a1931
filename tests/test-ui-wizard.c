/* test-ui-wizard.c: build a quote of both products through the wizard's
 * widgets, under a virtual display, and check what they show against the
 * model (Q-2, Q-3, Q-4, VM-6, EL-2, VM-10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pb-item-row.h"
#include "pb-optimizer.h"
#include "pb-pricing.h"
#include "pb-quote-wizard.h"
#include "pb-test-ui.h"

typedef struct
{
  GtkWindow     *window;
  PbQuoteWizard *wizard;
  PbQuote       *quote;
  PbCatalog     *catalog;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->catalog = pb_catalog_get_default (NULL);
  f->quote = pb_quote_new ();
  pb_quote_set_number (f->quote, "Q-2026-0042");
  f->wizard = g_object_new (PB_TYPE_QUOTE_WIZARD, NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 900);
  gtk_window_set_child (f->window, GTK_WIDGET (f->wizard));
  gtk_window_present (f->window);
  pb_quote_wizard_set_quote (f->wizard, f->quote);
  pb_test_iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->quote);
  g_clear_object (&f->catalog);
  pb_test_iterate ();
}

static GtkWidget *
root (Fixture *f)
{
  return GTK_WIDGET (f->wizard);
}

/* The rows of one step's list, in order. */
static PbItemRow *
row_at (Fixture *f, const char *list, guint n)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  pb_test_collect (pb_test_get (root (f), list), PB_TYPE_ITEM_ROW, rows);
  g_assert_cmpuint (rows->len, >, n);
  return g_ptr_array_index (rows, n);
}

static char *
model_total (Fixture *f)
{
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL;

  g_assert_true (pb_pricing_compute (f->catalog, f->quote, &pricing, &error));
  g_assert_no_error (error);
  total = pb_money_format_display (pricing->total);
  return g_strdup_printf (_("Total %s"), total);
}

static void
maybe_screenshot (Fixture *f, const char *step)
{
  const char *dir = g_getenv ("PRICEBOOK_SCREENSHOT_DIR");

  if (dir != NULL)
    {
      g_autofree char *name = g_strdup_printf ("wizard-%s.png", step);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      pb_test_iterate ();
      pb_test_screenshot (GTK_WIDGET (f->window), path);
    }
}

static void
fill_customer (Fixture *f)
{
  pb_test_type (pb_test_get (root (f), "name_entry"), "示例科技有限公司");
  pb_test_type (pb_test_get (root (f), "contact_entry"), "王经理 138-0000-0000");
  gtk_switch_set_active (GTK_SWITCH (pb_test_get (root (f), "enterprise_switch")), TRUE);
  pb_test_type (pb_test_get (root (f), "date_entry"), "2026-11-22");
  pb_test_iterate ();
}

static void
test_wizard_both_products (Fixture *f, gconstpointer data)
{
  g_autofree char *expected = NULL;
  PbItemRow *row;

  fill_customer (f);
  g_assert_cmpstr (pb_customer_get_name (pb_quote_get_customer (f->quote)), ==, "示例科技有限公司");
  g_assert_true (pb_customer_get_enterprise (pb_quote_get_customer (f->quote)));
  {
    g_autofree char *date = pb_time_format_date (pb_quote_get_date (f->quote));

    g_assert_cmpstr (date, ==, "2026-11-22");
  }
  maybe_screenshot (f, "1-customer");

  /* Voice Message: 3 numbers × 12 months, then a custom package. */
  pb_test_click (root (f), "next_button");
  g_assert_cmpstr (pb_quote_wizard_get_step (f->wizard), ==, "voice");
  pb_test_click (root (f), "add_numbers_button");
  row = row_at (f, "voice_list", 0);
  pb_test_type (pb_test_get (GTK_WIDGET (row), "numbers"), "3");
  pb_test_type (pb_test_get (GTK_WIDGET (row), "months"), "12");
  g_assert_cmpstr (pb_item_row_get_amount_text (row), ==, "¥1,800.00");

  /* VM-6: 1,500 minutes is off the grid: said at the field, with a fix. */
  pb_test_click (root (f), "add_custom_button");
  row = row_at (f, "voice_list", 1);
  pb_test_type (pb_test_get (GTK_WIDGET (row), "minutes"), "1500");
  g_assert_cmpstr (pb_item_row_get_amount_text (row), ==, "—");
  g_assert_cmpstr (pb_quote_wizard_get_total_text (f->wizard), ==, _("Total —"));
  g_assert_nonnull (pb_test_find (GTK_WIDGET (row), "fix"));
  maybe_screenshot (f, "2-voice-error");
  pb_test_click (GTK_WIDGET (row), "fix");
  row = row_at (f, "voice_list", 1);
  g_assert_cmpint (pb_quote_item_get_minutes (pb_item_row_get_item (row)), ==, 2000);
  g_assert_cmpstr (pb_item_row_get_amount_text (row), ==, "¥220.00");

  /* Minutes needed: 99,000 → the optimizer proposes one 100,000-minute package. */
  pb_test_type (pb_test_get (root (f), "need_spin"), "99000");
  g_assert_nonnull (strstr (pb_test_label (root (f), "need_label"), "100,000"));
  pb_test_click (root (f), "apply_need_button");
  row = row_at (f, "voice_list", 2);
  g_assert_cmpint (pb_quote_item_get_kind (pb_item_row_get_item (row)), ==, PB_ITEM_KIND_FIXED_PACKAGE);
  g_assert_cmpstr (pb_item_row_get_amount_text (row), ==, "¥10,000.00");
  maybe_screenshot (f, "2-voice");

  /* Enterprise Live: a base fee, 3 standard codes with 300 add-on viewers. */
  pb_test_click (root (f), "next_button");
  pb_test_click (root (f), "add_base_fee_button");
  row = row_at (f, "live_list", 0);
  g_assert_cmpstr (pb_item_row_get_amount_text (row), ==, "¥140,000.00");
  pb_test_click (root (f), "add_codes_button");
  row = row_at (f, "live_list", 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pb_test_get (GTK_WIDGET (row), "tier")), 1);
  pb_test_type (pb_test_get (GTK_WIDGET (row), "quantity"), "3");
  pb_test_type (pb_test_get (GTK_WIDGET (row), "extra-viewers"), "300");
  /* (¥9,000 + 300 × ¥100) × 3 */
  g_assert_cmpstr (pb_item_row_get_amount_text (row), ==, "¥117,000.00");

  /* The planner: 2 rooms × 5,000 viewers → flagship codes. */
  pb_test_type (pb_test_get (root (f), "rooms_spin"), "2");
  pb_test_type (pb_test_get (root (f), "viewers_spin"), "5000");
  pb_test_click (root (f), "apply_plan_button");
  row = row_at (f, "live_list", 2);
  g_assert_cmpstr (pb_quote_item_get_tier (pb_item_row_get_item (row)), ==, "flagship");
  g_assert_cmpstr (pb_item_row_get_amount_text (row), ==, "¥130,000.00");
  maybe_screenshot (f, "3-live");

  /* Review: a discount, and the total shown is the model's to the fen. */
  pb_test_click (root (f), "next_button");
  pb_test_type (pb_test_get (root (f), "discount_entry"), "5");
  g_assert_cmpint (pb_quote_get_discount (f->quote), ==, 500);
  expected = model_total (f);
  g_assert_cmpstr (pb_quote_wizard_get_total_text (f->wizard), ==, expected);
  maybe_screenshot (f, "4-review");
  g_assert_cmpuint (pb_quote_get_n_items (f->quote), ==, 6);

  /* Run in Chinese, the window speaks Chinese: the translations of the
   * build tree are found and used (the suite's zh-cn run). */
  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "zh"))
    {
      g_assert_cmpstr (_("Total —"), !=, "Total —");
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pb_test_get (root (f), "next_button"))), !=, "_Next");
    }
}

/* EL-1: the planner asked for one room of 5 viewers says the free trial
 * is enough, before proposing a code; 2 rooms do not fit the trial. */
static void
test_wizard_trial (Fixture *f, gconstpointer data)
{
  fill_customer (f);
  pb_test_click (root (f), "next_button");
  pb_test_click (root (f), "next_button");
  pb_test_type (pb_test_get (root (f), "rooms_spin"), "1");
  pb_test_type (pb_test_get (root (f), "viewers_spin"), "5");
  g_assert_nonnull (strstr (pb_test_label (root (f), "plan_label"), "EL-1"));
  pb_test_type (pb_test_get (root (f), "rooms_spin"), "2");
  g_assert_null (strstr (pb_test_label (root (f), "plan_label"), "EL-1"));
}

/* Removing an item can be undone. */
static void
test_wizard_undo_remove (Fixture *f, gconstpointer data)
{
  PbItemRow *row;

  fill_customer (f);
  pb_test_click (root (f), "add_numbers_button");
  pb_test_click (root (f), "add_custom_button");
  row = row_at (f, "voice_list", 0);
  pb_test_type (pb_test_get (GTK_WIDGET (row), "numbers"), "4");
  pb_test_click (GTK_WIDGET (row), "remove_button");
  g_assert_cmpuint (pb_quote_get_n_items (f->quote), ==, 1);
  pb_quote_wizard_undo_remove (f->wizard);
  pb_test_iterate ();
  g_assert_cmpuint (pb_quote_get_n_items (f->quote), ==, 2);
  g_assert_cmpint (pb_quote_item_get_kind (pb_quote_get_item (f->quote, 0)), ==, PB_ITEM_KIND_NUMBERS);
  g_assert_cmpint (pb_quote_item_get_numbers (pb_quote_get_item (f->quote, 0)), ==, 4);
}

/* EL-2, VM-10: a customer who is not an enterprise blocks both products. */
static void
test_wizard_not_enterprise (Fixture *f, gconstpointer data)
{
  const char *issue;

  fill_customer (f);
  gtk_switch_set_active (GTK_SWITCH (pb_test_get (root (f), "enterprise_switch")), FALSE);
  pb_test_click (root (f), "add_numbers_button");
  pb_test_click (root (f), "add_base_fee_button");
  pb_test_iterate ();
  g_assert_cmpstr (pb_quote_wizard_get_total_text (f->wizard), ==, _("Total —"));
  issue = pb_test_label (root (f), "customer_issue");
  g_assert_true (gtk_widget_get_visible (pb_test_get (root (f), "customer_issue")));
  g_assert_nonnull (strstr (issue, "EL-2"));
  g_assert_nonnull (strstr (issue, "VM-10"));
}

/* A date that does not exist is refused at the field; the quote keeps its date. */
static void
test_wizard_bad_date (Fixture *f, gconstpointer data)
{
  PbInstant before;

  fill_customer (f);
  before = pb_quote_get_date (f->quote);
  pb_test_type (pb_test_get (root (f), "date_entry"), "2026-02-30");
  g_assert_true (gtk_widget_get_visible (pb_test_get (root (f), "date_issue")));
  g_assert_cmpint (pb_quote_get_date (f->quote), ==, before);
}

/* An accepted quote is locked. */
static void
test_wizard_accepted_locked (Fixture *f, gconstpointer data)
{
  fill_customer (f);
  pb_test_click (root (f), "add_numbers_button");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pb_test_get (root (f), "status_dropdown")), 2);
  pb_test_iterate ();
  g_assert_cmpint (pb_quote_get_status (f->quote), ==, PB_QUOTE_STATUS_ACCEPTED);
  g_assert_false (gtk_widget_is_sensitive (pb_test_get (root (f), "name_entry")));
  g_assert_false (gtk_widget_get_visible (pb_test_get (GTK_WIDGET (row_at (f, "voice_list", 0)), "remove_button")));
}

/* Q-1, VM-5, EL-4: the wizard's own fields stop where the model and the
 * optimizers do (README "Limits"); the item rows take theirs from the
 * items' properties. */
static void
test_wizard_field_ranges (Fixture *f, gconstpointer data)
{
  static const struct { const char *name; double lower; double upper; } fields[] = {
    { "valid_days_spin", 1, PB_QUOTE_MAX_VALID_DAYS },
    { "need_spin", 0, PB_OPTIMIZER_VOICE_MAX_MINUTES },
    { "rooms_spin", 1, PB_OPTIMIZER_LIVE_MAX_ROOMS },
    { "viewers_spin", 1, PB_OPTIMIZER_LIVE_MAX_VIEWERS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (pb_test_get (root (f),
                                                                                               fields[i].name)));

      g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, fields[i].lower);
      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, fields[i].upper);
    }
}

int
main (int argc, char **argv)
{
  pb_test_ui_prepare ();
  pb_test_ui_init (&argc, &argv);
  {
    /* The application loads its style sheet; a bare test does it by hand. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/pricebook/Pricebook/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/wizard/Q-2/Q-3/VM-6/EL-5/both-products", test_wizard_both_products);
  ADD ("/ui/wizard/undo-remove", test_wizard_undo_remove);
  ADD ("/ui/wizard/EL-1/trial-fits", test_wizard_trial);
  ADD ("/ui/wizard/EL-2/VM-10/not-enterprise", test_wizard_not_enterprise);
  ADD ("/ui/wizard/Q-1/bad-date", test_wizard_bad_date);
  ADD ("/ui/wizard/accepted-locked", test_wizard_accepted_locked);
  ADD ("/ui/wizard/Q-1/VM-5/EL-4/field-ranges", test_wizard_field_ranges);
  return g_test_run ();
}
