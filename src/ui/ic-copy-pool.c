/* ic-copy-pool.c
 *
 * GTK 4.8's cairo renderer on X11 draws each frame into an image and
 * copies it to the window through an image in cairo-xlib's shared
 * memory (`pixman_blt`). cairo takes those from pools it lets go once
 * nothing uses them and the X server is done with them, and in a pool
 * from a buddy allocator whose blocks are the first request's size
 * rounded up to a power of two (eight of them). A big frame thus often
 * copies into pages the kernel has to fault in and clear first: a fresh
 * pool, or the untouched upper half of a block whose lower half a small
 * copy still in flight holds. In a warm reopen the first frame with rows
 * faulted in 900–1,700 pages that way (3–4 ms of the main thread's CPU).
 *
 * While the window waits for a folder, this touches, in one pool, a
 * block for a frame of the whole window and half of another for frames
 * up to that size (the rows area), and keeps a tiny image in the other
 * half: cairo keeps the pool, smaller copies go beside the keeper, and
 * the freed block and half are handed out again first, resident.
 * That is some 8 MB of shared memory held for a 1300 × 850 window; a
 * window made larger later copies its larger frames as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-copy-pool"

#include "config.h"

#include "ic-copy-pool.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#include <cairo-xlib.h>
#endif

#ifdef GDK_WINDOWING_X11
/* The smallest image cairo takes from shared memory, which is what
 * keeps the pool. */
#define KEEPER_WIDTH 32
/* The images below are this wide in ARGB: rows of 4 KiB. */
#define ROW_BYTES 4096

static const char pool_key[] = "ic-copy-pool";

typedef struct
{
  cairo_surface_t *keeper;
  gsize            window_bytes;  /* the largest frame it was made for */
} CopyPool;

/* A shared-memory image of @bytes, a whole number of rows, its pages
 * touched. */
static cairo_surface_t *
touched_image (cairo_surface_t *window,
               gsize            bytes)
{
  cairo_surface_t *image = cairo_surface_create_similar_image (window, CAIRO_FORMAT_ARGB32,
                                                               ROW_BYTES / 4, bytes / ROW_BYTES);
  cairo_t *cr = cairo_create (image);

  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_rgba (cr, 0, 0, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return image;
}

/* The size of cairo's blocks for a pool whose first request is @bytes. */
static gsize
block_size (gsize bytes)
{
  gsize block = 64 * 1024;

  while (block <= bytes)
    block <<= 1;
  return block;
}

static CopyPool *
copy_pool_new (cairo_surface_t *window,
               gsize            window_bytes)
{
  CopyPool *pool = g_new0 (CopyPool, 1);
  gsize whole_bytes = (window_bytes + ROW_BYTES - 1) / ROW_BYTES * ROW_BYTES;
  cairo_surface_t *whole, *rows;

  /* A frame of the whole window first: it sizes the pool's blocks, and
   * a pool made for a smaller window has no room for it. */
  whole = touched_image (window, whole_bytes);
  /* Frames up to half a block, the rows area, go to the first half of
   * another block. */
  rows = touched_image (window, block_size (whole_bytes) / 2);
  /* The keeper goes in the other half, where smaller frames go, so that
   * those never split the rows' half. */
  pool->keeper = cairo_surface_create_similar_image (window, CAIRO_FORMAT_ARGB32, KEEPER_WIDTH, 1);
  pool->window_bytes = window_bytes;
  cairo_surface_destroy (rows);
  cairo_surface_destroy (whole);
  return pool;
}

static void
copy_pool_free (CopyPool *pool)
{
  cairo_surface_destroy (pool->keeper);
  g_free (pool);
}
#endif

/**
 * ic_copy_pool_prepare:
 * @widget: a realized widget of the window
 *
 * Makes the shared memory that frames of up to the window's size are
 * copied through resident, and keeps it (see above). Does nothing but on
 * X11 with the cairo renderer, or if done before on @widget's display
 * for a window as large.
 *
 * Returns: whether a pool was prepared now
 */
gboolean
ic_copy_pool_prepare (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface;
  GdkDisplay *display;
  CopyPool *pool;
  cairo_surface_t *window;
  gsize window_bytes;
  Display *xdisplay;
  XWindowAttributes attributes;

  if (native == NULL || !GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    return FALSE;
  surface = gtk_native_get_surface (native);
  display = surface != NULL ? gdk_surface_get_display (surface) : NULL;
  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;

  xdisplay = gdk_x11_display_get_xdisplay (display);
  XGetWindowAttributes (xdisplay, gdk_x11_surface_get_xid (surface), &attributes);
  window_bytes = (gsize) attributes.width * attributes.height * 4;
  pool = g_object_get_data (G_OBJECT (display), pool_key);
  if (pool != NULL && pool->window_bytes >= window_bytes)
    return FALSE;

  window = cairo_xlib_surface_create (xdisplay, gdk_x11_surface_get_xid (surface), attributes.visual,
                                      attributes.width, attributes.height);
  /* A pool made for a smaller window is let go once the new one is made. */
  g_object_set_data_full (G_OBJECT (display), pool_key, copy_pool_new (window, window_bytes),
                          (GDestroyNotify) copy_pool_free);
  cairo_surface_destroy (window);
  return TRUE;
#else
  return FALSE;
#endif
}
