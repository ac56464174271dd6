import FyndCore

/// Coordinated lists that one word judges as a whole: prepositional phrases ("brister i
/// myndighetsutövningen, i handläggningen, i dokumentationen och i uppföljningen", "brister i
/// såväl besluten som journalerna och uppföljningen") and the
/// items after a colon ("Det saknas: rutiner för orosanmälningar, dokumentation av samtal och
/// uppföljning"). Each later item is given the first item's position when `near` measures how
/// far apart two words are (`MatchScratch.listPosition`), so the word before the list is as
/// near every item as the first.
///
/// Cost: one pass over the sentence's words, a few comparisons per preposition and colon, and
/// no allocation once the scratch arrays have grown; only in a sentence where `near` found two
/// words too far apart to hold without a list.
extension MatchScratch {
    /// The prepositions whose repetition marks each item of a list.
    private static let listPrepositions = WordSet(["i", "av", "för", "på", "inom", "kring", "vid"])
    private static let conjunctions = WordSet(["och", "samt", "eller"])
    /// A pair of correlatives that a preposition heads: "i såväl A som B".
    private static let pairOpeners = WordSet(["såväl"]), pairJoiners = WordSet(["som"])
    /// The most words of one item before the next one starts (the last item: the most counted).
    private static let itemWords = 6
    private static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":"), otherMark = UInt8(ascii: "x")

    /// Keeps the sentence whose lists `listPositions()` reads when `near` first needs them.
    mutating func deferListPositions(_ sentence: Sentence) {
        listPosition.removeAll(keepingCapacity: true)
        listSentence = sentence
    }

    /// Per word of the sentence that `deferListPositions` kept, where it stands for `near` (its
    /// own index outside a list's later items); empty when the sentence has no list. Read once.
    mutating func listPositions() -> [Int] {
        if let sentence = listSentence {
            listSentence = nil
            computeListPositions(sentence)
        }
        return listPosition
    }

    /// Sets `listPosition` for `sentence`.
    private mutating func computeListPositions(_ sentence: Sentence) {
        listPosition.removeAll(keepingCapacity: true)
        let tokens = sentence.tokens
        guard words.count > 4 else { return }
        sentence.folded.withUnsafeBufferPointer { folded in
            func form(_ w: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: folded[tokens[words[w]].folded]) }
            func same(_ a: Int, _ b: Int) -> Bool { form(a).elementsEqual(form(b)) }
            func isConjunction(_ w: Int) -> Bool { Self.conjunctions.contains(form(w)) }
            /// The punctuation between word `w - 1` and word `w`: nil when there is none, the mark
            /// when it is one comma or colon, `otherMark` for anything else.
            func markBefore(_ w: Int) -> UInt8? {
                let between = (words[w - 1] + 1)..<words[w]
                if between.isEmpty { return nil }
                if between.count == 1, let b = UnsafeBufferPointer(rebasing: folded[tokens[between.lowerBound].folded]).first,
                   b == Self.comma || b == Self.colon { return b }
                return Self.otherMark
            }
            /// Whether a later item starts at word `w`: after a comma, a conjunction, or both (", och").
            func startsItem(_ w: Int) -> Bool {
                if markBefore(w) == Self.comma { return true }
                guard w >= 2, markBefore(w) == nil, isConjunction(w - 1) else { return false }
                return markBefore(w - 1) == nil || markBefore(w - 1) == Self.comma
            }
            /// "i såväl A som B (och C)": the preposition once, the items after "som" and a conjunction;
            /// whether they were added to `listStarts`.
            func pairedItems(after w: Int) -> Bool {
                guard w + 2 < words.count, Self.pairOpeners.contains(form(w + 1)), markBefore(w + 1) == nil else { return false }
                func plainRun(from a: Int, where found: (Int) -> Bool) -> Int? {
                    var x = a
                    while x < min(words.count - 1, a + Self.itemWords), markBefore(x) == nil {
                        if found(x), markBefore(x + 1) == nil { return x }
                        x += 1
                    }
                    return nil
                }
                guard let som = plainRun(from: w + 3, where: { Self.pairJoiners.contains(form($0)) }) else { return false }
                listStarts.append(som + 1)
                if let and = plainRun(from: som + 2, where: isConjunction) { listStarts.append(and + 1) }
                return true
            }
            /// Each later item of `listStarts` onto the first; the last item ends at a mark or after
            /// an item's length.
            func moveItems() {
                if listPosition.isEmpty { listPosition.append(contentsOf: 0..<words.count) }
                for k in 1..<listStarts.count {
                    let start = listStarts[k], isLast = k + 1 == listStarts.count
                    let end = isLast ? min(words.count, start + Self.itemWords) : listStarts[k + 1]
                    var x = start
                    while x < end, x == start || !isLast || markBefore(x) == nil {
                        listPosition[x] = x - (start - listStarts[0])
                        x += 1
                    }
                }
            }
            var w = 1
            while w < words.count {
                defer { w += 1 }
                listStarts.removeAll(keepingCapacity: true)
                listStarts.append(w)
                if markBefore(w) == Self.colon {
                    // After a colon: items between commas, the last one after a conjunction.
                    var k = w + 1
                    while k < words.count, k - listStarts.last! <= Self.itemWords, markBefore(k) == nil || markBefore(k) == Self.comma {
                        if markBefore(k) == Self.comma { listStarts.append(isConjunction(k) && k + 1 < words.count ? k + 1 : k) }
                        k += 1
                    }
                    if let last = listStarts.last, listStarts.count > 1,
                       let j = stride(from: last + 1, to: min(words.count - 1, last + Self.itemWords), by: 1).first(where: { isConjunction($0) && markBefore($0) == nil && markBefore($0 + 1) == nil }) {
                        listStarts.append(j + 1)
                        moveItems()
                    }
                    continue
                }
                guard Self.listPrepositions.contains(form(w)) else { continue }
                if pairedItems(after: w) {
                    moveItems()
                    w = listStarts.last!
                    continue
                }
                var next = w + 1
                // The next item: the same preposition within an item's length, only a comma between.
                while next < words.count, next - listStarts.last! <= Self.itemWords {
                    if let mark = markBefore(next) {
                        let opensItem = same(next, w) || (isConjunction(next) && next + 1 < words.count && markBefore(next + 1) == nil && same(next + 1, w))
                        guard mark == Self.comma, opensItem else { break }
                    }
                    if next > listStarts.last! + 1, same(next, w), startsItem(next) { listStarts.append(next) }
                    next += 1
                }
                guard listStarts.count > 1 else { continue }
                moveItems()
                w = listStarts.last!
            }
        }
    }
}
