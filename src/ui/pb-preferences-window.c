/* pb-preferences-window.c: the seller's profile and the defaults of new quotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is bound to GSettings: there is nothing to apply or lose.
 * The seller's profile is the one a pricebook-seller/1 file holds for the
 * command line (pb-seller.h); the window's exports read it from here.
 */
#define G_LOG_DOMAIN "pb-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-preferences-window.h"

struct _PbPreferencesWindow
{
  GtkWindow       parent_instance;

  GSettings      *settings;
  GtkEntry       *company_entry;
  GtkEntry       *address_entry;
  GtkEntry       *tax_id_entry;
  GtkEntry       *bank_entry;
  GtkEntry       *bank_account_entry;
  GtkEntry       *name_entry;
  GtkEntry       *phone_entry;
  GtkEntry       *email_entry;
  GtkButton      *logo_button;
  GtkLabel       *logo_label;
  GtkButton      *logo_clear_button;
  GtkSpinButton  *valid_days_spin;
  GtkSpinButton  *next_number_spin;
  GtkEntry       *payment_terms_entry;
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

/* The logo's button shows the file's name; its full path is the tooltip. */
static void
show_logo (PbPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "seller-logo");
  g_autofree char *name = NULL;

  if (*path == '\0')
    {
      gtk_label_set_label (self->logo_label, _("Choose a PNG Image…"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->logo_button),
                                   _("A PNG image printed beside the company’s name"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->logo_clear_button), FALSE);
      return;
    }
  name = g_filename_display_basename (path);
  gtk_label_set_label (self->logo_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->logo_button), path);
  gtk_widget_set_sensitive (GTK_WIDGET (self->logo_clear_button), TRUE);
}

static void
on_logo_chosen (GtkNativeDialog *dialog, int response, PbPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      /* Only a local file can be read when a quote is exported. */
      if (path != NULL)
        g_settings_set_string (self->settings, "seller-logo", path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_logo_clicked (PbPreferencesWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose the Seller’s Logo"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG image"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_pattern (filter, "*.png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_logo_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_logo_clear_clicked (PbPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "seller-logo", "");
}

PbPreferencesWindow *
pb_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  PbPreferencesWindow *self = g_object_new (PB_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  const struct { const char *key; gpointer entry; } texts[] = {
    { "seller-company", self->company_entry }, { "seller-address", self->address_entry },
    { "seller-tax-id", self->tax_id_entry }, { "seller-bank", self->bank_entry },
    { "seller-bank-account", self->bank_account_entry }, { "seller-name", self->name_entry },
    { "seller-phone", self->phone_entry }, { "seller-email", self->email_entry },
    { "default-payment-terms", self->payment_terms_entry },
  };

  self->settings = g_object_ref (settings);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_settings_bind (settings, texts[i].key, texts[i].entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-valid-days", self->valid_days_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "next-quote-number", self->next_number_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "document-language", self->language_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_index, index_to_language, NULL, NULL);
  g_signal_connect_object (settings, "changed::seller-logo", G_CALLBACK (show_logo), self, G_CONNECT_SWAPPED);
  show_logo (self);
  return self;
}

static void
pb_preferences_window_dispose (GObject *object)
{
  PbPreferencesWindow *self = PB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (pb_preferences_window_parent_class)->dispose (object);
}

static void
pb_preferences_window_class_init (PbPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pricebook/Pricebook/pb-preferences-window.ui");
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, name)
  BIND_CHILD (company_entry); BIND_CHILD (address_entry); BIND_CHILD (tax_id_entry); BIND_CHILD (bank_entry);
  BIND_CHILD (bank_account_entry); BIND_CHILD (name_entry); BIND_CHILD (phone_entry); BIND_CHILD (email_entry);
  BIND_CHILD (logo_button); BIND_CHILD (logo_label); BIND_CHILD (logo_clear_button);
  BIND_CHILD (valid_days_spin); BIND_CHILD (next_number_spin); BIND_CHILD (payment_terms_entry);
  BIND_CHILD (language_dropdown);
#undef BIND_CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clear_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pb_preferences_window_init (PbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
