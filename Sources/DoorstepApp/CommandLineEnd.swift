import DoorstepCalls
import DoorstepDomain
import DoorstepSeeds
import DoorstepSimulation
import DoorstepStore
import Foundation

/// What the three ends' commands do, over one database, as one actor: each returns what the
/// command prints (one line, or lines), or throws a `Failure` with its message and exit status.
/// Nothing is written when a command fails.
public struct CommandLineEnd {
    public var database: String
    /// Who says they act; each write resolves it to an operator (`session()`).
    public var identity: Identity
    public var clock: any Clock

    public init(database: String, identity: Identity, clock: any Clock = SystemClock()) {
        self.database = database
        self.identity = identity
        self.clock = clock
    }

    /// The store, for reading.
    func open(readOnly: Bool = false) throws -> any SQLStore {
        try StoreAccess.open(database, readOnly: readOnly, waiting: StoreAccess.standardErrorNotice)
    }

    /// The store acting for this command's operator (every write checked against their role
    /// and scope), and the actor the event log records.
    func session() throws -> (store: any SQLStore, actor: String) {
        let session = try identity.session(try open())
        return (session.store, session.actor)
    }

    // MARK: Resident end

    /// 点单: the new ticket's id.
    public func order(_ request: OrderRequest) throws -> String {
        let (store, actor) = try session()
        return try storeCall { try store.order(request, by: actor, at: clock.now()) }.id
    }

    /// 派单, 接单, 办结, 评价, 上交, 撤销: "T00074 dispatched". `by` acts instead of the actor
    /// (the worker accepting or resolving).
    public func act(_ action: TicketAction, on ticket: String, by: String? = nil) throws -> String {
        let (store, actor) = try session()
        let moved = try storeCall { try store.act(on: ticket, action, by: by ?? actor, at: clock.now()) }
        return "\(moved.id) \(moved.state.rawValue)"
    }

    /// 派单 to `grid`, or to the grid the ticket was ordered in.
    public func dispatch(_ ticket: String, to grid: String?, assignee: String?) throws -> String {
        let target: String
        if let grid {
            target = grid
        } else {
            let store = try open(readOnly: true)
            guard let current = try storeCall({ try store.tickets(ids: [ticket]) }).first else {
                throw Failure(store: .notFound(kind: "ticket", id: ticket))
            }
            target = current.gridCode
        }
        return try act(.dispatch(gridCode: target, assigneeID: assignee), on: ticket)
    }

    // MARK: Grid end

    /// 六必访: the visit's id.
    public func visit(household: String, staff: String) throws -> String {
        let store = try session().store
        return try storeCall { try store.logVisit(householdID: household, staffID: staff, at: clock.now()) }.id
    }

    /// 重点场所必访: the visit's id.
    public func visit(place: String, staff: String, note: String?) throws -> String {
        let store = try session().store
        return try storeCall { try store.logPlaceVisit(placeCode: place, staffID: staff, note: note, at: clock.now()) }.id
    }

    /// "S0002 busy".
    public func duty(_ staff: String, _ duty: DutyState, by: String?) throws -> String {
        let store = try session().store
        let person = try storeCall { try store.setDuty(staffID: staff, duty, by: by ?? staff, at: clock.now()) }
        return "\(person.id) \(person.duty.rawValue)"
    }

    /// "C000001 answered".
    public func acknowledge(call: String, staff: String, accept: Bool, timeout: TimeInterval) throws -> String {
        let store = try session().store
        let answered = try storeCall { try store.acknowledge(callID: call, staffID: staff, accept: accept, timeout: timeout, at: clock.now()) }
        return "\(answered.id) \(answered.state.rawValue)"
    }

    // MARK: Command centre

    /// 一键直呼 a person (`staff`) or a grid's 1+1+2+N (`grid`): the calls placed, and what the
    /// notifier complained of (the calls are stored either way).
    public func call(staff: String?, grid: String?, notifier: any Notifier) throws -> (calls: [String], problems: [String]) {
        let (store, actor) = try session()
        let overview = try self.overview(of: store, callTimeout: Call.defaultTimeout)
        let desk = CallDesk(store: store, notifier: notifier, clock: clock, timeout: Call.defaultTimeout, actor: actor)
        let targets: [String]
        let gridCode: String?
        if let staff {
            // staff, or a Party member who holds no grid post
            guard let person = overview.callee(id: staff) else { throw Failure(store: .notFound(kind: "staff", id: staff)) }
            targets = [staff]
            gridCode = person.gridCode
        } else {
            let code = grid ?? ""
            guard let crew = overview.staffByGrid[code] else { throw Failure(store: .notFound(kind: "grid", id: code)) }
            targets = crew.filter(\.role.isGridCore).map(\.id)
            gridCode = code
        }
        let report = try storeCall { try desk.place(staffIDs: targets, gridCode: gridCode, overview: overview) }
        return (report.calls.map(\.id), report.problems)
    }

    // MARK: Data

