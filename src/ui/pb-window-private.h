/* pb-window-private.h: what pb-window.c and pb-window-actions.c share, and
 * the hooks the tests use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pb-quote-document.h"
#include "pb-key-dates-view.h"
#include "pb-quote-wizard.h"
#include "pb-replay.h"
#include "pb-session.h"
#include "pb-simulator-page.h"
#include "pb-start-page.h"
#include "pb-timeline-state.h"
#include "pb-timeline-view.h"
#include "pb-window.h"

G_BEGIN_DECLS

typedef enum
{
  PB_BANNER_INFO,      /* something under way, or done: no alarm */
  PB_BANNER_WARNING,   /* something to look at */
  PB_BANNER_ERROR,     /* something failed: nothing was lost, but it needs a hand */
} PbBannerKind;

struct _PbWindow
{
  GtkApplicationWindow  parent_instance;

  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkRevealer          *banner_revealer;
  GtkImage             *banner_icon;
  GtkLabel             *banner_label;
  GtkButton            *banner_action;
  GtkStack             *main_stack;
  PbStartPage          *start_page;
  GtkStack             *views;
  /* The views are made when first needed (the wizard when a quote opens,
   * the others when first shown), so the first frame pays for none. */
  GtkBox               *quote_box;
  PbQuoteWizard        *wizard;
  GtkStackPage         *quote_page;
  GtkStack             *simulator_stack;
  GtkBox               *simulator_box;
  PbSimulatorPage      *simulator;
  GtkBox               *timeline_box;
  GtkLabel             *timeline_title;
  GtkLabel             *timeline_description;
  PbTimelineView       *timeline;
  GtkToggleButton      *key_dates_toggle;
  PbKeyDatesView       *key_dates;        /* beside the timeline, made with it */
  PbTimelineState      *timeline_state;   /* shared by the timeline and the simulator */
  PbReplay             *replay;           /* the scenario or the quote's projection, replayed
                                           * once for the timeline and the simulator */
  /* A new scenario in the replay still to be zoomed to fit, and to be
   * shown as of its first instant. */
  gboolean              needs_fit;
  gboolean              needs_first_instant;
  gboolean              projection_stale; /* the quote changed since it was last projected */
  GtkWidget            *help_overlay;     /* made when first asked for */
  gboolean              release_after_paint;
  gboolean              was_narrow;       /* the width was below NARROW_WIDTH */

  GSettings            *settings;
  PbSession            *session;
  PbDocument           *document;         /* NULL: the start page */
  GCancellable         *cancellable;      /* saves and exports under way */

  /* The banner: what it reports, and what its button does. */
  PbBannerKind          banner_kind;
  GCallback             banner_callback;
  /* The projection's own banner, to take back once the quote can be shown. */
  gboolean              banner_from_projection;
};

/* pb-window-actions.c */
void        _pb_window_class_actions_init (GtkWidgetClass *widget_class);
void        _pb_window_update_actions     (PbWindow       *self);

/* pb-window.c, for the actions */
typedef void (*PbWindowContinuation) (PbWindow *self, gpointer data);

/* Runs @then once the document's unsaved changes were saved or given up
 * (at once when there are none); never when the user cancels.  @data is
 * freed with @destroy afterwards either way. */
void        _pb_window_confirm            (PbWindow             *self,
                                           PbWindowContinuation  then,
                                           gpointer              data,
                                           GDestroyNotify        destroy);
void        _pb_window_show_banner_full   (PbWindow             *self,
                                           PbBannerKind          kind,
                                           const char           *message,
                                           const char           *action_label,
                                           GCallback             action);
char       *_pb_window_take_quote_number  (PbWindow             *self);
/* Save As to @file, as if it had been chosen. */
void        _pb_window_save_to_async      (PbWindow             *self,
                                           GFile                *file,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
void        _pb_window_new_quote          (PbWindow             *self);
/* A new quote from a customer's account as of @at, shown in this window
 * when it shows nothing, else in a new one (returned). */
PbWindow   *_pb_window_quote_from_account (PbWindow             *self,
                                           PbScenario           *account,
                                           PbInstant             at);
void        _pb_window_open_sample        (PbWindow             *self,
                                           const char           *name);
/* The quote laid out as a document (the customer's copy, or with
 * PB_QUOTE_DOCUMENT_INTERNAL the seller's), or NULL with a banner. */
PbQuoteDocument *_pb_window_make_quote_document (PbWindow *self,
                                                 PbQuoteDocumentFlags flags);
/* Exports the quote's PDF and opens a message with it in the user's mail
 * program (issue 17, item 8). */
void        _pb_window_send               (PbWindow             *self);
/* Asks first when the quote lacks a customer's name or items. */
void        _pb_window_export_pdf         (PbWindow             *self,
                                           const char           *path,
                                           PbQuoteDocumentFlags  flags);
void        _pb_window_restore            (PbWindow             *self);
PbTimelineView *_pb_window_ensure_timeline (PbWindow            *self);
/* The key dates from the as-of instant on, as an .ics file at @path;
 * @open hands it to the user's calendar application. */
gboolean    _pb_window_add_to_calendar    (PbWindow             *self,
                                           const char           *path,
                                           gboolean              open);

/* Test hooks */
PbQuote        *pb_window_get_quote      (PbWindow       *self);
PbScenario     *pb_window_get_scenario   (PbWindow       *self);
gboolean        pb_window_get_dirty      (PbWindow       *self);
PbTimelineView *pb_window_get_timeline   (PbWindow       *self);
void            pb_window_show_banner    (PbWindow       *self,
                                          const char     *message);
void            pb_window_dismiss_banner (PbWindow       *self);
const char     *pb_window_get_banner     (PbWindow       *self);
PbBannerKind    pb_window_get_banner_kind (PbWindow      *self);
/* Restores what ended processes left, as "Restore" does. */
gboolean        pb_window_restore        (PbWindow       *self,
                                          GError        **error);
void            pb_window_export_pdf     (PbWindow       *self,
                                          const char     *path);
/* Writes the session's pending copies now. */
void            pb_window_autosave_now   (PbWindow       *self);

G_END_DECLS
