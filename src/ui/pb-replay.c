/* pb-replay.c: one scenario and its replay, shared by the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pb-replay"

#include "config.h"

#include "pb-replay.h"

struct _PbReplay
{
  GObject      parent_instance;

  PbScenario  *scenario;
  PbProjection *projection;   /* the scenario's, or NULL */
  PbLifecycle *lifecycle;
  GError      *error;
};

G_DEFINE_FINAL_TYPE (PbReplay, pb_replay, G_TYPE_OBJECT)

enum { PROP_0, PROP_SCENARIO, PROP_LIFECYCLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

PbReplay *
pb_replay_new (void)
{
  return g_object_new (PB_TYPE_REPLAY, NULL);
}

static void
replay (PbReplay *self)
{
  /* The old replay goes first: a large account is never held twice. */
  g_clear_object (&self->lifecycle);
  g_clear_error (&self->error);
  if (self->scenario != NULL)
    self->lifecycle = pb_lifecycle_replay_scenario (self->scenario, PB_INSTANT_NONE, &self->error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIFECYCLE]);
}

static void set_scenario (PbReplay *self, PbScenario *scenario);

void
pb_replay_set_scenario (PbReplay *self, PbScenario *scenario)
{
  g_return_if_fail (PB_IS_REPLAY (self));
  g_return_if_fail (scenario == NULL || PB_IS_SCENARIO (scenario));

  g_clear_object (&self->projection);
  set_scenario (self, scenario);
}

void
pb_replay_set_projection (PbReplay *self, PbProjection *projection)
{
  g_return_if_fail (PB_IS_REPLAY (self));
  g_return_if_fail (projection == NULL || PB_IS_PROJECTION (projection));

  /* Before the replay: its ::lifecycle handlers ask for the projection. */
  g_set_object (&self->projection, projection);
  set_scenario (self, projection != NULL ? pb_projection_get_scenario (projection) : NULL);
}

PbProjection *
pb_replay_get_projection (PbReplay *self)
{
  g_return_val_if_fail (PB_IS_REPLAY (self), NULL);
  return self->projection;
}

static void
set_scenario (PbReplay *self, PbScenario *scenario)
{
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  if (g_set_object (&self->scenario, scenario))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
  if (scenario != NULL)
    g_signal_connect_object (scenario, "changed", G_CALLBACK (replay), self, G_CONNECT_SWAPPED);
  replay (self);
}

PbScenario *
pb_replay_get_scenario (PbReplay *self)
{
  g_return_val_if_fail (PB_IS_REPLAY (self), NULL);
  return self->scenario;
}

PbLifecycle *
pb_replay_get_lifecycle (PbReplay *self)
{
  g_return_val_if_fail (PB_IS_REPLAY (self), NULL);
  return self->lifecycle;
}

const GError *
pb_replay_get_error (PbReplay *self)
{
  g_return_val_if_fail (PB_IS_REPLAY (self), NULL);
  return self->error;
}

static void
pb_replay_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbReplay *self = PB_REPLAY (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_LIFECYCLE:
      g_value_set_object (value, self->lifecycle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_replay_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SCENARIO:
      pb_replay_set_scenario (PB_REPLAY (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_replay_dispose (GObject *object)
{
  PbReplay *self = PB_REPLAY (object);

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_clear_object (&self->scenario);
  g_clear_object (&self->projection);
  g_clear_object (&self->lifecycle);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (pb_replay_parent_class)->dispose (object);
}

static void
pb_replay_class_init (PbReplayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_replay_dispose;
  object_class->get_property = pb_replay_get_property;
  object_class->set_property = pb_replay_set_property;
  properties[PROP_SCENARIO] = g_param_spec_object ("scenario", NULL, NULL, PB_TYPE_SCENARIO,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                   G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LIFECYCLE] = g_param_spec_object ("lifecycle", NULL, NULL, PB_TYPE_LIFECYCLE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                    G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_replay_init (PbReplay *self)
{
}
