import Foundation
import PackagePlugin

/// Embeds the rule pack (`rules/**/*.yaml` and `rules/**/*.tsv`) into the target as Swift source,
/// so that the `fynd` binary carries its default rules and works from any folder; and the pack
/// compiled (`rules/compiled.pack`) when it was compiled from these very files.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        let compiled = rules.appending(path: "compiled.pack")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yaml", "yml", "tsv"].contains(url.pathExtension) { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Embedding the rule pack (\(inputs.count) files)",
                executable: try context.tool(named: "embed-rules").url,
                arguments: [rules.path, output.path, compiled.path] + inputs.map(\.path),
                inputFiles: inputs + (FileManager.default.fileExists(atPath: compiled.path) ? [compiled] : []),
                outputFiles: [output]
            )
        ]
    }
}
