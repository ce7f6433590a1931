/* test-ui-window.c: the window's documents — open, save, new, the unsaved
 * mark, and a malformed file that must change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-item-row.h"
#include "pb-quote-wizard.h"
#include "pb-simulator-page.h"
#include "pb-test-ui.h"
#include "pb-window.h"

typedef struct
{
  PbWindow *window;
  char     *dir;
} Fixture;

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "quotes", name, NULL);
}

/* Copies kept for crash recovery live in the test's own data folder
 * (XDG_DATA_HOME); each test starts and ends without any. */
static void
clear_kept_copies (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pricebook", "autosave", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

static guint
count_kept_copies (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pricebook", "autosave", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  clear_kept_copies ();
  f->dir = g_dir_make_tmp ("pricebook-window-XXXXXX", NULL);
  f->window = g_object_new (PB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  pb_test_iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  pb_test_iterate ();
  clear_kept_copies ();
  g_free (f->dir);
}

static void
open_path (Fixture *f, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  pb_window_open_file (f->window, file);
  pb_test_iterate ();
}

static const char *
title (Fixture *f)
{
  return gtk_window_get_title (GTK_WINDOW (f->window));
}

static void
test_window_open_and_edit (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_file ("sample.pricebook");
  PbQuote *quote;

  g_assert_null (pb_window_get_quote (f->window));
  open_path (f, path);
  quote = pb_window_get_quote (f->window);
  g_assert_nonnull (quote);
  g_assert_false (pb_window_get_dirty (f->window));
  g_assert_nonnull (strstr (title (f), pb_quote_get_number (quote)));
  g_assert_false (g_str_has_prefix (title (f), "•"));

  pb_customer_set_contact (pb_quote_get_customer (quote), "someone else");
  pb_test_iterate ();
  g_assert_true (pb_window_get_dirty (f->window));
  g_assert_true (g_str_has_prefix (title (f), "•"));
}

/* A file that cannot be read opens nothing, says why (file, line, column)
 * and leaves the open document as it was. */
static void
test_window_malformed (Fixture *f, gconstpointer data)
{
  g_autofree char *good = data_file ("sample.pricebook");
  g_autofree char *bad = g_build_filename (f->dir, "broken.pricebook", NULL);
  g_autofree char *before = NULL, *after = NULL;
  PbQuote *quote;
  const char *banner;

  g_assert_true (g_file_set_contents (bad, "{\n  \"format\": \"pricebook-quote/1\",\n  \"number\": 12\n}\n", -1, NULL));
  open_path (f, good);
  quote = pb_window_get_quote (f->window);
  before = pb_quote_to_string (quote);
  g_assert_null (pb_window_get_banner (f->window));

  open_path (f, bad);
  banner = pb_window_get_banner (f->window);
  g_assert_nonnull (banner);
  g_assert_nonnull (strstr (banner, "broken.pricebook:3:"));
  g_assert_nonnull (strstr (banner, "number"));
  g_assert_true (pb_window_get_quote (f->window) == quote);
  after = pb_quote_to_string (pb_window_get_quote (f->window));
  g_assert_cmpstr (before, ==, after);
  g_assert_false (pb_window_get_dirty (f->window));
}

/* Save writes the format back; the mark goes; a save that fails keeps the
 * document dirty and says why. */
static void
test_window_save (Fixture *f, gconstpointer data)
{
  g_autofree char *source = data_file ("sample.pricebook");
  g_autofree char *copy = g_build_filename (f->dir, "copy.pricebook", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(PbQuote) reloaded = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  open_path (f, copy);
  pb_customer_set_name (pb_quote_get_customer (pb_window_get_quote (f->window)), "新名字有限公司");
  pb_test_iterate ();
  g_assert_true (pb_window_get_dirty (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  pb_test_iterate ();
  g_assert_false (pb_window_get_dirty (f->window));
  reloaded = pb_quote_new_from_file (copy, NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpstr (pb_customer_get_name (pb_quote_get_customer (reloaded)), ==, "新名字有限公司");

  /* A save that cannot replace the file (here a folder has taken its
   * place, which stops even root): the error shows, nothing is lost. */
  pb_customer_set_name (pb_quote_get_customer (pb_window_get_quote (f->window)), "又一个名字");
  pb_test_iterate ();
  g_assert_cmpint (g_remove (copy), ==, 0);
  g_assert_cmpint (g_mkdir (copy, 0700), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  pb_test_iterate ();
  g_assert_true (pb_window_get_dirty (f->window));
  g_assert_nonnull (pb_window_get_banner (f->window));
  g_assert_nonnull (strstr (pb_window_get_banner (f->window), "copy.pricebook"));
  g_assert_cmpstr (pb_customer_get_name (pb_quote_get_customer (pb_window_get_quote (f->window))), ==, "又一个名字");
  g_rmdir (copy);
}

/* New quote: numbered Q-YYYY-NNNN from the counter in settings, which advances. */
static void
test_window_new_quote (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pricebook.Pricebook");
  g_autoptr(GDateTime) now = g_date_time_new_now (pb_time_zone ());
  g_autofree char *expected = NULL;

  g_settings_set_uint (settings, "next-quote-number", 7);
  g_settings_set_uint (settings, "default-valid-days", 45);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  pb_test_iterate ();
  expected = g_strdup_printf ("Q-%04d-0007", g_date_time_get_year (now));
  g_assert_cmpstr (pb_quote_get_number (pb_window_get_quote (f->window)), ==, expected);
  g_assert_cmpint (pb_quote_get_valid_days (pb_window_get_quote (f->window)), ==, 45);
  g_assert_cmpuint (g_settings_get_uint (settings, "next-quote-number"), ==, 8);
  g_assert_true (pb_window_get_dirty (f->window));
}

/* The documented example opens as a scenario in the simulator; a scenario
 * file opens the same way, and a broken one changes nothing. */
static void
test_window_example_and_scenarios (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = g_build_filename (f->dir, "broken.pbscenario", NULL);
  g_autofree char *saved = g_build_filename (f->dir, "saved.pbscenario", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  PbScenario *scenario;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-example", NULL);
  pb_test_iterate ();
  scenario = pb_window_get_scenario (f->window);
  g_assert_nonnull (scenario);
  g_assert_null (pb_window_get_quote (f->window));
  g_assert_nonnull (strstr (title (f), "customer A"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pb_test_get (GTK_WIDGET (f->window), "views"))),
                   ==, "timeline");

  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"pricebook-scenario/1\", \"events\": [ 1 ] }", -1, NULL));
  open_path (f, bad);
  g_assert_true (pb_window_get_scenario (f->window) == scenario);
  g_assert_nonnull (strstr (pb_window_get_banner (f->window), "broken.pbscenario"));

  /* Switching an event off is a change to save. */
  pb_scenario_set_event_enabled (scenario, 2, FALSE);
  pb_test_iterate ();
  g_assert_true (pb_window_get_dirty (f->window));
  g_assert_true (pb_scenario_save_to_file (scenario, saved, NULL));
  g_assert_true (pb_window_load_scenario (f->window, saved_file, NULL));
  g_assert_false (pb_scenario_get_event (pb_window_get_scenario (f->window), 2)->enabled);
}

/* Each mnemonic shown at once is unique: when two share a key, Alt+key only
 * moves the focus between them (Save and the Simulator view both had S, the
 * simulator's Type and the Timeline view T, the wizard's Contact and its
 * Customer step C, an item row's Quantity and the Quote view Q). */
typedef struct
{
  GHashTable *seen;       /* key → the label that has it */
  GString    *clashes;
} Mnemonics;

static void
collect_mnemonics (GtkWidget *widget, Mnemonics *m)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      GtkWidget *other = g_hash_table_lookup (m->seen, GUINT_TO_POINTER (key));
      const char *text = gtk_label_get_label (GTK_LABEL (widget));

      if (other == NULL)
        g_hash_table_insert (m->seen, GUINT_TO_POINTER (key), widget);
      else
        g_string_append_printf (m->clashes, "“%s” and “%s” share %s; ",
                                gtk_label_get_label (GTK_LABEL (other)), text, gdk_keyval_name (key));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, m);
}

/* The clashes among the mnemonics now mapped in @window, or "". */
static char *
mnemonic_clashes (PbWindow *window, const char *where)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  Mnemonics m = { seen, g_string_new (NULL) };

  collect_mnemonics (GTK_WIDGET (window), &m);
  g_assert_cmpuint (g_hash_table_size (seen), >, 3);
  if (m.clashes->len > 0)
    g_string_prepend (m.clashes, where);
  return g_string_free (m.clashes, FALSE);
}

static void
test_window_mnemonics (Fixture *f, gconstpointer data)
{
  /* A quote with an item of every kind, so that every field shows. */
  g_autofree char *path = data_file ("contract-example.pricebook");
  const char *views[] = { "timeline", "simulator" };
  const char *steps[] = { "customer", "voice", "live", "review" };
  g_autoptr(GString) clashes = g_string_new (NULL);
  PbQuoteWizard *wizard;

  open_path (f, path);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *found = NULL;

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", views[i]);
      pb_test_iterate ();
      found = mnemonic_clashes (f->window, views[i]);
      g_string_append (clashes, found);
    }
  /* The simulator's form shows other fields for each type of event. */
  {
    GtkDropDown *types = GTK_DROP_DOWN (pb_test_get (GTK_WIDGET (f->window), "type_dropdown"));

    for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (types)); i++)
      {
        g_autofree char *found = NULL;
        g_autofree char *where = g_strdup_printf ("simulator, event type %u: ", i);

        gtk_drop_down_set_selected (types, i);
        pb_test_iterate ();
        found = mnemonic_clashes (f->window, where);
        g_string_append (clashes, found);
      }
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "quote");
  pb_test_iterate ();
  {
    g_autoptr(GPtrArray) wizards = g_ptr_array_new ();

    pb_test_collect (GTK_WIDGET (f->window), PB_TYPE_QUOTE_WIZARD, wizards);
    g_assert_cmpuint (wizards->len, ==, 1);
    wizard = g_ptr_array_index (wizards, 0);
  }
  /* Every step, then every step again with Undo's bar, which stays on
   * whatever step the user goes to once an item is removed. */
  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          g_autofree char *found = NULL;
          g_autofree char *where = g_strdup_printf ("quote, %s step%s: ", steps[i],
                                                    round > 0 ? ", Undo shown" : "");

          pb_quote_wizard_set_step (wizard, steps[i]);
          pb_test_iterate ();
          found = mnemonic_clashes (f->window, where);
          g_string_append (clashes, found);
        }
      if (round == 0)
        {
          g_autoptr(GPtrArray) rows = g_ptr_array_new ();

          pb_quote_wizard_set_step (wizard, "live");
          pb_test_iterate ();
          pb_test_collect (pb_test_get (GTK_WIDGET (wizard), "live_list"), PB_TYPE_ITEM_ROW, rows);
          g_assert_cmpuint (rows->len, >, 0);
          pb_test_click (g_ptr_array_index (rows, rows->len - 1), "remove_button");
        }
    }
  g_assert_cmpstr (clashes->str, ==, "");
}

