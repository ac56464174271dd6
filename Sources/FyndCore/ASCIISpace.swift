extension UInt8 {
    /// Whether the byte is white space between words: space, tab, line feed or carriage return.
    @inlinable
    public var isASCIISpace: Bool { self == 0x20 || self == 0x0A || self == 0x09 || self == 0x0D }
}
