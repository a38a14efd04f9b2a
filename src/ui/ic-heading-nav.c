/* ic-heading-nav.c: the keyboard in a list whose headings are rows
 *
 * GTK 4.8's list and grid views have no sections, so a list grouped
 * under headings has them as rows of their own. A row that cannot be
 * selected cannot take the focus, and the view's own bindings stop
 * where they land on one: Down at a group's last row, Home (the first
 * row is a heading), Page Up and Down. Here those keys go to the
 * nearest row that is not a heading, as GtkListView does with
 * sections, and the selection follows as with the view's own keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-heading-nav"

#include "config.h"

#include "ic-heading-nav.h"
#include "ic-ui-util.h"

#define NAV_KEY "ic-heading-nav"
#define ITEM_KEY "ic-heading-nav-item"

/* Frames to wait for a row scrolled to to be built. */
#define MAX_TRIES 10

typedef struct
{
  GtkWidget     *grid_view;
  IcHeadingFunc  is_heading;
  gpointer       user_data;
  guint          tick_id;
  guint          pending_position;
  guint          tries;
  gboolean       entering;  /* the pending focus is for Tab into the grid */
} Nav;

static GListModel *
nav_model (Nav *nav)
{
  return G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (nav->grid_view)));
}

static gboolean
heading_at (Nav  *nav,
            guint position)
{
  return nav->is_heading (position, nav->user_data);
}

/* The first row from @start on in @step's direction that is not a
 * heading; when there is none that way, the nearest the other way. */
static guint
row_near (Nav  *nav,
          guint start,
          int   step)
{
  guint n = g_list_model_get_n_items (nav_model (nav));

  if (n == 0)
    return GTK_INVALID_LIST_POSITION;
  start = MIN (start, n - 1);
  for (int pass = 0; pass < 2; pass++, step = -step)
    for (gint64 i = start; i >= 0 && i < n; i += step)
      if (!heading_at (nav, i))
        return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The item widget (a child of the grid view) that holds @widget. */
static GtkWidget *
item_widget_of (Nav       *nav,
                GtkWidget *widget)
{
  while (widget != NULL && gtk_widget_get_parent (widget) != nav->grid_view)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static guint
item_widget_position (GtkWidget *item_widget)
{
  GtkWidget *child = gtk_widget_get_first_child (item_widget);
  GtkListItem *item = child ? g_object_get_data (G_OBJECT (child), ITEM_KEY) : NULL;

  return item ? gtk_list_item_get_position (item) : GTK_INVALID_LIST_POSITION;
}

static guint
selected_position (Nav *nav)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (nav_model (nav));

  return gtk_single_selection_get_selected (selection);
}

/* The focused row, or GTK_INVALID_LIST_POSITION when no row has the
 * focus (the grid view itself may). */
static guint
focused_position (Nav *nav)
{
  GtkRoot *root = gtk_widget_get_root (nav->grid_view);
  GtkWidget *item_widget = item_widget_of (nav, root ? gtk_root_get_focus (root) : NULL);

  return item_widget ? item_widget_position (item_widget) : GTK_INVALID_LIST_POSITION;
}

static gboolean
focus_now (Nav  *nav,
           guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (nav->grid_view); child;
       child = gtk_widget_get_next_sibling (child))
    if (item_widget_position (child) == position && gtk_widget_get_mapped (child))
      return gtk_widget_grab_focus (child);
  return FALSE;
}

/* Whether the grid view itself or its scrolled window has the focus,
 * not a row. */
static gboolean
focus_on_grid (Nav *nav)
{
  GtkRoot *root = gtk_widget_get_root (nav->grid_view);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == nav->grid_view || focus == gtk_widget_get_parent (nav->grid_view));
}

static gboolean
pending_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  Nav *nav = user_data;

  if (nav->entering && !focus_on_grid (nav))
    {
      nav->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (focus_now (nav, nav->pending_position) || ++nav->tries > MAX_TRIES)
    {
      nav->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
stop_pending (Nav *nav)
{
  if (nav->tick_id != 0)
    gtk_widget_remove_tick_callback (nav->grid_view, nav->tick_id);
  nav->tick_id = 0;
}

/* Focuses the row at @position in a coming frame, once it is built. */
static void
focus_later (Nav  *nav,
             guint position)
{
  stop_pending (nav);
  nav->entering = FALSE;
  nav->pending_position = position;
  nav->tries = 0;
  nav->tick_id = gtk_widget_add_tick_callback (nav->grid_view, pending_tick_cb, nav, NULL);
}

/* Scrolls the row at @position into view with the heading right above
 * it, if any: the first row of a group is read under its heading. The
 * second scroll is worked out from where the list was before the
 * first, so the one that must end at the edge it moves to goes last. */
static void
scroll_to_row (Nav      *nav,
               guint     position,
               gboolean  upwards)
{
  gboolean headed = position > 0 && heading_at (nav, position - 1);

  if (headed && !upwards)
    gtk_widget_activate_action (nav->grid_view, "list.scroll-to-item", "u", position - 1);
  gtk_widget_activate_action (nav->grid_view, "list.scroll-to-item", "u", position);
  if (headed && upwards)
    gtk_widget_activate_action (nav->grid_view, "list.scroll-to-item", "u", position - 1);
}

/* Selects, shows and focuses the row at @position, reached going up
 * the list if @upwards. */
static void
focus_row (Nav      *nav,
           guint     position,
           gboolean  upwards)
{
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  stop_pending (nav);
  scroll_to_row (nav, position, upwards);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (nav_model (nav)), position, TRUE);
  if (!focus_now (nav, position))
    focus_later (nav, position);
}

/* Rows in a page, from the rows the grid view keeps: Page Up and Down
 * move about as far as the list scrolls. */
static guint
rows_per_page (Nav *nav)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (nav->grid_view));
  double height = 0;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (nav->grid_view); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child))
      height += gtk_widget_get_height (child), n++;
  if (adjustment == NULL || n == 0 || height <= 0)
    return 1;
  return MAX (1, (guint) (gtk_adjustment_get_page_size (adjustment) / (height / n)));
}

