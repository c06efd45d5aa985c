import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepSeeds

/// The Party chain's files: the demo's chain as the source text sizes it, and every broken
/// link refused with its file and line.
@Suite("Party chain in a data set")
struct PartyDataSetTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let sets = DataSetTests()

    @Test("the demo street has a chain in every community and about 300 members")
    func demoChain() throws {
        let data = try DataSet.load(from: .embeddedDemo, now: now)
        let orgs = data.partyOrganisations
        #expect(orgs.filter { $0.kind == .committee }.count == data.communities.count)
        #expect(orgs.filter { $0.kind == .branch }.count == data.grids.count)
        #expect(orgs.filter { $0.kind == .functional }.count == 3)
        #expect((280...320).contains(data.partyMembers.count))
        // members who hold a grid post are the staff record's person, not a second record
        let shared = data.partyMembers.filter { $0.staffID != nil }
        #expect(shared.count >= data.grids.count)
        let staff = Dictionary(uniqueKeysWithValues: data.staff.map { ($0.id, $0) })
        #expect(shared.allSatisfy { staff[$0.staffID ?? ""]?.name == $0.name })
        let index = PartyIndex(organisations: orgs, members: data.partyMembers)
        #expect(data.grids.filter { index.branchVacant(grid: $0.code) }.map(\.code) == ["YT06"])
    }

    /// The demo with one line of a Party file replaced (line numbers count the header as 1).
    func demo(_ file: String, replacing old: String, with new: String) throws -> (URL, String) {
        let folder = try sets.copyOfDemo { folder in
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(old) is not in \(file)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
        return (folder, folder.appendingPathComponent(file).path)
    }

    @Test("a broken link of the chain is refused with its file and line", arguments: [
        ("party_orgs.csv", "JB01-ZB,branch,江滨一网格党支部,,JB01,,JB-DW", "JB01-ZB,branch,江滨一网格党支部,,JB99,,JB-DW",
         "column 'grid': no grid 'JB99'"),
        ("party_orgs.csv", "JB01-ZB,branch,江滨一网格党支部,,JB01,,JB-DW", "JB01-ZB,branch,江滨一网格党支部,,JB01,,BG-DW",
         "column 'parent': a branch sits under its community's committee, not 'BG-DW'"),
        ("party_orgs.csv", "JB01-ZB,branch,江滨一网格党支部,,JB01,,JB-DW", "JB01-ZB,bureau,江滨一网格党支部,,JB01,,JB-DW",
         "column 'kind': 'bureau' is not one of committee, branch, group, functional"),
        ("party_members.csv", "PM0004,,,JB01-ZB,secretary,,,S0002", "PM0004,,,JB01-ZB,secretary,,,S9999",
         "column 'staff': no staff 'S9999'"),
        ("party_members.csv", "PM0004,,,JB01-ZB,secretary,,,S0002", "PM0004,,,JB01-ZB,group_leader,,,S0002",
         "column 'post': only a group has a group_leader"),
        ("party_members.csv", "PM0004,,,JB01-ZB,secretary,,,S0002", "PM0004,,,JB01-ZB,central_household,,,S0002",
         "a central household needs its building"),
        ("party_members.csv", "PM0004,,,JB01-ZB,secretary,,,S0002", "PM0004,,,JB01-ZX,secretary,,,S0002",
         "column 'org': no committee, branch or group 'JB01-ZX'"),
    ])
    func brokenLink(_ file: String, _ old: String, _ new: String, _ message: String) throws {
        let (folder, path) = try demo(file, replacing: old, with: new)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = (text.components(separatedBy: "\n").firstIndex { $0 == new } ?? -1) + 1
        #expect(throws: SeedError(file: path, line: line, message)) { try DataSet.load(from: .directory(folder.path), now: now) }
    }

    @Test("the demo's service network: the street's centre, one per community, a station per grid")
    func serviceNetwork() throws {
        let data = try DataSet.load(from: .embeddedDemo, now: now)
        let points = data.servicePoints
        #expect(points.filter { $0.level == .street }.count == 1)
        #expect(Set(points.filter { $0.level == .community }.compactMap(\.communityCode)) == Set(data.communities.map(\.code)))
        #expect(Set(points.filter { $0.level == .grid }.compactMap(\.gridCode)) == Set(data.grids.map(\.code)))
        // a station takes its community from its grid
        #expect(points.first { $0.gridCode == "YT06" }?.communityCode == "YT")
        let categories = Set(data.categories.map(\.code))
        #expect(points.allSatisfy { !$0.services.isEmpty && Set($0.services).isSubset(of: categories) })
        let (folder, path) = try demo("service_points.csv", replacing: "LJ-FW,street,临江街道党群服务中心,,,周一至周日 08:30-20:30,party_public|convenience",
                                      with: "LJ-FW,street,临江街道党群服务中心,,,周一至周日 08:30-20:30,party_public|laundry")
        #expect(throws: SeedError(file: path, line: 2, "column 'services': 'laundry' is not a category of categories.csv")) {
            try DataSet.load(from: .directory(folder.path), now: now)
        }
    }

    @Test("a second secretary of the same branch names the first one's line")
    func secondSecretary() throws {
        let (folder, path) = try demo("party_members.csv", replacing: "PM0005,,,JB01-ZB,central_household,JB01-B01,,S0004",
                                      with: "PM0005,,,JB01-ZB,secretary,JB01-B01,,S0004")
        #expect(throws: SeedError(file: path, line: 6, "'JB01-ZB' already has its secretary (line 5)")) {
            try DataSet.load(from: .directory(folder.path), now: now)
        }
    }
}
