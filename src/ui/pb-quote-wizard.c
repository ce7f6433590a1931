/* pb-quote-wizard.c: the four steps of building a quote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizard edits a PbQuote and, after every change, asks the model for
 * the quote's issues and price; each item row, the running total and the
 * review show exactly what the model answered.  An input that breaks a rule
 * is shown at its field with the rule ID; a quote with an error shows no
 * total at all rather than a wrong one.
 */
#define G_LOG_DOMAIN "pb-quote-wizard"

#include "config.h"

#include <glib/gi18n.h>

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
  GtkSpinButton  *valid_days_spin;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *language_dropdown;
  GtkLabel       *date_issue;
  GtkLabel       *customer_issue;
  GtkLabel       *locked_label;
  GtkListBox     *voice_list;
  GtkSpinButton  *need_spin;
  GtkButton      *apply_need_button;
  GtkLabel       *need_label;
  GtkCheckButton *holds_check;
  GtkEntry       *holds_entry;
  GtkLabel       *holds_issue;
  GtkListBox     *live_list;
  GtkSpinButton  *rooms_spin;
  GtkSpinButton  *viewers_spin;
  GtkButton      *apply_plan_button;
  GtkLabel       *plan_label;
  GtkGrid        *review_grid;
  GtkEntry       *discount_entry;
  GtkLabel       *discount_issue;
  GtkGrid        *totals_grid;
  GtkBox         *terms_box;
  GtkRevealer    *undo_revealer;
  GtkLabel       *undo_label;
  GtkButton      *back_button;
  GtkButton      *next_button;
  GtkLabel       *total_label;
  GtkLabel       *status_label;

  PbCatalog      *catalog;
  PbQuote        *quote;
  GPtrArray      *rows;            /* PbItemRow, by item position */
  GPtrArray      *bindings;        /* GBinding to the current quote */
  PbVoicePlan    *voice_plan;
  PbLivePlan     *live_plan;
  PbQuoteItem    *removed_item;    /* for Undo */
  guint           removed_position;
  guint           undo_timeout;
  gboolean        updating;        /* filling fields from the model */
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
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
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

