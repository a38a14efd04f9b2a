/* ic-matrix-header.c
 *
 * A button per column, laid out at the columns' widths and moved with
 * the rows when they scroll sideways. Clicking a title sorts by that
 * column; clicking it again reverses the order, as a column view does.
 * Each column is at least as wide as its title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-matrix-header"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-matrix-header.h"

/* Room around a title: the button's padding and the sort arrow. */
#define TITLE_ROOM 44
#define MIN_AREA_WIDTH 120

struct _IcMatrixHeader
{
  GtkWidget        parent_instance;

  IcMatrixColumns *columns;
  GtkAdjustment   *hadjustment;
  GtkWidget      **buttons;  /* one per column */
  GtkWidget      **arrows;
  guint            n_columns;
  guint            sort_column;
  GtkSortType      sort_order;
};

G_DEFINE_FINAL_TYPE (IcMatrixHeader, ic_matrix_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SORT_COLUMN,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GTK 4.8 does not pass the sort state on to screen readers: the name
 * says it, as the arrow does on screen. */
static void
update_button_name (IcMatrixHeader *self,
                    guint           column,
                    gboolean        sorted)
{
  const char *title = ic_matrix_columns_get_title (self->columns, column);
  g_autofree char *name = NULL;

  if (!sorted)
    name = g_strdup (title);
  else if (self->sort_order == GTK_SORT_ASCENDING)
    name = g_strdup_printf (_("%s, sorted ascending"), title);
  else
    name = g_strdup_printf (_("%s, sorted descending"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[column]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update_buttons (IcMatrixHeader *self)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      gboolean sorted = c == self->sort_column;

      gtk_widget_set_child_visible (self->buttons[c], ic_matrix_columns_get_visible (self->columns, c));
      gtk_widget_set_visible (self->arrows[c], sorted);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->arrows[c]),
                                    self->sort_order == GTK_SORT_ASCENDING ? "pan-up-symbolic"
                                                                           : "pan-down-symbolic");
      update_button_name (self, c, sorted);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[c]),
                                      GTK_ACCESSIBLE_PROPERTY_SORT,
                                      !sorted ? GTK_ACCESSIBLE_SORT_NONE
                                      : self->sort_order == GTK_SORT_ASCENDING ? GTK_ACCESSIBLE_SORT_ASCENDING
                                      : GTK_ACCESSIBLE_SORT_DESCENDING,
                                      -1);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
ic_matrix_header_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  IcMatrixHeader *self = IC_MATRIX_HEADER (widget);

  /* As narrow as anything: the rows below set the width, and the header
   * scrolls with them. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    ic_matrix_columns_measure_height (self->columns, self->buttons, minimum, natural);
}

static void
ic_matrix_header_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  IcMatrixHeader *self = IC_MATRIX_HEADER (widget);
  int scrolled = self->hadjustment ? (int) gtk_adjustment_get_value (self->hadjustment) : 0;

  /* In right-to-left text, mirrored as the rows are (exactly so when
   * they fit the width). */
  ic_matrix_columns_allocate (self->columns, widget, self->buttons, width, height, scrolled);
}

static void
ic_matrix_header_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  IcMatrixHeader *self = IC_MATRIX_HEADER (widget);

  ic_matrix_columns_snapshot (self->columns, widget, self->buttons, snapshot);
}

static void
clicked_cb (GtkButton      *button,
            IcMatrixHeader *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ic-column"));
  GtkSortType order = GTK_SORT_ASCENDING;

  if (column == self->sort_column && self->sort_order == GTK_SORT_ASCENDING)
    order = GTK_SORT_DESCENDING;
  ic_matrix_header_sort_by (self, column, order);
}

/* Each column at least as wide as its title in the header's font. */
static void
fit_titles (IcMatrixHeader *self)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      int title_min, title_nat, wanted;

      gtk_widget_measure (self->buttons[c], GTK_ORIENTATION_HORIZONTAL, -1,
                          &title_min, &title_nat, NULL, NULL);
      wanted = title_nat + TITLE_ROOM;
      if (ic_matrix_columns_get_spec (self->columns, c)->kind == IC_MATRIX_CELL_GRADE)
        wanted = MAX (wanted, MIN_AREA_WIDTH);
      if (wanted > ic_matrix_columns_get_width (self->columns, c))
        ic_matrix_columns_set_width (self->columns, c, wanted);
    }
}

static void
ic_matrix_header_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ic_matrix_header_parent_class)->css_changed (widget, change);
  /* Fonts are known once the header is styled, and may change later;
   * the header's style changes seldom (theme, font, text scale). */
  fit_titles (IC_MATRIX_HEADER (widget));
}

static void
ic_matrix_header_dispose (GObject *object)
{
  IcMatrixHeader *self = (IcMatrixHeader *)object;

  for (guint c = 0; c < self->n_columns; c++)
    g_clear_pointer (&self->buttons[c], gtk_widget_unparent);
  g_clear_pointer (&self->buttons, g_free);
  g_clear_pointer (&self->arrows, g_free);
  self->n_columns = 0;
  ic_matrix_header_set_hadjustment (self, NULL);
  g_clear_object (&self->columns);

  G_OBJECT_CLASS (ic_matrix_header_parent_class)->dispose (object);
}

