/* test-contrast.c: every text colour of the window's stylesheet against
 * what it is drawn on, in light, dark and high contrast, and the window's
 * grade colours against the pack's
 *
 * The stylesheet (ui/style.css) is read as the window loads it: its
 * @define-color names, and for each rule its color, background-color,
 * opacity and outline, over Adwaita 1.2's window and view backgrounds.
 * Text needs 4.5:1, focus rings 3:1 (WCAG 1.4.3 and 1.4.11).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ic-palette.h"
#include "ic-report.h"

typedef struct
{
  const char *name;
  IcColor     fg;          /* window_fg_color / view_fg_color */
  IcColor     window_bg;
  IcColor     view_bg;
  IcColor     accent;      /* accent_color: text and rings */
  IcColor     accent_bg;   /* accent_bg_color: fills */
} Theme;

#define RGBA(r, g, b, a) { (r) / 255.0, (g) / 255.0, (b) / 255.0, (a) }

/* Adwaita 1.2's named colours; high contrast makes text fully opaque. */
static const Theme themes[] = {
  { "light", RGBA (0, 0, 0, 0.8), RGBA (250, 250, 250, 1), RGBA (255, 255, 255, 1),
    RGBA (28, 113, 216, 1), RGBA (53, 132, 228, 1) },
  { "dark", RGBA (255, 255, 255, 1), RGBA (36, 36, 36, 1), RGBA (30, 30, 30, 1),
    RGBA (120, 174, 237, 1), RGBA (53, 132, 228, 1) },
  { "high contrast", RGBA (0, 0, 0, 1), RGBA (250, 250, 250, 1), RGBA (255, 255, 255, 1),
    RGBA (28, 113, 216, 1), RGBA (53, 132, 228, 1) },
  { "high contrast dark", RGBA (255, 255, 255, 1), RGBA (36, 36, 36, 1), RGBA (30, 30, 30, 1),
    RGBA (120, 174, 237, 1), RGBA (53, 132, 228, 1) },
};

typedef struct
{
  char       *selector;
  GHashTable *declarations;  /* property -> value */
} Rule;

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->selector);
  g_hash_table_unref (rule->declarations);
  g_free (rule);
}

