import DoorstepCalls
import DoorstepDomain
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

@Suite("One-key call: placing, notifying, escalating")
struct CallDeskTests {
    let now = StoreFixtures.now

    func overview(_ store: SQLiteStore, at time: Date) throws -> Overview { try StoreFixtures.overview(store, at: time) }

    @Test("a call is stored first, then handed to the notifier with the person's details")
    func place() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let notifier = RecordingNotifier()
        let desk = CallDesk(store: store, notifier: notifier, clock: ManualClock(now), timeout: 60, actor: "operator")
        let report = try desk.place(staffIDs: ["S0002"], gridCode: "JB01", overview: try overview(store, at: now))
        #expect(report.calls.map(\.id) == ["C000001"])
        #expect(report.problems.isEmpty)
        #expect(notifier.notices == [CallNotice(callID: "C000001", name: "陶敏", role: "all_round", phone: "15500036881", gridCode: "JB01", gridName: "江滨一网格",
                                                  staffID: "S0002", caller: "临江街道")])
        #expect(try store.recentEvents(limit: 1).first?.change == .callPlaced(callID: "C000001", staffID: "S0002"))
    }

    @Test("a missed call escalates: the rest of the grid, then the dispatcher, then the street")
    func chain() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let desk = CallDesk(store: store, notifier: RecordingNotifier(), clock: clock, timeout: 60, actor: "operator")
        _ = try desk.place(staffIDs: ["S0002"], gridCode: "JB01", overview: try overview(store, at: now))
        #expect(desk.supervise(try overview(store, at: clock.now())).calls.isEmpty)  // still ringing

        clock.advance(by: 61)
        let first = desk.supervise(try overview(store, at: clock.now()))
        let crew = try overview(store, at: clock.now()).staffByGrid["JB01"]?
            .filter { ($0.role.isGridCore || $0.role == .fullTimeGridWorker) && $0.id != "S0002" }.map(\.id).sorted() ?? []
        #expect(first.calls.map(\.staffID) == crew)
        #expect(first.calls.allSatisfy { $0.escalatedFrom == "C000001" })
        #expect(try store.calls(ids: ["C000001"]).first?.state == .escalated)
        #expect(desk.supervise(try overview(store, at: clock.now())).calls.isEmpty)  // nothing missed now

        clock.advance(by: 61)
        let second = desk.supervise(try overview(store, at: clock.now()))
        #expect(second.calls.map(\.staffID) == ["S0001"])  // 江滨's dispatcher, once for the whole level

        clock.advance(by: 61)
        let third = desk.supervise(try overview(store, at: clock.now()))
        let operators = try store.loadAll(at: now).staff.filter { $0.role == .streetOperator }.map(\.id).sorted()
        #expect(third.calls.map(\.staffID) == operators)

        // the grid stays red while the chain goes unanswered …
        let red = try overview(store, at: clock.now()).grids.first { $0.grid.code == "JB01" }
        #expect(red?.assessment.status == .alarm)
        #expect(red?.assessment.reasons.contains { if case .unansweredCalls = $0 { return true } else { return false } } == true)
        // … until somebody of the grid answers a later call
        let later = try desk.place(staffIDs: ["S0003"], gridCode: "JB01", overview: try overview(store, at: clock.now()))
        _ = try store.acknowledge(callID: later.calls[0].id, staffID: "S0003", accept: true, timeout: 60, at: clock.now())
        let calm = try overview(store, at: clock.now()).grids.first { $0.grid.code == "JB01" }
        #expect(calm?.assessment.reasons.contains { if case .unansweredCalls = $0 { return true } else { return false } } == false)
    }

    @Test("a whole-grid call that nobody answers escalates once per level: the grid worker, then the dispatcher")
    func gridCall() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let desk = CallDesk(store: store, notifier: RecordingNotifier(), clock: clock, timeout: 60, actor: "operator")
        let crew = try overview(store, at: now).staffByGrid["JB01"]?.filter { $0.role.isGridCore }.map(\.id) ?? []
        _ = try desk.place(staffIDs: crew, gridCode: "JB01", overview: try overview(store, at: now))
        clock.advance(by: 61)
        let worker = try overview(store, at: now).staffByGrid["JB01"]?.filter { $0.role == .fullTimeGridWorker }.map(\.id) ?? []
        #expect(desk.supervise(try overview(store, at: clock.now())).calls.map(\.staffID) == worker)
        #expect(try store.calls(ids: ["C000001", "C000002", "C000003"]).allSatisfy { $0.state == .escalated })
        clock.advance(by: 61)
        #expect(desk.supervise(try overview(store, at: clock.now())).calls.map(\.staffID) == ["S0001"])
        #expect(try store.ringingCalls().filter { $0.staffID == "S0001" }.count == 1)
    }

    @Test("two walls supervising the same calls escalate a missed call once")
    func twoWalls() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let a = CallDesk(store: store, notifier: RecordingNotifier(), clock: clock, timeout: 60, actor: "wall-a")
        let b = CallDesk(store: try SQLiteStore(path: database.path), notifier: RecordingNotifier(), clock: clock, timeout: 60, actor: "wall-b")
        _ = try a.place(staffIDs: ["S0002"], gridCode: "JB01", overview: try overview(store, at: now))
        clock.advance(by: 61)
        let seen = try overview(store, at: clock.now())
        let first = a.supervise(seen)
        let second = b.supervise(seen)  // the same, now stale, view
        #expect(!first.calls.isEmpty)
        #expect(second.calls.isEmpty)
    }

    @Test("the clock stepped back and forward again (NTP): a missed call escalates once, and a call placed at the later time is not missed earlier")
    func clockSteps() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let desk = CallDesk(store: store, notifier: RecordingNotifier(), clock: clock, timeout: 60, actor: "operator")
        _ = try desk.place(staffIDs: ["S0002"], gridCode: "JB01", overview: try overview(store, at: now))
        clock.advance(by: 61)
        let first = desk.supervise(try overview(store, at: clock.now()))
        #expect(!first.calls.isEmpty)
        // back 45 s, then forward past where it was: the escalated call is not escalated again,
        // and the calls it made (placed at the later time) are not missed before their time
        clock.advance(by: -45)
        #expect(desk.supervise(try overview(store, at: clock.now())).calls.isEmpty)
        let back = try overview(store, at: clock.now())
        #expect(back.calls.filter { first.calls.map(\.id).contains($0.call.id) }.allSatisfy { $0.state == .ringing })
        clock.advance(by: 45 + 30)
        #expect(desk.supervise(try overview(store, at: clock.now())).calls.isEmpty)  // 30 s after they were placed
        let escalations = try store.events(after: 0, limit: 10_000).filter { $0.kind == .callEscalated && $0.subject == "C000001" }
        #expect(escalations.count == 1)
    }

    @Test("the command notifier runs the operator's template with the call in its environment")
    func commandNotifier() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("sent.txt").path
        let notifier = CommandNotifier(command: "printf '%s|%s|%s|%s|%s|%s' \"$DOORSTEP_CALL_ID\" \"$DOORSTEP_NAME\" \"$DOORSTEP_ROLE\" \"$DOORSTEP_PHONE\" \"$DOORSTEP_GRID\" \"$DOORSTEP_GRID_NAME\" > '\(out)'")
        try notifier.deliver(CallNotice(callID: "C000009", name: "陶敏", role: "all_round", phone: "15500036881", gridCode: "JB01", gridName: "江滨一网格"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "C000009|陶敏|all_round|15500036881|JB01|江滨一网格")
        #expect(throws: NotifierError.self) { try CommandNotifier(command: "echo gateway down >&2; exit 3").deliver(
            CallNotice(callID: "C1", name: "", role: "", phone: "", gridCode: "", gridName: "")) }
        #expect(throws: NotifierError.self) { try CommandNotifier(command: "sleep 5", timeout: 0.3).deliver(
            CallNotice(callID: "C1", name: "", role: "", phone: "", gridCode: "", gridName: "")) }
    }
}
