import Testing

@testable import Metrics

@Suite struct YAMLSubsetTests {
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
        let value = try YAMLSubset.parse(text)
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
        let value = try YAMLSubset.parse(
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
        let value = try YAMLSubset.parse(
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
        #expect(try YAMLSubset.parse("- a\n- - b\n  - c\n") == ["a", ["b", "c"]])
        #expect(try YAMLSubset.parse("") == .null)
        #expect(try YAMLSubset.parse("# only a comment\n") == .null)
    }

    @Test(arguments: [
        ("a: 1\n  b: 2\n", "line 2: unexpected \"b: 2\" at this indentation"),
        ("a:\n\t- 1\n", "line 2: tabs are not allowed in indentation"),
        ("? complex\n: value\n", "line 1: complex mapping keys (\"? \") are not supported"),
        ("a: *missing\n", "line 1: alias *missing names no anchor"),
        ("a: [1, 2\n", "line 1: expected ',' or ']'"),
        ("a: 1\n---\nb: 2\n", "line 2: several documents in one file are not supported"),
    ])
    func errorsNameTheLine(text: String, message: String) {
        #expect(throws: YAMLSubset.Failure.self) { try YAMLSubset.parse(text) }
        do {
            _ = try YAMLSubset.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func deepNestingIsBounded() {
        let deep = (0..<200).map { String(repeating: "  ", count: $0) + "k:" }.joined(separator: "\n")
        #expect(throws: YAMLSubset.Failure.self) { try YAMLSubset.parse(deep) }
        #expect(throws: YAMLSubset.Failure.self) { try YAMLSubset.parse("a: " + String(repeating: "[", count: 500)) }
    }
}
