/* ic-cli.c: load the given folders and write the requested exports
 *
 * This path never initialises GTK: it runs with no display at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "ic-atomic-file.h"
#include "ic-changes.h"
#include "ic-chart-links.h"
#include "ic-cli.h"
#include "ic-csv.h"
#include "ic-failure.h"
#include "ic-filter-spec.h"
#include "ic-json.h"
#include "ic-json-export.h"
#include "ic-output-path.h"
#include "ic-pack.h"
#include "ic-recurrence.h"
#include "ic-search-index.h"
#include "ic-session.h"
#include "ic-terminal.h"

enum {
  EXIT_OK = 0,
  EXIT_OUTPUT = 1,
  EXIT_USAGE = 2,
  /* As a shell reports a program ended by Ctrl+C (128 + SIGINT). */
  EXIT_INTERRUPTED = 130,
};

typedef struct
{
  char  *json;
  char  *csv;
  char  *improvements_csv;
  char  *pdf;
  char  *render;
  char  *output;
  char  *pack;
  char  *search;
  char  *search_csv;
  IcSearchQuery *query;
  char **paths;
  /* Filters, checked into @spec before loading. */
  char **authorities;
  char  *region;
  char  *peers_of;
  char **types;
  char  *from;
  char  *to;
  gboolean latest;
  gboolean reload;
  IcFilterSpec *spec;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->json);
  g_free (options->csv);
  g_free (options->improvements_csv);
  g_free (options->pdf);
  g_free (options->render);
  g_free (options->output);
  g_free (options->pack);
  g_free (options->search);
  g_free (options->search_csv);
  g_clear_pointer (&options->query, ic_search_query_free);
  g_strfreev (options->paths);
  g_strfreev (options->authorities);
  g_free (options->region);
  g_free (options->peers_of);
  g_strfreev (options->types);
  g_free (options->from);
  g_free (options->to);
  g_clear_object (&options->spec);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* One line on standard error: names in it are escaped, so a file name
 * can neither forge a line nor drive the terminal. */
static void
print_error (const char *message)
{
  g_autofree char *escaped = ic_terminal_escape (message);

  g_printerr ("inspection-compare: %s\n", escaped);
}

/* Every file this run writes, so each is checked alike: pairs of option
 * name and path, for the options given. */
static GPtrArray *
output_paths (Options *options)
{
  GPtrArray *paths = g_ptr_array_new ();
  const char *all[] = {
    "--export-json", options->json,
    "--export-csv", options->csv,
    "--export-improvements-csv", options->improvements_csv,
    "--export-pdf", options->pdf,
    "--export-search-csv", options->search_csv,
    "--output", options->output,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i += 2)
    if (all[i + 1] != NULL)
      {
        g_ptr_array_add (paths, (gpointer) all[i]);
        g_ptr_array_add (paths, (gpointer) all[i + 1]);
      }
  return paths;
}

/**
 * ic_cli_wants_headless:
 *
 * Whether the command line has any option: the window takes only folders
 * and files, so every option (an export, --help, or one that does not
 * exist) is the command line's to handle, with no window and no display.
 */
gboolean
ic_cli_wants_headless (int    argc,
                       char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        return TRUE;
    }
  return FALSE;
}

