/* ic-parser-private.h: the pieces of the parser and what they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report-private.h"

G_BEGIN_DECLS

/* The grade words of every framework, for regular expressions on folded
 * text; _ic_parser_match_grade() reads them. */
#define IC_GRADE_WORDS "outstanding|good|inadequate|adequate|requires? improvement"

/* One line of report text after clean-up: running heads, page numbers and
 * footnotes removed, white space folded, typographic oddities mended. */
typedef struct
{
  char     *text;
  char     *folded;       /* lower case, for matching */
  guint     page;         /* 1-based PDF page, 0 for text files */
  gboolean  blank_before; /* a blank line (or page break) precedes it */
} IcLine;

typedef struct
{
  GArray           *lines;       /* of IcLine */
  IcReport         *report;
  IcInspectionType  type;
  guint             title_line;  /* index of the title's first line */
  guint             lscb_from;   /* lines from here on concern the LSCB (G_MAXUINT: none) */
  gboolean          from_pdf;
  gboolean          warned_long;  /* an overlong item has been reported */
  guint32           not_judged;   /* IC_AREA_BIT of areas printed "Not judged" */
} IcParse;

#define IC_LINE(parse, i) (&g_array_index ((parse)->lines, IcLine, (i)))

GArray  *_ic_parser_split_lines      (const char * const *pages,
                                      gboolean            from_pdf);
char    *_ic_parser_fold             (const char         *text) G_GNUC_WARN_UNUSED_RESULT;
char    *_ic_parser_join             (IcParse            *parse,
                                      guint               from,
                                      guint               to) G_GNUC_WARN_UNUSED_RESULT;
gboolean _ic_parser_match_grade      (const char         *folded,
                                      IcGrade            *grade,
                                      gsize              *start,
                                      gsize              *end);
gboolean _ic_parser_is_heading       (IcParse            *parse,
                                      guint               i);
void     _ic_parser_read_judgements  (IcParse            *parse);
void     _ic_parser_read_items       (IcParse            *parse);
void     _ic_parser_read_stated_previous (IcParse         *parse);
void     _ic_parser_add_note         (IcParse            *parse,
                                      const char         *text);
GRegex  *_ic_parser_regex            (GRegex            **slot,
                                      const char         *pattern,
                                      GRegexCompileFlags  flags);
GRegex  *_ic_parser_regex_for        (const char         *pattern);

G_END_DECLS