static char *
strip_comments (const char *css)
{
  GString *out = g_string_new (NULL);

  for (const char *p = css; *p; p++)
    {
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          if (end == NULL)
            break;
          p = end + 1;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The @define-color names and the rules of a stylesheet (no nesting). */
static GPtrArray *
parse_css (const char *path,
           GHashTable *defines)
{
  g_autofree char *text = NULL;
  g_autofree char *css = NULL;
  GPtrArray *rules = g_ptr_array_new_with_free_func (rule_free);
  g_autoptr(GError) error = NULL;
  const char *p;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  css = strip_comments (text);
  p = css;
  while (*p)
    {
      const char *open = strchr (p, '{');
      const char *semi = strchr (p, ';');
      const char *close;
      Rule *rule;
      g_auto(GStrv) decls = NULL;
      g_autofree char *body = NULL;
      g_autofree char *head = NULL;

      /* @define-color name value; */
      head = g_strstrip (g_strndup (p, (semi && (!open || semi < open) ? semi : open ? open : p + strlen (p)) - p));
      if (g_str_has_prefix (head, "@define-color") && semi && (!open || semi < open))
        {
          g_auto(GStrv) parts = g_strsplit_set (head + strlen ("@define-color"), " \t\n", -1);
          const char *name = NULL, *value = NULL;

          for (guint i = 0; parts[i]; i++)
            if (*parts[i])
              {
                if (name == NULL)
                  name = parts[i];
                else if (value == NULL)
                  value = parts[i];
              }
          g_assert_nonnull (value);
          g_hash_table_insert (defines, g_strdup (name), g_strdup (value));
          p = semi + 1;
          continue;
        }
      if (open == NULL)
        break;
      close = strchr (open, '}');
      g_assert_nonnull (close);
      rule = g_new0 (Rule, 1);
      rule->selector = g_strstrip (g_strndup (p, open - p));
      rule->declarations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      body = g_strndup (open + 1, close - open - 1);
      decls = g_strsplit (body, ";", -1);
      for (guint i = 0; decls[i]; i++)
        {
          char *colon = strchr (decls[i], ':');

          if (colon == NULL)
            continue;
          *colon = '\0';
          g_hash_table_insert (rule->declarations, g_strstrip (g_strdup (decls[i])),
                               g_strstrip (g_strdup (colon + 1)));
        }
      g_ptr_array_add (rules, rule);
      p = close + 1;
    }
  return rules;
}

/* @fg drawn over the opaque @bg. */
static IcColor
over (const IcColor *fg,
      const IcColor *bg)
{
  double a = fg->alpha;

  return (IcColor) { fg->red * a + bg->red * (1 - a), fg->green * a + bg->green * (1 - a),
                     fg->blue * a + bg->blue * (1 - a), 1.0 };
}

/* A colour of the stylesheet: #rrggbb, white, black, @name,
 * alpha(colour, a), currentColor. */
static IcColor
eval_color (const char  *value,
            GHashTable  *defines,
            const Theme *theme,
            const IcColor *current)
{
  g_autofree char *v = g_strstrip (g_strdup (value));

  if (g_str_equal (v, "currentColor"))
    return *current;
  if (g_str_equal (v, "white"))
    return (IcColor) { 1, 1, 1, 1 };
  if (g_str_equal (v, "black"))
    return (IcColor) { 0, 0, 0, 1 };
  if (g_str_equal (v, "transparent"))
    return (IcColor) { 0, 0, 0, 0 };
  if (v[0] == '#' && strlen (v) == 7)
    {
      guint hex = (guint) g_ascii_strtoull (v + 1, NULL, 16);

      return (IcColor) { (hex >> 16 & 0xff) / 255.0, (hex >> 8 & 0xff) / 255.0, (hex & 0xff) / 255.0, 1 };
    }
  if (v[0] == '@')
    {
      const char *defined = g_hash_table_lookup (defines, v + 1);

      if (defined != NULL)
        return eval_color (defined, defines, theme, current);
      if (g_str_equal (v + 1, "accent_color"))
        return theme->accent;
      if (g_str_equal (v + 1, "accent_bg_color"))
        return theme->accent_bg;
      if (g_str_equal (v + 1, "window_fg_color") || g_str_equal (v + 1, "view_fg_color"))
        return theme->fg;
      if (g_str_equal (v + 1, "window_bg_color"))
        return theme->window_bg;
      if (g_str_equal (v + 1, "view_bg_color"))
        return theme->view_bg;
      g_error ("style.css: unknown colour %s", v);
    }
  /* mix(a, b, f): GTK mixes each channel and alpha linearly. */
  if (g_str_has_prefix (v, "mix(") && g_str_has_suffix (v, ")"))
    {
      char *last = strrchr (v, ',');
      char *first;
      IcColor a, b;
      double f;

      g_assert_nonnull (last);
      *last = '\0';
      first = strchr (v, ',');
      g_assert_nonnull (first);
      *first = '\0';
      a = eval_color (v + strlen ("mix("), defines, theme, current);
      b = eval_color (first + 1, defines, theme, current);
      f = g_ascii_strtod (last + 1, NULL);
      return (IcColor) { a.red + (b.red - a.red) * f, a.green + (b.green - a.green) * f,
                         a.blue + (b.blue - a.blue) * f, a.alpha + (b.alpha - a.alpha) * f };
    }
  if (g_str_has_prefix (v, "alpha(") && g_str_has_suffix (v, ")"))
    {
      char *comma = strrchr (v, ',');
      IcColor color;

      g_assert_nonnull (comma);
      *comma = '\0';
      color = eval_color (v + strlen ("alpha("), defines, theme, current);
      color.alpha *= g_ascii_strtod (comma + 1, NULL);
      return color;
    }
  g_error ("style.css: cannot read the colour %s", v);
}

/* The colour of "2px solid <colour>". */
static const char *
outline_color (const char *outline)
{
  const char *solid = strstr (outline, "solid");

  g_assert_nonnull (solid);
  return solid + strlen ("solid");
}

static gboolean
is_hidden (const Rule *rule)
{
  /* The announcer is read by screen readers and never seen. */
  return strstr (rule->selector, "announcer") != NULL;
}

typedef struct
{
  double worst;
  char  *where;
} Worst;

static void
note (Worst      *worst,
      double      ratio,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
note (Worst      *worst,
      double      ratio,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *where = NULL;

  va_start (args, format);
  where = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%.2f:1  %s", ratio, where);
  if (ratio < worst->worst)
    {
      worst->worst = ratio;
      g_free (worst->where);
      worst->where = g_steal_pointer (&where);
    }
}

/* One rule in one theme: its text over its background over the window's
 * and the view's backgrounds; its focus ring over its background. */
static void
check_rule (const Rule  *rule,
            GHashTable  *defines,
            const Theme *theme,
            Worst       *text,
            Worst       *rings)
{
  const char *color = g_hash_table_lookup (rule->declarations, "color");
  const char *background = g_hash_table_lookup (rule->declarations, "background-color");
  const char *opacity = g_hash_table_lookup (rule->declarations, "opacity");
  const char *outline = g_hash_table_lookup (rule->declarations, "outline");
  const IcColor *bases[] = { &theme->window_bg, &theme->view_bg };

  if (is_hidden (rule) || (color == NULL && background == NULL && opacity == NULL && outline == NULL))
    return;
  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      IcColor fill = *bases[b];
      IcColor fg = theme->fg;

      if (background != NULL)
        {
          IcColor bg = eval_color (background, defines, theme, &theme->fg);

          fill = over (&bg, bases[b]);
        }
      if (color != NULL)
        fg = eval_color (color, defines, theme, &theme->fg);
      if (opacity != NULL)
        fg.alpha *= g_ascii_strtod (opacity, NULL);
      fg = over (&fg, &fill);
      if (color != NULL || background != NULL || opacity != NULL)
        note (text, ic_color_contrast_ratio (&fg, &fill), "%s: text of %s",
              theme->name, rule->selector);
      if (outline != NULL && strstr (outline, "solid") != NULL && strstr (rule->selector, ":focus") != NULL)
        {
          IcColor ring = eval_color (outline_color (outline), defines, theme, &fg);

          ring = over (&ring, &fill);
          note (rings, ic_color_contrast_ratio (&ring, &fill), "%s: focus ring of %s",
                theme->name, rule->selector);
        }
    }
}

static const Rule *
find_rule (GPtrArray  *rules,
           const char *selector)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const Rule *rule = g_ptr_array_index (rules, i);
      g_auto(GStrv) selectors = g_strsplit (rule->selector, ",", -1);

      for (guint s = 0; selectors[s]; s++)
        if (g_str_equal (g_strstrip (selectors[s]), selector))
          return rule;
    }
  return NULL;
}

