/* ic-pages-private.h: blocks of text and the pages they are cut into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-chart-private.h"
#include "ic-pages.h"

G_BEGIN_DECLS

#define IC_PAGE_MARGIN      42.52   /* 15 mm */
#define IC_PAGE_FOOTER      40.0    /* below the content: rule, footer line */
#define IC_PAGE_TITLE_SIZE  15.0
#define IC_PAGE_BODY_SIZE   9.0
#define IC_PAGE_SMALL_SIZE  7.5
#define IC_PAGE_CONTENTS_LINE 15.0
#define IC_PAGE_NOTES_GAP   6.0     /* between a table and its footnotes */

typedef enum
{
  BLOCK_TEXT,
  BLOCK_GRADE,  /* an area label and its grade cell */
  BLOCK_ROW,    /* a row of a table */
  BLOCK_PART,   /* the lines of a TEXT block taller than a page that fit on one */
} BlockKind;

typedef struct _Block
{
  BlockKind      kind;
  char          *markup;          /* TEXT; GRADE: the area label */
  double         size;
  IcTextFlags    flags;
  IcPaletteRole  role;
  double         indent;
  double         space_before;
  IcGrade        grade;           /* GRADE */
  char         **cells;           /* ROW: markup per column */
  const double  *columns;         /* ROW: column starts as fractions, and 1.0 */
  gboolean       header;          /* ROW: repeated at the top of a new page */
  int            table_header;    /* ROW: index of its header, or -1; TEXT: of
                                   * the heading a new page starts with */
  gboolean       repeat_only;     /* such a heading, drawn only on a new page */
  char          *dest;
  gboolean       page_break;
  gboolean       keep_with_next;
  double         height;          /* measured at the content width */
  /* The layouts measured, one per cell (one for TEXT and GRADE), kept
   * for drawing: laying the text out again doubled the pack's time. */
  GPtrArray     *layouts;
  double         layout_width;    /* the content width they were made for */
  /* PART: the whole block (borrowed) and where this part starts in it;
   * its lines from there down to `height` are drawn. */
  struct _Block *whole;
  double         part_top;
} Block;

/* @block's layout number @i if it was made for @width, else NULL. */
PangoLayout *_ic_pages_block_layout (Block  *block,
                                     guint   i,
                                     double  width);

typedef enum
{
  PAGE_COVER,
  PAGE_CONTENTS,
  PAGE_MATRIX,
  PAGE_CHARTS,
  PAGE_FLOW,
} PageKind;

typedef struct
{
  PageKind  kind;
  gboolean  landscape;
  guint     first;       /* MATRIX: rows; CONTENTS: entries */
  guint     n;
  IcChart  *charts[2];   /* CHARTS: borrowed */
  GArray   *blocks;      /* FLOW: guint indices into IcPages.blocks */
  gboolean  continued;
} Page;

struct _IcPages
{
  grefcount       ref_count;
  double          width;        /* portrait */
  double          height;
  char           *title;
  char           *filters;      /* the filters in force, in one line */
  char           *evidence;     /* the query of the Evidence section, or NULL */
  gboolean        summary;      /* the short pack */
  IcPagesView     view;         /* a print of one view: its pages alone */
  GDate           as_at;
  GPtrArray      *reports;      /* IcReport, by authority then date */
  GPtrArray      *failures;     /* IcFailure */
  GPtrArray      *links;        /* IcChartLink */
  GListModel     *all_reports;  /* nullable: every loaded report, IcReport */
  GHashTable     *item_times;   /* nullable: the marks' counts of @links, by item */
  IcChart        *matrix;
  IcChart        *timeline;
  IcChart        *charts[4];    /* grades, themes, history, years */
  IcMatrixLayout *matrix_layout;
  GPtrArray      *blocks;       /* Block */
  GArray         *pages;        /* Page */
  GArray         *entries;      /* IcPagesEntry */
  GStringChunk   *strings;
  GHashTable     *dest_pages;   /* dest -> page + 1 */
  GCancellable   *cancellable;  /* stops the layout between steps, or NULL */
};

gboolean _ic_pages_is_cancelled   (IcPages *pages);
/* ic-pages-draw.c: the matrix page's title, on its first page or after. */
const char *_ic_pages_matrix_title (IcPages  *pages,
                                    gboolean  continued);

/* ic-pages-sections.c: the text sections as blocks. */
void    _ic_pages_add_recurring   (IcPages *pages);
void    _ic_pages_add_authorities (IcPages *pages);
void    _ic_pages_add_sources     (IcPages *pages);
void    _ic_pages_add_evidence    (IcPages *pages);
/* The summary pack's shorter forms of the two. */
void    _ic_pages_add_recurring_summary (IcPages *pages);
void    _ic_pages_add_sources_summary   (IcPages *pages);
Block  *_ic_pages_add_text        (IcPages     *pages,
                                   double       size,
                                   IcTextFlags  flags,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (4, 5);
void    _ic_pages_add_entry       (IcPages     *pages,
                                   const char  *title,
                                   const char  *dest,
                                   guint        level);

G_END_DECLS
