import DoorstepApp
import Foundation

/// Prints a command's output: cleaned of escapes and controls when it goes to a terminal,
/// exactly as stored when it goes to a pipe or a file (`TerminalOutput`).
func say(_ value: Any) {
    print(TerminalOutput.safe("\(value)", for: STDOUT_FILENO))
}

/// Writes one line to the standard error, cleaned when that is a terminal.
func complain(_ line: String) {
    FileHandle.standardError.write(Data((TerminalOutput.safe(line, for: STDERR_FILENO) + "\n").utf8))
}
