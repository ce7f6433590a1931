/* pb-clamp.c: keeps its child no wider than a reading width, centred
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At 1,400 px a form stretched edge to edge puts a field's caption and its
 * entry a screen apart.  libadwaita's AdwClamp solves this, but libadwaita
 * is not a dependency: this is the part of it the wizard needs.  The child
 * gets all the width up to "maximum-size", and never less than it asks for,
 * so nothing is cut at 640 px.
 */
#define G_LOG_DOMAIN "pb-clamp"

#include "config.h"

#include "pb-clamp.h"

struct _PbClamp
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  int        maximum_size;
};

G_DEFINE_FINAL_TYPE (PbClamp, pb_clamp, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CHILD, PROP_MAXIMUM_SIZE, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
set_child (PbClamp *self, GtkWidget *child)
{
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

static void
pb_clamp_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                  int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  PbClamp *self = PB_CLAMP (widget);

  *minimum = *natural = 0;
  if (self->child == NULL)
    return;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    {
      int child_min;

      gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
      for_size = MAX (MIN (for_size, self->maximum_size), child_min);
    }
  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, self->maximum_size));
}

static void
pb_clamp_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PbClamp *self = PB_CLAMP (widget);
  int child_min, child_width;

  if (self->child == NULL)
    return;
  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
  child_width = MAX (MIN (width, self->maximum_size), child_min);
  gtk_widget_allocate (self->child, child_width, height, baseline,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((width - child_width) / 2, 0)));
}

static GtkSizeRequestMode
pb_clamp_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pb_clamp_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbClamp *self = PB_CLAMP (object);

  switch (prop_id)
    {
    case PROP_CHILD: g_value_set_object (value, self->child); break;
    case PROP_MAXIMUM_SIZE: g_value_set_int (value, self->maximum_size); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_clamp_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PbClamp *self = PB_CLAMP (object);

  switch (prop_id)
    {
    case PROP_CHILD: set_child (self, g_value_get_object (value)); break;
    case PROP_MAXIMUM_SIZE:
      self->maximum_size = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_clamp_dispose (GObject *object)
{
  g_clear_pointer (&PB_CLAMP (object)->child, gtk_widget_unparent);
  G_OBJECT_CLASS (pb_clamp_parent_class)->dispose (object);
}

static void
pb_clamp_class_init (PbClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = pb_clamp_get_property;
  object_class->set_property = pb_clamp_set_property;
  object_class->dispose = pb_clamp_dispose;
  widget_class->measure = pb_clamp_measure;
  widget_class->size_allocate = pb_clamp_size_allocate;
  widget_class->get_request_mode = pb_clamp_get_request_mode;

  properties[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET, flags);
  properties[PROP_MAXIMUM_SIZE] = g_param_spec_int ("maximum-size", NULL, NULL, 0, G_MAXINT, 760, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_clamp_init (PbClamp *self)
{
  self->maximum_size = 760;
}
