import Logging
import ServiceLifecycle

/// Flushes the click recorder every `interval` inside `herald serve`, and once more, with every
/// hit still watched, when the server stops.
struct ClickService: Service {
    let recorder: ClickRecorder
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                await recorder.flush()
            }
        }
        await recorder.flush(all: true)
    }
}
