import DoorstepDomain
import DoorstepSeeds
import Foundation

/// Data sets as the commands take them: a folder of CSV files, or the embedded demo street.
public enum DataSets {
    /// The data set in folder `folder` (the embedded demo when nil), placed against `now`; a bad
    /// file is refused with its name and line.
    public static func load(from folder: String?, now: Date) throws -> CentreData {
        let source: DataSetSource = folder.map { .directory($0) } ?? .embeddedDemo
        do {
            return try DataSet.load(from: source, now: now)
        } catch let error as SeedError {
            throw Failure("data set: \(error)", exitCode: ExitStatus.dataError)
        }
    }
}
