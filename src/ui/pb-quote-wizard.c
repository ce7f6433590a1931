/* pb-quote-wizard.c: the four steps of building a quote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizard edits a PbQuote and, after every change, asks the model for
 * the quote's issues and price; each item row, the running total and the
 * review show exactly what the model answered.  An input that breaks a rule
 * is shown at its field with the rule ID; a quote with an error shows no
 * total at all rather than a wrong one.  So does a quote while any field
 * holds text it did not take ("180,000" is taken as 180000; "abc" is not):
 * the last value that field took is not what the user sees, so it is never
 * priced as if it were.  The footer names the field and jumps to it.
 *
 * Warnings (Q-6, VM-11) never keep the quote from being priced: each is
 * shown at its item, or on the step of the product it is about, in the
 * warning style, with its fix as a button.  A fix is applied by the model
 * (pb_quote_issue_apply_fix()) as one change, which Undo takes back as it
 * takes back a removal.  The footer shows the gross, what the customer
 * pays, and counts warnings apart from problems.
 */
#define G_LOG_DOMAIN "pb-quote-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-clamp.h"
#include "pb-count-entry.h"
#include "pb-issue-view.h"
#include "pb-item-row.h"
#include "pb-optimizer.h"
#include "pb-pricing.h"
#include "pb-quote-wizard.h"

struct _PbQuoteWizard
{
  GtkWidget       parent_instance;

  GtkStack       *steps;
  GtkEntry       *name_entry;
  GtkEntry       *contact_entry;
  GtkSwitch      *enterprise_switch;
  GtkEntry       *number_entry;
  GtkEntry       *date_entry;
  PbCountEntry   *valid_days_entry;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *language_dropdown;
  GtkLabel       *date_issue;
  GtkBox         *customer_issues;
  GtkLabel       *locked_label;
  GtkListBox     *voice_list;
  GtkBox         *voice_issues;
  PbCountEntry   *need_entry;
  GtkButton      *apply_need_button;
  GtkLabel       *need_label;
  GtkCheckButton *holds_check;
  GtkEntry       *holds_entry;
  GtkLabel       *holds_issue;
  GtkListBox     *live_list;
  GtkBox         *live_issues;
  PbCountEntry   *rooms_entry;
  PbCountEntry   *viewers_entry;
  GtkButton      *apply_plan_button;
  GtkLabel       *plan_label;
  GtkGrid        *review_grid;
  GtkEntry       *discount_entry;
  GtkLabel       *discount_issue;
  GtkEntry       *address_entry;
  GtkEntry       *tax_id_entry;
  GtkEntry       *bank_entry;
  GtkEntry       *bank_account_entry;
  GtkDropDown    *tax_basis_dropdown;
  GtkEntry       *tax_rate_entry;
  GtkLabel       *tax_issue;
  GtkEntry       *payment_terms_entry;
  GtkTextView    *notes_view;
  GtkGrid        *totals_grid;
  GtkBox         *terms_box;
  GtkRevealer    *undo_revealer;
  GtkLabel       *undo_label;
  GtkButton      *back_button;
  GtkButton      *next_button;
  GtkLabel       *total_label;
  GtkLabel       *status_label;
  GtkButton      *jump_button;

  PbCatalog      *catalog;
  PbQuote        *quote;
  GPtrArray      *rows;            /* PbItemRow, by item position */
  GPtrArray      *bindings;        /* GBinding to the current quote */
  GPtrArray      *issues;          /* PbQuoteIssue: the last check's, which the
                                    * issue views point into */
  PbVoicePlan    *voice_plan;
  PbLivePlan     *live_plan;
  gboolean        updating;        /* filling fields from the model */
  gboolean        batch;           /* changing several items as one */

  /* Undo of the last removal or fix: the quote's items before it (the same
   * objects), and the property a fix set on one of them, with its value
   * before.  NULL when there is nothing to undo. */
  GPtrArray      *undo_items;
  PbQuoteItem    *undo_item;
  const char     *undo_property;
  gint64          undo_value;
  guint           undo_timeout;

  /* Fields whose text was not taken, in words naming the field; NULL when
   * taken.  (The count fields keep theirs themselves.) */
  char           *date_problem;
  char           *holds_problem;
  char           *discount_problem;
  char           *tax_problem;
  /* Where the footer's button goes: a step and the field to focus. */
  const char     *jump_step;
  GtkWidget      *jump_widget;     /* weak */
  /* What "Use These Packages" and "Use These Codes" put in the quote, so
   * that using them again replaces rather than adds (item 4). */
  GPtrArray      *proposed_packages;
  GPtrArray      *proposed_codes;
};

G_DEFINE_FINAL_TYPE (PbQuoteWizard, pb_quote_wizard, GTK_TYPE_WIDGET)

static const char * const step_names[] = { "customer", "voice", "live", "review" };

static gboolean
is_locked (PbQuoteWizard *self)
{
  return self->quote != NULL && pb_quote_get_status (self->quote) == PB_QUOTE_STATUS_ACCEPTED;
}

static void
show_issue (GtkLabel *label, const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else if (GTK_IS_BOX (widget))
        gtk_box_remove (GTK_BOX (widget), child);
      else if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else
        gtk_widget_unparent (child);
    }
}

/* ------------------------------------------------------------------ */
/* Review                                                             */

static GtkWidget *
cell (const char *text, float xalign, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), xalign == 0);
  /* Not selectable: a selectable label takes focus, and Tab would stop in
   * every cell of the review. */
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_total_row (PbQuoteWizard *self, int row, const char *caption, const char *value, const char *css)
{
  gtk_grid_attach (self->totals_grid, cell (caption, 1, NULL), 0, row, 1, 1);
  gtk_grid_attach (self->totals_grid, cell (value, 1, css), 1, row, 1, 1);
}

/* 不含税金额, 税额, 价税合计, as the model computed them.  The gross is
 * what the customer pays: it stands out, as in the footer. */
static void
add_tax_rows (PbQuoteWizard *self, PbPricing *pricing)
{
  g_autofree char *net = pb_money_format_display (pricing->net);
  g_autofree char *tax = pb_money_format_display (pricing->tax);
  g_autofree char *gross = pb_money_format_display (pricing->gross);
  g_autofree char *rate = pb_percent_format (pricing->tax_rate);
  g_autofree char *tax_caption = g_strdup_printf (pricing->tax_assumed ? _("Tax (%s %%, the catalog’s default: an assumption)")
                                                                       : _("Tax (%s %%)"), rate);

  add_total_row (self, 3, _("Net (excluding tax)"), net, "pb-amount");
  add_total_row (self, 4, tax_caption, tax, "pb-amount");
  add_total_row (self, 5, _("Gross (including tax)"), gross, "pb-total");
}

