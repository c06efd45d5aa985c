import ArgumentParser
import DoorstepDomain
import DoorstepScreen
import DoorstepSeeds
import Foundation

/// Options shared by the commands that show the wall.
struct WallOptions: ParsableArguments {
    @Option(name: .customLong("from"), help: "A data-set folder of CSV files (default: the embedded demo street).")
    var from: String?

    @Option(help: "Language of the screen's words: zh or en (default: from LC_ALL/LANG).")
    var lang: String?

    func language() throws -> Language {
        guard let lang else { return Language.fromEnvironment(ProcessInfo.processInfo.environment) }
        guard let language = Language(rawValue: lang.lowercased()) else {
            throw Failure("--lang: '\(lang)' is not one of zh, en", exitCode: ExitStatus.usage)
        }
        return language
    }

    func loadData(now: Date) throws -> StreetData {
        try Self.loadData(from: from, now: now)
    }

    /// The data set in folder `from` (the embedded demo when nil), placed against `now`.
    static func loadData(from: String?, now: Date) throws -> StreetData {
        let source: DataSetSource = from.map { .directory($0) } ?? .embeddedDemo
        do {
            return try DataSet.load(from: source, now: now)
        } catch let error as SeedError {
            throw Failure("data set: \(error)", exitCode: ExitStatus.dataError)
        }
    }
}

/// The local calendar the wall uses for duty hours and "today".
func localCalendar() -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    return calendar
}