/* "matrix, timeline, … or years": every name --render takes. */
static char *
chart_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < IC_N_CHART_KINDS; i++)
    {
      if (i > 0)
        g_string_append (names, i + 1 < IC_N_CHART_KINDS ? ", " : _(" or "));
      g_string_append (names, ic_chart_kind_to_name (i));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* What --help prints below the options. */
#define HELP_DESCRIPTION \
  N_("With no option, the window opens on the given folders and files (file:// URIs too).\n" \
     "\n" \
     "Exit status:\n" \
     "  0  every output was written (files that could not be read are listed on\n" \
     "     standard error and under \"failures\" in the JSON)\n" \
     "  1  an output could not be written\n" \
     "  2  usage error: an unknown option, a path that does not exist, no input\n" \
     "  130  interrupted (Ctrl+C) while writing: an output not yet whole was not\n" \
     "     written, and an earlier file of its name is as it was")

/* The options that hold one value, and where each is kept. GOption
 * would keep the last of two silently, so that one of two outputs asked
 * for (--export-json=a --export-json=b) would not be written while the
 * run said all were: each is set through set_once_cb() instead. */
static const struct
{
  const char *name;
  gsize       offset;
} once_options[] = {
  { "--export-json", G_STRUCT_OFFSET (Options, json) },
  { "--export-csv", G_STRUCT_OFFSET (Options, csv) },
  { "--export-improvements-csv", G_STRUCT_OFFSET (Options, improvements_csv) },
  { "--export-pdf", G_STRUCT_OFFSET (Options, pdf) },
  { "--render", G_STRUCT_OFFSET (Options, render) },
  { "--output", G_STRUCT_OFFSET (Options, output) },
  { "--pack", G_STRUCT_OFFSET (Options, pack) },
  { "--search", G_STRUCT_OFFSET (Options, search) },
  { "--export-search-csv", G_STRUCT_OFFSET (Options, search_csv) },
  { "--region", G_STRUCT_OFFSET (Options, region) },
  { "--peers-of", G_STRUCT_OFFSET (Options, peers_of) },
  { "--from", G_STRUCT_OFFSET (Options, from) },
  { "--to", G_STRUCT_OFFSET (Options, to) },
};

static char **
once_option_field (Options    *options,
                   const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (once_options); i++)
    if (g_str_equal (once_options[i].name, name))
      return G_STRUCT_MEMBER_P (options, once_options[i].offset);
  g_assert_not_reached ();
}

/* The same value twice is harmless (a script that adds --pack=summary
 * to a line that has it); two values are a usage error, not a guess. */
static gboolean
set_once_cb (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  char **field = once_option_field (data, option_name);

  if (*field != NULL && !g_str_equal (*field, value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s is given twice (“%s” and “%s”): give it once"), option_name, *field, value);
      return FALSE;
    }
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* A name, query or key in the system's encoding, as UTF-8. GOption's own
 * conversion failed with "Invalid byte sequence in conversion input",
 * naming neither the option nor the value. */
static char *
text_of_argument (const char  *option_name,
                  const char  *value,
                  GError     **error)
{
  char *text = g_locale_to_utf8 (value, -1, NULL, NULL, NULL);

  if (text == NULL)
    {
      g_autofree char *shown = g_filename_display_name (value);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not text in this system's encoding"), option_name, shown);
    }
  return text;
}

static gboolean
set_once_text_cb (const char  *option_name,
                  const char  *value,
                  gpointer     data,
                  GError     **error)
{
  g_autofree char *text = text_of_argument (option_name, value, error);

  return text != NULL && set_once_cb (option_name, text, data, error);
}

/* --authority and --type, which repeat. */
static gboolean
add_text_cb (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  Options *options = data;
  char ***list = g_str_equal (option_name, "--type") ? &options->types : &options->authorities;
  char *text = text_of_argument (option_name, value, error);
  guint n = *list != NULL ? g_strv_length (*list) : 0;

  if (text == NULL)
    return FALSE;
  *list = g_renew (char *, *list, n + 2);
  (*list)[n] = text;
  (*list)[n + 1] = NULL;
  return TRUE;
}

/* An option of one value: a file name (no conversion) or text. Every
 * value comes as given (FILENAME), text being converted here. */
#define ONCE_FILE(name, help, arg) \
  { name, 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) set_once_cb, help, arg }
#define ONCE_STRING(name, help, arg) \
  { name, 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) set_once_text_cb, help, arg }
#define REPEATED_STRING(name, help, arg) \
  { name, 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) add_text_cb, help, arg }

/* These entries are the whole command line: --help prints them, so an
 * option is listed exactly when it is parsed. */
