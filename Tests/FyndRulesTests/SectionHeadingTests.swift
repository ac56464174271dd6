@testable import FyndRules
import Testing

/// A background section's heading, whole or as its opening words after a section number.
@Suite struct SectionHeadingTests {
    let headings: Set<String> = ["bakgrund", "syfte", "granskningens upplägg"]

    @Test func aHeadingWholeOrOpeningAfterItsNumber() {
        #expect(Matcher.opens("bakgrund", with: headings))
        #expect(Matcher.opens("1.2 syfte", with: headings))
        #expect(Matcher.opens("bakgrund till uppdraget", with: headings))
        #expect(Matcher.opens("3. granskningens upplägg och metod", with: headings))
    }

    @Test func aHeadingThatOnlyBeginsWithTheLettersIsNone() {
        #expect(!Matcher.opens("bakgrunden", with: headings))
        #expect(!Matcher.opens("syften med stödet", with: headings))
        #expect(!Matcher.opens("granskningens", with: headings))
        #expect(!Matcher.opens("2.1", with: headings))
    }

    /// The first bytes of the headings rule out a line without a look-up only where it begins
    /// with none of them, in any case, whole, before a colon or after a section number; a line
    /// that begins with a byte that is not ASCII, or is too short to tell, is looked up.
    @Test func leadsRuleOutOnlyLinesThatBeginNoHeading() {
        func mayBegin(_ line: String, afterNumber: Bool = true, of headings: Set<String>? = nil) -> Bool {
            Array(line.utf8).withUnsafeBufferPointer { HeadingLeads(headings ?? self.headings).mayBegin($0[...], afterNumber: afterNumber) }
        }
        for line in ["Bakgrund", "BAKGRUND", "Syfte: att se hur nämnden arbetar", "1.2 Syfte", "3. Granskningens upplägg och metod",
                     "Bakgrunden", "Översikt", "B", "2024"] {
            #expect(mayBegin(line), "\(line)")
        }
        for line in ["Kommunen svarade", "2024 Kommunen", "Inga fler frågor"] { #expect(!mayBegin(line), "\(line)") }
        // A section number is skipped only where the heading's opening words are asked for.
        #expect(!mayBegin("1.2 Syfte", afterNumber: false))
        // A heading of one byte could begin any line.
        #expect(mayBegin("Kommunen svarade", of: headings.union(["x"])))
    }
}