static void
fill_review (PbQuoteWizard *self, PbPricing *pricing, const char *problem)
{
  int row = 1;

  clear_children (GTK_WIDGET (self->review_grid));
  clear_children (GTK_WIDGET (self->totals_grid));
  clear_children (GTK_WIDGET (self->terms_box));
  gtk_grid_attach (self->review_grid, cell (_("Description"), 0, "heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->review_grid, cell (_("Quantity"), 1, "heading"), 1, 0, 1, 1);
  gtk_grid_attach (self->review_grid, cell (_("List unit price"), 1, "heading"), 2, 0, 1, 1);
  gtk_grid_attach (self->review_grid, cell (_("Amount"), 1, "heading"), 3, 0, 1, 1);
  if (pricing == NULL)
    {
      gtk_grid_attach (self->review_grid,
                       cell (problem != NULL
                             ? problem
                             : _("The quote breaks a rule: fix the items marked in red before it can be priced (Q-4)."),
                             0, "pb-issue-error"), 0, 1, 4, 1);
      return;
    }

  for (guint i = 0; i < pricing->items->len; i++)
    {
      PbPricedItem *item = g_ptr_array_index (pricing->items, i);

      for (guint l = 0; l < item->lines->len; l++, row++)
        {
          PbPriceLine *line = g_ptr_array_index (item->lines, l);
          g_autofree char *quantity = pb_format_count (line->quantity);
          g_autofree char *unit = pb_money_format_display (line->unit_price);
          g_autofree char *amount = pb_money_format_display (line->amount);
          g_autofree char *description = g_strdup_printf ("%s (%s)", line->description, line->rule);

          gtk_grid_attach (self->review_grid, cell (description, 0, NULL), 0, row, 1, 1);
          gtk_grid_attach (self->review_grid, cell (quantity, 1, "pb-amount"), 1, row, 1, 1);
          gtk_grid_attach (self->review_grid, cell (unit, 1, "pb-amount"), 2, row, 1, 1);
          gtk_grid_attach (self->review_grid, cell (amount, 1, "pb-amount"), 3, row, 1, 1);
        }
    }

  {
    g_autofree char *subtotal = pb_money_format_display (pricing->subtotal);
    g_autofree char *percent = pb_percent_format (pricing->discount_percent);
    g_autofree char *discount_caption = g_strdup_printf (_("Discount (%s %%)"), percent);
    g_autofree char *discount = pb_money_format_display (-pricing->discount);
    g_autofree char *total = pb_money_format_display (pricing->total);
    /* the amount in capitals is the gross. */
    g_autofree char *capitals = pb_money_format_chinese (pricing->gross);

    add_total_row (self, 0, _("Subtotal"), subtotal, "pb-amount");
    add_total_row (self, 1, discount_caption, discount, "pb-amount");
    add_total_row (self, 2, _("Total"), total, "pb-amount");
    add_tax_rows (self, pricing);
    add_total_row (self, 6, _("In Chinese capitals"), capitals, NULL);
  }

  for (guint i = 0; i < pricing->terms->len; i++)
    {
      PbQuoteTerm *term = g_ptr_array_index (pricing->terms, i);
      g_autofree char *text = g_strdup_printf ("• %s", term->text);   /* assumptions say so themselves */

      gtk_box_append (self->terms_box, cell (text, 0, NULL));
    }
}

/* ------------------------------------------------------------------ */
/* Pricing after every change                                         */

static GPtrArray *
issues_for (GPtrArray *issues, int item)
{
  GPtrArray *mine = g_ptr_array_new ();

  for (guint i = 0; i < issues->len; i++)
    if (((PbQuoteIssue *) g_ptr_array_index (issues, i))->item == item)
      g_ptr_array_add (mine, g_ptr_array_index (issues, i));
  return mine;
}

static const char *
step_title (const char *step)
{
  if (g_strcmp0 (step, "voice") == 0)
    return _("Voice Message");
  if (g_strcmp0 (step, "live") == 0)
    return _("Enterprise Live");
  if (g_strcmp0 (step, "review") == 0)
    return _("Review");
  return _("Customer");
}

static const char *
product_step (PbProduct product)
{
  return product == PB_PRODUCT_VOICE ? "voice" : "live";
}

/* The footer's button: to @step, focusing @widget there. */
/* "Go to Voice Message" from another step; on the step itself, the
 * button still takes the focus to what the footer is about, which may be
 * scrolled out of sight. */
static void
update_jump_label (PbQuoteWizard *self)
{
  g_autofree char *label = NULL;

  if (self->jump_step == NULL)
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), self->jump_step) == 0)
    /* TRANSLATORS: the footer's button, on the step that holds the problem or warning */
    label = g_strdup (_("Show Where"));
  else
    label = g_strdup_printf (_("Go to %s"), step_title (self->jump_step));
  gtk_button_set_label (self->jump_button, label);
}

static void
set_jump (PbQuoteWizard *self, const char *step, GtkWidget *widget)
{
  self->jump_step = step;
  g_set_weak_pointer (&self->jump_widget, widget);
  update_jump_label (self);
  gtk_widget_set_visible (GTK_WIDGET (self->jump_button), step != NULL);
}

static void
on_jump_clicked (PbQuoteWizard *self)
{
  if (self->jump_step == NULL)
    return;
  gtk_stack_set_visible_child_name (self->steps, self->jump_step);
  if (self->jump_widget != NULL)
    gtk_widget_grab_focus (self->jump_widget);
}

/* A count field of the rows of @product whose text was not taken. */
static PbCountEntry *
row_problem (PbQuoteWizard *self, PbProduct product)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      PbItemRow *row = g_ptr_array_index (self->rows, i);
      PbCountEntry *field = pb_item_row_get_problem_field (row);

      if (field != NULL && pb_quote_item_get_product (pb_item_row_get_item (row)) == product)
        return field;
    }
  return NULL;
}

static gboolean
count_problem (PbCountEntry *field, const char **text, GtkWidget **widget)
{
  if (field == NULL || pb_count_entry_get_problem (field) == NULL)
    return FALSE;
  *text = pb_count_entry_get_problem (field);
  *widget = GTK_WIDGET (field);
  return TRUE;
}

static gboolean
text_problem (const char *problem, GtkWidget *field, const char **text, GtkWidget **widget)
{
  if (problem == NULL)
    return FALSE;
  *text = problem;
  *widget = field;
  return TRUE;
}

/* The first field, in the order of the steps, holding text it did not
 * take: its step, the field and the words that say why; NULL when none. */
static const char *
find_field_problem (PbQuoteWizard *self, const char **text, GtkWidget **widget)
{
  if (text_problem (self->date_problem, GTK_WIDGET (self->date_entry), text, widget) ||
      count_problem (self->valid_days_entry, text, widget))
    return "customer";
  if (count_problem (row_problem (self, PB_PRODUCT_VOICE), text, widget) ||
      count_problem (self->need_entry, text, widget))
    return "voice";
  if (text_problem (self->holds_problem, GTK_WIDGET (self->holds_entry), text, widget) ||
      count_problem (row_problem (self, PB_PRODUCT_LIVE), text, widget) ||
      count_problem (self->rooms_entry, text, widget) ||
      count_problem (self->viewers_entry, text, widget))
    return "live";
  if (text_problem (self->discount_problem, GTK_WIDGET (self->discount_entry), text, widget) ||
      text_problem (self->tax_problem, GTK_WIDGET (self->tax_rate_entry), text, widget))
    return "review";
  return NULL;
}

