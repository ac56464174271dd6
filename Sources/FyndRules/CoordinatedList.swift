import FyndCore

/// Coordinated prepositional phrases: "brister i myndighetsutövningen, i handläggningen, i
/// dokumentationen och i uppföljningen". The word before the list judges every item as it
/// judges the first, so each later item is given the first item's position when `near`
/// measures how far apart two words are (`MatchScratch.listPosition`).
///
/// Cost: one pass over the sentence's tokens, and a few comparisons per preposition.
extension MatchScratch {
    /// The prepositions whose repetition marks each item of a list.
    private static let listPrepositions = WordSet(["i", "av", "för", "på", "inom", "kring", "vid"])
    private static let conjunctions = WordSet(["och", "samt", "eller"])
    /// The most words of one item before the next one starts (the last item: the most counted).
    private static let itemWords = 6

    /// Sets `listPosition`: per word, where it stands for `near` (its own index outside a list's
    /// later items); empty when the sentence has no list.
    mutating func computeListPositions(_ sentence: Sentence) {
        listPosition.removeAll(keepingCapacity: true)
        let tokens = sentence.tokens
        guard words.count > 4 else { return }
        sentence.folded.withUnsafeBufferPointer { folded in
            func form(_ w: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: folded[tokens[words[w]].folded]) }
            func same(_ a: Int, _ b: Int) -> Bool { form(a).elementsEqual(form(b)) }
            /// The punctuation between word `w - 1` and word `w`: nil when there is none, "," for one
            /// comma, "x" for anything else.
            func markBefore(_ w: Int) -> UInt8? {
                let between = (words[w - 1] + 1)..<words[w]
                if between.isEmpty { return nil }
                if between.count == 1, let b = UnsafeBufferPointer(rebasing: folded[tokens[between.lowerBound].folded]).first, b == UInt8(ascii: ",") { return b }
                return UInt8(ascii: "x")
            }
            /// Whether a later item starts at word `w`: the same preposition after a comma, a
            /// conjunction, or both (", och").
            func startsItem(_ w: Int) -> Bool {
                if markBefore(w) == UInt8(ascii: ",") { return true }
                guard w >= 2, markBefore(w) == nil, Self.conjunctions.contains(form(w - 1)) else { return false }
                return markBefore(w - 1) == nil || markBefore(w - 1) == UInt8(ascii: ",")
            }
            var w = 1
            while w < words.count {
                defer { w += 1 }
                guard Self.listPrepositions.contains(form(w)) else { continue }
                var starts = [w]
                var next = w + 1
                // The next item: the same preposition within an item's length, no other mark between.
                while next < words.count, next - starts.last! <= Self.itemWords {
                    // Only a comma may stand, before the next item or the conjunction that opens it.
                    if let mark = markBefore(next) {
                        let opensItem = same(next, w)
                            || (Self.conjunctions.contains(form(next)) && next + 1 < words.count && markBefore(next + 1) == nil && same(next + 1, w))
                        guard mark == UInt8(ascii: ","), opensItem else { break }
                    }
                    if next > starts.last! + 1, same(next, w), startsItem(next) { starts.append(next) }
                    next += 1
                }
                guard starts.count > 1 else { continue }
                if listPosition.isEmpty { listPosition.append(contentsOf: 0..<words.count) }
                for (k, start) in starts.enumerated().dropFirst() {
                    let shift = start - starts[0]
                    var x = start
                    // The last item ends at a mark or after an item's length.
                    let end = k + 1 < starts.count ? starts[k + 1] : min(words.count, start + Self.itemWords)
                    while x < end, x == start || markBefore(x) == nil || k + 1 < starts.count {
                        listPosition[x] = x - shift
                        x += 1
                    }
                }
                w = starts.last!
            }
        }
    }
}
