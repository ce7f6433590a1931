/* test-ui-window.c: the window's documents — open, save, new, the unsaved
 * mark, and a malformed file that must change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-item-row.h"
#include "pb-preferences-window.h"
#include "pb-quote-wizard.h"
#include "pb-simulator-page.h"
#include "pb-test-ui.h"
#include "pb-test-window.h"
#include "pb-test-cli.h"

typedef struct
{
  PbWindow  *window;
  PbSession *session;   /* the window's: its copies go to a folder of the test's */
  char      *dir;
  char      *autosave;
} Fixture;

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "quotes", name, NULL);
}

/* The session's files in the test's own copy folder (copies, their notes
 * of origin, the session's lock). */
static guint
count_kept_files (Fixture *f, const char *suffix)
{
  return pb_test_count_files (f->autosave, suffix);
}

static PbWindow *
new_window (Fixture *f)
{
  PbWindow *window = g_object_new (PB_TYPE_WINDOW, "session", f->session, NULL);

  gtk_window_present (GTK_WINDOW (window));
  pb_test_iterate ();
  return window;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("pricebook-window-XXXXXX", NULL);
  f->autosave = g_build_filename (f->dir, "autosave", NULL);
  f->session = pb_session_new (f->autosave);
  f->window = new_window (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  pb_test_iterate ();
  g_clear_object (&f->session);
  pb_test_remove_tree (f->dir);
  g_free (f->autosave);
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

  pb_test_save_and_wait (f->window);
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
  pb_test_save_and_wait (f->window);
  g_assert_true (pb_window_get_dirty (f->window));
  g_assert_nonnull (pb_window_get_banner (f->window));
  g_assert_nonnull (strstr (pb_window_get_banner (f->window), "copy.pricebook"));
  g_assert_cmpstr (pb_customer_get_name (pb_quote_get_customer (pb_window_get_quote (f->window))), ==, "又一个名字");
  g_rmdir (copy);
}

/* New quote: the focus is in the customer's name; an untouched new
 * quote has nothing to lose, so it is not unsaved; its number Q-YYYY-NNNN comes from the counter in settings when
 * it is first saved, not before, so that a quote never saved leaves no gap. */
static void
test_window_new_quote (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pricebook.Pricebook");
  g_autoptr(GDateTime) now = g_date_time_new_now (pb_time_zone ());
  g_autofree char *expected = NULL;
  g_autofree char *path = g_build_filename (f->dir, "new.pricebook", NULL);

  g_settings_set_uint (settings, "next-quote-number", 7);
  g_settings_set_uint (settings, "default-valid-days", 45);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  pb_test_iterate ();
  g_assert_cmpstr (pb_quote_get_number (pb_window_get_quote (f->window)), ==, "");
  g_assert_cmpint (pb_quote_get_valid_days (pb_window_get_quote (f->window)), ==, 45);
  g_assert_false (pb_window_get_dirty (f->window));
  g_assert_null (strstr (title (f), "•"));
  /* Typing starts with the customer's name. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         pb_test_get (GTK_WIDGET (f->window), "name_entry")));

  /* Ctrl+N again and Ctrl+W: nothing asks, and no number was taken. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  pb_test_iterate ();
  g_assert_null (pb_test_find_dialog (NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close", NULL);
  pb_test_iterate ();
  g_assert_null (pb_test_find_dialog (NULL));
  g_assert_null (pb_window_get_document (f->window));
  g_assert_cmpuint (g_settings_get_uint (settings, "next-quote-number"), ==, 7);

  /* Typed into, it is unsaved; its first save takes the number. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  pb_test_iterate ();
  pb_test_type (pb_test_get (GTK_WIDGET (f->window), "name_entry"), "示例科技有限公司");
  g_assert_true (pb_window_get_dirty (f->window));
  pb_test_save_as_and_wait (f->window, path);
  expected = g_strdup_printf ("Q-%04d-0007", g_date_time_get_year (now));
  g_assert_cmpstr (pb_quote_get_number (pb_window_get_quote (f->window)), ==, expected);
  g_assert_cmpuint (g_settings_get_uint (settings, "next-quote-number"), ==, 8);
  g_assert_false (pb_window_get_dirty (f->window));
  g_unlink (path);
}

/* a recent quote on the start page shows what the customer pays,
 * the gross, as the wizard's footer and the document do, not the total
 * before a tax that is added to the prices. */
static gboolean
recent_has (gpointer uri)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  gboolean found = FALSE;

  for (GList *l = items; l != NULL; l = l->next)
    found |= g_str_equal (gtk_recent_info_get_uri (l->data), uri);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return found;
}

static void
test_window_recent_gross (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "exclusive.pricebook", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(PbCatalog) catalog = pb_catalog_get_default (NULL);
  g_autoptr(PbQuote) quote = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *gross = NULL, *net = NULL;
  gboolean gross_shown = FALSE, net_shown = FALSE;

  g_assert_true (g_file_set_contents (path,
                                      "{ \"format\": \"pricebook-quote/1\", \"number\": \"Q-2026-0101\",\n"
                                      "  \"date\": \"2026-12-01\", \"valid_days\": 30,\n"
                                      "  \"customer\": { \"name\": \"Gross Test\", \"enterprise\": true },\n"
                                      "  \"currency\": \"CNY\", \"tax\": { \"basis\": \"exclusive\", \"rate_percent\": \"9\" },\n"
                                      "  \"items\": [ { \"product\": \"voice\", \"kind\": \"numbers\", \"numbers\": 3, \"months\": 12 } ] }\n",
                                      -1, NULL));
  quote = pb_quote_new_from_file (path, NULL);
  g_assert_nonnull (quote);
  g_assert_true (pb_pricing_compute (catalog, quote, &pricing, NULL));
  g_assert_cmpint (pricing->gross, !=, pricing->total);
  gross = pb_money_format_display (pricing->gross);
  net = pb_money_format_display (pricing->total);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  pb_test_wait_for (recent_has, uri);
  /* A document shown and closed: the start page is read again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  pb_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close", NULL);
  pb_test_iterate ();
  pb_test_collect (GTK_WIDGET (f->window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_label (g_ptr_array_index (labels, i));

      gross_shown |= g_str_equal (text, gross);
      net_shown |= g_str_equal (text, net);
    }
  g_assert_true (gross_shown);
  g_assert_false (net_shown);
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
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
  pb_window_discard (f->window);
  pb_window_open_file (f->window, saved_file);
  pb_test_iterate ();
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
  _pb_window_new_quote (f->window);
  pb_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "simulator");
  pb_test_iterate ();
  g_assert_cmpint (pb_simulator_page_get_at (PB_SIMULATOR_PAGE (simulator)), ==,
                   pb_quote_get_date (pb_window_get_quote (f->window)));
}

/* How many items of @kind the window's timeline has in lane @key. */
static guint
count_items (PbWindow *window, const char *key, PbTimelineItemKind kind)
{
  PbTimeline *timeline = pb_timeline_view_get_timeline (pb_window_get_timeline (window));
  gint index = pb_timeline_find_lane (timeline, key);
  const PbTimelineLane *lane;
  guint n = 0;

  g_assert_cmpint (index, >=, 0);
  lane = pb_timeline_get_lane (timeline, index);
  for (guint i = 0; i < lane->n_items; i++)
    n += lane->items[i].kind == kind;
  return n;
}

/* Issue 17.7: the Timeline of a quote sells, as its PDF does: the sample's
 * codes are to be bound by their deadline (EL-7), then dashed the year if
 * bound (EL-8), never void; its packages are usable until their end
 * (VM-9), never expiring unused.  A what-if code added in the Simulator is
 * no proposal: it is drawn as the replay has it, void (EL-7).  A scenario
 * still shows its voids. */
static void
test_window_quote_timeline_sells (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_file ("sample.pricebook");
  g_autofree char *scenario_path = g_test_build_filename (G_TEST_DIST, "data", "scenarios",
                                                          "bind-after-deadline.pbscenario", NULL);
  const char *codes[] = { "code:G1", "code:C1" };
  PbScenarioEvent what_if;
  PbScenario *projection;

  open_path (f, path);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "timeline");
  pb_test_iterate ();
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_cmpuint (count_items (f->window, codes[i], PB_TIMELINE_ITEM_VOID), ==, 0);
      g_assert_cmpuint (count_items (f->window, codes[i], PB_TIMELINE_ITEM_BIND_BY), ==, 1);
      g_assert_cmpuint (count_items (f->window, codes[i], PB_TIMELINE_ITEM_ASSUMED), ==, 1);
    }
  g_assert_cmpuint (count_items (f->window, "package:P1", PB_TIMELINE_ITEM_EXPIRED_UNUSED), ==, 0);
  g_assert_cmpuint (count_items (f->window, "package:P1", PB_TIMELINE_ITEM_USE_BY), ==, 1);

  /* A what-if in the Simulator, and an event removed there: C1's event
   * moves, C1 is still the quote's. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "simulator");
  pb_test_iterate ();
  projection = pb_simulator_page_get_scenario (PB_SIMULATOR_PAGE (pb_test_get (GTK_WIDGET (f->window), "simulator")));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "timeline");
  pb_test_iterate ();
  g_assert_cmpint (pb_scenario_get_event (projection, 1)->type, ==, PB_EVENT_VOICE_NUMBER_ACTIVATE);
  pb_scenario_event_init (&what_if, PB_EVENT_LIVE_CODE_BUY, pb_scenario_get_event (projection, 0)->at, "X");
  what_if.tier = "standard";
  g_assert_cmpint (pb_scenario_append_event (projection, &what_if, NULL), >=, 0);
  pb_scenario_remove_event (projection, 1);
  pb_test_iterate ();
  g_assert_cmpuint (count_items (f->window, "code:X", PB_TIMELINE_ITEM_VOID), ==, 1);
  g_assert_cmpuint (count_items (f->window, "code:C1", PB_TIMELINE_ITEM_VOID), ==, 0);
  g_assert_cmpuint (count_items (f->window, "code:C1", PB_TIMELINE_ITEM_BIND_BY), ==, 1);

  open_path (f, scenario_path);
  pb_test_iterate ();
  g_assert_cmpuint (count_items (f->window, "code:A", PB_TIMELINE_ITEM_VOID), ==, 1);
  g_assert_cmpuint (count_items (f->window, "code:A", PB_TIMELINE_ITEM_BIND_BY), ==, 0);
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

/* The access keys of a menu and its sections, once translated. */
static void
collect_menu_keys (GMenuModel *menu, GHashTable *seen, GString *clashes)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      const char *underscore;

      if (section != NULL)
        collect_menu_keys (section, seen, clashes);
      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) ||
          (underscore = strchr (label, '_')) == NULL)
        continue;
      {
        gunichar key = g_unichar_tolower (g_utf8_get_char (underscore + 1));
        const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

        if (other != NULL)
          g_string_append_printf (clashes, "“%s” and “%s”; ", other, label);
        else
          g_hash_table_insert (seen, GUINT_TO_POINTER (key), g_strdup (label));
      }
    }
}

