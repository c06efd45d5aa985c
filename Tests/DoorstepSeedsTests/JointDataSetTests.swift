import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepSeeds

/// The joint-handling files: the demo's departments, parties and call-ins, and every broken row
/// refused with its file and line.
@Suite("Outside forces in a data set")
struct JointDataSetTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let party = PartyDataSetTests()

    @Test("the demo names the departments, the 三官一律 and 两代表一委员, a police officer and a lawyer per community")
    func demo() throws {
        let data = try DataSet.load(from: .embeddedDemo, now: now)
        let kinds = Set(data.responders.map(\.kind))
        #expect(kinds.isSuperset(of: [.judge, .prosecutor, .police, .lawyer, .partyDeputy, .congressDeputy, .cppccMember, .mediationCentre]))
        for community in data.communities {
            #expect(data.responders.contains { $0.kind == .police && $0.communityCode == community.code })
            #expect(data.responders.contains { $0.kind == .lawyer && $0.communityCode == community.code })
        }
        let open = Set(data.tickets.filter(\.state.isOpen).map(\.id))
        #expect(data.callIns.filter(\.state.isPending).allSatisfy { open.contains($0.ticketID) })
        #expect(data.callIns.contains { $0.isLate(at: now) })
    }

    @Test("a broken row is refused with its file and line", arguments: [
        ("responders.csv", "R001,街道矛盾纠纷调处中心,mediation_centre,mediation,051100000001,", "R001,街道矛盾纠纷调处中心,mediation_centre,mediate,051100000001,",
         "column 'department': no department 'mediate' in departments.csv"),
        ("responders.csv", "R001,街道矛盾纠纷调处中心,mediation_centre,mediation,051100000001,", "R001,街道矛盾纠纷调处中心,mediator,mediation,051100000001,",
         "column 'kind': 'mediator' is not one of judge, prosecutor, police, lawyer, party_deputy, congress_deputy, cppcc_member, partner_unit, social_organisation, department, mediation_centre"),
        ("call_ins.csv", "J00004,T00045,R001,requested,70,32,24,", "J00004,T00045,R999,requested,70,32,24,",
         "column 'responder': no responder 'R999' in responders.csv"),
        ("call_ins.csv", "J00004,T00045,R001,requested,70,32,24,", "J00004,T00001,R001,requested,70,32,24,",
         "a pending call-in needs an open ticket; 'T00001' is rated"),
        ("call_ins.csv", "J00004,T00045,R001,requested,70,32,24,", "J00004,T00045,R001,handled,70,32,24,",
         "column 'note': a handled call-in says why"),
        ("call_ins.csv", "J00004,T00045,R001,requested,70,32,24,", "J00004,T00045,R001,requested,70,32,0,",
         "column 'hours': 0 is not 1 to 720"),
        ("call_ins.csv", "J00004,T00045,R001,requested,70,32,24,", "J00004,T00045,R001,requested,99999,32,24,",
         "column 'requested_minutes_ago': before ticket 'T00045' was ordered"),
        ("departments.csv", "court,法院,Court,72", "court,法院,Court,0", "column 'answer_hours': 0 is not 1 to 720"),
    ])
    func brokenRow(_ file: String, _ old: String, _ new: String, _ message: String) throws {
        try party.brokenLink(file, old, new, message)
    }
}
