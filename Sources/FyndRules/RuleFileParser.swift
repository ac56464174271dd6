import FyndCore
import FyndSegment
import Yams

/// Settings of negation: cue terms before or after a match, in the same clause, within a window.
public struct NegationSettings: Sendable, Equatable {
    public struct Cue: Sendable, Equatable {
        public var term: Term
        public var within: Int
    }
    public var before: [Cue] = []
    public var after: [Cue] = []
    /// Phrases in which a cue word negates nothing ("ingen av anmälningarna").
    public var exceptions: [Term] = []
    /// Words that end a clause (punctuation always does).
    public var clauseWords: Set<String> = []
    public var examplesNegated: [Example] = []
    public var examplesNotNegated: [Example] = []
}

/// Cue terms that set a finding's polarity from its sentence.
public struct PolaritySettings: Sendable, Equatable {
    public var deficit: [Term] = []
    public var improvement: [Term] = []
    /// Phrases in which a cue word gives no polarity ("eller inte", "inte bara").
    public var exceptions: [Term] = []
    public var examples: [(Polarity, Example)] = []

    public static func == (a: Self, b: Self) -> Bool {
        a.deficit == b.deficit && a.improvement == b.improvement && a.exceptions == b.exceptions && a.examples.elementsEqual(b.examples, by: ==)
    }
}

/// Sentences that say nothing about a case: an authority's remit ("IVO har tillsyn över …"),
/// advice to readers ("Vill du anmäla …"), and the sections of a decision that quote the law
/// (under a heading such as "Tillämpliga bestämmelser"). No rule fires in them.
public struct SkipSettings: Sendable, Equatable {
    public var terms: [Term] = []
    /// Headings (lower-cased) of sections that quote the law or an authority's remit.
    public var sectionHeadings: Set<String> = []
    /// Headings (lower-cased) of sections that tell a case's background or a review's purpose
    /// and method ("Bakgrund", "Syfte och revisionsfrågor"): a category they name that no cue
    /// judges is no finding.
    public var backgroundHeadings: Set<String> = []
    public var examplesSkipped: [Example] = []
    public var examplesKept: [Example] = []
}

/// Who acts in a clause: where the supervisor is at work (a supervisor and one of its process
/// verbs in the clause: "IVO har granskat dokumentationen i tio ärenden"), or owns the word
/// ("IVO:s utredning"), a category word that no deficit or improvement cue judges tells the
/// supervisor's process, not a finding about the board.
public struct AgentSettings: Sendable, Equatable {
    public var supervisor: [Term] = []
    public var process: [Term] = []
    /// The supervisor's genitive, right before a word it owns.
    public var owner: [Term] = []
    /// Who owns an act (`Matcher.isSupervisorsAct`): the other parties a clause may name (the
    /// board, its staff, "man"), the acts a party does itself ("utreder"), the verbs whose object
    /// is such an act ("inledde en utredning"), the
    /// relative word whose antecedent stands right before it ("som"), the possessives that point
    /// back to a party ("deras", "sin"), and the words that open a clause of another subject
    /// ("att", "hur").
    public var board: [Term] = []
    public var act: [Term] = []
    public var opens: [Term] = []
    public var relative: [Term] = []
    public var possessive: [Term] = []
    public var subordinate: [Term] = []
    public var examplesProcess: [Example] = []
    public var examplesJudged: [Example] = []

    /// The term lists, in the compiled pack's order.
    var termLists: [[Term]] { [supervisor, process, owner, board, act, opens, relative, possessive, subordinate] }
}

/// How relevance is decided from relevance rules' signals (see `Relevance`).
public struct RelevanceSettings: Sendable, Equatable {
    /// The signals that together, in one passage, tell a case.
    public var evidence: [String] = []
    /// Signals against a case: their features may only take relevance away.
    public var against: [String] = []
    /// Signals against a case that one sentence does not make: named in a single unit of a text
    /// that states a case, they are background (`Relevance.Evidence.settingAsideBackground`).
    public var background: [String] = []
    /// The evidence signal that a finding judged a deficit gives, in a sentence that has another
    /// evidence signal ("Orosanmälningar utreds inte i tid" beside the social services is a case's
    /// judgement however the supervisor words it); nil when findings give none.
    public var deficitSignal: String?
    /// The fitted weights (`relevance_model:` file).
    public var model = RelevanceModel()
}

