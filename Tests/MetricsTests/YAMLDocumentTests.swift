import Testing

@testable import Metrics

@Suite struct YAMLDocumentTests {
    @Test func whatPyYAMLDumpWrites() throws {
        // yaml.dump({"hidden": (16, 8), "lr": 1e-05, "name": "a: b", "opt": {"betas": [0.9, 0.999]},
        //            "empty": [], "none": None, "flag": True, "long": "..."}) as PyYAML writes it.
        let text = """
            empty: []
            flag: true
            hidden: !!python/tuple
            - 16
            - 8
            long: this is a long string that PyYAML wrapped over two lines because it is longer
              than eighty characters
            lr: 1.0e-05
            name: 'a: b'
            none: null
            opt:
              betas:
              - 0.9
              - 0.999
              nested:
              - name: x
                size: 3
              - name: y
                size: 4
            """
        let value = try YAMLDocument.parse(text)
        #expect(
            value == [
                "empty": [], "flag": true, "hidden": [16, 8],
                "long":
                    "this is a long string that PyYAML wrapped over two lines because it is longer than eighty characters",
                "lr": 1e-05, "name": "a: b", "none": nil,
                "opt": ["betas": [0.9, 0.999], "nested": [["name": "x", "size": 3], ["name": "y", "size": 4]]],
            ])
    }

    @Test func scalarsResolveAsPyYAMLDoes() throws {
        let value = try YAMLDocument.parse(
            """
            a: ~
            b: yes
            c: Off
            d: .inf
            e: -.inf
            f: 1_000
            g: 0x1F
            h: "tab\\tquote\\" \\u00e9"
            i: 'it''s'
            j: 1e5
            k: 2024-01-01
            l: -3
            """)
        #expect(value["a"] == .null)
        #expect(value["b"] == true)
        #expect(value["c"] == false)
        #expect(value["d"] == .number(.infinity))
        #expect(value["e"] == .number(-.infinity))
        #expect(value["f"] == 1000)
        #expect(value["g"] == 31)
        #expect(value["h"] == "tab\tquote\" \u{e9}")
        #expect(value["i"] == "it's")
        #expect(value["j"] == 100000)
        #expect(value["k"] == "2024-01-01")
        #expect(value["l"] == -3)
    }

    @Test func flowCollectionsCommentsAnchorsAndBlockScalars() throws {
        let value = try YAMLDocument.parse(
            """
            # hyperparameters
            ---
            sizes: [1, [2, 3], {a: 1, 'b c': "d"}]  # inline
            base: &base {lr: 0.1}
            copy: *base
            text: |
              line one
              line two
            url: http://example.com/#anchor
            """)
        #expect(value["sizes"] == [1, [2, 3], ["a": 1, "b c": "d"]])
        #expect(value["copy"] == ["lr": 0.1])
        #expect(value["text"] == "line one\nline two\n")
        #expect(value["url"] == "http://example.com/#anchor")
    }

    @Test func topLevelListsAndEmptyDocuments() throws {
        #expect(try YAMLDocument.parse("- a\n- - b\n  - c\n") == ["a", ["b", "c"]])
        #expect(try YAMLDocument.parse("") == .null)
        #expect(try YAMLDocument.parse("# only a comment\n") == .null)
    }

    @Test(arguments: [
        ("a: 1\n  b: 2\n", "line 2: mapping values are not allowed in this context"),
        ("a:\n\t- 1\n", "line 2:"),
        ("a: *missing\n", "line 1: found undefined alias"),
        ("a: [1, 2\n", "line 2:"),
        ("a: 1\n---\nb: 2\n", "line 3: several documents in one file are not supported"),
    ])
    func errorsNameTheLine(text: String, message: String) {
        #expect(throws: YAMLDocument.Failure.self) { try YAMLDocument.parse(text) }
        do {
            _ = try YAMLDocument.parse(text)
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test func explicitKeysAndPythonTagsAreReadAsPlainNodes() throws {
        #expect(try YAMLDocument.parse("? complex\n: value\n") == ["complex": "value"])
        let namespace = try YAMLDocument.parse("args: !!python/object:argparse.Namespace\n  lr: 0.1\n")
        #expect(namespace == ["args": ["lr": 0.1]])
    }

    @Test func aliasesThatExpandBeyondTheBudgetAreRefused() {
        // Nine levels of nine references each: 9^9 values if expanded.
        var text = "a0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        #expect(throws: YAMLDocument.Failure.self) { try YAMLDocument.parse(text) }
    }

    @Test func deepNestingIsBounded() {
        let deep = (0..<200).map { String(repeating: "  ", count: $0) + "k:" }.joined(separator: "\n")
        #expect(throws: YAMLDocument.Failure.self) { try YAMLDocument.parse(deep) }
        #expect(throws: YAMLDocument.Failure.self) {
            try YAMLDocument.parse("a: " + String(repeating: "[", count: 500))
        }
    }
}
