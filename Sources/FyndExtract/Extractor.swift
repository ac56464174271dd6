import FyndCore
import FyndRules

/// The Extract stage: from rule hits and the text to findings and document attributes.
///
/// Reads: `Document` (text, published), `[Sentence]`, the rule hits of each sentence.
/// Produces: `[Finding]` (category hits, in text order) and `Attributes` (relevance,
/// municipality, area, outcome, tillsynstyp, case numbers, deadlines, people, figures). Attributes other
/// than `relevant` are filled only for relevant documents: a news archive's other articles
/// carry no supervision case to describe.
public struct Extractor: Sendable {
    public let matcher: Matcher
    public let municipalities: MunicipalityFinder
    /// The largest text whose sentences' words are cut once for all the extractors that read
    /// them; those of a larger one are cut as each reads them (`DocumentWords`).
    public var wordsKeptBytes = 1 << 20

    public init(matcher: Matcher, gazetteer: Gazetteer) {
        self.init(matcher: matcher, municipalities: MunicipalityFinder(gazetteer: gazetteer))
    }

    public init(matcher: Matcher, municipalities: MunicipalityFinder) {
        self.matcher = matcher
        self.municipalities = municipalities
    }

    /// `headline`: the rule hits of a headline that is not part of the text; they count for
    /// relevance and attributes, and its municipality counts, but they give no findings.
    /// `relevant`: the pack's decision for these hits (`isRelevant`), which the caller has made.
    public func extract(_ document: Document, sentences: [Sentence], hits: [[RuleHit]], headline: [RuleHit]? = nil,
                        relevant: Bool) -> (Attributes, [Finding]) {
        // Most documents of an archive: no hit, nothing to extract (and no copy of the text).
        if hits.allSatisfy(\.isEmpty), !relevant { return (Attributes(), []) }
        let text = document.utf8
        var findings: [Finding] = []
        var attributes = Attributes()
        var scalars = ScalarCounter(text)
        // A label line above the text (a site's name, a slogan: "För barnens bästa") names a
        // topic: a category it names unjudged is no finding.
        let labels = LineShape.labelsAbove(sentences.lazy.map { text[$0.range] })
        // So does a section on the case's background or the review's purpose ("Bakgrund", "Syfte"),
        // and a sentence of the case's chronology (`Chronology`).
        let background = matcher.backgroundSections(in: document)
        // Where the document names the case's own inquiry into an incident (a lex Sarah inquiry,
        // the supervisor's), a reference to an inquiry that no cue judges means that one, not a
        // client's investigation ("brister i utredningen" there is still the board's).
        let namesInquiry = attributeValues("inquiry", hits: hits, headline: headline).contains("named")
        for (index, sentence) in sentences.enumerated() where !hits[index].isEmpty {
            let evidence = String(decoding: text[sentence.range], as: UTF8.self)
            let namesTopics = labels.contains(index) || background[sentence.paragraph] || Chronology.opensWithDate(text[sentence.range])
            for hit in hits[index] {
                let rule = matcher.rules[hit.rule]
                guard case .category(let category) = rule.target else { continue }
                if namesTopics, hit.polarity == .mention, !hit.negated { continue }
                if namesInquiry, hit.polarity == .mention, !hit.negated, refersToInquiry(hit, among: hits[index]) { continue }
                findings.append(Finding(
                    category: category, rule: rule.id, polarity: hit.polarity, negated: hit.negated, sentence: index,
                    start: scalars.offset(ofByte: hit.range.lowerBound), end: scalars.offset(ofByte: hit.range.upperBound),
                    evidence: evidence))
            }
        }
        attributes.relevant = relevant
        guard attributes.relevant else { return (attributes, findings) }
        attributes.tillsynstyp = attributeValues("tillsynstyp", hits: hits, headline: headline)
        attributes.caseNumbers = CaseNumber.all(in: document.title.map { Array($0.utf8) + [0x0A] + text } ?? text).map(\.number)
        let sentenceWords = DocumentWords(text: text, sentences: sentences, keptBytes: wordsKeptBytes)
        attributes.outcome = Outcomes.resolve(outcomeEvents(
            document, years: sentences.map { Outcomes.years(in: text[$0.range]) },
            teasers: Outcomes.teasers(sentences.lazy.map { text[$0.range] }), hits: hits, headline: headline))
        let headlineWords = headline == nil ? [] : document.title.map { [Words.split(Substring($0))] } ?? []
        attributes.area = areaDecision(sentenceWords, hits: hits, headline: headline).areas
        attributes.municipality = municipalities.resolve(words: sentenceWords.after(headlineWords), document: document).map(\.name)
        for words in sentenceWords {
            attributes.deadlines += Deadlines.find(in: words, published: document.published)
            attributes.figures += Figures.find(in: words)
            for p in People.find(in: words) where p.name != document.author {
                if let i = attributes.people.firstIndex(where: { $0.name == p.name }) {
                    attributes.people[i].role = attributes.people[i].role ?? p.role
                    attributes.people[i].organisation = attributes.people[i].organisation ?? p.organisation
                    attributes.people[i].party = attributes.people[i].party ?? p.party
                } else {
                    attributes.people.append(p)
                }
            }
        }
        return (attributes, findings)
    }

    /// The outcome events of a relevant document, with their time (`Outcomes`).
    public func outcomeEvents(_ document: Document, _ sentenceTexts: [Substring], hits: [[RuleHit]], headline: [RuleHit]?) -> [Outcomes.Event] {
        outcomeEvents(document, years: sentenceTexts.map(Outcomes.years), teasers: Outcomes.teasers(sentenceTexts), hits: hits, headline: headline)
    }

