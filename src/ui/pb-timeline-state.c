/* pb-timeline-state.c: what a timeline shows, shared by the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-timeline-state"

#include "config.h"

#include "pb-timeline.h"
#include "pb-timeline-state.h"

struct _PbTimelineState
{
  GObject    parent_instance;

  PbInstant  visible_start;
  PbInstant  visible_end;
  PbInstant  as_of;
  char      *selection;
};

G_DEFINE_FINAL_TYPE (PbTimelineState, pb_timeline_state, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_AS_OF,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pb_timeline_state_finalize (GObject *object)
{
  PbTimelineState *self = PB_TIMELINE_STATE (object);

  g_clear_pointer (&self->selection, g_free);
  G_OBJECT_CLASS (pb_timeline_state_parent_class)->finalize (object);
}

static void
pb_timeline_state_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbTimelineState *self = PB_TIMELINE_STATE (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_START:
      g_value_set_int64 (value, self->visible_start);
      break;
    case PROP_VISIBLE_END:
      g_value_set_int64 (value, self->visible_end);
      break;
    case PROP_AS_OF:
      g_value_set_int64 (value, self->as_of);
      break;
    case PROP_SELECTION:
      g_value_set_string (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_timeline_state_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PbTimelineState *self = PB_TIMELINE_STATE (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_START:
      pb_timeline_state_set_visible (self, g_value_get_int64 (value), self->visible_end);
      break;
    case PROP_VISIBLE_END:
      pb_timeline_state_set_visible (self, self->visible_start, g_value_get_int64 (value));
      break;
    case PROP_AS_OF:
      pb_timeline_state_set_as_of (self, g_value_get_int64 (value));
      break;
    case PROP_SELECTION:
      pb_timeline_state_set_selection (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_timeline_state_class_init (PbTimelineStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pb_timeline_state_finalize;
  object_class->get_property = pb_timeline_state_get_property;
  object_class->set_property = pb_timeline_state_set_property;

  properties[PROP_VISIBLE_START] =
    g_param_spec_int64 ("visible-start", NULL, NULL, G_MININT64, G_MAXINT64, PB_INSTANT_NONE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VISIBLE_END] =
    g_param_spec_int64 ("visible-end", NULL, NULL, G_MININT64, G_MAXINT64, PB_INSTANT_NONE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AS_OF] =
    g_param_spec_int64 ("as-of", NULL, NULL, G_MININT64, G_MAXINT64, PB_INSTANT_NONE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_timeline_state_init (PbTimelineState *self)
{
  self->visible_start = PB_INSTANT_NONE;
  self->visible_end = PB_INSTANT_NONE;
  self->as_of = PB_INSTANT_NONE;
}

PbTimelineState *
pb_timeline_state_new (void)
{
  return g_object_new (PB_TYPE_TIMELINE_STATE, NULL);
}

gboolean
pb_timeline_state_get_visible (PbTimelineState *self, PbInstant *start, PbInstant *end)
{
  g_return_val_if_fail (PB_IS_TIMELINE_STATE (self), FALSE);
  if (start != NULL)
    *start = self->visible_start;
  if (end != NULL)
    *end = self->visible_end;
  return self->visible_start != PB_INSTANT_NONE;
}

void
pb_timeline_state_set_visible (PbTimelineState *self, PbInstant start, PbInstant end)
{
  g_return_if_fail (PB_IS_TIMELINE_STATE (self));

  if (start == PB_INSTANT_NONE && end == PB_INSTANT_NONE)
    return;
  if (start == PB_INSTANT_NONE)
    start = end - PB_TIMELINE_MIN_SPAN;
  if (end == PB_INSTANT_NONE)
    end = start + PB_TIMELINE_MIN_SPAN;
  pb_timeline_span_clamp (&start, &end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->visible_start != start)
    {
      self->visible_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
    }
  if (self->visible_end != end)
    {
      self->visible_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
pb_timeline_state_zoom (PbTimelineState *self, double factor, PbInstant anchor)
{
  PbInstant start, end;

  g_return_if_fail (PB_IS_TIMELINE_STATE (self));
  g_return_if_fail (factor > 0);

  if (!pb_timeline_state_get_visible (self, &start, &end))
    return;
  pb_timeline_span_zoom (&start, &end, factor, anchor);
  pb_timeline_state_set_visible (self, start, end);
}

void
pb_timeline_state_pan (PbTimelineState *self, gint64 seconds)
{
  PbInstant start, end;

  g_return_if_fail (PB_IS_TIMELINE_STATE (self));

  if (!pb_timeline_state_get_visible (self, &start, &end))
    return;
  pb_timeline_span_pan (&start, &end, seconds);
  pb_timeline_state_set_visible (self, start, end);
}

PbInstant
pb_timeline_state_get_as_of (PbTimelineState *self)
{
  g_return_val_if_fail (PB_IS_TIMELINE_STATE (self), PB_INSTANT_NONE);
  return self->as_of;
}

void
pb_timeline_state_set_as_of (PbTimelineState *self, PbInstant as_of)
{
  g_return_if_fail (PB_IS_TIMELINE_STATE (self));

  if (as_of != PB_INSTANT_NONE)
    as_of = CLAMP (as_of, PB_INSTANT_MIN, PB_INSTANT_MAX);
  if (self->as_of == as_of)
    return;
  self->as_of = as_of;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

const char *
pb_timeline_state_get_selection (PbTimelineState *self)
{
  g_return_val_if_fail (PB_IS_TIMELINE_STATE (self), NULL);
  return self->selection;
}

void
pb_timeline_state_set_selection (PbTimelineState *self, const char *key)
{
  g_return_if_fail (PB_IS_TIMELINE_STATE (self));

  if (g_strcmp0 (self->selection, key) == 0)
    return;
  g_free (self->selection);
  self->selection = g_strdup (key);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}
