import Testing
@testable import FyndRules

/// A word before a coordinated list of prepositional phrases judges every item as the first.
@Suite struct CoordinatedListTests {
    static let rule = "    near: {terms: [uppföljningen, uppföljning], with: [brister], within: 4}"

    @Test func laterItemsStandWhereTheFirstStands() throws {
        let m = try ClauseTests.matcher(Self.rule)
        for s in ["Granskningen visar brister i besluten, i journalerna, i verkställigheten och i uppföljningen.",
                  "Revisorerna fann brister i rutinerna för ansökningar, i journalföringen samt i uppföljningen av insatserna.",
                  "Det finns brister för handläggarna, för cheferna, och för uppföljningen.",
                  "Tillsynen fann brister i såväl de skriftliga besluten som journalerna och uppföljningen."] {
            #expect(try ClauseTests.fires(m, s), "\(s)")
        }
    }

    @Test func itemsAfterAColonStandWhereTheFirstStands() throws {
        let m = try ClauseTests.matcher("    near: {terms: [uppföljning], with: [brister], within: 3}")
        #expect(try ClauseTests.fires(m, "Inspektionen noterade brister: handläggarnas anteckningar, besluten om bistånd, rutinerna för ansökningar och uppföljning av insatser."))
        // No list: one item after the colon, or no conjunction to end it.
        for s in ["Inspektionen noterade brister: handläggarnas anteckningar om besluten och deras uppföljning.",
                  "Inspektionen noterade brister: handläggarnas anteckningar, besluten om bistånd, rutinerna för ansökningar, uppföljning."] {
            #expect(try !ClauseTests.fires(m, s), "\(s)")
        }
        // A list that the sentence's end cuts short is measured plainly.
        #expect(try ClauseTests.fires(m, "Inspektionen noterade brister: anteckningar, uppföljning."))
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
