import Testing
import TestSupport

@testable import Metrics

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": 0} "#)
        #expect(value == ["a": [1, -2500, true, false, nil], "b": ["c": "d"], "e": 0])
    }

    @Test func keepsMemberOrderAndDuplicates() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": 2, "z": 3}"#)
        #expect(value.objectValue?.map(\.key) == ["z", "a", "z"])
        #expect(value["z"] == 1)
    }

    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("12345678901234567890", 12345678901234567890.0), ("1.5", 1.5),
        ("1e-400", 0.0), ("-1E+2", -100.0), ("0.1", 0.1), ("4.9e-324", Double.leastNonzeroMagnitude),
        ("1.7976931348623157e308", 1.7976931348623157e308),
    ])
    func parsesNumbers(text: String, expected: Double) throws {
        #expect(try JSONParser.parse(text) == .number(expected))
    }

    @Test func numbersBeyondDoubleAreErrorsNotInfinity() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse("1e309") }
        do {
            _ = try JSONParser.parse("[1, -2e400]")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .numberOutOfRange("-2e400"))
            #expect(error.byteOffset == 4)
            #expect(error.column == 5)
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\u{8}\u{c}\n\r\t\u{e9}\u{1F600}"))
        #expect(try JSONParser.parse("\"h\u{e9}llo \u{1F600}\"") == .string("h\u{e9}llo \u{1F600}"))
    }

    @Test(arguments: [
        ("", "unexpected end of text, expected a value"),
        ("[1,]", "expected a value (object, array, string, number, true, false or null) but found ']'"),
        ("{\"a\" 1}", "expected ':' after an object key but found '1'"),
        ("{'a': 1}", "expected a string key but found '''"),
        ("[01]", "expected '.', 'e' or the end of the number (leading zeros are not allowed) but found '1'"),
        ("1.", "unexpected end of text, expected a digit after '.'"),
        ("-", "unexpected end of text, expected a digit after '-'"),
        ("NaN", "expected a value (object, array, string, number, true, false or null) but found 'N'"),
        ("tru", "unexpected end of text, expected 'true'"),
        ("\"a\tb\"", "unescaped control character byte 0x09 in a string"),
        ("\"\\x\"", "invalid escape sequence \\x"),
        ("\"\\ud800\"", "unpaired UTF-16 surrogate \\uD800"),
        ("\"\\udc00x\"", "unpaired UTF-16 surrogate \\uDC00"),
        ("{} {}", "unexpected content after the JSON value"),
        ("[1 2]", "expected ',' or ']' but found '2'"),
        ("\"abc", "unexpected end of text, expected '\"' to close the string"),
    ])
    func rejectsMalformedText(text: String, reason: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("\(text.debugDescription) parsed")
        } catch {
            #expect(error.reason == reason)
        }
    }

    @Test func errorsNameLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"b\": x\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 8)
            #expect(error.byteOffset == 19)
            #expect(
                error.description
                    == "line 3, column 8 (byte 19): expected a value (object, array, string, number, true, false or null) but found 'x'"
            )
        }
    }

    @Test(
        arguments: [
            ([0x22, 0xFF, 0x22], 1),  // not a UTF-8 byte
            ([0x22, 0x61, 0xC0, 0xAF, 0x22], 2),  // overlong "/"
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
            ([0x22, 0xE2, 0x82, 0x22], 1),  // sequence cut short by the quote
            ([0x22, 0x80, 0x22], 1),  // lone continuation byte
        ] as [([UInt8], Int)])
    func rejectsInvalidUTF8AtItsOffset(bytes: [UInt8], offset: Int) {
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.byteOffset == offset)
        }
    }

    @Test func nestingIsBoundedWithoutExhaustingTheStack() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
        let deep = String(repeating: "[", count: 100_000)
        do {
            _ = try JSONParser.parse(deep)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .tooDeep(limit: 512))
            #expect(error.byteOffset == 512)
        }
        #expect(throws: JSONParseError.self) { try JSONParser.parse(String(repeating: "{\"a\":", count: 600)) }
    }

    @Test func byteOrderMarkIsIgnored() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    @Test func roundTripsWhatJSONWriterWrites() throws {
        let value: JSONValue = [
            "s": "tab\t\"quote\" \u{1} é 😀", "n": [0.1, 1e-05, -3, 1e300], "o": ["x": nil, "b": false],
        ]
        #expect(try JSONParser.parse(JSONWriter.compact(value)) == value)
        #expect(try JSONParser.parse(JSONWriter.pretty(value)) == value)
    }

    @Test func randomBytesNeverTrap() {
        var rng = TestRandom(seed: 7)
        let alphabet = Array("{}[]\":,0123456789-+.eE \\utrfalsn\u{7f}".utf8) + [0xC3, 0xA9, 0xFF, 0xED, 0x0A]
        for _ in 0..<5_000 {
            let length = Int(rng.next() % 40)
            let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            _ = try? JSONParser.parse(bytes)
        }
    }
}
