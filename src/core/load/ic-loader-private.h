/* ic-loader-private.h: hooks for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-loader.h"

G_BEGIN_DECLS

/* Same signature as ic_parse_report(); called from worker threads. */
typedef IcReport *(*IcParseFunc) (const char          *source,
                                  const char * const  *pages,
                                  gboolean             from_pdf,
                                  GError             **error);

/* Replaces the parser, so the loading tests do not depend on how well
 * the parser reads a fixture. NULL restores ic_parse_report(). */
void _ic_loader_set_parse_func (IcLoader    *self,
                                IcParseFunc  parse);
/* How many pages the first pass of a PDF reads (0: PDFs are read in one
 * pass). No PDF is then read whole in its first pass unless
 * _ic_loader_set_whole_up_to() says so. */
void _ic_loader_set_first_pass (IcLoader    *self,
                                guint        n_pages);
/* A PDF of at most this many pages is read whole in its first pass. */
void _ic_loader_set_whole_up_to (IcLoader    *self,
                                 guint        n_pages);

G_END_DECLS
