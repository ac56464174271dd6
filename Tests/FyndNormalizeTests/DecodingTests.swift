import FyndCore
import Testing
@testable import FyndNormalize

@Suite struct DecodingTests {
    @Test func utf8PassesThrough() throws {
        let d = try Decoding.decode(Array("Socialnämnden i Österåker".utf8))
        #expect(d.text == "Socialnämnden i Österåker")
        #expect(d.warnings.isEmpty)
    }

    /// `decodeUTF8` passes plain UTF-8 through as it is and gives every other file exactly what
    /// `decode` makes of it.
    @Test(arguments: [
        Array("Socialnämnden i Österåker – ”kritik”".utf8), [0xEF, 0xBB, 0xBF] + Array("IVO: beslut".utf8),
        [0xD6] + Array("ster".utf8) + [0xE5] + Array("ker".utf8), Array("IVO riktar\0 kritik".utf8), Array("\u{A0}\u{2003}Lex Sarah".utf8),
        [0xFF, 0xFE, 0x49, 0x00, 0x56, 0x00, 0x4F, 0x00],
    ])
    func decodingToBytesAgreesWithDecoding(_ bytes: [UInt8]) throws {
        let (utf8, warnings) = try Decoding.decodeUTF8(bytes)
        let decoded = try Decoding.decode(bytes)
        #expect(utf8 == Array(decoded.text.utf8))
        #expect(warnings == decoded.warnings)
    }

    /// Only UTF-8 that `decode` would keep as it is skips it: not a byte-order mark, a NUL, a
    /// Latin-1 byte, or text of white space alone (an error either way).
    @Test func plainUTF8IsToldOnTheBytes() {
        #expect(Decoding.isPlainUTF8(Array("Socialnämnden i Österåker – ”kritik”".utf8)))
        #expect(!Decoding.isPlainUTF8([0xEF, 0xBB, 0xBF] + Array("IVO".utf8)))
        #expect(!Decoding.isPlainUTF8(Array("IVO\0".utf8)))
        #expect(!Decoding.isPlainUTF8([0xD6] + Array("ster".utf8)))
        #expect(!Decoding.isPlainUTF8(Array("\u{A0} \n".utf8)))
        #expect(throws: DocumentError(code: "empty", message: "the file holds only white space")) { try Decoding.decodeUTF8(Array("\u{A0} \n".utf8)) }
    }

    @Test func invalidUTF8FallsBackToWindows1252WithAWarning() throws {
        // "Österåker" in Windows-1252: Ö = D6, å = E5.
        let bytes: [UInt8] = [0xD6] + Array("ster".utf8) + [0xE5] + Array("ker \u{80}".utf8.dropLast(2)) + [0x80]
        let d = try Decoding.decode(bytes)
        #expect(d.text.hasPrefix("Österåker"))
        #expect(d.text.hasSuffix("€"))
        #expect(d.warnings.first?.contains("invalid UTF-8 at byte 0") == true)
    }

    /// One invalid byte in a UTF-8 file costs that byte, not the file's å, ä and ö; a line
    /// with no UTF-8 of its own (pasted from a Latin-1 file) is read as Windows-1252.
    @Test func invalidBytesInAUTF8FileAreRepairedLineByLine() throws {
        let bytes = Array("Österåker kommun får kritik av IVO.\nOrosanmälan ".utf8) + [0xFF] + Array(" gällde barnet.\n".utf8)
            + Array("Socialn".utf8) + [0xE4] + Array("mnden i G".utf8) + [0xE4] + Array("vle.\n".utf8)
        let d = try Decoding.decode(bytes)
        #expect(d.text == "Österåker kommun får kritik av IVO.\nOrosanmälan \u{FFFD} gällde barnet.\nSocialnämnden i Gävle.\n")
        #expect(d.warnings == ["invalid UTF-8 at byte 52; 2 line(s) repaired, the rest kept as UTF-8"])
    }

    @Test func utf16WithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "Förhandsbedömning".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try Decoding.decode(bytes).text == "Förhandsbedömning")
    }

    @Test func binaryFilesAreRefusedByName() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        #expect(throws: DocumentError(code: "binary", message: "this is a PNG image file, not text or HTML")) { try Decoding.decode(png) }
        #expect((try? Decoding.decode([0x1F, 0x8B, 8, 0])) == nil)
        #expect((try? Decoding.decode(Array("%PDF-1.4\n".utf8))) == nil)
    }

    @Test func emptyAndWhitespaceOnlyAreErrors() {
        #expect(throws: DocumentError.self) { try Decoding.decode([]) }
        #expect(throws: DocumentError(code: "empty", message: "the file holds only white space")) { try Decoding.decode(Array(" \n\t \n".utf8)) }
    }

    @Test func aNulByteIsRemovedWithAWarning() throws {
        let d = try Decoding.decode(Array("IVO riktar\0 kritik".utf8))
        #expect(d.text == "IVO riktar kritik")
        #expect(d.warnings == ["NUL bytes removed"])
    }

    @Test func declaredLatin1CharsetIsUsed() throws {
        let html: [UInt8] = Array("<meta charset=\"iso-8859-1\"><p>Sk".utf8) + [0xF6] + Array("vde</p>".utf8)
        #expect(Decoding.declaredCharset(html) == "iso-8859-1")
        let d = try Decoding.decode(html, declared: "iso-8859-1")
        #expect(d.text.contains("Skövde"))
    }
}
