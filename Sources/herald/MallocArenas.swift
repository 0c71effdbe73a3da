import CMalloc

/// glibc's allocator gives threads that allocate at the same time arenas of their own, and each arena
/// keeps the memory freed in it for reuse. A long `subscribers import` frees a batch's memory on one
/// cooperative thread and allocates the next batch's on another, so every arena ends up holding a
/// batch's worth: about 20 MB more peak RSS at 300,000 rows than with one arena, for no measurable
/// speed (BENCHMARKS.md, issue #21 target 3). `mallopt(M_ARENA_MAX)` is glibc's own switch for this
/// (the `MALLOC_ARENA_MAX` environment variable sets the same).
enum MallocArenas {
    /// Makes every later allocation share glibc's main arena.
    static func shareOne() {
        _ = herald_malloc_share_one_arena()
    }
}