/* Which field a quote-wide issue is about, to name it first. */
static const char *
quote_issue_field (const PbQuoteIssue *issue)
{
  if (g_str_equal (issue->rule, "VM-10") || g_str_equal (issue->rule, "EL-2"))
    return _("Enterprise customer");
  if (strstr (issue->message, _("the customer has no name")) != NULL)
    return _("Customer name");
  return _("Quote");
}

/* The step a quote-wide issue is shown on: the customer's for who the
 * customer is and the quote's header, else the step of the product its
 * rule is about (VM-6's packages together, VM-8's numbers, VM-11). */
static const char *
quote_issue_step (const PbQuoteIssue *issue)
{
  if (g_str_equal (issue->rule, "VM-10") || g_str_equal (issue->rule, "EL-2"))
    return "customer";
  if (g_str_has_prefix (issue->rule, "VM-"))
    return "voice";
  if (g_str_has_prefix (issue->rule, "EL-"))
    return "live";
  return "customer";
}

static GtkBox *
step_issues_box (PbQuoteWizard *self, const char *step)
{
  if (g_str_equal (step, "voice"))
    return self->voice_issues;
  if (g_str_equal (step, "live"))
    return self->live_issues;
  return self->customer_issues;
}

/* The field a quote-wide issue is about, for the footer's button to focus:
 * the customer's name or the enterprise switch, else the issues of its
 * step. */
static GtkWidget *
quote_issue_widget (PbQuoteWizard *self, const PbQuoteIssue *issue, const char *step)
{
  const char *field = quote_issue_field (issue);

  if (g_str_equal (field, _("Customer name")))
    return GTK_WIDGET (self->name_entry);
  if (g_str_equal (field, _("Enterprise customer")))
    return GTK_WIDGET (self->enterprise_switch);
  return GTK_WIDGET (step_issues_box (self, step));
}

/* The step of the first issue of @severity, and where to take the focus:
 * the item's row, or the quote-wide issues of the step. */
static const char *
issue_step (PbQuoteWizard *self, GPtrArray *issues, PbIssueSeverity severity, GtkWidget **widget)
{
  for (guint i = 0; i < issues->len; i++)
    {
      PbQuoteIssue *issue = g_ptr_array_index (issues, i);
      const char *step;

      if (issue->severity != severity)
        continue;
      if (issue->item < 0 || (guint) issue->item >= self->rows->len)
        {
          step = quote_issue_step (issue);
          *widget = quote_issue_widget (self, issue, step);
          return step;
        }
      *widget = g_ptr_array_index (self->rows, issue->item);
      return product_step (pb_quote_item_get_product (pb_quote_get_item (self->quote, issue->item)));
    }
  return NULL;
}

/* What the footer says under the total: the field that holds what it
 * cannot take, the problems (errors) that keep the quote from being
 * priced, or that it is priced; the warnings are counted apart, since they
 * never keep it from being priced. */
static char *
status_text (PbQuoteWizard *self, const char *problem, guint errors, guint warnings)
{
  g_autofree char *state = NULL;

  if (problem != NULL)
    state = g_strdup_printf (_("Not priced while a field holds what it cannot take. %s"), problem);
  else if (errors > 0)
    state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem to fix before the quote can be priced",
                                          "%u problems to fix before the quote can be priced", errors),
                             errors);
  else
    state = g_strdup (pb_quote_get_n_items (self->quote) > 0
                      ? _("Priced by the catalog, to the fen")
                      : _("Add items in the Voice Message and Enterprise Live steps"));
  if (warnings > 0)
    {
      g_autofree char *counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                               warnings),
                                                  warnings);

      /* TRANSLATORS: the quote's state, then how many warnings it has */
      return g_strdup_printf (_("%s · %s"), state, counted);
    }
  return g_steal_pointer (&state);
}

/* The footer: what the customer pays, the gross (价税合计, Q-7), in the
 * review's words, and what stands in the way. */
static void
show_total (PbQuoteWizard *self, PbPricing *pricing, GPtrArray *issues, const char *problem_step,
            const char *problem, GtkWidget *problem_widget)
{
  guint errors = 0, warnings = 0;
  GtkWidget *widget = NULL;
  const char *step;
  g_autofree char *status = NULL;

  for (guint i = 0; i < issues->len; i++)
    {
      if (((PbQuoteIssue *) g_ptr_array_index (issues, i))->severity == PB_ISSUE_ERROR)
        errors++;
      else
        warnings++;
    }
  if (pricing != NULL)
    {
      g_autofree char *gross = pb_money_format_display (pricing->gross);
      g_autofree char *text = g_strdup_printf (_("Gross (including tax) %s"), gross);

      gtk_label_set_label (self->total_label, text);
    }
  else
    gtk_label_set_label (self->total_label, _("Gross (including tax) —"));

  status = status_text (self, problem, errors, warnings);
  gtk_label_set_label (self->status_label, status);
  if (problem != NULL)
    set_jump (self, problem_step, problem_widget);
  else if ((step = issue_step (self, issues, errors > 0 ? PB_ISSUE_ERROR : PB_ISSUE_WARNING, &widget)) != NULL)
    set_jump (self, step, widget);
  else
    set_jump (self, NULL, NULL);
}

static void apply_fix (PbQuoteWizard *self, const PbQuoteIssue *issue);

static void
on_issue_apply (PbQuoteWizard *self, PbIssueView *view)
{
  apply_fix (self, pb_issue_view_get_issue (view));
}

static void
on_row_apply_fix (PbQuoteWizard *self, const PbQuoteIssue *issue)
{
  apply_fix (self, issue);
}

/* The quote-wide issues, each on its step: "Enterprise customer: the
 * customer is not … (VM-10)" names the field first; the advice on a
 * product's step says what the quote as a whole would cost the customer. */
static void
show_quote_issues (PbQuoteWizard *self)
{
  GtkBox *boxes[] = { self->customer_issues, self->voice_issues, self->live_issues };

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    clear_children (GTK_WIDGET (boxes[b]));
  for (guint i = 0; i < self->issues->len; i++)
    {
      const PbQuoteIssue *issue = g_ptr_array_index (self->issues, i);
      const char *step;
      GtkWidget *view;

      if (issue->item >= 0 && (guint) issue->item < self->rows->len)
        continue;
      step = quote_issue_step (issue);
      view = pb_issue_view_new (issue, g_str_equal (step, "customer") ? quote_issue_field (issue) : NULL,
                                !is_locked (self));
      g_signal_connect_object (view, "apply", G_CALLBACK (on_issue_apply), self, G_CONNECT_SWAPPED);
      gtk_box_append (step_issues_box (self, step), view);
    }
  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    gtk_widget_set_visible (GTK_WIDGET (boxes[b]), gtk_widget_get_first_child (GTK_WIDGET (boxes[b])) != NULL);
}