/* "Show on timeline": a quote's purchases, replayed from its date. */
static void
test_window_quote_over_time (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_file ("sample.pricebook");
  GtkWidget *simulator;
  PbScenario *projection;

  open_path (f, path);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "simulator");
  pb_test_iterate ();
  simulator = pb_test_get (GTK_WIDGET (f->window), "simulator");
  projection = pb_simulator_page_get_scenario (PB_SIMULATOR_PAGE (simulator));
  g_assert_nonnull (projection);
  g_assert_nonnull (strstr (pb_scenario_get_title (projection), pb_quote_get_number (pb_window_get_quote (f->window))));
  g_assert_cmpuint (pb_scenario_get_n_events (projection), >, 0);
  /* Projecting is not editing: the quote is still saved. */
  g_assert_false (pb_window_get_dirty (f->window));

  /* A what-if and the as-of instant outlive a switch of views and back:
   * the quote did not change, so it is not projected anew. */
  {
    PbInstant later = pb_time_add_months (pb_quote_get_date (pb_window_get_quote (f->window)), 11);

    pb_scenario_set_event_enabled (projection, 0, FALSE);
    pb_simulator_page_set_at (PB_SIMULATOR_PAGE (simulator), later);
    pb_test_iterate ();
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "timeline");
    pb_test_iterate ();
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "simulator");
    pb_test_iterate ();
    g_assert_true (pb_simulator_page_get_scenario (PB_SIMULATOR_PAGE (simulator)) == projection);
    g_assert_false (pb_scenario_get_event (projection, 0)->enabled);
    g_assert_cmpint (pb_simulator_page_get_at (PB_SIMULATOR_PAGE (simulator)), ==, later);

    /* An edit of the quote is projected anew. */
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "quote");
    pb_test_iterate ();
    pb_customer_set_contact (pb_quote_get_customer (pb_window_get_quote (f->window)), "someone else");
    pb_quote_set_valid_days (pb_window_get_quote (f->window), 45);
    pb_test_iterate ();
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "simulator");
    pb_test_iterate ();
    g_assert_true (pb_simulator_page_get_scenario (PB_SIMULATOR_PAGE (simulator)) != projection);

    /* over time, a quote that breaks a rule says so in the banner,
     * until it is fixed. */
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "quote");
    pb_customer_set_enterprise (pb_quote_get_customer (pb_window_get_quote (f->window)), FALSE);
    pb_test_iterate ();
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "timeline");
    pb_test_iterate ();
    g_assert_nonnull (pb_window_get_banner (f->window));
    g_assert_nonnull (strstr (pb_window_get_banner (f->window), "Q-4"));
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "quote");
    pb_customer_set_enterprise (pb_quote_get_customer (pb_window_get_quote (f->window)), TRUE);
    pb_test_iterate ();
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "timeline");
    pb_test_iterate ();
    g_assert_null (pb_window_get_banner (f->window));
  }

  /* A new quote, with nothing to show yet, starts at its own date, not at
   * the previous document's as-of instant. */
  pb_window_new_quote (f->window);
  pb_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "simulator");
  pb_test_iterate ();
  g_assert_cmpint (pb_simulator_page_get_at (PB_SIMULATOR_PAGE (simulator)), ==,
                   pb_quote_get_date (pb_window_get_quote (f->window)));
}