/* The grade of a grade class, to compare with the pack's palette. */
static const struct { const char *selector; IcGrade grade; } grade_rules[] = {
  { ".grade-cell.grade-outstanding", IC_GRADE_OUTSTANDING },
  { ".grade-cell.grade-good", IC_GRADE_GOOD },
  { ".grade-cell.grade-requires-improvement", IC_GRADE_REQUIRES_IMPROVEMENT },
  { ".grade-cell.grade-adequate", IC_GRADE_ADEQUATE },
  { ".grade-cell.grade-inadequate", IC_GRADE_INADEQUATE },
};

static void
test_window_contrast (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("IC_SOURCE_DIR"), "ui", "style.css", NULL);
  g_autoptr(GHashTable) defines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) rules = parse_css (path, defines);
  Worst text = { G_MAXDOUBLE, NULL }, rings = { G_MAXDOUBLE, NULL };

  g_assert_cmpuint (rules->len, >, 10);
  /* Adwaita draws dim labels at 0.55 opacity, 3.2:1 on white: the
   * window's stylesheet must set them. */
  g_assert_nonnull (find_rule (rules, ".dim-label"));
  for (guint g = 0; g < G_N_ELEMENTS (grade_rules); g++)
    g_assert_nonnull (find_rule (rules, grade_rules[g].selector));

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint i = 0; i < rules->len; i++)
      check_rule (g_ptr_array_index (rules, i), defines, &themes[t], &text, &rings);

  /* The focus ring over each grade's fill, in that cell's text colour. */
  {
    const Rule *focus = find_rule (rules, "gradecell.grade-cell:focus-visible");
    const char *outline;

    g_assert_nonnull (focus);
    outline = outline_color (g_hash_table_lookup (focus->declarations, "outline"));
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      for (guint g = 0; g < G_N_ELEMENTS (grade_rules); g++)
        {
          const Rule *rule = find_rule (rules, grade_rules[g].selector);
          IcColor fill = eval_color (g_hash_table_lookup (rule->declarations, "background-color"),
                                     defines, &themes[t], &themes[t].fg);
          IcColor ink = eval_color (g_hash_table_lookup (rule->declarations, "color"),
                                    defines, &themes[t], &themes[t].fg);
          IcColor ring = eval_color (outline, defines, &themes[t], &ink);

          fill = over (&fill, &themes[t].view_bg);
          ring = over (&ring, &fill);
          note (&rings, ic_color_contrast_ratio (&ring, &fill), "%s: focus ring on %s",
                themes[t].name, grade_rules[g].selector);
        }
  }

  g_test_message ("lowest text contrast %.2f:1 (%s)", text.worst, text.where);
  g_test_message ("lowest focus ring contrast %.2f:1 (%s)", rings.worst, rings.where);
  if (text.worst < 4.5)
    g_error ("%s is %.2f:1, below 4.5:1", text.where, text.worst);
  if (rings.worst < 3.0)
    g_error ("%s is %.2f:1, below 3:1", rings.where, rings.worst);
  g_free (text.where);
  g_free (rings.where);
}

