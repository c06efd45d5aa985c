import DoorstepDomain
import DoorstepServer
import DoorstepTestSupport
import Foundation
import Testing

/// A phone's JSON body read strictly: the wrong type is refused by the field's name, never
/// taken as absent.
@Suite("Grid end request bodies")
struct GridBodyTests {
    static func body(_ json: String) throws -> GridBody { try GridBody(json: Data(json.utf8)) }

    static func refusal(_ read: () throws -> Any?) -> String? {
        do { _ = try read(); return nil } catch { return "\(error)" }
    }

    @Test("an empty body is an empty object; anything but one JSON object is refused")
    func shape() throws {
        #expect(try Self.body("").fields.isEmpty)
        #expect(try Self.body(" \r\n\t").fields.isEmpty)
        for bad in ["[1]", "\"text\"", "1", "null", "{", "{\"a\":}", "{'a': 1}", "\u{0}"] {
            #expect(Self.refusal { try Self.body(bad) } == "the body is not one JSON object", "\(bad)")
        }
    }

    @Test("JSON's true and false are the only yes and no: a string or a number is refused by name")
    func flags() throws {
        #expect(try Self.body(#"{"accept": false}"#).flag("accept") == false)
        #expect(try Self.body(#"{"accept": true}"#).flag("accept") == true)
        #expect(try Self.body(#"{"accept": null}"#).flag("accept") == nil)
        #expect(try Self.body(#"{}"#).flag("accept") == nil)
        let asText = try Self.body(#"{"accept": "false"}"#)
        #expect(Self.refusal { try asText.flag("accept") } == #""accept" must be true or false, not a string"#)
        let asNumber = try Self.body(#"{"accept": 0}"#)
        #expect(Self.refusal { try asNumber.flag("accept") } == #""accept" must be true or false, not a number"#)
    }

    @Test("a text field of another type is refused, not replaced by the caller's own; a long one is refused with its limit")
    func texts() throws {
        let body = try Self.body(#"{"staff": 5, "note": ["a"], "grid": "JB01", "household": null, "extra": {"x": 1}}"#)
        #expect(Self.refusal { try body.text("staff") } == #""staff" must be a string, not a number"#)
        #expect(Self.refusal { try body.text("note") } == #""note" must be a string, not an array or object"#)
        #expect(try body.text("grid") == "JB01")
        #expect(try body.text("household") == nil)
        let long = try Self.body("{\"note\": \"\(String(repeating: "灯", count: 501))\"}")
        #expect(Self.refusal { try long.text("note", limit: 500) } == #""note" is longer than 500 characters"#)
        #expect(try long.text("note")?.count == 501)
    }

    @Test("over the grid end: a call answered with \"accept\": \"false\" is a 400 and stays unanswered; a worker named by a number is a 400")
    func gridEnd() throws {
        let (folder, store) = try TemporaryDatabase.demo(now: StoreFixtures.now)
        defer { folder.cleanUp() }
        let api = GridEnd(store: store, clock: ManualClock(StoreFixtures.now))
        let worker = try #require(try api.authenticate(try GridEndTests.token(store, for: "jb01-worker")))
        let staff = try #require(worker.staffID)
        let call = try #require(try store.placeCalls(to: [staff], gridCode: "JB01", by: "duty", at: StoreFixtures.now).first)
        let refused = api.answer(worker, callID: call.id, body: try Self.body(#"{"accept": "false"}"#))
        #expect(refused.status == 400 && GridEndTests.text(refused).contains("must be true or false"))
        #expect(try store.calls(ids: [call.id]).first?.state == call.state)
        #expect(api.duty(worker, body: try Self.body(#"{"staff": 2, "state": "busy"}"#)).status == 400)
        #expect(api.answer(worker, callID: call.id, body: try Self.body(#"{"accept": false}"#)).status == 200)
    }
}
