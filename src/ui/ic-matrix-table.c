/* ic-matrix-table.c
 *
 * The header on top, the scrolled rows below; as a box would lay them
 * out, except that the rows are allocated first. Allocating the rows can
 * move their horizontal scroll position (a wider window clamps it), and
 * the header, which follows that position, must then be placed in the
 * same frame: allocated before the rows, it was drawn without a current
 * allocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-matrix-table"

#include "config.h"

#include "ic-matrix-table.h"

struct _IcMatrixTable
{
  GtkWidget  parent_instance;

  GtkWidget *header;
  GtkWidget *body;
};

G_DEFINE_FINAL_TYPE (IcMatrixTable, ic_matrix_table, GTK_TYPE_WIDGET)

static void
ic_matrix_table_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IcMatrixTable *self = IC_MATRIX_TABLE (widget);
  int header_min, header_nat, body_min, body_nat;

  gtk_widget_measure (self->header, orientation, -1, &header_min, &header_nat, NULL, NULL);
  gtk_widget_measure (self->body, orientation, -1, &body_min, &body_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = header_min + body_min;
      *natural = header_nat + body_nat;
    }
  else
    {
      *minimum = MAX (header_min, body_min);
      *natural = MAX (header_nat, body_nat);
    }
}

static void
ic_matrix_table_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  IcMatrixTable *self = IC_MATRIX_TABLE (widget);
  int header_height;

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, &header_height, NULL, NULL, NULL);
  header_height = MIN (header_height, height);
  gtk_widget_allocate (self->body, width, height - header_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, header_height)));
  gtk_widget_allocate (self->header, width, header_height, -1, NULL);
}

static void
ic_matrix_table_dispose (GObject *object)
{
  IcMatrixTable *self = (IcMatrixTable *)object;

  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->body, gtk_widget_unparent);

  G_OBJECT_CLASS (ic_matrix_table_parent_class)->dispose (object);
}

static void
ic_matrix_table_class_init (IcMatrixTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_matrix_table_dispose;
  widget_class->measure = ic_matrix_table_measure;
  widget_class->size_allocate = ic_matrix_table_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "matrixtable");
}

static void
ic_matrix_table_init (IcMatrixTable *self)
{
}

/* @header goes on top of @body (the scrolled window of the rows). */
GtkWidget *
ic_matrix_table_new (GtkWidget *header,
                     GtkWidget *body)
{
  IcMatrixTable *self = g_object_new (IC_TYPE_MATRIX_TABLE, NULL);

  self->header = header;
  self->body = body;
  /* In this order for focus too: titles, then rows. */
  gtk_widget_set_parent (header, GTK_WIDGET (self));
  gtk_widget_set_parent (body, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

static void
hadjustment_value_changed_cb (GtkAdjustment   *adjustment,
                              IcMatrixColumns *columns)
{
  ic_matrix_columns_set_pinned_offset (columns, (int) gtk_adjustment_get_value (adjustment));
}

/**
 * ic_matrix_table_install:
 * @box: the view's box holding @body
 * @body: the scrolled window of the rows, from the view's template
 *
 * Puts a header of @columns over @body in @box, the header following the
 * rows' horizontal scrolling.
 *
 * Returns: (transfer none): the header
 */
IcMatrixHeader *
ic_matrix_table_install (GtkBox            *box,
                         GtkScrolledWindow *body,
                         IcMatrixColumns   *columns)
{
  g_autoptr(GtkWidget) rows = g_object_ref (GTK_WIDGET (body));
  IcMatrixHeader *header = IC_MATRIX_HEADER (ic_matrix_header_new (columns));
  GtkWidget *table;

  gtk_box_remove (box, rows);
  table = ic_matrix_table_new (GTK_WIDGET (header), rows);
  gtk_widget_set_vexpand (table, TRUE);
  gtk_box_append (box, table);
  ic_matrix_header_set_hadjustment (header, gtk_scrolled_window_get_hadjustment (body));
  /* The authority column stays in view when the rows scroll sideways. */
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (body), "value-changed",
                           G_CALLBACK (hadjustment_value_changed_cb), columns, 0);
  return header;
}
