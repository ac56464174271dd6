import FyndCore
import FyndSegment
import Testing
@testable import FyndRules

/// `fynd profile`'s per-rule figures: every check counted, one in `sampleEvery` timed, and
/// the hits the same as without a profile.
@Suite struct RuleProfileTests {
    @Test func everyCheckIsCountedAndOneInSampleEveryIsTimed() {
        let profile = RuleProfile(rules: 2)
        let n = 2 * RuleProfile.sampleEvery + 1
        let timed = (0..<n).filter { _ in
            let start = profile.begin(rule: 0)
            if start != 0 { profile.end(rule: 0, since: start) }
            return start != 0
        }
        #expect(timed.count == 3)
        #expect(profile.checks == [n, 0])
        #expect(profile.seconds(rule: 0) > 0)
        #expect(profile.seconds(rule: 1) == 0)
    }

    @Test func aProfiledMatchGivesTheHitsOfAnUnprofiledOneAndCountsItsChecks() throws {
        let matcher = try RulePackTests.matcher()
        let segmenter = try Segmenter()
        var plain = MatchScratch(matcher: matcher), profiled = MatchScratch(matcher: matcher)
        let profile = RuleProfile(rules: matcher.rules.count)
        profiled.profile = profile
        for _ in 0..<RuleProfile.sampleEvery + 1 {
            for s in MatchScratchTests.sentences {
                let sentence = segmenter.tokenized(s)
                #expect(matcher.match(sentence, scratch: &profiled) == matcher.match(sentence, scratch: &plain))
            }
        }
        let checked = matcher.rules.indices.filter { profile.checks[$0] > 0 }
        #expect(!checked.isEmpty)
        #expect(checked.allSatisfy { profile.checks[$0] % (RuleProfile.sampleEvery + 1) == 0 && profile.seconds(rule: $0) > 0 })
    }
}