static void
fill_review (PbQuoteWizard *self, PbPricing *pricing)
{
  int row = 1;

  clear_children (GTK_WIDGET (self->review_grid));
  clear_children (GTK_WIDGET (self->totals_grid));
  clear_children (GTK_WIDGET (self->terms_box));
  gtk_grid_attach (self->review_grid, cell (_("Description"), 0, "heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->review_grid, cell (_("Quantity"), 1, "heading"), 1, 0, 1, 1);
  gtk_grid_attach (self->review_grid, cell (_("List price"), 1, "heading"), 2, 0, 1, 1);
  gtk_grid_attach (self->review_grid, cell (_("Amount"), 1, "heading"), 3, 0, 1, 1);
  if (pricing == NULL)
    {
      gtk_grid_attach (self->review_grid,
                       cell (_("The quote breaks a rule: fix the items marked in red before it can be priced (Q-4)."),
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
    g_autofree char *capitals = pb_money_format_chinese (pricing->total);

    add_total_row (self, 0, _("Subtotal"), subtotal, "pb-amount");
    add_total_row (self, 1, discount_caption, discount, "pb-amount");
    add_total_row (self, 2, _("Total"), total, "pb-total");
    add_total_row (self, 3, _("In Chinese capitals"), capitals, NULL);
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

static char *
join_issues (GPtrArray *issues)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = pb_quote_issue_to_string (g_ptr_array_index (issues, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

static void
show_total (PbQuoteWizard *self, PbPricing *pricing, GPtrArray *issues)
{
  guint errors = 0, warnings = 0;

  for (guint i = 0; i < issues->len; i++)
    {
      if (((PbQuoteIssue *) g_ptr_array_index (issues, i))->severity == PB_ISSUE_ERROR)
        errors++;
      else
        warnings++;
    }
  if (pricing != NULL)
    {
      g_autofree char *total = pb_money_format_display (pricing->total);
      g_autofree char *text = g_strdup_printf (_("Total %s"), total);

      gtk_label_set_label (self->total_label, text);
    }
  else
    gtk_label_set_label (self->total_label, _("Total —"));

  if (errors > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem to fix before the quote can be priced",
                                                            "%u problems to fix before the quote can be priced", errors),
                                               errors);

      gtk_label_set_label (self->status_label, text);
    }
  else if (warnings > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings),
                                               warnings);

      gtk_label_set_label (self->status_label, text);
    }
  else
    gtk_label_set_label (self->status_label, pb_quote_get_n_items (self->quote) > 0
                                             ? _("Priced by the catalog, to the fen")
                                             : _("Add items in the Voice Message and Enterprise Live steps"));
}

static void
reprice (PbQuoteWizard *self)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(PbPricing) pricing = NULL;
  g_autoptr(GPtrArray) quote_issues = NULL;
  g_autofree char *quote_text = NULL;

  if (self->quote == NULL)
    return;
  /* The check holds errors and warnings alike; the price only exists when
   * there is no error. */
  issues = pb_pricing_check (self->catalog, self->quote);
  if (!pb_pricing_issues_have_errors (issues))
    pb_pricing_compute (self->catalog, self->quote, &pricing, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autoptr(GPtrArray) mine = issues_for (issues, (int) i);

      pb_item_row_set_result (g_ptr_array_index (self->rows, i),
                              pricing ? g_ptr_array_index (pricing->items, i) : NULL, mine);
    }
  quote_issues = issues_for (issues, -1);
  quote_text = join_issues (quote_issues);
  show_issue (self->customer_issue, quote_text);
  show_total (self, pricing, issues);
  fill_review (self, pricing);
}

/* ------------------------------------------------------------------ */
/* Items                                                              */

static void on_row_remove (PbQuoteWizard *self, PbItemRow *row);

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
      gtk_list_box_append (pb_quote_item_get_product (item) == PB_PRODUCT_VOICE ? self->voice_list
                                                                                 : self->live_list,
                           GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_items_changed (PbQuoteWizard *self)
{
  rebuild_rows (self);
  reprice (self);
}

static void
add_item (PbQuoteWizard *self, PbItemKind kind)
{
  g_autoptr(PbQuoteItem) item = pb_quote_item_new (kind);

  if (self->quote == NULL || is_locked (self))
    return;
  pb_quote_append_item (self->quote, item);
}

static void on_add_numbers (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_NUMBERS); }
static void on_add_fixed (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_FIXED_PACKAGE); }
static void on_add_custom (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_CUSTOM_PACKAGE); }
static void on_add_base_fee (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_BASE_FEE); }
static void on_add_codes (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_CODE); }
static void on_add_expansion (PbQuoteWizard *self) { add_item (self, PB_ITEM_KIND_EXPANSION); }

static gboolean
hide_undo (gpointer data)
{
  PbQuoteWizard *self = data;

  self->undo_timeout = 0;
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
  g_clear_object (&self->removed_item);
  return G_SOURCE_REMOVE;
}

/* Removing an item can be undone for a while: nothing typed is lost. */
static void
on_row_remove (PbQuoteWizard *self, PbItemRow *row)
{
  guint position;

  if (!g_ptr_array_find (self->rows, row, &position))
    return;
  g_set_object (&self->removed_item, pb_item_row_get_item (row));
  self->removed_position = position;
  pb_quote_remove_item (self->quote, position);
  gtk_label_set_label (self->undo_label, _("Item removed"));
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  self->undo_timeout = g_timeout_add_seconds (10, hide_undo, self);
}

void
pb_quote_wizard_undo_remove (PbQuoteWizard *self)
{
  if (self->removed_item == NULL || self->quote == NULL)
    return;
  pb_quote_insert_item (self->quote, MIN (self->removed_position, pb_quote_get_n_items (self->quote)),
                        self->removed_item);
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  hide_undo (self);
}

/* ------------------------------------------------------------------ */
/* The optimizers                                                     */

static void
on_need_changed (PbQuoteWizard *self)
{
  gint64 need = (gint64) gtk_spin_button_get_value (self->need_spin);
  g_autoptr(GError) error = NULL;
  GString *text;

  g_clear_pointer (&self->voice_plan, pb_voice_plan_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_need_button), FALSE);
  if (need <= 0)
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

