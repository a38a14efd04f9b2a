/* ic-sha256.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <nettle/sha2.h>

#include "ic-sha256.h"

G_STATIC_ASSERT (IC_SHA256_LENGTH == SHA256_DIGEST_SIZE);

void
ic_sha256_digest (const void *data,
                  gsize       length,
                  guint8      digest[IC_SHA256_LENGTH])
{
  struct sha256_ctx context;

  sha256_init (&context);
  /* An empty GBytes may hold NULL: no byte is read from it. */
  if (length > 0)
    sha256_update (&context, length, data);
  sha256_digest (&context, IC_SHA256_LENGTH, digest);
}

char *
ic_sha256_hex (GBytes *bytes)
{
  static const char digits[] = "0123456789abcdef";
  guint8 digest[IC_SHA256_LENGTH];
  gsize length = 0;
  const void *data = g_bytes_get_data (bytes, &length);
  char *hex = g_malloc (2 * IC_SHA256_LENGTH + 1);

  ic_sha256_digest (data, length, digest);
  for (guint i = 0; i < IC_SHA256_LENGTH; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[2 * IC_SHA256_LENGTH] = '\0';
  return hex;
}
