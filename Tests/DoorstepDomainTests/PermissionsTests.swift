import DoorstepDomain
import Testing

/// Who may do what, and where (`Permissions`): each role's kinds of action, and the scope
/// every grid an action lands in must be inside.
@Suite("Operator permissions")
struct PermissionsTests {
    let communities = ["JB01": "JB", "JB02": "JB", "BG01": "BG"]
    func refusal(_ action: OperatorAction, _ op: Operator) -> String? {
        Permissions.refusal(action, by: op, communityOfGrid: { communities[$0] })
    }

    let street = Operator(id: "duty", name: "值班", role: .streetDuty, scope: .street)
    let dispatcher = Operator(id: "jb-dispatch", name: "张", role: .communityDispatcher, scope: .community("JB"))
    let station = Operator(id: "jb-social", name: "社工站", role: .socialWorkStation, scope: .community("JB"))
    let worker = Operator(id: "jb01-worker", name: "陶", role: .gridWorker, scope: .grid("JB01"))
    let viewer = Operator(id: "lobby", name: "大屏", role: .viewer, scope: .street)

    @Test("the street's duty operator may do anything anywhere")
    func streetDuty() {
        for action: OperatorAction in [.importData, .manageOperators, .ticket(.cancel(reason: "x"), grid: "BG01"), .calls(grid: nil), .reveal(grid: nil)] {
            #expect(refusal(action, street) == nil)
        }
    }

    @Test("a dispatcher acts in its community; a dispatch's target must be there too")
    func dispatcherScope() {
        #expect(refusal(.ticket(.dispatch(gridCode: "JB02", assigneeID: nil), grid: "JB01"), dispatcher) == nil)
        #expect(refusal(.ticket(.dispatch(gridCode: "BG01", assigneeID: nil), grid: "JB01"), dispatcher)
                == "jb-dispatch (community dispatcher of JB) may not dispatch in grid BG01: outside community JB")
        #expect(refusal(.order(grid: "BG01"), dispatcher) != nil)
        #expect(refusal(.order(grid: "ZZ99"), dispatcher) != nil)  // a grid nobody holds is in no community
        #expect(refusal(.importData, dispatcher) == "jb-dispatch (community dispatcher) may not import data")
        #expect(refusal(.duty(grid: nil, community: "JB"), dispatcher) == nil)  // the community's own staff without a grid
        #expect(refusal(.duty(grid: nil, community: "BG"), dispatcher) != nil)
        #expect(refusal(.calls(grid: nil), dispatcher) != nil)
    }

    @Test("a grid worker accepts, resolves and escalates in its grid; never dispatches, cancels or calls")
    func gridWorker() {
        for move: TicketAction in [.accept(staffID: "S1"), .resolve(staffID: "S1", note: "x"), .escalate] {
            #expect(refusal(.ticket(move, grid: "JB01"), worker) == nil)
            #expect(refusal(.ticket(move, grid: "JB02"), worker) == "jb01-worker (grid worker of JB01) may not \(move.verb) in grid JB02: outside grid JB01")
        }
        for move: TicketAction in [.dispatch(gridCode: "JB01", assigneeID: nil), .cancel(reason: "x"), .rate(score: 5)] {
            #expect(refusal(.ticket(move, grid: "JB01"), worker) == "jb01-worker (grid worker) may not \(move.verb)")
        }
        #expect(refusal(.calls(grid: "JB01"), worker) != nil)
        #expect(refusal(.answerCall(grid: "JB01"), worker) == nil)
        #expect(refusal(.careManagement(grid: "JB01"), worker) != nil)
        #expect(refusal(.careWork(grid: "JB01"), worker) == nil)
    }

    @Test("a social work station manages care and works tickets in its community, but does not dispatch")
    func station_() {
        #expect(refusal(.careManagement(grid: "JB02"), station) == nil)
        #expect(refusal(.ticket(.accept(staffID: "S1"), grid: "JB02"), station) == nil)
        #expect(refusal(.ticket(.dispatch(gridCode: "JB02", assigneeID: nil), grid: "JB02"), station) != nil)
        #expect(refusal(.careWork(grid: "BG01"), station) != nil)
    }

    @Test("a viewer changes nothing and sees no resident's details")
    func viewerNothing() {
        for action: OperatorAction in [.order(grid: "JB01"), .reveal(grid: "JB01"), .answerCall(grid: "JB01"), .duty(grid: "JB01", community: "JB")] {
            #expect(refusal(action, viewer)?.hasPrefix("lobby (viewer) may not") == true)
        }
    }

    @Test("each role holds only the scopes it works in")
    func scopes() {
        #expect(Operator(id: "a", name: "A", role: .gridWorker, scope: .community("JB")).scopeProblem == "a grid worker cannot work for community JB")
        #expect(Operator(id: "a", name: "A", role: .streetDuty, scope: .grid("JB01")).scopeProblem != nil)
        #expect(Operator(id: "a", name: "A", role: .viewer, scope: .community("JB")).scopeProblem == nil)
        #expect(OperatorScope(role: .gridWorker, code: "JB01") == .grid("JB01"))
        #expect(OperatorScope(role: .communityDispatcher, code: "JB") == .community("JB"))
        #expect(OperatorScope(role: .viewer, code: "street") == .street)
    }
}
