/* ic-matrix-nav.c: the matrix walked cell by cell from the keyboard
 *
 * A grid view in GTK 4.8 moves its focus a row at a time and lets Tab
 * visit every focusable widget of every row: in the matrix, every grade
 * of every report. Here the arrow keys move between the authority's name
 * (the row header, a link to its page) and the grade cells as in a
 * spreadsheet, and Tab passes over the grid as one stop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-matrix-nav"

#include "config.h"

#include "ic-matrix-nav.h"
#include "ic-matrix-row.h"
#include "ic-ui-util.h"

/* Frames to wait for a row scrolled to to be built. */
#define MAX_TRIES 10

typedef struct
{
  GtkWidget       *grid_view;
  GListModel      *rows;
  IcMatrixColumns *columns;
  IcMatrixHeader  *header;
  GtkRoot         *root;
  gulong           focus_id;
  guint            tick_id;
  guint            pending_position;
  guint            pending_column;
  guint            tries;
} Nav;

static void
nav_free (gpointer data)
{
  Nav *nav = data;

  g_clear_object (&nav->rows);
  g_clear_object (&nav->columns);
  g_free (nav);
}

/* The columns the arrow keys walk: the row header and the grades. */
static gboolean
is_walked (int column)
{
  return column == IC_MATRIX_COLUMN_AUTHORITY ||
         (column >= IC_MATRIX_COLUMN_FIRST_AREA && column < IC_MATRIX_N_COLUMNS);
}

/* The row and column of a walked cell, or NULL. */
static IcMatrixRow *
cell_place (GtkWidget *widget,
            guint     *column)
{
  GtkWidget *parent = widget ? gtk_widget_get_parent (widget) : NULL;

  if (!IC_IS_MATRIX_ROW (parent))
    return NULL;
  for (guint c = 0; c < IC_MATRIX_N_COLUMNS; c++)
    if (is_walked (c) && ic_matrix_row_get_cell (IC_MATRIX_ROW (parent), c) == widget)
      {
        *column = c;
        return IC_MATRIX_ROW (parent);
      }
  return NULL;
}

static guint
row_position (Nav         *nav,
              IcMatrixRow *row)
{
  IcReport *report = ic_matrix_row_get_report (row);
  guint n = g_list_model_get_n_items (nav->rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) r = g_list_model_get_item (nav->rows, i);

      if (r == report)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The row widget showing @position, if the grid view has built it. */
static IcMatrixRow *
row_at (Nav  *nav,
        guint position)
{
  g_autoptr(IcReport) report = g_list_model_get_item (nav->rows, position);

  if (report == NULL)
    return NULL;
  for (GtkWidget *item = gtk_widget_get_first_child (nav->grid_view); item;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (IC_IS_MATRIX_ROW (row) && ic_matrix_row_get_report (IC_MATRIX_ROW (row)) == report &&
          gtk_widget_get_mapped (row))
        return IC_MATRIX_ROW (row);
    }
  return NULL;
}

/* The next shown walked column from @from in @step's direction (@from
 * itself when @step is 0), or @from when there is none. */
static guint
shown_column (Nav  *nav,
              int   from,
              int   step)
{
  int c = from + step;

  if (step == 0)
    step = 1, c = from;
  for (; c >= 0 && c < IC_MATRIX_N_COLUMNS; c += step)
    if (is_walked (c) && ic_matrix_columns_get_visible (nav->columns, c))
      return c;
  return from;
}

static gboolean
focus_now (Nav  *nav,
           guint position,
           guint column)
{
  IcMatrixRow *row = row_at (nav, position);

  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (ic_matrix_row_get_cell (row, column));
  return TRUE;
}

static gboolean
pending_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  Nav *nav = user_data;

  if (focus_now (nav, nav->pending_position, nav->pending_column) || ++nav->tries > MAX_TRIES)
    {
      nav->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Focuses a cell, first scrolling its row into the grid view when it is
 * not built yet. */
static void
focus_cell (Nav  *nav,
            guint position,
            guint column)
{
  if (position >= g_list_model_get_n_items (nav->rows))
    return;
  if (nav->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (nav->grid_view, nav->tick_id);
      nav->tick_id = 0;
    }
  if (focus_now (nav, position, column))
    return;
  gtk_widget_activate_action (nav->grid_view, "list.scroll-to-item", "u", position);
  nav->pending_position = position;
  nav->pending_column = column;
  nav->tries = 0;
  nav->tick_id = gtk_widget_add_tick_callback (nav->grid_view, pending_tick_cb, nav, NULL);
}

static gboolean
grid_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             Nav                   *nav)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (nav->grid_view));
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  int forward = gtk_widget_get_direction (nav->grid_view) == GTK_TEXT_DIR_RTL ? -1 : 1;
  guint column, position;
  IcMatrixRow *row = cell_place (focus, &column);

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab)
    {
      gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

      ic_ui_leave_grid (nav->grid_view, back ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  if (row == NULL || (state & (GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  position = row_position (nav, row);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      gtk_widget_grab_focus (ic_matrix_row_get_cell (row, shown_column (nav, column, -forward)));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      gtk_widget_grab_focus (ic_matrix_row_get_cell (row, shown_column (nav, column, forward)));
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (position > 0)
        focus_cell (nav, position - 1, column);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      focus_cell (nav, position + 1, column);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      focus_cell (nav, ctrl ? 0 : position, shown_column (nav, IC_MATRIX_COLUMN_FIRST_AREA, 0));
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      focus_cell (nav, ctrl ? g_list_model_get_n_items (nav->rows) - 1 : position,
                  shown_column (nav, IC_MATRIX_N_COLUMNS, -1));
      return TRUE;
    default:
      return FALSE;
    }
}

static GtkWidget *
last_title (Nav *nav)
{
  for (int c = IC_MATRIX_N_COLUMNS - 1; c >= 0; c--)
    if (ic_matrix_columns_get_visible (nav->columns, c))
      return ic_matrix_header_get_button (nav->header, c);
  return NULL;
}

/* Tab from the last column title enters the grid at its first row. */
static gboolean
header_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               Nav                   *nav)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (nav->grid_view));

  if (keyval != GDK_KEY_Tab || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0 ||
      focus == NULL || focus != last_title (nav) || g_list_model_get_n_items (nav->rows) == 0)
    return FALSE;
  focus_cell (nav, 0, shown_column (nav, IC_MATRIX_COLUMN_FIRST_AREA, 0));
  return TRUE;
}

