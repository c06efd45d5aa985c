import DoorstepSIP
import Foundation
import Testing

@Suite("baresip's control protocol")
struct BaresipProtocolTests {
    @Test("netstrings: framed, read back whole, a partial one left for the next read, garbage refused")
    func netstrings() throws {
        let framed = Netstring.encode(Data("{\"a\":1}".utf8)) + Netstring.encode(Data())
        #expect(String(decoding: framed, as: UTF8.self) == "7:{\"a\":1},0:,")
        var buffer = framed + Data("11:{\"ev".utf8)
        let read = try Netstring.take(from: &buffer)
        #expect(read.map { String(decoding: $0, as: UTF8.self) } == ["{\"a\":1}", ""])
        #expect(String(decoding: buffer, as: UTF8.self) == "11:{\"ev")
        buffer.append(contentsOf: "ent\":1},".utf8)
        #expect(try Netstring.take(from: &buffer).map { String(decoding: $0, as: UTF8.self) } == ["{\"event\":1}"])
        #expect(buffer.isEmpty)
        var bad = Data("x5:hello,".utf8)
        #expect(throws: Netstring.Malformed.self) { try Netstring.take(from: &bad) }
        var noComma = Data("5:helloX".utf8)
        #expect(throws: Netstring.Malformed.self) { try Netstring.take(from: &noComma) }
        var endless = Data("1234567890123".utf8)
        #expect(throws: Netstring.Malformed.self) { try Netstring.take(from: &endless) }
    }

    @Test("messages: a response, a call's event (as baresip 1.0 writes them), anything else ignored; commands framed")
    func messages() throws {
        let event = #"{"event":true,"type":"CALL_CLOSED","class":"call","accountaor":"sip:doorstep@127.0.0.1:5070","direction":"outgoing","peeruri":"sip:13800000000@127.0.0.1:5080","id":"52e0be67af4c67f3","param":"486 Busy Here"}"#
        #expect(BaresipMessage.decode(Data(event.utf8)) == .event(type: "CALL_CLOSED", callID: "52e0be67af4c67f3", peer: "sip:13800000000@127.0.0.1:5080", parameter: "486 Busy Here"))
        let response = #"{"response":true,"ok":false,"data":"Invalid argument","token":"d3"}"#
        #expect(BaresipMessage.decode(Data(response.utf8)) == .response(token: "d3", ok: false, data: "Invalid argument"))
        #expect(BaresipMessage.decode(Data("[1,2]".utf8)) == nil)
        #expect(BaresipMessage.decode(Data("{\"event\":true}".utf8)) == nil)
        let command = String(decoding: BaresipMessage.command("dial", "sip:1@h", token: "d1"), as: UTF8.self)
        #expect(command == #"50:{"command":"dial","params":"sip:1@h","token":"d1"},"#)
    }

    @Test("a closed call's reason: busy and declined, no answer, failures, and the end of an answered call")
    func outcomes() {
        #expect(SIPOutcome.closed(reason: "486 Busy Here", answered: false) == .declined("486 Busy Here"))
        #expect(SIPOutcome.closed(reason: "603 Decline", answered: false) == .declined("603 Decline"))
        #expect(SIPOutcome.closed(reason: "480 Temporarily Unavailable", answered: false) == .unanswered("480 Temporarily Unavailable"))
        #expect(SIPOutcome.closed(reason: "487 Request Terminated", answered: false) == .unanswered("487 Request Terminated"))
        #expect(SIPOutcome.closed(reason: "404 Not Found", answered: false) == .failed("404 Not Found"))
        #expect(SIPOutcome.closed(reason: "Connection timed out", answered: false) == .failed("Connection timed out"))
        #expect(SIPOutcome.closed(reason: "", answered: false) == .failed("closed"))
        #expect(SIPOutcome.closed(reason: "end of file", answered: true) == .ended("end of file"))
    }
}

@Suite("The line's state")
struct SIPLineTests {
    @Test("from baresip's events and its answer to reginfo (as 1.0 writes it, colours and all)")
    func line() {
        #expect(SIPLine(event: "REGISTER_OK", parameter: "200 OK") == .registered)
        #expect(SIPLine(event: "REGISTER_FAIL", parameter: "403 Forbidden") == .registrationFailed("403 Forbidden"))
        #expect(SIPLine(event: "CALL_RINGING", parameter: "") == nil)
        let failed = "\n--- User Agents (1) ---\n> sip:centre@127.0.0.1                       \u{1B}[31mERR\u{1B}[;m  Expires 0s\n\n"
        let ok = "\n--- User Agents (1) ---\n> sip:centre@127.0.0.1                       \u{1B}[32mOK \u{1B}[;m  Expires 600s\n\n"
        #expect(SIPLine(reginfo: failed) == .registrationFailed("the registrar refused the account or did not answer"))
        #expect(SIPLine(reginfo: ok) == .registered)
        #expect(SIPLine(reginfo: "setting current call: 1234\n") == nil)
    }
}
