/* pb-item-row.c: one quote item's editor, amount and issues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editors are bound to the item's properties; the row never prices or
 * checks anything itself.  The wizard prices the whole quote through the
 * model after every change and hands each row its amount and its issues.
 * The count fields take any whole number in the item's range, even one the
 * rules refuse (1,500 minutes, 0 numbers), on purpose: the model then says
 * why, at the field.  Text that is not such a number is refused by the
 * field itself, in words; the row then has a "problem" and the wizard
 * shows no total until it is gone.  An issue's fix is the wizard's to
 * apply ("apply-fix"), so that it can be undone.
 */
#define G_LOG_DOMAIN "pb-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-count-entry.h"
#include "pb-issue-view.h"
#include "pb-item-row.h"

struct _PbItemRow
{
  GtkWidget     parent_instance;

  GtkLabel     *title_label;
  GtkLabel     *amount_label;
  GtkButton    *remove_button;
  GtkFlowBox   *editors;
  GtkLabel     *note_label;
  GtkBox       *issues_box;
  GtkLabel     *unit_label;
  GPtrArray    *fields;        /* PbCountEntry */

  PbQuoteItem  *item;
  PbCatalog    *catalog;
  gboolean      locked;
};

G_DEFINE_FINAL_TYPE (PbItemRow, pb_item_row, GTK_TYPE_WIDGET)

enum { SIGNAL_REMOVE, SIGNAL_PROBLEM_CHANGED, SIGNAL_APPLY_FIX, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
kind_title (PbItemKind kind)
{
  switch (kind)
    {
    case PB_ITEM_KIND_NUMBERS: return _("Voice Message numbers");
    case PB_ITEM_KIND_FIXED_PACKAGE: return _("Fixed minute package");
    case PB_ITEM_KIND_CUSTOM_PACKAGE: return _("Custom minute package");
    case PB_ITEM_KIND_BASE_FEE: return _("Enterprise Live base annual fee");
    case PB_ITEM_KIND_CODE: return _("Activation codes");
    case PB_ITEM_KIND_EXPANSION: return _("Expansion of an existing code");
    default: return "";
    }
}

/* The rule a buyer must see while filling in this kind of item. */
static const char *
kind_note (PbItemKind kind)
{
  switch (kind)
    {
    case PB_ITEM_KIND_NUMBERS:
      return _("Billed from the month of activation, a partial month as a whole one, until the month of unsubscription (VM-3, VM-4).");
    case PB_ITEM_KIND_CUSTOM_PACKAGE:
      return _("At least 1,000 minutes, in steps of 1,000; the unit price follows the package’s own size (VM-6).");
    case PB_ITEM_KIND_BASE_FEE:
      return _("One purchase of any number of consecutive years gifts one Flagship activation code (EL-3, an assumption).");
    case PB_ITEM_KIND_CODE:
      return _("Each code must be bound within 2 months of purchase while the base fee is valid, or it becomes void (EL-7). Add-on viewers come in steps of 100 (EL-5).");
    case PB_ITEM_KIND_EXPANSION:
      return _("Needs the account manager’s confirmation (or a ticket) before purchase and is applied by hand; it ends with the code (EL-6).");
    default:
      return NULL;
    }
}

static GtkWidget *
labelled (const char *label, GtkWidget *editor)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* No access key: every row of a kind has the same fields, and their
   * letters would be the wizard's own (Quantity and the Quote view, Months
   * and the Simulator, Numbers and Next).  The caption still names the
   * editor for screen readers. */
  GtkWidget *caption = gtk_label_new (label);

  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), editor);
  if (PB_IS_COUNT_ENTRY (editor))
    {
      /* Level with the entry, not with the entry and its message. */
      gtk_widget_set_valign (caption, GTK_ALIGN_START);
      gtk_widget_set_margin_top (caption, 8);
    }
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), editor);
  return box;
}

static void
add_editor (PbItemRow *self, const char *label, GtkWidget *editor)
{
  GtkWidget *box = labelled (label, editor);

  gtk_flow_box_append (self->editors, box);
  /* The flow box's own child is no stop for Tab: the editor is. */
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
}

static void
on_field_problem (PbItemRow *self)
{
  g_signal_emit (self, signals[SIGNAL_PROBLEM_CHANGED], 0);
}

/* Why a count cannot be larger, where a rule says so. */
static const char *
why_maximum (const char *property)
{
  if (g_str_equal (property, "minutes"))
    return _("the most a package can have (VM-6)");
  return NULL;
}

static void
add_count (PbItemRow *self, const char *label, const char *property, const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->item), property);
  GtkWidget *field = pb_count_entry_new (label, 0, G_PARAM_SPEC_INT64 (pspec)->maximum, why_maximum (property));

  gtk_widget_set_name (field, name);
  g_object_bind_property (self->item, property, field, "value", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (field, "notify::problem", G_CALLBACK (on_field_problem), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->fields, field);
  add_editor (self, label, field);
}

