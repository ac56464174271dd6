import FyndCore
import FyndPipeline
import Foundation
import Testing

/// A plain text that opens with its source's address reads as the same page given as a JSONL
/// line with that address as `url`: what the address tells (the municipality of a paper's local
/// section) is not lost, and the line is no text.
@Suite struct PlainTextSourceTests {
    @Test func aTextFilesSourceLineGivesWhatAJSONLLinesURLGives() throws {
        let dir = try RunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let address = "https://lokaltidning.se/skovde/2016/06/17/nämnden-far-kritik"
        let text = "Nämnden får kritik för utredningarna\n\nIVO riktar kritik mot socialnämnden för att utredningar om barn har dragit ut på tiden."
        try Data(("rewritten from: " + address + "\n\n" + text).utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
        let line = #"{"id": "a", "url": "\#(address)", "text": "\#(text.replacingOccurrences(of: "\n", with: "\\n"))"}"#
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/b.jsonl"))
        let file = try #require(try Repo.run([dir + "/a.txt"]).first?.result)
        let jsonl = try #require(try Repo.run([dir + "/b.jsonl"]).first?.result)
        #expect(file.attributes.municipality == ["Skövde"])
        #expect(file.document.address == address && file.document.text == jsonl.document.text && file.document.title == jsonl.document.title)
        #expect(file.attributes == jsonl.attributes && file.findings == jsonl.findings)
    }
}
