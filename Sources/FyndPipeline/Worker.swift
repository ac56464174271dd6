import FyndCore
import FyndEmit
import FyndExtract
import FyndNormalize
import FyndRules
import FyndSegment

/// Everything one document goes through, in stage order: Normalize → Segment → Match →
/// Extract → Emit. Owns its ICU iterators, so each thread needs its own worker.
public final class Worker {
    public let segmenter: Segmenter
    public let matcher: Matcher
    public let extractor: Extractor
    let normalizer = Normalizer()
    let encoder: JSONLEncoder
    let options: OutputOptions
    var scratch: MatchScratch

    public convenience init(matcher: Matcher, gazetteer: Gazetteer, options: OutputOptions = OutputOptions()) throws(SegmentError) {
        try self.init(extractor: Extractor(matcher: matcher, gazetteer: gazetteer), options: options)
    }

    /// A worker with an extractor that others share (its place names are indexed once per run).
    public init(extractor: Extractor, options: OutputOptions = OutputOptions()) throws(SegmentError) {
        segmenter = try Segmenter()
        matcher = extractor.matcher
        self.options = options
        self.extractor = extractor
        encoder = JSONLEncoder(emitText: options.emitText)
        scratch = MatchScratch(matcher: matcher)
    }

    /// The result or error for one input. The input's bytes are let go once the document is
    /// made of them (when the caller holds no other copy).
    public func process(_ unprepared: consuming InputItem) -> Outcome {
        let item = unprepared.prepared()
        _ = consume unprepared
        let (id, source) = (item.id, item.source)
        do {
            return .result(analyse(try normalise(consume item, id: id, source: source)))
        } catch {
            return .failure(id: id, source: source, error: error)
        }
    }

    /// The Normalize stage for a prepared item; its error when it could not be read. The item's
    /// bytes are handed on, so that they go once read (when the caller holds no other copy).
    func normalise(_ item: consuming InputItem) throws(DocumentError) -> Document {
        let (id, source) = (item.id, item.source)
        return try normalise(item, id: id, source: source)
    }

    /// As `normalise(_:)`, given the item's id and source.
    private func normalise(_ item: consuming InputItem, id: String, source: String) throws(DocumentError) -> Document {
        switch item.takePayload() {
        case .jsonLine:
            preconditionFailure("prepared() parses JSONL lines")
        case .failure(let error):
            throw error
        case .bytes(let bytes, let format):
            return try normalizer.normalize(bytes: consume bytes, id: id, source: source, format: format)
        case .text(let text, let format, let sha, let metadata):
            func field(_ keys: [String]) -> String? { metadata.first { keys.contains($0.key) }.flatMap { JSON.string($0.json) } }
            // A crawler's fields: the page's address, and its date in ISO form.
            let published = field(["published", "date", "datePublished", "published_at", "publishedAt"]).flatMap { SwedishDate.isoDate(Substring($0)) }
            var d = try normalizer.normalize(validUTF8: consume text, id: id, source: source, format: format, sha256: sha,
                                             address: field(["url"]), published: published)
            d.metadata = metadata
            return d
        }
    }

    /// Segment, match and extract a normalised document.
    public func analyse(_ document: consuming Document) -> DocumentResult {
        var cuts = 0
        var sentences = segmenter.sentences(document, cuts: &cuts)
        if cuts > 0 {
            document.warnings.append("\(cuts) sentence(s) longer than \(Segmenter.maxSentenceWords) words cut at a word boundary")
        }
        let matched = match(document, &sentences)
        return extract(consume document, sentences: sentences, matched)
    }

    /// What the Match stage hands to the Extract stage.
    struct Matched {
        /// Per sentence, or none at all for a document that cannot be relevant.
        var hits: [[RuleHit]]
        var headline: [RuleHit]?
        /// The language of the text (`Language`).
        var language: String
        /// Per sentence, whether it is one word (`Sentence.isOneWord`), where there are hits.
        var oneWord: [Bool] = []
    }

