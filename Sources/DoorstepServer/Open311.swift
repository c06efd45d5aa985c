import DoorstepCredentials
import DoorstepDomain
import DoorstepStore
import Foundation

/// Open311 GeoReport v2 over the store: services from the data set's categories, requests as
/// tickets. Each call answers a status and a document, and writes nothing unless it answers 2xx.
/// Formats and routes are the server's; what is said is here.
public struct Open311: Sendable {
    public typealias Store = any LifecycleCommands & StoreQueries & ServiceQueries & CredentialDirectory
    let store: Store
    let clock: any Clock
    let timeZone: TimeZone
    let limiter: RateLimiter
    let reference: ReferenceCache

    /// The path the service answers under (and that `discovery` names).
    public static let base = "/open311/v2"
    /// Limits on what a request may carry.
    public static let maxDescription = 2000
    public static let maxName = 50
    public static let maxPhone = 30
    public static let maxPlace = 200

    public init(store: Store, clock: any Clock, timeZone: TimeZone = .current, limiter: RateLimiter = RateLimiter(perSecond: 0)) {
        self.store = store
        self.clock = clock
        self.timeZone = timeZone
        self.limiter = limiter
        reference = ReferenceCache(store: store, clock: clock)
    }

    /// An answer: the HTTP status and the document (errors as Open311's list of errors).
    public struct Answer: Sendable {
        public var status: Int
        public var body: Document
        /// The XML root element's name.
        public var root: String
        /// Seconds to wait, with a 429.
        public var retryAfter: Int?
    }

    static func error(_ status: Int, _ description: String) -> Answer {
        Answer(status: status, body: .list(item: "error", [.object([.init("code", .integer(status)), .init("description", .text(description))])]),
               root: "errors")
    }

    /// `body`'s answer, or its refusal as Open311's list of errors.
    func refusing(_ body: () throws -> Answer) throws -> Answer {
        do {
            return try body()
        } catch let refusal as Refusal {
            return Self.error(refusal)
        }
    }

    /// A refusal as Open311's list of errors.
    static func error(_ refusal: Refusal) -> Answer {
        var answer = error(refusal.status, refusal.message)
        answer.retryAfter = refusal.retryAfter
        return answer
    }

    // MARK: discovery and services

    public func discovery(baseURL: String) throws -> Answer {
        let street = try reference.current().street
        let endpoint: Document = .object([
            .init("specification", .text("http://wiki.open311.org/GeoReport_v2")),
            .init("url", .text(baseURL + Self.base)),
            .init("changeset", .text("2026-12-01T00:00:00Z")),
            .init("type", .text("production")),
            .init("formats", .list(item: "format", [.text("application/json"), .text("text/xml")])),
        ])
        return Answer(status: 200, body: .object([
            .init("changeset", .text("2026-12-01T00:00:00Z")),
            .init("contact", .text("\(street.name) 社会治理指挥中心")),
            .init("key_service", .text("API keys are issued per channel by the street's duty operator: doorstep key issue --channel NAME")),
            .init("jurisdiction_id", .text(street.code)),
            .init("extensions", .text(
                "rating (评价), not part of GeoReport v2: POST \(Self.base)/requests/{id}/rating.{json|xml} with api_key and score (1-5), "
                    + "by the channel that posted the request, once it is resolved; the request then carries rating. "
                    + "Idempotency-Key on POST requests: a retry with the same key returns the first request (200) instead of making a second")),
            .init("endpoints", .list(item: "endpoint", [endpoint])),
        ]), root: "discovery")
    }

    public func services(_ query: [String: String] = [:]) throws -> Answer {
        try refusing {
            try requireJurisdiction(query)
            let categories = try reference.current().categories.values.sorted { $0.code < $1.code }
            return Answer(status: 200, body: .list(item: "service", categories.map { category in
                .object([
                    .init("service_code", .text(category.code)),
                    .init("service_name", .text(category.nameZh)),
                    .init("description", .text("\(category.nameZh) · \(category.nameEn)")),
                    .init("metadata", .bool(true)),
                    .init("type", .text("realtime")),
                    .init("keywords", .text(category.nameEn)),
                    .init("group", .text("家门口")),
                ])
            }), root: "services")
        }
    }

    public func definition(serviceCode: String) throws -> Answer {
        guard try reference.current().categories[serviceCode] != nil else { return Self.error(404, "service_code '\(serviceCode)' is not a service here") }
        func attribute(_ code: String, _ description: String, required: Bool, order: Int, values: [String] = []) -> Document {
            .object([
                .init("variable", .bool(true)), .init("code", .text(code)),
                .init("datatype", .text(values.isEmpty ? "string" : "singlevaluelist")),
                .init("required", .bool(required)), .init("datatype_description", .text(description)), .init("order", .integer(order)),
                .init("description", .text(description)),
                .init("values", .list(item: "value", values.map { .object([.init("key", .text($0)), .init("name", .text($0))]) })),
            ])
        }
        return Answer(status: 200, body: .object([
            .init("service_code", .text(serviceCode)),
            .init("attributes", .list(item: "attribute", [
                attribute("building", "楼栋编码或名称(或 address_id / address_string;网格编码也可)", required: false, order: 1),
                attribute("priority", "优先级", required: false, order: 2, values: TicketPriority.allCases.map(\.rawValue)),
            ])),
        ]), root: "service_definition")
    }