/// What one rule file contributed.
struct ParsedFile {
    var rules: [Rule] = []
    var negation: NegationSettings?
    var polarity: PolaritySettings?
    var relevance: RelevanceSettings?
    var model: RelevanceModel?
    var skip: SkipSettings?
    var agents: AgentSettings?
}

/// Reads one YAML rule file into rules, collecting every problem with its line and column.
struct RuleFileParser {
    let file: String
    let split: (String) -> [String]
    var diagnostics: [RuleDiagnostic] = []
    /// Terms read so far, and where the first one over `RuleLimits.termsPerFile` stands.
    private(set) var termCount = 0
    private var firstTermOverLimit: Node?
    /// The conditions that `rule: <id>` names, by rule id; nil while the pack's rules are not yet
    /// read (`RulePack.parse` reads a file that names one again, once they are).
    let named: [String: Condition]?
    /// Ids of this file's rules that name another rule's condition.
    private(set) var referring: Set<String> = []
    private var currentRule = ""

    init(file: String, split: @escaping (String) -> [String], named: [String: Condition]? = nil) {
        self.file = file
        self.split = split
        self.named = named
    }

    mutating func parse(_ yaml: String) -> ParsedFile {
        let root: Node
        do {
            // Scalars are read as text and converted here: no implicit tags (their regular expressions cost start-up time).
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                report(nil, "the file is empty")
                return ParsedFile()
            }
            root = node
        } catch let error as YamlError {
            reportYAML(error)
            return ParsedFile()
        } catch {
            report(nil, "\(error)")
            return ParsedFile()
        }
        guard let map = mapping(root, "the file") else { return ParsedFile() }
        var out = ParsedFile()
        if map["negation"] != nil {
            checkKeys(map, allowed: ["negation", "description"])
            out.negation = parseNegation(map["negation"]!)
        } else if map["skip"] != nil {
            checkKeys(map, allowed: ["skip", "description"])
            out.skip = parseSkip(map["skip"]!)
        } else if map["agents"] != nil {
            checkKeys(map, allowed: ["agents", "description"])
            out.agents = parseAgents(map["agents"]!)
        } else if map["relevance_model"] != nil {
            checkKeys(map, allowed: ["relevance_model", "description"])
            out.model = parseModel(map["relevance_model"]!)
        } else if map["polarity"] != nil {
            checkKeys(map, allowed: ["polarity", "description"])
            out.polarity = parsePolarity(map["polarity"]!)
        } else {
            out.rules = parseRuleFile(map, root: root, into: &out)
        }
        checkLimits(out.rules)
        return out
    }

    /// A file over `RuleLimits` is reported at its first rule or term over the limit.
    private mutating func checkLimits(_ rules: [Rule]) {
        if rules.count > RuleLimits.rulesPerFile {
            let at = rules[RuleLimits.rulesPerFile].location
            diagnostics.append(.init(file: file, line: at.line, column: at.column,
                                     message: "the file has \(rules.count) rules; a rule file may have at most \(RuleLimits.rulesPerFile) (split it into several)"))
        }
        if termCount > RuleLimits.termsPerFile {
            report(firstTermOverLimit, "the file has \(termCount) terms; a rule file may have at most \(RuleLimits.termsPerFile) (split it into several)")
        }
    }

    // MARK: Rule files

    private mutating func parseRuleFile(_ map: Node.Mapping, root: Node, into out: inout ParsedFile) -> [Rule] {
        checkKeys(map, allowed: ["category", "field", "description", "rules", "evidence", "against", "background", "deficit_signal"])
        let category = map["category"].flatMap { scalar($0, "category") }
        let field = map["field"].flatMap { scalar($0, "field") }
        if category == nil && field == nil { report(root, "a rule file needs 'category:' (a finding category) or 'field:' (an attribute)") }
        if category != nil && field != nil { report(map["field"], "a rule file has either 'category:' or 'field:', not both") }
        // The relevance rules may fill several files; one of them holds the settings.
        if field == "relevance", ["evidence", "against", "background", "deficit_signal"].contains(where: { map[$0] != nil }) {
            var settings = RelevanceSettings()
            if let e = map["evidence"] { settings.evidence = strings(e, "evidence") }
            if let a = map["against"] { settings.against = strings(a, "against") }
            if let b = map["background"] { settings.background = strings(b, "background") }
            settings.deficitSignal = map["deficit_signal"].flatMap { scalar($0, "deficit_signal") }
            out.relevance = settings
        } else {
            for key in ["evidence", "against", "background", "deficit_signal"] where map[key] != nil { report(map[key], "'\(key)' belongs in the relevance file only") }
        }
        guard let rulesNode = map["rules"] else { report(root, "missing 'rules:'"); return [] }
        guard let list = sequence(rulesNode, "rules") else { return [] }
        return list.compactMap { parseRule($0, category: category, field: field) }
    }

    private static let ruleKeys: Set<String> = [
        "id", "description", "any", "all", "none", "near", "clause", "polarity", "priority", "replaces", "match", "no_match", "value",
    ]

    private mutating func parseRule(_ node: Node, category: String?, field: String?) -> Rule? {
        guard let map = mapping(node, "a rule") else { return nil }
        checkKeys(map, allowed: Self.ruleKeys)
        guard let idNode = map["id"], let id = scalar(idNode, "id") else {
            report(node, "a rule needs an 'id'")
            return nil
        }
        let target: RuleTarget
        if let category {
            if map["value"] != nil { report(map["value"], "'value' is for attribute rules; rule '\(id)' is in a category file") }
            target = .category(category)
        } else if let field {
            guard let v = map["value"].flatMap({ scalar($0, "value") }) else {
                report(node, "rule '\(id)' needs a 'value' (the \(field) it sets)")
                return nil
            }
            target = field == "relevance" ? .relevance(signal: v) : .attribute(field: field, value: v)
        } else {
            return nil
        }
        var parts: [Condition] = []
        let termsBefore = termCount
        currentRule = id
        for key in ["any", "all", "none", "near", "clause"] {
            if let n = map[key], let c = parseCondition(key, n) { parts.append(c) }
        }
        if termCount - termsBefore > RuleLimits.termsPerRule {
            report(node, "rule '\(id)' has \(termCount - termsBefore) terms; a rule may have at most \(RuleLimits.termsPerRule) (split it into several)")
        }
        let positives = parts.filter { if case .none = $0 { false } else { true } }
        if positives.isEmpty { report(node, "rule '\(id)' needs 'any', 'all' or 'near': something that must occur") }
        var polarity: Polarity?
        if let p = map["polarity"], let s = scalar(p, "polarity") {
            if let value = Polarity(rawValue: s) { polarity = value } else { report(p, "polarity must be deficit, improvement or mention, not '\(s)'") }
        }
        return Rule(
            id: id, target: target,
            description: map["description"].flatMap { scalar($0, "description") },
            condition: parts.count == 1 ? parts[0] : .all(parts),
            polarity: polarity,
            priority: map["priority"].flatMap { integer($0, "priority") } ?? 0,
            replaces: map["replaces"].map { strings($0, "replaces") } ?? [],
            matchExamples: map["match"].map { examples($0, "match") } ?? [],
            noMatchExamples: map["no_match"].map { examples($0, "no_match") } ?? [],
            location: location(node)
        )
    }

    /// `any`/`all`/`none`: a list of terms (strings) or nested groups; `near`: a mapping;
    /// `clause`: a list of parts or a mapping with `parts` and `within`.
    private mutating func parseCondition(_ key: String, _ node: Node) -> Condition? {
        if key == "near" { return parseNear(node) }
        if key == "clause" { return parseClause(node) }
        guard let list = sequence(node, key) else { return nil }
        var children: [Condition] = []
        for item in list {
            switch item {
            case .scalar(let s):
                if let t = term(s.string, item) { children.append(.term(t)) }
            case .mapping(let m):
                if let c = parseGroup(item, m, in: key) { children.append(c) }
            default:
                report(item, "'\(key)' lists terms (text) or groups (any/all/none/near/clause)")
            }
        }
        if children.isEmpty { report(node, "'\(key)' is empty"); return nil }
        switch key {
        case "any": return .any(children)
        case "all": return .all(children)
        case "none": return .none(children)
        default: report(node, "unknown group '\(key)'"); return nil
        }
    }

    /// A nested group: a mapping with one key (any, all, none, near, clause or rule).
    private mutating func parseGroup(_ item: Node, _ m: Node.Mapping, in key: String) -> Condition? {
        checkKeys(m, allowed: ["any", "all", "none", "near", "clause", "rule"])
        guard m.count == 1, let (k, v) = m.first.map({ ($0.key.string ?? "", $0.value) }) else {
            report(item, "a group in '\(key)' has one key: any, all, none, near, clause or rule")
            return nil
        }
        return k == "rule" ? parseReference(v) : parseCondition(k, v)
    }

    /// `rule: <id>`: the condition of another rule of the pack, in place ("the words that give the
    /// `socialtjanst` signal" as the object of a review), so that one list of terms serves both.
    /// The named rule may not name one itself. Before the pack's rules are read, a placeholder.
    private mutating func parseReference(_ node: Node) -> Condition? {
        guard let id = scalar(node, "rule") else { return nil }
        referring.insert(currentRule)
        guard let named else { return .any([]) }
        guard let condition = named[id] else {
            report(node, "'rule: \(id)' names no rule of the pack that names no rule itself")
            return nil
        }
        termCount += condition.terms.count
        return condition
    }

    private mutating func parseNear(_ node: Node) -> Condition? {
        guard let m = mapping(node, "near") else { return nil }
        checkKeys(m, allowed: ["terms", "with", "within"])
        guard let a = m["terms"], let b = m["with"] else {
            report(node, "'near' needs 'terms', 'with' and 'within'")
            return nil
        }
        let within = m["within"].flatMap { integer($0, "within") } ?? 0
        if within < 1 { report(m["within"] ?? node, "'within' must be a whole number of words, 1 or more") }
        guard let ca = parseCondition("any", a), let cb = parseCondition("any", b) else { return nil }
        return .near(a: ca, b: cb, within: max(1, within))
    }

    /// `clause: [part, …]` or `clause: {parts: [part, …], within: N}`; a part is a term, a list of
    /// terms (any of them) or a group.
    private mutating func parseClause(_ node: Node) -> Condition? {
        var partsNode = node
        var within = Int.max
        if case .mapping(let m) = node {
            checkKeys(m, allowed: ["parts", "within"])
            guard let p = m["parts"] else { report(node, "'clause' needs 'parts'"); return nil }
            partsNode = p
            if let w = m["within"] {
                within = integer(w, "within") ?? Int.max
                if within < 1 { report(w, "'within' must be a whole number of words, 1 or more"); within = Int.max }
            }
        }
        guard let list = sequence(partsNode, "clause") else { return nil }
        var parts: [Condition] = []
        for item in list {
            switch item {
            case .scalar(let s):
                if let t = term(s.string, item) { parts.append(.term(t)) }
            case .sequence:
                if let c = parseCondition("any", item) { parts.append(c) }
            case .mapping(let m):
                if let c = parseGroup(item, m, in: "clause") { parts.append(c) }
            default:
                report(item, "a part of 'clause' is a term, a list of terms or a group")
            }
        }
        if parts.count < 2 { report(node, "'clause' needs two parts or more (one part is a plain term or 'any')"); return nil }
        return .clause(parts, within: within)
    }

    // MARK: Negation, polarity and model files

    /// `relevance_model:` with `bias:` and `weights:` (feature name → number), as the fitting script writes it.
    private mutating func parseModel(_ node: Node) -> RelevanceModel? {
        guard let m = mapping(node, "relevance_model") else { return nil }
        checkKeys(m, allowed: ["bias", "weights", "fitted"])
        var model = RelevanceModel()
        if let b = m["bias"] { model.bias = number(b, "bias") ?? model.bias } else { report(node, "relevance_model needs 'bias:'") }
        if let w = m["weights"], let wm = mapping(w, "weights") {
            for (key, value) in wm {
                guard let name = scalar(key, "a feature name"), let x = number(value, name) else { continue }
                model.weights[name] = x
            }
        }
        return model
    }

    private mutating func parseNegation(_ node: Node) -> NegationSettings? {
        guard let m = mapping(node, "negation") else { return nil }
        checkKeys(m, allowed: ["window", "before", "after", "exceptions", "clause_words", "examples"])
        var s = NegationSettings()
        let window = m["window"].flatMap { integer($0, "window") } ?? 4
        s.before = m["before"].map { cues($0, window) } ?? []
        s.after = m["after"].map { cues($0, window) } ?? []
        s.exceptions = (m["exceptions"].map { strings($0, "exceptions") } ?? []).compactMap { term($0, m["exceptions"]!) }
        s.clauseWords = Set((m["clause_words"].map { strings($0, "clause_words") } ?? []).map(split).joined())
        if let ex = m["examples"], let em = mapping(ex, "examples") {
            checkKeys(em, allowed: ["negated", "not_negated"])
            s.examplesNegated = em["negated"].map { examples($0, "negated") } ?? []
            s.examplesNotNegated = em["not_negated"].map { examples($0, "not_negated") } ?? []
        }
        if s.before.isEmpty { report(node, "negation needs 'before:' cues") }
        return s
    }

    private mutating func parseSkip(_ node: Node) -> SkipSettings? {
        guard let m = mapping(node, "skip") else { return nil }
        checkKeys(m, allowed: ["terms", "sections", "background_sections", "examples"])
        var s = SkipSettings()
        s.terms = (m["terms"].map { strings($0, "terms") } ?? []).compactMap { term($0, m["terms"]!) }
        s.sectionHeadings = Set((m["sections"].map { strings($0, "sections") } ?? []).map { Folding.lower($0) })
        s.backgroundHeadings = Set((m["background_sections"].map { strings($0, "background_sections") } ?? []).map { Folding.lower($0) })
        if let ex = m["examples"], let em = mapping(ex, "examples") {
            checkKeys(em, allowed: ["skipped", "kept"])
            s.examplesSkipped = em["skipped"].map { examples($0, "skipped") } ?? []
            s.examplesKept = em["kept"].map { examples($0, "kept") } ?? []
        }
        return s
    }

    private mutating func parseAgents(_ node: Node) -> AgentSettings? {
        guard let m = mapping(node, "agents") else { return nil }
        checkKeys(m, allowed: ["supervisor", "process", "owner", "board", "act", "opens", "relative", "possessive", "subordinate", "examples"])
        var s = AgentSettings()
        func terms(_ key: String) -> [Term] { (m[key].map { strings($0, key) } ?? []).compactMap { term($0, m[key]!) } }
        s.supervisor = terms("supervisor")
        s.process = terms("process")
        s.owner = terms("owner")
        s.board = terms("board")
        s.act = terms("act")
        s.opens = terms("opens")
        s.relative = terms("relative")
        s.possessive = terms("possessive")
        s.subordinate = terms("subordinate")
        if s.supervisor.isEmpty || s.process.isEmpty { report(node, "agents needs 'supervisor:' and 'process:' terms") }
        if let ex = m["examples"], let em = mapping(ex, "examples") {
            checkKeys(em, allowed: ["process", "judged"])
            s.examplesProcess = em["process"].map { examples($0, "process") } ?? []
            s.examplesJudged = em["judged"].map { examples($0, "judged") } ?? []
        }
        return s
    }

    private mutating func cues(_ node: Node, _ window: Int) -> [NegationSettings.Cue] {
        guard let list = sequence(node, "cues") else { return [] }
        return list.compactMap { item in
            switch item {
            case .scalar(let s):
                return term(s.string, item).map { NegationSettings.Cue(term: $0, within: window) }
            case .mapping(let m):
                checkKeys(m, allowed: ["cue", "within"])
                guard let c = m["cue"].flatMap({ scalar($0, "cue") }), let t = term(c, item) else {
                    report(item, "a cue is text, or 'cue:' with 'within:'")
                    return nil
                }
                return NegationSettings.Cue(term: t, within: m["within"].flatMap { integer($0, "within") } ?? window)
            default:
                report(item, "a cue is text, or 'cue:' with 'within:'")
                return nil
            }
        }
    }

    private mutating func parsePolarity(_ node: Node) -> PolaritySettings? {
        guard let m = mapping(node, "polarity") else { return nil }
        checkKeys(m, allowed: ["deficit", "improvement", "exceptions", "examples"])
        var s = PolaritySettings()
        s.deficit = (m["deficit"].map { strings($0, "deficit") } ?? []).compactMap { term($0, m["deficit"]!) }
        s.improvement = (m["improvement"].map { strings($0, "improvement") } ?? []).compactMap { term($0, m["improvement"]!) }
        s.exceptions = (m["exceptions"].map { strings($0, "exceptions") } ?? []).compactMap { term($0, m["exceptions"]!) }
        if let ex = m["examples"], let em = mapping(ex, "examples") {
            checkKeys(em, allowed: ["deficit", "improvement", "mention"])
            for p in Polarity.allCases {
                for e in em[p.rawValue].map({ examples($0, p.rawValue) }) ?? [] { s.examples.append((p, e)) }
            }
        }
        return s
    }

    // MARK: Helpers

    private mutating func term(_ text: String, _ node: Node) -> Term? {
        termCount += 1
        if termCount == RuleLimits.termsPerFile + 1 { firstTermOverLimit = node }
        switch TermSyntax.parse(text, split: split) {
        case .success(let t) where t.words.count > RuleLimits.wordsPerTerm:
            report(node, "the term \"\(text)\" has \(t.words.count) words; a term may have at most \(RuleLimits.wordsPerTerm)")
            return nil
        case .success(let t): return t
        case .failure(let e): report(node, e.message); return nil
        }
    }

    private mutating func examples(_ node: Node, _ key: String) -> [Example] {
        guard let list = sequence(node, key) else { return [] }
        return list.compactMap { item in
            guard let s = scalar(item, "an example") else { return nil }
            return Example(sentence: s, location: location(item))
        }
    }

    private mutating func strings(_ node: Node, _ key: String) -> [String] {
        if case .scalar(let s) = node { return [s.string] }
        guard let list = sequence(node, key) else { return [] }
        return list.compactMap { scalar($0, "an item of '\(key)'") }
    }

    private mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        if case .mapping(let m) = node { return m }
        report(node, "\(what) must be a mapping (key: value lines)")
        return nil
    }

    private mutating func sequence(_ node: Node, _ what: String) -> Node.Sequence? {
        if case .sequence(let s) = node { return s }
        report(node, "'\(what)' must be a list ('- item' lines or [a, b])")
        return nil
    }

    private mutating func scalar(_ node: Node, _ what: String) -> String? {
        if case .scalar(let s) = node { return s.string }
        report(node, "\(what) must be text")
        return nil
    }

    private mutating func integer(_ node: Node, _ what: String) -> Int? {
        guard let s = scalar(node, what) else { return nil }
        guard let i = Int(s) else { report(node, "'\(what)' must be a whole number, not '\(s)'"); return nil }
        return i
    }

    private mutating func number(_ node: Node, _ what: String) -> Double? {
        guard let s = scalar(node, what) else { return nil }
        guard let x = Double(s), x.isFinite else { report(node, "'\(what)' must be a number, not '\(s)'"); return nil }
        return x
    }

    private mutating func checkKeys(_ map: Node.Mapping, allowed: Set<String>) {
        for (key, _) in map {
            guard let k = key.string, allowed.contains(k) else {
                let known = allowed.sorted().joined(separator: ", ")
                report(key, "unknown key '\(key.string ?? "?")' (known here: \(known))")
                continue
            }
        }
    }

    private func location(_ node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func report(_ node: Node?, _ message: String) {
        let l = location(node)
        diagnostics.append(RuleDiagnostic(file: file, line: l.line, column: l.column, message: message))
    }

    private mutating func reportYAML(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            diagnostics.append(RuleDiagnostic(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)\(detail)"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            diagnostics.append(RuleDiagnostic(file: file, line: context.mark.line, column: context.mark.column,
                                              message: "YAML: duplicate key \(duplicates.joined(separator: ", "))"))
        default:
            diagnostics.append(RuleDiagnostic(file: file, line: 1, column: 1, message: "YAML: \(error)"))
        }
    }
}
