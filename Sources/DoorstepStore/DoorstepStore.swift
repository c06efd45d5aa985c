import DoorstepDomain
import Foundation

/// A new resident order (居民点单).
public struct OrderRequest: Sendable {
    public var gridCode: String
    public var categoryCode: String
    public var title: String
    public var source: TicketSource
    public var priority: TicketPriority
    public var residentName: String
    public var residentPhone: String
    /// When the resident placed it, if earlier than now (a hotline backlog entered later).
    public var orderedAt: Date?

    public init(
        gridCode: String, categoryCode: String, title: String, source: TicketSource = .resident,
        priority: TicketPriority = .normal, residentName: String = "", residentPhone: String = "", orderedAt: Date? = nil
    ) {
        self.gridCode = gridCode
        self.categoryCode = categoryCode
        self.title = title
        self.source = source
        self.priority = priority
        self.residentName = residentName
        self.residentPhone = residentPhone
        self.orderedAt = orderedAt
    }
}

/// The one truth the three ends share. SQLite today (`SQLiteStore`); the protocol is the seam
/// where a PostgreSQL store for several sites will fit.
///
/// Every write is one short transaction that checks the current state *inside* it and appends
/// to the event log, so two processes racing on the same ticket cannot both succeed, and
/// every reader can follow what changed by sequence number.
public protocol DoorstepStore: Sendable {
    // MARK: Reading
    /// Everything the wall works with, as one consistent snapshot: the street, its people, and
    /// the open tickets with those closed in the month before `now` (older history stays in the store).
    func loadAll(at now: Date) throws -> StreetData
    /// The sequence number of the newest event (0 for none).
    func lastSequence() throws -> Int64
    /// Events after `sequence`, oldest first, at most `limit`.
    func events(after sequence: Int64, limit: Int) throws -> [ChangeEvent]
    /// Events, newest first, at most `limit`.
    func recentEvents(limit: Int) throws -> [ChangeEvent]
    func tickets(ids: [String]) throws -> [Ticket]
    func staff(ids: [String]) throws -> [Staff]
    func calls(ids: [String]) throws -> [Call]
    func visits(ids: [String]) throws -> [Visit]
    /// Tickets newest first (by creation), only those in `state` when given, at most `limit`.
    func tickets(state: TicketState?, limit: Int) throws -> [Ticket]
    /// A ticket's history, oldest first: its order, then every transition.
    func history(of ticketID: String) throws -> [TicketHistoryEntry]
    /// Ticket categories by code (their SLAs).
    func loadCategories() throws -> [String: TicketCategory]
    /// Calls still stored as ringing (some may be missed by now).
    func ringingCalls() throws -> [Call]

    // MARK: Writing
    /// Replaces the whole content with `data` (used by `doorstep init`).
    func replaceAll(with data: StreetData, at time: Date) throws
    /// 点单: creates a ticket and returns it.
    func order(_ request: OrderRequest, by actor: String, at time: Date) throws -> Ticket
    /// 点单 in bulk (a hotline backlog, an import): every order checked and written in one
    /// transaction, one event each, all or none.
    func order(_ requests: [OrderRequest], by actor: String, at time: Date) throws -> [Ticket]
    /// 派单, 接单, 办结, 评价, 上交, 撤销: moves a ticket, checked against its state now.
    func act(on ticketID: String, _ action: TicketAction, by actor: String, at time: Date) throws -> Ticket
    func setDuty(staffID: String, _ duty: DutyState, by actor: String, at time: Date) throws -> Staff
    func logVisit(householdID: String, staffID: String, at time: Date) throws -> Visit
    /// 一键直呼: one call per person, all placed in one transaction.
    func placeCalls(to staffIDs: [String], gridCode: String?, by actor: String, at time: Date) throws -> [Call]
    /// Marks a missed call escalated and places the next calls of the chain, in one
    /// transaction; refused (`StoreError.call`) unless the call is missed now, so two walls
    /// supervising the same calls escalate it once.
    func escalate(callID: String, to staffIDs: [String], timeout: TimeInterval, by actor: String, at time: Date) throws -> [Call]
    /// Answers (or declines) a ringing call.
    func acknowledge(callID: String, staffID: String, accept: Bool, timeout: TimeInterval, at time: Date) throws -> Call
    /// Records that `actor` was shown a resident's masked details (of a ticket or household):
    /// it changes no data but must be accountable, so it is written before anything is shown.
    func recordReveal(of subject: String, by actor: String, at time: Date) throws
    /// Adds or updates households (by id); returns how many rows were written.
    func upsert(households: [Household], source: String, at time: Date) throws -> Int
    /// Adds or updates staff (by id); returns how many rows were written.
    func upsert(staff: [Staff], source: String, at time: Date) throws -> Int
}
