/* ic-sha256.h: SHA-256 for content ids and the cache's checksums
 *
 * The same digests as GLib's G_CHECKSUM_SHA256, computed with nettle,
 * which uses the CPU's SHA instructions where it has them: about 7 times
 * GLib's speed on the team's machine, where hashing every file of a cold
 * read was a quarter of the loaders' CPU (doc/scale.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IC_SHA256_LENGTH 32

void  ic_sha256_digest (const void *data,
                        gsize       length,
                        guint8      digest[IC_SHA256_LENGTH]);
/* Lower-case hexadecimal, as g_compute_checksum_for_bytes() gives it. */
char *ic_sha256_hex    (GBytes     *bytes) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