/* The first field whose text was not taken, or NULL. */
PbCountEntry *
pb_item_row_get_problem_field (PbItemRow *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (pb_count_entry_get_problem (g_ptr_array_index (self->fields, i)) != NULL)
      return g_ptr_array_index (self->fields, i);
  return NULL;
}

/* Puts the keyboard in the editor named @name (a property's name, as the
 * editors are named), or in the row's first editor when none is or @name
 * is NULL: after a fix, where typing goes on, not on the Remove button. */
void
pb_item_row_focus_field (PbItemRow *self, const char *name)
{
  GtkWidget *first = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->editors)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* Each flow box child holds a caption and its editor, last. */
      GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *editor = box != NULL ? gtk_widget_get_last_child (box) : NULL;

      if (editor == NULL)
        continue;
      if (first == NULL)
        first = editor;
      if (name != NULL && g_str_equal (gtk_widget_get_name (editor), name))
        {
          gtk_widget_grab_focus (editor);
          return;
        }
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

/* VM-5: the fixed sizes come from the catalog. */
static void
on_package_selected (GtkDropDown *dropdown, GParamSpec *pspec, PbItemRow *self)
{
  guint n;
  const PbFixedPackage *packages = pb_catalog_vm_fixed_packages (self->catalog, &n);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < n)
    pb_quote_item_set_minutes (self->item, packages[selected].minutes);
}

static void
add_package_dropdown (PbItemRow *self)
{
  guint n;
  const PbFixedPackage *packages = pb_catalog_vm_fixed_packages (self->catalog, &n);
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *price = pb_money_format_display (packages[i].price);
      g_autofree char *minutes = pb_format_count (packages[i].minutes);
      g_autofree char *text = g_strdup_printf (_("%s minutes — %s"), minutes, price);

      gtk_string_list_append (sizes, text);
      if (packages[i].minutes == pb_quote_item_get_minutes (self->item))
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (sizes)), NULL);
  gtk_widget_set_name (dropdown, "package");
  if (selected == GTK_INVALID_LIST_POSITION && n > 0)
    {
      selected = 0;
      pb_quote_item_set_minutes (self->item, packages[0].minutes);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_package_selected), self, 0);
  add_editor (self, _("Package"), dropdown);
}

/* EL-4: the tiers come from the catalog. */
static void
on_tier_selected (GtkDropDown *dropdown, GParamSpec *pspec, PbItemRow *self)
{
  guint n;
  const PbCodeTier *tiers = pb_catalog_el_tiers (self->catalog, &n);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < n)
    pb_quote_item_set_tier (self->item, tiers[selected].id);
}

static void
add_tier_dropdown (PbItemRow *self)
{
  guint n;
  const PbCodeTier *tiers = pb_catalog_el_tiers (self->catalog, &n);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *price = pb_money_format_display (tiers[i].price);
      g_autofree char *viewers = pb_format_count (tiers[i].viewers);
      g_autofree char *text = g_strdup_printf (_("%s — %s viewers, %s"),
                                               pb_code_tier_display_name (&tiers[i]),
                                               viewers, price);

      gtk_string_list_append (names, text);
      if (g_strcmp0 (tiers[i].id, pb_quote_item_get_tier (self->item)) == 0)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_name (dropdown, "tier");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  if (n > 0)
    pb_quote_item_set_tier (self->item, tiers[selected].id);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_tier_selected), self, 0);
  add_editor (self, _("Tier"), dropdown);
}

static void
add_code_entry (PbItemRow *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, "code");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. B"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  g_object_bind_property (self->item, "code", entry, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  add_editor (self, _("Code"), entry);
}

static void
build_editors (PbItemRow *self)
{
  switch (pb_quote_item_get_kind (self->item))
    {
    case PB_ITEM_KIND_NUMBERS:
      add_count (self, _("Numbers"), "numbers", "numbers");
      add_count (self, _("Months"), "months", "months");
      break;
    case PB_ITEM_KIND_FIXED_PACKAGE:
      add_package_dropdown (self);
      add_count (self, _("Quantity"), "quantity", "quantity");
      break;
    case PB_ITEM_KIND_CUSTOM_PACKAGE:
      add_count (self, _("Minutes"), "minutes", "minutes");
      add_count (self, _("Quantity"), "quantity", "quantity");
      break;
    case PB_ITEM_KIND_BASE_FEE:
      add_count (self, _("Years"), "years", "years");
      break;
    case PB_ITEM_KIND_CODE:
      add_tier_dropdown (self);
      add_count (self, _("Quantity"), "quantity", "quantity");
      add_count (self, _("Add-on viewers per code"), "extra-viewers", "extra-viewers");
      break;
    case PB_ITEM_KIND_EXPANSION:
      add_code_entry (self);
      add_count (self, _("Extra viewers"), "extra-viewers", "extra-viewers");
      break;
    default:
      break;
    }
}

