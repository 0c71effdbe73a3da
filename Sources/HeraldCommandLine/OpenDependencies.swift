import ArgumentParser
import HeraldApp
import Logging

/// Opens the database, templates and mail transport, turning failures into a clear message and exit 3.
/// `sqlitePageCacheKiB` as in `HeraldDependencies.open`.
package func openDependencies(_ configuration: HeraldConfiguration, logger: Logger, sqlitePageCacheKiB: Int? = nil)
    async throws -> HeraldDependencies
{
    do {
        return try await HeraldDependencies.open(configuration, logger: logger, sqlitePageCacheKiB: sqlitePageCacheKiB)
    } catch {
        logger.critical("cannot start: \(error)")
        throw ExitCode(3)
    }
}