/* The selected row, or the first when a heading or nothing is. */
static guint
current_row (Nav *nav)
{
  guint selected = selected_position (nav);

  if (selected != GTK_INVALID_LIST_POSITION && !heading_at (nav, selected))
    return selected;
  return row_near (nav, 0, 1);
}

/* Where @keyval takes the focus from @from (GTK_INVALID_LIST_POSITION:
 * no row focused), or GTK_INVALID_LIST_POSITION for a key not moved by. */
static guint
target_row (Nav   *nav,
            guint  keyval,
            guint  from)
{
  guint n = g_list_model_get_n_items (nav_model (nav));

  if (keyval == GDK_KEY_Home)
    return row_near (nav, 0, 1);
  if (keyval == GDK_KEY_End)
    return n > 0 ? row_near (nav, n - 1, -1) : GTK_INVALID_LIST_POSITION;
  if (keyval != GDK_KEY_Up && keyval != GDK_KEY_Down &&
      keyval != GDK_KEY_Page_Up && keyval != GDK_KEY_Page_Down)
    return GTK_INVALID_LIST_POSITION;
  if (from == GTK_INVALID_LIST_POSITION || from >= n || heading_at (nav, from))
    return current_row (nav);
  switch (keyval)
    {
    case GDK_KEY_Up:
      return from == 0 ? from : row_near (nav, from - 1, -1);
    case GDK_KEY_Down:
      return row_near (nav, from + 1, 1);
    case GDK_KEY_Page_Up:
      return row_near (nav, from - MIN (from, rows_per_page (nav)), 1);
    default:
      return row_near (nav, from + rows_per_page (nav), 1);
    }
}

/* The keypad's keys as the main ones. */
static guint
main_keyval (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_KP_Up: return GDK_KEY_Up;
    case GDK_KEY_KP_Down: return GDK_KEY_Down;
    case GDK_KEY_KP_Page_Up: return GDK_KEY_Page_Up;
    case GDK_KEY_KP_Page_Down: return GDK_KEY_Page_Down;
    case GDK_KEY_KP_Home: return GDK_KEY_Home;
    case GDK_KEY_KP_End: return GDK_KEY_End;
    default: return keyval;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Nav                   *nav)
{
  guint from, to;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab)
    {
      gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

      if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
        return FALSE;
      ic_ui_leave_grid (nav->grid_view, back ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  if ((state & (GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  from = focused_position (nav);
  to = target_row (nav, main_keyval (keyval), from);
  if (to == GTK_INVALID_LIST_POSITION)
    return FALSE;
  focus_row (nav, to, from != GTK_INVALID_LIST_POSITION && to < from);
  return TRUE;
}

/* Tab into the grid gives the focus to the grid view itself, or to its
 * scrolled window, when the row the grid remembers is a heading (the
 * first row of new results): it goes on to the selected row, once the
 * focus has settled. */
static void
focus_enter_cb (GtkEventControllerFocus *controller,
                Nav                     *nav)
{
  guint position = current_row (nav);

  if (position == GTK_INVALID_LIST_POSITION || nav->tick_id != 0)
    return;
  focus_later (nav, position);
  nav->entering = TRUE;
}

static void
unmap_cb (GtkWidget *grid_view,
          Nav       *nav)
{
  stop_pending (nav);
}

void
ic_heading_nav_attach (GtkGridView   *grid_view,
                       IcHeadingFunc  is_heading,
                       gpointer       user_data)
{
  Nav *nav = g_new0 (Nav, 1);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  nav->grid_view = GTK_WIDGET (grid_view);
  nav->is_heading = is_heading;
  nav->user_data = user_data;
  g_object_set_data_full (G_OBJECT (grid_view), NAV_KEY, nav, g_free);

  /* Before the grid view's own bindings. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), nav);
  gtk_widget_add_controller (nav->grid_view, keys);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), nav);
  gtk_widget_add_controller (nav->grid_view, focus);
  if (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (nav->grid_view)))
    {
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), nav);
      gtk_widget_add_controller (gtk_widget_get_parent (nav->grid_view), focus);
    }
  g_signal_connect (grid_view, "unmap", G_CALLBACK (unmap_cb), nav);
}

void
ic_heading_nav_setup_item (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  g_return_if_fail (child != NULL);
  /* The item lives as long as its child. */
  g_object_set_data (G_OBJECT (child), ITEM_KEY, item);
}

/* The first row that is not a heading, GTK_INVALID_LIST_POSITION for none. */
guint
ic_heading_nav_first_row (GtkGridView *grid_view)
{
  Nav *nav = g_object_get_data (G_OBJECT (grid_view), NAV_KEY);

  g_return_val_if_fail (nav != NULL, GTK_INVALID_LIST_POSITION);
  return row_near (nav, 0, 1);
}
