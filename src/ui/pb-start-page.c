/* pb-start-page.c: what the window shows before a document is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recent quotes come from GtkRecentManager; each is read and priced by the
 * model so that the list shows what the file really holds.  A file that has
 * gone or no longer reads is left out rather than shown wrong.
 */
#define G_LOG_DOMAIN "pb-start-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pricing.h"
#include "pb-start-page.h"

#include <string.h>

struct _PbStartPage
{
  GtkWidget       parent_instance;

  GtkSearchEntry *search_entry;
  GtkStack       *recent_stack;
  GtkListBox     *recent_list;
  GtkLabel       *empty_label;
  GtkListBox     *examples_list;

  guint           n_rows;
};

G_DEFINE_FINAL_TYPE (PbStartPage, pb_start_page, GTK_TYPE_WIDGET)

enum { SIGNAL_OPEN_RECENT, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
status_name (PbQuoteStatus status)
{
  switch (status)
    {
    case PB_QUOTE_STATUS_SENT: return _("Sent");
    case PB_QUOTE_STATUS_ACCEPTED: return _("Accepted");
    case PB_QUOTE_STATUS_REJECTED: return _("Rejected");
    case PB_QUOTE_STATUS_DRAFT:
    default: return _("Draft");
    }
}

/* A title over a dim subtitle, left-aligned: the text of both kinds of row. */
static GtkWidget *
two_lines (GtkWidget *title, GtkWidget *subtitle)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  return text;
}

/* A list row holding @child with the rows' padding. */
static GtkWidget *
padded_row (GtkWidget *child)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (child, 8);
  gtk_widget_set_margin_bottom (child, 8);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  return row;
}

static GtkWidget *
make_row (GFile *file, PbQuote *quote, PbCatalog *catalog)
{
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GPtrArray) issues = pb_pricing_check (catalog, quote);
  /* ISO dates, as everywhere else in Pricebook, whatever LC_TIME says. */
  g_autofree char *date = pb_time_format_date (pb_quote_get_date (quote));
  g_autofree char *total = NULL;
  g_autofree char *details = NULL;
  g_autofree char *search = NULL;
  const char *customer = pb_customer_get_name (pb_quote_get_customer (quote));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (customer && *customer ? customer : _("Unnamed customer"));
  GtkWidget *text, *amount, *row;

  if (!pb_pricing_issues_have_errors (issues) && pb_pricing_compute (catalog, quote, &pricing, NULL))
    /* What the customer pays, as the wizard's footer and the document
     * headline it: the gross, whatever the tax basis. */
    total = pb_money_format_display (pricing->gross);
  else
    total = g_strdup (_("not priced"));
  details = g_strdup_printf ("%s · %s · %s", pb_quote_get_number (quote), date,
                             status_name (pb_quote_get_status (quote)));
  text = two_lines (title, gtk_label_new (details));
  amount = gtk_label_new (total);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (amount, "pb-amount");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), amount);
  row = padded_row (box);

  {
    g_autofree char *haystack = g_strdup_printf ("%s %s", customer ? customer : "", details);

    search = g_utf8_casefold (haystack, -1);
  }
  g_object_set_data_full (G_OBJECT (row), "search", g_steal_pointer (&search), g_free);
  g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);
  return row;
}

void
pb_start_page_reload (PbStartPage *self)
{
  /* Parsed only when there is a quote to price. */
  g_autoptr(PbCatalog) catalog = NULL;
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  self->n_rows = 0;
  for (GList *l = items; l != NULL && self->n_rows < 50; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(PbQuote) quote = NULL;

      if (path == NULL || !g_str_has_suffix (path, ".pricebook"))
        continue;
      quote = pb_quote_new_from_file (path, NULL);
      if (quote == NULL || (catalog == NULL && (catalog = pb_catalog_get_default (NULL)) == NULL))
        continue;
      gtk_list_box_append (self->recent_list, make_row (file, quote, catalog));
      self->n_rows++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_stack_set_visible_child_name (self->recent_stack, self->n_rows > 0 ? "list" : "empty");
}

static gboolean
filter_row (GtkListBoxRow *row, gpointer data)
{
  PbStartPage *self = data;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = g_utf8_casefold (needle, -1);

  return *needle == '\0' || strstr (g_object_get_data (G_OBJECT (row), "search"), folded) != NULL;
}

static void
on_search_changed (PbStartPage *self)
{
  gtk_list_box_invalidate_filter (self->recent_list);
}

static void
on_row_activated (PbStartPage *self, GtkListBoxRow *row)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_RECENT], 0, g_object_get_data (G_OBJECT (row), "file"));
}

