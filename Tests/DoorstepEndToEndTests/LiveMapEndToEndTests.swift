import Foundation
import Testing

/// 三活 · a grid's live map on the real binary: opened from the grid's page, its households read
/// from the store, walked with the arrow keys down to a household.
@Suite("Live map end to end", .serialized)
struct LiveMapEndToEndTests {
    let binary = doorstepBinary()

    @Test("m on a grid's page opens its live map from the store; ↓ and → walk to a household, Enter opens it")
    func liveMap() throws {
        let tmux = try Tmux(width: 200, height: 60, command: "\(shellQuoted(binary)) demo --lang zh --rate 1; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait { $0.contains("江滨一网格") }.ok, "the wall did not come up")
        tmux.send("Enter")
        #expect(tmux.wait { $0.contains("m 活地图") }.ok, "no live-map key on the grid's page")
        tmux.send("m")
        // (its households come from the store after the map opens: waited for too)
        let map = tmux.wait { $0.contains("三活 · 网格活地图 · 江滨一网格 JB01") && $0.contains("楼栋长") && $0.contains("H00001") }
        #expect(map.ok, "the live map did not open:\n\(map.screen)")
        #expect(map.screen.contains("江滨新村1栋") && map.screen.contains("住户 ") && map.screen.contains("H00001"))
        tmux.send("Down")
        tmux.send("Right")
        let moved = tmux.wait { $0.contains("江滨新村2栋") && !$0.contains("H00001 ") }
        #expect(moved.ok, "the selection did not move:\n\(moved.screen)")
        tmux.send("Enter")
        #expect(tmux.wait { $0.contains("户主") && $0.contains("JB01-B02") }.ok, "Enter did not open the household")
        tmux.resize(width: 80, height: 24)
        tmux.send("Escape")
        #expect(tmux.wait { $0.contains("三活 · 网格活地图") && $0.split(separator: "\n").allSatisfy { $0.count <= 80 } }.ok)
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }
}