/* The window takes a quote's number from the counter when it is first
 * saved or exported (so numbers have no gaps): an empty number is one to
 * come, not a problem of the quote being built.  A blank quote (no
 * items yet) is not warned that its customer has no name either: nobody
 * has filled it in yet, and the name is wanted once there is something to
 * send. */
static void
drop_still_to_come (PbQuote *quote, GPtrArray *issues)
{
  gboolean blank = pb_quote_get_n_items (quote) == 0;

  for (guint i = issues->len; i-- > 0;)
    {
      const PbQuoteIssue *issue = g_ptr_array_index (issues, i);

      if (issue->item >= 0 || !g_str_equal (issue->rule, "Q-1"))
        continue;
      if (g_str_equal (issue->message, _("the quote has no number")) ||
          (blank && g_str_equal (issue->message, _("the customer has no name"))))
        g_ptr_array_remove_index (issues, i);
    }
}

static void
reprice (PbQuoteWizard *self)
{
  g_autoptr(PbPricing) pricing = NULL;
  const char *problem = NULL, *problem_step;
  GtkWidget *problem_widget = NULL;

  /* Several items changing as one (a fix, an undo) are checked once, when
   * the rows are the quote's again. */
  if (self->quote == NULL || self->batch)
    return;
  /* The check holds errors and warnings alike; the price only exists when
   * there is no error and every field took what it holds. */
  problem_step = find_field_problem (self, &problem, &problem_widget);
  /* The views of the issues point into the check: it is kept until the
   * next one. */
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  self->issues = pb_pricing_check (self->catalog, self->quote);
  drop_still_to_come (self->quote, self->issues);
  if (problem_step == NULL && !pb_pricing_issues_have_errors (self->issues))
    pb_pricing_compute (self->catalog, self->quote, &pricing, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autoptr(GPtrArray) mine = issues_for (self->issues, (int) i);

      pb_item_row_set_result (g_ptr_array_index (self->rows, i),
                              pricing ? g_ptr_array_index (pricing->items, i) : NULL, mine);
    }
  show_quote_issues (self);
  show_total (self, pricing, self->issues, problem_step, problem, problem_widget);
  fill_review (self, pricing, problem);
}

static void
on_field_problem (PbQuoteWizard *self)
{
  reprice (self);
}

/* ------------------------------------------------------------------ */
/* Items                                                              */

static void on_row_remove (PbQuoteWizard *self, PbItemRow *row);
static void hide_undo (PbQuoteWizard *self);

static void
rebuild_rows (PbQuoteWizard *self)
{
  clear_children (GTK_WIDGET (self->voice_list));
  clear_children (GTK_WIDGET (self->live_list));
  g_ptr_array_set_size (self->rows, 0);
  if (self->quote == NULL)
    return;
  for (guint i = 0; i < pb_quote_get_n_items (self->quote); i++)
    {
      PbQuoteItem *item = pb_quote_get_item (self->quote, i);
      PbItemRow *row = pb_item_row_new (item, self->catalog);

      pb_item_row_set_locked (row, is_locked (self));
      g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "problem-changed", G_CALLBACK (on_field_problem), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "apply-fix", G_CALLBACK (on_row_apply_fix), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (pb_quote_item_get_product (item) == PB_PRODUCT_VOICE ? self->voice_list
                                                                                 : self->live_list,
                           GTK_WIDGET (row));
      /* The list's row is no stop for Tab: its fields are. */
      gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (row)), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (GTK_WIDGET (row))), FALSE);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_items_changed (PbQuoteWizard *self)
{
  if (self->batch)
    return;
  /* The list changed under the last removal or fix: its Undo would undo
   * this change too. */
  if (self->undo_items != NULL)
    hide_undo (self);
  rebuild_rows (self);
  reprice (self);
}

static void
add_item (PbQuoteWizard *self, PbItemKind kind)
{
  g_autoptr(PbQuoteItem) item = pb_quote_item_new (kind);

  if (self->quote == NULL || is_locked (self))
    return;
  /* VM-6: a new custom package starts at the smallest size the rules take,
   * not at 0 minutes, already in error. */
  if (kind == PB_ITEM_KIND_CUSTOM_PACKAGE)
    pb_quote_item_set_minutes (item, pb_catalog_vm_custom_min (self->catalog));
  pb_quote_append_item (self->quote, item);
}

static void on_add_numbers (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_NUMBERS); }
static void on_add_fixed (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_FIXED_PACKAGE); }
static void on_add_custom (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_CUSTOM_PACKAGE); }
static void on_add_base_fee (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_BASE_FEE); }
static void on_add_codes (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_CODE); }
static void on_add_expansion (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_EXPANSION); }

/* ------------------------------------------------------------------ */
/* Removals and fixes, which can be undone                            */

static void
forget_undo (PbQuoteWizard *self)
{
  g_clear_pointer (&self->undo_items, g_ptr_array_unref);
  g_clear_object (&self->undo_item);
  self->undo_property = NULL;
}

static void
hide_undo (PbQuoteWizard *self)
{
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
  forget_undo (self);
}

static gboolean
on_undo_timeout (gpointer data)
{
  PbQuoteWizard *self = data;

  self->undo_timeout = 0;
  hide_undo (self);
  return G_SOURCE_REMOVE;
}

/* Keeps the quote's items (the objects themselves: what is typed into
 * them later stays) for Undo, before several of them change as one. */
static void
begin_batch (PbQuoteWizard *self)
{
  forget_undo (self);
  self->undo_items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < pb_quote_get_n_items (self->quote); i++)
    g_ptr_array_add (self->undo_items, g_object_ref (pb_quote_get_item (self->quote, i)));
  self->batch = TRUE;
}

/* The rows are the quote's items again, checked and priced once. */
static void
end_batch (PbQuoteWizard *self)
{
  self->batch = FALSE;
  rebuild_rows (self);
  reprice (self);
}

static void
offer_undo (PbQuoteWizard *self, const char *what)
{
  gtk_label_set_label (self->undo_label, what);
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  self->undo_timeout = g_timeout_add_seconds (10, on_undo_timeout, self);
}

/* Removing an item can be undone for a while: nothing typed is lost. */
static void
on_row_remove (PbQuoteWizard *self, PbItemRow *row)
{
  guint position;

  if (!g_ptr_array_find (self->rows, row, &position) || is_locked (self))
    return;
  begin_batch (self);
  pb_quote_remove_item (self->quote, position);
  end_batch (self);
  offer_undo (self, _("Item removed"));
}

/* The item a fix leaves the keyboard in: the one it changed, or the first
 * it adds (at the first removed item's place, or at the end); -1 when it
 * touches no item of its own.  @field: the field it changed, or NULL. */
static int
fix_target (PbQuoteWizard *self, const PbQuoteIssue *issue, const char **field)
{
  *field = NULL;
  if (issue->fix_kind == PB_QUOTE_FIX_SET_PROPERTY)
    {
      *field = issue->fix_property;
      return issue->item;
    }
  if (issue->fix_items != NULL && issue->fix_items->len > 0)
    {
      if (issue->fix_remove != NULL && issue->fix_remove->len > 0)
        return (int) g_array_index (issue->fix_remove, guint, 0);
      return (int) pb_quote_get_n_items (self->quote);
    }
  return issue->item;
}

