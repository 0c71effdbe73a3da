/// Characters that change how the text around them is shown instead of being shown themselves:
/// one rule for the places that store text an operator later reads (admin API fields, imported
/// names).
package enum DisplayControls {
    /// Whether `scalar` is a control character (C0, DEL or C1, such as NEL U+0085 or a terminal's
    /// CSI U+009B) or a bidirectional embedding, override or isolate (U+202A–U+202E,
    /// U+2066–U+2069), which can make a name read backwards in the console or a mail client.
    package static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }
}
