import ArgumentParser
import DoorstepDomain
import DoorstepEngine
import Foundation

/// `doorstep simulate`: realistic activity against a database, for demos and load.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make realistic activity (orders, dispatches, accepts, resolutions, ratings, visits, duty changes, calls, acks).")

    @OptionGroup var store: StoreOptions
    @Option(help: "Changes per minute.") var rate: Double = 60
    @Option(help: "Seed: the same seed over the same data makes the same choices.") var seed: UInt64 = 1
    @Option(help: "Seconds to run.") var duration: Double = 60
    @Flag(help: "Print each change.") var verbose = false

    func run() throws {
        try reportingFailures {
            guard rate > 0, duration >= 0 else { throw Failure("--rate must be above 0 and --duration not negative", exitCode: ExitStatus.usage) }
            let database = try store.open()
            let simulator = try storeCall { try Simulator(store: database, clock: SystemClock(), seed: seed) }
            let steps = Int((rate * duration / 60).rounded())
            let gap = 60 / rate
            let stopwatch = Stopwatch()
            var made = 0
            for n in 0..<steps {
                let wait = Double(n) * gap - stopwatch.seconds
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                if let what = try storeCall({ try simulator.step() }) {
                    made += 1
                    if verbose { print(what) }
                }
            }
            print("simulated \(made) changes in \(steps) steps over \(String(format: "%.1f", stopwatch.seconds)) s")
        }
    }
}
