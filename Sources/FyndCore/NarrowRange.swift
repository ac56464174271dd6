/// A range of byte or word positions kept as two 32-bit bounds, for the records a document holds
/// by the hundred thousand (`Sentence`, a rule hit): 8 bytes where `Range<Int>` takes 16. A
/// document is capped at 50 MB by default (`--max-doc-bytes`), far below 4 GB.
public struct NarrowRange: Sendable, Equatable {
    @usableFromInline var lower, upper: UInt32

    @inlinable public init(_ range: Range<Int>) {
        lower = UInt32(range.lowerBound)
        upper = UInt32(range.upperBound)
    }

    @inlinable public var range: Range<Int> { Int(lower)..<Int(upper) }
}
