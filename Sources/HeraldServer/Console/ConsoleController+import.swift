import Foundation
import HeraldCore
import HeraldImport
import HeraldTemplates
import Hummingbird
import NIOCore

/// The console's CSV import and export: the upload is streamed to a private temporary file (never
/// held in memory, refused past `console_upload_max_bytes`), imported in the background by the
/// CLI's ``SubscriberImporter`` with the same options, and followed on its own page; the export is
/// the CLI's ``SubscriberExporter``. Both are audited (`subscribers.import`, `subscribers.export`).
extension ConsoleController {
    func registerImport(on router: Router<HeraldRequestContext>) {
        router.get("/admin/import") { request, _ in
            guard let session = try await session(of: request) else { return signInRedirect(request) }
            return ConsoleResponses.html(templates.consoleImportPage(importPage(session)))
        }
        router.post("/admin/import") { request, _ in try await upload(request) }
        router.get("/admin/import/:job") { request, context in
            guard let session = try await session(of: request) else { return signInRedirect(request) }
            let id = context.parameters.get("job") ?? ""
            guard let job = services.imports.job(id) else { return notFound("No import has this number (any more).") }
            return ConsoleResponses.html(templates.consoleImportJobPage(jobPage(session, id: id, job)))
        }
        router.get("/admin/export.csv") { request, context in try await export(request, context) }
    }

    private func importPage(_ session: ConsoleSession, problem: String? = nil) -> ConsoleImportPage {
        ConsoleImportPage(
            frame: frame(session), newsletters: newsletters.map { [$0.slug, $0.title] },
            limitMegabytes: services.uploadLimit / 1_048_576, problem: problem)
    }

    private func upload(_ request: Request) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect() }
        let refuse = { (problem: String, status: HTTPResponse.Status) in
            ConsoleResponses.html(templates.consoleImportPage(importPage(session, problem: problem)), status: status)
        }
        let upload: ConsoleUpload
        do {
            upload = try await ConsoleUpload.receive(
                request, fileField: "file", limit: services.uploadLimit, into: FileManager.default.temporaryDirectory,
                csrfMatches: { [csrf] in csrf.matches($0, sessionHash: session.idHash) })
        } catch ConsoleUploadError.forged {
            return forbidden()
        } catch ConsoleUploadError.tooLarge(let limit) {
            return refuse("The file is larger than \(limit / 1_048_576) MB; nothing was imported.", .contentTooLarge)
        } catch {
            return refuse("The upload could not be read; choose the file again.", .badRequest)
        }
        let form = ConsoleForm(fields: upload.fields)
        let slug = form["newsletter"] ?? ""
        guard newsletters.contains(where: { $0.slug == slug }),
            let status = form["status"].flatMap(SubscriptionStatus.init(rawValue:)), status != .unsubscribed
        else {
            try? FileManager.default.removeItem(at: upload.file)
            return refuse("Choose a newsletter and a state from the form.", .unprocessableContent)
        }
        let options = ImportOptions(
            newsletter: slug, status: status, sendConfirmation: form["send_confirmation"] == "1" && status == .pending,
            strict: form["strict"] == "1", emailPolicy: services.emailPolicy,
            operatorName: "console:\(session.operatorName)")
        let id = services.imports.start(operatorName: session.operatorName, fileName: upload.fileName)
        startImport(id: id, file: upload.file, options: options, operatorName: session.operatorName)
        return ConsoleResponses.redirect(to: site.baseURL + "/admin/import/\(id)")
    }

    private func startImport(id: String, file: URL, options: ImportOptions, operatorName: String) {
        let importer = SubscriberImporter(
            store: store, newsletters: newsletters, confirmations: services.subscriptions, now: now)
        let (jobs, audit) = (services.imports, services.audit)
        Task.detached {
            defer { try? FileManager.default.removeItem(at: file) }
            do {
                let summary = try await importer.run(
                    path: file.path, options: options, invalidRow: { jobs.invalid(id, $0) },
                    progress: { progress in jobs.update(id) { $0.progress = progress } })
                jobs.update(id) { $0.summary = summary }
                try? await audit.record(
                    actor: operatorName, action: "subscribers.import", target: nil, detail: ["summary": summary.line])
            } catch {
                jobs.update(id) { $0.failure = "\(error)" }
            }
        }
    }

    private func jobPage(_ session: ConsoleSession, id: String, _ job: ConsoleImportJobs.Job) -> ConsoleImportJobPage {
        let progress = job.progress.map { progress in
            let share = progress.totalBytes > 0 ? " (\(progress.bytesRead * 100 / progress.totalBytes) %)" : ""
            return "\(progress.rows) rows read\(share)"
        }
        let summary = job.summary
        let figures: [[String]] =
            summary.map {
                [
                    ["Rows", "\($0.rows)"], ["Imported", "\($0.imported)"], ["Updated", "\($0.updated)"],
                    ["Duplicates merged", "\($0.duplicatesMerged)"],
                    ["Suppressed, skipped", "\($0.suppressedSkipped)"],
                    ["Bad rows", "\($0.invalid)"], ["Confirmations queued", "\($0.confirmationsQueued)"],
                ]
            } ?? []
        return ConsoleImportJobPage(
            frame: frame(session), jobURL: site.baseURL + "/admin/import/\(id)", fileName: job.fileName,
            running: !job.finished, progress: progress ?? "starting", figures: figures,
            errors: job.errors.map { ["\($0.line)", $0.problem.code, "\($0.problem)"] }, moreErrors: job.moreErrors,
            failure: job.failure, notCommitted: summary?.committed == false)
    }

    private func export(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        let query = request.uri.queryParameters
        let slug = query.get("newsletter").flatMap { $0.isEmpty ? nil : $0 }
        let status = query.get("status").flatMap { $0.isEmpty ? nil : $0 }
        if let slug, !newsletters.contains(where: { $0.slug == slug }) {
            return badRequest("No newsletter has this name.")
        }
        let state = status.flatMap(SubscriptionStatus.init(rawValue:))
        if status != nil, state == nil { return badRequest("The state must be pending, confirmed or unsubscribed.") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "herald-export-\(UUID().uuidString).csv")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: file.path)
        else { throw ConsoleUploadError.malformed }
        defer {
            try? handle.close()
            try? FileManager.default.removeItem(at: file)
        }
        let rows = try await SubscriberExporter(store: store).export(newsletter: slug, status: state) {
            handle.write(Data($0))
        }
        try await services.audit.record(
            actor: session.operatorName, action: "subscribers.export", target: slug.map { "newsletter:\($0)" },
            detail: ["rows": "\(rows)", "status": status])
        let bytes = try Data(contentsOf: file, options: .alwaysMapped)
        return ConsoleResponses.download(
            Array(bytes), contentType: "text/csv; charset=utf-8", fileName: "subscribers-\(slug ?? "all").csv")
    }
}
