/* pb-issue-view.c: one issue the model found, in words, with its fix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An error (the quote is not priced) in the error style, a warning (it is,
 * but the customer would lose money or service: Q-6, VM-11) in the
 * warning style; the words end with the rule ID.  Where the issue offers a
 * fix as data, a button says what it does and emits "apply"; the wizard
 * applies it to the quote (pb_quote_issue_apply_fix()) so that it can be
 * undone.  The view only points at the issue: it lives as long as the
 * check it came from, which the wizard keeps until it checks again.
 */
#define G_LOG_DOMAIN "pb-issue-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-issue-view.h"

struct _PbIssueView
{
  GtkWidget           parent_instance;

  const PbQuoteIssue *issue;
  GtkWidget          *label;
};

G_DEFINE_FINAL_TYPE (PbIssueView, pb_issue_view, GTK_TYPE_WIDGET)

enum { SIGNAL_APPLY, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The model words its messages to follow "item 2 (code): "; alone they
 * start a sentence. */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

static gboolean
has_fix (const PbQuoteIssue *issue)
{
  return issue->fix_kind != PB_QUOTE_FIX_NONE && issue->suggestion != NULL;
}

/* "Enterprise customer: the customer is not … (VM-10)", or the message
 * alone as a sentence; a suggestion no button applies is said too. */
static char *
issue_text (const PbQuoteIssue *issue, const char *field)
{
  g_autofree char *sentence = field != NULL ? g_strdup_printf (_("%s: %s"), field, issue->message)
                                            : capitalize (issue->message);

  if (issue->suggestion != NULL && !has_fix (issue))
    /* TRANSLATORS: what is wrong, what to do about it, and the rule's ID */
    return g_strdup_printf (_("%s — %s (%s)"), sentence, issue->suggestion, issue->rule);
  /* TRANSLATORS: what is wrong, and the rule's ID */
  return g_strdup_printf (_("%s (%s)"), sentence, issue->rule);
}

static void
on_fix_clicked (PbIssueView *self)
{
  g_signal_emit (self, signals[SIGNAL_APPLY], 0);
}

/* @field names the field a quote-wide issue is about, or is NULL; the
 * fix's button is left out where the quote cannot be changed (@fixable
 * FALSE: an accepted quote is locked). */
GtkWidget *
pb_issue_view_new (const PbQuoteIssue *issue, const char *field, gboolean fixable)
{
  PbIssueView *self;
  gboolean error;
  g_autofree char *text = NULL;

  g_return_val_if_fail (issue != NULL, NULL);

  self = g_object_new (PB_TYPE_ISSUE_VIEW, NULL);
  self->issue = issue;
  error = issue->severity == PB_ISSUE_ERROR;
  text = issue_text (issue, field);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pb-issue");
  gtk_widget_add_css_class (GTK_WIDGET (self), error ? "pb-issue-error" : "pb-issue-warning");
  gtk_widget_set_parent (gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" : "dialog-warning-symbolic"),
                         GTK_WIDGET (self));
  self->label = gtk_label_new (text);
  gtk_widget_set_name (self->label, "issue_text");
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  if (has_fix (issue) && fixable)
    {
      g_autofree char *action = capitalize (issue->suggestion);
      GtkWidget *fix = gtk_button_new_with_label (action);

      gtk_widget_set_name (fix, "fix");
      gtk_widget_set_valign (fix, GTK_ALIGN_CENTER);
      /* A long suggestion wraps rather than widening the window. */
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (fix))), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (fix))), 28);
      g_signal_connect_object (fix, "clicked", G_CALLBACK (on_fix_clicked), self, G_CONNECT_SWAPPED);
      gtk_widget_set_parent (fix, GTK_WIDGET (self));
    }
  return GTK_WIDGET (self);
}

const PbQuoteIssue *
pb_issue_view_get_issue (PbIssueView *self)
{
  g_return_val_if_fail (PB_IS_ISSUE_VIEW (self), NULL);
  return self->issue;
}

const char *
pb_issue_view_get_text (PbIssueView *self)
{
  g_return_val_if_fail (PB_IS_ISSUE_VIEW (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->label));
}

static void
pb_issue_view_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pb_issue_view_parent_class)->dispose (object);
}

static void
pb_issue_view_class_init (PbIssueViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_issue_view_dispose;
  /* The fix was asked for: the issue is pb_issue_view_get_issue(). */
  signals[SIGNAL_APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "issue");
}

static void
pb_issue_view_init (PbIssueView *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
}
