/* ic-test-util.h: helpers shared by the test suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ic-report.h"

G_BEGIN_DECLS

/* The shared corpus folder (../shared/corpus), or NULL after marking the
 * test skipped with a message when it is absent. @sub may be NULL. */
char *ic_test_corpus_path (const char *sub) G_GNUC_WARN_UNUSED_RESULT;
/* A file of the project's own fixtures in tests/fixtures. */
char *ic_test_fixture_path (const char *name) G_GNUC_WARN_UNUSED_RESULT;
/* Folds whitespace, typographic quotes, dashes and hyphenation so that
 * texts can be compared as the corpus README says. */
char *ic_test_fold_text (const char *text) G_GNUC_WARN_UNUSED_RESULT;

/* Removes a temporary folder and everything in it (links are not followed). */
void  ic_test_remove_tree  (const char *path);

/* Translates @msgid as @msgstr from here on, as a catalogue of the
 * project's domain would (a .mo written in a temporary folder, the
 * locale C.UTF-8, LANGUAGE naming it); ic_test_translation_end() goes
 * back to the untranslated strings and removes the folder. */
char *ic_test_translation_begin (const char *msgid,
                                 const char *msgstr) G_GNUC_WARN_UNUSED_RESULT;
void  ic_test_translation_end   (char       *dir);

/* A test message that keeps TAP output UTF-8: invalid text is escaped. */
void        ic_test_note     (const char *text);

/* A list model of the given reports (NULL-terminated), taking their
 * references. */
GListModel *ic_test_model_of (IcReport *first,
                              ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;

/* A report of @authority ended on @end_iso (YYYY-MM-DD) whose
 * improvement items are @items (NULL-terminated), themed by the shipped
 * rules as the loader themes them. */
IcReport *ic_test_report_with_items (const char         *source,
                                     const char         *authority,
                                     const char         *end_iso,
                                     const char * const *items) G_GNUC_WARN_UNUSED_RESULT;

/* What one run of the command-line program gave. */
typedef struct
{
  int   status;  /* exit status; -1 when killed by a signal */
  char *out;
  char *err;
} IcTestRun;

void ic_test_run_clear (IcTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcTestRun, ic_test_run_clear)

/* Runs the built inspection-compare with @args (NULL-terminated) and no
 * display, so that nothing it is asked may open a window. @cwd: NULL for
 * the test's folder; @envp: NULL for the test's environment;
 * @child_setup: NULL, or run in the child before the program starts. */
void ic_test_run_program (IcTestRun            *run,
                          const char           *cwd,
                          char                **envp,
                          GSpawnChildSetupFunc  child_setup,
                          const char * const   *args);

/* The arguments from @first to a NULL, as a NULL-terminated array. */
GPtrArray *ic_test_collect_args (const char *first,
                                 va_list     args) G_GNUC_WARN_UNUSED_RESULT;

/* A PDF of @text in Helvetica, a page per form feed, a line per line (in
 * ASCII: see append_pdf_string()), ending with its cross-reference
 * table, trailer and "%%EOF". */
GBytes *ic_test_text_pdf         (const char *text) G_GNUC_WARN_UNUSED_RESULT;
/* A one-page PDF with a line of text, whose page draws form XObjects
 * nested @depth deep, each drawing the next @fan times: (10, 8) takes
 * MuPDF about half an hour (a PDF that hangs a reader); (1, 2000) is
 * nested deeper than MuPDF follows. */
GBytes *ic_test_nested_forms_pdf (guint fan,
                                  guint depth) G_GNUC_WARN_UNUSED_RESULT;
/* The same, whose innermost form shows 1,000 characters: (10, 5) makes
 * a text extractor keep 100 million characters, gigabytes. */
GBytes *ic_test_nested_text_pdf  (guint fan,
                                  guint depth) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
