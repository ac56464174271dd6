import FyndCore
import Testing

/// The sixteen-at-a-time searches agree with a byte-by-byte search wherever the byte falls:
/// in the first block, in a middle one, in the tail, or nowhere.
@Suite struct ByteScanTests {
    static let sentence = Array("IVO riktar kritik mot socialnämnden i Kalix – ”barnets bästa” ska beaktas.\t".utf8)

    @Test func anyIsSetExactlyWhenALaneIs() {
        #expect(!ByteScan.any(ByteScan.splat(0x61) .== ByteScan.splat(0x62)))
        #expect(ByteScan.any(ByteScan.splat(0x61) .== ByteScan.splat(0x61)))
        for lane in 0..<16 {
            var v = ByteScan.splat(0x61)
            v[lane] = 0xC3
            #expect(ByteScan.any(v .== ByteScan.splat(0xC3)), "lane \(lane)")
            #expect(!ByteScan.any(v .== ByteScan.splat(0xA5)), "lane \(lane)")
        }
    }

    @Test func firstIndexAgreesWithASearchByteByByte() {
        for length in 0..<Self.sentence.count {
            for start in 0...length {
                let bytes = Array(Self.sentence[..<length])
                let naive = bytes.indices.dropFirst(start).first { bytes[$0] == 0xE2 || bytes[$0] == 0x09 }
                let found = bytes.withUnsafeBufferPointer {
                    ByteScan.firstIndex(in: $0, from: start, lanes: { any(($0 .== ByteScan.splat(0xE2)) .| ($0 .== ByteScan.splat(0x09))) },
                                        matches: { $0 == 0xE2 || $0 == 0x09 })
                }
                #expect(found == naive, "length \(length), start \(start)")
            }
        }
    }

    @Test func substringsAreFoundWhereAByteByByteSearchFindsThem() {
        let text = Array("Socialnämnden ska senast den 1 september redovisa, senast till den 1 oktober svara.".utf8)
        for needle in ["senast", "senast till", "sen", "x", "oktober svara.", "Socialnämnden", "", "svara.!"].map({ Array($0.utf8) }) {
            for from in 0...text.count {
                let naive = needle.isEmpty ? nil : (from...max(from, text.count - needle.count)).first {
                    $0 + needle.count <= text.count && Array(text[$0..<($0 + needle.count)]) == needle
                }
                #expect(ByteSearch.firstIndex(of: needle, in: text, from: from) == naive, "\(needle) from \(from)")
            }
        }
        #expect(ByteSearch.containsAny(text, [Array("oktober".utf8)]) && !ByteSearch.contains(text, Array("november".utf8)))
    }

    @Test func aByteIsFoundWithinTheGivenRange() {
        let text = Self.sentence
        text.withUnsafeBufferPointer { buf in
            for start in 0...text.count {
                for end in start...text.count {
                    let naive = (start..<end).first { text[$0] == 0xE2 }
                    #expect(ByteScan.firstIndex(of: 0xE2, in: buf, from: start, to: end) == naive, "\(start)..<\(end)")
                }
            }
        }
    }

