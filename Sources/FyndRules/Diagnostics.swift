/// A problem in a rule file, at a line and column.
public struct RuleDiagnostic: Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(file):\(line):\(column): \(message)" }

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }
}

/// Every problem found in a rule pack; fynd refuses to run a partial pack.
public struct RulePackError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [RuleDiagnostic]
    public init(diagnostics: [RuleDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
