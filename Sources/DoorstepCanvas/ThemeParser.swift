/// A theme file that cannot be used, named with its line and key so it can be fixed.
public struct ThemeError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var key: String
    public var message: String

    public var description: String { "\(file):\(line): \(key): \(message)" }
}

extension Theme {
    /// Reads a theme file: lines of `role = FOREGROUND [on BACKGROUND] [bold] [dim]
    /// [underline] [reverse]`, `#` comments, blank lines. Colours are `default`, a name
    /// (`red`, `bright-cyan` …), a number 0–255 or `#RRGGBB`. Roles not given keep `base`'s
    /// style; unknown roles are ignored.
    public static func parse(_ text: String, file: String, base: Theme = .builtinDefault) throws -> Theme {
        var theme = base
        theme.name = file
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let trimmed = stripComment(Substring(raw)).trimmed
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw ThemeError(file: file, line: line, key: trimmed, message: "expected `role = colour`")
            }
            let key = trimmed[..<equals].trimmed
            let value = trimmed[trimmed.index(after: equals)...].trimmed
            guard let role = Role(rawValue: key) else { continue }  // a role this version does not know
            theme.styles[role] = try parseStyle(value, file: file, line: line, key: key)
        }
        return theme
    }

    /// The line without its comment: a `#` at the start or after a space, unless it begins a
    /// `#RRGGBB` colour.
    private static func stripComment(_ line: Substring) -> Substring {
        var index = line.startIndex
        while let hash = line[index...].firstIndex(of: "#") {
            let atWordStart = hash == line.startIndex || line[line.index(before: hash)].isWhitespace
            let rest = line[line.index(after: hash)...]
            let colour = rest.prefix(6).count == 6 && rest.prefix(6).allSatisfy(\.isHexDigit)
                && (rest.count == 6 || rest.dropFirst(6).first?.isWhitespace == true)
            if atWordStart, !colour { return line[..<hash] }
            index = line.index(after: hash)
        }
        return line
    }

    static func parseStyle(_ value: String, file: String, line: Int, key: String) throws -> RoleStyle {
        var words = value.split(separator: " ").map { String($0) }
        guard let first = words.first else { throw ThemeError(file: file, line: line, key: key, message: "no colour given") }
        guard let foreground = ThemeColor(parsing: first) else {
            throw ThemeError(file: file, line: line, key: key, message: "'\(first)' is not a colour (a name, 0–255 or #RRGGBB)")
        }
        words.removeFirst()
        var style = RoleStyle(foreground)
        while let word = words.first {
            words.removeFirst()
            switch word.lowercased() {
            case "on":
                guard let name = words.first else { throw ThemeError(file: file, line: line, key: key, message: "`on` needs a background colour") }
                guard let background = ThemeColor(parsing: name) else {
                    throw ThemeError(file: file, line: line, key: key, message: "'\(name)' is not a colour (a name, 0–255 or #RRGGBB)")
                }
                style.background = background
                words.removeFirst()
            case "bold": style.bold = true
            case "dim": style.dim = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            default:
                throw ThemeError(file: file, line: line, key: key, message: "'\(word)' is not `on COLOUR`, bold, dim, underline or reverse")
            }
        }
        return style
    }

    /// The built-in theme called `name` (default, light, high-contrast, mono).
    public static func builtin(_ name: String) throws -> Theme? {
        guard let text = BuiltinThemes.files[name] else { return nil }
        return try parse(text, file: "Themes/\(name).theme", base: name == "default" ? Theme(name: "", styles: [:]) : .builtinDefault)
    }

    /// The names of the built-in themes.
    public static var builtinNames: [String] { BuiltinThemes.files.keys.sorted() }

    /// The default dark wall theme (from `Themes/default.theme`; a test checks it parses).
    public static let builtinDefault: Theme = {
        guard let text = BuiltinThemes.files["default"], let theme = try? parse(text, file: "default", base: Theme(name: "", styles: [:])) else {
            return Theme(name: "default", styles: [:])
        }
        return theme
    }()
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (the canvas kit does without Foundation).
    var trimmed: String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
