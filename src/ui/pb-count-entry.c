/* pb-count-entry.c: a field for a whole number, taken as typed or refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkSpinButton with numeric=TRUE cut "180,000" to 180, "-5" to 0 and
 * 99999999999 to its upper bound without a word.  This field keeps showing
 * exactly what was typed; when pb_count_parse() takes the text, "value"
 * changes; when it does not, "value" keeps the last number taken, "problem"
 * says why in words that name the field, the entry wears GTK's `error`
 * style and the message shows below it.  Whoever uses the value must look
 * at "problem" first: a field in error has no value to use.
 */
#define G_LOG_DOMAIN "pb-count-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-count.h"
#include "pb-count-entry.h"

struct _PbCountEntry
{
  GtkWidget  parent_instance;

  GtkEntry  *entry;
  GtkLabel  *message;

  char      *label;         /* "Minutes": the field's name, in messages and for screen readers */
  char      *why_maximum;   /* "the most a package can have (VM-6)", or NULL */
  char      *problem;       /* NULL while the text is taken */
  gint64     value;
  gint64     minimum;
  gint64     maximum;
  gboolean   allow_empty;   /* an empty field is taken, as 0 (nothing asked) */
  gboolean   writing;       /* the text is being written from the value */
};

static void pb_count_entry_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PbCountEntry, pb_count_entry, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, pb_count_entry_editable_init))

