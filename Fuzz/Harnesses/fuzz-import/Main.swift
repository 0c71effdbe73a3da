import FuzzDriver

/// Runs this harness under libFuzzer; `scripts/fuzz` builds and runs it (see Fuzz/README.md).
@main
enum Main {
    static func main() { runLibFuzzer { fuzzImport($0, $1) } }
}
