import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with posix_spawn (Foundation.Process is unreliable here, and hangs with
/// tmux), signals unblocked and at their defaults, standard input from /dev/null, output and
/// errors captured together. The notifier runs its command through it; so do the end-to-end tests.
public enum Subprocess {
    private static let spawnLock = Mutex(())

    /// What a finished program left: its exit status (128 + the signal that ended it) and what it wrote.
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Runs `arguments` (the program found on PATH when not a path), stops it after `timeout`
    /// seconds, and keeps at most `outputLimit` bytes of what it wrote.
    public static func run(
        _ arguments: [String], environment: [String: String], timeout: TimeInterval, outputLimit: Int = 65_536
    ) throws -> Result {
        guard let program = arguments.first else { throw Failure(description: "no program to run") }
        var fds: [Int32] = [0, 0]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = defaultSignals()
        defer { posix_spawnattr_destroy(&attributes) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        // The pipe is made close-on-exec, and made and handed over under one lock with every
        // other spawn of this process: a program another thread starts meanwhile (a tmux server,
        // a wall that runs for minutes) must not inherit the write end, or the read below waits
        // for that program to end instead of this one (the end-to-end suites, which run in
        // parallel, hung on it). The child's own copies (dup2) are not close-on-exec.
        let spawned: Int32 = spawnLock.withLock { _ in
            guard pipe(&fds) == 0 else { return -1 }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
            let spawned = posix_spawnp(&pid, program, &actions, &attributes, &argv, &envp)
            close(fds[1])
            return spawned
        }
        guard spawned >= 0 else { throw Failure(description: "cannot make a pipe") }
        guard spawned == 0 else {
            close(fds[0])
            throw Failure(description: "cannot run \(program): error \(spawned)")
        }
        // a monotonic deadline: a wall clock set back must not stretch it
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var timedOut = false
        while true {
            var descriptor = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            let remaining = (deadline - ContinuousClock.now).components
            let left = Int32(clamping: max(0, remaining.seconds * 1000 + remaining.attoseconds / 1_000_000_000_000_000))
            if left == 0 {
                timedOut = true
                break
            }
            let ready = poll(&descriptor, 1, min(left, 200))
            if ready < 0, errno != EINTR { break }
            if ready <= 0 { continue }
            let n = read(fds[0], &buffer, buffer.count)
            if n > 0 {
                if output.count < outputLimit { output.append(contentsOf: buffer[0..<n]) }
            } else if n == 0 || errno != EINTR {
                break
            }
        }
        close(fds[0])
        if timedOut { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        if timedOut { throw Failure(description: "\(program) took longer than \(Int(timeout)) s and was stopped") }
        let signal = status & 0x7f
        return Result(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, output: String(decoding: output, as: UTF8.self))
    }

    /// Starts `arguments` (a path) and leaves it running, standard input from /dev/null, its
    /// output and errors to `log` (made readable by the owner only); returns its process id.
    /// It stays in this process's group, so a hang-up that ends the caller's session ends it too.
    public static func start(_ arguments: [String], log: URL) throws -> pid_t {
        guard let program = arguments.first else { throw Failure(description: "no program to run") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = defaultSignals()
        defer { posix_spawnattr_destroy(&attributes) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let result = spawnLock.withLock { _ in posix_spawn(&pid, program, &actions, &attributes, &argv, environ) }
        guard result == 0 else { throw Failure(description: "cannot run \(program): \(String(cString: strerror(result)))") }
        return pid
    }

    /// Spawn attributes with every signal unblocked and at its default (destroy them after use).
    private static func defaultSignals() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return attributes
    }
}
