import DoorstepDomain
import Foundation

/// Loads a street's data set from CSV files and checks that it holds together: every code a
/// row refers to exists, every enumerated value is one the model knows. The first problem
/// found is reported with its file and line.
public enum DataSet {
    /// The files a data set consists of.
    public static let files = [
        "street.csv", "communities.csv", "grids.csv", "microgrids.csv", "buildings.csv",
        "households.csv", "staff.csv", "categories.csv", "tickets.csv",
    ]

    /// Files a data set may leave out (read as empty).
    public static let optionalFiles = ["visits.csv", "hazards.csv", "party_orgs.csv", "party_members.csv", "service_points.csv",
                                        "departments.csv", "responders.csv", "call_ins.csv",
                                        "care_plans.csv", "care_services.csv", "four_clears.csv",
                                        "key_places.csv", "place_visits.csv", "operators.csv"]

    /// Loads a data set. Ticket times in the files are relative ("opened N minutes ago"),
    /// so they are placed against `now`.
    public static func load(from source: DataSetSource, now: Date) throws -> CentreData {
        func table(_ file: String, _ columns: [String]) throws -> CSVTable {
            try CSVTable(file: source.name(file), data: source.data(file), columns: columns)
        }
        func optionalTable(_ file: String, _ columns: [String]) throws -> [CSVTable.Record] {
            guard source.has(file) else { return [] }
            return try table(file, columns).records
        }

        let streetTable = try table("street.csv", ["code", "name", "duty_start", "duty_end"])
        guard let streetRow = streetTable.records.first else {
            throw SeedError(file: streetTable.file, "has no street row")
        }
        let dutyStart = try streetRow.timeOfDay("duty_start")
        let centre = Centre(
            code: try streetRow.required("code"), name: try streetRow.required("name"),
            dutyHours: dutyStart ..< max(dutyStart, try streetRow.timeOfDay("duty_end")))

        // a district or city centre lists its streets; each community then names its street
        var streetCodes = Set<String>()
        let streets = try optionalTable("subdistricts.csv", ["code", "name", "district"]).map { row in
            Street(code: try unique(row, "code", in: &streetCodes), name: try row.required("name"),
                        district: row.optional("district"))
        }
        var communityCodes = Set<String>()
        let communities = try table("communities.csv", ["code", "name"]).records.map { row in
            let code = try unique(row, "code", in: &communityCodes)
            let street = streets.isEmpty ? nil : try reference(row, "subdistrict", in: streetCodes)
            return Community(code: code, name: try row.required("name"), streetCode: street)
        }

        var gridCodes = Set<String>()
        let grids = try table("grids.csv", ["code", "community", "name"]).records.map { row in
            let code = try unique(row, "code", in: &gridCodes)
            return Grid(code: code, name: try row.required("name"), communityCode: try reference(row, "community", in: communityCodes))
        }

        var microCodes = Set<String>()
        var microRows: [(CSVTable.Record, MicroGrid)] = []
        for row in try table("microgrids.csv", ["code", "grid", "name", "chief"]).records {
            let code = try unique(row, "code", in: &microCodes)
            let micro = MicroGrid(
                code: code, name: try row.required("name"), gridCode: try reference(row, "grid", in: gridCodes),
                chiefID: nonEmpty(row.optional("chief")))
            microRows.append((row, micro))
        }

        var buildingCodes = Set<String>()
        var buildingRows: [(CSVTable.Record, Building)] = []
        for row in try table("buildings.csv", ["code", "grid", "microgrid", "name", "chief"]).records {
            let code = try unique(row, "code", in: &buildingCodes)
            let building = Building(
                code: code, name: try row.required("name"), gridCode: try reference(row, "grid", in: gridCodes),
                microGridCode: try reference(row, "microgrid", in: microCodes), chiefID: nonEmpty(row.optional("chief")))
            buildingRows.append((row, building))
        }
        let gridOfBuilding = Dictionary(buildingRows.map { ($0.1.code, $0.1.gridCode) }, uniquingKeysWith: { a, _ in a })

        var householdIDs = Set<String>()
        let households = try ClearsRows.attach(
            optionalTable("four_clears.csv", ClearsRows.columns),
            to: table("households.csv", PeopleRows.householdColumns).records.map { row in
                try PeopleRows.household(row, id: unique(row, "id", in: &householdIDs), gridOfBuilding: gridOfBuilding)
            }, now: now)

        var staffIDs = Set<String>()
        let staff = try table("staff.csv", PeopleRows.staffColumns).records.map { row in
            try PeopleRows.staff(row, id: unique(row, "id", in: &staffIDs), grids: gridCodes, communities: communityCodes)
        }
        for (row, micro) in microRows { try check(row, "chief", micro.chiefID, in: staffIDs) }
        for (row, building) in buildingRows { try check(row, "chief", building.chiefID, in: staffIDs) }

        var categoryCodes = Set<String>()
        let categories = try table("categories.csv", ["code", "name_zh", "name_en", "dispatch_minutes", "accept_minutes", "resolve_minutes"])
            .records.map { row in
                TicketCategory(
                    code: try unique(row, "code", in: &categoryCodes), nameZh: try row.required("name_zh"),
                    nameEn: try row.required("name_en"), dispatchMinutes: try minutes(row, "dispatch_minutes"),
                    acceptMinutes: try minutes(row, "accept_minutes"), resolveMinutes: try minutes(row, "resolve_minutes"))
            }

        var ticketIDs = Set<String>()
        let tickets = try table("tickets.csv", [
            "id", "grid", "category", "source", "priority", "state", "title", "resident_name", "resident_phone",
            "opened_minutes_ago", "state_minutes_ago", "assignee",
        ]).records.map { row in
            let opened = try row.integer("opened_minutes_ago")
            let since = try row.integer("state_minutes_ago")
            guard opened >= 0, since >= 0, since <= opened else {
                throw SeedError(file: row.file, line: row.line, "state_minutes_ago must be between 0 and opened_minutes_ago")
            }
            let assignee = nonEmpty(row.optional("assignee"))
            try check(row, "assignee", assignee, in: staffIDs)
            // optional columns: the rating of a rated ticket, minutes from order to accept
            let rating = try nonEmpty(row.optional("rating")).map { text -> Int in
                guard let score = Int(text), (1...5).contains(score) else {
                    throw SeedError(file: row.file, line: row.line, "column 'rating': '\(text)' is not 1 to 5")
                }
                return score
            }
            let toAccept = try nonEmpty(row.optional("minutes_to_accept")).map { text -> Int in
                guard let minutes = Int(text), minutes >= 0, minutes <= opened else {
                    throw SeedError(file: row.file, line: row.line, "column 'minutes_to_accept': '\(text)' is not 0 to opened_minutes_ago")
                }
                return minutes
            }
            let createdAt = now.addingTimeInterval(TimeInterval(-opened * 60))
            let acceptedAt = toAccept.map { createdAt.addingTimeInterval(TimeInterval($0 * 60)) }
            return Ticket(
                id: try unique(row, "id", in: &ticketIDs), gridCode: try reference(row, "grid", in: gridCodes),
                categoryCode: try reference(row, "category", in: categoryCodes),
                source: try row.choice("source", as: TicketSource.self), priority: try row.choice("priority", as: TicketPriority.self),
                state: try row.choice("state", as: TicketState.self), title: try row.required("title"),
                residentName: row.optional("resident_name"), residentPhone: row.optional("resident_phone"),
                createdAt: createdAt, stateSince: now.addingTimeInterval(TimeInterval(-since * 60)), assigneeID: assignee,
                rating: rating, dispatchedAt: acceptedAt.map { createdAt.addingTimeInterval($0.timeIntervalSince(createdAt) / 2) },
                acceptedAt: acceptedAt)
        }

        var visitIDs = Set<String>()
        let visits = try optionalTable("visits.csv", ["id", "household", "staff", "days_ago"]).map { row in
            let days = try row.integer("days_ago")
            guard days >= 0 else { throw SeedError(file: row.file, line: row.line, "column 'days_ago' must not be negative") }
            let staffID = try row.required("staff")
            try check(row, "staff", staffID, in: staffIDs)
            return Visit(
                id: try unique(row, "id", in: &visitIDs), householdID: try reference(row, "household", in: householdIDs),
                staffID: staffID, at: now.addingTimeInterval(TimeInterval(-days * 86_400)))
        }

        var hazardIDs = Set<String>()
        let hazards = try optionalTable("hazards.csv", ["id", "grid", "kind", "severity", "status", "title", "opened_days_ago"]).map { row in
            Hazard(
                id: try unique(row, "id", in: &hazardIDs), gridCode: try reference(row, "grid", in: gridCodes),
                kind: try row.choice("kind", as: Hazard.Kind.self), severity: try row.choice("severity", as: Hazard.Severity.self),
                status: try row.choice("status", as: Hazard.Status.self), title: try row.required("title"),
                openedAt: now.addingTimeInterval(TimeInterval(-(try row.integer("opened_days_ago")) * 86_400)))
        }

        let partyTerritory = PartyRows.Territory(
            communityOfGrid: Dictionary(grids.map { ($0.code, $0.communityCode) }, uniquingKeysWith: { a, _ in a }),
            gridOfBuilding: gridOfBuilding, communities: communityCodes,
            staff: Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        let partyOrgs = try PartyRows.organisations(optionalTable("party_orgs.csv", PartyRows.orgColumns), partyTerritory)
        let partyMembers = try PartyRows.members(optionalTable("party_members.csv", PartyRows.memberColumns), organisations: partyOrgs, partyTerritory)

        var pointCodes = Set<String>()
        let points = try optionalTable("service_points.csv", ["code", "level", "name", "community", "grid", "hours", "services"]).map { row in
            let code = try unique(row, "code", in: &pointCodes)
            let level = try row.choice("level", as: ServiceLevel.self)
            let grid = nonEmpty(row.optional("grid"))
            var community = nonEmpty(row.optional("community"))
            if let grid {
                guard let home = partyTerritory.communityOfGrid[grid] else {
                    throw SeedError(file: row.file, line: row.line, "column 'grid': no grid '\(grid)'")
                }
                community = home
            }
            if let community, !communityCodes.contains(community) {
                throw SeedError(file: row.file, line: row.line, "column 'community': no community '\(community)'")
            }
            if level == .grid, grid == nil { throw SeedError(file: row.file, line: row.line, "a grid station needs its grid") }
            if level == .community, community == nil { throw SeedError(file: row.file, line: row.line, "a community centre needs its community") }
            let services = row.optional("services").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if let unknown = services.first(where: { !categoryCodes.contains($0) }) {
                throw SeedError(file: row.file, line: row.line, "column 'services': '\(unknown)' is not a category of categories.csv")
            }
            return ServicePoint(code: code, level: level, name: try row.required("name"), communityCode: level == .street ? nil : community,
                                gridCode: level == .grid ? grid : nil, hours: try row.required("hours"), services: services)
        }

        let departments = try JointRows.departments(optionalTable("departments.csv", JointRows.departmentColumns))
        let responders = try JointRows.responders(
            optionalTable("responders.csv", JointRows.responderColumns), departments: Set(departments.map(\.code)), communities: communityCodes)
        let callIns = try JointRows.callIns(optionalTable("call_ins.csv", JointRows.callInColumns), tickets: tickets, responders: responders, now: now)

        let plans = try CareRows.plans(
            optionalTable("care_plans.csv", CareRows.planColumns), gridOfHousehold: Dictionary(households.map { ($0.id, $0.gridCode) }, uniquingKeysWith: { a, _ in a }),
            staff: partyTerritory.staff, now: now)
        let carePlans = try CareRows.services(optionalTable("care_services.csv", CareRows.serviceColumns), plans: plans, now: now)

        let keyPlaces = try PlaceRows.places(optionalTable("key_places.csv", PlaceRows.placeColumns), grids: gridCodes)
        let placeVisits = try PlaceRows.visits(optionalTable("place_visits.csv", PlaceRows.visitColumns), places: keyPlaces, staff: staffIDs, now: now)

        let operators = try OperatorRows.operators(optionalTable("operators.csv", OperatorRows.columns), communities: communityCodes,
                                                   grids: gridCodes, staff: staffIDs)

        return CentreData(
            centre: centre, communities: communities, grids: grids, microGrids: microRows.map(\.1),
            buildings: buildingRows.map(\.1), households: households, staff: staff, categories: categories, tickets: tickets,
            hazards: hazards, visits: visits, streets: streets, partyOrganisations: partyOrgs, partyMembers: partyMembers,
            servicePoints: points, departments: departments, responders: responders, callIns: callIns,
            carePlans: carePlans, keyPlaces: keyPlaces, placeVisits: placeVisits, operators: operators)
    }

    static func unique(_ row: CSVTable.Record, _ column: String, in seen: inout Set<String>) throws -> String {
        let value = try row.required(column)
        guard seen.insert(value).inserted else {
            throw SeedError(file: row.file, line: row.line, "column '\(column)': '\(value)' appears twice")
        }
        return value
    }

    private static func reference(_ row: CSVTable.Record, _ column: String, in known: Set<String>) throws -> String {
        let value = try row.required(column)
        guard known.contains(value) else {
            throw SeedError(file: row.file, line: row.line, "column '\(column)': no \(column) '\(value)'")
        }
        return value
    }

    private static func check(_ row: CSVTable.Record, _ column: String, _ value: String?, in known: Set<String>) throws {
        if let value, !known.contains(value) {
            throw SeedError(file: row.file, line: row.line, "column '\(column)': no staff '\(value)'")
        }
    }

    private static func minutes(_ row: CSVTable.Record, _ column: String) throws -> Int {
        let value = try row.integer(column)
        guard value > 0 else { throw SeedError(file: row.file, line: row.line, "column '\(column)' must be above 0") }
        return value
    }

    static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
