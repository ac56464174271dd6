// libFuzzer entry point for fynd's parsers. The target is chosen by FYND_FUZZ_TARGET:
// html (HTML normalisation), segment (the segmenter), jsonl (the JSONL line reader),
// rules (the rule-file parser). Built and run by scripts/fuzz.sh.
import FyndCore
import FyndNormalize
import FyndRules
import FyndSegment
#if canImport(Glibc)
import Glibc
#endif

enum Target: String { case html, segment, jsonl, rules }

let target: Target = {
    guard let name = getenv("FYND_FUZZ_TARGET").map({ String(cString: $0) }), let t = Target(rawValue: name) else {
        fputs("set FYND_FUZZ_TARGET to html, segment, jsonl or rules\n", stderr)
        exit(2)
    }
    return t
}()
nonisolated(unsafe) let segmenter = try! Segmenter()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case .html:
        if let doc = try? Normalizer().normalize(bytes: bytes, id: "f", source: "f", format: .html) {
            check(doc)
            _ = segmenter.segment(doc)
        }
    case .segment:
        let text = String(decoding: bytes, as: UTF8.self)
        if let doc = try? Normalizer().normalize(text: text, id: "f", source: "f", format: .text, sha256: "") {
            check(doc)
            let sentences = segmenter.segment(doc)
            precondition(segmenter.sentences(doc).map(\.range) == sentences.map(\.range), "sentences differ without tokens")
            let utf8 = Array(doc.text.utf8)
            if let folded = utf8.withUnsafeBufferPointer({ FoldedText(utf8: $0, covering: 0..<($0.count + 2)) }) {
                precondition(folded.bytes.count == utf8.count + 2, "folded text shifted")
            }
            for s in sentences {
                precondition(s.range.lowerBound >= 0 && s.range.upperBound <= utf8.count, "sentence outside the text")
                for t in s.tokens { precondition(s.range.contains(t.range.lowerBound), "token outside its sentence") }
            }
        }
    case .jsonl:
        if let object = try? JSON.parseObject(bytes[...]) {
            // What the parser accepted must survive a round trip through the encoder.
            for m in object.members {
                var quoted: [UInt8] = []
                JSON.quote(m.key, into: &quoted)
                let again = try! JSON.parseObject(("{".utf8 + quoted + ":".utf8 + Array(m.raw.utf8) + "}".utf8)[...])
                precondition(again.members.first?.string == m.string, "round trip changed a value")
            }
        }
    case .rules:
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? RulePack.parse(files: [(name: "fuzz.yaml", text: text)], segmenter: segmenter)
    }
    return 0
}

/// Invariants of every normalised document.
func check(_ doc: Document) {
    let n = doc.text.utf8.count
    var previous = 0
    for p in doc.paragraphs {
        precondition(p.lowerBound >= previous && p.upperBound <= n, "paragraphs out of order or outside the text")
        previous = p.upperBound
    }
}
