/// A whole street's data set in memory: territory, people, categories and tickets.
///
/// Arrays keep the order of the data set (communities and grids are shown in that order).
public struct CentreData: Hashable, Sendable {
    public var centre: Centre
    /// The streets under a district or city centre (empty for a single street).
    public var streets: [Street]
    public var communities: [Community]
    public var grids: [Grid]
    public var microGrids: [MicroGrid]
    public var buildings: [Building]
    public var households: [Household]
    public var staff: [Staff]
    public var categories: [TicketCategory]
    /// Tickets in full: every open one (a store's working set leaves closed ones out).
    public var tickets: [Ticket]
    /// What closed tickets add to the figures (resolved today, accept time, satisfaction),
    /// for those not in `tickets` (a store loads recent closed tickets this way, not in full).
    public var outcomes: [TicketOutcome]
    public var hazards: [Hazard]
    /// Must-visits logged (the wall counts this calendar month's).
    public var visits: [Visit]
    public var calls: [Call]
    /// The Party chain and functional organisations, and their members (both empty for a data
    /// set that has none: the wall then shows no Party section and judges no branch).
    public var partyOrganisations: [PartyOrganisation]
    public var partyMembers: [PartyMember]
    /// The Party-and-people service network's places (empty when the data set has none).
    public var servicePoints: [ServicePoint]
    /// The departments and outside parties that can be called in on a ticket, and the
    /// call-ins of the working set: every pending one, and those requested in the last week.
    public var departments: [Department]
    public var responders: [Responder]
    public var callIns: [CallIn]
    /// Care plans (个性化服务方案) with their services: every one not closed.
    public var carePlans: [CarePlan]
    /// Every grid's household count and when its clear households age out (四清); a store
    /// fills it from every household, not only those in `households`.
    public var fourClears: FourClearsCensus
    /// 重点场所 and their visits (this month's and last month's in a store's working set).
    public var keyPlaces: [KeyPlace]
    public var placeVisits: [PlaceVisit]
    /// Who works the terminals and commands (a data set's `operators.csv`); the wall's working
    /// set leaves them in the store.
    public var operators: [Operator]
    /// Alarms standing, and those closed in the last hours (`Alarm.keptFor`).
    public var alarms: [Alarm]
    /// 交接班: each desk's latest handover.
    public var handovers: [Handover] = []

    public init(
        centre: Centre, communities: [Community], grids: [Grid], microGrids: [MicroGrid], buildings: [Building],
        households: [Household], staff: [Staff], categories: [TicketCategory], tickets: [Ticket],
        hazards: [Hazard] = [], visits: [Visit] = [], calls: [Call] = [], streets: [Street] = [],
        outcomes: [TicketOutcome] = [], partyOrganisations: [PartyOrganisation] = [], partyMembers: [PartyMember] = [],
        servicePoints: [ServicePoint] = [], departments: [Department] = [], responders: [Responder] = [], callIns: [CallIn] = [],
        carePlans: [CarePlan] = [], fourClears: FourClearsCensus? = nil, keyPlaces: [KeyPlace] = [], placeVisits: [PlaceVisit] = [],
        operators: [Operator] = [], alarms: [Alarm] = []
    ) {
        self.operators = operators
        self.alarms = alarms
        self.keyPlaces = keyPlaces
        self.placeVisits = placeVisits
        self.carePlans = carePlans
        self.fourClears = fourClears ?? FourClearsCensus(
            households: households, clears: Dictionary(households.compactMap { h in h.clears.map { (h.id, $0) } }, uniquingKeysWith: { a, _ in a }))
        self.departments = departments
        self.responders = responders
        self.callIns = callIns
        self.servicePoints = servicePoints
        self.partyOrganisations = partyOrganisations
        self.partyMembers = partyMembers
        self.centre = centre
        self.streets = streets
        self.outcomes = outcomes
        self.communities = communities
        self.grids = grids
        self.microGrids = microGrids
        self.buildings = buildings
        self.households = households
        self.staff = staff
        self.categories = categories
        self.tickets = tickets
        self.hazards = hazards
        self.visits = visits
        self.calls = calls
    }

    /// Categories by code.
    /// The name a report or a page is headed with: the one street's, or the centre's when the
    /// data set lists none or several.
    public var headingName: String { streets.count == 1 ? streets[0].name : centre.name }

    public var categoriesByCode: [String: TicketCategory] {
        Dictionary(categories.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The grids of one community, in data-set order.
    public func grids(in community: Community) -> [Grid] {
        grids.filter { $0.communityCode == community.code }
    }
}