/* The fix's button went with its warning, and the rows were made again:
 * without this the keyboard fell on a row's Remove button, where Space
 * deleted the item just fixed. */
static void
focus_fixed_item (PbQuoteWizard *self, int position, const char *field)
{
  if (position >= 0 && (guint) position < self->rows->len)
    pb_item_row_focus_field (g_ptr_array_index (self->rows, position), field);
}

/* a warning's fix, as the model states it (pb_quote_issue_apply_fix()),
 * applied as one change that Undo takes back; the check that follows no
 * longer finds the warning. */
static void
apply_fix (PbQuoteWizard *self, const PbQuoteIssue *issue)
{
  g_autoptr(GPtrArray) issues = NULL;
  gboolean applied;
  const char *field;
  int target;

  if (self->quote == NULL || is_locked (self) || self->issues == NULL || !g_ptr_array_find (self->issues, issue, NULL))
    return;
  /* The change checks the quote again; the issue must outlive that. */
  issues = g_ptr_array_ref (self->issues);
  target = fix_target (self, issue, &field);
  begin_batch (self);
  if (issue->fix_kind == PB_QUOTE_FIX_SET_PROPERTY && issue->fix_property != NULL &&
      issue->item >= 0 && (guint) issue->item < pb_quote_get_n_items (self->quote))
    {
      self->undo_item = g_object_ref (pb_quote_get_item (self->quote, issue->item));
      self->undo_property = issue->fix_property;
      g_object_get (self->undo_item, self->undo_property, &self->undo_value, NULL);
    }
  applied = pb_quote_issue_apply_fix (issue, self->quote);
  end_batch (self);
  if (applied)
    {
      offer_undo (self, _("Fix applied"));
      focus_fixed_item (self, target, field);
    }
  else
    forget_undo (self);
}

/* Puts back the quote's items as they were before the last removal or
 * fix, and the value the fix set. */
void
pb_quote_wizard_undo (PbQuoteWizard *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(PbQuoteItem) item = NULL;
  const char *property = self->undo_property;
  gint64 value = self->undo_value;

  if (self->undo_items == NULL || self->quote == NULL || is_locked (self))
    return;
  items = g_steal_pointer (&self->undo_items);
  item = g_steal_pointer (&self->undo_item);
  hide_undo (self);
  self->batch = TRUE;
  while (pb_quote_get_n_items (self->quote) > 0)
    pb_quote_remove_item (self->quote, pb_quote_get_n_items (self->quote) - 1);
  for (guint i = 0; i < items->len; i++)
    pb_quote_append_item (self->quote, g_ptr_array_index (items, i));
  if (item != NULL)
    g_object_set (item, property, value, NULL);
  end_batch (self);
}

/* ------------------------------------------------------------------ */
/* The optimizers                                                     */

static void
on_need_changed (PbQuoteWizard *self)
{
  gint64 need = pb_count_entry_get_value (self->need_entry);
  g_autoptr(GError) error = NULL;
  GString *text;

  g_clear_pointer (&self->voice_plan, pb_voice_plan_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_need_button), FALSE);
  if (need <= 0 || pb_count_entry_get_problem (self->need_entry) != NULL)
    {
      gtk_label_set_label (self->need_label, "");
      return;
    }
  if (!pb_optimizer_voice (self->catalog, need, &self->voice_plan, &error))
    {
      gtk_label_set_label (self->need_label, error->message);
      return;
    }
  text = g_string_new (NULL);
  for (guint i = 0; i < self->voice_plan->packages->len; i++)
    {
      PbVoicePackage *package = &g_array_index (self->voice_plan->packages, PbVoicePackage, i);
      g_autofree char *price = pb_money_format_display (package->price);
      g_autofree char *minutes = pb_format_count (package->minutes);

      if (i > 0)
        g_string_append (text, _("; "));
      g_string_append_printf (text, package->fixed ? _("1 fixed package of %s minutes, %s")
                                                   : _("1 custom package of %s minutes, %s"),
                              minutes, price);
    }
  {
    g_autofree char *total = pb_money_format_display (self->voice_plan->total);

    g_string_append_printf (text, _(" — %s in all."), total);
  }
  if (self->voice_plan->bought_minutes > need)
    {
      g_autofree char *bought = pb_format_count (self->voice_plan->bought_minutes);
      g_autofree char *needed = pb_format_count (need);

      g_string_append_printf (text, _(" Buying %s minutes costs less than buying exactly %s (VM-5, VM-6)."),
                              bought, needed);
    }
  gtk_label_set_label (self->need_label, text->str);
  g_string_free (text, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_need_button), !is_locked (self));
}

/* Takes out of the quote the items a helper put there before, unless the
 * user removed them already; the helper then sets, not adds (item 4). */
static guint
withdraw_proposed (PbQuoteWizard *self, GPtrArray *proposed)
{
  guint withdrawn = 0;

  for (guint i = 0; i < proposed->len; i++)
    for (guint position = 0; position < pb_quote_get_n_items (self->quote); position++)
      if (pb_quote_get_item (self->quote, position) == g_ptr_array_index (proposed, i))
        {
          pb_quote_remove_item (self->quote, position);
          withdrawn++;
          break;
        }
  g_ptr_array_set_size (proposed, 0);
  return withdrawn;
}

static void
propose (PbQuoteWizard *self, GPtrArray *proposed, PbQuoteItem *item)
{
  g_ptr_array_add (proposed, g_object_ref (item));
  pb_quote_append_item (self->quote, item);
}

static void
on_apply_need (PbQuoteWizard *self)
{
  g_autofree char *minutes = NULL;
  g_autofree char *text = NULL;
  PbQuoteItem *last = NULL;
  guint replaced;

  if (self->voice_plan == NULL || self->quote == NULL || is_locked (self))
    return;
  replaced = withdraw_proposed (self, self->proposed_packages);
  for (guint i = 0; i < self->voice_plan->packages->len; i++)
    {
      PbVoicePackage *package = &g_array_index (self->voice_plan->packages, PbVoicePackage, i);

      /* Copies of the same fixed package become one line with a quantity. */
      if (package->fixed && last != NULL &&
          pb_quote_item_get_kind (last) == PB_ITEM_KIND_FIXED_PACKAGE &&
          pb_quote_item_get_minutes (last) == package->minutes)
        pb_quote_item_set_quantity (last, pb_quote_item_get_quantity (last) + 1);
      else
        {
          g_autoptr(PbQuoteItem) item = pb_quote_item_new (package->fixed ? PB_ITEM_KIND_FIXED_PACKAGE
                                                                         : PB_ITEM_KIND_CUSTOM_PACKAGE);

          pb_quote_item_set_minutes (item, package->minutes);
          propose (self, self->proposed_packages, item);
          last = item;
        }
    }
  minutes = pb_format_count (self->voice_plan->minutes);
  text = replaced > 0
         ? g_strdup_printf (_("The quote’s proposed packages now cover %s minutes: they replace the ones proposed before."), minutes)
         : g_strdup_printf (_("The quote’s proposed packages now cover %s minutes."), minutes);
  gtk_label_set_label (self->need_label, text);
}