/* One palette: a grade's cell looks the same in the window, on paper and
 * in the pack. */
static void
test_window_grades_are_the_packs (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("IC_SOURCE_DIR"), "ui", "style.css", NULL);
  g_autoptr(GHashTable) defines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) rules = parse_css (path, defines);
  const IcPalette *pack = ic_palette_get_print ();

  for (guint g = 0; g < G_N_ELEMENTS (grade_rules); g++)
    {
      const Rule *rule = find_rule (rules, grade_rules[g].selector);
      IcColor fill = eval_color (g_hash_table_lookup (rule->declarations, "background-color"),
                                 defines, &themes[0], &themes[0].fg);
      IcColor ink = eval_color (g_hash_table_lookup (rule->declarations, "color"),
                                defines, &themes[0], &themes[0].fg);
      const IcColor *pack_fill = ic_palette_get_grade_fill (pack, grade_rules[g].grade);
      const IcColor *pack_ink = ic_palette_get_grade_text (pack, grade_rules[g].grade);

      g_test_message ("%s: window and pack %.2f:1", grade_rules[g].selector,
                      ic_color_contrast_ratio (&ink, &fill));
      g_assert_cmpfloat (fill.alpha, ==, 1.0);
      g_assert_cmpfloat (fabs (fill.red - pack_fill->red) + fabs (fill.green - pack_fill->green) +
                         fabs (fill.blue - pack_fill->blue), <, 1e-6);
      g_assert_cmpfloat (fabs (ink.red - pack_ink->red) + fabs (ink.green - pack_ink->green) +
                         fabs (ink.blue - pack_ink->blue), <, 1e-6);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contrast/window", test_window_contrast);
  g_test_add_func ("/contrast/window-grades-are-the-packs", test_window_grades_are_the_packs);

  return g_test_run ();
}