/* Issue 15, item 7: every item of the main menu has its own access key, in
 * Chinese too (Open the Documented Example and Duplicate Quote shared D,
 * Save As and About shared A, Print and Preferences P). */
static void
test_window_menu_keys (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GString) clashes = g_string_new (NULL);

  collect_menu_keys (f->window->primary_menu, seen, clashes);
  g_assert_cmpuint (g_hash_table_size (seen), >=, 10);
  g_assert_cmpstr (clashes->str, ==, "");
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
 * copy; the next process offers it back, as the unsaved document of the
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
  g_assert_cmpuint (count_kept_files (f, ".pricebook"), ==, 1);
  g_assert_cmpuint (count_kept_files (f, ".origin"), ==, 1);

  /* The crash: the window and its process's session are gone without
   * asking or cleaning up; another process, with a session of its own,
   * starts. */
  g_object_run_dispose (G_OBJECT (f->window));
  f->window = NULL;
  g_clear_object (&f->session);
  g_assert_cmpuint (count_kept_files (f, ".pricebook"), ==, 1);
  f->session = pb_session_new (f->autosave);
  f->window = new_window (f);

  g_assert_nonnull (pb_window_get_banner (f->window));
  g_assert_cmpint (pb_window_get_banner_kind (f->window), ==, PB_BANNER_INFO);
  g_assert_true (pb_window_restore (f->window, &error));
  g_assert_no_error (error);
  quote = pb_window_get_quote (f->window);
  g_assert_nonnull (quote);
  g_assert_cmpstr (pb_customer_get_contact (pb_quote_get_customer (quote)), ==, "typed before the crash");
  g_assert_true (pb_window_get_dirty (f->window));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (pb_test_get (GTK_WIDGET (f->window), "subtitle_label"))),
                            "work.pricebook"));

  pb_test_save_and_wait (f->window);
  g_assert_false (pb_window_get_dirty (f->window));
  g_assert_cmpuint (count_kept_files (f, ".pricebook"), ==, 0);
  g_assert_cmpuint (count_kept_files (f, ".origin"), ==, 0);
  g_unlink (copy);
}