static void
on_plan_changed (PbQuoteWizard *self)
{
  gint64 rooms = pb_count_entry_get_value (self->rooms_entry);
  gint64 viewers = pb_count_entry_get_value (self->viewers_entry);
  g_autoptr(GError) error = NULL;
  PbLiveCode *code;
  const PbCodeTier *tier;
  g_autofree char *price = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->live_plan, pb_live_plan_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_plan_button), FALSE);
  if (pb_count_entry_get_problem (self->rooms_entry) != NULL ||
      pb_count_entry_get_problem (self->viewers_entry) != NULL)
    {
      gtk_label_set_label (self->plan_label, "");
      return;
    }
  if (!pb_optimizer_live (self->catalog, viewers, rooms, &self->live_plan, &error))
    {
      gtk_label_set_label (self->plan_label, error->message);
      return;
    }
  code = &g_array_index (self->live_plan->codes, PbLiveCode, 0);
  tier = pb_catalog_el_tier (self->catalog, code->tier_id);
  price = pb_money_format_display (code->price);
  total = pb_money_format_display (self->live_plan->total);
  {
    g_autofree char *n_rooms = pb_format_count (rooms);
    g_autofree char *addon = pb_format_count (code->addon_viewers);
    g_autofree char *n_viewers = pb_format_count (code->viewers);

    g_autofree char *trial = pb_live_plan_trial_note (self->catalog, self->live_plan);

    text = g_strdup_printf (_("%s × %s code with %s add-on viewers (%s viewers, %s each) — %s in all (EL-4, EL-5)."),
                            n_rooms, pb_code_tier_display_name (tier), addon, n_viewers, price, total);
    /* EL-1: the trial comes first when it is all the customer needs. */
    if (trial != NULL)
      {
        g_autofree char *plan = g_steal_pointer (&text);

        text = g_strdup_printf ("%s\n%s", trial, plan);
      }
  }
  gtk_label_set_label (self->plan_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_plan_button), !is_locked (self));
}

static void
on_apply_plan (PbQuoteWizard *self)
{
  g_autoptr(PbQuoteItem) item = NULL;
  PbLiveCode *code;

  if (self->live_plan == NULL || self->quote == NULL || is_locked (self))
    return;
  withdraw_proposed (self, self->proposed_codes);
  code = &g_array_index (self->live_plan->codes, PbLiveCode, 0);
  item = pb_quote_item_new (PB_ITEM_KIND_CODE);
  pb_quote_item_set_tier (item, code->tier_id);
  pb_quote_item_set_quantity (item, self->live_plan->rooms);
  pb_quote_item_set_extra_viewers (item, code->addon_viewers);
  propose (self, self->proposed_codes, item);
}

/* ------------------------------------------------------------------ */
/* Fields that need words, not a binding                              */

/* Keeps @problem (owned) for the field @entry and shows it under the field:
 * the entry wears GTK's error style and says it is invalid to screen
 * readers. */
static void
set_text_problem (PbQuoteWizard *self, char **slot, GtkEntry *entry, GtkLabel *issue, char *problem)
{
  g_free (*slot);
  *slot = problem;
  show_issue (issue, problem);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               problem ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static char *
field_problem (const char *field, const GError *error)
{
  return g_strdup_printf (_("%s: %s"), field, error->message);
}

static void
on_date_changed (PbQuoteWizard *self)
{
  g_autoptr(GError) error = NULL;
  PbInstant date;

  if (self->updating || self->quote == NULL)
    return;
  /* A date being typed is not yet a date: the quote keeps its last valid
   * one, the field says why the text is not taken, and nothing is priced
   * until it is. */
  if (pb_time_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &date, &error))
    {
      set_text_problem (self, &self->date_problem, self->date_entry, self->date_issue, NULL);
      pb_quote_set_date (self->quote, date);
    }
  else
    set_text_problem (self, &self->date_problem, self->date_entry, self->date_issue,
                      field_problem (_("Date"), error));
  reprice (self);
}

static void
on_holds_changed (PbQuoteWizard *self)
{
  g_autoptr(GError) error = NULL;
  gboolean holds = gtk_check_button_get_active (self->holds_check);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->holds_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  PbInstant until = PB_INSTANT_NONE;
  char *problem = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->holds_entry), holds && !is_locked (self));
  if (self->updating || self->quote == NULL)
    return;
  /* Ticked with nothing typed yet is no error: the field has not been
   * touched.  The codes' rows say that they need a base fee (EL-7). */
  if (holds && *trimmed != '\0' && !pb_time_parse_display (trimmed, &until, &error))
    {
      problem = field_problem (_("Base fee held until"), error);
      until = PB_INSTANT_NONE;
    }
  set_text_problem (self, &self->holds_problem, self->holds_entry, self->holds_issue, problem);
  pb_quote_set_live_base_fee_until (self->quote, holds ? until : PB_INSTANT_NONE);
  reprice (self);
}

/* a discount in error is never priced, and the quote keeps no value
 * from it: not the 3.55 % on the way to "3.555", not the 15 % on the way
 * to "150". */
static void
on_discount_changed (PbQuoteWizard *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->discount_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint hundredths = 0;

  if (self->updating || self->quote == NULL)
    return;
  if (*trimmed == '\0' || pb_percent_parse (trimmed, &hundredths, &error))
    set_text_problem (self, &self->discount_problem, self->discount_entry, self->discount_issue, NULL);
  else
    {
      g_autofree char *message = g_strdup_printf ("%s (Q-3)", error->message);

      set_text_problem (self, &self->discount_problem, self->discount_entry, self->discount_issue,
                        g_strdup_printf (_("%s: %s"), _("Discount"), message));
      hundredths = 0;
    }
  pb_quote_set_discount (self->quote, hundredths);
  reprice (self);
}

/* the quote states its tax once the user chooses one; a rate in error
 * is not priced (the quote keeps its last rate, and no total is shown). */
static void
on_tax_changed (PbQuoteWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tax_rate_entry))));
  PbTaxBasis basis = gtk_drop_down_get_selected (self->tax_basis_dropdown) == 1 ? PB_TAX_EXCLUSIVE : PB_TAX_INCLUSIVE;
  gint rate = 0;

  if (self->updating || self->quote == NULL)
    return;
  if (pb_percent_parse (trimmed, &rate, &error))
    {
      set_text_problem (self, &self->tax_problem, self->tax_rate_entry, self->tax_issue, NULL);
      pb_quote_set_tax (self->quote, basis, rate);
    }
  else
    {
      g_autofree char *message = g_strdup_printf ("%s (Q-7)", error->message);

      set_text_problem (self, &self->tax_problem, self->tax_rate_entry, self->tax_issue,
                        g_strdup_printf (_("%s: %s"), _("Tax rate"), message));
    }
  reprice (self);
}

