import DoorstepDomain
import Foundation
import GRDB

/// Rows of the care tables (care_plan, care_service) to values and back.
extension Records {
    /// A plan row without its services (`SQLiteStore.plans` adds them).
    static func carePlan(_ row: Fields) throws -> CarePlan {
        let id = try row.text("id", in: "care_plan")
        let place = { "care_plan \(id)" }
        return CarePlan(
            id: id, householdID: try row.text("household", in: place()), gridCode: try row.text("grid", in: place()),
            person: try row.text("person", in: place()), group: try row.choice("care_group", as: CareGroup.self, in: place()),
            goal: try row.text("goal", in: place()), state: try row.choice("state", as: CarePlan.State.self, in: place()),
            stateSince: try row.date("state_since", in: place()), orderedAt: try row.date("ordered_at", in: place()),
            socialWorkerID: row.optionalText("social_worker"), reviewOn: try row.date("review_on", in: place()),
            ticketID: row.optionalText("ticket"), closingNote: row.optionalText("closing_note"))
    }

    static func careService(_ row: Fields) throws -> CareService {
        let id = try row.text("id", in: "care_service")
        let place = { "care_service \(id)" }
        let times = try row.integer("times", in: place())
        return CareService(
            id: id, planID: try row.text("plan", in: place()), name: try row.text("name", in: place()),
            cadence: CareCadence(times: times, period: try row.choice("period", as: CareCadence.Period.self, in: place())),
            startedAt: try row.date("started_at", in: place()), lastDone: row.optionalDate("last_done"))
    }

    static func insert(_ p: CarePlan, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO care_plan (id, household, grid, person, care_group, goal, state, state_since, ordered_at, social_worker,
                                   review_on, ticket, closing_note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET household = excluded.household, grid = excluded.grid, person = excluded.person,
                care_group = excluded.care_group, goal = excluded.goal, state = excluded.state, state_since = excluded.state_since,
                social_worker = excluded.social_worker, review_on = excluded.review_on, ticket = excluded.ticket,
                closing_note = excluded.closing_note
            """, [p.id, p.householdID, p.gridCode, p.person, p.group.rawValue, p.goal, p.state.rawValue, p.stateSince.timeIntervalSince1970,
                  p.orderedAt.timeIntervalSince1970, p.socialWorkerID, p.reviewOn.timeIntervalSince1970, p.ticketID, p.closingNote])
    }

    static func insert(_ s: CareService, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO care_service (id, plan, name, times, period, started_at, last_done) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, times = excluded.times, period = excluded.period,
                started_at = excluded.started_at, last_done = excluded.last_done
            """, [s.id, s.planID, s.name, s.cadence.times, s.cadence.period.rawValue, s.startedAt.timeIntervalSince1970,
                  s.lastDone?.timeIntervalSince1970])
    }
}