/* Issue 15, item 1: a what-if added in the simulator, Ctrl+N, Discard, a
 * quote with numbers and codes for a customer who holds a base fee, then
 * the timeline: the simulator asked for the catalog of the scenario it had
 * kept a pointer to, gone since (a CRITICAL, then SIGSEGV).  It now always
 * reads the replay's own. */
static void
test_window_discard_then_timeline (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  g_autofree char *state = NULL;

  gtk_widget_activate_action (window, "win.open-example", NULL);
  gtk_widget_activate_action (window, "win.view", "s", "simulator");
  pb_test_iterate ();
  pb_test_type (pb_test_get (window, "when_entry"), "2020-08-01T10:00:00+08:00");
  pb_test_type (pb_test_get (window, "subject_entry"), "Z");
  pb_test_click (window, "form_button");
  g_assert_true (pb_window_get_dirty (f->window));

  gtk_widget_activate_action (window, "win.new", NULL);
  pb_test_iterate ();
  pb_test_answer ("save_changes_dialog", 1 /* Discard */);
  g_assert_nonnull (pb_window_get_quote (f->window));
  pb_test_click (window, "add_numbers_button");
  pb_test_click (window, "add_codes_button");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pb_test_get (window, "holds_check")), TRUE);
  pb_test_type (pb_test_get (window, "holds_entry"), "2027-01-15");
  gtk_widget_activate_action (window, "win.view", "s", "timeline");
  pb_test_iterate ();
  gtk_widget_activate_action (window, "win.view", "s", "simulator");
  pb_test_iterate ();
  state = pb_simulator_page_describe_state (PB_SIMULATOR_PAGE (pb_test_get (window, "simulator")));
  g_assert_cmpuint (strlen (state), >, 0);
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
  /* Done is news, not a warning (issue 15, item 6). */
  g_assert_cmpint (pb_window_get_banner_kind (f->window), ==, PB_BANNER_INFO);
  g_unlink (pdf);

  /* What the banner said was about that document: it does not carry over. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  pb_test_iterate ();
  g_assert_null (pb_window_get_banner (f->window));
}

/* Issue 15, item 5: closing a document (Ctrl+W) goes back to the start
 * page, after asking about unsaved changes; closing the window closes it,
 * after asking too; Discard drops the changes, never the window with them. */