    /// The Match stage: a first scan of the folded document finds the sentences where a rule
    /// may fire; only those are cut into words (ICU) and matched. Relevance comes first: a
    /// document whose candidate relevance rules cannot make it relevant is not matched at all;
    /// else the sentences where they may fire are matched with every rule, and the other
    /// sentences only when those make the document relevant. All rules at once when findings
    /// are wanted everywhere. Sections that quote the law are not matched. The headline of a
    /// page counts for relevance (`headlineHits`). The folded text is made and scanned a window
    /// of `windowBytes` at a time, and sentences are cut into words a window at a time
    /// (`matchInWindows`) and left without them.
    func match(_ document: Document, _ sentences: inout [Sentence]) -> Matched {
        let headline = headlineHits(document)
        let rules: Matcher.RuleSet = matcher.splitsRelevance && !options.allFindings ? .relevance : .all
        // The language is told by the first words of the folded text, as its windows pass.
        var words = Language.FoldedCount()
        let looked = matcher.candidates(inText: document.utf8, windowBytes: windowBytes, sentences: sentences, rules: rules) { folded, own in
            guard !words.isFull else { return }
            folded.bytes.withUnsafeBufferPointer { words.add(UnsafeBufferPointer(rebasing: $0[(own.lowerBound - folded.start)..<(own.upperBound - folded.start)])) }
        }
        let folds = looked != nil
        let first = looked ?? matcher.everything(sentences, rules: rules)
        // Most documents lack what relevance needs (a supervisor, the social services, a case)
        // even where every candidate fired, or every rule whose parts all have their words in the
        // document: their sentences need no words, and have no hits.
        if folds, rules == .relevance, !matcher.couldBeRelevant(first, headline: headline) {
            return Matched(hits: [], headline: headline, language: words.language)
        }
        var hits = [[RuleHit]](repeating: [], count: sentences.count)
        let oneWord = sentences.map { $0.isOneWord(in: document.utf8) }
        let quoted = matcher.quotedSections(in: document)
        func wanted(_ candidates: Matcher.Candidates) -> [Bool] {
            zip(candidates.sentences, sentences).map { $0 && !quoted[$1.paragraph] }
        }
        // Without a folded text the language is told by the first words of the sentences matched.
        var sample = folds ? nil : Language.Sample()
        // The sentences where a relevance rule may fire are matched with every rule: most
        // documents that get this far are relevant, and a sentence is then matched once.
        let wanted1 = wanted(first)
        matchInWindows(wanted1, &sentences, in: document, rules: .all, hits: &hits, sample: &sample)
        if rules == .relevance, extractor.isRelevant(hits: hits, headline: headline, oneWord: oneWord) {
            // The other sentences hold no relevance rule's words: the rest of the rules is all.
            // Only their text is looked at.
            let only = wanted1.map { !$0 }
            let rest = (folds ? matcher.candidates(inText: document.utf8, windowBytes: windowBytes, sentences: sentences, rules: .rest, only: only) : nil)
                ?? matcher.everything(sentences, rules: .rest, only: only)
            var none: Language.Sample?
            matchInWindows(wanted(rest), &sentences, in: document, rules: .rest, hits: &hits, sample: &none)
        }
        return Matched(hits: hits, headline: headline, language: folds ? words.language : sample?.language ?? "und", oneWord: oneWord)
    }

    /// Text folded and scanned at a time (`Matcher.candidates(inText:…)`), and text of the
    /// sentences cut into words at a time, in bytes: the words of a sentence take about seven
    /// bytes per byte of its text. The result does not depend on it.
    public var windowBytes = 1 << 16

    /// Cuts the sentences that `wanted` marks into words, a window of `windowBytes` of them at a
    /// time, matches them with `rules` into `hits`, adds them to `sample`, and drops their words
    /// when more sentences follow: the words of a document of any size take at most a window's
    /// worth of memory (those of the last window go with the document).
    private func matchInWindows(_ wanted: [Bool], _ sentences: inout [Sentence], in document: Document, rules: Matcher.RuleSet,
                                hits: inout [[RuleHit]], sample: inout Language.Sample?) {
        var start = 0
        while start < sentences.count {
            var end = start, bytes = 0
            while end < sentences.count, bytes < windowBytes {
                if wanted[end] { bytes += sentences[end].range.count }
                end += 1
            }
            segmenter.tokenize(&sentences, in: document, only: wanted, window: start..<end)
            let drop = end < sentences.count
            for i in start..<end where wanted[i] {
                hits[i] = matcher.match(sentences[i], scratch: &scratch, rules: rules)
                if sample?.isFull == false { sample?.add(sentences[i]) }
                if drop {
                    sentences[i].tokens = []
                    sentences[i].folded = []
                }
            }
            start = end
        }
    }

