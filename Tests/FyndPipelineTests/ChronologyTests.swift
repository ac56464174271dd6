import FyndCore
import FyndPipeline
import Testing

/// The case's chronology (`Chronology`, realcheck40 and realcheck51, session rt31): a sentence
/// that opens with an event's full date tells the events that opened the case; a category it
/// names that no cue judges is no finding. Texts written for the test.
@Suite struct ChronologyTests {
    @Test func aDatedEventOfTheCaseIsNoFinding() throws {
        let r = try RealTextConstructionTests.result("""
            JO kritiserar socialnämnden i Lidvik

            Justitieombudsmannen riktar kritik mot socialnämnden i Lidviks kommun för att nämnden inte dokumenterade sitt beslut om umgänge.
            Den 4 mars 2021 inleddes en utredning om flickan och hon placerades i ett familjehem.
            """)
        #expect(r.categoriesFound.contains("dokumentation"))
        #expect(!r.categoriesFound.contains("utredning"))
        #expect(!r.categoriesFound.contains("placering"))
        #expect(!r.categoriesFound.contains("familjehem"))
    }

    @Test func aJudgedDatedSentenceStaysAFinding() throws {
        let r = try RealTextConstructionTests.result("""
            JO kritiserar socialnämnden i Lidvik

            Justitieombudsmannen riktar kritik mot socialnämnden i Lidviks kommun för att nämnden inte dokumenterade sitt beslut om umgänge.
            Den 4 mars 2021 hade nämnden ännu inte inlett någon utredning om flickan, trots att det var en brist.
            """)
        #expect(r.categoriesFound.contains("utredning"))
    }

    @Test func aPagesDateStampIsNoEvent() throws {
        let r = try RealTextConstructionTests.result("""
            2021-03-04 JO kritiserar socialnämnden i Lidvik för placeringen av en flicka i ett familjehem
            """)
        #expect(r.categoriesFound.contains("familjehem"))
    }
}
