import FyndCore

/// What `MunicipalityFinder` looks names up in: every form of every municipality and place
/// (name, genitive, inhabitants), grouped by first word in one flat list, the first words in a
/// byte table, and the names folded for addresses. Built once from the gazetteer
/// (`init(gazetteer:)`: some 11 000 forms, a dictionary of their first words), and stored in
/// the compiled pack (`encode(into:)`), so that start-up decodes tables instead of building them.
struct MunicipalityIndex: Sendable, Equatable {
    /// The forms that start with the word of key `k` in `firstWords`: `forms[formStart[k] ..< formStart[k + 1]]`.
    let forms: [MunicipalityFinder.Form]
    let formStart: [Int32]
    /// First word (in NFC) → its group of forms.
    let firstWords: ByteTable
    /// Whether every form's first word is plain (ASCII and Latin-1): then a plain word is looked
    /// up by its bytes as they are.
    let plainForms: Bool
    /// The words a dateline is read from: the longest form and the word after it, and at least eight.
    let datelineWords: Int
    /// By byte: whether some form starts with it.
    let firstBytes: [Bool]
    /// For a word that starts with a Latin-1 letter (C3 xx): whether some form starts with its
    /// second byte. "är", "även", "öppna" start no name.
    let latin1Seconds: [Bool]
    /// Names folded for addresses ("hoganas", "upplandsvasby") → municipality; places of one
    /// municipality (not ambiguous ones) → place.
    let foldedMunicipalities: [String: Int], foldedPlaces: [String: Int]

    init(gazetteer: Gazetteer) {
        typealias Form = MunicipalityFinder.Form
        // First word of a form → its place in `lists` (and `keys`, in the order first met).
        var index: [String: Int] = [:], keys: [String] = [], lists: [[Form]] = [], longest = 0
        index.reserveCapacity(4 * (gazetteer.municipalities.count + gazetteer.places.count))
        func add(_ target: Form.Target, _ form: String, genitive: Bool, inhabitant: Bool = false) {
            // Split by bytes: a space is one byte, and names carry no combining marks.
            let words = form.utf8.split(separator: 0x20).map(Substring.init)
            var isName = false
            if case .municipality(let m) = target, gazetteer.municipalities[m].ambiguous {
                isName = words.joined(separator: " ") == gazetteer.municipalities[m].name
            }
            let entry = Form(target: target, rest: words.dropFirst().map { Array($0.utf8) }, isName: isName, genitive: genitive, inhabitant: inhabitant)
            longest = max(longest, entry.length)
            let key = String(words[0])
            if let k = index[key] {
                lists[k].append(entry)
            } else {
                index[key] = lists.count
                keys.append(key)
                lists.append([entry])
            }
        }
        var foldedMunicipalities: [String: Int] = [:], foldedPlaces: [String: Int] = [:]
        for (i, m) in gazetteer.municipalities.enumerated() {
            let variants = m.genitive == m.name ? [(m.name, true)] : [(m.name, false), (m.genitive, true)]
            for (form, genitive) in variants { add(.municipality(i), form, genitive: genitive) }
            if !m.ambiguous, !m.name.utf8.contains(0x20) {
                for stem in Set([m.name, m.genitive]).sorted() {
                    for suffix in MunicipalityFinder.inhabitantSuffixes { add(.municipality(i), stem + suffix, genitive: false, inhabitant: true) }
                }
            }
            foldedMunicipalities[MunicipalityFinder.fold(m.name)] = i
        }
        for (p, place) in gazetteer.places.enumerated() {
            add(.place(p), place.name, genitive: false)
            if let last = place.name.last, !"sxz".contains(last) { add(.place(p), place.name + "s", genitive: true) }
            if place.municipalities.count == 1, !place.name.utf8.contains(0x20) {
                for suffix in MunicipalityFinder.inhabitantSuffixes { add(.place(p), place.name + suffix, genitive: false, inhabitant: true) }
                foldedPlaces[MunicipalityFinder.fold(place.name)] = p
            }
        }
        let (start, _) = FlatLists.flat(lists.map { $0.map { _ in 0 } })
        // Keys in NFC, as a `String` compares them: a word spelt with combining marks finds its form.
        let firstWords = ByteTable(keys.enumerated().map { (key: String(decoding: $1._nfcCodeUnits, as: UTF8.self), value: $0) })
        var firstBytes = [Bool](repeating: false, count: 256)
        // Non-ASCII first bytes are always looked up (canonically equivalent spellings differ in
        // bytes); an ASCII first character is the same in every spelling of NFC text.
        for b in 0x80...0xFF { firstBytes[b] = true }
        var latin1Seconds = [Bool](repeating: false, count: 256)
        for key in keys {
            if let b = key.utf8.first { firstBytes[Int(b)] = true }
            if key.utf8.first == 0xC3, let b = key.utf8.dropFirst().first { latin1Seconds[Int(b)] = true }
        }
        self.init(forms: lists.flatMap { $0 }, formStart: start, firstWords: firstWords, plainForms: SentenceWords.isPlain(firstWords.keyBytes),
                  datelineWords: max(8, longest + 1), firstBytes: firstBytes, latin1Seconds: latin1Seconds,
                  foldedMunicipalities: foldedMunicipalities, foldedPlaces: foldedPlaces)
    }

