/// The shape of a sentence as a line of the page, read from its bytes: whether it closes with a
/// mark, how many words it has, and so which lines are short labels — a heading or slogan above
/// the text ("För barnens bästa"), a teaser inside it ("Hård kritik").
enum LineShape {
    /// The most words of a label line.
    static let labelWords = 4

    /// Whether the line ends in ".", "!" or "?".
    static func closes(_ s: ArraySlice<UInt8>) -> Bool {
        guard let last = s.last(where: { !$0.isASCIISpace }) else { return false }
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
    }

    /// Whether the line is a label: at most `labelWords` words and no closing mark.
    static func isLabel(_ s: ArraySlice<UInt8>) -> Bool {
        !closes(s) && s.split(whereSeparator: \.isASCIISpace).count <= labelWords
    }

    /// The label lines above the text: those before the first line that closes with a mark (a
    /// site's name, a slogan, a heading), which name topics and state nothing.
    static func labelsAbove(_ sentences: some Sequence<ArraySlice<UInt8>>) -> Set<Int> {
        var out: Set<Int> = []
        for (i, s) in sentences.enumerated() {
            if closes(s) { break }
            if isLabel(s) { out.insert(i) }
        }
        return out
    }

}