    /// The Extract stage: attributes, findings (those of a document that is not relevant only
    /// when asked for: most are not matched) and language.
    func extract(_ document: consuming Document, sentences: [Sentence], _ matched: Matched) -> DocumentResult {
        var (attributes, findings) = (Attributes(), [Finding]())
        // A document that is not relevant has no attributes, and findings only when asked for.
        let relevant = extractor.isRelevant(hits: matched.hits, headline: matched.headline, oneWord: matched.oneWord)
        if options.allFindings || relevant {
            (attributes, findings) = extractor.extract(document, sentences: sentences, hits: matched.hits, headline: matched.headline, relevant: relevant)
        }
        return DocumentResult(document: consume document, attributes: attributes, findings: findings, sentenceCount: sentences.count,
                              rulesVersion: matcher.pack.version, language: matched.language)
    }

    /// Every sentence matched with every rule (sections that quote the law left out), for
    /// `fynd explain` and the relevance features: the same hits the pipeline finds, without its
    /// shortcuts.
    public func matchAll(_ document: Document) -> (sentences: [Sentence], hits: [[RuleHit]], headline: [RuleHit]?) {
        let sentences = segmenter.segment(document)
        let quoted = matcher.quotedSections(in: document)
        let hits = sentences.map { quoted[$0.paragraph] ? [] : matcher.match($0, scratch: &scratch) }
        return (sentences, hits, headlineHits(document))
    }

    /// Rule hits in what a document says outside its text: a page's headline when it is
    /// metadata (HTML pages), and for relevance the publisher its address names ("https://www.jo.se/…"
    /// → "jo": a supervisor's own page is evidence of the supervisor). They count for relevance
    /// and attributes, but give no findings, which need offsets.
    public func headlineHits(_ document: Document) -> [RuleHit]? {
        let title = document.title.flatMap { document.startsWith($0) ? nil : $0 }
        let publisher = document.address.flatMap(Self.publisher)
        guard title != nil || publisher != nil else { return nil }
        var hits = title.map { matcher.match(segmenter.tokenized($0), scratch: &scratch) } ?? []
        if let publisher {
            hits += matcher.match(segmenter.tokenized(publisher), scratch: &scratch).filter {
                if case .relevance = matcher.rules[$0.rule].target { true } else { false }
            }
        }
        return hits
    }

    /// The publisher's name in an address: the label of the host before its top-level domain
    /// ("https://www.ivo.se/publicerat-material/…" → "ivo", "http://jo.se" → "jo").
    static func publisher(_ address: String) -> String? {
        guard let scheme = address.range(of: "://") else { return nil }
        let host = address[scheme.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        let labels = host.split(separator: ".")
        guard labels.count >= 2 else { return nil }
        return String(labels[labels.count - 2])
    }

    /// The JSONL line for an outcome.
    public func encode(_ outcome: Outcome) -> [UInt8] { encoder.encode(outcome) }
}

/// What a run writes besides the contract's fields, and for which documents.
public struct OutputOptions: Sendable, Equatable {
    /// Add the normalised text to each line.
    public var emitText: Bool
    /// List the findings of documents that are not relevant too (slower: the finding rules
    /// are then matched in every document, not only in relevant ones).
    public var allFindings: Bool

    public init(emitText: Bool = false, allFindings: Bool = false) {
        self.emitText = emitText
        self.allFindings = allFindings
    }

    /// Added to the rule pack's version in a state file: a stored line is reused only when it
    /// was written with the same options (and not by a version that listed findings otherwise).
    public var stateSuffix: String { (allFindings ? "+all-findings" : "+relevant-findings") + (emitText ? "+text" : "") }
}
