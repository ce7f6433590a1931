/* pb-preferences-window.c: the seller block and the defaults of new quotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is bound to GSettings: there is nothing to apply or lose.
 */
#define G_LOG_DOMAIN "pb-preferences"

#include "config.h"

#include "pb-preferences-window.h"

struct _PbPreferencesWindow
{
  GtkWindow       parent_instance;

  GtkEntry       *company_entry;
  GtkEntry       *name_entry;
  GtkEntry       *phone_entry;
  GtkEntry       *email_entry;
  GtkSpinButton  *valid_days_spin;
  GtkSpinButton  *next_number_spin;
  GtkDropDown    *language_dropdown;
};

G_DEFINE_FINAL_TYPE (PbPreferencesWindow, pb_preferences_window, GTK_TYPE_WINDOW)

/* The language is an enum in the schema and an index in the drop-down. */
static gboolean
language_to_index (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "zh_CN") ? 1 : 0);
  return TRUE;
}

static GVariant *
index_to_language (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "zh_CN" : "en");
}

PbPreferencesWindow *
pb_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  PbPreferencesWindow *self = g_object_new (PB_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  g_settings_bind (settings, "seller-company", self->company_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "seller-name", self->name_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "seller-phone", self->phone_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "seller-email", self->email_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-valid-days", self->valid_days_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "next-quote-number", self->next_number_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "document-language", self->language_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_index, index_to_language, NULL, NULL);
  return self;
}

static void
pb_preferences_window_class_init (PbPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pricebook/Pricebook/pb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, company_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, email_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, valid_days_spin);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, next_number_spin);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, language_dropdown);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pb_preferences_window_init (PbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