static void
on_apply_need (PbQuoteWizard *self)
{
  if (self->voice_plan == NULL || self->quote == NULL || is_locked (self))
    return;
  for (guint i = 0; i < self->voice_plan->packages->len; i++)
    {
      PbVoicePackage *package = &g_array_index (self->voice_plan->packages, PbVoicePackage, i);
      PbQuoteItem *last = pb_quote_get_n_items (self->quote) > 0
                          ? pb_quote_get_item (self->quote, pb_quote_get_n_items (self->quote) - 1) : NULL;

      /* Copies of the same fixed package become one line with a quantity. */
      if (package->fixed && last != NULL && i > 0 &&
          pb_quote_item_get_kind (last) == PB_ITEM_KIND_FIXED_PACKAGE &&
          pb_quote_item_get_minutes (last) == package->minutes)
        pb_quote_item_set_quantity (last, pb_quote_item_get_quantity (last) + 1);
      else
        {
          g_autoptr(PbQuoteItem) item = pb_quote_item_new (package->fixed ? PB_ITEM_KIND_FIXED_PACKAGE
                                                                         : PB_ITEM_KIND_CUSTOM_PACKAGE);

          pb_quote_item_set_minutes (item, package->minutes);
          pb_quote_append_item (self->quote, item);
        }
    }
}

static void
on_plan_changed (PbQuoteWizard *self)
{
  gint64 rooms = (gint64) gtk_spin_button_get_value (self->rooms_spin);
  gint64 viewers = (gint64) gtk_spin_button_get_value (self->viewers_spin);
  g_autoptr(GError) error = NULL;
  PbLiveCode *code;
  const PbCodeTier *tier;
  g_autofree char *price = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->live_plan, pb_live_plan_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_plan_button), FALSE);
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
  code = &g_array_index (self->live_plan->codes, PbLiveCode, 0);
  item = pb_quote_item_new (PB_ITEM_KIND_CODE);
  pb_quote_item_set_tier (item, code->tier_id);
  pb_quote_item_set_quantity (item, self->live_plan->rooms);
  pb_quote_item_set_extra_viewers (item, code->addon_viewers);
  pb_quote_append_item (self->quote, item);
}

/* ------------------------------------------------------------------ */
/* Fields that need words, not a binding                              */

static void
on_date_changed (PbQuoteWizard *self)
{
  g_autoptr(GError) error = NULL;
  PbInstant date;

  if (self->updating || self->quote == NULL)
    return;
  /* A date being typed is not yet a date: the quote keeps its last valid
   * one and the field says why the text is not accepted. */
  if (pb_time_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &date, &error))
    {
      show_issue (self->date_issue, NULL);
      pb_quote_set_date (self->quote, date);
    }
  else
    show_issue (self->date_issue, error->message);
}

static void
on_holds_changed (PbQuoteWizard *self)
{
  g_autoptr(GError) error = NULL;
  gboolean holds = gtk_check_button_get_active (self->holds_check);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->holds_entry));
  PbInstant until;

  gtk_widget_set_sensitive (GTK_WIDGET (self->holds_entry), holds);
  if (self->updating || self->quote == NULL)
    return;
  if (!holds)
    {
      show_issue (self->holds_issue, NULL);
      pb_quote_set_live_base_fee_until (self->quote, PB_INSTANT_NONE);
    }
  else if (pb_time_parse (text, &until, &error))
    {
      show_issue (self->holds_issue, NULL);
      pb_quote_set_live_base_fee_until (self->quote, until);
    }
  else
    {
      show_issue (self->holds_issue, *text ? error->message : _("Type the date the customer’s base fee ends (EL-7)."));
      pb_quote_set_live_base_fee_until (self->quote, PB_INSTANT_NONE);
    }
}

static void
on_discount_changed (PbQuoteWizard *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->discount_entry));
  gint hundredths = 0;

  if (self->updating || self->quote == NULL)
    return;
  if (*text == '\0' || pb_percent_parse (text, &hundredths, &error))
    {
      show_issue (self->discount_issue, NULL);
      pb_quote_set_discount (self->quote, hundredths);
    }
  else
    {
      g_autofree char *message = g_strdup_printf ("%s (Q-3)", error->message);

      show_issue (self->discount_issue, message);
    }
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
    GTK_WIDGET (self->number_entry), GTK_WIDGET (self->date_entry), GTK_WIDGET (self->valid_days_spin),
    GTK_WIDGET (self->language_dropdown), GTK_WIDGET (self->holds_check), GTK_WIDGET (self->holds_entry),
    GTK_WIDGET (self->discount_entry),
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
}

