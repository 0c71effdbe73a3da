import CMalloc

/// glibc's allocator gives threads that allocate at the same time arenas of their own, and each arena
/// keeps the memory freed in it for reuse. A long `subscribers import` runs its batches on whichever
/// cooperative threads are free, and peaked about 20 MB higher at 300,000 rows than with one arena,
/// at the same speed (measured in BENCHMARKS.md, issue #21 target 3). `mallopt(M_ARENA_MAX)` is glibc's own switch for this
/// (the `MALLOC_ARENA_MAX` environment variable sets the same).
///
/// The limit only holds for threads that have not allocated yet, so it is set first thing in `main`,
/// before any subcommand runs (set in the import command itself, it changed nothing).
enum MallocArenas {
    /// Whether `arguments` (the whole command line) run `herald subscribers import`.
    static func isImport(_ arguments: [String]) -> Bool {
        let words = Array(arguments.dropFirst())
        return words.indices.dropLast().contains { words[$0] == "subscribers" && words[$0 + 1] == "import" }
    }

    /// Makes every later allocation share glibc's main arena.
    static func shareOne() {
        _ = herald_malloc_share_one_arena()
    }
}