/* The main menu is built when first opened, and only then: GTK asks for
 * it on every opening. */
static void
test_window_menu_built_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkMenuButton *menu = NULL;
  GtkPopover *first;

  pb_test_collect (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), _("Main Menu")) == 0)
      menu = buttons->pdata[i];
  g_assert_nonnull (menu);
  gtk_menu_button_popup (menu);
  pb_test_iterate ();
  first = gtk_menu_button_get_popover (menu);
  g_assert_nonnull (first);
  gtk_menu_button_popdown (menu);
  pb_test_iterate ();
  gtk_menu_button_popup (menu);
  pb_test_iterate ();
  g_assert_true (gtk_menu_button_get_popover (menu) == first);
  gtk_menu_button_popdown (menu);
  pb_test_iterate ();
}

/* Every shipped example opens and replays without an error. */
static void
test_window_samples (Fixture *f, gconstpointer data)
{
  const char *files[] = { "customer-a-b-bound.pbscenario", "customer-a-no-renewal.pbscenario",
                          "late-binding.pbscenario", "renewal-after-lapse.pbscenario", "expansions.pbscenario",
                          "customer-a-365-days.pbscenario", "packages-run-out.pbscenario" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      PbScenario *before = pb_window_get_scenario (f->window);

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", "s", files[i]);
      pb_test_iterate ();
      g_assert_nonnull (pb_window_get_scenario (f->window));
      g_assert_true (pb_window_get_scenario (f->window) != before);
      g_assert_null (pb_window_get_banner (f->window));
      g_assert_nonnull (pb_timeline_view_get_timeline (pb_window_get_timeline (f->window)));
    }
}

