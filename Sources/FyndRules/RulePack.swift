import FyndCore
import FyndSegment

/// All rules and settings of a rule pack, parsed and checked. A pack with any problem is
/// refused whole: `parse` throws every diagnostic at once.
public struct RulePack: Sendable, Equatable {
    public let rules: [Rule]
    public let negation: NegationSettings
    public let polarity: PolaritySettings
    public let relevance: RelevanceSettings
    /// The relevance decision, with the pack's fitted weights.
    public let decision: Relevance
    public let skip: SkipSettings
    public let agents: AgentSettings
    /// SHA-256 over the pack's file names and contents: `rules_version` in the output.
    public let version: String
    /// The files the pack was read from (relative names), sorted.
    public let files: [String]

    /// Parses rule files given as (relative name, YAML text). Files are read in name order.
    public static func parse(files: [(name: String, text: String)], segmenter: Segmenter) throws -> RulePack {
        let sorted = files.sorted { $0.name < $1.name }
        var diagnostics: [RuleDiagnostic] = []
        var rules: [Rule] = []
        var negation: NegationSettings?, polarity: PolaritySettings?, relevance: RelevanceSettings?, skip: SkipSettings?
        var model: RelevanceModel?
        var agents: AgentSettings?
        var files = (relevance: "(relevance)", model: "(relevance_model)")
        var termCount = 0
        for (file, (parser, parsed)) in zip(sorted, parseReferring(sorted, segmenter: segmenter)) {
            diagnostics += parser.diagnostics
            termCount += parser.termCount
            rules += parsed.rules
            /// Takes a setting that a pack has at most once, reporting a second file that has it.
            func once<T>(_ found: T?, _ slot: inout T?, _ what: String) {
                guard let found else { return }
                if slot != nil { diagnostics.append(.init(file: file.name, line: 1, column: 1, message: "a second \(what) file; a pack has one")) }
                slot = found
            }
            once(parsed.negation, &negation, "negation")
            once(parsed.polarity, &polarity, "polarity")
            once(parsed.skip, &skip, "skip")
            once(parsed.relevance, &relevance, "relevance")
            once(parsed.model, &model, "relevance_model")
            once(parsed.agents, &agents, "agents")
            if parsed.relevance != nil { files.relevance = file.name }
            if parsed.model != nil { files.model = file.name }
        }
        // A pack over the limits is refused before the checks across its rules.
        let limits = [(rules.count, RuleLimits.rulesPerPack, "rules"), (termCount, RuleLimits.termsPerPack, "terms")].filter { $0.0 > $0.1 }
        guard limits.isEmpty else {
            throw RulePackError(diagnostics: diagnostics + limits.map { count, limit, what in
                .init(file: "(rules)", line: 1, column: 1, message: "the pack has \(count) \(what); a pack may have at most \(limit)")
            })
        }
        diagnostics += crossChecks(rules)
        var settings = relevance ?? RelevanceSettings()
        if let model { settings.model = model }
        let decision = Relevance(rules: rules, settings: settings)
        diagnostics += modelChecks(decision, settings, files: files)
        if sorted.isEmpty { diagnostics.append(.init(file: "(rules)", line: 1, column: 1, message: "no rule files (*.yaml) found")) }
        if negation == nil { diagnostics.append(.init(file: "(rules)", line: 1, column: 1, message: "the pack has no negation file (negation:)")) }
        if polarity == nil { diagnostics.append(.init(file: "(rules)", line: 1, column: 1, message: "the pack has no polarity file (polarity:)")) }
        guard diagnostics.isEmpty else { throw RulePackError(diagnostics: diagnostics) }
        return RulePack(rules: rules, negation: negation!, polarity: polarity!, relevance: settings, decision: decision, skip: skip ?? SkipSettings(), agents: agents ?? AgentSettings(),
                        version: version(files: sorted), files: sorted.map(\.name))
    }

    /// Each file parsed, with the conditions that `rule: <id>` names in place: the files are read
    /// once, and those with a rule that names another rule are read again with the rules of the
    /// first reading (of which those that name one themselves are left out).
    private static func parseReferring(_ files: [(name: String, text: String)], segmenter: Segmenter)
        -> [(RuleFileParser, ParsedFile)] {
        var out = files.map { file in
            var parser = RuleFileParser(file: file.name, split: segmenter.words(in:))
            let parsed = parser.parse(file.text)
            return (parser, parsed)
        }
        var named: [String: Condition] = [:]
        for (parser, parsed) in out {
            for rule in parsed.rules where !parser.referring.contains(rule.id) { named[rule.id] = named[rule.id] ?? rule.condition }
        }
        for (k, file) in files.enumerated() where !out[k].0.referring.isEmpty {
            var parser = RuleFileParser(file: file.name, split: segmenter.words(in:), named: named)
            let parsed = parser.parse(file.text)
            out[k] = (parser, parsed)
        }
        return out
    }

    /// The pack's version (`rules_version`) from its YAML files, without parsing them.
    public static func version(files: [(name: String, text: String)]) -> String {
        PackFormat.digest(files: files)
    }

    /// Problems of the relevance model: weights of features the pack does not have, signals of
    /// `evidence` or `against` that no rule gives, and a positive weight on a feature against a
    /// case (the pipeline matches those rules only where a document is relevant without them).
    private static func modelChecks(_ r: Relevance, _ settings: RelevanceSettings, files: (relevance: String, model: String)) -> [RuleDiagnostic] {
        var out: [RuleDiagnostic] = []
        let names = Set(r.features.map(\.name))
        for name in settings.model.weights.keys.sorted() where !names.contains(name) {
            out.append(.init(file: files.model, line: 1, column: 1, message: "a weight for '\(name)', which is no feature of the pack"))
        }
        if let s = settings.deficitSignal, !settings.evidence.contains(s) {
            out.append(.init(file: files.relevance, line: 1, column: 1, message: "deficit_signal '\(s)' is no evidence signal"))
        }
        for s in settings.background where !settings.against.contains(s) {
            out.append(.init(file: files.relevance, line: 1, column: 1, message: "background signal '\(s)' is no signal against a case"))
        }
        for s in settings.evidence + settings.against where !r.signals.contains(s) {
            out.append(.init(file: files.relevance, line: 1, column: 1, message: "signal '\(s)' is given by no relevance rule"))
        }
        for (f, w) in zip(r.features, r.weights) where r.isAgainst(f) && w > 0 {
            out.append(.init(file: files.model, line: 1, column: 1,
                             message: "'\(f.name)' measures a signal against a case and may not weigh more than 0 (it weighs \(w))"))
        }
        return out
    }

    /// Problems that span rules: duplicate ids, `replaces` naming no rule.
    private static func crossChecks(_ rules: [Rule]) -> [RuleDiagnostic] {
        var out: [RuleDiagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for r in rules {
            if let first = seen[r.id] {
                out.append(.init(file: r.location.file, line: r.location.line, column: r.location.column,
                                 message: "duplicate rule id '\(r.id)' (first at \(first))"))
            } else {
                seen[r.id] = r.location
            }
        }
        for r in rules {
            for target in r.replaces where seen[target] == nil {
                out.append(.init(file: r.location.file, line: r.location.line, column: r.location.column,
                                 message: "rule '\(r.id)' replaces '\(target)', which is no rule of the pack"))
            }
        }
        return out
    }
}