static void
on_remove_clicked (PbItemRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

/* The issue's view asks for its fix: the wizard applies it, so that it can
 * be undone. */
static void
on_issue_apply (PbItemRow *self, PbIssueView *view)
{
  g_signal_emit (self, signals[SIGNAL_APPLY_FIX], 0, pb_issue_view_get_issue (view));
}

/* VM-6: a custom package's price per minute follows its own size; the
 * catalog says which, for a size the rules take. */
static void
show_unit_price (PbItemRow *self, gboolean has_error)
{
  gboolean shown = pb_quote_item_get_kind (self->item) == PB_ITEM_KIND_CUSTOM_PACKAGE &&
                   !has_error && pb_item_row_get_problem_field (self) == NULL;

  if (shown)
    {
      g_autofree char *price = pb_money_format_unit_display (
        pb_catalog_vm_custom_unit_price (self->catalog, pb_quote_item_get_minutes (self->item)));
      g_autofree char *text = g_strdup_printf (_("%s per minute (VM-6)"), price);

      gtk_label_set_label (self->unit_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), shown);
}

/* The model's verdict on this item: its amount, or why it has none. */
void
pb_item_row_set_result (PbItemRow *self, PbPricedItem *priced, GPtrArray *issues)
{
  GtkWidget *child;
  gboolean has_error = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->issues_box))) != NULL)
    gtk_box_remove (self->issues_box, child);
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      const PbQuoteIssue *issue = g_ptr_array_index (issues, i);

      GtkWidget *view = pb_issue_view_new (issue, NULL, !self->locked);

      has_error |= issue->severity == PB_ISSUE_ERROR;
      g_signal_connect_object (view, "apply", G_CALLBACK (on_issue_apply), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->issues_box, view);
    }

  if (priced != NULL && !has_error && pb_item_row_get_problem_field (self) == NULL)
    {
      g_autofree char *amount = pb_money_format_display (priced->amount);

      gtk_label_set_label (self->amount_label, amount);
    }
  else
    gtk_label_set_label (self->amount_label, "—");
  show_unit_price (self, has_error);
}

void
pb_item_row_set_locked (PbItemRow *self, gboolean locked)
{
  self->locked = locked;
  gtk_widget_set_sensitive (GTK_WIDGET (self->editors), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), !locked);
}

const char *
pb_item_row_get_amount_text (PbItemRow *self)
{
  return gtk_label_get_label (self->amount_label);
}

PbQuoteItem *
pb_item_row_get_item (PbItemRow *self)
{
  return self->item;
}

PbItemRow *
pb_item_row_new (PbQuoteItem *item, PbCatalog *catalog)
{
  PbItemRow *self = g_object_new (PB_TYPE_ITEM_ROW, NULL);
  const char *note;

  self->item = g_object_ref (item);
  self->catalog = g_object_ref (catalog);
  gtk_label_set_label (self->title_label, kind_title (pb_quote_item_get_kind (item)));
  {
    g_autofree char *remove = g_strdup_printf (_("Remove %s"), kind_title (pb_quote_item_get_kind (item)));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    kind_title (pb_quote_item_get_kind (item)), -1);
  }
  note = kind_note (pb_quote_item_get_kind (item));
  gtk_label_set_label (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  build_editors (self);
  return self;
}

static void
pb_item_row_dispose (GObject *object)
{
  PbItemRow *self = PB_ITEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_ITEM_ROW);
  {
    GtkWidget *child;

    /* A plain GtkWidget parent unparents its own children. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_object (&self->item);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (pb_item_row_parent_class)->dispose (object);
}

static void
pb_item_row_class_init (PbItemRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_item_row_dispose;
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A field's text was refused, or is taken again. */
  signals[SIGNAL_PROBLEM_CHANGED] = g_signal_new ("problem-changed", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The fix of one of the row's issues (a const PbQuoteIssue *) was asked for. */
  signals[SIGNAL_APPLY_FIX] = g_signal_new ("apply-fix", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pricebook/Pricebook/pb-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PbItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbItemRow, amount_label);
  gtk_widget_class_bind_template_child (widget_class, PbItemRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, PbItemRow, editors);
  gtk_widget_class_bind_template_child (widget_class, PbItemRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, PbItemRow, issues_box);
  gtk_widget_class_bind_template_child (widget_class, PbItemRow, unit_label);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
pb_item_row_init (PbItemRow *self)
{
  g_type_ensure (PB_TYPE_COUNT_ENTRY);
  self->fields = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
