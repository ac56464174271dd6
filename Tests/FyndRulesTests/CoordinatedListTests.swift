import Testing
@testable import FyndRules

/// A word before a coordinated list of prepositional phrases judges every item as the first.
@Suite struct CoordinatedListTests {
    static let rule = "    near: {terms: [uppföljningen, uppföljning], with: [brister], within: 4}"

    @Test func laterItemsStandWhereTheFirstStands() throws {
        let m = try ClauseTests.matcher(Self.rule)
        for s in ["Granskningen visar brister i besluten, i journalerna, i verkställigheten och i uppföljningen.",
                  "Revisorerna fann brister i rutinerna för ansökningar, i journalföringen samt i uppföljningen av insatserna.",
                  "Det finns brister för handläggarna, för cheferna, och för uppföljningen."] {
            #expect(try ClauseTests.fires(m, s), "\(s)")
        }
    }

    @Test func withoutARepeatedPrepositionDistanceIsPlain() throws {
        let m = try ClauseTests.matcher(Self.rule)
        for s in ["Granskningen visar brister i besluten som nämnden fattade under våren och i uppföljningen.",
                  "Granskningen visar brister i besluten, i journalerna; uppföljningen har förvaltningen sett över.",
                  "Granskningen visar brister i besluten och journalerna som förvaltningen har lagt fram för uppföljning."] {
            #expect(try !ClauseTests.fires(m, s), "\(s)")
        }
    }
}
