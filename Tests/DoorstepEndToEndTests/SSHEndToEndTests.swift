import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Debian's OpenSSH server (`.ci/run` installs it).
let sshdPath = "/usr/sbin/sshd"

/// Reaching a terminal from another office the standard way: OpenSSH with an
/// `authorized_keys` entry whose `command=` opens that key's operator's wall and nothing else.
/// A real sshd from Debian on 127.0.0.1 (a free port, a throwaway host key, a temporary
/// folder), `ssh -tt` inside tmux, the scoped wall checked, and no process left behind when the
/// connection drops.
@Suite("Scoped walls over SSH end to end", .serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: sshdPath)))
struct SSHEndToEndTests {
    let binary = doorstepBinary()

    /// A loopback sshd on a free port that lets in one key per operator, each forced to its wall.
    final class Server {
        let folder: URL
        let port: Int
        let pidFile: String

        init(folder: URL, keys: [(key: String, command: String)]) throws {
            self.folder = folder
            port = try Self.freePort()
            pidFile = folder.appendingPathComponent("sshd.pid").path
            let hostKey = folder.appendingPathComponent("host_key").path
            let made = try spawn(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey])
            guard made.status == 0 else { throw Failed("ssh-keygen: \(made.output)") }
            // each key opens its operator's wall and nothing else (no forwarding, no agent)
            let authorized = keys.map { "command=\"\($0.command)\",no-port-forwarding,no-agent-forwarding,no-X11-forwarding \($0.key)" }
            let authorizedFile = folder.appendingPathComponent("authorized_keys").path
            try (authorized.joined(separator: "\n") + "\n").write(toFile: authorizedFile, atomically: true, encoding: .utf8)
            let config = """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(hostKey)
                PidFile \(pidFile)
                AuthorizedKeysFile \(authorizedFile)
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                PermitRootLogin prohibit-password
                StrictModes no
                UsePAM no
                PrintMotd no
                SetEnv LANG=C.UTF-8
                """
            let configFile = folder.appendingPathComponent("sshd_config").path
            try config.write(toFile: configFile, atomically: true, encoding: .utf8)
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            // without -D it forks into the background once it listens; stopped by its pid file
            let started = try spawn([sshdPath, "-f", configFile, "-E", folder.appendingPathComponent("sshd.log").path])
            guard started.status == 0 else { throw Failed("sshd did not start: \(started.output)") }
        }

        func stop() {
            if let pid = try? String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), let n = Int32(pid) {
                kill(n, SIGTERM)
            }
        }

        /// A port nobody listens on now, chosen by the kernel.
        static func freePort() throws -> Int {
            let found = try spawn(["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
            guard let port = Int(found.output.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw Failed("no free port: \(found.output)") }
            return port
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A fresh key pair; returns the private key's path and the public key's line.
    func keyPair(_ name: String, in folder: URL) throws -> (path: String, line: String) {
        let path = folder.appendingPathComponent(name).path
        let made = try spawn(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path])
        guard made.status == 0 else { throw Failed("ssh-keygen: \(made.output)") }
        return (path, try String(contentsOfFile: path + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The ssh command line for `key` (with a terminal, or `-T` without one).
    func ssh(_ key: String, port: Int, terminal: Bool = true) -> String {
        "ssh \(terminal ? "-tt" : "-T") -i \(shellQuoted(key)) -p \(port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "
            + "-o LogLevel=ERROR -o BatchMode=yes \(NSUserName())@127.0.0.1"
    }

    @Test("each key opens its operator's wall; the community's desk refuses what is not its own; a dropped connection leaves nothing running")
    func scopedWallOverSSH() throws {
        let (folder, db) = try demoDatabase("ssh", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dispatcher = try keyPair("jb-dispatch", in: folder)
        let lobby = try keyPair("lobby", in: folder)
        func wall(_ op: String) -> String { "\(binary) wall --db \(db) --as \(op) --lang zh --refresh 0.5" }
        let server = try Server(folder: folder, keys: [(dispatcher.line, wall("jb-dispatch")), (lobby.line, wall("lobby"))])
        defer { server.stop() }

        let office = try Tmux(width: 200, height: 60, command: ssh(dispatcher.path, port: server.port) + "; echo \"ssh-exit=$?\"; sleep 600")
        let screen = office.wait(for: 60) { $0.contains("社区端 · 江滨社区 · 派单 张鹏超") }
        #expect(screen.ok, "no community desk over ssh:\n\(screen.screen)")
        #expect(!screen.screen.contains("北固一网格"))
        // whatever the client asks to run, the key runs its wall (the forced command)
        // (without a terminal the wall says so and leaves)
        let forced = try spawn(["bash", "-c", ssh(lobby.path, port: server.port, terminal: false) + " doorstep operator list"])
        #expect(!forced.output.contains("community_dispatcher"), "a forced-command key ran another command:\n\(forced.output)")
        #expect(forced.status != 0 && forced.output.contains("terminal"), "\(forced.status): \(forced.output)")

        // the community's desk sends only within its community: the picker never leaves JB
        office.send("Tab", "Tab", "d")
        #expect(office.wait { $0.contains("派单 T") }.ok)
        for _ in 0..<10 { office.send("Right") }
        let picker = office.capture()
        #expect(picker.contains("江滨") && !picker.contains("◀ 北固"), "the picker left the community:\n\(picker)")
        office.send("Escape")

        // the connection drops: the wall goes with it, no process left behind
        let marker = "--db \(db) --as jb-dispatch"
        #expect(wallRunning(marker))
        _ = try? spawn(["pkill", "-f", "ssh -tt -i \(dispatcher.path)"])
        let end = Date().addingTimeInterval(30)
        while wallRunning(marker), Date() < end { usleep(200_000) }
        #expect(!wallRunning(marker), "the wall outlived its connection")
        #expect(office.wait { $0.contains("ssh-exit=") }.ok)
    }

    /// Whether a `doorstep wall` with these arguments still runs.
    func wallRunning(_ marker: String) -> Bool {
        ((try? spawn(["pgrep", "-f", "doorstep wall \(marker)"]))?.status ?? 1) == 0
    }
}
