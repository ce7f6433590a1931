/* pb-issue-view.h: one issue the model found, in words, with its fix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pb-pricing.h"

G_BEGIN_DECLS

#define PB_TYPE_ISSUE_VIEW (pb_issue_view_get_type ())
G_DECLARE_FINAL_TYPE (PbIssueView, pb_issue_view, PB, ISSUE_VIEW, GtkWidget)

GtkWidget          *pb_issue_view_new       (const PbQuoteIssue *issue,
                                             const char         *field,
                                             gboolean            fixable);
const PbQuoteIssue *pb_issue_view_get_issue (PbIssueView        *self);
const char         *pb_issue_view_get_text  (PbIssueView        *self);

G_END_DECLS