    /// `doorstep init`: the database made from a data set (the embedded demo when nil).
    public func initialise(from folder: String?, force: Bool) throws -> String {
        try refuseExisting(force: force)
        let now = clock.now()
        let data = try DataSets.load(from: folder, now: now)
        // replacing a database that has operators is a street duty operator's import, checked
        let store = StoreAccess.holdsData(database) ? try session().store : try StoreAccess.open(database, create: true)
        try storeCall { try store.replaceAll(with: data, at: now) }
        return "\(database): \(data.centre.name), \(data.communities.count) communities, \(data.grids.count) grids, "
            + "\(data.staff.count) staff, \(data.households.count) households, \(data.tickets.count) tickets"
    }

    /// `doorstep init --synthetic`: a deterministic synthetic data set, tickets in batches.
    public func initialise(synthetic scale: Synthetic.Scale, force: Bool, progress: (Int, Int) -> Void) throws -> String {
        try refuseExisting(force: force)
        return try Self.buildSynthetic(Synthetic(scale: scale), at: database, now: clock.now(), progress: progress)
    }

    private func refuseExisting(force: Bool) throws {
        if StoreAccess.holdsData(database), !force {
            throw Failure("\(database) already exists; add --force to replace its content", exitCode: ExitStatus.refused)
        }
    }

    /// Writes a synthetic data set to `path`, tickets in batches, reporting progress.
    public static func buildSynthetic(_ set: Synthetic, at path: String, now: Date, progress: (Int, Int) -> Void) throws -> String {
        let store = try storeCall { try SQLiteStore(path: path, create: true) }
        let data = set.centre(now: now)
        try storeCall { try store.replaceAll(with: data, at: now) }
        let batch = 20_000
        var done = 0
        while done < set.tickets {
            let next = min(set.tickets, done + batch)
            let tickets = (done..<next).map { set.ticket($0, now: now) }
            try storeCall { try store.appendTickets(tickets) }
            done = next
            progress(done, set.tickets)
        }
        try storeCall { try store.appendCallIns(set.callIns(now: now)) }
        return "\(path): \(set.scale.rawValue), \(data.communities.count) communities, \(set.grids) grids, \(data.staff.count) staff, "
            + "\(data.households.count) households, \(set.tickets) tickets (\(set.openTickets) open)"
    }

    /// `doorstep import`: households or staff from a spreadsheet export; the lines to print.
    public func importSpreadsheet(_ file: String) throws -> [String] {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw Failure("\(file): cannot be read (missing or not a file)", exitCode: ExitStatus.dataError)
        }
        let store = try session().store
        let data = try storeCall { try store.loadAll(at: clock.now()) }
        let result: Spreadsheet.Result
        do {
            result = try Spreadsheet.read(
                file: file, data: bytes,
                gridOfBuilding: Dictionary(data.buildings.map { ($0.code, $0.gridCode) }, uniquingKeysWith: { a, _ in a }),
                grids: Set(data.grids.map(\.code)), communities: Set(data.communities.map(\.code)),
                partyOrganisations: data.partyOrganisations, staff: data.staff, departments: Set(data.departments.map(\.code)),
                householdGrids: { ids in try storeCall { try store.gridOfHouseholds(ids) } }, now: clock.now())
        } catch let error as SeedError {
            throw Failure(error.description, exitCode: ExitStatus.dataError)
        }
        var lines: [String] = []
        if let encoding = result.convertedFrom { lines.append("\(file): converted from \(encoding) to UTF-8") }
        let name = URL(fileURLWithPath: file).lastPathComponent
        switch result.content {
        case .households(let rows):
            let n = try storeCall { try store.upsert(households: rows, source: name, at: clock.now()) }
            lines.append("\(file): \(n) households imported")
        case .staff(let rows):
            let n = try storeCall { try store.upsert(staff: rows, source: name, at: clock.now()) }
            lines.append("\(file): \(n) staff imported")
        case .partyMembers(let rows):
            let n = try storeCall { try store.upsert(partyMembers: rows, source: name, at: clock.now()) }
            lines.append("\(file): \(n) Party members imported")
        case .responders(let rows):
            let n = try storeCall { try store.upsert(responders: rows, source: name, at: clock.now()) }
            lines.append("\(file): \(n) outside parties imported")
        case .carePlans(let rows):
            let n = try storeCall { try store.upsert(carePlans: rows, source: name, at: clock.now()) }
            lines.append("\(file): \(n) care plans imported")
        }
        return lines
    }

    /// `doorstep simulate`: `rate` changes a minute for `duration` seconds, paced by the
    /// monotonic clock; each change handed to `each` as it is made. The closing line.
    public func simulate(rate: Double, seed: UInt64, duration: Double, each: (String) -> Void) throws -> String {
        guard rate > 0, duration >= 0 else { throw Failure("--rate must be above 0 and --duration not negative", exitCode: ExitStatus.usage) }
        let store = try session().store
        let simulator = try storeCall { try Simulator(store: store, clock: clock, seed: seed) }
        let steps = Int((rate * duration / 60).rounded())
        let gap = 60 / rate
        let stopwatch = Stopwatch()
        var made = 0
        for n in 0..<steps {
            let wait = Double(n) * gap - stopwatch.seconds
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            if let what = try storeCall({ try simulator.step() }) {
                made += 1
                each(what)
            }
        }
        return "simulated \(made) changes in \(steps) steps over \(String(format: "%.1f", stopwatch.seconds)) s"
    }
}
