import DoorstepDomain
import Foundation
import Testing

/// The Party chain's read model and the rule it feeds.
struct PartyIndexTests {
    let orgs = [
        PartyOrganisation(code: "C", kind: .committee, name: "社区党委", communityCode: "X"),
        PartyOrganisation(code: "B1", kind: .branch, name: "一网格党支部", communityCode: "X", gridCode: "G1", parentCode: "C"),
        PartyOrganisation(code: "B2", kind: .branch, name: "二网格党支部", communityCode: "X", gridCode: "G2", parentCode: "C"),
        PartyOrganisation(code: "B1-1", kind: .group, name: "1栋党小组", communityCode: "X", buildingCode: "G1-B1", parentCode: "B1"),
        PartyOrganisation(code: "F", kind: .functional, name: "快递员党支部"),
    ]
    let members = [
        PartyMember(id: "M3", name: "丙", phone: "", orgCode: "B1-1", post: .member, buildingCode: "G1-B1", functionalCode: "F"),
        PartyMember(id: "M2", name: "乙", phone: "", orgCode: "B1-1", post: .groupLeader, buildingCode: "G1-B1"),
        PartyMember(id: "M1", name: "甲", phone: "", orgCode: "B1", post: .secretary, staffID: "S1"),
        PartyMember(id: "M4", name: "丁", phone: "", orgCode: "B2", post: .centralHousehold, buildingCode: "G2-B1"),
    ]

    @Test func aGridsBranchAndGroupsReadLeadersFirst() {
        let index = PartyIndex(organisations: orgs, members: members)
        #expect(index.members(ofGrid: "G1").map(\.id) == ["M1", "M2", "M3"])
        #expect(index.leader(of: orgs[3])?.id == "M2")
        #expect(index.members(of: orgs[4]).map(\.id) == ["M3"])
        // G2's branch has no secretary, G3 has no branch: both vacant; G1 is not
        #expect(["G1", "G2", "G3"].map { index.branchVacant(grid: $0) } == [false, true, true])
        #expect(index.hasCentralHousehold(building: "G2-B1") && !index.hasCentralHousehold(building: "G1-B1"))
    }

    @Test func withoutAChainNothingIsVacant() {
        let index = PartyIndex(organisations: [], members: [])
        #expect(!index.hasParty && !index.branchVacant(grid: "G1"))
    }

    @Test func aCommunitysChainCountsItsLinksAndGaps() {
        let index = PartyIndex(organisations: orgs, members: members)
        let grids = ["G1", "G2", "G3"].map { Grid(code: $0, name: $0, communityCode: "X") }
        let buildings = ["G1": [Building(code: "G1-B1", name: "1栋", gridCode: "G1", microGridCode: "M")],
                         "G2": [Building(code: "G2-B1", name: "1栋", gridCode: "G2", microGridCode: "M"),
                                Building(code: "G2-B2", name: "2栋", gridCode: "G2", microGridCode: "M")]]
        let chain = PartyChainSummary(community: "X", grids: grids, buildingsByGrid: buildings, party: index)
        #expect(chain.committee?.code == "C" && chain.secretary == nil)
        #expect((chain.branches, chain.vacantBranches, chain.groups, chain.members) == (2, 2, 1, 4))
        #expect((chain.buildings, chain.buildingsWithoutCentralHousehold) == (3, 2))
    }

    @Test func aVacantBranchIsAReasonForAttention() {
        let context = StatusContext(now: Date(timeIntervalSince1970: 0), minuteOfDay: 0, dutyHours: 480..<1200, categories: [:])
        let crew = [StaffRole.allRoundSocialWorker, .professionalSocialWorker, .partyCentralHousehold, .partyCentralHousehold, .volunteer]
            .enumerated().map { Staff(id: "S\($0)", name: "人", role: $1, gridCode: "G1", communityCode: "X", phone: "", duty: .onDuty) }
        let vacant = StatusRules.assess(GridFacts(staff: crew, partyBranchVacant: true), in: context)
        #expect(vacant.status == .attention && vacant.reasons == [.partyBranchVacant])
        #expect(StatusRules.assess(GridFacts(staff: crew), in: context).reasons.isEmpty)
    }
}