static void
test_window_close_document (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_file ("sample.pricebook");
  GtkWidget *window = GTK_WIDGET (f->window);

  open_path (f, path);
  pb_customer_set_contact (pb_quote_get_customer (pb_window_get_quote (f->window)), "changed");
  pb_test_iterate ();

  /* Ctrl+W, Cancel: nothing changes. */
  gtk_widget_activate_action (window, "win.close", NULL);
  pb_test_iterate ();
  pb_test_answer ("save_changes_dialog", GTK_RESPONSE_CANCEL);
  g_assert_nonnull (pb_window_get_quote (f->window));
  g_assert_true (pb_window_get_dirty (f->window));

  /* Ctrl+W, Discard: the start page, in the same window. */
  gtk_widget_activate_action (window, "win.close", NULL);
  pb_test_iterate ();
  pb_test_answer ("save_changes_dialog", 1 /* Discard */);
  g_assert_null (pb_window_get_document (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pb_test_get (window, "main_stack"))), ==, "start");
  g_assert_true (gtk_widget_get_visible (window));
  g_assert_cmpstr (title (f), ==, _("Pricebook"));

  /* The window's close button with changes: asked; Cancel keeps it open. */
  open_path (f, path);
  pb_customer_set_contact (pb_quote_get_customer (pb_window_get_quote (f->window)), "changed again");
  pb_test_iterate ();
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  pb_test_iterate ();
  pb_test_answer ("save_changes_dialog", GTK_RESPONSE_CANCEL);
  g_assert_true (gtk_widget_get_visible (window));
  gtk_window_close (GTK_WINDOW (window));
  pb_test_iterate ();
  pb_test_answer ("save_changes_dialog", 1 /* Discard */);
  g_assert_false (gtk_widget_get_visible (window));
  g_object_unref (window);
  f->window = NULL;
}

/* Issue 16, item 2: two windows (or two Pricebooks) with the same file:
 * the second save does not silently write over the first; it asks, and
 * Overwrite, Save As and Reload each do what they say. */
static void
test_window_changed_on_disk (Fixture *f, gconstpointer data)
{
  g_autofree char *source = data_file ("sample.pricebook");
  g_autofree char *path = g_build_filename (f->dir, "shared.pricebook", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PbWindow *other;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  open_path (f, path);
  other = new_window (f);
  pb_window_open_file (other, file);
  pb_test_iterate ();

  pb_customer_set_contact (pb_quote_get_customer (pb_window_get_quote (f->window)), "first window");
  pb_customer_set_contact (pb_quote_get_customer (pb_window_get_quote (other)), "second window");
  pb_test_save_and_wait (f->window);
  g_assert_false (pb_window_get_dirty (f->window));

  /* The second save asks; Cancel writes nothing and keeps the changes. */
  pb_test_save_and_wait (other);
  g_assert_nonnull (pb_test_find_dialog ("save_question"));
  pb_test_answer ("save_question", GTK_RESPONSE_CANCEL);
  g_assert_true (pb_window_get_dirty (other));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "first window"));

  /* Overwrite: the second window's version is written. */
  pb_test_save_and_wait (other);
  pb_test_answer ("save_question", 2 /* Overwrite */);
  pb_test_wait_for (pb_test_window_idle, other);
  g_assert_false (pb_window_get_dirty (other));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "second window"));

  /* Now the first is behind: Reload gives it the file as it is. */
  pb_customer_set_contact (pb_quote_get_customer (pb_window_get_quote (f->window)), "lost on purpose");
  pb_test_save_and_wait (f->window);
  pb_test_answer ("save_question", 3 /* Reload */);
  g_assert_false (pb_window_get_dirty (f->window));
  g_assert_cmpstr (pb_customer_get_contact (pb_quote_get_customer (pb_window_get_quote (f->window))), ==,
                   "second window");
  gtk_window_destroy (GTK_WINDOW (other));
}

/* Issue 18, items 4 and 5: beside the timeline and in the simulator, what
 * must be done by when from the as-of instant (bind A by 2020-03-01 12:00,
 * EL-7; B void unless bound by 2020-07-01 15:00; A expires, EL-8; renew by
 * 2021-12-31 12:00, EL-10); a click goes there; "Add to Calendar" writes
 * them as an iCalendar file; the documented example says that the guide
 * never binds B. */