static gboolean
parse_options (Options  *options,
               int       argc,
               char    **argv,
               GError  **error)
{
  g_autofree char *names = chart_names ();
  g_autofree char *render_help = g_strdup_printf (_("Draw one chart with --output: %s"), names);
  const GOptionEntry entries[] = {
    ONCE_FILE ("export-json", N_("Write the whole model as JSON (- for standard output)"), N_("FILE")),
    ONCE_FILE ("export-csv", N_("Write the judgement matrix as CSV"), N_("FILE")),
    ONCE_FILE ("export-improvements-csv", N_("Write one CSV row per improvement item"), N_("FILE")),
    ONCE_FILE ("export-pdf", N_("Write the meeting summary pack (A4 PDF; - for standard output)"), N_("FILE")),
    ONCE_STRING ("render", render_help, N_("CHART")),
    ONCE_FILE ("output", N_("Where --render writes (.png, .svg or .pdf)"), N_("FILE")),
    ONCE_STRING ("pack",
                 N_("Which pack --export-pdf writes: full (the default) or summary (a short pack for a board)"),
                 N_("full|summary")),
    ONCE_STRING ("search",
                 N_("Find every passage of the reports' text that matches: words (stemmed) or \"quoted phrases\""),
                 N_("QUERY")),
    ONCE_FILE ("export-search-csv",
               N_("Write one CSV row per passage --search finds (with --export-pdf: an Evidence section)"),
               N_("FILE")),
    REPEATED_STRING ("authority",
                     N_("Only this authority's reports (repeatable; any name the authority table knows)"),
                     N_("NAME")),
    ONCE_STRING ("region", N_("Only authorities of this English region (e.g. London, North West)"), N_("NAME")),
    ONCE_STRING ("peers-of", N_("Only this authority and its statistical neighbours"), N_("NAME")),
    REPEATED_STRING ("type", N_("Only reports of this type (repeatable): ilacs, focused_visit, sif…"),
                     N_("KEY")),
    ONCE_STRING ("from", N_("Only reports whose fieldwork ended in or after this year"), N_("YEAR")),
    ONCE_STRING ("to", N_("Only reports whose fieldwork ended in or before this year"), N_("YEAR")),
    { "latest", 0, 0, G_OPTION_ARG_NONE, &options->latest,
      N_("Only each authority's latest graded report"), NULL },
    { "reload", 0, 0, G_OPTION_ARG_NONE, &options->reload,
      N_("Read again the PDFs the text extractor crashed or hung on, as the window's Reload does"),
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->paths, NULL,
      N_("[FOLDER|FILE…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  GOptionGroup *group = g_option_group_new (NULL, NULL, NULL, options, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, group);
  g_option_context_set_summary (context, _("Compare Ofsted inspection reports of children's services."));
  g_option_context_set_description (context, _(HELP_DESCRIPTION));
  g_option_context_set_help_enabled (context, TRUE);
  return g_option_context_parse (context, &argc, &argv, error);
}

/* No output may be an input, lie inside a folder being read, be empty or
 * repeat another output. Checked before loading on the paths given, and
 * again after it (@store) on every file read, which catches a report
 * reached through a link. */
static gboolean
check_outputs (Options        *options,
               IcReportStore  *store,
               GError        **error)
{
  g_autoptr(IcOutputGuard) guard = ic_output_guard_new ();
  g_autoptr(GPtrArray) outputs = output_paths (options);

  for (guint i = 0; options->paths[i] != NULL; i++)
    {
      /* A URI (file://…) as well as a path. */
      g_autoptr(GFile) input = g_file_new_for_commandline_arg (options->paths[i]);
      g_autofree char *path = g_file_get_path (input);

      if (path != NULL)
        ic_output_guard_add_input (guard, path);
    }
  if (store != NULL)
    ic_output_guard_add_loaded (guard, G_LIST_MODEL (store), ic_report_store_get_failures (store));

  for (guint i = 0; i < outputs->len; i += 2)
    {
      const char *option = g_ptr_array_index (outputs, i);
      const char *path = g_ptr_array_index (outputs, i + 1);

      if (path[0] == '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s needs a file name (or - for standard output)"), option);
          return FALSE;
        }
      if (!ic_output_guard_add_output (guard, path, error))
        return FALSE;
    }
  return TRUE;
}

/* A path or a URI (file://…, as a file manager gives), as the window
 * takes them. */
static gboolean
path_exists (const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);

  return g_file_query_exists (file, NULL);
}

static gboolean
wants_output (Options *options)
{
  return options->json != NULL || options->csv != NULL || options->improvements_csv != NULL ||
         options->search_csv != NULL || options->pdf != NULL || options->render != NULL || options->output != NULL;
}

/* --from or --to: 0 when not given, as the filter takes it. */
static gboolean
parse_year (const char  *option,
            const char  *text,
            int         *year,
            GError     **error)
{
  gint64 value = 0;

  if (text != NULL && !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a year"), option, text);
      return FALSE;
    }
  if (value < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s: a year cannot be negative"), option);
      return FALSE;
    }
  *year = value;
  return TRUE;
}

/* The filter takes a blank name as "no filter", as the window clears
 * one; given on the command line (--region="$UNSET") it names nothing
 * known, and every region's reports would be exported as if filtered. */
static gboolean
check_named (const char  *option,
             const char  *name,
             GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : "x"));

  if (stripped[0] != '\0')
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s needs a name: “%s” names nothing"), option, name);
  return FALSE;
}

