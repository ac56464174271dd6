import FyndCore
import Testing

/// A byte table finds a word by its bytes, whatever slice of a text they lie in.
@Suite struct ByteTableTests {
    @Test func findsWordsByTheirBytesInAText() {
        let table = ByteTable([(key: "län", value: 1), (key: "kommun", value: 2), (key: "Österåker", value: 3), (key: "län", value: 9)])
        let text = Array("Socialnämnden i Österåker, Stockholms län, kommunen".utf8)
        func value(_ word: String) -> Int? {
            let needle = Array(word.utf8)
            guard let start = ByteSearch.firstIndex(of: needle, in: text, from: 0) else { return nil }
            return table.value(text[start..<(start + needle.count)])
        }
        #expect(value("Österåker") == 3)
        #expect(value("län") == 1)  // the first value of a key given twice
        #expect(value("kommun") == 2)
        #expect(value("kommunen") == nil)
        #expect(value("Stockholms") == nil)
        #expect(!table.contains(Array("osteraker".utf8)[...]))
    }

    @Test func holdsManyKeys() {
        let names = (0..<5000).map { "ort\($0)" }
        let table = ByteTable(names.enumerated().map { (key: $1, value: $0) })
        #expect(names.indices.allSatisfy { table.value(Array(names[$0].utf8)[...]) == $0 })
        #expect(table.value(Array("ort5000".utf8)[...]) == nil)
    }
}
