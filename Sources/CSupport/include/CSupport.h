#ifndef YARDSTICK_CSUPPORT_H
#define YARDSTICK_CSUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE); returns 0, or -1 with errno set.
int ys_exchange_paths(const char *first, const char *second);

#endif