/* Every filter option into one spec; a name nothing knows is an error. */
static gboolean
check_filters (Options  *options,
               GError  **error)
{
  IcFilterSpec *spec = options->spec = ic_filter_spec_new ();
  int from_year, to_year;

  for (guint i = 0; options->authorities != NULL && options->authorities[i] != NULL; i++)
    if (!ic_filter_spec_add_authority (spec, options->authorities[i], error))
      return FALSE;
  for (guint i = 0; options->types != NULL && options->types[i] != NULL; i++)
    if (!ic_filter_spec_add_type (spec, options->types[i], error))
      return FALSE;
  if (!check_named ("--region", options->region, error) ||
      !check_named ("--peers-of", options->peers_of, error) ||
      !ic_filter_spec_set_region (spec, options->region, error) ||
      !ic_filter_spec_set_peers_of (spec, options->peers_of, error))
    return FALSE;
  if (!parse_year ("--from", options->from, &from_year, error) ||
      !parse_year ("--to", options->to, &to_year, error))
    return FALSE;
  ic_filter_spec_set_from_year (spec, from_year);
  ic_filter_spec_set_to_year (spec, to_year);
  ic_filter_spec_set_latest (spec, options->latest);
  return ic_filter_spec_check (spec, error);
}

/* --search goes with --export-search-csv (the hits) or --export-pdf (an
 * Evidence section), and needs a word to look for. */
static gboolean
check_search (Options  *options,
              GError  **error)
{
  if (options->search_csv != NULL && options->search == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--export-search-csv needs --search=QUERY"));
      return FALSE;
    }
  if (options->search == NULL)
    return TRUE;
  if (options->search_csv == NULL && options->pdf == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--search needs --export-search-csv or --export-pdf"));
      return FALSE;
    }
  options->query = ic_search_query_new (options->search);
  if (options->query == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--search: “%s” has no word to look for"), options->search);
      return FALSE;
    }
  return TRUE;
}

