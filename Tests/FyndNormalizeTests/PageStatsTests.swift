import CLibXML2
import Testing
@testable import FyndNormalize

/// The figures of a page's elements, kept in one flat array found through the nodes.
@Suite struct PageStatsTests {
    @Test func eachElementFindsItsOwnFiguresThroughItsNode() throws {
        let page = Array("""
            <html><body><div class="story"><p>Nämnden har tagit emot granskningen.</p>\
            <p>Revisorerna, som läste akterna, saknade uppföljning.</p></div>\
            <nav role="navigation"><a href="/a">Arkiv</a></nav></body></html>
            """.utf8)
        let doc = try #require(page.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { htmlReadMemory($0, Int32(buf.count), nil, nil, 0) }
        })
        defer { xmlFreeDoc(doc) }
        let root = try #require(xmlDocGetRootElement(doc))
        let stats = PageStats(root)
        let elements = Array(Node.descendants(root))
        // One place per element (html, body, div, p, p, nav, a), each its own.
        #expect(Set(elements.compactMap(PageStats.index)) == Set(0..<7))
        let paragraphs = elements.filter { Node.name($0) == "p" }
        #expect(paragraphs.map { stats.of($0).bytes } == [37, 54])
        #expect(paragraphs.map { stats.of($0).commas } == [0, 2])
        #expect(stats.of(elements[2]).bytes == paragraphs.reduce(0) { $0 + stats.of($1).bytes })
        // The navigation landmark is unseen: no figures of its own or its link's, none in the body.
        #expect(stats.isUnseen(elements[5]) && stats.of(elements[5]).bytes == 0 && stats.of(elements[6]).bytes == 0)
        #expect(stats.page.bytes == stats.of(elements[2]).bytes)
    }
}
