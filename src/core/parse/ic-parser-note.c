/* ic-parser-note.c: what an improvement section says that is not an item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-parser"

#include "config.h"

#include "ic-parser-private.h"

/* "The areas for improvement identified at the last inspection remain."
 * is kept as the report's improvement note, as printed; a second such
 * statement follows the first. */
void
_ic_parser_add_note (IcParse    *parse,
                     const char *text)
{
  const char *before = ic_report_get_improvement_note (parse->report);
  g_autofree char *note = before ? g_strconcat (before, " ", text, NULL) : g_strdup (text);

  _ic_report_set_improvement_note (parse->report, note);
}