/* Every input exists. */
static gboolean
check_paths (char   **paths,
             GError **error)
{
  /* GIO takes "" for the current folder: a script's unset "$DIR" would
   * read whatever folder it runs in, all of it. */
  for (guint i = 0; paths[i] != NULL; i++)
    if (paths[i][0] == '\0')
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("an empty argument (\"\") names no file or folder"));
        return FALSE;
      }
    else if (!path_exists (paths[i]))
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("%s: no such file or folder"), paths[i]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_usage (Options  *options,
             GError  **error)
{
  if (options->paths == NULL || options->paths[0] == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("no input: give folders or files of reports"));
      return FALSE;
    }

  if (!check_search (options, error))
    return FALSE;

  if (!wants_output (options))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("nothing to write: give an --export option or --render (see --help)"));
      return FALSE;
    }

  if ((options->render != NULL) != (options->output != NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--render and --output go together"));
      return FALSE;
    }

  /* As --search without an output for it: the pack asked for would not
   * be written while the run said every output was. */
  if (options->pack != NULL && options->pdf == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--pack needs --export-pdf=FILE"));
      return FALSE;
    }

  if (options->pack != NULL && g_strcmp0 (options->pack, "full") != 0 &&
      g_strcmp0 (options->pack, "summary") != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown pack “%s”: use full or summary"), options->pack);
      return FALSE;
    }

  if (options->render != NULL)
    {
      IcChartKind kind;

      if (!ic_chart_kind_from_name (options->render, &kind))
        {
          g_autofree char *names = chart_names ();

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("unknown chart “%s”: use %s"), options->render, names);
          return FALSE;
        }
      g_autofree char *lower = g_ascii_strdown (options->output, -1);

      if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") &&
          !g_str_has_suffix (lower, ".pdf"))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s: the chart's file name must end in .png, .svg or .pdf"), options->output);
          return FALSE;
        }
    }

  return check_paths (options->paths, error) && check_filters (options, error) &&
         check_outputs (options, NULL, error);
}

/* A report read from a damaged file is loaded, but said to be on
 * standard error as a failure is: its data may lack pages. */
static void
print_damaged (GListModel *reports)
{
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      IcDamage damage = ic_report_get_damage (report);
      g_autofree char *line = NULL;
      g_autofree char *escaped = NULL;

      if (damage == IC_DAMAGE_NONE)
        continue;
      line = g_strdup_printf (_("%s: %s; what could be read of it is loaded"),
                              ic_report_get_source (report), _(ic_damage_get_reason (damage)));
      escaped = ic_terminal_escape (line);
      g_printerr ("%s\n", escaped);
    }
}

