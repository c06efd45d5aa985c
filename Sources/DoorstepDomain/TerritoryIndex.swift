import Foundation

/// The centre's territory and how its parts find each other: fixed once the model is built
/// (a change to it, an `init` or an import, builds the model afresh).
public struct TerritoryIndex: Sendable {
    public let centre: Centre
    /// The streets under a district or city centre (empty for one street).
    public let streets: [Street]
    public let communities: [Community]
    public let grids: [Grid]
    public let categories: [String: TicketCategory]
    /// The categories in code order (for labels and column widths).
    public let categoryList: [TicketCategory]

    let gridIndex: [String: Int]
    let communityOfGrid: [Int]
    let streetOfCommunity: [Int]
    /// Per community (same order): the indices of its grids.
    public let gridsOfCommunity: [[Int]]
    /// Per street (same order): the indices of its communities.
    public let communitiesOfStreet: [[Int]]
    /// The districts the streets belong to, in the order their first street comes.
    public let districts: [String]
    /// Per district (same order as `districts`): the indices of its streets.
    public let streetsOfDistrict: [[Int]]
    /// Each grid's buildings and hazards, for the drill-down and the rules.
    public let buildingsByGrid: [String: [Building]]
    public let hazardsByGrid: [String: [Hazard]]
    /// The micro-grids by code (a building's micro-grid and its chief).
    public let microGrids: [String: MicroGrid]
    /// The service network's places, indexed.
    public let serviceNetwork: ServiceNetwork
    /// The departments and outside parties that can be called in, by code and id, and the
    /// parties in data-set order.
    public let departments: [String: Department]
    public let responders: [Responder]
    let responderByID: [String: Responder]
    /// The Party chain over this territory (the read model builds it beside the other indexes
    /// and puts it in place).
    public internal(set) var party: PartyIndex

    /// Shared by every overview built from this territory: a different one means the model was
    /// built afresh (an `init`, an import, a new month), so nothing drawn from the old can stay.
    private let identity = Identity()
    private final class Identity: Sendable {}

    /// Whether `other` is this same territory (not merely equal: built at the same time).
    public func isSame(as other: TerritoryIndex) -> Bool { identity === other.identity }

    /// The territory of `data`, with an empty Party chain: the read model indexes the chain
    /// beside its other indexes and puts it in place.
    init(_ data: CentreData) {
        centre = data.centre
        streets = data.streets
        communities = data.communities
        grids = data.grids
        categories = data.categoriesByCode
        categoryList = data.categoriesByCode.values.sorted { $0.code < $1.code }
        let gridIndex = Dictionary(data.grids.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let communityIndex = Dictionary(data.communities.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let streetIndex = Dictionary(data.streets.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.gridIndex = gridIndex
        communityOfGrid = data.grids.map { communityIndex[$0.communityCode] ?? -1 }
        streetOfCommunity = data.communities.map { $0.streetCode.flatMap { streetIndex[$0] } ?? -1 }
        var gridsOfCommunity = Array(repeating: [Int](), count: data.communities.count)
        for (index, community) in communityOfGrid.enumerated() where community >= 0 { gridsOfCommunity[community].append(index) }
        self.gridsOfCommunity = gridsOfCommunity
        var communitiesOfStreet = Array(repeating: [Int](), count: data.streets.count)
        for (index, street) in streetOfCommunity.enumerated() where street >= 0 { communitiesOfStreet[street].append(index) }
        self.communitiesOfStreet = communitiesOfStreet
        var districtIndex: [String: Int] = [:]
        var districts: [String] = [], streetsOfDistrict: [[Int]] = []
        for (index, street) in data.streets.enumerated() {
            if let known = districtIndex[street.district] {
                streetsOfDistrict[known].append(index)
            } else {
                districtIndex[street.district] = districts.count
                districts.append(street.district)
                streetsOfDistrict.append([index])
            }
        }
        self.districts = districts
        self.streetsOfDistrict = streetsOfDistrict
        buildingsByGrid = Dictionary(grouping: data.buildings, by: \.gridCode)
        hazardsByGrid = Dictionary(grouping: data.hazards, by: \.gridCode)
        serviceNetwork = ServiceNetwork(data.servicePoints)
        microGrids = Dictionary(data.microGrids.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        party = PartyIndex(organisations: [], members: [])
        departments = Dictionary(data.departments.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        responders = data.responders
        responderByID = Dictionary(data.responders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// An outside party by id.
    public func responder(_ id: String) -> Responder? { responderByID[id] }

    /// The index of the grid with this code.
    func grid(_ code: String) -> Int? { gridIndex[code] }
}