/* However a cell got the focus (Tab, arrows, a click), it is shown
 * whole: the grid scrolls sideways and up or down to it. */
static void
scroll_to_cell (Nav       *nav,
                GtkWidget *cell)
{
  GtkScrollable *scrollable = GTK_SCROLLABLE (nav->grid_view);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (scrollable);
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (scrollable);
  graphene_rect_t bounds;
  double x, y, width, height;

  if (!gtk_widget_compute_bounds (cell, nav->grid_view, &bounds))
    return;
  x = bounds.origin.x, y = bounds.origin.y;
  width = gtk_widget_get_width (nav->grid_view);
  height = gtk_widget_get_height (nav->grid_view);
  if (h != NULL && x < 0)
    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + x);
  else if (h != NULL && x + bounds.size.width > width)
    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + x + bounds.size.width - width);
  if (v != NULL && y < 0)
    gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + y);
  else if (v != NULL && y + bounds.size.height > height)
    gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + y + bounds.size.height - height);
}

static void
focus_widget_cb (GtkRoot    *root,
                 GParamSpec *pspec,
                 Nav        *nav)
{
  GtkWidget *focus = gtk_root_get_focus (root);
  guint column;

  if (focus != NULL && cell_place (focus, &column) != NULL &&
      gtk_widget_is_ancestor (focus, nav->grid_view))
    scroll_to_cell (nav, focus);
}

static void
map_cb (GtkWidget *grid_view,
        Nav       *nav)
{
  nav->root = gtk_widget_get_root (grid_view);
  nav->focus_id = g_signal_connect (nav->root, "notify::focus-widget",
                                    G_CALLBACK (focus_widget_cb), nav);
}

static void
unmap_cb (GtkWidget *grid_view,
          Nav       *nav)
{
  g_clear_signal_handler (&nav->focus_id, nav->root);
  nav->root = NULL;
  if (nav->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (grid_view, nav->tick_id);
      nav->tick_id = 0;
    }
}

void
ic_matrix_nav_attach (GtkGridView     *grid_view,
                      GListModel      *rows,
                      IcMatrixColumns *columns,
                      IcMatrixHeader  *header)
{
  Nav *nav = g_new0 (Nav, 1);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *header_keys = gtk_event_controller_key_new ();

  nav->grid_view = GTK_WIDGET (grid_view);
  nav->rows = g_object_ref (rows);
  nav->columns = g_object_ref (columns);
  nav->header = header;
  g_object_set_data_full (G_OBJECT (grid_view), "ic-matrix-nav", nav, nav_free);

  /* Before the grid view's own bindings, which move whole rows. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (grid_key_cb), nav);
  gtk_widget_add_controller (nav->grid_view, keys);
  gtk_event_controller_set_propagation_phase (header_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (header_keys, "key-pressed", G_CALLBACK (header_key_cb), nav);
  gtk_widget_add_controller (GTK_WIDGET (header), header_keys);
  g_signal_connect (grid_view, "map", G_CALLBACK (map_cb), nav);
  g_signal_connect (grid_view, "unmap", G_CALLBACK (unmap_cb), nav);
}
