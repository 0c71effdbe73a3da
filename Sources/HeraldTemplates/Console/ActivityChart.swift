import Foundation

/// One day of a newsletter's activity, as the console charts it.
public struct ActivityDay: Sendable, Equatable {
    /// `2026-11-25`.
    public var date: String
    public var signups: Int
    public var confirmations: Int
    public var unsubscribes: Int

    public init(date: String, signups: Int, confirmations: Int, unsubscribes: Int) {
        self.date = date
        self.signups = signups
        self.confirmations = confirmations
        self.unsubscribes = unsubscribes
    }
}

/// A server-rendered SVG line chart of signups, confirmations and unsubscribes per day: no
/// script, `role="img"` with a `<title>` and `<desc>` that state the totals (the same figures
/// stand in a table beside it), colours with at least 4.5:1 contrast on white, and line styles
/// that differ (solid, dashed, dotted) so the series do not depend on colour alone.
public enum ActivityChart {
    static let width = 720.0
    static let height = 220.0
    static let left = 44.0
    static let right = 12.0
    static let top = 12.0
    static let bottom = 28.0

    /// A series: its name, colour and dash pattern, and how it reads a day.
    enum Series: CaseIterable {
        case signups, confirmations, unsubscribes

        var name: String {
            switch self {
            case .signups: "Signups"
            case .confirmations: "Confirmations"
            case .unsubscribes: "Unsubscribes"
            }
        }

        /// Blue, green and red, each at least 4.5:1 on white.
        var colour: String {
            switch self {
            case .signups: "#0b57d0"
            case .confirmations: "#146c2e"
            case .unsubscribes: "#b3261e"
            }
        }

        var dash: String {
            switch self {
            case .signups: ""
            case .confirmations: "6 4"
            case .unsubscribes: "2 3"
            }
        }

        func value(_ day: ActivityDay) -> Int {
            switch self {
            case .signups: day.signups
            case .confirmations: day.confirmations
            case .unsubscribes: day.unsubscribes
            }
        }
    }

    static let series = Series.allCases

    /// The SVG markup for `days` (oldest first); `id` makes the title and description ids unique.
    public static func svg(days: [ActivityDay], id: String, title: String) -> String {
        let peak = max(1, days.map { max($0.signups, $0.confirmations, $0.unsubscribes) }.max() ?? 0)
        let totals = series.map { entry in "\(days.map(entry.value).reduce(0, +)) \(entry.name.lowercased())" }
        let description =
            "\(days.first?.date ?? "") to \(days.last?.date ?? ""): " + totals.joined(separator: ", ")
            + "; at most \(peak) on one day."
        var parts = [
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
                + "aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title id=\"\(id)-title\">\(escape(title))</title>",
            "<desc id=\"\(id)-desc\">\(escape(description))</desc>",
        ]
        parts += axes(days: days, peak: peak)
        for entry in series {
            let dash = entry.dash.isEmpty ? "" : " stroke-dasharray=\"\(entry.dash)\""
            parts.append(
                "<polyline fill=\"none\" stroke=\"\(entry.colour)\" stroke-width=\"2.5\"\(dash) points=\""
                    + points(days.map(entry.value), peak: peak) + "\"/>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func axes(days: [ActivityDay], peak: Int) -> [String] {
        let baseline = height - bottom
        var lines = [
            "<g font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"#57606a\">",
            line(x1: left, y1: top, x2: left, y2: baseline),
            line(x1: left, y1: baseline, x2: width - right, y2: baseline),
            "<text x=\"\(left - 6)\" y=\"\(top + 10)\" text-anchor=\"end\">\(peak)</text>",
            "<text x=\"\(left - 6)\" y=\"\(baseline)\" text-anchor=\"end\">0</text>",
        ]
        if let first = days.first, let last = days.last {
            lines.append("<text x=\"\(left)\" y=\"\(height - 8)\">\(escape(first.date))</text>")
            lines.append(
                "<text x=\"\(width - right)\" y=\"\(height - 8)\" text-anchor=\"end\">\(escape(last.date))</text>")
        }
        lines.append("</g>")
        return lines
    }

    private static func line(x1: Double, y1: Double, x2: Double, y2: Double) -> String {
        "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"#8c959f\" stroke-width=\"1\"/>"
    }

    /// `x,y` pairs for `values` across the plot area.
    static func points(_ values: [Int], peak: Int) -> String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let step = values.count > 1 ? plotWidth / Double(values.count - 1) : 0
        return values.enumerated().map { index, value in
            let x = left + Double(index) * step
            let y = top + plotHeight * (1 - Double(value) / Double(peak))
            return String(format: "%.1f,%.1f", x, y)
        }.joined(separator: " ")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
