/// Site-specific rules applied on top of address syntax.
public struct EmailValidationPolicy: Sendable {
    /// Syntax rules only: no domain is blocked.
    public static let `default` = EmailValidationPolicy()

    /// Domains whose addresses are rejected with ``EmailValidationError/Code/disposableDomain``;
    /// `nil` blocks nothing.
    public var blockedDomains: DisposableDomainList?

    /// Creates a policy; by default nothing beyond syntax is checked.
    public init(blockedDomains: DisposableDomainList? = nil) {
        self.blockedDomains = blockedDomains
    }
}