static void
test_window_key_dates (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  g_autofree char *ics = g_build_filename (f->dir, "dates.ics", NULL);
  g_autofree char *text = NULL;
  PbKeyDatesView *panel, *simulator_panel;
  GtkListBox *list;
  PbInstant renewal;
  guint events = 0;

  gtk_widget_activate_action (window, "win.open-example", NULL);
  pb_test_iterate ();
  g_assert_true (gtk_widget_get_visible (pb_test_get (window, "timeline_description")));
  g_assert_nonnull (strstr (pb_test_label (window, "timeline_description"), "EL-7"));
  panel = PB_KEY_DATES_VIEW (pb_test_get (window, "key_dates"));
  g_assert_cmpuint (pb_key_dates_view_get_n_dates (panel), ==, 4);

  g_assert_true (pb_time_parse ("2020-05-01T15:00:00+08:00", &renewal, NULL));
  pb_timeline_state_set_as_of (f->window->timeline_state, renewal);
  pb_test_iterate ();
  g_assert_cmpuint (pb_key_dates_view_get_n_dates (panel), ==, 3);

  /* A click on B's deadline goes there, in the simulator too. */
  gtk_widget_activate_action (window, "win.view", "s", "simulator");
  pb_test_iterate ();
  simulator_panel = PB_KEY_DATES_VIEW (pb_test_get (window, "simulator_key_dates"));
  g_assert_cmpuint (pb_key_dates_view_get_n_dates (simulator_panel), ==, 3);
  list = GTK_LIST_BOX (pb_test_get (GTK_WIDGET (simulator_panel), "key_dates_list"));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  pb_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pb_test_get (window, "at_entry"))), ==, "2020-07-01 15:00");
  g_assert_true (gtk_widget_get_visible (pb_test_get (window, "description_label")));

  g_assert_true (_pb_window_add_to_calendar (f->window, ics, FALSE));
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  for (const char *p = text; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    events++;
  /* From B's deadline on: it, A's expiry, the base fee's end. */
  g_assert_cmpuint (events, ==, 3);
  g_assert_nonnull (strstr (text, "\r\n"));
  g_assert_cmpint (pb_window_get_banner_kind (f->window), ==, PB_BANNER_INFO);
}

/* Issue 18, item 2: "Quote from Here" in the simulator starts a quote for
 * the customer whose account is as it stands at the as-of instant: the
 * history goes with the quote, the scenario stays open in its window. */
static void
test_window_quote_from_here (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GListModel *toplevels = gtk_window_get_toplevels ();
  PbWindow *quoting = NULL;
  PbQuote *quote;
  PbInstant june;

  gtk_widget_activate_action (window, "win.open-example", NULL);
  gtk_widget_activate_action (window, "win.view", "s", "simulator");
  pb_test_iterate ();
  g_assert_true (pb_time_parse ("2020-06-01T10:00:00+08:00", &june, NULL));
  pb_simulator_page_set_at (PB_SIMULATOR_PAGE (pb_test_get (window, "simulator")), june);
  pb_test_click (window, "quote_from_here_button");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (toplevels, i);

      if (PB_IS_WINDOW (other) && other != G_OBJECT (f->window))
        quoting = PB_WINDOW (other);
    }
  g_assert_nonnull (quoting);
  g_assert_nonnull (pb_window_get_scenario (f->window));
  quote = pb_window_get_quote (quoting);
  g_assert_nonnull (quote);
  g_assert_nonnull (pb_quote_get_account (quote));
  /* The base fee, A bound, the renewal and B's expansion: all before June. */
  g_assert_cmpuint (pb_scenario_get_n_events (pb_quote_get_account (quote)), ==, 4);
  g_assert_cmpint (pb_quote_get_date (quote), ==, pb_time_from_parts (2020, 6, 1, 0, 0, 0));
  g_assert_true (pb_window_get_dirty (quoting));
  pb_window_discard (quoting);
  gtk_window_destroy (GTK_WINDOW (quoting));
}

static gboolean
banner_not_busy (gpointer window)
{
  const char *banner = pb_window_get_banner (window);

  return banner != NULL && strstr (banner, "…") == NULL;
}

/* Issue 17, item 8: Send… exports the PDF and opens a message with it in
 * the user's mail program (here a stand-in xdg-email that notes what it
 * was asked; the test has no session bus, so no portal); with no mail
 * program at all, the banner says where the PDF is. */
