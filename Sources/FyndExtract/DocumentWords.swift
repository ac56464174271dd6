import FyndCore

/// The words of every sentence of a document (`SentenceWords`), for the extractors that read
/// them one sentence after another (municipality, areas, deadlines, figures, people).
///
/// The words of a sentence take about ten bytes per byte of its text. A document of up to
/// `keptBytes` has them cut once and kept for every reader; a larger one has a sentence cut each
/// time it is read and let go after, so that a report of any size holds the words of one sentence
/// at a time (each reader cuts them again: a few such documents, not an archive's). The words are
/// the same either way.
struct DocumentWords: RandomAccessCollection, ExpressibleByArrayLiteral {
    private enum Source {
        case kept([SentenceWords])
        case cut(text: [UInt8], sentences: [Sentence])
    }

    private let source: Source
    let endIndex: Int

    /// The words of `sentences` of `text`, kept when the text has `keptBytes` or fewer.
    init(text: [UInt8], sentences: [Sentence], keptBytes: Int) {
        source = text.count <= keptBytes ? .kept(sentences.map { SentenceWords(text: text, range: $0.range) }) : .cut(text: text, sentences: sentences)
        endIndex = sentences.count
    }

    /// Words cut already.
    init(_ words: [SentenceWords]) {
        source = .kept(words)
        endIndex = words.count
    }

    init(arrayLiteral words: SentenceWords...) { self.init(words) }

    var startIndex: Int { 0 }

    subscript(i: Int) -> SentenceWords {
        switch source {
        case .kept(let words): words[i]
        case .cut(let text, let sentences): SentenceWords(text: text, range: sentences[i].range)
        }
    }

    /// The words of `first`, then these.
    func after(_ first: [SentenceWords]) -> LazyMapSequence<Range<Int>, SentenceWords> {
        (-first.count..<endIndex).lazy.map { $0 < 0 ? first[first.count + $0] : self[$0] }
    }
}
