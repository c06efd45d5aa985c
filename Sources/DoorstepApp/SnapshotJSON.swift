import DoorstepDomain
import DoorstepScreen
import DoorstepStore
import Foundation

/// The wall's panes as one JSON object: what `doorstep snapshot --json` prints. Resident names
/// and phones are masked as on the wall; states are spelled as in the model.
enum SnapshotJSON {
    static func encode(_ state: WallState) throws -> String {
        let overview = state.overview
        let f = overview.figures
        let figures: [String: Any] = [
            "grids": f.grids, "alarm": f.alarm, "attention": f.attention, "open_tickets": f.openTickets, "overdue": f.overdue,
            "escalated": f.escalated, "resolved_today": f.resolvedToday, "staff_on_duty": f.staffWorking, "staff_total": f.staffTotal,
            "must_visit_done": f.mustVisitDone, "must_visit_due": f.mustVisitDue,
            "call_ins_pending": f.callInsPending, "call_ins_late": f.callInsLate, "care_missed": f.careMissed,
            "clear_households": f.clearHouseholds, "households": f.households,
            "slowest_department": overview.departmentPace().first.map { $0.departmentCode } as Any? ?? NSNull(),
            "average_accept_minutes": f.averageAcceptMinutes.map { ($0 * 10).rounded() / 10 } as Any? ?? NSNull(),
            "satisfaction": f.satisfaction.map { ($0 * 100).rounded() / 100 } as Any? ?? NSNull(),
        ]
        let party = overview.party
        let grids: [[String: Any]] = overview.grids.map { summary in
            var row: [String: Any] = [
                "code": summary.grid.code, "name": summary.grid.name, "community": summary.grid.communityCode,
                "status": summary.assessment.status.rawValue, "reason": summary.assessment.reasons.first?.code ?? "",
                "reasons": summary.assessment.reasons.map(\.code), "open_tickets": summary.openTickets,
                "staff_on_duty": summary.working, "staff": summary.staffCount]
            // 四清, the grid's care plans not closed, its key places visited this month
            let code = summary.grid.code
            let known = overview.fourClears(ofGrid: code)
            row["four_clears"] = ["clear": known.clear, "households": known.total]
            let plans = overview.care.plans(ofGrid: code).filter { $0.state != .closed }
            row["care"] = ["plans": plans.count, "missed": plans.reduce(0) { $0 + $1.missed(at: overview.asOf).count }]
            let places = overview.places.byGrid[code] ?? []
            row["key_places"] = ["due": places.count, "visited": places.filter { overview.places.visited($0.code) }.count]
            if party.hasParty {
                // the grid's link of the Party chain: its branch, the branch's secretary, how many members
                let branch = party.branch(ofGrid: summary.grid.code)
                row["party"] = [
                    "branch": branch?.code as Any? ?? NSNull(), "secretary": branch.flatMap { party.leader(of: $0)?.name } as Any? ?? NSNull(),
                    "members": party.members(ofGrid: summary.grid.code).count,
                ] as [String: Any]
            }
            return row
        }
        let staff: [[String: Any]] = state.staffRows.map { person in
            var row: [String: Any] = ["id": person.id, "name": person.name, "role": person.role.rawValue, "duty": person.duty.rawValue]
            row["call"] = overview.latestCall(to: person.id).map { $0.state.rawValue } ?? NSNull()
            return row
        }
        let tickets: [[String: Any]] = overview.openTickets.map { open in
            [
             // the parties called in on it and still pending (联动)
             "waiting_on": overview.joint.pending(ofTicket: open.id).map(\.responderID),
             "id": open.id, "state": open.ticket.state.rawValue, "grid": open.ticket.gridCode, "category": open.ticket.categoryCode,
             "title": open.ticket.title, "priority": open.ticket.priority.rawValue,
             "resident": Formatting.maskedName(open.ticket.residentName),
             "due_at": open.dueAt.map(isoTime) as Any? ?? NSNull(),
             "seconds_left": open.secondsLeft(at: state.now).map { Int($0.rounded(.down)) } as Any? ?? NSNull()]
        }
        let events: [[String: Any]] = state.events.map {
            ["seq": $0.sequence, "at": isoTime($0.at), "kind": $0.kind.rawValue, "subject": $0.subject, "actor": $0.actor,
             "detail": EventCodec.encode($0.change).detail]
        }
        let calls: [[String: Any]] = overview.calls.prefix(50).map { summary in
            ["id": summary.call.id, "staff": summary.call.staffID, "name": overview.callee(id: summary.call.staffID)?.name ?? "",
             "grid": summary.call.gridCode as Any? ?? NSNull(), "state": summary.state.rawValue, "placed_at": isoTime(summary.call.placedAt),
             "escalated_from": summary.call.escalatedFrom as Any? ?? NSNull()]
        }
        let object: [String: Any] = [
            "as_of": isoTime(overview.asOf), "street": overview.centre.name, "figures": figures, "grids": grids,
            "staff": ["grid": state.selectedSummary?.grid.code ?? "", "people": staff], "tickets": tickets, "events": events, "calls": calls,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
