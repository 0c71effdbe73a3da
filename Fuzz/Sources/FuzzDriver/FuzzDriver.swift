#if canImport(Glibc)
    import Glibc
#endif

/// The signature of a libFuzzer test function: one input, return 0.
public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: FuzzTest
) -> CInt

/// Hands the command line to libFuzzer (from `-sanitize=fuzzer`) and exits with its status.
///
/// SwiftPM gives every executable its own entry point, so harnesses call this from `@main`
/// instead of relying on libFuzzer's `main` and `LLVMFuzzerTestOneInput`.
public func runLibFuzzer(_ test: FuzzTest) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}

/// Stops the run with `message` when a promise is broken; libFuzzer saves the input as a crash.
public func require(
    _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) {
    if !condition { fatalError(message(), file: file, line: line) }
}