static void
ic_matrix_header_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IcMatrixHeader *self = IC_MATRIX_HEADER (object);

  switch (prop_id)
    {
    case PROP_SORT_COLUMN:
      g_value_set_uint (value, self->sort_column);
      break;
    case PROP_SORT_ORDER:
      g_value_set_enum (value, self->sort_order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_matrix_header_class_init (IcMatrixHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_matrix_header_dispose;
  object_class->get_property = ic_matrix_header_get_property;
  widget_class->measure = ic_matrix_header_measure;
  widget_class->size_allocate = ic_matrix_header_size_allocate;
  widget_class->snapshot = ic_matrix_header_snapshot;
  widget_class->css_changed = ic_matrix_header_css_changed;

  properties[PROP_SORT_COLUMN] =
    g_param_spec_uint ("sort-column", NULL, NULL, 0, G_MAXUINT, IC_MATRIX_NOT_SORTED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_ORDER] =
    g_param_spec_enum ("sort-order", NULL, NULL, GTK_TYPE_SORT_TYPE, GTK_SORT_ASCENDING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "matrixheader");
}

static void
ic_matrix_header_init (IcMatrixHeader *self)
{
  self->sort_column = IC_MATRIX_NOT_SORTED;
  self->sort_order = GTK_SORT_ASCENDING;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

static GtkWidget *
title_button (IcMatrixHeader *self,
              guint           column)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (ic_matrix_columns_get_title (self->columns, column));
  g_autofree char *tooltip = g_strdup_printf (_("Sort by %s"), ic_matrix_columns_get_title (self->columns, column));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  self->arrows[column] = gtk_image_new ();
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->arrows[column]);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "ic-column", GUINT_TO_POINTER (column));
  g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), self);
  return button;
}

GtkWidget *
ic_matrix_header_new (IcMatrixColumns *columns)
{
  IcMatrixHeader *self = g_object_new (IC_TYPE_MATRIX_HEADER, NULL);

  self->columns = g_object_ref (columns);
  self->n_columns = ic_matrix_columns_get_n_columns (columns);
  self->buttons = g_new0 (GtkWidget *, self->n_columns);
  self->arrows = g_new0 (GtkWidget *, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    {
      self->buttons[c] = title_button (self, c);
      gtk_widget_set_parent (self->buttons[c], GTK_WIDGET (self));
    }
  if (ic_matrix_columns_get_pinned (columns) >= 0)
    gtk_widget_add_css_class (self->buttons[ic_matrix_columns_get_pinned (columns)], "pinned");
  g_signal_connect_object (columns, "changed", G_CALLBACK (update_buttons), self, G_CONNECT_SWAPPED);
  update_buttons (self);
  return GTK_WIDGET (self);
}

/* The rows' horizontal scrolling, which the titles follow. */
void
ic_matrix_header_set_hadjustment (IcMatrixHeader *self,
                                  GtkAdjustment  *adjustment)
{
  g_return_if_fail (IC_IS_MATRIX_HEADER (self));

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, gtk_widget_queue_allocate, self);
  g_set_object (&self->hadjustment, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_allocate), self);
}

/**
 * ic_matrix_header_sort_by:
 * @column: a column, or %IC_MATRIX_NOT_SORTED for the store's order
 */
void
ic_matrix_header_sort_by (IcMatrixHeader *self,
                          guint           column,
                          GtkSortType     order)
{
  g_return_if_fail (IC_IS_MATRIX_HEADER (self));
  g_return_if_fail (column < self->n_columns || column == IC_MATRIX_NOT_SORTED);

  if (self->sort_column == column && self->sort_order == order)
    return;
  self->sort_column = column;
  self->sort_order = order;
  update_buttons (self);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_COLUMN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
ic_matrix_header_get_sort_column (IcMatrixHeader *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_HEADER (self), IC_MATRIX_NOT_SORTED);
  return self->sort_column;
}

GtkSortType
ic_matrix_header_get_sort_order (IcMatrixHeader *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_HEADER (self), GTK_SORT_ASCENDING);
  return self->sort_order;
}

/**
 * ic_matrix_header_get_button:
 *
 * Returns: (transfer none): the title button of @column
 */
GtkWidget *
ic_matrix_header_get_button (IcMatrixHeader *self,
                             guint           column)
{
  g_return_val_if_fail (IC_IS_MATRIX_HEADER (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->buttons[column];
}

/**
 * ic_matrix_header_get_columns:
 *
 * Returns: (transfer none): the columns the header shows
 */
IcMatrixColumns *
ic_matrix_header_get_columns (IcMatrixHeader *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_HEADER (self), NULL);
  return self->columns;
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  IcMatrixHeader *self = user_data;
  guint column = self->sort_column;
  gboolean a_blank = ic_matrix_columns_is_blank (self->columns, column, (IcReport *) a);
  gboolean b_blank = ic_matrix_columns_is_blank (self->columns, column, (IcReport *) b);
  int order;

  /* Reports with nothing in the column come last either way: sorted
   * worst first, the worst grades lead, not the reports without one. */
  if (a_blank || b_blank)
    return a_blank - b_blank;
  order = ic_matrix_columns_compare (self->columns, column, (IcReport *) a, (IcReport *) b);
  return self->sort_order == GTK_SORT_DESCENDING ? -order : order;
}

/**
 * ic_matrix_header_new_sorter:
 *
 * Returns: (transfer full) (nullable): the order the titles ask for, or
 *   %NULL for the rows' own order (none chosen)
 */
GtkSorter *
ic_matrix_header_new_sorter (IcMatrixHeader *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_HEADER (self), NULL);

  if (self->sort_column == IC_MATRIX_NOT_SORTED)
    return NULL;
  return GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, g_object_ref (self), g_object_unref));
}