enum
{
  PROP_0,
  PROP_VALUE,
  PROP_MINIMUM,
  PROP_MAXIMUM,
  PROP_LABEL,
  PROP_WHY_MAXIMUM,
  PROP_ALLOW_EMPTY,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_problem (PbCountEntry *self, const char *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_label (self->message, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               problem ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

gboolean
pb_count_entry_is_empty (PbCountEntry *self)
{
  for (const char *p = gtk_editable_get_text (GTK_EDITABLE (self->entry)); *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Reads what was typed: a number taken becomes the value; anything else
 * leaves the value alone and says why. */
static void
on_text_changed (PbCountEntry *self)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  if (self->writing)
    return;
  if (!(self->allow_empty && pb_count_entry_is_empty (self)) &&
      !pb_count_parse (gtk_editable_get_text (GTK_EDITABLE (self->entry)), self->minimum, self->maximum,
                       self->why_maximum, &value, &error))
    {
      /* TRANSLATORS: a field's name, then why its text is not taken */
      g_autofree char *problem = g_strdup_printf (_("%s: %s"), self->label ? self->label : "", error->message);

      set_problem (self, problem);
      return;
    }
  set_problem (self, NULL);
  if (value != self->value)
    {
      self->value = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
}

gint64
pb_count_entry_get_value (PbCountEntry *self)
{
  g_return_val_if_fail (PB_IS_COUNT_ENTRY (self), 0);
  return self->value;
}

/* A value set from outside (the model, a fix button) is written into the
 * field; the value the field itself just took is not, so what is being
 * typed is never rewritten under the cursor. */
void
pb_count_entry_set_value (PbCountEntry *self, gint64 value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PB_IS_COUNT_ENTRY (self));
  if (value == self->value && self->problem == NULL)
    return;
  self->value = value;
  text = self->allow_empty && value == 0 ? g_strdup ("") : pb_count_format_editable (value);
  self->writing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->writing = FALSE;
  set_problem (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
pb_count_entry_get_problem (PbCountEntry *self)
{
  g_return_val_if_fail (PB_IS_COUNT_ENTRY (self), NULL);
  return self->problem;
}

const char *
pb_count_entry_get_label (PbCountEntry *self)
{
  g_return_val_if_fail (PB_IS_COUNT_ENTRY (self), NULL);
  return self->label;
}

static void
set_label (PbCountEntry *self, const char *label)
{
  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label ? label : "", -1);
}

GtkWidget *
pb_count_entry_new (const char *label, gint64 minimum, gint64 maximum, const char *why_maximum)
{
  return g_object_new (PB_TYPE_COUNT_ENTRY, "label", label, "minimum", minimum, "maximum", maximum,
                       "why-maximum", why_maximum, NULL);
}

static GtkEditable *
pb_count_entry_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (PB_COUNT_ENTRY (editable)->entry);
}

static void
pb_count_entry_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = pb_count_entry_get_delegate;
}

static gboolean
pb_count_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (PB_COUNT_ENTRY (widget)->entry));
}

static void
pb_count_entry_constructed (GObject *object)
{
  PbCountEntry *self = PB_COUNT_ENTRY (object);

  G_OBJECT_CLASS (pb_count_entry_parent_class)->constructed (object);
  /* Starts valid: a field nobody has touched shows no error. */
  self->value = self->allow_empty ? 0 : CLAMP (0, self->minimum, self->maximum);
  if (!self->allow_empty)
    {
      g_autofree char *text = pb_count_format_editable (self->value);

      self->writing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      self->writing = FALSE;
    }
}

static void
pb_count_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbCountEntry *self = PB_COUNT_ENTRY (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_VALUE: g_value_set_int64 (value, self->value); break;
    case PROP_MINIMUM: g_value_set_int64 (value, self->minimum); break;
    case PROP_MAXIMUM: g_value_set_int64 (value, self->maximum); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_WHY_MAXIMUM: g_value_set_string (value, self->why_maximum); break;
    case PROP_ALLOW_EMPTY: g_value_set_boolean (value, self->allow_empty); break;
    case PROP_PROBLEM: g_value_set_string (value, self->problem); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_count_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PbCountEntry *self = PB_COUNT_ENTRY (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_VALUE: pb_count_entry_set_value (self, g_value_get_int64 (value)); break;
    case PROP_MINIMUM: self->minimum = g_value_get_int64 (value); break;
    case PROP_MAXIMUM: self->maximum = g_value_get_int64 (value); break;
    case PROP_LABEL: set_label (self, g_value_get_string (value)); break;
    case PROP_WHY_MAXIMUM: g_free (self->why_maximum); self->why_maximum = g_value_dup_string (value); break;
    case PROP_ALLOW_EMPTY: self->allow_empty = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_count_entry_dispose (GObject *object)
{
  PbCountEntry *self = PB_COUNT_ENTRY (object);
  GtkWidget *child;

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->entry = NULL;
  self->message = NULL;
  G_OBJECT_CLASS (pb_count_entry_parent_class)->dispose (object);
}

static void
pb_count_entry_finalize (GObject *object)
{
  PbCountEntry *self = PB_COUNT_ENTRY (object);

  g_free (self->label);
  g_free (self->why_maximum);
  g_free (self->problem);
  G_OBJECT_CLASS (pb_count_entry_parent_class)->finalize (object);
}

static void
pb_count_entry_class_init (PbCountEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = pb_count_entry_constructed;
  object_class->get_property = pb_count_entry_get_property;
  object_class->set_property = pb_count_entry_set_property;
  object_class->dispose = pb_count_entry_dispose;
  object_class->finalize = pb_count_entry_finalize;
  widget_class->grab_focus = pb_count_entry_grab_focus;

  properties[PROP_VALUE] = g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_MINIMUM] = g_param_spec_int64 ("minimum", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAXIMUM] = g_param_spec_int64 ("maximum", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_WHY_MAXIMUM] = g_param_spec_string ("why-maximum", NULL, NULL, NULL, flags);
  properties[PROP_ALLOW_EMPTY] = g_param_spec_boolean ("allow-empty", NULL, NULL, FALSE,
                                                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                       G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pb-count-entry");
}

static void
pb_count_entry_init (PbCountEntry *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->maximum = G_MAXINT64;
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_label_set_max_width_chars (self->message, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "pb-field-error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->message), GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->message, NULL, -1);
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
}
