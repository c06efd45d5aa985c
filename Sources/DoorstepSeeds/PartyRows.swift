import DoorstepDomain

/// The Party chain's rows (`party_orgs.csv`, `party_members.csv`), checked against the
/// territory and the staff: every link in its place (a branch on a grid under its
/// community's committee, a group on a building under that grid's branch), one leader per
/// organisation, a central household in a building.
enum PartyRows {
    static let orgColumns = ["code", "kind", "name", "community", "grid", "building", "parent"]
    static let memberColumns = ["id", "name", "phone", "org", "post", "building", "functional", "staff"]

    /// What the rows are checked against.
    struct Territory {
        var communityOfGrid: [String: String]
        var gridOfBuilding: [String: String]
        var communities: Set<String>
        var staff: [String: Staff]
    }

    static func organisations(_ rows: [CSVTable.Record], _ territory: Territory) throws -> [PartyOrganisation] {
        var codes = Set<String>()
        var parsed: [(CSVTable.Record, PartyOrganisation)] = []
        for row in rows {
            let code = try DataSet.unique(row, "code", in: &codes)
            let kind = try row.choice("kind", as: PartyOrgKind.self)
            let grid = DataSet.nonEmpty(row.optional("grid"))
            let building = DataSet.nonEmpty(row.optional("building"))
            var community = DataSet.nonEmpty(row.optional("community"))
            if let grid {
                guard let gridCommunity = territory.communityOfGrid[grid] else { throw SeedError(file: row.file, line: row.line, "column 'grid': no grid '\(grid)'") }
                if let community, community != gridCommunity {
                    throw SeedError(file: row.file, line: row.line, "column 'community': grid '\(grid)' is in community '\(gridCommunity)', not '\(community)'")
                }
                community = gridCommunity
            }
            if let building, territory.gridOfBuilding[building] == nil {
                throw SeedError(file: row.file, line: row.line, "column 'building': no building '\(building)'")
            }
            if let community, !territory.communities.contains(community) {
                throw SeedError(file: row.file, line: row.line, "column 'community': no community '\(community)'")
            }
            switch kind {
            case .committee where community == nil: throw SeedError(file: row.file, line: row.line, "a committee needs its community")
            case .branch where grid == nil: throw SeedError(file: row.file, line: row.line, "a branch needs its grid")
            case .group where building == nil: throw SeedError(file: row.file, line: row.line, "a group needs its building")
            default: break
            }
            let org = PartyOrganisation(code: code, kind: kind, name: try row.required("name"), communityCode: community, gridCode: grid,
                                        buildingCode: building, parentCode: DataSet.nonEmpty(row.optional("parent")))
            parsed.append((row, org))
        }
        // the links, once every code is known
        let byCode = Dictionary(parsed.map { ($0.1.code, $0.1) }, uniquingKeysWith: { a, _ in a })
        var branchOfGrid: [String: Int] = [:], committeeOfCommunity: [String: Int] = [:]
        var result: [PartyOrganisation] = []
        for (row, var org) in parsed {
            let parent = org.parentCode.flatMap { byCode[$0] }
            if let code = org.parentCode, parent == nil {
                throw SeedError(file: row.file, line: row.line, "column 'parent': no organisation '\(code)'")
            }
            switch org.kind {
            case .committee:
                if let community = org.communityCode, let first = committeeOfCommunity[community] {
                    throw SeedError(file: row.file, line: row.line, "community '\(community)' already has a committee (line \(first))")
                }
                committeeOfCommunity[org.communityCode ?? ""] = row.line
            case .branch:
                if let grid = org.gridCode, let first = branchOfGrid[grid] {
                    throw SeedError(file: row.file, line: row.line, "grid '\(grid)' already has a branch (line \(first))")
                }
                branchOfGrid[org.gridCode ?? ""] = row.line
                if let parent, parent.kind != .committee || parent.communityCode != org.communityCode {
                    throw SeedError(file: row.file, line: row.line, "column 'parent': a branch sits under its community's committee, not '\(parent.code)'")
                }
            case .group:
                guard let parent, parent.kind == .branch else {
                    throw SeedError(file: row.file, line: row.line, "column 'parent': a group sits under a branch")
                }
                let grid = org.buildingCode.flatMap { territory.gridOfBuilding[$0] }
                guard grid == parent.gridCode else {
                    throw SeedError(file: row.file, line: row.line, "column 'building': '\(org.buildingCode ?? "")' is not in branch '\(parent.code)''s grid")
                }
                org.communityCode = parent.communityCode
                org.gridCode = nil
            case .functional:
                if let parent, parent.kind != .committee {
                    throw SeedError(file: row.file, line: row.line, "column 'parent': a functional organisation sits under a committee or none")
                }
            }
            result.append(org)
        }
        return result
    }

    static func members(_ rows: [CSVTable.Record], organisations: [PartyOrganisation], _ territory: Territory) throws -> [PartyMember] {
        let byCode = Dictionary(organisations.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var ids = Set<String>()
        var leaders: [String: Int] = [:]
        return try rows.map { row in
            let id = try DataSet.unique(row, "id", in: &ids)
            let orgCode = try row.required("org")
            guard let org = byCode[orgCode], org.kind != .functional else {
                throw SeedError(file: row.file, line: row.line, "column 'org': no committee, branch or group '\(orgCode)'")
            }
            let post = row.optional("post").isEmpty ? PartyPost.member : try row.choice("post", as: PartyPost.self)
            if org.kind == .group, post == .secretary || post == .deputy {
                throw SeedError(file: row.file, line: row.line, "column 'post': a group has a group_leader, not a \(post.rawValue)")
            }
            if post == .groupLeader, org.kind != .group {
                throw SeedError(file: row.file, line: row.line, "column 'post': only a group has a group_leader")
            }
            if post == .secretary || post == .groupLeader {
                if let first = leaders[org.code] {
                    throw SeedError(file: row.file, line: row.line, "'\(org.code)' already has its \(post.rawValue) (line \(first))")
                }
                leaders[org.code] = row.line
            }
            let building = DataSet.nonEmpty(row.optional("building"))
            if let building, territory.gridOfBuilding[building] == nil {
                throw SeedError(file: row.file, line: row.line, "column 'building': no building '\(building)'")
            }
            if post == .centralHousehold, building == nil {
                throw SeedError(file: row.file, line: row.line, "a central household needs its building")
            }
            let functional = DataSet.nonEmpty(row.optional("functional"))
            if let functional, byCode[functional]?.kind != .functional {
                throw SeedError(file: row.file, line: row.line, "column 'functional': no functional organisation '\(functional)'")
            }
            // one person holding both roles: the staff record's name and phone are theirs
            let staffID = DataSet.nonEmpty(row.optional("staff"))
            let person = try staffID.map { id -> Staff in
                guard let person = territory.staff[id] else { throw SeedError(file: row.file, line: row.line, "column 'staff': no staff '\(id)'") }
                return person
            }
            let name = row.optional("name").isEmpty ? (person?.name ?? "") : row.optional("name")
            guard !name.isEmpty else { throw SeedError(file: row.file, line: row.line, "column 'name' is empty") }
            return PartyMember(id: id, name: name, phone: row.optional("phone").isEmpty ? (person?.phone ?? "") : row.optional("phone"),
                               orgCode: org.code, post: post, buildingCode: building, functionalCode: functional, staffID: staffID)
        }
    }
}
