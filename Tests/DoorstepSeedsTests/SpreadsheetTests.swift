import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepSeeds

@Suite("Spreadsheet import")
struct SpreadsheetTests {
    let buildings = ["JB01-B01": "JB01", "JB01-B02": "JB01"]
    let grids: Set<String> = ["JB01", "JB02"]
    let communities: Set<String> = ["JB"]

    func read(_ bytes: [UInt8]) throws -> Spreadsheet.Result {
        try Spreadsheet.read(file: "户籍.csv", data: Data(bytes), gridOfBuilding: buildings, grids: grids, communities: communities)
    }

    @Test("households with a UTF-8 BOM, as Excel exports them")
    func householdsWithBOM() throws {
        let text = "id,building,name,phone,must_visit\r\nH90001,JB01-B01,王小明,15500000001,elderly_alone|aid_recipient\r\nH90002,JB01-B02,李四,,\r\n"
        let result = try read([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(result.convertedFrom == nil)
        guard case .households(let rows) = result.content else { Issue.record("not read as households"); return }
        #expect(rows.map(\.id) == ["H90001", "H90002"])
        #expect(rows[0].gridCode == "JB01")
        #expect(rows[0].mustVisit == [.elderlyAlone, .aidRecipient])
        #expect(rows[1].mustVisit.isEmpty)
    }

    @Test("staff lists are told apart by their header")
    func staff() throws {
        let text = "id,name,role,grid,community,phone,duty,team,shift_start,shift_end\nS9001,赵六,volunteer,JB02,JB,155,on,property,09:00,17:00\n"
        guard case .staff(let rows) = try read(Array(text.utf8)).content else { Issue.record("not read as staff"); return }
        #expect(rows.first?.team == .property)
        #expect(rows.first?.shift == 540..<1020)
    }

    @Test("a bad row is reported with the file and its line")
    func badRow() throws {
        let text = "id,building,name,phone,must_visit\nH90001,JB01-B01,王小明,155,\nH90002,JB09-B01,李四,155,\n"
        let error = try #require(throws: SeedError.self) { try read(Array(text.utf8)) }
        #expect(error.description == "户籍.csv:3: column 'building': no building 'JB09-B01'")
        let short = "id,building,name,phone,must_visit\nH90001,JB01-B01\n"
        #expect(throws: SeedError(file: "户籍.csv", line: 2, "has 2 fields, the header has 5")) { try read(Array(short.utf8)) }
    }

    @Test("a GBK export is converted, and says so")
    func gbk() throws {
        // "id,building,name,phone,must_visit\nH90001,JB01-B01,王五,155,\n" with 王五 in GBK (CD F5 CE E5)
        let bytes = Array("id,building,name,phone,must_visit\nH90001,JB01-B01,".utf8) + [0xCD, 0xF5, 0xCE, 0xE5] + Array(",155,\n".utf8)
        let result = try read(bytes)
        #expect(result.convertedFrom == "GB18030")
        guard case .households(let rows) = result.content else { Issue.record("not read as households"); return }
        #expect(rows.first?.headName == "王五")
    }

    @Test("a file that is none of the lists is refused, naming every header")
    func neither() throws {
        let error = try #require(throws: SeedError.self) { try read(Array("a,b\n1,2\n".utf8)) }
        #expect(error.message.hasPrefix("is none of a households list"))
        #expect(error.message.contains("a list of outside parties (id, name, kind, department, phone, community)"))
    }

    @Test("a Party members list is told apart by its header and checked against the chain and the staff")
    func partyMembers() throws {
        let orgs = [PartyOrganisation(code: "JB-DW", kind: .committee, name: "江滨社区党委", communityCode: "JB"),
                    PartyOrganisation(code: "JB01-ZB", kind: .branch, name: "江滨一网格党支部", communityCode: "JB", gridCode: "JB01", parentCode: "JB-DW")]
        let staff = [Staff(id: "S0002", name: "陶敏", role: .allRoundSocialWorker, gridCode: "JB01", communityCode: "JB", phone: "15500036881", duty: .onDuty)]
        func read(_ text: String) throws -> Spreadsheet.Result {
            try Spreadsheet.read(file: "党员.csv", data: Data(text.utf8), gridOfBuilding: buildings, grids: grids, communities: communities,
                                 partyOrganisations: orgs, staff: staff)
        }
        let header = "id,name,phone,org,post,building,functional,staff\n"
        let result = try read(header + "PM9001,,,JB01-ZB,secretary,,,S0002\nPM9002,周红,15500000009,JB01-ZB,,JB01-B02,,\n")
        guard case .partyMembers(let rows) = result.content else { Issue.record("not read as Party members"); return }
        #expect(rows.map(\.id) == ["PM9001", "PM9002"])
        #expect(rows[0].name == "陶敏" && rows[0].phone == "15500036881" && rows[0].staffID == "S0002")
        #expect(rows[1].post == .member && rows[1].buildingCode == "JB01-B02")
        #expect(throws: SeedError(file: "党员.csv", line: 2, "column 'org': no committee, branch or group 'JB09-ZB'")) {
            try read(header + "PM9001,王五,,JB09-ZB,member,,,\n")
        }
    }

    @Test("a list of outside parties and a care plans list are told apart by their headers and checked")
    func respondersAndCarePlans() throws {
        let parties = "id,name,kind,department,phone,community\nR100,新律所,lawyer,justice,,JB\n"
        let result = try Spreadsheet.read(file: "力量.csv", data: Data(parties.utf8), gridOfBuilding: buildings, grids: grids, communities: communities,
                                          departments: ["justice"])
        guard case .responders(let rows) = result.content else { Issue.record("not read as outside parties"); return }
        #expect(rows.first?.kind == .lawyer && rows.first?.communityCode == "JB")
        #expect(throws: SeedError(file: "力量.csv", line: 2, "column 'department': no department 'justice' in departments.csv")) {
            try Spreadsheet.read(file: "力量.csv", data: Data(parties.utf8), gridOfBuilding: buildings, grids: grids, communities: communities)
        }
        let staff = [Staff(id: "S0003", name: "陈静", role: .professionalSocialWorker, gridCode: "JB01", communityCode: "JB", phone: "", duty: .onDuty)]
        let plans = "id,household,person,group,goal,state,social_worker,ordered_days_ago,review_in_days\n"
            + "P9001,H00001,王奶奶,empty_nest_elder,按时就餐,accepted,S0003,10,30\n"
        var asked: [String] = []
        let read = try Spreadsheet.read(file: "方案.csv", data: Data(plans.utf8), gridOfBuilding: buildings, grids: grids, communities: communities,
                                        staff: staff, householdGrids: { ids in asked = ids; return ["H00001": "JB01"] })
        guard case .carePlans(let rows) = read.content else { Issue.record("not read as care plans"); return }
        #expect(asked == ["H00001"], "the households are looked up in the store")
        #expect(rows.first?.gridCode == "JB01" && rows.first?.socialWorkerID == "S0003")
        #expect(throws: SeedError(file: "方案.csv", line: 2, "column 'household': no household 'H00001'")) {
            try Spreadsheet.read(file: "方案.csv", data: Data(plans.utf8), gridOfBuilding: buildings, grids: grids, communities: communities,
                                 staff: staff)
        }
    }
}