static void
test_window_send (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_file ("sample.pricebook");
  g_autofree char *bin = g_build_filename (f->dir, "bin", NULL);
  g_autofree char *script = g_build_filename (bin, "xdg-email", NULL);
  g_autofree char *asked = g_build_filename (f->dir, "asked.txt", NULL);
  g_autofree char *program = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$@\" > '%s'\n", asked);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *new_path = g_strdup_printf ("%s:%s", bin, old_path);
  g_autofree char *args = NULL;
  g_autofree char *pdf = NULL;
  gint64 deadline;

  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_unsetenv ("XDG_RUNTIME_DIR");
  g_assert_cmpint (g_mkdir (bin, 0700), ==, 0);
  g_assert_true (g_file_set_contents (script, program, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  g_setenv ("PATH", new_path, TRUE);

  open_path (f, path);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.send", NULL);
  pb_test_wait_for (banner_not_busy, f->window);
  /* The stand-in runs on its own: wait for what it was asked. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!g_file_get_contents (asked, &args, NULL, NULL) || strstr (args, ".pdf\n") == NULL)
    {
      g_clear_pointer (&args, g_free);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }
  g_assert_cmpint (pb_window_get_banner_kind (f->window), ==, PB_BANNER_INFO);
  g_assert_nonnull (strstr (args, "--attach\n"));
  g_assert_nonnull (strstr (args, "Q-2026-0042"));
  pdf = g_strndup (strstr (args, "--attach\n") + strlen ("--attach\n"),
                   strcspn (strstr (args, "--attach\n") + strlen ("--attach\n"), "\n"));
  g_assert_true (g_str_has_suffix (pdf, "Q-2026-0042.pdf"));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* No mail program at all: the PDF is there, and the banner says where. */
  g_setenv ("PATH", f->dir, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.send", NULL);
  pb_test_wait_for (banner_not_busy, f->window);
  g_setenv ("PATH", old_path, TRUE);
  g_assert_cmpint (pb_window_get_banner_kind (f->window), ==, PB_BANNER_WARNING);
  g_assert_nonnull (strstr (pb_window_get_banner (f->window), pdf));
}

/* Exports the window's quote to @pdf as @flags say, answering nothing,
 * and waits for the worker. */
static void
export_and_wait (Fixture *f, const char *pdf, PbQuoteDocumentFlags flags)
{
  _pb_window_export_pdf (f->window, pdf, flags);
  pb_test_wait_for (banner_not_busy, f->window);
  if (pb_window_get_banner_kind (f->window) != PB_BANNER_INFO)
    g_error ("the export failed: %s", pb_window_get_banner (f->window));
}

static PbPreferencesWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PB_IS_PREFERENCES_WINDOW (window))
        return PB_PREFERENCES_WINDOW (window);
    }
  return NULL;
}

/* Writes a small PNG at @path. */
static void
write_logo (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 80, 40);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Issue 17, items 1 and 4: Preferences keep the whole seller
 * profile, a logo and a default payment term, every field named for a
 * screen reader and reachable by its own mnemonic; a new quote starts with
 * the payment term, and the window's PDF prints every detail and the logo. */