/* The scenarios shipped in the resources: the purchase guide's example and
 * the variants worth showing a customer. */
static const struct
{
  const char *file;
  const char *title;
  const char *subtitle;
} examples[] = {
  /* The subtitles of the two customer A examples are their files'
   * "description", so that the simulator finds them translated too. */
  { "customer-a.pbscenario", N_("The documented example: customer A"),
    N_("The purchase guide’s own example. The guide does not say when code B is bound: here it never is, "
       "so B is void from 2020-07-01 15:00, and its expansion with it (EL-7, EL-6).") },
  { "customer-a-b-bound.pbscenario", N_("Customer A with code B bound"),
    N_("Code B bound the day after the renewal, on 2020-05-02 at 12:00 (the guide gives no day): valid "
       "until 2021-05-01 12:00 with 30,000 viewers, its expansion with it (EL-6, EL-8).") },
  { "customer-a-no-renewal.pbscenario", N_("Customer A without the renewal"),
    N_("Code A is suspended from 2020-12-31 12:00 until it expires (EL-8)") },
  { "late-binding.pbscenario", N_("A binding after the two-month deadline"),
    N_("Binding at the deadline is too late: the code is void (EL-7)") },
  { "renewal-after-lapse.pbscenario", N_("A renewal after a lapse"),
    N_("A new term starts at the purchase; codes still within their validity come back (EL-10)") },
  { "expansions.pbscenario", N_("Add-on viewers and expansions"),
    N_("Expansions end with their code, bound or not (EL-5, EL-6)") },
  { "customer-a-365-days.pbscenario", N_("Customer A under the 365-day rule"),
    N_("The same dates as the calendar rule in 2020, a leap year (EL-T4)") },
  { "packages-run-out.pbscenario", N_("Minute packages that run out"),
    N_("Expiry, consumption order and a call that runs the balance out (VM-8, VM-9)") },
};

/* The whole subtitle, when the row is too narrow to show it all. */
static gboolean
on_subtitle_query_tooltip (GtkLabel *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

static void
fill_examples (PbStartPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      GtkWidget *subtitle = gtk_label_new (_(examples[i].subtitle));
      GtkWidget *row = padded_row (two_lines (gtk_label_new (_(examples[i].title)), subtitle));

      /* One line, not wrapped: a wrapped label is laid out and shaped
       * again for every width GTK asks about.  Wrapped, these seven cost
       * 18 M of the 468 M instructions to the first frame (issue 7). */
      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
      gtk_widget_set_has_tooltip (subtitle, TRUE);
      g_signal_connect (subtitle, "query-tooltip", G_CALLBACK (on_subtitle_query_tooltip), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-sample");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", examples[i].file);
      gtk_list_box_append (self->examples_list, row);
    }
}

static void
on_example_activated (PbStartPage *self, GtkListBoxRow *row)
{
  /* The rows are actionable: activating one runs win.open-sample. */
}

static void
on_recent_changed (PbStartPage *self)
{
  pb_start_page_reload (self);
}

static void
pb_start_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PB_TYPE_START_PAGE);
  {
    GtkWidget *child;

    /* A plain GtkWidget parent unparents its own children. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (pb_start_page_parent_class)->dispose (object);
}

static void
pb_start_page_class_init (PbStartPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_start_page_dispose;
  signals[SIGNAL_OPEN_RECENT] = g_signal_new ("open-recent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pricebook/Pricebook/pb-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PbStartPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PbStartPage, recent_stack);
  gtk_widget_class_bind_template_child (widget_class, PbStartPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, PbStartPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PbStartPage, examples_list);
  gtk_widget_class_bind_template_callback (widget_class, on_example_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
pb_start_page_init (PbStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->recent_list, filter_row, self, NULL);
  fill_examples (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (on_recent_changed), self,
                           G_CONNECT_SWAPPED);
  pb_start_page_reload (self);
}
