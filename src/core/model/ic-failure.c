/* ic-failure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-failure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-failure.h"

/* A reason is worded in English wherever it arises, marked with N_():
 * in the PDF helper, which reads no catalogue, and in the cache, which
 * outlives a change of language. It is put into the user's language only
 * when shown. A reason that holds a value (MuPDF's own words, a size, a
 * nested reason) is found by its template, the words around the value. */
static const char * const reason_templates[] = {
  /* Translators: %s is what the PDF library says is wrong, in English. */
  N_("the PDF is damaged: %s"),
  /* Translators: %s is a size, "2 GB". */
  N_("the PDF needs more memory to read than is allowed (%s)"),
  /* Translators: %s is the file's size, "300 MB". */
  N_("the file is too large to be an Ofsted report (%s)"),
  N_("too many pages (more than %d): not an inspection report"),
  /* Translators: %s is why, "permission denied". */
  N_("cannot read the file: %s"),
  /* Translators: %s is why, "permission denied". */
  N_("cannot read the folder: %s"),
};

struct _IcFailure
{
  GObject  parent_instance;
  char    *source;
  char    *reason;
  char    *display_reason;
};

G_DEFINE_FINAL_TYPE (IcFailure, ic_failure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_failure_finalize (GObject *object)
{
  IcFailure *self = (IcFailure *)object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->display_reason, g_free);

  G_OBJECT_CLASS (ic_failure_parent_class)->finalize (object);
}

static void
ic_failure_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IcFailure *self = IC_FAILURE (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_failure_class_init (IcFailureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_failure_finalize;
  object_class->get_property = ic_failure_get_property;

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_failure_init (IcFailure *self)
{
}

IcFailure *
ic_failure_new (const char *source,
                const char *reason)
{
  IcFailure *self = g_object_new (IC_TYPE_FAILURE, NULL);

  self->source = g_strdup (source);
  self->reason = g_strdup (reason);
  self->display_reason = reason ? ic_failure_translate_reason (reason) : NULL;
  return self;
}

const char *
ic_failure_get_source (IcFailure *self)
{
  g_return_val_if_fail (IC_IS_FAILURE (self), NULL);
  return self->source;
}

const char *
ic_failure_get_reason (IcFailure *self)
{
  g_return_val_if_fail (IC_IS_FAILURE (self), NULL);
  return self->reason;
}

static gboolean
is_number (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* @reason worded by @template, in the user's language; NULL when it is
 * not. The value is translated too when it is a reason itself. */
static char *
translate_by_template (const char *reason,
                       const char *template)
{
  const char *conversion = strchr (template, '%');
  const char *tail = conversion + 2;
  gsize head_len = conversion - template, tail_len = strlen (tail), len = strlen (reason);
  g_autofree char *value = NULL;
  g_autofree char *value_translated = NULL;

  if (len <= head_len + tail_len || strncmp (reason, template, head_len) != 0 ||
      !g_str_has_suffix (reason, tail))
    return NULL;
  value = g_strndup (reason + head_len, len - head_len - tail_len);
  if (conversion[1] == 'd')
    return is_number (value) ? g_strdup_printf (_(template), (int)g_ascii_strtoll (value, NULL, 10)) : NULL;
  value_translated = ic_failure_translate_reason (value);
  return g_strdup_printf (_(template), value_translated);
}

char *
ic_failure_translate_reason (const char *reason)
{
  const char *whole;

  g_return_val_if_fail (reason != NULL, NULL);

  /* The empty msgid is the catalogue's header. */
  if (reason[0] == '\0')
    return g_strdup (reason);
  whole = _(reason);
  if (whole != reason)
    return g_strdup (whole);
  for (guint i = 0; i < G_N_ELEMENTS (reason_templates); i++)
    {
      char *translated = translate_by_template (reason, reason_templates[i]);

      if (translated != NULL)
        return translated;
    }
  return g_strdup (reason);
}

const char *
ic_failure_get_display_reason (IcFailure *self)
{
  g_return_val_if_fail (IC_IS_FAILURE (self), NULL);
  return self->display_reason;
}
