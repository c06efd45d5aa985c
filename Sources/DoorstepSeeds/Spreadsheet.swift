import DoorstepDomain
import Foundation

/// A households, staff, Party members or outside parties list exported from a spreadsheet, for `doorstep import`: which one
/// it is follows from its header row.
public enum Spreadsheet {
    public enum Content: Sendable {
        case households([Household])
        case staff([Staff])
        case partyMembers([PartyMember])
        case responders([Responder])
        case carePlans([CarePlan])
    }

    /// What was read, and from which encoding it was converted (nil when it was UTF-8).
    public struct Result: Sendable {
        public var content: Content
        public var convertedFrom: String?
    }

    /// Reads `data` (the bytes of `file`). Rows are checked against the street's buildings,
    /// grids and communities (and a Party members list against its Party organisations and
    /// staff); the first problem is reported with its file and line. A
    /// GBK/GB18030 file is converted (and `convertedFrom` says so); any other non-UTF-8 file
    /// is refused.
    public static func read(
        file: String, data: Data, gridOfBuilding: [String: String], grids: Set<String>, communities: Set<String>,
        partyOrganisations: [PartyOrganisation] = [], staff: [Staff] = [], departments: Set<String> = [],
        householdGrids: ([String]) throws -> [String: String] = { _ in [:] }, now: Date = Date(timeIntervalSince1970: 0)
    ) throws -> Result {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var convertedFrom: String?
        let text: String
        if let utf8 = String(data: bytes, encoding: .utf8) {
            text = utf8
        } else if let gb = GB18030.decode(Data(bytes)) {
            text = gb
            convertedFrom = "GB18030"
        } else {
            throw SeedError(file: file, "is neither UTF-8 nor GBK/GB18030; save it from the spreadsheet as \"CSV UTF-8\"")
        }
        let header = try CSVTable(file: file, text: text, columns: [])
        var seen = Set<String>()
        if Set(PeopleRows.householdColumns).isSubset(of: header.header) {
            let rows = try header.records.map { row in
                try PeopleRows.household(row, id: DataSet.unique(row, "id", in: &seen), gridOfBuilding: gridOfBuilding)
            }
            return Result(content: .households(rows), convertedFrom: convertedFrom)
        }
        if Set(PeopleRows.staffColumns).isSubset(of: header.header) {
            let rows = try header.records.map { row in
                try PeopleRows.staff(row, id: DataSet.unique(row, "id", in: &seen), grids: grids, communities: communities)
            }
            return Result(content: .staff(rows), convertedFrom: convertedFrom)
        }
        if Set(PartyRows.memberColumns).isSubset(of: header.header) {
            let territory = PartyRows.Territory(
                communityOfGrid: [:], gridOfBuilding: gridOfBuilding, communities: communities,
                staff: Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
            let rows = try PartyRows.members(header.records, organisations: partyOrganisations, territory)
            return Result(content: .partyMembers(rows), convertedFrom: convertedFrom)
        }
        if Set(JointRows.responderColumns).isSubset(of: header.header) {
            let rows = try JointRows.responders(header.records, departments: departments, communities: communities)
            return Result(content: .responders(rows), convertedFrom: convertedFrom)
        }
        if Set(CareRows.planColumns).isSubset(of: header.header) {
            // the households a list names, looked up in the store (it holds more than the wall's)
            let grids = try householdGrids(header.records.map { $0.optional("household") })
            let rows = try CareRows.plans(header.records, gridOfHousehold: grids,
                                          staff: Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), now: now)
            return Result(content: .carePlans(rows), convertedFrom: convertedFrom)
        }
        let lists = [("a households list", PeopleRows.householdColumns), ("a staff list", PeopleRows.staffColumns),
                     ("a Party members list", PartyRows.memberColumns), ("a list of outside parties", JointRows.responderColumns),
                     ("a care plans list", CareRows.planColumns)]
        throw SeedError(
            file: file, line: 1,
            "is none of " + lists.map { "\($0.0) (\($0.1.joined(separator: ", ")))" }.joined(separator: ", "))
    }
}
