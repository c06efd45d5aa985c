import DoorstepCanvas
import DoorstepDomain
import Foundation

/// The panes the operator can move between with Tab and Shift-Tab.
public enum Pane: Int, CaseIterable, Sendable {
    case grids, staff, tickets, events
}

/// Calls the operator has asked for, waiting out the 3-second grace during which Esc cancels.
public struct PendingCall: Equatable, Sendable {
    public var staffIDs: [String]
    public var gridCode: String?
    /// Who is being called, in words ("陶敏 · 双全社工" or "江滨一网格 1+1+2+N").
    public var label: String
    public var sendAt: Date
}

/// Everything the wall screen shows, and the operator's place in it. Changed only by
/// `update(_:)`; drawn only by `WallView.render(_:)`.
public struct WallState: Sendable {
    public var overview: Overview { didSet { refreshScopedTickets() } }
    /// The attention cues (bell, flash, alert command) are off until then (`M`).
    public var mutedUntil: Date?
    /// How long `M` mutes the cues (`--mute-minutes`).
    public var muteFor: TimeInterval = 15 * 60
    /// Operators' names by id, for the ticker (an operator's id is who an event names).
    public var operatorNames: [String: String] = [:]
    /// Each operator who can take a desk, by id: the desk's scope code (交接班's choices).
    public var operatorDesks: [String: String] = [:]
    /// A narrower view of the desk's scope while an unattended wall turns (nil: the desk's own).
    public var viewScope: OperatorScope? { didSet { if viewScope != oldValue { refreshScopedTickets() } } }
    /// The unattended wall's turning (`--cycle`), if on.
    public var cycle: Cycle?
    /// Who the wall serves and what part of the territory it shows.
    public var desk: Desk = .street {
        didSet {
            guard desk != oldValue else { return }
            refreshScopedTickets()
            // the highlighted grid is one of the desk's
            if !onDesk(gridIndex: selectedGrid), let first = gridGroups.lazy.flatMap(\.members).first {
                selectedGrid = first
                staffCursor = 0
            }
        }
    }
    public var language: Language
    /// The wall clock shown in the header (ticks every second, independently of the data).
    public var now: Date
    public var timeZone: TimeZone
    public var size: Size
    /// Index of the highlighted tile in `overview.grids`.
    public var selectedGrid: Int
    /// Above a street: the highlighted street (index in `overview.streets`), and the one
    /// drilled into (nil: all streets are shown as tiles).
    public var selectedStreet: Int
    public var streetScope: Int? { didSet { if streetScope != oldValue { refreshScopedTickets() } } }
    /// Inside a street or on a community's or grid's desk: the rows of `overview.openTickets`
    /// in its grids, the desk's queue first (nil: every ticket).
    public internal(set) var scopedTickets: [Int]?
    /// Set while the engine cannot read the store: since when the data is old.
    public var staleSince: Date?
    /// Why, when the store could tell (shown beside it).
    public var staleFault: StorageFault?
    /// The line calls go out on, when it is in trouble (SIP): shown in the header.
    public var phoneLine: PhoneLine?
    /// The latest changes, newest first (the event ticker).
    public var events: [ChangeEvent]
    /// The glyph set the terminal can take (narrow or wide ambiguous characters).
    public var glyphs: Glyphs
    /// The sequence of the event at the top of the ticker's page (see `TickerPage`).
    public internal(set) var tickerTop: Int64?
    /// The pane the arrow keys move in.
    public var focus: Pane
    /// Cursor rows in the list panes.
    public var staffCursor: Int
    public var ticketCursor: Int
    public var eventCursor: Int
    /// The `?` overlay.
    public var showHelp: Bool
    /// A call counting down before it is sent.
    public var pendingCall: PendingCall?
    /// A one-line message for the operator (a call sent, a conflict with another terminal).
    public var notice: Notice?
    /// The dispatch picker, while open.
    public var picker: DispatchPicker?
    /// The cancel reason being typed.
    public var reasonInput: ReasonInput?
    /// A handover being written on its page.
    public var handoverForm: HandoverForm?
    /// 回放: set on a wall that replays the event log (`doorstep replay`).
    public var replay: ReplayStatus?
    /// The call-in picker, while open.
    public var callInPicker: CallInPicker?
    /// The drill-down, top page last (empty: the wall itself).
    public var details: [DetailPage]
    public var detailSection: GridSection
    public var detailCursor: Int
    /// Ticket histories loaded for the ticket pages.
    public var histories: [String: [TicketHistoryEntry]]
    /// Every household of the grids whose live map was opened, loaded from the store.
    public var mapHouseholds: [String: [Household]] = [:]
    /// Tickets and households whose residents' details an operator revealed (recorded).
    public var revealed: Set<String>
    /// The `/` filter on grids by name, code or pinyin initials ("" for none), and whether
    /// it is being typed.
    public var filter: String
    public var filterEditing: Bool

    /// A message shown in the footer until `until`.
    public struct Notice: Equatable, Sendable {
        public var message: OperatorNotice
        public var until: Date
        public var isProblem: Bool { message.isProblem }
    }

    /// Seconds Esc has to cancel a call before it is sent.
    public static let callGrace: TimeInterval = 3

