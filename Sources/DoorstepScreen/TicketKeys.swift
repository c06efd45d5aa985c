import DoorstepCanvas
import DoorstepDomain
import Foundation

/// The dispatch picker (`d` on a ticket): a target grid, and optionally one of its people,
/// shown with their duty and how many open tickets they already hold.
public struct DispatchPicker: Equatable, Sendable {
    public var ticketID: String
    /// Index into `Overview.grids` of the grid to send it to.
    public var gridIndex: Int
    /// 0 is "the grid, nobody in particular"; 1… are `candidates` rows.
    public var cursor: Int
}

/// Typing the reason for cancelling a ticket (`x`), or how it was resolved (`v`).
public struct ReasonInput: Equatable, Sendable {
    public var ticketID: String
    public var text: String
    /// Nil to cancel; the staff member resolving it, to resolve.
    public var resolvingAs: String?

    public init(ticketID: String, text: String, resolvingAs: String? = nil) {
        self.ticketID = ticketID
        self.text = text
        self.resolvingAs = resolvingAs
    }
}

/// One person the picker offers.
struct Candidate {
    var staff: Staff
    var load: Int
    var suggested: Bool
}

extension WallState {
    /// The people of the picker's grid who can take a ticket, suggested first: the
    /// professional social worker for care requests (vulnerable residents), otherwise whoever
    /// is on duty with the least load.
    func candidates(for picker: DispatchPicker) -> [Candidate] {
        guard overview.grids.indices.contains(picker.gridIndex) else { return [] }
        let grid = overview.grids[picker.gridIndex].grid.code
        let ticket = overview.openTickets.first { $0.id == picker.ticketID }?.ticket
        var load: [String: Int] = [:]
        for open in overview.openTickets { if let who = open.ticket.assigneeID { load[who, default: 0] += 1 } }
        let people = (overview.staffByGrid[grid] ?? []).filter {
            [.allRoundSocialWorker, .professionalSocialWorker, .fullTimeGridWorker, .partyCentralHousehold].contains($0.role)
        }
        let vulnerable = ticket?.categoryCode == "care"
        let best = people.filter { $0.duty.isWorking }.min { (load[$0.id] ?? 0) < (load[$1.id] ?? 0) }?.id
        return people.map { person in
            let suggested = vulnerable ? person.role == .professionalSocialWorker : person.id == best
            return Candidate(staff: person, load: load[person.id] ?? 0, suggested: suggested)
        }.sorted { a, b in
            if a.suggested != b.suggested { return a.suggested }
            if a.staff.duty.isWorking != b.staff.duty.isWorking { return a.staff.duty.isWorking }
            return a.load < b.load
        }
    }

    /// The one-key dispatch (`s`): the selected order to its grid and the person the picker
    /// would suggest (nil when it is not waiting to be dispatched).
    func suggestedDispatch() -> WallEffect? {
        guard let open = selectedTicket, open.ticket.state == .ordered,
              let grid = overview.index(ofGrid: open.ticket.gridCode) else { return nil }
        let best = candidates(for: DispatchPicker(ticketID: open.id, gridIndex: grid, cursor: 0)).first { $0.suggested }
        return .act(ticketID: open.id, action: .dispatch(gridCode: open.ticket.gridCode, assigneeID: best?.staff.id))
    }

    mutating func openDispatch() {
        guard let open = selectedTicket else { return }
        let grid = overview.index(ofGrid: open.ticket.gridCode) ?? selectedGrid
        picker = DispatchPicker(ticketID: open.id, gridIndex: grid, cursor: candidates(for: DispatchPicker(ticketID: open.id, gridIndex: grid, cursor: 0)).isEmpty ? 0 : 1)
    }

    /// Keys while the picker is open.
    mutating func handlePicker(_ key: Key) -> WallEffect? {
        guard var current = picker else { return nil }
        let options = candidates(for: current).count + 1
        switch key {
        case .escape, .backspace:
            picker = nil
            return nil
        case .left, .character("h"):
            current.gridIndex = nextDeskGrid(from: current.gridIndex, by: -1)
            current.cursor = 0
        case .right, .character("l"):
            current.gridIndex = nextDeskGrid(from: current.gridIndex, by: 1)
            current.cursor = 0
        case .up, .down, .character("k"), .character("j"), .home, .end, .pageUp, .pageDown:
            current.cursor = Self.move(current.cursor, key, count: options, page: 5)
        case .enter:
            picker = nil
            let grid = overview.grids[current.gridIndex].grid.code
            let people = candidates(for: current)
            let assignee = current.cursor > 0 && current.cursor <= people.count ? people[current.cursor - 1].staff.id : nil
            return .act(ticketID: current.ticketID, action: .dispatch(gridCode: grid, assigneeID: assignee))
        default:
            break
        }
        picker = current
        return nil
    }

    /// The next grid on the desk after `index` (a community's desk sends only within it).
    func nextDeskGrid(from index: Int, by step: Int) -> Int {
        let count = overview.grids.count
        guard count > 0 else { return index }
        var next = index
        for _ in 0..<count {
            next = (next + step + count) % count
            if onDesk(gridIndex: next) { return next }
        }
        return index
    }

    /// Keys while the cancel reason is being typed.
    mutating func handleReason(_ key: Key) -> WallEffect? {
        guard var input = reasonInput else { return nil }
        switch key {
        case .escape:
            reasonInput = nil
            return nil
        case .backspace, .delete:
            if !input.text.isEmpty { input.text.removeLast() }
        case .enter:
            let reason = input.text.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { return nil }
            reasonInput = nil
            if let staff = input.resolvingAs { return .act(ticketID: input.ticketID, action: .resolve(staffID: staff, note: reason)) }
            return .act(ticketID: input.ticketID, action: .cancel(reason: reason))
        case .character(let c):
            if DisplayWidth.of(input.text) < 60 { input.text.append(c) }
        default:
            break
        }
        reasonInput = input
        return nil
    }
}
