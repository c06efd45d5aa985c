import DoorstepCredentials
import DoorstepDomain
import DoorstepStore
import Foundation

/// The grid end over HTTP (`/api/v1/`), for workers' phones and community offices: each
/// request acts as the operator whose bearer token it carries, through the store checked as
/// that operator — the same role and scope checks as the terminals, and the same meanings:
/// 401 no or bad token, 403 out of scope, 404 unknown, 409 someone got there first (named),
/// 422 a move the ticket's state does not allow, 400 a malformed body.
public struct GridEnd: Sendable {
    public typealias Store = any DoorstepStore & ServiceQueries & CredentialDirectory
    let store: Store
    let clock: any Clock
    let callTimeout: TimeInterval

    public static let base = "/api/v1"

    public init(store: Store, clock: any Clock, callTimeout: TimeInterval = Call.defaultTimeout) {
        self.store = store
        self.clock = clock
        self.callTimeout = callTimeout
    }

    public struct Answer: Sendable {
        public var status: Int
        public var body: Document
    }

    static func error(_ status: Int, _ message: String) -> Answer {
        Answer(status: status, body: .object([.init("error", .object([.init("status", .integer(status)), .init("message", .text(message))]))]))
    }

    /// The operator a bearer token acts as; nil when the header is missing, the token is not
    /// ours, unknown, revoked or its operator is gone.
    public func authenticate(_ authorization: String?) throws -> Operator? {
        guard let authorization, authorization.hasPrefix("Bearer "),
              let secret = Secret.parse(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces), kind: "t"),
              let stored = try store.credential(id: secret.id), stored.isActive, case .operatorID(let id) = stored.holder,
              secret.matches(hash: stored.hash) else { return nil }
        return try store.operators().first { $0.id == id }
    }

    /// `GET /api/v1/me`.
    public func me(_ op: Operator) -> Answer {
        Answer(status: 200, body: .object([
            .init("id", .text(op.id)), .init("name", .text(op.name)), .init("role", .text(op.role.rawValue)),
            .init("scope", .text(op.scope.code)), .init("staff", .optional(op.staffID)),
        ]))
    }

    /// `GET /api/v1/tickets`: the open tickets of the operator's grids, most recent first.
    public func tickets(_ op: Operator) throws -> Answer {
        var query = TicketQuery()
        query.states = TicketState.allCases.filter(\.isOpen)
        query.grids = try grids(of: op.scope)
        // (a community without grids has no tickets: an empty list of grids would mean all)
        if query.grids.isEmpty, op.scope != .street { return Answer(status: 200, body: .list(item: "ticket", [])) }
        query.limit = 500
        let tickets = try store.tickets(matching: query)
        return Answer(status: 200, body: .list(item: "ticket", tickets.map(Self.ticket)))
    }

    /// `POST /api/v1/tickets/{id}/{dispatch|accept|resolve|escalate}`.
    public func act(_ op: Operator, ticketID: String, verb: String, body: GridBody) -> Answer {
        reading {
            let staff = try body.text("staff") ?? op.staffID
            let action: TicketAction
            switch verb {
            case "dispatch":
                guard let grid = try body.text("grid"), !grid.isEmpty else { return Self.error(400, "dispatch needs \"grid\" (a grid's code)") }
                action = .dispatch(gridCode: grid, assigneeID: try body.text("assignee"))
            case "accept":
                guard let staff else { return Self.error(400, "accept needs \"staff\" (\(op.id) has no staff record)") }
                action = .accept(staffID: staff)
            case "resolve":
                guard let staff else { return Self.error(400, "resolve needs \"staff\" (\(op.id) has no staff record)") }
                guard let note = try body.text("note", limit: Self.noteLimit), !note.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return Self.error(400, "resolve needs \"note\": how it was resolved")
                }
                action = .resolve(staffID: staff, note: note)
            case "escalate":
                action = .escalate
            default:
                return Self.error(404, "no action '\(verb)' on a ticket (dispatch, accept, resolve, escalate)")
            }
            return perform(op) { store in
                let ticket = try store.act(on: ticketID, action, by: op.id, at: clock.now())
                return Answer(status: 200, body: Self.ticket(ticket))
            }
        }
    }

    /// `POST /api/v1/calls/{id}/answer` with `{"accept": true}`: the call answered (or declined)
    /// from the phone, which acknowledges it.
    public func answer(_ op: Operator, callID: String, body: GridBody) -> Answer {
        reading {
            guard let staff = try body.text("staff") ?? op.staffID else { return Self.error(400, "answer needs \"staff\" (\(op.id) has no staff record)") }
            let accept = try body.flag("accept") ?? true
            return perform(op) { store in
                let call = try store.acknowledge(callID: callID, staffID: staff, accept: accept, timeout: callTimeout, at: clock.now())
                return Answer(status: 200, body: .object([.init("id", .text(call.id)), .init("state", .text(call.state.rawValue))]))
            }
        }
    }

    /// `POST /api/v1/visits` with `{"household": "H00001"}` (六必访), as the operator's staff record.
    public func visit(_ op: Operator, body: GridBody) -> Answer {
        reading {
            guard let staff = try body.text("staff") ?? op.staffID else { return Self.error(400, "a visit needs \"staff\" (\(op.id) has no staff record)") }
            guard let household = try body.text("household"), !household.isEmpty else { return Self.error(400, "a visit needs \"household\"") }
            return perform(op) { store in
                let visit = try store.logVisit(householdID: household, staffID: staff, at: clock.now())
                return Answer(status: 201, body: .object([.init("id", .text(visit.id)), .init("household", .text(household))]))
            }
        }
    }

    /// `POST /api/v1/care/{serviceID}/done` with `{"note": "…"}` (optional): a service of a care
    /// plan given (个性化服务), as the operator's staff record.
    public func careDone(_ op: Operator, serviceID: String, body: GridBody) -> Answer {
        reading {
            guard let staff = try body.text("staff") ?? op.staffID else { return Self.error(400, "a care service needs \"staff\" (\(op.id) has no staff record)") }
            let note = try body.text("note", limit: Self.noteLimit)
            return perform(op) { store in
                let service = try store.serviceDone(serviceID: serviceID, staffID: staff, note: note, at: clock.now())
                return Answer(status: 200, body: .object([.init("id", .text(service.id)), .init("name", .text(service.name)),
                                                          .init("plan", .text(service.planID))]))
            }
        }
    }

    /// `POST /api/v1/duty` with `{"state": "on"}`.
    public func duty(_ op: Operator, body: GridBody) -> Answer {
        reading {
            guard let staff = try body.text("staff") ?? op.staffID else { return Self.error(400, "duty needs \"staff\" (\(op.id) has no staff record)") }
            guard let word = try body.text("state"), let state = DutyState(rawValue: word) else {
                return Self.error(400, "\"state\" is one of \(DutyState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return perform(op) { store in
                let person = try store.setDuty(staffID: staff, state, by: op.id, at: clock.now())
                return Answer(status: 200, body: .object([.init("staff", .text(person.id)), .init("state", .text(person.duty.rawValue))]))
            }
        }
    }

    /// The longest note a phone may send (a resolution, a care service).
    static let noteLimit = 500

    /// The answer of `read`, or a 400 naming the body's field it could not take.
    func reading(_ read: () throws -> Answer) -> Answer {
        do { return try read() } catch let error as GridBody.Invalid { return Self.error(400, error.message) } catch { return Self.error(500, "\(error)") }
    }

    /// Runs a write as `op`, the store's refusals as statuses.
    func perform(_ op: Operator, _ write: (any DoorstepStore) throws -> Answer) -> Answer {
        do {
            return try write(store.checked(as: op.id))
        } catch let error as StoreError {
            let refusal = Refusal(error, actingAs: op.id, invalid: 422)
            return Self.error(refusal.status, refusal.message)
        } catch {
            return Self.error(500, "\(error)")
        }
    }

    /// The grids an operator's scope covers (nil for the street: all of them).
    func grids(of scope: OperatorScope) throws -> [String] {
        switch scope {
        case .street: return []
        case .community(let code): return try store.grids(ofCommunity: code)
        case .grid(let code): return [code]
        }
    }

    static func ticket(_ ticket: Ticket) -> Document {
        .object([
            .init("id", .text(ticket.id)), .init("grid", .text(ticket.gridCode)), .init("category", .text(ticket.categoryCode)),
            .init("state", .text(ticket.state.rawValue)), .init("priority", .text(ticket.priority.rawValue)), .init("title", .text(ticket.title)),
            .init("assignee", .optional(ticket.assigneeID)), .init("created_at", .text(ticket.createdAt.formatted(.iso8601))),
            .init("state_since", .text(ticket.stateSince.formatted(.iso8601))), .init("resolution_note", .optional(ticket.resolutionNote)),
        ])
    }
}