    // MARK: requests

    /// Refuses a `jurisdiction_id` that is not this street's with a 404 (the spec's answer).
    func requireJurisdiction(_ fields: [String: String]) throws {
        guard let asked = fields["jurisdiction_id"], !asked.isEmpty else { return }
        let street = try reference.current().street
        if asked != street.code { throw Refusal(404, "jurisdiction_id '\(asked)' is not served here (this is \(street.code))") }
    }

    /// The channel of the form's key, once the key is known and within its rate; else a refusal.
    func admit(_ form: [String: String]) throws -> String {
        guard let key = try key(form["api_key"]) else { throw Refusal(403, "api_key is missing, unknown or revoked") }
        // (per key: a channel given a second key while the first is rotated out has a bucket for each)
        if let wait = limiter.take(key.id, at: clock.now()) {
            throw Refusal(429, "too many requests with key \(key.id) (channel \(key.channel)): try again in \(wait) s", retryAfter: wait)
        }
        return key.channel
    }

    /// `POST requests`: the form's fields (`api_key`, `service_code`, `description`, a place,
    /// the resident's name and phone, `attribute[…]`); with an `Idempotency-Key`, a retry gets
    /// the ticket the first made (200, the same body) instead of a second one.
    public func post(_ form: [String: String], idempotencyKey: String? = nil) throws -> Answer {
        try refusing {
            try requireJurisdiction(form)
            let channel = try admit(form)
            if let key = idempotencyKey, key.isEmpty || key.count > 200 { return Self.error(400, "Idempotency-Key is 1 to 200 characters") }
            guard let code = form["service_code"], !code.isEmpty else { return Self.error(400, "service_code is required") }
            let categories = try reference.current().categories
            guard let category = categories[code] else { return Self.error(400, "service_code '\(code)' is not a service here (see services.json)") }
            let description = (form["description"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if description.count > Self.maxDescription { return Self.error(400, "description is longer than \(Self.maxDescription) characters") }
            let placeField = ["attribute[building]", "address_id", "address_string", "attribute[grid]"].first { !(form[$0] ?? "").isEmpty }
            guard let placeField, let place = form[placeField] else {
                return Self.error(400, "a location is required: attribute[building], address_id or address_string (lat/long are not mapped to grids)")
            }
            if place.count > Self.maxPlace { return Self.error(400, "\(placeField) is longer than \(Self.maxPlace) characters") }
            guard let location = try store.locate(place) else { return Self.error(400, "\(placeField) '\(place)' is no building or grid of this street") }
            let name = [form["last_name"], form["first_name"]].compactMap { $0 }.joined()
            if name.count > Self.maxName { return Self.error(400, "first_name and last_name are longer than \(Self.maxName) characters") }
            let phone = form["phone"] ?? ""
            if phone.count > Self.maxPhone { return Self.error(400, "phone is longer than \(Self.maxPhone) characters") }
            var priority = TicketPriority.normal
            if let given = form["attribute[priority]"], !given.isEmpty {
                guard let chosen = TicketPriority(rawValue: given) else {
                    return Self.error(400, "attribute[priority] '\(given)' is not one of \(TicketPriority.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                priority = chosen
            }
            let title = description.isEmpty ? category.nameZh : description
            var order = OrderRequest(gridCode: location.gridCode, categoryCode: code, title: title, source: channel == "hotline" ? .hotline : .resident,
                                     priority: priority, residentName: name, residentPhone: phone)
            order.channel = channel
            let ticket: Ticket
            var repeated = false
            if let key = idempotencyKey {
                (ticket, repeated) = try store.order(order, channel: channel, idempotencyKey: key, at: clock.now())
            } else {
                ticket = try store.order(order, by: "channel:\(channel)", at: clock.now())
            }
            return Answer(status: repeated ? 200 : 201, body: .list(item: "request", [.object([
                .init("service_request_id", .text(ticket.id)),
                .init("service_notice", .text("已受理,派往\(location.gridName)")),
                .init("account_id", .null),
            ])]), root: "service_requests")
        }
    }

    /// 评价, an extension of ours (GeoReport v2 has no rating; `discovery` says so): `POST
    /// requests/{id}/rating` with `api_key` and `score` (1–5), by the channel that posted the
    /// request only, once it is resolved.
    public func rate(id: String, _ form: [String: String]) throws -> Answer {
        try refusing {
            try requireJurisdiction(form)
            let channel = try admit(form)
            guard let text = form["score"], let score = Int(text), (1...5).contains(score) else { return Self.error(400, "score is a whole number from 1 to 5") }
            var filter = TicketQuery()
            filter.ids = [id]
            guard try store.tickets(matching: filter).first != nil else { return Self.error(404, "service_request_id '\(id)' is not a request here") }
            guard try store.orderingChannel(of: id) == channel else { return Self.error(403, "only the channel that posted \(id) may rate it") }
            do {
                let ticket = try store.act(on: id, .rate(score: score), by: "channel:\(channel)", at: clock.now())
                return Answer(status: 200, body: .list(item: "request", [request(ticket, try reference.current())]), root: "service_requests")
            } catch StoreError.conflict(let error, _) {
                return Self.error(409, "\(error)")
            }
        }
    }

    /// `GET requests` with the spec's filters: `service_request_id` (comma-separated),
    /// `service_code`, `start_date`, `end_date`, `status` (open, closed).
    public func requests(_ query: [String: String]) throws -> Answer {
        try refusing {
            try requireJurisdiction(query)
            var filter = TicketQuery()
            if let ids = query["service_request_id"] {
                filter.ids = ids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            if let codes = query["service_code"] { filter.categories = codes.split(separator: ",").map(String.init) }
            if let status = query["status"] {
                var states: [TicketState] = []
                for word in status.split(separator: ",") {
                    switch word {
                    case "open": states += TicketState.allCases.filter(\.isOpen)
                    case "closed": states += TicketState.allCases.filter { !$0.isOpen }
                    default: return Self.error(400, "status '\(word)' is not one of open, closed")
                    }
                }
                filter.states = states
            }
            for (key, keyPath) in [("start_date", \TicketQuery.from), ("end_date", \TicketQuery.to)] {
                guard let text = query[key] else { continue }
                guard let date = Self.parseDate(text) else { return Self.error(400, "\(key) '\(text)' is not a date and time in ISO 8601 (2026-12-01T08:00:00+08:00)") }
                filter[keyPath: keyPath] = date
            }
            // the spec: without ids or dates, the last 90 days, at most 1000
            if filter.ids.isEmpty, filter.from == nil, filter.to == nil { filter.from = clock.now().addingTimeInterval(-90 * 86_400) }
            let tickets = try store.tickets(matching: filter)
            let reference = try reference.current()
            return Answer(status: 200, body: .list(item: "request", tickets.map { request($0, reference) }), root: "service_requests")
        }
    }

    /// `GET requests/{id}`.
    public func request(id: String, query: [String: String] = [:]) throws -> Answer {
        try refusing {
            try requireJurisdiction(query)
            var filter = TicketQuery()
            filter.ids = [id]
            guard let ticket = try store.tickets(matching: filter).first else { return Self.error(404, "service_request_id '\(id)' is not a request here") }
            return Answer(status: 200, body: .list(item: "request", [request(ticket, try reference.current())]), root: "service_requests")
        }
    }

    /// A ticket as an Open311 request.
    func request(_ ticket: Ticket, _ reference: ReferenceCache.Reference) -> Document {
        let (names, categories) = (reference.gridNames, reference.categories)
        let closed = !ticket.state.isOpen
        var notes = Self.stateWords(ticket.state)
        if let note = ticket.resolutionNote, !note.isEmpty { notes += ":" + note }
        var fields: [Document.Field] = [
            .init("service_request_id", .text(ticket.id)),
            .init("status", .text(closed ? "closed" : "open")),
            .init("status_notes", .text(notes)),
            .init("service_name", .text(categories[ticket.categoryCode]?.nameZh ?? ticket.categoryCode)),
            .init("service_code", .text(ticket.categoryCode)),
            .init("description", .text(ticket.title)),
            .init("agency_responsible", .text("\(names[ticket.gridCode] ?? ticket.gridCode) (\(ticket.gridCode))")),
            .init("service_notice", .null),
            .init("requested_datetime", .text(format(ticket.createdAt))),
            .init("updated_datetime", .text(format(ticket.stateSince))),
            .init("expected_datetime", .null),
            .init("address", .text(names[ticket.gridCode] ?? ticket.gridCode)),
            .init("address_id", .text(ticket.gridCode)),
            .init("zipcode", .null),
            .init("lat", .null),
            .init("long", .null),
            .init("media_url", .null),
        ]
        if let rating = ticket.rating { fields.append(.init("rating", .integer(rating))) }
        return .object(fields)
    }

    /// An API key's id and channel, or nil when the key is missing, malformed, unknown or revoked.
    func key(_ text: String?) throws -> (id: String, channel: String)? {
        guard let text, let secret = Secret.parse(text, kind: "k"), let stored = try store.credential(id: secret.id), stored.isActive,
              case .channel(let channel) = stored.holder, secret.matches(hash: stored.hash) else { return nil }
        return (secret.id, channel)
    }

    static func stateWords(_ state: TicketState) -> String {
        switch state {
        case .ordered: return "已受理,待派单"
        case .dispatched: return "已派单,待网格接单"
        case .accepted: return "网格已接单,处理中"
        case .resolved: return "已办结,待评价"
        case .rated: return "已办结,已评价"
        case .escalated: return "已上交街道"
        case .cancelled: return "已撤销"
        }
    }

    func format(_ date: Date) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: timeZone)
        style = style.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .colon)
        return date.formatted(style)
    }

    static func parseDate(_ text: String) -> Date? { QueryFields.date(text) }
}
