import FyndCore

/// The rule pack in the compiled form (`PackFormat`): what `RulePack.parse` returns, written at
/// build time and read back at start-up without YAML or term syntax. Terms come first, each
/// distinct term once; conditions and cues refer to them by index. Sets and maps are written
/// sorted, so that the same pack always gives the same bytes.
extension RulePack {
    public func encode(into w: inout PackWriter) {
        var terms = TermTable()
        for rule in rules { terms.collect(rule.condition) }
        for list in [negation.before.map(\.term), negation.after.map(\.term), negation.exceptions, polarity.deficit, polarity.improvement,
                     polarity.exceptions, skip.terms] + agents.termLists {
            for t in list { terms.add(t) }
        }
        w.string(version)
        w.strings(files)
        // The terms as tables: per term its words (kind, word, optional) and its source.
        let words = terms.list.flatMap(\.words)
        w.starts(FlatLists(terms.list.map { $0.words.map { _ in 0 } }).start)
        w.uint32s(words.map { Int32(WordPattern.Kind.all.firstIndex(of: $0.pattern.kind)!) * 2 + ($0.optional ? 1 : 0) })
        let wordStrings = words.map { w.index(of: $0.pattern.word) }, sources = terms.list.map { w.index(of: $0.source) }
        w.uint32s(wordStrings)
        w.uint32s(sources)
        let term = { (w: inout PackWriter, t: Term) in w.uint(UInt(terms.index[t]!)) }
        // Examples as one table: sentence, file, line, column.
        let example = { (w: inout PackWriter, examples: [Example]) in
            let table = examples.flatMap { e in [w.index(of: e.sentence), w.index(of: e.location.file), Int32(e.location.line), Int32(e.location.column)] }
            w.uint32s(table)
        }
        let cue = { (w: inout PackWriter, c: NegationSettings.Cue) in
            term(&w, c.term)
            w.int(c.within)
        }
        w.array(rules) { w, rule in
            w.string(rule.id)
            switch rule.target {
            case .category(let c): w.uint(0); w.string(c)
            case .attribute(let field, let value): w.uint(1); w.string(field); w.string(value)
            case .relevance(let signal): w.uint(2); w.string(signal)
            }
            w.optional(rule.description) { $0.string($1) }
            Self.encode(rule.condition, into: &w, term: term)
            w.optional(rule.polarity) { $0.uint(UInt(Polarity.allCases.firstIndex(of: $1)!)) }
            w.int(rule.priority)
            w.strings(rule.replaces)
            example(&w, rule.matchExamples)
            example(&w, rule.noMatchExamples)
            Self.encode(rule.location, into: &w)
        }
        w.array(negation.before, cue)
        w.array(negation.after, cue)
        w.array(negation.exceptions, term)
        w.strings(negation.clauseWords.sorted())
        example(&w, negation.examplesNegated)
        example(&w, negation.examplesNotNegated)
        for list in [polarity.deficit, polarity.improvement, polarity.exceptions] { w.array(list, term) }
        w.uint32s(polarity.examples.map { Int32(Polarity.allCases.firstIndex(of: $0.0)!) })
        example(&w, polarity.examples.map(\.1))
        w.strings(relevance.evidence)
        w.strings(relevance.against)
        w.strings(relevance.background)
        w.optional(relevance.deficitSignal) { $0.string($1) }
        w.double(relevance.model.bias)
        w.array(relevance.model.weights.sorted { $0.key < $1.key }) { w, weight in
            w.string(weight.key)
            w.double(weight.value)
        }
        w.array(skip.terms, term)
        w.strings(skip.sectionHeadings.sorted())
        w.strings(skip.backgroundHeadings.sorted())
        example(&w, skip.examplesSkipped)
        example(&w, skip.examplesKept)
        for list in agents.termLists { w.array(list, term) }
        example(&w, agents.examplesProcess)
        example(&w, agents.examplesJudged)
    }