    @Test func doubleSpacesAndTabsAreFoundAnywhere() {
        let plain = Array("Nämnden har inte bedömt barnets behov av skydd i tid enligt IVO.".utf8)
        plain.withUnsafeBufferPointer { #expect(!ByteScan.hasDoubleSpaceOrTab($0)) }
        for i in plain.indices {
            var doubled = plain
            doubled.insert(0x20, at: i)
            let expected = doubled.indices.dropLast().contains { doubled[$0] == 0x20 && doubled[$0 + 1] == 0x20 }
            doubled.withUnsafeBufferPointer { #expect(ByteScan.hasDoubleSpaceOrTab($0) == expected, "at \(i)") }
            var tabbed = plain
            tabbed[i] = 0x09
            tabbed.withUnsafeBufferPointer { #expect(ByteScan.hasDoubleSpaceOrTab($0), "tab at \(i)") }
        }
    }
}

/// The UTF-8 check agrees with the standard library's validation on real Swedish text and on
/// every way of breaking it: cut sequences, stray continuation bytes, overlong forms,
/// surrogates and code points above U+10FFFF.
@Suite struct UTF8CheckTests {
    @Test func agreesWithTheStandardLibrary() {
        let text = Array("Socialnämnden i Österåker – ”IVO:s beslut” 😀 𝄞 ĳ € \u{10FFFF}.".utf8)
        var cases: [[UInt8]] = [text, [], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80]]
        for i in text.indices {
            cases.append(Array(text[..<i]))  // cut anywhere, also inside a sequence
            var flipped = text
            flipped[i] ^= 0x40
            cases.append(flipped)
            var padded = Array(repeating: UInt8(ascii: "a"), count: 20) + text
            padded.insert(0x80, at: 20 + i)
            cases.append(padded)
        }
        var invalid = 0
        for bytes in cases {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(UTF8Check.isValid) == expected, "\(bytes)")
            if !expected { invalid += 1 }
        }
        #expect(invalid > 50)
    }

    /// Text of ASCII and two-byte letters only is passed sixteen bytes at a time: a stray,
    /// missing or doubled continuation byte is found wherever it stands in a block, also in
    /// its first and last byte and across two blocks.
    @Test func findsEveryBrokenPairInBlocksOfSixteen() {
        let text = Array("Nämnden ålade förvaltningen att åtgärda bristerna i Älvdalens särskilda boende före årsskiftet.".utf8)
        var cases: [[UInt8]] = [text]
        for i in text.indices {
            var flipped = text
            flipped[i] ^= 0x40  // a lead byte without its continuation, or a continuation alone
            cases.append(flipped)
            var doubled = text
            doubled.insert(0xA5, at: i)
            cases.append(doubled)
            cases.append(Array(text[..<i]) + [0xC3])  // a lead byte at the end
        }
        var invalid = 0
        for bytes in cases {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(UTF8Check.isValid) == expected, "\(bytes)")
            if !expected { invalid += 1 }
        }
        #expect(invalid > 150)
    }
}

/// A JSONL line parsed with its strings checked as UTF-8 in the same pass gives what the two
/// passes gave: the same object when the whole line is well-formed and parses, a failure
/// otherwise, and an ill-formed string told as such.
@Suite struct CheckedJSONParseTests {
    private func separate(_ line: [UInt8]) -> (valid: Bool, object: JSON.Object?) {
        (line.withUnsafeBufferPointer(UTF8Check.isValid), try? JSON.parseObject(line[...]))
    }

    @Test func agreesWithTheCheckThenTheParse() {
        let line = Array(#"{"id": "a1", "text": "Nämnden i Österåker – ”IVO:s beslut” \"citat\"\n 😀 € och så vidare i en lång mening", "n": [1, "ö", {"k": "ä"}]}"#.utf8)
        var cases: [[UInt8]] = [line]
        for i in line.indices {
            var flipped = line
            flipped[i] ^= 0x40
            cases.append(flipped)
            var stray = line
            stray.insert(0x80, at: i)
            cases.append(stray)
            var lead = line
            lead.insert(0xE2, at: i)
            cases.append(lead)
        }
        var fusedFailures = 0
        for bytes in cases {
            let (valid, object) = separate(bytes)
            do {
                let fused = try JSON.parseObject(bytes[...], checkingUTF8: true)
                #expect(valid && object != nil, "\(bytes)")
                #expect(fused.members.map(\.rawBytes) == object?.members.map(\.rawBytes))
                #expect(fused.members.map(\.stringBytes) == object?.members.map(\.stringBytes))
            } catch {
                fusedFailures += 1
                #expect(!valid || object == nil, "\(bytes)")
                if error.isInvalidUTF8 { #expect(!valid) }
            }
        }
        #expect(fusedFailures > 200)
    }

    @Test func tellsAnIllFormedString() {
        let line = Array(#"{"text": "Nämnden beslutade att "#.utf8) + [0xC3, 0x28] + Array(#" åtgärda"}"#.utf8)
        #expect(throws: JSON.ParseError.self) { try JSON.parseObject(line[...], checkingUTF8: true) }
        #expect((try? JSON.parseObject(line[...])) != nil)
        do { _ = try JSON.parseObject(line[...], checkingUTF8: true) } catch { #expect(error.isInvalidUTF8) }
    }
}
