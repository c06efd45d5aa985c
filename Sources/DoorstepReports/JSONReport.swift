import DoorstepCanvas
import DoorstepDomain
import Foundation

/// The report as JSON for scripts and other dashboards: English keys in snake case, codes
/// beside names, instants in ISO 8601 with the street's offset, no words of either language
/// except the data's own names.
enum JSONReport {
    struct Document: Encodable {
        var kind: String
        var start: String
        var end: String
        var asOf: String
        var running: Bool
        var street: String
        var community: Place?
        var totals: Tally
        var communities: [Row]
        var categories: [Row]
        var buckets: [Bucket]
        var rising: [Rising]
        var historyWeeks: Int
        var overdueNow: [Line]?
        var overdueCount: Int?
        var lowRatings: [Line]
        var lowRatingCount: Int
        var escalations: [Line]
        var calls: Calls
        var alarms: Alarms
        var fieldWork: FieldWork
    }

    struct Place: Encodable {
        var code: String
        var name: String
    }

    struct Tally: Encodable {
        var ordered, dispatched, accepted, resolved, rated, escalated, cancelled: Int
        var satisfaction: Double?
        var averageAcceptMinutes: Double?

        init(_ tally: StreetReport.Tally) {
            (ordered, dispatched, accepted, resolved, rated, escalated, cancelled) =
                (tally.ordered, tally.dispatched, tally.accepted, tally.resolved, tally.rated, tally.escalated, tally.cancelled)
            satisfaction = tally.satisfaction.map { ($0 * 100).rounded() / 100 }
            averageAcceptMinutes = tally.averageAcceptMinutes.map { ($0 * 10).rounded() / 10 }
        }

        // (absent figures are null, not left out: a script reads the same keys every time)
        func encode(to encoder: any Encoder) throws {
            var keyed = encoder.container(keyedBy: CodingKeys.self)
            try keyed.encode(ordered, forKey: .ordered)
            try keyed.encode(dispatched, forKey: .dispatched)
            try keyed.encode(accepted, forKey: .accepted)
            try keyed.encode(resolved, forKey: .resolved)
            try keyed.encode(rated, forKey: .rated)
            try keyed.encode(escalated, forKey: .escalated)
            try keyed.encode(cancelled, forKey: .cancelled)
            try keyed.encode(satisfaction, forKey: .satisfaction)
            try keyed.encode(averageAcceptMinutes, forKey: .averageAcceptMinutes)
        }

        enum CodingKeys: String, CodingKey {
            case ordered, dispatched, accepted, resolved, rated, escalated, cancelled, satisfaction, averageAcceptMinutes
        }
    }

    struct Row: Encodable {
        var code: String
        var name: String
        var nameEn: String?
        var tally: Tally
    }

    struct Bucket: Encodable {
        var start: String
        var tally: Tally
    }

    struct Rising: Encodable {
        var category: String?
        var scope: String
        var place: String?
        var placeName: String
        var thisWeek: Int
        var usual: Double
    }

    struct Line: Encodable {
        var id: String
        var grid: String
        var gridName: String
        var category: String
        var title: String
        var at: String
        var score: Int?
        var minutesOverdue: Int?
    }

    struct Calls: Encodable { var placed, answered, declined, escalated: Int }
    struct Alarms: Encodable { var raised, acknowledged, escalated: Int }
    struct FieldWork: Encodable { var visits, placeVisits, careServices, callIns: Int }

    static func render(_ report: StreetReport, calendar: Calendar) throws -> Data {
        let time = ISO8601DateFormatter()
        time.timeZone = calendar.timeZone
        time.formatOptions = [.withInternetDateTime]
        let clean = Sanitizer.clean
        func line(_ item: StreetReport.TicketLine, score: Bool) -> Line {
            Line(id: item.id, grid: item.gridCode, gridName: clean(item.gridName), category: item.categoryCode, title: clean(item.title),
                 at: time.string(from: item.at), score: score ? item.figure : nil, minutesOverdue: score ? nil : item.figure)
        }
        let document = Document(
            kind: report.period.kind.rawValue, start: time.string(from: report.period.start), end: time.string(from: report.period.end),
            asOf: time.string(from: report.asOf), running: report.running, street: clean(report.streetName),
            community: report.community.map { Place(code: $0.code, name: clean($0.name)) }, totals: Tally(report.totals),
            communities: report.byCommunity.map { Row(code: $0.code, name: clean($0.name), nameEn: nil, tally: Tally($0.tally)) },
            categories: report.byCategory.map { Row(code: $0.code, name: clean($0.name), nameEn: clean($0.nameEn), tally: Tally($0.tally)) },
            buckets: zip(report.period.buckets, report.perBucket).map { Bucket(start: time.string(from: $0.0), tally: Tally($0.1)) },
            rising: report.rising.map { concern in
                let (scope, place): (String, String?) = switch concern.scope {
                case .street: ("street", nil)
                case .community(let code): ("community", code)
                case .grid(let code): ("grid", code)
                }
                return Rising(category: concern.categoryCode, scope: scope, place: place, placeName: clean(report.placeName(concern.scope)),
                              thisWeek: concern.thisWeek, usual: (concern.usual * 100).rounded() / 100)
            },
            historyWeeks: report.historyWeeks,
            overdueNow: report.overdueNow.map { $0.map { line($0, score: false) } }, overdueCount: report.overdueNow == nil ? nil : report.overdueCount,
            lowRatings: report.lowRatings.map { line($0, score: true) }, lowRatingCount: report.lowRatingCount,
            escalations: report.escalations.map { Line(id: $0.id, grid: $0.gridCode, gridName: clean($0.gridName), category: $0.categoryCode,
                                                       title: clean($0.title), at: time.string(from: $0.at)) },
            calls: Calls(placed: report.calls.placed, answered: report.calls.answered, declined: report.calls.declined, escalated: report.calls.escalated),
            alarms: Alarms(raised: report.alarms.raised, acknowledged: report.alarms.acknowledged, escalated: report.alarms.escalated),
            fieldWork: FieldWork(visits: report.work.visits, placeVisits: report.work.placeVisits, careServices: report.work.careServices,
                                 callIns: report.work.callIns))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }
}
