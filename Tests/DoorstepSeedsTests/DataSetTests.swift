import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepSeeds

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite("Data sets")
struct DataSetTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("the embedded demo street is sized like the one in the source text")
    func demoSize() throws {
        let data = try DataSet.load(from: .embeddedDemo, now: now)
        #expect(data.communities.count == 8)
        #expect((50...70).contains(data.grids.count))
        #expect((185...200).contains(data.microGrids.count))
        #expect((230...270).contains(data.buildings.count))
        #expect((2000...5000).contains(data.households.count))
        #expect(data.households.filter { !$0.mustVisit.isEmpty }.count > 200)
        #expect(data.tickets.filter { $0.state.isOpen }.count >= 20)
        // every grid has its core roles, except the gaps the demo keeps on purpose
        let complete = data.grids.filter { grid in
            StatusRules.isStaffingComplete(data.staff.filter { $0.gridCode == grid.code })
        }
        #expect(complete.count == data.grids.count - 2)
    }

    @Test("the embedded demo is the same as seeds/demo")
    func embeddedMatchesFiles() throws {
        let folder = repositoryRoot.appendingPathComponent("seeds/demo").path
        for file in DataSet.files + DataSet.optionalFiles {
            let onDisk = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let embedded = try #require(DemoSeed.files[file], "\(file) is not embedded: run scripts/embed-seeds.py")
            #expect(
                embedded.trimmingCharacters(in: .newlines) == onDisk.trimmingCharacters(in: .newlines),
                "\(file) differs from its embedded copy: run scripts/embed-seeds.py")
        }
        let fromFiles = try DataSet.load(from: .directory(folder), now: now)
        #expect(fromFiles == (try DataSet.load(from: .embeddedDemo, now: now)))
    }

    /// A copy of the demo data set in a fresh temporary folder, with `edit` applied.
    func copyOfDemo(_ edit: (URL) throws -> Void) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in DataSet.files + DataSet.optionalFiles {
            try Data(((DemoSeed.files[file] ?? "") + "\n").utf8).write(to: folder.appendingPathComponent(file))
        }
        try edit(folder)
        return folder
    }

    @Test("a district's data set lists its streets, and each community names its street")
    func streetsOfADistrict() throws {
        func withStreets(_ communityStreet: @escaping (Int) -> String) throws -> URL {
            try copyOfDemo { folder in
                try Data("code,name,district\nS1,临江街道,滨江区\nS2,望湖街道,滨江区\n".utf8).write(to: folder.appendingPathComponent("subdistricts.csv"))
                let lines = (DemoSeed.files["communities.csv"] ?? "").split(separator: "\n")
                let rewritten = ["code,name,subdistrict"] + lines.dropFirst().enumerated().map { "\($1),\(communityStreet($0))" }
                try Data((rewritten.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("communities.csv"))
            }
        }
        let good = try withStreets { $0 < 4 ? "S1" : "S2" }
        let data = try DataSet.load(from: .directory(good.path), now: now)
        #expect(data.streets.map(\.name) == ["临江街道", "望湖街道"] && data.streets.allSatisfy { $0.district == "滨江区" })
        #expect(data.communities.prefix(4).allSatisfy { $0.streetCode == "S1" } && data.communities.dropFirst(4).allSatisfy { $0.streetCode == "S2" })
        let bad = try withStreets { $0 == 2 ? "S9" : "S1" }
        #expect(throws: SeedError(file: bad.appendingPathComponent("communities.csv").path, line: 4, "column 'subdistrict': no subdistrict 'S9'")) {
            try DataSet.load(from: .directory(bad.path), now: now)
        }
    }

    @Test("a UTF-8 byte-order mark from a spreadsheet export is accepted")
    func byteOrderMark() throws {
        let folder = try copyOfDemo { folder in
            let url = folder.appendingPathComponent("grids.csv")
            try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: url)).write(to: url)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try DataSet.load(from: .directory(folder.path), now: now)
        #expect(data.grids.first?.code == "JB01")
    }

    @Test("a malformed row is reported with its file and line")
    func badRow() throws {
        let folder = try copyOfDemo { folder in
            let url = folder.appendingPathComponent("grids.csv")
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "JB03,JB,江滨三网格", with: "JB03,JB")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: SeedError.self) { try DataSet.load(from: .directory(folder.path), now: now) }
        #expect(error.file.hasSuffix("grids.csv"))
        #expect(error.line == 4)
        #expect(error.description.contains("grids.csv:4: has 2 fields, the header has 3"))
    }

    @Test("a reference to an unknown grid names the file, line and value")
    func unknownReference() throws {
        let folder = try copyOfDemo { folder in
            let url = folder.appendingPathComponent("tickets.csv")
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            var fields = lines[1].components(separatedBy: ",")
            fields[1] = "ZZ99"
            lines[1] = fields.joined(separator: ",")
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: SeedError.self) { try DataSet.load(from: .directory(folder.path), now: now) }
        #expect(error.line == 2)
        #expect(error.message == "column 'grid': no grid 'ZZ99'")
    }

    @Test("an unknown role lists the accepted ones")
    func badEnum() throws {
        let folder = try copyOfDemo { folder in
            let url = folder.appendingPathComponent("staff.csv")
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: ",all_round,", with: ",boss,")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: SeedError.self) { try DataSet.load(from: .directory(folder.path), now: now) }
        #expect(error.message.hasPrefix("column 'role': 'boss' is not one of all_round, professional"))
    }

    @Test("a GBK export is refused with a message saying so")
    func gbk() throws {
        let folder = try copyOfDemo { folder in
            // "code,community,name\nJB01,JB,江滨" in GBK: 江 = BD AD, 滨 = B1 F5
            var bytes = Array("code,community,name\nJB01,JB,".utf8)
            bytes += [0xBD, 0xAD, 0xB1, 0xF5, 0x0A]
            try Data(bytes).write(to: folder.appendingPathComponent("grids.csv"))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: SeedError.self) { try DataSet.load(from: .directory(folder.path), now: now) }
        #expect(error.file.hasSuffix("grids.csv"))
        #expect(error.message.contains("not UTF-8"))
        #expect(error.message.contains("GBK"))
    }

    @Test("a missing column and a missing file are named")
    func missing() throws {
        let folder = try copyOfDemo { folder in
            try "code,name\nLJ,临江街道\n".write(to: folder.appendingPathComponent("street.csv"), atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("tickets.csv"))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: SeedError.self) { try DataSet.load(from: .directory(folder.path), now: now) }
        #expect(error.line == 1)
        #expect(error.message.hasPrefix("missing column 'duty_start'"))
        try "code,name,duty_start,duty_end\nLJ,临江街道,08:00,20:00\n".write(
            to: folder.appendingPathComponent("street.csv"), atomically: true, encoding: .utf8)
        let second = try #require(throws: SeedError.self) { try DataSet.load(from: .directory(folder.path), now: now) }
        #expect(second.file.hasSuffix("tickets.csv"))
        #expect(second.message.hasPrefix("not found"))
    }

    @Test("ticket times in the data set are placed against now")
    func relativeTimes() throws {
        let data = try DataSet.load(from: .embeddedDemo, now: now)
        let ticket = try #require(data.tickets.first { $0.id == "T00070" })
        #expect(ticket.createdAt == now.addingTimeInterval(-400 * 60))
        #expect(ticket.stateSince == now.addingTimeInterval(-300 * 60))
        let category = data.categoriesByCode[ticket.categoryCode]
        #expect(ticket.dueAt(category: category) == now.addingTimeInterval(-60 * 60))
    }
}
