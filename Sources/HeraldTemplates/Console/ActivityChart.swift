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

/// One line of a ``LineChart``.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    /// A colour with at least 4.5:1 contrast on white.
    public var colour: String
    /// An SVG dash pattern ("" for a solid line), so series differ by more than colour.
    public var dash: String
    public var values: [Int]

    public init(name: String, colour: String, dash: String, values: [Int]) {
        self.name = name
        self.colour = colour
        self.dash = dash
        self.values = values
    }
}

/// A server-rendered SVG line chart: no script, `role="img"` with a `<title>` and a `<desc>` that
/// state the figures in words (the console puts the same figures in a table beside it), the
/// first and last labels under the x axis and the peak beside the y axis.
public enum LineChart {
    static let width = 720.0
    static let height = 220.0
    static let left = 44.0
    static let right = 12.0
    static let top = 12.0
    static let bottom = 28.0

    /// The SVG markup; `id` makes the title and description ids unique on the page.
    public static func svg(
        series: [ChartSeries], firstLabel: String, lastLabel: String, id: String, title: String, description: String
    ) -> String {
        let peak = max(1, series.flatMap(\.values).max() ?? 0)
        var parts = [
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
                + "aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title id=\"\(id)-title\">\(escape(title))</title>",
            "<desc id=\"\(id)-desc\">\(escape(description))</desc>",
        ]
        parts += axes(peak: peak, firstLabel: firstLabel, lastLabel: lastLabel)
        for entry in series {
            let dash = entry.dash.isEmpty ? "" : " stroke-dasharray=\"\(entry.dash)\""
            parts.append(
                "<polyline fill=\"none\" stroke=\"\(entry.colour)\" stroke-width=\"2.5\"\(dash) points=\""
                    + points(entry.values, peak: peak) + "\"/>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The largest value of any series (at least 1): the top of the y axis.
    public static func peak(_ series: [ChartSeries]) -> Int { max(1, series.flatMap(\.values).max() ?? 0) }

    private static func axes(peak: Int, firstLabel: String, lastLabel: String) -> [String] {
        let baseline = height - bottom
        var lines = [
            "<g font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"#57606a\">",
            line(x1: left, y1: top, x2: left, y2: baseline),
            line(x1: left, y1: baseline, x2: width - right, y2: baseline),
            "<text x=\"\(left - 6)\" y=\"\(top + 10)\" text-anchor=\"end\">\(peak)</text>",
            "<text x=\"\(left - 6)\" y=\"\(baseline)\" text-anchor=\"end\">0</text>",
        ]
        if !firstLabel.isEmpty {
            lines.append("<text x=\"\(left)\" y=\"\(height - 8)\">\(escape(firstLabel))</text>")
            lines.append(
                "<text x=\"\(width - right)\" y=\"\(height - 8)\" text-anchor=\"end\">\(escape(lastLabel))</text>")
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

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// Signups (blue, solid), confirmations (green, dashed) and unsubscribes (red, dotted) per day.
public enum ActivityChart {
    /// The SVG markup for `days` (oldest first).
    public static func svg(days: [ActivityDay], id: String, title: String) -> String {
        let series = [
            ChartSeries(name: "Signups", colour: "#0b57d0", dash: "", values: days.map(\.signups)),
            ChartSeries(name: "Confirmations", colour: "#146c2e", dash: "6 4", values: days.map(\.confirmations)),
            ChartSeries(name: "Unsubscribes", colour: "#b3261e", dash: "2 3", values: days.map(\.unsubscribes)),
        ]
        let totals = series.map { "\($0.values.reduce(0, +)) \($0.name.lowercased())" }
        let description =
            "\(days.first?.date ?? "") to \(days.last?.date ?? ""): " + totals.joined(separator: ", ")
            + "; at most \(LineChart.peak(series)) on one day."
        return LineChart.svg(
            series: series, firstLabel: days.first?.date ?? "", lastLabel: days.last?.date ?? "", id: id, title: title,
            description: description)
    }
}
