import FyndCore

/// The paragraphs of a document as the Normalize stage keeps them, gathered as UTF-8 bytes in
/// one buffer: each block of raw text is tidied, and dropped when it is boilerplate or a
/// dateline (whose date is kept; a crawler's date before a paragraph's first words, or a date
/// before the lead's, is cut off and kept too; a place's and date's opening the lead, a
/// header's, a report cover's, a letterhead's, a signing line's, a government decision's, a case
/// heading's or a meeting's date is kept; a meeting's in the first or second paragraph, after a
/// register of the items). A document site's list of related documents is dropped, from its
/// heading to the first paragraph too long for a title. In a list of items that link to other
/// articles (each a title beside its own date, closed by "Läs mer"), the items' dates are not the
/// document's; a date after "Läs också" or "Relaterade artiklar" is another article's, up to the
/// first paragraph too long for a title.
/// `finish` drops repeated runs and a closing byline and writes the document text once. A whole
/// text is collected in its own buffer where it can be (`add(wholeText:)`).
struct ParagraphCollector {
    private var bytes: [UInt8] = []
    /// While a whole text is read: its buffer, into which the paragraphs kept are written from
    /// its start, the bytes written, and how far it is read (the bytes before are free).
    private var inPlace: (buffer: UnsafeMutableBufferPointer<UInt8>, written: Int, read: Int)?
    private var ranges: [Range<Int>] = []
    /// Whether any block came in, kept or not.
    private(set) var sawBlock = false
    /// The first dateline's date (a publication's before an update's), unless one was known before.
    var published: String? { known ?? dateline?.iso }
    private let known: String?
    private var dateline: TextCleanup.DatelineDate?
    /// The place or section the first dateline with one names ("Ystad • Publicerad …").
    private(set) var datelinePlace: String?
    /// The opening paragraphs read for a header's date.
    private var header = HeaderDate()
    /// Whether the lines now read are titles in a list of related documents.
    private var inRelatedList = false
    /// Whether the line before was an update's label alone ("Uppdaterad:").
    private var afterUpdateLabel = false
    /// The date the dateline last taken replaced, and its label (the words before its first
    /// digit: "Beslutsdatum:", or none).
    private var replaced: TextCleanup.DatelineDate?
    private var takenLabel: ArraySlice<UInt8>?
    /// How many paragraphs were kept before the dateline last read, taken or not, and its label.
    private var lastAt: Int?
    private var lastLabel: ArraySlice<UInt8> = []
    /// The label of the datelines of the items closed by "Läs mer" in a row, and how many.
    private var items: (label: ArraySlice<UInt8>, count: Int)?
    /// The label of a list's items' datelines, once two items closed (`closeItem`).
    private var itemLabel: ArraySlice<UInt8>?
    /// Whether the lines now read follow "Läs också" or "Relaterade artiklar".
    private var inTeaserList = false

    init(published: String?) { known = published }

    /// The paragraphs that open a document (headline, standfirst, lead; a header), where a date
    /// before the lead or in a header dates the document.
    static let openingParagraphs = 3