static void
on_status_selected (PbQuoteWizard *self)
{
  if (self->updating || self->quote == NULL)
    return;
  pb_quote_set_status (self->quote, (PbQuoteStatus) gtk_drop_down_get_selected (self->status_dropdown));
}

static void
on_language_selected (PbQuoteWizard *self)
{
  if (self->updating || self->quote == NULL)
    return;
  pb_quote_set_language (self->quote, gtk_drop_down_get_selected (self->language_dropdown) == 1
                                      ? PB_QUOTE_LANGUAGE_ZH_CN : PB_QUOTE_LANGUAGE_EN);
  rebuild_rows (self);
  reprice (self);
}

/* An accepted quote is locked: it can be read and duplicated, not edited. */
static void
apply_lock (PbQuoteWizard *self)
{
  gboolean locked = is_locked (self);
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_entry), GTK_WIDGET (self->contact_entry), GTK_WIDGET (self->enterprise_switch),
    GTK_WIDGET (self->number_entry), GTK_WIDGET (self->date_entry), GTK_WIDGET (self->valid_days_entry),
    GTK_WIDGET (self->language_dropdown), GTK_WIDGET (self->holds_check), GTK_WIDGET (self->holds_entry),
    GTK_WIDGET (self->discount_entry), GTK_WIDGET (self->address_entry), GTK_WIDGET (self->tax_id_entry),
    GTK_WIDGET (self->bank_entry), GTK_WIDGET (self->bank_account_entry), GTK_WIDGET (self->tax_basis_dropdown),
    GTK_WIDGET (self->tax_rate_entry), GTK_WIDGET (self->payment_terms_entry), GTK_WIDGET (self->notes_view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_set_sensitive (fields[i], !locked);
  show_issue (self->locked_label, locked ? _("This quote was accepted and is locked. Duplicate it to make changes.") : NULL);
  for (guint i = 0; i < self->rows->len; i++)
    pb_item_row_set_locked (g_ptr_array_index (self->rows, i), locked);
}

static void
on_quote_changed (PbQuoteWizard *self)
{
  reprice (self);
}

static void
on_status_notify (PbQuoteWizard *self)
{
  apply_lock (self);
  on_need_changed (self);
  on_plan_changed (self);
  /* The issues' fixes are offered while the quote can change. */
  reprice (self);
}

/* the quote's own tax, or the catalog's default it would be priced at. */
static void
load_tax (PbQuoteWizard *self)
{
  PbTaxBasis basis = pb_quote_get_tax_basis (self->quote);
  gint rate = pb_quote_get_tax_rate (self->quote);
  g_autofree char *rate_text = NULL;

  if (!pb_quote_get_tax_set (self->quote))
    pb_catalog_tax_default (self->catalog, &basis, &rate);
  rate_text = pb_percent_format (rate);
  gtk_drop_down_set_selected (self->tax_basis_dropdown, basis == PB_TAX_EXCLUSIVE ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->tax_rate_entry), rate_text);
  set_text_problem (self, &self->tax_problem, self->tax_rate_entry, self->tax_issue, NULL);
}

/* Fills the fields that are not bound from the quote. */
static void
load_fields (PbQuoteWizard *self)
{
  PbInstant until = pb_quote_get_live_base_fee_until (self->quote);
  g_autofree char *date = pb_time_format_date (pb_quote_get_date (self->quote));
  g_autofree char *until_text = until != PB_INSTANT_NONE ? pb_time_format_display (until) : g_strdup ("");
  g_autofree char *discount = pb_percent_format (pb_quote_get_discount (self->quote));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_check_button_set_active (self->holds_check, until != PB_INSTANT_NONE);
  gtk_editable_set_text (GTK_EDITABLE (self->holds_entry), until_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->holds_entry), until != PB_INSTANT_NONE);
  gtk_editable_set_text (GTK_EDITABLE (self->discount_entry), pb_quote_get_discount (self->quote) ? discount : "");
  gtk_drop_down_set_selected (self->status_dropdown, pb_quote_get_status (self->quote));
  gtk_drop_down_set_selected (self->language_dropdown,
                              pb_quote_get_language (self->quote) == PB_QUOTE_LANGUAGE_ZH_CN ? 1 : 0);
  set_text_problem (self, &self->date_problem, self->date_entry, self->date_issue, NULL);
  set_text_problem (self, &self->holds_problem, self->holds_entry, self->holds_issue, NULL);
  set_text_problem (self, &self->discount_problem, self->discount_entry, self->discount_issue, NULL);
  load_tax (self);
  self->updating = FALSE;
}

