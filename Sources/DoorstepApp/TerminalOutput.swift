import DoorstepCanvas
import Foundation

/// What a command writes, made safe for the stream it goes to: to a terminal, every line (and
/// every tab-separated field of it) is cleaned as the wall cleans stored text, so a title
/// holding an escape sequence cannot retitle, clear or recolour the operator's terminal; to a
/// pipe or a file the text goes exactly as stored, because scripts want the data (`ls` does
/// the same with the names it lists).
public enum TerminalOutput {
    /// `text` as it may be written to `descriptor`.
    public static func safe(_ text: String, for descriptor: Int32) -> String {
        isatty(descriptor) == 1 ? cleaned(text) : text
    }

    /// `text` with each line and tab-separated field cleaned; the newlines and tabs kept.
    public static func cleaned(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { Sanitizer.clean(String($0)) }.joined(separator: "\t")
        }.joined(separator: "\n")
    }
}
