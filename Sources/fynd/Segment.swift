import ArgumentParser
import Foundation
import FyndSegment

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Cut plain text into sentences, one per line.",
        discussion: """
            Each input line is a paragraph. Prints every sentence on its own line, and an empty line after \
            each paragraph: how fynd sees a text's sentences (the tool for rule authors, and the interface \
            of a segmentation benchmark).

            Example:
              echo "IVO granskade 30 ärenden. 12 av dem saknade en utredning." | fynd segment
            """
    )

    @Argument(help: "A plain-text file, or - (the default) for standard input.")
    var file: String = "-"

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            data = read
        }
        let segmenter = try Segmenter()
        var out = ""
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let paragraph = line.hasSuffix("\r") ? line.dropLast() : line
            guard paragraph.contains(where: { !$0.isWhitespace }) else { continue }
            for sentence in segmenter.sentences(in: String(paragraph)) { out += sentence + "\n" }
            out += "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
