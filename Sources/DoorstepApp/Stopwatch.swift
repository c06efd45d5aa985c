/// Elapsed time from the monotonic clock, for figures and pacing: never the wall clock, so a
/// clock set back or forward (NTP, faketime) does not bend a measurement.
public struct Stopwatch {
    private let start = ContinuousClock.now

    public init() {}

    /// Seconds since the stopwatch started.
    public var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    public var milliseconds: Double { seconds * 1000 }
}
