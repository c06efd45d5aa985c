import DoorstepCredentials
import DoorstepDomain
import DoorstepServer
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Logging
import Testing

/// The grid end over HTTP, as the bearer token's operator: the same checks as the terminals,
/// and each refusal its status.
@Suite("Grid end API over the store")
struct GridEndTests {
    static func token(_ store: SQLiteStore, for operatorID: String) throws -> String {
        let secret = try #require(Secret.random())
        let issued = try store.issue(.operatorID(operatorID), hash: Secret.hash(of: secret), by: "duty", at: StoreFixtures.now)
        return "Bearer " + Secret(kind: "t", id: issued.id, secret: secret).text
    }

    static func text(_ answer: GridEnd.Answer) -> String { String(decoding: answer.body.json(), as: UTF8.self) }

    @Test("a worker's token accepts and resolves its grid's ticket; the event log names the operator")
    func loop() throws {
        let (folder, store) = try TemporaryDatabase.demo(now: StoreFixtures.now)
        defer { folder.cleanUp() }
        let api = GridEnd(store: store, clock: ManualClock(StoreFixtures.now))
        let worker = try #require(try api.authenticate(try Self.token(store, for: "jb01-worker")))
        #expect(worker.id == "jb01-worker" && Self.text(api.me(worker)).contains(#""scope":"JB01""#))
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "convenience", title: "楼道灯不亮"), by: "resident", at: StoreFixtures.now)
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "jb-dispatch", at: StoreFixtures.now)
        let mine = Self.text(try api.tickets(worker))
        #expect(mine.contains(ticket.id) && !mine.contains(#""grid":"JB02""#))
        let accepted = api.act(worker, ticketID: ticket.id, verb: "accept", body: [:])
        #expect(accepted.status == 200 && Self.text(accepted).contains(#""state":"accepted""#))
        #expect(api.act(worker, ticketID: ticket.id, verb: "resolve", body: [:]).status == 400)  // no note
        let resolved = api.act(worker, ticketID: ticket.id, verb: "resolve", body: ["note": "已更换灯泡"])
        #expect(resolved.status == 200 && Self.text(resolved).contains(#""resolution_note":"已更换灯泡""#))
        let last = try #require(try store.events(after: 0, limit: 10_000).last)
        #expect(last.actor == "jb01-worker" && last.subject == ticket.id)
    }

    @Test("no token 401, out of scope 403, unknown 404, someone first 409 naming them, a move the state refuses 422")
    func refusals() throws {
        let (folder, store) = try TemporaryDatabase.demo(now: StoreFixtures.now)
        defer { folder.cleanUp() }
        let api = GridEnd(store: store, clock: ManualClock(StoreFixtures.now))
        #expect(try api.authenticate(nil) == nil && api.authenticate("Bearer dst_T0009_" + String(repeating: "0", count: 64)) == nil)
        let header = try Self.token(store, for: "jb01-worker")
        let worker = try #require(try api.authenticate(header))
        let elsewhere = try store.order(OrderRequest(gridCode: "JB02", categoryCode: "convenience", title: "下水道堵塞"), by: "resident", at: StoreFixtures.now)
        _ = try store.act(on: elsewhere.id, .dispatch(gridCode: "JB02", assigneeID: nil), by: "jb-dispatch", at: StoreFixtures.now)
        #expect(api.act(worker, ticketID: elsewhere.id, verb: "accept", body: [:]).status == 403)
        #expect(api.act(worker, ticketID: "T99999", verb: "accept", body: [:]).status == 404)
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "convenience", title: "电梯异响"), by: "resident", at: StoreFixtures.now)
        // not dispatched yet: accepting is a move the state does not allow
        #expect(api.act(worker, ticketID: ticket.id, verb: "accept", body: [:]).status == 422)
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "jb-dispatch", at: StoreFixtures.now)
        _ = try store.act(on: ticket.id, .accept(staffID: "S0002"), by: "jb01-other", at: StoreFixtures.now)
        let raced = api.act(worker, ticketID: ticket.id, verb: "accept", body: [:])
        #expect(raced.status == 409 && Self.text(raced).contains("jb01-other"))
        #expect(api.act(worker, ticketID: ticket.id, verb: "explode", body: [:]).status == 404)
        #expect(api.duty(worker, body: ["state": "asleep"]).status == 400)
        #expect(api.duty(worker, body: ["state": "busy"]).status == 200)
        // revoked: the phone is locked out
        let id = try #require(Secret.parse(String(header.dropFirst(7)), kind: "t")?.id)
        _ = try store.revoke(credentialID: id, by: "duty", at: StoreFixtures.now)
        #expect(try api.authenticate(header) == nil)
    }
}

/// The routes build (Hummingbird refuses clashing ones when the server starts).
@Suite("Server routes")
struct ServerRouteTests {
    @Test("every route of both APIs builds into one responder")
    func routesBuild() throws {
        let (folder, store) = try TemporaryDatabase.demo(now: StoreFixtures.now)
        defer { folder.cleanUp() }
        let server = DoorstepServer(host: "127.0.0.1", port: 0, store: store, clock: ManualClock(StoreFixtures.now), logger: Logger(label: "test"))
        _ = server.router().buildResponder()
        #expect(server.port == 0)
    }
}

/// A care service given from a social worker's phone.
@Suite("Grid end: care services")
struct GridEndCareTests {
    @Test("a due service of a running plan is given as the token's staff record; another grid's is refused")
    func careDone() throws {
        let (folder, store) = try TemporaryDatabase.demo(now: StoreFixtures.now)
        defer { folder.cleanUp() }
        let api = GridEnd(store: store, clock: ManualClock(StoreFixtures.now))
        let plans = try store.carePlans(gridCode: nil, includeClosed: false).filter(\.state.isRunning)
        let plan = try #require(plans.first { $0.socialWorkerID != nil && !$0.services.isEmpty })
        let service = try #require(plan.services.first)
        let grid = try #require(try store.loadAll(at: StoreFixtures.now).households.first { $0.id == plan.householdID }?.gridCode)
        let worker = try #require(try store.operators().first { $0.scope == .grid(grid) && $0.staffID != nil })
        let elsewhere = try #require(try store.operators().first { $0.role == .gridWorker && $0.scope != .grid(grid) })
        let refused = api.careDone(elsewhere, serviceID: service.id, body: [:])
        #expect(refused.status == 403)
        let done = api.careDone(worker, serviceID: service.id, body: ["staff": .text(try #require(plan.socialWorkerID)), "note": "送餐到户"])
        #expect(done.status == 200, "\(String(decoding: done.body.json(), as: UTF8.self))")
        #expect(api.careDone(worker, serviceID: "CS-none", body: ["staff": .text(try #require(plan.socialWorkerID))]).status == 404)
    }
}
