import Foundation
import Testing

@testable import DoorstepCanvas

@Suite("Themes")
struct ThemeTests {
    @Test("the four built-in themes parse and cover every role")
    func builtins() throws {
        #expect(Theme.builtinNames == ["default", "high-contrast", "light", "mono"])
        for name in Theme.builtinNames {
            let theme = try #require(try Theme.builtin(name))
            #expect(Set(theme.styles.keys) == Set(Role.allCases), "\(name)")
        }
        #expect(Theme.builtinDefault.style(for: .alarm) == RoleStyle(.indexed(1), bold: true))
        #expect(try Theme.builtin("light")?.style(for: .title) == RoleStyle(.rgb(0x00, 0x5F, 0x87), bold: true))
        #expect(try Theme.builtin("mono")?.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault } == true)
    }

    @Test("the embedded themes are the files in Themes/")
    func embeddedMatchFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Themes")
        for name in Theme.builtinNames {
            let file = try String(contentsOf: folder.appendingPathComponent("\(name).theme"), encoding: .utf8)
            #expect(BuiltinThemes.files[name]?.trimmingCharacters(in: .newlines) == file.trimmingCharacters(in: .newlines),
                    "\(name).theme differs from its embedded copy: run scripts/embed-themes.py")
        }
    }

    @Test("a theme needs only the roles it changes; unknown roles are ignored; comments and #RRGGBB both work")
    func forgiving() throws {
        let theme = try Theme.parse("""
            # my wall
            alarm = #ff0000 on 52 bold underline   # red on dark red
            sparkle = magenta
            ok = bright-green
            """, file: "mine.theme")
        #expect(theme.style(for: .alarm) == RoleStyle(.rgb(255, 0, 0), on: .indexed(52), bold: true, underline: true))
        #expect(theme.style(for: .ok) == RoleStyle(.indexed(10)))
        #expect(theme.style(for: .header) == Theme.builtinDefault.style(for: .header))
    }

    @Test("a malformed theme is refused, naming file, line and key")
    func malformed() {
        #expect(throws: ThemeError(file: "bad.theme", line: 3, key: "alarm", message: "'crimson' is not a colour (a name, 0–255 or #RRGGBB)")) {
            try Theme.parse("# bad\nok = green\nalarm = crimson\n", file: "bad.theme")
        }
        #expect(throws: ThemeError(file: "bad.theme", line: 1, key: "header", message: "`on` needs a background colour")) {
            try Theme.parse("header = white on", file: "bad.theme")
        }
        #expect(throws: ThemeError(file: "bad.theme", line: 2, key: "title", message: "'sparkly' is not `on COLOUR`, bold, dim, underline or reverse")) {
            try Theme.parse("\ntitle = cyan sparkly", file: "bad.theme")
        }
        #expect(throws: ThemeError.self) { try Theme.parse("just words", file: "bad.theme") }
        #expect(throws: ThemeError.self) { try Theme.parse("ok = 256", file: "bad.theme") }
        #expect(throws: ThemeError.self) { try Theme.parse("ok = #12345", file: "bad.theme") }
    }

    @Test("colour names, numbers and #RRGGBB")
    func colours() {
        #expect(ThemeColor(parsing: "Bright-Cyan") == .indexed(14))
        #expect(ThemeColor(parsing: "default") == .terminalDefault)
        #expect(ThemeColor(parsing: "255") == .indexed(255))
        #expect(ThemeColor(parsing: "#1E90ff") == .rgb(0x1E, 0x90, 0xFF))
        #expect(ThemeColor(parsing: "256") == nil)
        #expect(ThemeColor(parsing: "navy") == nil)
    }
}