    /// Adds the paragraph candidates of a piece of raw text (a text file, or a block of a page).
    mutating func add(rawText text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count)
        if let unified = TextCleanup.unified(text) {
            unified.withUnsafeBufferPointer { u in TextCleanup.forEachBlock(u) { block, _ in add(block: block) } }
        } else {
            TextCleanup.forEachBlock(text) { block, _ in add(block: block) }
        }
    }

    /// As `add(rawText:)` for the whole text of a document, the first to be added: its characters
    /// are unified in place, and the paragraphs kept are written over the bytes already read, so
    /// that the text and its paragraphs take one buffer (a second only when the paragraphs, one
    /// blank line apart, would overtake the reading: lines one newline apart).
    mutating func add(wholeText text: consuming [UInt8]) {
        precondition(ranges.isEmpty && bytes.isEmpty, "a whole text comes first")
        var text = consume text
        TextCleanup.unifyInPlace(&text)
        let written = text.withUnsafeMutableBufferPointer { buffer in
            inPlace = (buffer, 0, 0)
            TextCleanup.forEachBlock(UnsafeBufferPointer(buffer)) { block, read in
                inPlace?.read = read
                add(block: block)
            }
            defer { inPlace = nil }
            return inPlace?.written
        }
        if let written {
            text.removeSubrange(written...)
            bytes = text
        }
    }

    private mutating func reserve(_ count: Int) {
        if bytes.isEmpty {
            bytes.reserveCapacity(count + 256)
            ranges.reserveCapacity(16)
        }
    }

    private mutating func add(block: UnsafeBufferPointer<UInt8>) {
        sawBlock = true
        if let tidy = TextCleanup.tidied(block) {
            tidy.withUnsafeBufferPointer { keep($0) }
        } else {
            keep(block)
        }
    }

    private mutating func keep(_ line: UnsafeBufferPointer<UInt8>) {
        if line.isEmpty { return }
        if TextCleanup.isBoilerplate(line) {
            afterUpdateLabel = TextCleanup.isUpdateLabel(line)
            switch TextCleanup.teaserMark(line) {
            case .closesItem: closeItem()
            case .headsList: inTeaserList = true
            case nil: break
            }
            return
        }
        defer { afterUpdateLabel = false }
        if inRelatedList, line.count <= TextCleanup.relatedTitleLimit { return }
        inRelatedList = TextCleanup.opensRelatedDocuments(line)
        if inRelatedList { return }
        if line.count > TextCleanup.relatedTitleLimit { inTeaserList = false }
        // Every date the readers below know is written with digits: a line without one (most)
        // is read only for a header's words and a crawler's prefix.
        let hasDigit = Self.hasDigit(line)
        if hasDigit, TextCleanup.mayBeDateline(line), var date = TextCleanup.date(ofDateline: String(decoding: line, as: UTF8.self)) {
            // The date under an update's label alone on its line ("Uppdaterad:", then the date).
            if afterUpdateLabel { date.updateOnly = true }
            let label = Self.label(line)
            guard !inTeaserList else { return }
            (lastAt, lastLabel) = (ranges.count, label)
            // Another dateline labelled as a closed item's ("Beslutsdatum:") makes the page a list.
            if itemLabel == nil, !label.isEmpty, items?.label == label { confirmList(label) }
            guard itemLabel != label else { return }
            if date.beats(dateline) { (replaced, takenLabel, dateline) = (dateline, label, date) }
            datelinePlace = datelinePlace ?? date.place
            return
        }
        if let crawled = TextCleanup.crawlerDate(line) {
            if dateline == nil, let iso = crawled.iso { dateline = .init(iso: iso, updateOnly: false) }
            return keep(UnsafeBufferPointer(rebasing: line[crawled.textStart...]))
        }
        let opening = ranges.count < Self.openingParagraphs
        if dateline == nil, opening, hasDigit, let lead = TextCleanup.leadDate(line) {
            dateline = .init(iso: lead.iso, updateOnly: false)
            return keep(UnsafeBufferPointer(rebasing: line[lead.textStart...]))
        }
        if dateline == nil, opening, hasDigit, let iso = TextCleanup.placeDateLead(line) { dateline = .init(iso: iso, updateOnly: false) }
        // A header's label and its date may stand in paragraphs of their own ("BESLUT", then the date).
        if dateline == nil, let iso = (opening && !header.isDone ? header.read(line) : nil) ?? (hasDigit ? documentDate(line) : nil) {
            dateline = .init(iso: iso, updateOnly: false)
        }
        // Separated as the document text has them, so that most documents need no second copy.
        if let (buffer, written, read) = inPlace {
            let start = ranges.isEmpty ? 0 : written + 2
            if start + line.count <= read {
                if start > 0 { buffer[start - 2] = 0x0A; buffer[start - 1] = 0x0A }
                UnsafeMutableRawPointer(buffer.baseAddress! + start).copyMemory(from: line.baseAddress!, byteCount: line.count)
                inPlace?.written = start + line.count
                ranges.append(start..<(start + line.count))
                return
            }
            // The paragraphs would overtake the reading: they go on in a buffer of their own.
            bytes.reserveCapacity(buffer.count + 256)
            bytes.append(contentsOf: buffer[..<written])
            inPlace = nil
        }
        if !bytes.isEmpty { bytes.append(0x0A); bytes.append(0x0A) }
        let start = bytes.count
        bytes.append(contentsOf: line)
        ranges.append(start..<bytes.count)
    }

    /// At "Läs mer": when the dateline last read came at most two short paragraphs before, it
    /// dated an item that links to another article ("Beslutsdatum: … / title / Läs mer", "title /
    /// 3 februari 2021 / Läs mer"). From the second such item with the same label on, or the next
    /// dateline with its label when it has one, the page is a list (`confirmList`). One item alone
    /// may be the article's own date above its standfirst and a "Läs mer" button.
    private mutating func closeItem() {
        guard let at = lastAt, ranges.count - at <= 2,
              ranges[max(at - 1, 0)...].allSatisfy({ $0.count <= TextCleanup.relatedTitleLimit }) else { return }
        lastAt = nil
        let count = items.map { $0.label == lastLabel ? $0.count + 1 : 1 } ?? 1
        items = (lastLabel, count)
        if count >= 2 { confirmList(lastLabel) }
    }

    /// A list of items dated with `label`: an item's date taken is given back, and no later
    /// dateline with the label is taken (the item opened on the page, "Dölj information", is one
    /// of them too: a list of decisions has no date of its own).
    private mutating func confirmList(_ label: ArraySlice<UInt8>) {
        itemLabel = label
        if takenLabel == label { (dateline, takenLabel) = (replaced, nil) }
    }

    /// The words of a dateline before its first digit, without the spaces after them.
    private static func label(_ line: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8> {
        var label = ArraySlice(line.prefix { $0 &- 0x30 >= 10 })
        while label.last == 0x20 { label.removeLast() }
        return label
    }

    /// The date a report cover, a letterhead, a signing or sender's line, a government decision, a
    /// case heading or (near the top) a meeting or the minutes' title gives in a paragraph.
    private func documentDate(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        TextCleanup.coverDate(line) ?? TextCleanup.pageOneCoverDate(line) ?? TextCleanup.letterheadDate(line) ?? TextCleanup.signingDate(line)
            ?? TextCleanup.senderDate(line)
            ?? TextCleanup.cabinetDecisionDate(line) ?? TextCleanup.caseHeadingDate(line)
            ?? (ranges.count < 2 || TextCleanup.opensPageOne(line) ? TextCleanup.meetingDate(line) : nil)
            ?? (ranges.isEmpty || TextCleanup.opensPageOne(line) ? TextCleanup.minutesTitleDate(line) : nil)
    }

    /// Whether a line holds an ASCII digit (`ByteScan.firstDigit`).
    static func hasDigit(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.firstDigit(in: line) != nil
    }

    /// The document text (paragraphs in NFC, separated by one blank line) and the paragraphs'
    /// ranges in it, after repeated runs and a closing byline (returned) are dropped, written over
    /// the collected bytes (which it takes: call it once).
    mutating func finish() -> (text: [UInt8], paragraphs: [Range<Int>], byline: String?) {
        let kept = TextCleanup.keptAfterRepeats(bytes, ranges)
        var count = kept?.count ?? ranges.count
        func paragraph(_ k: Int) -> ArraySlice<UInt8> { bytes[ranges[kept?[k] ?? k]] }
        var byline: String?
        if count > 1, let name = TextCleanup.byline(paragraph(count - 1)) {
            byline = name
            count -= 1
        }
        // The paragraphs written over the collected bytes, one blank line apart: each ends before
        // the next one's bytes begin, unless a composed one is longer than they leave room for.
        let composedParagraphs = (0..<count).map { paragraph($0).withUnsafeBufferPointer(TextCleanup.composed) }
        var paragraphs: [Range<Int>] = []
        paragraphs.reserveCapacity(count)
        var written = 0
        bytes.withUnsafeMutableBufferPointer { buffer in
            for k in 0..<count {
                let source = ranges[kept?[k] ?? k]
                let start = k == 0 ? 0 : written + 2
                let length = composedParagraphs[k]?.count ?? source.count
                guard start + length <= (k + 1 < count ? ranges[kept?[k + 1] ?? k + 1].lowerBound : buffer.count) else { return }
                // The paragraph first (its bytes may begin before `start`), then the blank line.
                if let composed = composedParagraphs[k] {
                    composed.withUnsafeBytes { UnsafeMutableRawPointer(buffer.baseAddress! + start).copyMemory(from: $0.baseAddress!, byteCount: length) }
                } else if start != source.lowerBound {
                    UnsafeMutableRawPointer(buffer.baseAddress! + start).copyMemory(from: buffer.baseAddress! + source.lowerBound, byteCount: length)
                }
                if k > 0 { buffer[start - 2] = 0x0A; buffer[start - 1] = 0x0A }
                paragraphs.append(start..<(start + length))
                written = start + length
            }
        }
        if paragraphs.count == count {
            var text: [UInt8] = []
            swap(&text, &bytes)
            text.removeSubrange(written...)
            return (text, paragraphs, byline)
        }
        // The rest in a buffer of their own, after the paragraphs written.
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + 2 * count)
        text += bytes[..<written]
        for k in paragraphs.count..<count {
            if !text.isEmpty { text.append(0x0A); text.append(0x0A) }
            let start = text.count
            if let composed = composedParagraphs[k] {
                text += composed
            } else {
                text += paragraph(k)
            }
            paragraphs.append(start..<text.count)
        }
        return (text, paragraphs, byline)
    }
}
