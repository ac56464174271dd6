import FyndCore

/// The gazetteer in the compiled form (`PackFormat`): the municipalities and places as
/// `Gazetteer(tsv:places:)` read them, written at build time.
extension Gazetteer {
    public func encode(into w: inout PackWriter) {
        w.array(municipalities) { w, m in
            w.string(m.code)
            w.string(m.name)
            w.string(m.county)
            w.bool(m.ambiguous)
            w.optional(m.irregularGenitive) { $0.string($1) }
        }
        w.array(places) { w, p in
            w.string(p.name)
            w.array(p.municipalities) { $0.uint(UInt($1)) }
            w.uint(UInt(Place.Kind.allCases.firstIndex(of: p.kind)!))
        }
    }

    public init(decoding r: inout PackReader) throws(PackFormatError) {
        municipalities = try r.array { r throws(PackFormatError) in
            Municipality(code: try r.string(), name: try r.string(), county: try r.string(), ambiguous: try r.bool(),
                         irregularGenitive: try r.optional { r throws(PackFormatError) in try r.string() })
        }
        let count = municipalities.count
        places = try r.array { r throws(PackFormatError) in
            Place(name: try r.string(), municipalities: try r.array { r throws(PackFormatError) in
                let i = try r.count()
                guard i < count else { throw r.failure("municipality \(i) of \(count)") }
                return i
            }, kind: try r.choice(Place.Kind.allCases))
        }
    }
}