static void
test_window_preferences (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pricebook.Pricebook");
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  Mnemonics m = { seen, g_string_new (NULL) };
  g_autofree char *clashes = NULL;
  g_autofree char *logo = g_build_filename (f->dir, "logo.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "seller.pdf", NULL);
  g_autofree char *text = NULL, *images = NULL;
  const struct { const char *entry; const char *key; const char *value; } fields[] = {
    { "company_entry", "seller-company", "上海云途信息技术有限公司" },
    { "address_entry", "seller-address", "上海市浦东新区张江路 88 号" },
    { "tax_id_entry", "seller-tax-id", "91310115MA1SELLER2" },
    { "bank_entry", "seller-bank", "中国工商银行上海张江支行" },
    { "bank_account_entry", "seller-bank-account", "1001 2345 6789" },
    { "name_entry", "seller-name", "李明" },
    { "phone_entry", "seller-phone", "021-6000-1234" },
    { "email_entry", "seller-email", "liming@example.com" },
    { "payment_terms_entry", "default-payment-terms", "100% prepayment within 5 business days of signing" },
  };
  GType kinds[] = { GTK_TYPE_ENTRY, GTK_TYPE_SPIN_BUTTON, GTK_TYPE_DROP_DOWN, GTK_TYPE_BUTTON };
  PbPreferencesWindow *preferences;
  GtkWidget *root;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL);
  pb_test_iterate ();
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  root = GTK_WIDGET (preferences);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    pb_test_collect (root, kinds[k], widgets);
  g_assert_cmpuint (widgets->len, >=, 14);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);

      /* A spin button's arrows and the drop-down's toggle are named by it. */
      if (gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_DROP_DOWN) != NULL ||
          gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_SPIN_BUTTON) != NULL)
        continue;
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("%s “%s” has no accessible name", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget));
    }
  collect_mnemonics (root, &m);
  g_assert_cmpuint (g_hash_table_size (seen), >=, 13);
  clashes = g_string_free (m.clashes, FALSE);
  g_assert_cmpstr (clashes, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *stored = NULL;

      pb_test_type (pb_test_get (root, fields[i].entry), fields[i].value);
      stored = g_settings_get_string (settings, fields[i].key);
      g_assert_cmpstr (stored, ==, fields[i].value);
    }
  /* The logo, as if chosen in the file chooser; then taken away. */
  g_assert_false (gtk_widget_get_sensitive (pb_test_get (root, "logo_clear_button")));
  write_logo (logo);
  g_settings_set_string (settings, "seller-logo", logo);
  pb_test_iterate ();
  g_assert_cmpstr (pb_test_label (root, "logo_label"), ==, "logo.png");
  pb_test_click (root, "logo_clear_button");
  {
    g_autofree char *none = g_settings_get_string (settings, "seller-logo");

    g_assert_cmpstr (none, ==, "");
  }
  g_assert_cmpstr (pb_test_label (root, "logo_label"), !=, "logo.png");
  g_settings_set_string (settings, "seller-logo", logo);
  pb_test_iterate ();
  if (g_getenv ("PRICEBOOK_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("PRICEBOOK_SCREENSHOT_DIR"), "preferences.png", NULL);

      pb_test_screenshot (root, shot);
    }
  gtk_window_destroy (GTK_WINDOW (preferences));
  pb_test_iterate ();

  /* A new quote starts with the payment term; its PDF has the profile. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  pb_test_iterate ();
  g_assert_cmpstr (pb_quote_get_payment_terms (pb_window_get_quote (f->window)), ==, fields[8].value);
  g_assert_false (pb_window_get_dirty (f->window));
  if (pb_test_have_pdftotext ())
    {
      g_autoptr(PbQuoteItem) item = pb_quote_item_new (PB_ITEM_KIND_BASE_FEE);

      pb_customer_set_name (pb_quote_get_customer (pb_window_get_quote (f->window)), "杭州云帆网络科技有限公司");
      pb_customer_set_enterprise (pb_quote_get_customer (pb_window_get_quote (f->window)), TRUE);
      pb_quote_append_item (pb_window_get_quote (f->window), item);
      export_and_wait (f, pdf, PB_QUOTE_DOCUMENT_CUSTOMER_COPY);
      text = pb_test_pdf_text (pdf);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *wanted = pb_test_squeeze (fields[i].value);

          if (strstr (text, wanted) == NULL)
            g_error ("the window's PDF does not show “%s”:\n%s", fields[i].value, text);
        }
      {
        const char *argv[] = { "pdfimages", "-list", pdf, NULL };

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &images, NULL,
                                     NULL, NULL));
        g_assert_nonnull (strstr (images, " 80    40 "));
      }
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_settings_reset (settings, fields[i].key);
  g_settings_reset (settings, "seller-logo");
}

/* Issue 17, item 6: exporting a quote without a customer's name or
 * without items asks first; Cancel writes nothing, Export Anyway does. */
static void
test_window_export_question (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autofree char *sample = data_file ("sample.pricebook");
  GtkMessageDialog *dialog;
  g_autofree char *secondary = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  pb_test_iterate ();
  pb_window_export_pdf (f->window, pdf);
  dialog = GTK_MESSAGE_DIALOG (pb_test_find_dialog ("export_question"));
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (secondary, ==, _("The quote has no customer name and no items."));
  pb_test_answer ("export_question", GTK_RESPONSE_CANCEL);
  g_assert_null (pb_test_find_dialog (NULL));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  pb_window_export_pdf (f->window, pdf);
  pb_test_answer ("export_question", GTK_RESPONSE_ACCEPT);
  pb_test_wait_for (banner_not_busy, f->window);
  if (!g_file_test (pdf, G_FILE_TEST_IS_REGULAR))
    g_error ("Export Anyway wrote nothing: %s", pb_window_get_banner (f->window));
  g_unlink (pdf);

  /* A quote with both exports without a word.  (The export numbered the
   * new quote: closing it asks about that change.) */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close", NULL);
  pb_test_iterate ();
  pb_test_answer ("save_changes_dialog", 1 /* Discard */);
  open_path (f, sample);
  pb_window_dismiss_banner (f->window);
  export_and_wait (f, pdf, PB_QUOTE_DOCUMENT_CUSTOMER_COPY);
  g_assert_null (pb_test_find_dialog (NULL));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_unlink (pdf);
}

/* Issue 17, item 6: a sent quote changed and saved from the window is
 * the next revision, in the file and on the customer's copy; the internal
 * copy keeps the rule column. */
static void
test_window_revision (Fixture *f, gconstpointer data)
{
  g_autofree char *source = data_file ("sample.pricebook");
  g_autofree char *copy = g_build_filename (f->dir, "sent.pricebook", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "sent.pdf", NULL);
  g_autofree char *internal = g_build_filename (f->dir, "internal.pdf", NULL);
  g_autofree char *contents = NULL, *text = NULL, *internal_text = NULL;
  g_autoptr(PbQuote) reloaded = NULL;
  PbQuote *quote;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  open_path (f, copy);
  quote = pb_window_get_quote (f->window);
  pb_quote_set_status (quote, PB_QUOTE_STATUS_SENT);
  pb_test_save_and_wait (f->window);
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 0);
  /* Saved again unchanged: still the first. */
  pb_test_save_and_wait (f->window);
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 0);

  pb_quote_set_notes (quote, "Prices confirmed by phone.");
  pb_test_save_and_wait (f->window);
  g_assert_false (pb_window_get_dirty (f->window));
  g_assert_cmpint (pb_quote_get_revision (quote), ==, 2);
  reloaded = pb_quote_new_from_file (copy, NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpint (pb_quote_get_revision (reloaded), ==, 2);

  if (!pb_test_have_pdftotext ())
    return;
  export_and_wait (f, pdf, PB_QUOTE_DOCUMENT_CUSTOMER_COPY);
  export_and_wait (f, internal, PB_QUOTE_DOCUMENT_INTERNAL);
  text = pb_test_pdf_text (pdf);
  internal_text = pb_test_pdf_text (internal);
  g_assert_nonnull (strstr (text, "Q-2026-0042rev.2"));
  g_assert_null (strstr (text, "VM-2"));
  g_assert_nonnull (strstr (internal_text, "VM-2"));
  g_assert_nonnull (strstr (internal_text, "Internalcopy"));
}

