import Foundation

/// `GET /admin/import`: upload a CSV (the CLI's importer and options) and download an export.
public struct ConsoleImportPage: Sendable, Equatable {
    public var frame: ConsoleFrame
    /// (slug, title) of every newsletter.
    public var newsletters: [[String]]
    /// The largest upload, in megabytes.
    public var limitMegabytes: Int
    /// Why the last upload was refused.
    public var problem: String?

    public init(frame: ConsoleFrame, newsletters: [[String]], limitMegabytes: Int, problem: String? = nil) {
        self.frame = frame
        self.newsletters = newsletters
        self.limitMegabytes = limitMegabytes
        self.problem = problem
    }

    var templateValues: TemplateValues {
        frame.context([
            "on_import": true, "limit_megabytes": limitMegabytes, "problem": nullable(problem),
            "newsletters": newsletters.map { ["slug": $0.first ?? "", "title": $0.last ?? ""] as TemplateValues },
        ])
    }
}

/// `GET /admin/import/{job}`: an import's progress while it runs, then its report.
public struct ConsoleImportJobPage: Sendable, Equatable {
    public var frame: ConsoleFrame
    public var jobURL: String
    public var fileName: String
    public var running: Bool
    /// "1,234 rows read (45 %)" while it runs.
    public var progress: String
    /// (label, value) of the summary once done.
    public var figures: [[String]]
    /// (line, code, reason) of rejected rows.
    public var errors: [[String]]
    public var moreErrors: Int
    /// Why the import could not run (nothing was written).
    public var failure: String?
    /// True when a strict import found bad rows and wrote nothing.
    public var notCommitted: Bool

    public init(
        frame: ConsoleFrame, jobURL: String, fileName: String, running: Bool, progress: String, figures: [[String]],
        errors: [[String]], moreErrors: Int, failure: String?, notCommitted: Bool
    ) {
        self.frame = frame
        self.jobURL = jobURL
        self.fileName = fileName
        self.running = running
        self.progress = progress
        self.figures = figures
        self.errors = errors
        self.moreErrors = moreErrors
        self.failure = failure
        self.notCommitted = notCommitted
    }

    var templateValues: TemplateValues {
        frame.context([
            "on_import": true, "job_url": jobURL, "file_name": fileName, "running": running, "progress": progress,
            "figures": figures.map { ["label": $0.first ?? "", "value": $0.last ?? ""] as TemplateValues },
            "errors": tableRows(errors),
            "has_errors": !errors.isEmpty, "more_errors": moreErrors > 0 ? String(moreErrors) : nullable(nil),
            "failure": nullable(failure), "not_committed": notCommitted,
        ])
    }
}

extension TemplateLibrary {
    /// The import form and export links (`pages/console_import`).
    public func consoleImportPage(_ page: ConsoleImportPage) -> String {
        render(PageTemplate.consoleImport.name, page.templateValues)
    }

    /// An import's progress or report (`pages/console_import_job`).
    public func consoleImportJobPage(_ page: ConsoleImportJobPage) -> String {
        render(PageTemplate.consoleImportJob.name, page.templateValues)
    }
}
