import Foundation
import HeraldCore

extension ConfigurationKey {
    /// The keys for deliverability: VERP bounce address, the signup reminder, the DKIM selector `herald doctor` checks.
    static let deliverability: [ConfigurationKey] = [
        .init(
            name: "bounce_address", help: "mailbox for bounces; each message's envelope sender becomes box+tag@domain"
        ) { c, v throws(ConfigurationError) in
            let text = try v.text()
            do throws(BounceAddressError) {
                c.bounceAddress = try BounceAddress(parsing: text)
            } catch {
                throw v.fail(error.description)
            }
        },
        .init(name: "reminder_hours", help: "hours after signup to send one reminder (0 = none; fractions allowed)") {
            c, v throws(ConfigurationError) in
            let hours = try v.hours(in: 0...720)
            c.signup.reminderAfter = hours == 0 ? nil : .milliseconds(Int64((hours * 3_600_000).rounded()))
        },
        .init(name: "dkim_selector", help: "DKIM selector the relay signs with (checked by herald doctor)") {
            c, v throws(ConfigurationError) in
            let selector = try v.text()
            let labels = selector.split(separator: ".", omittingEmptySubsequences: false)
            guard selector.utf8.count <= 200,
                labels.allSatisfy({
                    (1...63).contains($0.utf8.count)
                        && $0.unicodeScalars.allSatisfy {
                            $0.isASCII
                                && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
                        }
                })
            else { throw v.fail("expected a DNS label such as 's1' or 'mail2025', got '\(selector.prefix(60))'") }
            c.dkimSelector = selector
        },
    ]
}

extension ConfigValue {
    /// A number of hours, fractions allowed (`0.01` is 36 seconds).
    func hours(in range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
        let raw = try string().trimmingCharacters(in: .whitespaces)
        guard let number = Double(raw), number.isFinite else {
            throw fail("expected a number of hours such as 24 or 0.5, got '\(raw.prefix(40))'")
        }
        guard range.contains(number) else {
            throw fail(
                "must be between \(range.lowerBound.formatted()) and \(range.upperBound.formatted()), got \(raw)")
        }
        return number
    }
}

extension HeraldConfiguration {
    /// Rules that span several keys, checked once everything is read.
    func validateCombinations() throws(ConfigurationError) {
        if let reminder = signup.reminderAfter, reminder >= signup.confirmationLifetime {
            throw ConfigurationError(
                "reminder_hours (\(reminder.hoursText)) must be shorter than confirmation_hours "
                    + "(\(signup.confirmationLifetime.hoursText)): the reminder's fresh link needs time before "
                    + "unconfirmed signups are purged")
        }
    }
}

extension Duration {
    fileprivate var hoursText: String {
        let hours = Double(components.seconds) / 3600 + Double(components.attoseconds) / 3.6e21
        return hours.formatted(.number.precision(.fractionLength(0...3))) + " h"
    }
}
