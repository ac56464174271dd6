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
}