/* Fills the fields that are not bound from the quote. */
static void
load_fields (PbQuoteWizard *self)
{
  PbInstant until = pb_quote_get_live_base_fee_until (self->quote);
  g_autofree char *date = pb_time_format_date (pb_quote_get_date (self->quote));
  g_autofree char *until_text = until != PB_INSTANT_NONE ? pb_time_format (until) : g_strdup ("");
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
  show_issue (self->date_issue, NULL);
  show_issue (self->holds_issue, NULL);
  show_issue (self->discount_issue, NULL);
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
  g_clear_object (&self->removed_item);
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
  if (quote == NULL)
    {
      rebuild_rows (self);
      return;
    }

  bind (self, pb_quote_get_customer (quote), "name", self->name_entry, "text");
  bind (self, pb_quote_get_customer (quote), "contact", self->contact_entry, "text");
  bind (self, pb_quote_get_customer (quote), "enterprise", self->enterprise_switch, "active");
  bind (self, quote, "number", self->number_entry, "text");
  bind (self, quote, "valid-days", gtk_spin_button_get_adjustment (self->valid_days_spin), "value");
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

const char *
pb_quote_wizard_get_step (PbQuoteWizard *self)
{
  return gtk_stack_get_visible_child_name (self->steps);
}

static void
on_step_changed (PbQuoteWizard *self)
{
  int index = step_index (self);

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
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->voice_plan, pb_voice_plan_free);
  g_clear_pointer (&self->live_plan, pb_live_plan_free);
  g_clear_object (&self->removed_item);
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
  BIND_CHILD (number_entry); BIND_CHILD (date_entry); BIND_CHILD (valid_days_spin);
  BIND_CHILD (status_dropdown); BIND_CHILD (language_dropdown); BIND_CHILD (date_issue);
  BIND_CHILD (customer_issue); BIND_CHILD (locked_label); BIND_CHILD (voice_list); BIND_CHILD (need_spin);
  BIND_CHILD (apply_need_button); BIND_CHILD (need_label); BIND_CHILD (holds_check); BIND_CHILD (holds_entry);
  BIND_CHILD (holds_issue); BIND_CHILD (live_list); BIND_CHILD (rooms_spin); BIND_CHILD (viewers_spin);
  BIND_CHILD (apply_plan_button); BIND_CHILD (plan_label); BIND_CHILD (review_grid);
  BIND_CHILD (discount_entry); BIND_CHILD (discount_issue); BIND_CHILD (totals_grid); BIND_CHILD (terms_box);
  BIND_CHILD (undo_revealer); BIND_CHILD (undo_label); BIND_CHILD (back_button); BIND_CHILD (next_button);
  BIND_CHILD (total_label); BIND_CHILD (status_label);
  BIND_CALLBACK (on_date_changed); BIND_CALLBACK (on_status_selected); BIND_CALLBACK (on_language_selected);
  BIND_CALLBACK (on_add_numbers); BIND_CALLBACK (on_add_fixed); BIND_CALLBACK (on_add_custom);
  BIND_CALLBACK (on_need_changed); BIND_CALLBACK (on_apply_need); BIND_CALLBACK (on_holds_changed);
  BIND_CALLBACK (on_add_base_fee); BIND_CALLBACK (on_add_codes); BIND_CALLBACK (on_add_expansion);
  BIND_CALLBACK (on_plan_changed); BIND_CALLBACK (on_apply_plan); BIND_CALLBACK (on_discount_changed);
  BIND_CALLBACK (pb_quote_wizard_undo_remove); BIND_CALLBACK (on_step_changed);
  BIND_CALLBACK (on_back_clicked); BIND_CALLBACK (on_next_clicked);
}

static void
pb_quote_wizard_init (PbQuoteWizard *self)
{
  g_autoptr(GError) error = NULL;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->rows = g_ptr_array_new ();
  self->bindings = g_ptr_array_new ();
  self->catalog = pb_catalog_get_default (&error);
  if (self->catalog == NULL)
    g_error ("the built-in catalog cannot be read: %s", error->message);
  gtk_widget_init_template (GTK_WIDGET (self));
  on_step_changed (self);
  on_plan_changed (self);
}
