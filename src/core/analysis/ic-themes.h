/* ic-themes.h: improvement items -> themes, by rules a user can read
 * and extend (data/themes.rules)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report.h"

G_BEGIN_DECLS

#define IC_THEME_RULES_ERROR (ic_theme_rules_error_quark ())

typedef enum
{
  IC_THEME_RULES_ERROR_INVALID,
} IcThemeRulesError;

#define IC_MAX_THEMES 3

/* Why a theme was given to an item: its score and the words of the item
 * that matched the theme's terms, in the item's order. */
typedef struct
{
  char   *theme;
  double  score;
  char  **triggers;
  char  **terms;  /* the rule terms that matched, parallel to triggers */
} IcThemeMatch;

#define IC_TYPE_THEME_MATCH (ic_theme_match_get_type ())
GType         ic_theme_match_get_type  (void);
IcThemeMatch *ic_theme_match_copy      (const IcThemeMatch *match);
void          ic_theme_match_free      (IcThemeMatch       *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcThemeMatch, ic_theme_match_free)

#define IC_TYPE_THEME_RULES (ic_theme_rules_get_type ())

G_DECLARE_FINAL_TYPE (IcThemeRules, ic_theme_rules, IC, THEME_RULES, GObject)

GQuark        ic_theme_rules_error_quark     (void);

IcThemeRules *ic_theme_rules_new_from_data   (const char    *data,
                                              gsize          length,
                                              const char    *origin,
                                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;
IcThemeRules *ic_theme_rules_new_from_file   (const char    *path,
                                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;
IcThemeRules *ic_theme_rules_new_shipped     (void) G_GNUC_WARN_UNUSED_RESULT;
IcThemeRules *ic_theme_rules_load_default    (GError       **error) G_GNUC_WARN_UNUSED_RESULT;
IcThemeRules *ic_theme_rules_get_default     (void);
char         *ic_theme_rules_get_user_path   (void) G_GNUC_WARN_UNUSED_RESULT;
const char   *ic_theme_rules_get_origin      (IcThemeRules  *self);
const char   *ic_theme_rules_get_digest      (IcThemeRules  *self);

guint         ic_theme_rules_get_n_themes    (IcThemeRules  *self);
const char   *ic_theme_rules_get_key         (IcThemeRules  *self,
                                              guint          position);
const char   *ic_theme_rules_get_label       (IcThemeRules  *self,
                                              const char    *key);

/* The search for a theme's items across reports (ic-search-index.h). */
char         *ic_theme_rules_get_query       (IcThemeRules  *self,
                                              const char    *key) G_GNUC_WARN_UNUSED_RESULT;
char        **ic_theme_rules_match           (IcThemeRules  *self,
                                              const char    *text) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray    *ic_theme_rules_explain         (IcThemeRules  *self,
                                              const char    *text) G_GNUC_WARN_UNUSED_RESULT;
void          ic_theme_rules_assign_report   (IcThemeRules  *self,
                                              IcReport      *report);

/* The fixed taxonomy of themes, in its order, whatever the rules say. */
const char * const *ic_theme_get_keys        (void);
gboolean            ic_theme_is_key          (const char    *key);
const char         *ic_theme_get_label       (const char    *key);

G_END_DECLS