static gboolean
load_paths (IcSession  *session,
            char      **paths,
            GError    **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *failures = ic_report_store_get_failures (ic_session_get_store (session));

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  if (!ic_session_open_sync (session, (GFile **)files->pdata, files->len, NULL, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (failures); i++)
    {
      g_autoptr(IcFailure) failure = g_list_model_get_item (failures, i);

      g_autofree char *line = g_strdup_printf ("%s: %s", ic_failure_get_source (failure),
                                               ic_failure_get_display_reason (failure));
      g_autofree char *escaped = ic_terminal_escape (line);

      g_printerr ("%s\n", escaped);
    }
  print_damaged (G_LIST_MODEL (ic_session_get_store (session)));

  return TRUE;
}

static gboolean
write_stdout (const char  *contents,
              GError     **error)
{
  gsize len = strlen (contents);

  if (fwrite (contents, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      int saved = errno;
      g_autofree char *reason = ic_output_error_reason (saved);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("standard output: cannot write: %s"), reason);
      return FALSE;
    }
  return TRUE;
}


/* What the filters keep: every output shows these reports, and the
 * recurrences that end in one of them. */
typedef struct
{
  GListModel *reports;
  GListModel *failures;
  GListModel *all;      /* every loaded report, where recurrences and changes are found */
  GPtrArray  *found;    /* every recurrence among all; NULL until asked for */
} Selection;

static void
selection_clear (Selection *selection)
{
  g_clear_object (&selection->reports);
  g_clear_object (&selection->all);
  g_clear_pointer (&selection->found, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Selection, selection_clear)

static void
select_reports (Selection     *selection,
                IcFilterSpec  *spec,
                IcReportStore *store)
{
  selection->reports = ic_filter_spec_select (spec, G_LIST_MODEL (store));
  selection->failures = ic_report_store_get_failures (store);
  selection->all = g_object_ref (G_LIST_MODEL (store));
}

/* Finding recurrences is the costliest analysis of a warm run: it is
 * done once, and only when an output shows them. */
static GPtrArray *
selection_get_found (Selection *selection)
{
  if (selection->found == NULL)
    selection->found = ic_find_recurrences (selection->all);
  return selection->found;
}

/* The joins of the recurrences ending in a kept report, each mark
 * saying its whole chain's count among every loaded report (README,
 * "Recurrences"), not only that of the recurrences kept. */
static GPtrArray *
selection_get_links (Selection *selection)
{
  return ic_chart_links_of_selection (selection_get_found (selection), selection->reports);
}

static char *
json_document (Selection *selection)
{
  g_autoptr(JsonNode) root = ic_changes_export_document_found (selection->all, selection->reports,
                                                               selection->failures,
                                                               selection_get_found (selection));
  g_autofree char *text = ic_json_to_string (root);

  return g_strconcat (text, "\n", NULL);
}

typedef enum
{
  TEXT_JSON,
  TEXT_SEARCH_CSV,
  TEXT_MATRIX_CSV,
  TEXT_IMPROVEMENTS_CSV,
} TextOutput;

/* For standard output ("-"), written in one piece. */
static char *
text_output_contents (TextOutput  kind,
                      Options    *options,
                      Selection  *selection)
{
  g_autoptr(GArray) hits = NULL;

  switch (kind)
    {
    case TEXT_JSON:
      return json_document (selection);
    case TEXT_SEARCH_CSV:
      hits = ic_search_run (selection->reports, options->query);
      return ic_csv_search (hits, options->query);
    case TEXT_MATRIX_CSV:
      return ic_csv_matrix (selection->reports);
    case TEXT_IMPROVEMENTS_CSV:
    default:
      return ic_csv_improvements (selection->reports);
    }
}

/* For a file: written step by step, and stopped (leaving any earlier
 * file) by @progress's cancellable, which Ctrl+C cancels. */
static gboolean
write_text_file (TextOutput         kind,
                 const char        *path,
                 Options           *options,
                 Selection         *selection,
                 const IcProgress  *progress,
                 GError           **error)
{
  g_autoptr(GArray) hits = NULL;

  switch (kind)
    {
    case TEXT_JSON:
      return ic_json_export_write (selection->all, selection->reports, selection->failures,
                                   selection_get_found (selection), IC_JSON_EXPORT_FINAL_NEWLINE,
                                   path, progress, error);
    case TEXT_SEARCH_CSV:
      hits = ic_search_run (selection->reports, options->query);
      return ic_csv_write_search (hits, options->query, path, progress, error);
    case TEXT_MATRIX_CSV:
      return ic_csv_write_matrix (selection->reports, path, progress, error);
    case TEXT_IMPROVEMENTS_CSV:
    default:
      return ic_csv_write_improvements (selection->reports, path, progress, error);
    }
}

/* "-" is standard output; a file is written whole or not at all. */
static gboolean
write_text_output (TextOutput         kind,
                   const char        *path,
                   Options           *options,
                   Selection         *selection,
                   const IcProgress  *progress,
                   GError           **error)
{
  g_autofree char *contents = NULL;

  if (g_strcmp0 (path, "-") != 0)
    return write_text_file (kind, path, options, selection, progress, error);
  contents = text_output_contents (kind, options, selection);
  return write_stdout (contents, error);
}

/* A Cancel is not an output's failure: it is said once, for all. */
static gboolean
report_output_error (GError *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    print_error (error->message);
  return FALSE;
}

static gboolean
write_text_outputs (Options           *options,
                    Selection         *selection,
                    const IcProgress  *progress)
{
  gboolean ok = TRUE;
  struct {
    const char *path;
    TextOutput  kind;
  } outputs[] = {
    { options->json, TEXT_JSON },
    { options->search_csv, TEXT_SEARCH_CSV },
    { options->csv, TEXT_MATRIX_CSV },
    { options->improvements_csv, TEXT_IMPROVEMENTS_CSV },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autoptr(GError) error = NULL;

      if (outputs[i].path != NULL &&
          !write_text_output (outputs[i].kind, outputs[i].path, options, selection, progress, &error))
        ok = report_output_error (error);
    }

  return ok;
}

static gboolean
write_pack (Options           *options,
            Selection         *selection,
            const IcProgress  *progress,
            GError           **error)
{
  g_autoptr(GPtrArray) links = selection_get_links (selection);
  g_autofree char *filters = ic_filter_spec_describe (options->spec);
  IcPackOptions pack = {
    .recurrences = links,
    .all_reports = selection->all,
    .filters = filters,
    .summary = g_strcmp0 (options->pack, "summary") == 0,
    .evidence = options->search,
    .cancellable = progress->cancellable,
    .progress = progress->progress,
    .progress_data = progress->progress_data,
  };

  return ic_pack_export_pdf (selection->reports, selection->failures, &pack, options->pdf, error);
}

static gboolean
write_chart (Options    *options,
             Selection  *selection,
             GError    **error)
{
  g_autoptr(IcChart) chart = NULL;
  g_autoptr(GPtrArray) links = NULL;
  IcChartKind kind;

  /* The name was checked before loading (check_usage()): a failure here
   * is a bug, which returning FALSE with no error would hide. */
  if (!ic_chart_kind_from_name (options->render, &kind))
    g_assert_not_reached ();

  chart = ic_chart_new (kind, selection->reports, NULL);
  links = selection_get_links (selection);
  ic_chart_set_recurrences (chart, links);
  return ic_chart_export_full (chart, options->output, error);
}

/* Ctrl+C (or a kill) while the outputs are written cancels them through
 * one cancellable, so the output being written is dropped whole (its
 * temporary file removed, an earlier file of its name kept) instead of
 * the process dying with a temporary file left beside it. The signal is
 * heard on a thread of its own: the exports run on the main thread. A
 * second Ctrl+C ends the program at once (the handler is gone). */
typedef struct
{
  GCancellable *cancellable;
  GMainContext *context;
  GSource      *sources[2];
  GThread      *thread;
  gint          stop;      /* atomic */
} Interrupt;

static const int interrupt_signals[] = { SIGINT, SIGTERM };

static gboolean
interrupted_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static gpointer
interrupt_thread (gpointer data)
{
  Interrupt *interrupt = data;

  /* Not a GMainLoop: a quit asked before the loop ran would be lost
   * and the join would wait for ever. A wake-up is kept until seen. */
  g_main_context_push_thread_default (interrupt->context);
  while (!g_atomic_int_get (&interrupt->stop))
    g_main_context_iteration (interrupt->context, TRUE);
  g_main_context_pop_thread_default (interrupt->context);
  return NULL;
}

static void
interrupt_start (Interrupt *interrupt)
{
  interrupt->cancellable = g_cancellable_new ();
  interrupt->context = g_main_context_new ();
  for (guint i = 0; i < G_N_ELEMENTS (interrupt_signals); i++)
    {
      interrupt->sources[i] = g_unix_signal_source_new (interrupt_signals[i]);
      g_source_set_callback (interrupt->sources[i], interrupted_cb, interrupt->cancellable, NULL);
      g_source_attach (interrupt->sources[i], interrupt->context);
    }
  interrupt->thread = g_thread_new ("ic-interrupt", interrupt_thread, interrupt);
}

/* Destroying the sources gives the signals back their default action. */
static void
interrupt_stop (Interrupt *interrupt)
{
  g_atomic_int_set (&interrupt->stop, 1);
  g_main_context_wakeup (interrupt->context);
  g_thread_join (interrupt->thread);
  for (guint i = 0; i < G_N_ELEMENTS (interrupt_signals); i++)
    {
      g_source_destroy (interrupt->sources[i]);
      g_source_unref (interrupt->sources[i]);
    }
  g_main_context_unref (interrupt->context);
  g_object_unref (interrupt->cancellable);
}

/* IC_CLI_TEST_INTERRUPT=1, for the tests: at half way through each
 * output, the program sends itself SIGINT and waits (a few seconds at
 * most) until the signal has cancelled it, as a Ctrl+C at that moment
 * would, without racing an export that takes milliseconds. */
static void
test_interrupt_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  GCancellable *cancellable = user_data;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (done != total / 2 || g_cancellable_is_cancelled (cancellable))
    return;
  raise (SIGINT);
  while (!g_cancellable_is_cancelled (cancellable) && g_get_monotonic_time () < deadline)
    g_usleep (1000);
}

static gboolean
write_outputs (Options           *options,
               Selection         *selection,
               const IcProgress  *progress)
{
  g_autoptr(GError) pack_error = NULL;
  g_autoptr(GError) chart_error = NULL;
  gboolean ok = write_text_outputs (options, selection, progress);

  if (options->pdf != NULL && !write_pack (options, selection, progress, &pack_error))
    ok = report_output_error (pack_error);
  if (options->render != NULL && !g_cancellable_is_cancelled (progress->cancellable) &&
      !write_chart (options, selection, &chart_error))
    ok = report_output_error (chart_error);
  return ok;
}

static int
write_exports (Options   *options,
               IcSession *session)
{
  IcReportStore *store = ic_session_get_store (session);
  g_auto(Selection) selection = { 0 };
  Interrupt interrupt = { 0 };
  IcProgress progress = { 0 };
  gboolean ok, interrupted;

  select_reports (&selection, ic_session_get_filter (session), store);
  interrupt_start (&interrupt);
  progress.cancellable = interrupt.cancellable;
  if (g_strcmp0 (g_getenv ("IC_CLI_TEST_INTERRUPT"), "1") == 0)
    {
      progress.progress = test_interrupt_cb;
      progress.progress_data = interrupt.cancellable;
    }
  ok = write_outputs (options, &selection, &progress);
  interrupted = g_cancellable_is_cancelled (interrupt.cancellable);
  interrupt_stop (&interrupt);

  if (interrupted)
    {
      print_error (_("Interrupted: an output not yet whole was not written, and an earlier file of its name is as it was"));
      return EXIT_INTERRUPTED;
    }
  return ok ? EXIT_OK : EXIT_OUTPUT;
}

/* The user's corrections apply to exports too. A file that cannot be
 * read is reported (and kept) but does not stop the export. */
static void
use_corrections (IcSession *session)
{
  g_autoptr(GError) error = NULL;

  if (!ic_session_load_corrections (session, &error))
    print_error (error->message);
}

/**
 * ic_cli_run:
 *
 * Returns: the exit status that --help lists: 0 when every output was
 *   written, 1 when one could not be, 2 for a usage error
 */
int
ic_cli_run (int    argc,
            char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(IcSession) session = ic_session_new ();
  g_autoptr(GError) error = NULL;

  if (!parse_options (&options, argc, argv, &error) || !check_usage (&options, &error))
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  use_corrections (session);
  ic_session_set_filter (session, options.spec);
  if (options.reload)
    ic_session_retry_extractor_failures (session);
  /* Only a search reads the index: building it is a tenth of a cold load. */
  ic_session_set_index_text (session, options.search != NULL);
  /* Nothing here reads a report's pages once it is parsed and indexed. */
  ic_session_set_keep_pages (session, FALSE);
  if (!load_paths (session, options.paths, &error))
    {
      print_error (error->message);
      return EXIT_OUTPUT;
    }
  if (!check_outputs (&options, ic_session_get_store (session), &error))
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  return write_exports (&options, session);
}
