#ifndef YARDSTICK_CSUPPORT_H
#define YARDSTICK_CSUPPORT_H

#include <stddef.h>
#include <stdint.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE); returns 0, or -1 with errno set.
int ys_exchange_paths(const char *first, const char *second);

/// 1 when the CPU has the SHA extensions and SSE4.1 that ys_sha256_blocks needs, else 0 (always 0 off x86_64).
int ys_sha256_hardware(void);

/// Compresses `blocks` whole 64-byte blocks of `data` into the SHA-256 state H0..H7 with the SHA extensions;
/// call only when ys_sha256_hardware() is 1.
void ys_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// Returns memory the allocator holds free to the system (glibc's malloc_trim); does nothing elsewhere.
void ys_release_free_memory(void);

#endif
