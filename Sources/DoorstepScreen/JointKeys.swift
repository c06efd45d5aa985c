import DoorstepCanvas
import DoorstepDomain
import Foundation

/// The call-in picker (`i` on a ticket): the outside parties, suggested first, some ticked.
public struct CallInPicker: Equatable, Sendable {
    public var ticketID: String
    public var cursor: Int
    /// The parties ticked with Space (none: Enter calls the highlighted one).
    public var chosen: Set<String>
}

/// One party the picker offers.
struct CallInOption {
    var responder: Responder
    var suggested: Bool
    /// Already called in on the ticket and still pending.
    var pending: Bool
}

extension WallState {
    /// The parties for a ticket: those its category suggests first (disputes: the mediation
    /// centre, then the police, lawyers and judges), then those serving its community, then the
    /// rest, each group in data-set order.
    func callInOptions(for ticketID: String) -> [CallInOption] {
        let ticket = overview.openTickets.first { $0.id == ticketID }?.ticket
        let suggestedKinds = ResponderKind.suggested(forCategory: ticket?.categoryCode ?? "")
        let community = ticket.flatMap { t in overview.summary(ofGrid: t.gridCode)?.grid.communityCode }
        let pending = Set(overview.joint.pending(ofTicket: ticketID).map(\.responderID))
        // a party serving another community is left out
        let serving = overview.responders.filter { $0.communityCode == nil || $0.communityCode == community }
        func rank(_ r: Responder) -> Int {
            if let k = suggestedKinds.firstIndex(of: r.kind) { return k }
            return suggestedKinds.count + (r.communityCode == nil ? 1 : 0)
        }
        return serving.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element), rank(b.element))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map { CallInOption(responder: $0.element, suggested: suggestedKinds.contains($0.element.kind), pending: pending.contains($0.element.id)) }
    }

    /// Opens the picker for a ticket still open (a closed one calls nobody in).
    mutating func openCallIn(_ ticketID: String) {
        guard overview.openTickets.contains(where: { $0.id == ticketID }), !overview.responders.isEmpty else { return }
        callInPicker = CallInPicker(ticketID: ticketID, cursor: 0, chosen: [])
    }

    /// Keys while the call-in picker is open.
    mutating func handleCallInPicker(_ key: Key) -> WallEffect? {
        guard var current = callInPicker else { return nil }
        let options = callInOptions(for: current.ticketID)
        switch key {
        case .escape, .backspace:
            callInPicker = nil
            return nil
        case .character(" "):
            if options.indices.contains(current.cursor), !options[current.cursor].pending {
                let id = options[current.cursor].responder.id
                if current.chosen.remove(id) == nil { current.chosen.insert(id) }
            }
        case .enter:
            let ticked = options.filter { current.chosen.contains($0.responder.id) && !$0.pending }.map(\.responder.id)
            let highlighted = options.indices.contains(current.cursor) && !options[current.cursor].pending ? [options[current.cursor].responder.id] : []
            let chosen = ticked.isEmpty ? highlighted : ticked
            guard !chosen.isEmpty else { return nil }
            callInPicker = nil
            return .callIn(ticketID: current.ticketID, responderIDs: chosen)
        default:
            current.cursor = Self.move(current.cursor, key, count: options.count, page: 5)
        }
        callInPicker = current
        return nil
    }
}
