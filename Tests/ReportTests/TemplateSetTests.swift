import Foundation
import Testing
import TestSupport
@testable import Report

@Suite struct TemplateSetTests {
    @Test func builtInTemplatesMatchTheTemplatesFolder() throws {
        let folder = TestData.packageRoot.appendingPathComponent("templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(!files.isEmpty)
        for file in files {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let name = String(file.dropLast(".mustache".count))
            #expect(
                BuiltInTemplates.all[name] == onDisk,
                "templates/\(file) is not embedded: list it in Report's resources (Package.swift) and in BuiltInTemplates")
        }
        #expect(BuiltInTemplates.all.count == files.count)
    }

    @Test func aBrokenUserTemplateIsReportedAsFileLineColumn() throws {
        let folder = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.md.mustache")
        try Data("{{% CONTENT_TYPE: TEXT}}\n# {{title}}\n\n{{#epochs}}\n| {{epoch}} |\n".utf8).write(to: file)
        #expect {
            _ = try TemplateSet.load(directory: folder)
        } throws: { error in
            guard case ReportError.template(let path, let line, _, let message) = error else { return false }
            return path == file.path && line >= 4 && message.contains("never closed")
                && "\(error)".hasPrefix("\(file.path):\(line):")
        }
    }

    @Test func userTemplatesOverrideAndRenderInTextMode() throws {
        let folder = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{{% CONTENT_TYPE: TEXT}}\nAccuracy <{{value}}> & done\n".utf8)
            .write(to: folder.appendingPathComponent("report.md.mustache"))
        let set = try TemplateSet.load(directory: folder)
        #expect(try set.render("report.md", ["value": "98%"]) == "Accuracy <98%> & done\n")
    }
}
