import Dispatch
import FyndCore
import FyndRules

/// Where the time of a run goes: each stage timed on its own, and per rule its hits, the
/// documents it matched and the time of its checks (estimated from one check in
/// `RuleProfile.sampleEvery`). One thread, so the stages' figures add up.
public struct ProfileReport: Sendable {
    public struct Stage: Sendable { public var name: String; public var seconds: Double }
    public struct RuleRow: Sendable {
        public var id: String
        public var hits: Int
        public var documents: Int
        public var checks: Int
        public var seconds: Double
    }
    public var documents = 0
    public var sentences = 0
    public var bytes = 0
    public var stages: [Stage] = []
    public var rules: [RuleRow] = []
}

public enum Profiler {
    public static func run(_ inputs: Inputs, worker: Worker) -> ProfileReport {
        var report = ProfileReport()
        let profile = RuleProfile(rules: worker.matcher.rules.count)
        worker.scratch.profile = profile
        defer { worker.scratch.profile = nil }
        var nanos: [String: UInt64] = [:]
        var hits = [Int](repeating: 0, count: worker.matcher.rules.count)
        var documents = [Int](repeating: 0, count: worker.matcher.rules.count)
        func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { nanos[stage, default: 0] += DispatchTime.now().uptimeNanoseconds - start }
            return try body()
        }
        while let item = timed("read", { inputs.next()?.prepared() }) {
            report.documents += 1
            report.bytes += item.byteCount
            let document: Document
            do {
                document = try timed("normalise") { try worker.normalise(item) }
            } catch {
                continue
            }
            var sentences = timed("segment") { worker.segmenter.sentences(document) }
            report.sentences += sentences.count
            let matched = timed("match") { worker.match(document, &sentences) }
            var seen = Set<Int>()
            for h in matched.hits.joined() where !h.negated {
                hits[h.rule] += 1
                seen.insert(h.rule)
            }
            for r in seen { documents[r] += 1 }
            let result = timed("extract") { worker.extract(document, sentences: sentences, matched) }
            _ = timed("emit") { worker.encode(.result(result)) }
        }
        report.stages = ["read", "normalise", "segment", "match", "extract", "emit"].map {
            ProfileReport.Stage(name: $0, seconds: Double(nanos[$0] ?? 0) / 1e9)
        }
        report.rules = worker.matcher.rules.indices.map { r in
            ProfileReport.RuleRow(id: worker.matcher.rules[r].id, hits: hits[r], documents: documents[r], checks: profile.checks[r],
                                  seconds: profile.seconds(rule: r))
        }.sorted { ($0.seconds, $0.id) > ($1.seconds, $1.id) }
        return report
    }
}