/* Tab goes to the widgets shown that take the focus: no label shown may
 * take it (a selectable label does, unless told not to). */
static void
find_focusable_labels (GtkWidget *widget, GString *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_get_focusable (widget))
    g_string_append_printf (found, "“%s”; ", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_focusable_labels (child, found);
}

static void
assert_no_label_in_tab_round (PbWindow *window, const char *where)
{
  g_autoptr(GString) found = g_string_new (NULL);

  find_focusable_labels (GTK_WIDGET (window), found);
  if (found->len > 0)
    g_error ("%s: Tab lands in %s", where, found->str);
}

/* Issue 15, item 8: Tab never lands in a label (a banner's message, the
 * timeline's details), and the focus ring shows from the start and stays
 * after a click. */
static void
test_window_keyboard (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);

  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  pb_window_show_banner (f->window, "A message to copy, not to tab through.");
  pb_test_iterate ();
  assert_no_label_in_tab_round (f->window, "start page");
  gtk_widget_activate_action (window, "win.open-example", NULL);
  pb_test_iterate ();
  pb_window_show_banner (f->window, "A message to copy, not to tab through.");
  gtk_widget_activate_action (window, "win.view", "s", "timeline");
  pb_test_iterate ();
  assert_no_label_in_tab_round (f->window, "timeline");
  gtk_widget_activate_action (window, "win.view", "s", "simulator");
  pb_test_iterate ();
  assert_no_label_in_tab_round (f->window, "simulator");
  /* A click does not hide where the keyboard is. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
}

/* Issue 15, item 6: a file that is not Pricebook's says so first, in one
 * sentence, before the detail. */
static void
test_window_not_a_pricebook_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *expected = NULL;

  g_assert_true (g_file_set_contents (path, "Shopping list: milk, bread\n", -1, NULL));
  open_path (f, path);
  expected = g_strdup_printf (_("“%s” is not a Pricebook quote or scenario. %s"), "notes.txt", "");
  g_assert_true (g_str_has_prefix (pb_window_get_banner (f->window), expected));
  g_assert_cmpint (pb_window_get_banner_kind (f->window), ==, PB_BANNER_ERROR);
  g_assert_null (pb_window_get_document (f->window));
}

int
main (int argc, char **argv)
{
  /* The suite runs this program under several time zones at once: each run
   * keeps its recent files and crash-recovery copies to itself. */
  pb_test_use_own_data_home ();
  pb_test_ui_prepare ();
  /* GTK's test accessibility backend keeps the names given to widgets
   * (the suite's "none" drops them): Preferences are checked for them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  pb_test_ui_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/window/open-and-edit", test_window_open_and_edit);
  ADD ("/ui/window/Q-1/malformed-file", test_window_malformed);
  ADD ("/ui/window/save", test_window_save);
  ADD ("/ui/window/Q-1/new-quote-number", test_window_new_quote);
  ADD ("/ui/window/Q-7/recent-shows-gross", test_window_recent_gross);
  ADD ("/ui/window/EL-8/example-and-scenarios", test_window_example_and_scenarios);
  ADD ("/ui/window/quote-over-time", test_window_quote_over_time);
  ADD ("/ui/window/EL-7/EL-8/VM-9/quote-timeline-sells", test_window_quote_timeline_sells);
  ADD ("/ui/window/samples", test_window_samples);
  ADD ("/ui/window/menu-built-once", test_window_menu_built_once);
  ADD ("/ui/window/menu-keys", test_window_menu_keys);
  ADD ("/ui/window/mnemonics", test_window_mnemonics);
  ADD ("/ui/window/crash-recovery", test_window_crash_recovery);
  ADD ("/ui/window/discard-then-timeline", test_window_discard_then_timeline);
  ADD ("/ui/window/Q-5/export-pdf", test_window_export_pdf);
  ADD ("/ui/window/close-document", test_window_close_document);
  ADD ("/ui/window/changed-on-disk", test_window_changed_on_disk);
  ADD ("/ui/window/not-a-pricebook-file", test_window_not_a_pricebook_file);
  ADD ("/ui/window/keyboard", test_window_keyboard);
  ADD ("/ui/window/EL-7/EL-8/key-dates", test_window_key_dates);
  ADD ("/ui/window/EL-10/quote-from-here", test_window_quote_from_here);
  ADD ("/ui/window/send", test_window_send);
  ADD ("/ui/window/Q-1/preferences", test_window_preferences);
  ADD ("/ui/window/Q-1/export-question", test_window_export_question);
  ADD ("/ui/window/Q-5/revision", test_window_revision);
  return g_test_run ();
}
