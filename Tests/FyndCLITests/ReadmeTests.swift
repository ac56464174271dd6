import Foundation
import Testing

/// What README.md says about the repository stays true.
@Suite struct ReadmeTests {
    static let readme = (try? String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The number README gives before `words`, e.g. "109" in "109 articles and decisions".
    static func number(before words: String) throws -> Int {
        let match = try #require(readme.firstMatch(of: try Regex<(Substring, Substring)>("(\\d+) " + NSRegularExpression.escapedPattern(for: words))),
                                 "README has no number before '\(words)'")
        return try #require(Int(match.1))
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: CLI.root.appendingPathComponent(path), encoding: .utf8)
    }

    static func files(in directory: String, ending: String) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent(directory).path).count { $0.hasSuffix(ending) }
    }

    @Test func corpusCountsAreTrue() throws {
        #expect(try Self.number(before: "real articles and their gold labels") == (try Self.files(in: "corpus/seeds", ending: ".txt")))
        #expect(try Self.number(before: "documents written for `fynd cases`") == (try Self.files(in: "corpus/cases", ending: ".txt")))
        #expect(try Self.number(before: "articles and decisions written for testing") == (try Self.files(in: "corpus/articles", ending: ".txt")))
        let notRelevant = try Self.text("corpus/articles/gold.jsonl").split(separator: "\n").count { $0.contains(#""relevant": false"#) }
        #expect(try Self.number(before: "texts that use the trade's words") == notRelevant)
        let sentences = try Self.text("corpus/segmentation/gold.txt").split(separator: "\n")
            .count { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(try Self.number(before: "Swedish sentences") == sentences)
    }

    @Test func theSetUpCommandWritesWhereGitIgnores() throws {
        let setUp = try #require(Self.readme.split(separator: "\n").first { $0.contains("swift build -c release ") && $0.contains("fynd run") })
        let out = try #require(setUp.firstMatch(of: /--out (\S+)/)?.1)
        let folder = try #require(out.split(separator: "/").first)
        #expect(out.contains("/"), "the results go into a folder")
        #expect(setUp.contains("mkdir -p \(folder) "), "the folder is made first")
        #expect(try Self.text(".gitignore").split(separator: "\n").contains("/\(folder)/"))
    }

    @Test func theInputExampleRuns() throws {
        let example = try #require(Self.readme.split(separator: "\n").first { $0.hasPrefix(#"{"id": "#) && $0.contains(#""text": "#) })
        let r = try CLI.run(["run", "-"], stdin: Data((example + "\n").utf8))
        let line = try #require(CLI.lines(r.stdout).first)
        let input = try #require(try JSONSerialization.jsonObject(with: Data(example.utf8)) as? [String: Any])
        #expect(line["id"] as? String == input["id"] as? String)
        #expect(line["relevant"] as? Bool == true)
        #expect((line["metadata"] as? [String: Any])?["url"] as? String == input["url"] as? String)
    }
}
