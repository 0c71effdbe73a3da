import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the `herald-serve` executable and replaces this process with it, like git's subcommands.
enum ServeLauncher {
    /// The executable's file name.
    static let name = "herald-serve"

    /// Where the Debian package installs it (scripts/package).
    static let packagedPath = "/usr/libexec/herald/herald-serve"

    /// The places looked in, in order: beside the running `herald` (`/proc/self/exe`, so a symlink
    /// to herald still finds its own build), then the package's libexec path.
    static func candidates() -> [String] {
        var paths: [String] = []
        if let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            paths.append(URL(fileURLWithPath: running).deletingLastPathComponent().appendingPathComponent(name).path)
        }
        if !paths.contains(packagedPath) { paths.append(packagedPath) }
        return paths
    }

    /// Execs the first executable candidate with `arguments`; if none runs, exits with status 3
    /// saying what was looked for and where.
    static func exec(arguments: [String]) -> Never {
        let paths = candidates()
        guard let path = paths.first(where: { access($0, X_OK) == 0 }) else {
            complain(
                "herald serve: cannot find the \(name) executable (looked at \(paths.joined(separator: ", "))); "
                    + "install it beside herald (swift build --product \(name)) or reinstall the herald package")
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        complain("herald serve: cannot run \(path): \(reason)")
    }

    private static func complain(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(3)
    }
}
