import Foundation

/// Where a data set's CSV files come from: the demo street embedded in the binary, or a
/// folder of files exported from a spreadsheet (such as `seeds/demo`).
public enum DataSetSource: Sendable, CustomStringConvertible {
    case embeddedDemo
    case directory(String)

    /// The bytes of one file of the set.
    func data(_ file: String) throws -> Data {
        switch self {
        case .embeddedDemo:
            guard let text = DemoSeed.files[file] else {
                throw SeedError(file: "(embedded demo)/\(file)", "is missing from the embedded demo")
            }
            return Data((text + "\n").utf8)
        case .directory(let path):
            let url = URL(fileURLWithPath: path).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw SeedError(file: url.path, "not found (a data set needs \(DataSet.files.joined(separator: ", ")))")
            }
            do {
                return try Data(contentsOf: url)
            } catch {
                throw SeedError(file: url.path, "cannot be read: \(error.localizedDescription)")
            }
        }
    }

    /// True when the set has `file`.
    func has(_ file: String) -> Bool {
        switch self {
        case .embeddedDemo: return DemoSeed.files[file] != nil
        case .directory(let path): return FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).appendingPathComponent(file).path)
        }
    }

    /// The name to show for a file of this source.
    func name(_ file: String) -> String {
        switch self {
        case .embeddedDemo: return "(embedded demo)/\(file)"
        case .directory(let path): return URL(fileURLWithPath: path).appendingPathComponent(file).path
        }
    }

    public var description: String {
        switch self {
        case .embeddedDemo: return "the embedded demo street"
        case .directory(let path): return path
        }
    }
}