    init(forms: [MunicipalityFinder.Form], formStart: [Int32], firstWords: ByteTable, plainForms: Bool, datelineWords: Int, firstBytes: [Bool],
         latin1Seconds: [Bool], foldedMunicipalities: [String: Int], foldedPlaces: [String: Int]) {
        self.forms = forms
        self.formStart = formStart
        self.firstWords = firstWords
        self.plainForms = plainForms
        self.datelineWords = datelineWords
        self.firstBytes = firstBytes
        self.latin1Seconds = latin1Seconds
        self.foldedMunicipalities = foldedMunicipalities
        self.foldedPlaces = foldedPlaces
    }

    /// The forms whose first word is `key`: by its bytes when it and every form's first word are
    /// plain, else by its NFC, as strings compare.
    func forms(startingWith key: ArraySlice<UInt8>) -> ArraySlice<MunicipalityFinder.Form>? {
        let k = plainForms && SentenceWords.isPlain(key) ? firstWords.value(key) : firstWords.value(String(decoding: key, as: UTF8.self)._nfcCodeUnits[...])
        return k.map { forms[Int(formStart[$0])..<Int(formStart[$0 + 1])] }
    }
}

/// The index in the compiled pack (`PackFormat`): tables of integers, the byte table as
/// `ByteTable` stores it, the words of forms and folded names as strings.
extension MunicipalityIndex {
    func encode(into w: inout PackWriter) {
        w.uint32s(forms.map { form in
            switch form.target {
            case .municipality(let m): Int32(m) << 1
            case .place(let p): Int32(p) << 1 | 1
            }
        })
        w.uint32s(forms.map { ($0.isName ? 1 : 0) | ($0.genitive ? 2 : 0) | ($0.inhabitant ? 4 : 0) })
        w.starts(FlatLists(forms.map { $0.rest.map { _ in 0 } }).start)
        w.strings(forms.flatMap { $0.rest.map { String(decoding: $0, as: UTF8.self) } })
        w.starts(formStart)
        firstWords.encode(into: &w)
        w.bool(plainForms)
        w.uint(UInt(datelineWords))
        w.uint32s(firstBytes.map { $0 ? 1 : 0 })
        w.uint32s(latin1Seconds.map { $0 ? 1 : 0 })
        for folded in [foldedMunicipalities, foldedPlaces] {
            let sorted = folded.sorted { $0.key < $1.key }
            w.strings(sorted.map(\.key))
            w.uint32s(sorted.map { Int32($0.value) })
        }
    }

    init(decoding r: inout PackReader, gazetteer: Gazetteer) throws(PackFormatError) {
        let municipalities = Int32(gazetteer.municipalities.count), places = Int32(gazetteer.places.count)
        let targets = try r.uint32s()
        let flags = try r.uint32s(below: 8)
        let restStart = try r.starts()
        let restWords = try r.strings()
        guard flags.count == targets.count, restStart.count == targets.count + 1, Int(restStart.last!) == restWords.count,
              targets.allSatisfy({ $0 >> 1 < ($0 & 1 == 0 ? municipalities : places) }) else {
            throw r.failure("forms of no municipality or place, or without their flags and words")
        }
        let forms = targets.indices.map { f in
            MunicipalityFinder.Form(target: targets[f] & 1 == 0 ? .municipality(Int(targets[f] >> 1)) : .place(Int(targets[f] >> 1)),
                                    rest: restWords[Int(restStart[f])..<Int(restStart[f + 1])].map { Array($0.utf8) },
                                    isName: flags[f] & 1 != 0, genitive: flags[f] & 2 != 0, inhabitant: flags[f] & 4 != 0)
        }
        let formStart = try r.starts()
        guard Int(formStart.last!) == forms.count else {
            throw r.failure("groups of forms out of order")
        }
        let firstWords = try ByteTable(decoding: &r, valuesBelow: formStart.count - 1)
        let plainForms = try r.bool(), datelineWords = try r.count()
        let firstBytes = try r.uint32s(below: 2).map { $0 == 1 }, latin1Seconds = try r.uint32s(below: 2).map { $0 == 1 }
        guard firstBytes.count == 256, latin1Seconds.count == 256 else { throw r.failure("byte tables of \(firstBytes.count) and \(latin1Seconds.count) bytes") }
        var folded: [[String: Int]] = []
        for bound in [municipalities, places] {
            let keys = try r.strings(), values = try r.uint32s(below: bound)
            guard keys.count == values.count else { throw r.failure("\(keys.count) folded names, \(values.count) places") }
            folded.append(Dictionary(zip(keys, values.map(Int.init)), uniquingKeysWith: { a, _ in a }))
        }
        self.init(forms: forms, formStart: formStart, firstWords: firstWords, plainForms: plainForms, datelineWords: datelineWords,
                  firstBytes: firstBytes, latin1Seconds: latin1Seconds, foldedMunicipalities: folded[0], foldedPlaces: folded[1])
    }
}