    /// The version of the pack in a section, read without the rest (the form puts it first).
    public static func version(decoding section: PackReader) throws(PackFormatError) -> String {
        var r = section
        return try r.string()
    }

    /// The pack `encode(into:)` wrote; its relevance decision is derived again from its rules.
    public init(decoding r: inout PackReader) throws(PackFormatError) {
        let version = try r.string(), files = try r.strings()
        let wordStart = try r.starts()
        let kinds = try r.uint32s(below: Int32(2 * WordPattern.Kind.all.count)), wordStrings = try r.uint32s(), sources = try r.uint32s()
        guard kinds.count == wordStrings.count, Int(wordStart.last!) == kinds.count, sources.count == wordStart.count - 1 else {
            throw r.failure("term tables of \(kinds.count) and \(wordStrings.count) words, \(sources.count) terms")
        }
        var terms: [Term] = []
        terms.reserveCapacity(sources.count)
        for t in sources.indices {
            var words: [Term.Word] = []
            words.reserveCapacity(Int(wordStart[t + 1] - wordStart[t]))
            for k in Int(wordStart[t])..<Int(wordStart[t + 1]) {
                words.append(Term.Word(pattern: WordPattern(kind: WordPattern.Kind.all[Int(kinds[k] >> 1)], word: try r.string(at: wordStrings[k])),
                                       optional: kinds[k] & 1 == 1))
            }
            terms.append(Term(words: words, source: try r.string(at: sources[t])))
        }
        let term = { (r: inout PackReader) throws(PackFormatError) -> Term in try r.choice(terms) }
        let example = { (r: inout PackReader) throws(PackFormatError) -> [Example] in
            let table = try r.uint32s()
            guard table.count % 4 == 0 else { throw r.failure("an example table of \(table.count) numbers") }
            var examples: [Example] = []
            examples.reserveCapacity(table.count / 4)
            for k in stride(from: 0, to: table.count, by: 4) {
                examples.append(Example(sentence: try r.string(at: table[k]),
                                        location: SourceLocation(file: try r.string(at: table[k + 1]), line: Int(table[k + 2]), column: Int(table[k + 3]))))
            }
            return examples
        }
        let cue = { (r: inout PackReader) throws(PackFormatError) -> NegationSettings.Cue in
            NegationSettings.Cue(term: try term(&r), within: try r.int())
        }
        let rules = try r.array { r throws(PackFormatError) in
            let id = try r.string()
            let target: RuleTarget = switch try r.uint() {
            case 0: .category(try r.string())
            case 1: .attribute(field: try r.string(), value: try r.string())
            case 2: .relevance(signal: try r.string())
            case let v: throw r.failure("rule '\(id)': target kind \(v)")
            }
            return Rule(id: id, target: target, description: try r.optional { r throws(PackFormatError) in try r.string() },
                        condition: try Self.decodeCondition(&r, terms: terms),
                        polarity: try r.optional { r throws(PackFormatError) in try r.choice(Polarity.allCases) },
                        priority: try r.int(), replaces: try r.strings(), matchExamples: try example(&r), noMatchExamples: try example(&r),
                        location: try Self.decodeLocation(&r))
        }
        let negation = NegationSettings(before: try r.array(cue), after: try r.array(cue), exceptions: try r.array(term),
                                        clauseWords: Set(try r.strings()), examplesNegated: try example(&r),
                                        examplesNotNegated: try example(&r))
        let polarity = PolaritySettings(deficit: try r.array(term), improvement: try r.array(term), exceptions: try r.array(term),
                                        examples: try Self.decodePolarityExamples(&r, example))
        var relevance = RelevanceSettings(evidence: try r.strings(), against: try r.strings(), background: try r.strings(),
                                          deficitSignal: try r.optional { r throws(PackFormatError) in try r.string() })
        relevance.model.bias = try r.double()
        for (key, value) in try r.array({ r throws(PackFormatError) in (try r.string(), try r.double()) }) { relevance.model.weights[key] = value }
        let skip = SkipSettings(terms: try r.array(term), sectionHeadings: Set(try r.strings()), backgroundHeadings: Set(try r.strings()),
                                examplesSkipped: try example(&r), examplesKept: try example(&r))
        let agents = AgentSettings(supervisor: try r.array(term), process: try r.array(term), owner: try r.array(term),
                                   board: try r.array(term), act: try r.array(term), opens: try r.array(term), relative: try r.array(term),
                                   possessive: try r.array(term), subordinate: try r.array(term),
                                   examplesProcess: try example(&r), examplesJudged: try example(&r))
        self.init(rules: rules, negation: negation, polarity: polarity, relevance: relevance, decision: Relevance(rules: rules, settings: relevance),
                  skip: skip, agents: agents, version: version, files: files)
    }