/* A window that vanishes with unsaved changes (a crash, a kill) leaves a
 * copy; the next window offers it back, as the unsaved document of the
 * same file.  A save removes the copy. */
static void
test_window_crash_recovery (Fixture *f, gconstpointer data)
{
  g_autofree char *source = data_file ("sample.pricebook");
  g_autofree char *copy = g_build_filename (f->dir, "work.pricebook", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  PbQuote *quote;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  open_path (f, copy);
  pb_customer_set_contact (pb_quote_get_customer (pb_window_get_quote (f->window)), "typed before the crash");
  pb_test_iterate ();
  pb_window_autosave_now (f->window);
  g_assert_cmpuint (count_kept_copies (), ==, 2);

  /* The crash: the window is gone without asking or cleaning up. */
  g_object_run_dispose (G_OBJECT (f->window));
  f->window = NULL;
  g_assert_cmpuint (count_kept_copies (), ==, 2);

  f->window = g_object_new (PB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  pb_test_iterate ();
  g_assert_nonnull (pb_window_get_banner (f->window));
  g_assert_true (pb_window_restore (f->window, &error));
  g_assert_no_error (error);
  quote = pb_window_get_quote (f->window);
  g_assert_nonnull (quote);
  g_assert_cmpstr (pb_customer_get_contact (pb_quote_get_customer (quote)), ==, "typed before the crash");
  g_assert_true (pb_window_get_dirty (f->window));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (pb_test_get (GTK_WIDGET (f->window), "subtitle_label"))),
                            "work.pricebook"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  pb_test_iterate ();
  g_assert_false (pb_window_get_dirty (f->window));
  g_assert_cmpuint (count_kept_copies (), ==, 0);
  g_unlink (copy);
}

/* Export PDF: written off the main thread, reported in the banner, the
 * same document pricebook-cli export-pdf writes (issue: Q-5 terms inside). */
static void
test_window_export_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_file ("sample.pricebook");
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *head = NULL;
  gsize length = 0;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  open_path (f, path);
  pb_window_export_pdf (f->window, pdf);
  /* Wait for the worker thread's answer (a bound, not a timing check). */
  while (!g_file_test (pdf, G_FILE_TEST_EXISTS) || strstr (pb_window_get_banner (f->window), "…") != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (g_file_get_contents (pdf, &head, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  g_assert_nonnull (strstr (pb_window_get_banner (f->window), "out.pdf"));
  g_unlink (pdf);
}

int
main (int argc, char **argv)
{
  /* The suite runs this program under several time zones at once: each run
   * keeps its recent files and crash-recovery copies to itself. */
  pb_test_use_own_data_home ();
  pb_test_ui_prepare ();
  pb_test_ui_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/window/open-and-edit", test_window_open_and_edit);
  ADD ("/ui/window/Q-1/malformed-file", test_window_malformed);
  ADD ("/ui/window/save", test_window_save);
  ADD ("/ui/window/Q-1/new-quote-number", test_window_new_quote);
  ADD ("/ui/window/EL-8/example-and-scenarios", test_window_example_and_scenarios);
  ADD ("/ui/window/quote-over-time", test_window_quote_over_time);
  ADD ("/ui/window/samples", test_window_samples);
  ADD ("/ui/window/menu-built-once", test_window_menu_built_once);
  ADD ("/ui/window/mnemonics", test_window_mnemonics);
  ADD ("/ui/window/crash-recovery", test_window_crash_recovery);
  ADD ("/ui/window/Q-5/export-pdf", test_window_export_pdf);
  return g_test_run ();
}
