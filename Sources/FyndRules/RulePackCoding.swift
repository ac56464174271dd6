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
                     polarity.exceptions, skip.terms, agents.supervisor, agents.process, agents.owner] {
            for t in list { terms.add(t) }
        }
        w.string(version)
        w.strings(files)
        w.array(terms.list) { w, t in
            w.array(t.words) { w, word in
                w.uint(UInt(WordPattern.Kind.all.firstIndex(of: word.pattern.kind)!))
                w.string(word.pattern.word)
                w.bool(word.optional)
            }
            w.string(t.source)
        }
        let term = { (w: inout PackWriter, t: Term) in w.uint(UInt(terms.index[t]!)) }
        let example = { (w: inout PackWriter, e: Example) in
            w.string(e.sentence)
            Self.encode(e.location, into: &w)
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
            w.array(rule.matchExamples, example)
            w.array(rule.noMatchExamples, example)
            Self.encode(rule.location, into: &w)
        }
        w.array(negation.before, cue)
        w.array(negation.after, cue)
        w.array(negation.exceptions, term)
        w.strings(negation.clauseWords.sorted())
        w.array(negation.examplesNegated, example)
        w.array(negation.examplesNotNegated, example)
        for list in [polarity.deficit, polarity.improvement, polarity.exceptions] { w.array(list, term) }
        w.array(polarity.examples) { w, pair in
            w.uint(UInt(Polarity.allCases.firstIndex(of: pair.0)!))
            example(&w, pair.1)
        }
        w.strings(relevance.evidence)
        w.strings(relevance.against)
        w.optional(relevance.deficitSignal) { $0.string($1) }
        w.double(relevance.model.bias)
        w.array(relevance.model.weights.sorted { $0.key < $1.key }) { w, weight in
            w.string(weight.key)
            w.double(weight.value)
        }
        w.array(skip.terms, term)
        w.strings(skip.sectionHeadings.sorted())
        w.array(skip.examplesSkipped, example)
        w.array(skip.examplesKept, example)
        for list in [agents.supervisor, agents.process, agents.owner] { w.array(list, term) }
        w.array(agents.examplesProcess, example)
        w.array(agents.examplesJudged, example)
    }

    /// The version of the pack in a section, read without the rest (the form puts it first).
    public static func version(decoding section: PackReader) throws(PackFormatError) -> String {
        var r = section
        return try r.string()
    }

    /// The pack `encode(into:)` wrote; its relevance decision is derived again from its rules.
    public init(decoding r: inout PackReader) throws(PackFormatError) {
        let version = try r.string(), files = try r.strings()
        let terms = try r.array { r throws(PackFormatError) in
            Term(words: try r.array { r throws(PackFormatError) in
                Term.Word(pattern: WordPattern(kind: try r.choice(WordPattern.Kind.all), word: try r.string()), optional: try r.bool())
            }, source: try r.string())
        }
        let term = { (r: inout PackReader) throws(PackFormatError) -> Term in try r.choice(terms) }
        let example = { (r: inout PackReader) throws(PackFormatError) -> Example in
            Example(sentence: try r.string(), location: try Self.decodeLocation(&r))
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
                        condition: try Self.decodeCondition(&r, term: term),
                        polarity: try r.optional { r throws(PackFormatError) in try r.choice(Polarity.allCases) },
                        priority: try r.int(), replaces: try r.strings(), matchExamples: try r.array(example), noMatchExamples: try r.array(example),
                        location: try Self.decodeLocation(&r))
        }
        let negation = NegationSettings(before: try r.array(cue), after: try r.array(cue), exceptions: try r.array(term),
                                        clauseWords: Set(try r.strings()), examplesNegated: try r.array(example),
                                        examplesNotNegated: try r.array(example))
        let polarity = PolaritySettings(deficit: try r.array(term), improvement: try r.array(term), exceptions: try r.array(term),
                                        examples: try r.array { r throws(PackFormatError) in (try r.choice(Polarity.allCases), try example(&r)) })
        var relevance = RelevanceSettings(evidence: try r.strings(), against: try r.strings(),
                                          deficitSignal: try r.optional { r throws(PackFormatError) in try r.string() })
        relevance.model.bias = try r.double()
        for (key, value) in try r.array({ r throws(PackFormatError) in (try r.string(), try r.double()) }) { relevance.model.weights[key] = value }
        let skip = SkipSettings(terms: try r.array(term), sectionHeadings: Set(try r.strings()), examplesSkipped: try r.array(example),
                                examplesKept: try r.array(example))
        let agents = AgentSettings(supervisor: try r.array(term), process: try r.array(term), owner: try r.array(term),
                                   examplesProcess: try r.array(example), examplesJudged: try r.array(example))
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

    private static func decodeCondition(_ r: inout PackReader, term: (inout PackReader) throws(PackFormatError) -> Term) throws(PackFormatError) -> Condition {
        let kind = try r.uint()
        if kind == 0 { return .term(try term(&r)) }
        let cs = try r.array { r throws(PackFormatError) in try decodeCondition(&r, term: term) }
        switch kind {
        case 1: return .any(cs)
        case 2: return .all(cs)
        case 3: return .none(cs)
        case 4 where cs.count == 2: return .near(a: cs[0], b: cs[1], within: try r.int())
        case 5: return .clause(cs, within: try r.int())
        default: throw r.failure("condition kind \(kind) with \(cs.count) parts")
        }
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
