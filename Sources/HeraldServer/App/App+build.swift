import HeraldCore
import Hummingbird
import Logging

/// The services `buildApplication` wires together; tests pass fakes or test instances.
public struct HeraldDependencies: Sendable {
    public var store: any SubscriberStore
    public var logger: Logger

    public init(store: any SubscriberStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }
}

/// Builds the HTTP application for `configuration`.
public func buildApplication(
    configuration: HeraldConfiguration, dependencies: HeraldDependencies
) -> some ApplicationProtocol {
    let router = buildRouter(configuration: configuration, dependencies: dependencies)
    return Application(
        router: router,
        configuration: .init(
            address: .hostname(configuration.listenHost, port: configuration.listenPort), serverName: "Herald"),
        onServerRunning: { channel in
            dependencies.logger.info(
                "Herald is listening", metadata: ["address": "\(channel.localAddress?.description ?? "?")"])
        },
        logger: dependencies.logger
    )
}

/// Builds the router with every endpoint.
public func buildRouter(
    configuration: HeraldConfiguration, dependencies: HeraldDependencies
) -> Router<BasicRequestContext> {
    let router = Router()
    HealthController(store: dependencies.store).register(on: router)
    return router
}