    private static func encode(_ c: Condition, into w: inout PackWriter, term: (inout PackWriter, Term) -> Void) {
        func parts(_ cs: [Condition]) { w.array(cs) { w, c in encode(c, into: &w, term: term) } }
        switch c {
        case .term(let t): w.uint(0); term(&w, t)
        case .any(let cs): w.uint(1); parts(cs)
        case .all(let cs): w.uint(2); parts(cs)
        case .none(let cs): w.uint(3); parts(cs)
        case .near(let a, let b, let within): w.uint(4); parts([a, b]); w.int(within)
        case .clause(let cs, let within): w.uint(5); parts(cs); w.int(within)
        }
    }

    /// A condition as `encode(_:into:term:)` wrote it, read without a closure per part.
    private static func decodeCondition(_ r: inout PackReader, terms: [Term]) throws(PackFormatError) -> Condition {
        let kind = try r.uint()
        if kind == 0 { return .term(try r.choice(terms)) }
        let n = try r.count()
        var cs: [Condition] = []
        cs.reserveCapacity(min(n, 64))
        for _ in 0..<n { cs.append(try decodeCondition(&r, terms: terms)) }
        switch kind {
        case 1: return .any(cs)
        case 2: return .all(cs)
        case 3: return .none(cs)
        case 4 where cs.count == 2: return .near(a: cs[0], b: cs[1], within: try r.int())
        case 5: return .clause(cs, within: try r.int())
        default: throw r.failure("condition kind \(kind) with \(cs.count) parts")
        }
    }

    private static func decodePolarityExamples(_ r: inout PackReader, _ example: (inout PackReader) throws(PackFormatError) -> [Example])
        throws(PackFormatError) -> [(Polarity, Example)] {
        let polarities = try r.uint32s(below: Int32(Polarity.allCases.count)), examples = try example(&r)
        guard polarities.count == examples.count else { throw r.failure("\(polarities.count) polarities for \(examples.count) examples") }
        return zip(polarities, examples).map { (Polarity.allCases[Int($0)], $1) }
    }

    private static func encode(_ l: SourceLocation, into w: inout PackWriter) {
        w.string(l.file)
        w.int(l.line)
        w.int(l.column)
    }

    private static func decodeLocation(_ r: inout PackReader) throws(PackFormatError) -> SourceLocation {
        SourceLocation(file: try r.string(), line: try r.int(), column: try r.int())
    }
}

/// The distinct terms of a pack in the order first met, and each one's index.
private struct TermTable {
    var list: [Term] = []
    var index: [Term: Int] = [:]

    mutating func add(_ t: Term) {
        guard index[t] == nil else { return }
        index[t] = list.count
        list.append(t)
    }

    mutating func collect(_ c: Condition) {
        for t in c.terms { add(t) }
    }
}

extension WordPattern.Kind {
    /// Every kind, in the order the compiled form numbers them.
    static let all: [Self] = [.exact, .prefix, .suffix, .infix]
}
