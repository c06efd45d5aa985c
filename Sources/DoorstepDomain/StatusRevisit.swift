import Foundation

extension StatusRules {
    /// The earliest instant after `context.now` at which `assess` could judge the same facts
    /// differently: a deadline entering its last fifth or passing, a ringing call timing out,
    /// duty hours starting or ending for a grid with nobody working, a call-in's deadline passing, the month's pace
    /// overtaking the must-visits done. `Date.distantFuture` when only new facts can change it.
    ///
    /// The live read model re-assesses a grid only when its facts change or this instant
    /// arrives, so a poll with nothing new touches no grid at all.
    public static func revisit(_ facts: GridFacts, in context: StatusContext) -> Date {
        var next = Date.distantFuture
        func consider(_ date: Date) {
            if date > context.now, date < next { next = date }
        }
        for ticket in facts.openTickets where ticket.state.isOpen {
            let category = context.categories[ticket.categoryCode]
            guard let due = ticket.dueAt(category: category), let allowance = category?.allowance(for: ticket.state) else { continue }
            consider(due.addingTimeInterval(-min(Double(allowance) * 60 * nearShare, nearCap)))
            // overdue from the first instant after the deadline
            consider(Date(timeIntervalSinceReferenceDate: due.timeIntervalSinceReferenceDate.nextUp))
        }
        for call in facts.calls where call.state == .ringing {
            let timeout = call.placedAt.addingTimeInterval(context.callTimeout)
            consider(Date(timeIntervalSinceReferenceDate: timeout.timeIntervalSinceReferenceDate.nextUp))
        }
        if let expiry = facts.clearsNextExpiry { consider(expiry) }
        for service in facts.careServices {
            consider(Date(timeIntervalSinceReferenceDate: service.missedAt.timeIntervalSinceReferenceDate.nextUp))
        }
        for callIn in facts.pendingCallIns {
            consider(Date(timeIntervalSinceReferenceDate: callIn.dueAt.timeIntervalSinceReferenceDate.nextUp))
        }
        if let boundary = context.nextDutyBoundary, !facts.staff.contains(where: { $0.duty.isWorking }) {
            consider(boundary)
        }
        if let month = context.month, facts.mustVisitDue > 0,
           !isBehindOnVisits(done: facts.mustVisitDone, due: facts.mustVisitDue, monthElapsed: context.monthElapsed) {
            // behind once the pace target reaches done + 1
            let share = Double(facts.mustVisitDone + 1) / (Double(facts.mustVisitDue) * mustVisitPace)
            if share <= 1 { consider(month.start.addingTimeInterval(share * month.duration + 1)) }
        }
        return next
    }
}
