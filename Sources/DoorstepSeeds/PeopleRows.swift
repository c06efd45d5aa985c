import DoorstepDomain

/// Household and staff rows, as a data set and a spreadsheet import both read them.
enum PeopleRows {
    static let householdColumns = ["id", "building", "name", "phone", "must_visit"]
    static let staffColumns = ["id", "name", "role", "grid", "community", "phone", "duty", "team", "shift_start", "shift_end"]

    static func household(_ row: CSVTable.Record, id: String, gridOfBuilding: [String: String]) throws -> Household {
        let building = try row.required("building")
        guard let grid = gridOfBuilding[building] else {
            throw SeedError(file: row.file, line: row.line, "column 'building': no building '\(building)'")
        }
        var kinds = Set<MustVisitKind>()
        for tag in row.optional("must_visit").split(separator: "|") {
            let name = tag.trimmingCharacters(in: .whitespaces)
            guard let kind = MustVisitKind(rawValue: name) else {
                let accepted = MustVisitKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw SeedError(file: row.file, line: row.line, "column 'must_visit': '\(name)' is not one of \(accepted)")
            }
            kinds.insert(kind)
        }
        return Household(
            id: id, buildingCode: building, gridCode: grid, headName: try row.required("name"), phone: row.optional("phone"),
            mustVisit: kinds)
    }

    static func staff(_ row: CSVTable.Record, id: String, grids: Set<String>, communities: Set<String>) throws -> Staff {
        let grid = row.optional("grid")
        if !grid.isEmpty, !grids.contains(grid) {
            throw SeedError(file: row.file, line: row.line, "column 'grid': no grid '\(grid)'")
        }
        let community = row.optional("community")
        if !community.isEmpty, !communities.contains(community) {
            throw SeedError(file: row.file, line: row.line, "column 'community': no community '\(community)'")
        }
        let team = row.optional("team")
        let start = try row.timeOfDay("shift_start")
        return Staff(
            id: id, name: try row.required("name"), role: try row.choice("role", as: StaffRole.self),
            gridCode: DataSet.nonEmpty(grid), communityCode: DataSet.nonEmpty(community), phone: row.optional("phone"),
            duty: try row.choice("duty", as: DutyState.self),
            team: team.isEmpty ? nil : try row.choice("team", as: VanguardTeam.self),
            shift: start ..< max(start, try row.timeOfDay("shift_end")))
    }
}