    public init(overview: Overview, language: Language, now: Date, timeZone: TimeZone, size: Size) {
        self.overview = overview
        self.language = language
        self.now = now
        self.timeZone = timeZone
        self.size = size
        self.selectedGrid = 0
        self.selectedStreet = 0
        self.streetScope = nil
        self.staleSince = nil
        self.events = []
        self.glyphs = .narrow
        self.tickerTop = nil
        self.focus = .grids
        self.staffCursor = 0
        self.ticketCursor = 0
        self.eventCursor = 0
        self.showHelp = false
        self.pendingCall = nil
        self.notice = nil
        self.picker = nil
        self.reasonInput = nil
        self.callInPicker = nil
        self.details = []
        self.detailSection = .roster
        self.detailCursor = 0
        self.histories = [:]
        self.revealed = []
        self.filter = ""
        self.filterEditing = false
        self.scopedTickets = nil
    }

    /// The grids the filter lets through (nil: no filter).
    public var visibleGrids: Set<Int>? {
        guard !filter.isEmpty else { return nil }
        let communityNames = Dictionary(overview.communities.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Set(overview.grids.indices.filter { index in
            let grid = overview.grids[index].grid
            return Pinyin.matches(filter, name: grid.name, code: grid.code)
                || Pinyin.matches(filter, name: communityNames[grid.communityCode] ?? "", code: grid.communityCode)
        })
    }

    public var strings: UIStrings { language.strings }

    public var selectedSummary: Overview.GridSummary? {
        overview.grids.indices.contains(selectedGrid) ? overview.grids[selectedGrid] : nil
    }

    /// The selected grid's people as the overview holds them (unsorted): what the staff pane
    /// shows, and all a count or a comparison needs.
    public var selectedGridStaff: [Staff] {
        guard let code = selectedSummary?.grid.code else { return [] }
        return overview.staffByGrid[code] ?? []
    }

    /// The latest call to each of the selected grid's people (nil for one not called), in
    /// `selectedGridStaff`'s order: what the staff pane shows of the street's calls.
    var selectedGridCalls: [Overview.CallSummary?] { selectedGridStaff.map { overview.latestCall(to: $0.id) } }

    /// The staff pane's rows: the selected grid's people, 1+1+2+N first.
    public var staffRows: [Staff] { Self.inRoleOrder(selectedGridStaff) }

    /// A grid's people in the order the wall lists them: 1+1+2+N first, then by id.
    static func inRoleOrder(_ people: [Staff]) -> [Staff] {
        people.sorted { a, b in
            let (ra, rb) = (rank(a.role), rank(b.role))
            return ra != rb ? ra < rb : a.id < b.id
        }
    }

    /// Where a role's people stand in the staff pane: 1+1+2+N first.
    static func rank(_ role: StaffRole) -> Int {
        switch role {
        case .allRoundSocialWorker: 0
        case .professionalSocialWorker: 1
        case .partyCentralHousehold: 2
        case .volunteer: 3
        case .fullTimeGridWorker: 4
        case .microGridChief: 5
        case .buildingChief: 6
        case .communityDispatcher, .streetOperator: 7  // (not a grid's own: last, as before)
        }
    }

    public var selectedStaff: Staff? {
        let rows = staffRows
        return rows.indices.contains(staffCursor) ? rows[staffCursor] : nil
    }

    public var selectedTicket: Overview.OpenTicket? { ticket(atRow: ticketCursor) }
}

/// What can happen to the wall: a key, a resize, a clock tick, fresh data, an outcome.
public enum WallMessage: Sendable {
    case key(Key)
    case resize(Size)
    case tick(Date)
    case overview(Overview)
    /// The latest changes, newest first.
    case events([ChangeEvent])
    /// The engine could not read the store since this time (nil: it can again), and why, when
    /// the store could tell.
    case stale(Date?, StorageFault? = nil)
    /// How something the wall asked for turned out.
    case outcome(OperatorNotice)
    /// The line calls go out on is in trouble (nil: it is well again).
    case phoneLine(PhoneLine?)
    /// A ticket's history, loaded from the store.
    case history(ticketID: String, [TicketHistoryEntry])
    /// The reveal of a resident's details was recorded: show them.
    case revealed(subject: String)
    /// Every household of a grid, loaded from the store for its live map.
    case households(gridCode: String, [Household])
}

/// What the wall asks its runner to do after an update.
public enum WallEffect: Equatable, Sendable {
    case quit
    /// Paint the whole screen again from nothing (Ctrl-L: the terminal was written over).
    case repaint
    /// Place these calls now (the grace period is over).
    case placeCalls(staffIDs: [String], gridCode: String?)
    /// Move a ticket (dispatch, escalate, cancel) through the store.
    case act(ticketID: String, action: TicketAction)
    /// Read a ticket's history for its page.
    case loadHistory(ticketID: String)
    /// Record that the operator reveals a resident's details, then show them.
    case reveal(subject: String)
    /// Read every household of a grid for its live map.
    case loadHouseholds(gridCode: String)
    /// Call outside parties in on a ticket (联动).
    case callIn(ticketID: String, responderIDs: [String])
    /// Take (认领) these alarms.
    case acknowledgeAlarms([String])
    /// Answer (or decline) a ringing call from this desk (the `ack`).
    case answerCall(callID: String, staffID: String, accept: Bool)
    /// 交接班: hand the desk to operator `to`, with a note (and what it inherits now).
    case handover(to: String, note: String)
    /// 回放: pause, step, jump or change the replay's speed (a replay's wall only).
    case replay(ReplayCommand)

    /// True for the effects that write to the store (a replay refuses them).
    public var writes: Bool {
        switch self {
        case .quit, .repaint, .loadHistory, .loadHouseholds, .replay: return false
        case .placeCalls, .act, .reveal, .callIn, .acknowledgeAlarms, .answerCall, .handover: return true
        }
    }
}