    /// As `outcomeEvents(_:_:hits:headline:)`, given the years each sentence names and its teasers.
    func outcomeEvents(_ document: Document, years: [[Int]], teasers: Set<Int>, hits: [[RuleHit]], headline: [RuleHit]?) -> [Outcomes.Event] {
        Outcomes.events(rules: matcher.rules, hits: hits.isEmpty ? years.map { _ in [] } : hits, headline: headline,
                        years: years, teasers: teasers, published: document.published)
    }

    /// The document's areas and why, from the area rules' hits and the people its sentences name
    /// (`AreaDecision`).
    public func areaDecision(_ sentenceTexts: [Substring], hits: [[RuleHit]], headline: [RuleHit]?) -> AreaDecision.Decision {
        areaDecision(DocumentWords(sentenceTexts.map(Words.split)), hits: hits, headline: headline)
    }

    func areaDecision(_ sentenceWords: DocumentWords, hits: [[RuleHit]], headline: [RuleHit]?) -> AreaDecision.Decision {
        let support = areaSupport(sentenceWords, hits: hits, headline: headline)
        // Only the values a sentence backs: none to look up where no sentence backs one.
        var found: [String] = []
        if !support.isEmpty {
            found = attributeValues("area", hits: hits, headline: headline)
            found += AreaDecision.areas.filter { !found.contains($0) }
            found.removeAll { support[$0] == nil }
        }
        return AreaDecision.decide(found: found, support: support, sentences: sentenceWords)
    }

    /// Per area value: the sentences (and headline) whose hits name it — an area rule's value, or
    /// the area of a finding that concerns one (`AreaDecision.findingArea`) where no rule names
    /// another area in its sentence — and whether one of them also reports a deficit finding. A
    /// sentence that names the laws side by side states the law ("enligt socialtjänstlagen och
    /// LSS") and backs no area; a deficit in a sentence that names three areas or more is about
    /// the list, not a finding about each of them.
    func areaSupport(_ sentenceWords: DocumentWords, hits: [[RuleHit]], headline: [RuleHit]?) -> [String: AreaDecision.Support] {
        var support: [String: AreaDecision.Support] = [:]
        for (i, sentence) in ([headline ?? []] + hits).enumerated() {
            var values: Set<String> = [], ofFindings: Set<String> = []
            for h in sentence where !h.negated {
                switch matcher.rules[h.rule].target {
                case .attribute("area", let v): values.insert(v)
                case .category(let c): if let v = AreaDecision.findingArea(c, h.polarity) { ofFindings.insert(v) }
                default: break
                }
            }
            // A finding in a sentence that names another area is that area's ("barns bästa i
            // ärenden om ekonomiskt bistånd": the adults' service).
            if !ofFindings.isEmpty, values.isSubset(of: ofFindings) { values.formUnion(ofFindings) }
            // Only a sentence that names an area is read for the laws (index 0 is the headline).
            guard !values.isEmpty, !(i > 0 && i - 1 < sentenceWords.count && AreaDecision.statesTheLaws(sentenceWords[i - 1])) else { continue }
            let deficit = values.count < AreaDecision.listOfGroups && sentence.contains { h in
                guard !h.negated, h.polarity == .deficit, case .category = matcher.rules[h.rule].target else { return false }
                return true
            }
            for v in values {
                support[v, default: .init()].sentences += 1
                if deficit { support[v, default: .init()].inFinding = true }
            }
        }
        return support
    }

    /// Whether a category hit lies within a reference to the case's inquiry (`inquiry: reference`,
    /// `attributes/inquiry.yaml`) in its sentence: "Utredningen lämnades över till IVO".
    func refersToInquiry(_ hit: RuleHit, among sentence: [RuleHit]) -> Bool {
        sentence.contains { n in
            guard case .attribute("inquiry", "reference") = matcher.rules[n.rule].target else { return false }
            return n.firstWord <= hit.firstWord && hit.lastWord <= n.lastWord
        }
    }

    /// The values an attribute's rules gave (not negated), the headline's first, each once.
    func attributeValues(_ field: String, hits: [[RuleHit]], headline: [RuleHit]?) -> [String] {
        var found: [String] = []
        func add(_ hits: [RuleHit]) {
            for h in hits where !h.negated {
                if case .attribute(field, let v) = matcher.rules[h.rule].target, !found.contains(v) { found.append(v) }
            }
        }
        add(headline ?? [])
        hits.forEach(add)
        return found
    }

    /// Whether the relevance rules among these hits (not negated) make the document relevant
    /// (`Relevance`, the pack's decision); `oneWord` marks the sentences of one word.
    public func isRelevant(hits: [[RuleHit]], headline: [RuleHit]?, oneWord: [Bool] = []) -> Bool {
        matcher.pack.decision.isRelevant(hits: hits, headline: headline, oneWord: oneWord)
    }
}

/// Converts byte offsets to Unicode scalar offsets. Each offset is counted from the one before,
/// forward or back: a sentence's hits (in rule order) cost the bytes between them, not a count
/// from the start of the document.
struct ScalarCounter {
    private let text: [UInt8]
    private var byte = 0
    private var scalars = 0

    init(_ text: [UInt8]) { self.text = text }

    mutating func offset(ofByte target: Int) -> Int {
        while byte < target {
            if text[byte] & 0xC0 != 0x80 { scalars += 1 }
            byte += 1
        }
        while byte > target {
            byte -= 1
            if text[byte] & 0xC0 != 0x80 { scalars -= 1 }
        }
        return scalars
    }
}
