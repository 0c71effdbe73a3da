import Foundation
import HeraldImport

/// The console's CSV imports of this process: each runs in the background after its upload and
/// is looked at by id (128 random bits) while it runs and after. Kept in memory: a restart
/// forgets them (the imported rows are in the database and the consent history either way), and
/// with several `herald serve` processes an import's page answers on the process that ran it.
final class ConsoleImportJobs: @unchecked Sendable {
    /// One import.
    struct Job: Sendable {
        var operatorName: String
        var fileName: String
        var progress: ImportProgress?
        var summary: ImportSummary?
        /// The first ``ConsoleImportJobs/shownErrors`` rejected rows; `moreErrors` counts the rest.
        var errors: [ImportRowError] = []
        var moreErrors = 0
        /// Why the import stopped, when it could not run (bad header, unreadable file).
        var failure: String?

        var finished: Bool { summary != nil || failure != nil }
    }

    static let shownErrors = 500
    static let kept = 50
    private let lock = NSLock()
    private var jobs: [(id: String, job: Job)] = []

    func start(operatorName: String, fileName: String) -> String {
        let id = UUID().uuidString.lowercased() + UUID().uuidString.lowercased().prefix(8)
        lock.withLock {
            jobs.append((id, Job(operatorName: operatorName, fileName: fileName)))
            if jobs.count > Self.kept, let index = jobs.firstIndex(where: { $0.job.finished }) {
                jobs.remove(at: index)
            }
        }
        return id
    }

    func job(_ id: String) -> Job? { lock.withLock { jobs.first { $0.id == id }?.job } }

    func update(_ id: String, _ change: (inout Job) -> Void) {
        lock.withLock {
            guard let index = jobs.firstIndex(where: { $0.id == id }) else { return }
            change(&jobs[index].job)
        }
    }

    func invalid(_ id: String, _ error: ImportRowError) {
        update(id) { job in
            if job.errors.count < Self.shownErrors { job.errors.append(error) } else { job.moreErrors += 1 }
        }
    }
}