static void
bind (PbQuoteWizard *self, gpointer source, const char *property, gpointer target, const char *target_property)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (source, property, target, target_property,
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

void
pb_quote_wizard_set_quote (PbQuoteWizard *self, PbQuote *quote)
{
  g_return_if_fail (PB_IS_QUOTE_WIZARD (self));

  if (self->quote != NULL)
    g_signal_handlers_disconnect_by_data (self->quote, self);
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
  g_set_object (&self->quote, quote);
  g_ptr_array_set_size (self->proposed_packages, 0);
  g_ptr_array_set_size (self->proposed_codes, 0);
  hide_undo (self);
  if (quote == NULL)
    {
      g_clear_pointer (&self->issues, g_ptr_array_unref);
      rebuild_rows (self);
      return;
    }

  bind (self, pb_quote_get_customer (quote), "name", self->name_entry, "text");
  bind (self, pb_quote_get_customer (quote), "contact", self->contact_entry, "text");
  bind (self, pb_quote_get_customer (quote), "enterprise", self->enterprise_switch, "active");
  bind (self, quote, "number", self->number_entry, "text");
  bind (self, pb_quote_get_customer (quote), "address", self->address_entry, "text");
  bind (self, pb_quote_get_customer (quote), "tax-id", self->tax_id_entry, "text");
  bind (self, pb_quote_get_customer (quote), "bank", self->bank_entry, "text");
  bind (self, pb_quote_get_customer (quote), "bank-account", self->bank_account_entry, "text");
  bind (self, quote, "payment-terms", self->payment_terms_entry, "text");
  bind (self, quote, "notes", gtk_text_view_get_buffer (self->notes_view), "text");
  bind (self, quote, "valid-days", self->valid_days_entry, "value");
  load_fields (self);
  g_signal_connect_object (quote, "changed", G_CALLBACK (on_quote_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pb_quote_get_items (quote), "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (quote, "notify::status", G_CALLBACK (on_status_notify), self, G_CONNECT_SWAPPED);
  rebuild_rows (self);
  apply_lock (self);
  reprice (self);
  gtk_stack_set_visible_child_name (self->steps, "customer");
}

PbQuote *
pb_quote_wizard_get_quote (PbQuoteWizard *self)
{
  return self->quote;
}

const char *
pb_quote_wizard_get_total_text (PbQuoteWizard *self)
{
  return gtk_label_get_label (self->total_label);
}

const char *
pb_quote_wizard_get_status_text (PbQuoteWizard *self)
{
  return gtk_label_get_label (self->status_label);
}

/* The words for the first field holding text it did not take ("Discount:
 * “3.555” has more than 2 decimals (Q-3)"), or NULL.  While there is one,
 * the quote is not what the window shows: nothing is priced, and the
 * window exports and prints nothing either. */
const char *
pb_quote_wizard_get_problem (PbQuoteWizard *self)
{
  const char *text = NULL;
  GtkWidget *widget = NULL;

  g_return_val_if_fail (PB_IS_QUOTE_WIZARD (self), NULL);
  return find_field_problem (self, &text, &widget) != NULL ? text : NULL;
}

/* ------------------------------------------------------------------ */
/* Steps                                                              */

static int
step_index (PbQuoteWizard *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->steps);

  for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return (int) i;
  return 0;
}

void
pb_quote_wizard_set_step (PbQuoteWizard *self, const char *step)
{
  gtk_stack_set_visible_child_name (self->steps, step);
}

void
pb_quote_wizard_focus_start (PbQuoteWizard *self)
{
  g_return_if_fail (PB_IS_QUOTE_WIZARD (self));
  gtk_stack_set_visible_child_name (self->steps, "customer");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

const char *
pb_quote_wizard_get_step (PbQuoteWizard *self)
{
  return gtk_stack_get_visible_child_name (self->steps);
}

static void
on_step_changed (PbQuoteWizard *self)
{
  int index = step_index (self);

  update_jump_label (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), index > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), index < (int) G_N_ELEMENTS (step_names) - 1);
}

static void
on_back_clicked (PbQuoteWizard *self)
{
  int index = step_index (self);

  if (index > 0)
    gtk_stack_set_visible_child_name (self->steps, step_names[index - 1]);
}

static void
on_next_clicked (PbQuoteWizard *self)
{
  int index = step_index (self);

  if (index < (int) G_N_ELEMENTS (step_names) - 1)
    gtk_stack_set_visible_child_name (self->steps, step_names[index + 1]);
}

/* ------------------------------------------------------------------ */

static void
pb_quote_wizard_dispose (GObject *object)
{
  PbQuoteWizard *self = PB_QUOTE_WIZARD (object);

  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  if (self->quote != NULL)
    pb_quote_wizard_set_quote (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_QUOTE_WIZARD);
  {
    GtkWidget *child;

    /* A plain GtkWidget parent unparents its own children. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->proposed_packages, g_ptr_array_unref);
  g_clear_pointer (&self->proposed_codes, g_ptr_array_unref);
  g_clear_pointer (&self->date_problem, g_free);
  g_clear_pointer (&self->holds_problem, g_free);
  g_clear_pointer (&self->discount_problem, g_free);
  g_clear_pointer (&self->tax_problem, g_free);
  g_clear_weak_pointer (&self->jump_widget);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->voice_plan, pb_voice_plan_free);
  g_clear_pointer (&self->live_plan, pb_live_plan_free);
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  forget_undo (self);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (pb_quote_wizard_parent_class)->dispose (object);
}

#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, PbQuoteWizard, name)
#define BIND_CALLBACK(name) gtk_widget_class_bind_template_callback (widget_class, name)

static void
pb_quote_wizard_class_init (PbQuoteWizardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_quote_wizard_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pricebook/Pricebook/pb-quote-wizard.ui");
  BIND_CHILD (steps); BIND_CHILD (name_entry); BIND_CHILD (contact_entry); BIND_CHILD (enterprise_switch);
  BIND_CHILD (number_entry); BIND_CHILD (date_entry); BIND_CHILD (valid_days_entry);
  BIND_CHILD (status_dropdown); BIND_CHILD (language_dropdown); BIND_CHILD (date_issue);
  BIND_CHILD (customer_issues); BIND_CHILD (locked_label); BIND_CHILD (voice_list); BIND_CHILD (need_entry);
  BIND_CHILD (voice_issues); BIND_CHILD (live_issues);
  BIND_CHILD (apply_need_button); BIND_CHILD (need_label); BIND_CHILD (holds_check); BIND_CHILD (holds_entry);
  BIND_CHILD (holds_issue); BIND_CHILD (live_list); BIND_CHILD (rooms_entry); BIND_CHILD (viewers_entry);
  BIND_CHILD (apply_plan_button); BIND_CHILD (plan_label); BIND_CHILD (review_grid);
  BIND_CHILD (discount_entry); BIND_CHILD (discount_issue); BIND_CHILD (totals_grid); BIND_CHILD (terms_box);
  BIND_CHILD (undo_revealer); BIND_CHILD (undo_label); BIND_CHILD (back_button); BIND_CHILD (next_button);
  BIND_CHILD (total_label); BIND_CHILD (status_label); BIND_CHILD (jump_button);
  BIND_CHILD (address_entry); BIND_CHILD (tax_id_entry); BIND_CHILD (bank_entry); BIND_CHILD (bank_account_entry);
  BIND_CHILD (tax_basis_dropdown); BIND_CHILD (tax_rate_entry); BIND_CHILD (tax_issue);
  BIND_CHILD (payment_terms_entry); BIND_CHILD (notes_view);
  BIND_CALLBACK (on_date_changed); BIND_CALLBACK (on_status_selected); BIND_CALLBACK (on_language_selected);
  BIND_CALLBACK (on_add_numbers); BIND_CALLBACK (on_add_fixed); BIND_CALLBACK (on_add_custom);
  BIND_CALLBACK (on_need_changed); BIND_CALLBACK (on_apply_need); BIND_CALLBACK (on_holds_changed);
  BIND_CALLBACK (on_add_base_fee); BIND_CALLBACK (on_add_codes); BIND_CALLBACK (on_add_expansion);
  BIND_CALLBACK (on_plan_changed); BIND_CALLBACK (on_apply_plan); BIND_CALLBACK (on_discount_changed);
  BIND_CALLBACK (pb_quote_wizard_undo); BIND_CALLBACK (on_step_changed);
  BIND_CALLBACK (on_back_clicked); BIND_CALLBACK (on_next_clicked);
  BIND_CALLBACK (on_field_problem); BIND_CALLBACK (on_jump_clicked); BIND_CALLBACK (on_tax_changed);
}

static void
pb_quote_wizard_init (PbQuoteWizard *self)
{
  g_autoptr(GError) error = NULL;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->rows = g_ptr_array_new ();
  self->bindings = g_ptr_array_new ();
  self->proposed_packages = g_ptr_array_new_with_free_func (g_object_unref);
  self->proposed_codes = g_ptr_array_new_with_free_func (g_object_unref);
  g_type_ensure (PB_TYPE_COUNT_ENTRY);
  g_type_ensure (PB_TYPE_CLAMP);
  self->catalog = pb_catalog_get_default (&error);
  if (self->catalog == NULL)
    g_error ("the built-in catalog cannot be read: %s", error->message);
  gtk_widget_init_template (GTK_WIDGET (self));
  on_step_changed (self);
  on_plan_changed (self);
}
