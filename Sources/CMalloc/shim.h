#ifndef HERALD_CMALLOC_SHIM_H
#define HERALD_CMALLOC_SHIM_H

#include <malloc.h>

/// Makes glibc's allocator give every thread the main arena from now on (mallopt M_ARENA_MAX = 1).
/// Returns 1 on success, 0 when glibc refused.
static inline int herald_malloc_share_one_arena(void) {
    return mallopt(M_ARENA_MAX, 1);
}

#endif
