import ArgumentParser
import Foundation

/// A failure the user can act on: one line on standard error, then a non-zero exit.
struct Failure: Error {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Prints "doorstep: message" and returns the exit to throw.
    func report() -> ExitCode {
        FileHandle.standardError.write(Data("doorstep: \(message)\n".utf8))
        return ExitCode(exitCode)
    }
}

/// Runs `body`, turning a `Failure` (or any other error) into its one-line message.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        throw failure.report()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        throw Failure("\(error)").report()
    }
}
