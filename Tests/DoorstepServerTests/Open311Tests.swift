import DoorstepCredentials
import DoorstepDomain
import DoorstepServer
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// Open311 GeoReport v2 over a demo street's store: a channel's key posts a request that
/// becomes a ticket of the right grid; anything wrong is a 4xx that names it and writes nothing.
@Suite("Open311 over the store")
struct Open311Tests {
    struct Street {
        let folder: TemporaryDatabase
        let store: SQLiteStore
        let service: Open311
        let key: String
    }

    static func street() throws -> Street {
        let (folder, store) = try TemporaryDatabase.demo(now: StoreFixtures.now)
        let secret = try #require(Secret.random())
        let issued = try store.issue(.channel("hotline"), hash: Secret.hash(of: secret), by: "duty", at: StoreFixtures.now)
        let service = Open311(store: store, clock: ManualClock(StoreFixtures.now), timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current)
        return Street(folder: folder, store: store, service: service, key: Secret(kind: "k", id: issued.id, secret: secret).text)
    }

    static func text(_ document: Document) -> String { String(decoding: document.json(), as: UTF8.self) }

    @Test("a posted request becomes a ticket of the building's grid, sourced from the key's channel, and reads back")
    func post() throws {
        let street = try Self.street()
        defer { street.folder.cleanUp() }
        let building = try #require(try street.store.loadAll(at: StoreFixtures.now).buildings.first { $0.gridCode == "JB03" })
        let answer = try street.service.post([
            "api_key": street.key, "service_code": "convenience", "description": "楼道灯不亮 <三楼> & 四楼",
            "attribute[building]": building.code, "last_name": "王", "first_name": "明", "phone": "13800000000",
            "attribute[priority]": "high",
        ])
        #expect(answer.status == 201)
        let body = Self.text(answer.body)
        let id = try #require(body.firstMatch(of: /"service_request_id":"(T\d+)"/)?.1).description
        let ticket = try #require(try street.store.tickets(ids: [id]).first)
        #expect(ticket.gridCode == "JB03" && ticket.source == .hotline && ticket.priority == .high && ticket.residentName == "王明")
        #expect(try street.store.events(after: 0, limit: 10_000).last.map { $0.actor == "channel:hotline" && $0.subject == id } == true)
        let read = try street.service.request(id: id)
        #expect(read.status == 200)
        let json = Self.text(read.body)
        #expect(json.contains(#""status":"open""#) && json.contains(#""agency_responsible":"江滨三网格 (JB03)""#))
        #expect(json.contains(#""requested_datetime":"2026-11-30T18:00:00+08:00""#))
        // XML: the resident's text escaped, the same fields
        let xml = String(decoding: read.body.xml(root: read.root), as: UTF8.self)
        #expect(xml.contains("<description>楼道灯不亮 &lt;三楼&gt; &amp; 四楼</description>") && xml.hasPrefix("<?xml"))
        #expect(xml.contains("<service_requests><request><service_request_id>\(id)</service_request_id>"))
        // closed once resolved
        _ = try street.store.act(on: id, .dispatch(gridCode: "JB03", assigneeID: nil), by: "duty", at: StoreFixtures.now)
        #expect(Self.text(try street.service.requests(["status": "open", "service_request_id": id]).body).contains(id))
        #expect(!Self.text(try street.service.requests(["status": "closed", "service_request_id": id]).body).contains(id))
    }

    @Test("a bad key, service, place, priority or an over-long text is a 4xx naming it, and writes nothing")
    func refusals() throws {
        let street = try Self.street()
        defer { street.folder.cleanUp() }
        let good = ["api_key": street.key, "service_code": "convenience", "address_string": "JB01"]
        let before = try street.store.lastSequence()
        let cases: [([String: String], Int, String)] = [
            (good.merging(["api_key": "dsk_K0001_" + String(repeating: "0", count: 64)]) { $1 }, 403, "api_key"),
            (good.merging(["api_key": ""]) { $1 }, 403, "api_key"),
            (good.merging(["service_code": "fireworks"]) { $1 }, 400, "service_code 'fireworks'"),
            (good.merging(["service_code": ""]) { $1 }, 400, "service_code is required"),
            (good.merging(["address_string": "火星一号楼"]) { $1 }, 400, "address_string '火星一号楼'"),
            (good.filter { $0.key != "address_string" }, 400, "a location is required"),
            (good.merging(["attribute[priority]": "asap"]) { $1 }, 400, "attribute[priority] 'asap'"),
            (good.merging(["description": String(repeating: "长", count: Open311.maxDescription + 1)]) { $1 }, 400, "description is longer"),
            (good.merging(["phone": String(repeating: "1", count: 31)]) { $1 }, 400, "phone is longer"),
        ]
        for (form, status, words) in cases {
            let answer = try street.service.post(form)
            #expect(answer.status == status && Self.text(answer.body).contains(words), "\(form) → \(answer.status) \(Self.text(answer.body))")
        }
        #expect(try street.store.lastSequence() == before)
        // a revoked key opens nothing any more
        let id = try #require(Secret.parse(street.key, kind: "k")?.id)
        _ = try street.store.revoke(credentialID: id, by: "duty", at: StoreFixtures.now)
        #expect(try street.service.post(good).status == 403)
        #expect(try street.service.request(id: "T99999").status == 404)
        #expect(try street.service.requests(["start_date": "yesterday"]).status == 400)
        #expect(try street.service.requests(["status": "pending"]).status == 400)
        #expect(try street.service.definition(serviceCode: "fireworks").status == 404)
    }

    @Test("services and their definitions come from the data set's categories; discovery names the path and the street")
    func services() throws {
        let street = try Self.street()
        defer { street.folder.cleanUp() }
        let services = try street.service.services()
        let categories = try street.store.loadCategories()
        #expect(services.status == 200 && categories.keys.allSatisfy { Self.text(services.body).contains(#""service_code":"\#($0)""#) })
        #expect(String(decoding: services.body.xml(root: services.root), as: UTF8.self).contains("<services><service><service_code>"))
        let definition = Self.text(try street.service.definition(serviceCode: "convenience").body)
        #expect(definition.contains(#""code":"building""#) && definition.contains(#""key":"urgent""#))
        let discovery = Self.text(try street.service.discovery(baseURL: "http://127.0.0.1:8311").body)
        #expect(discovery.contains(#""url":"http://127.0.0.1:8311/open311/v2""#) && discovery.contains(#""jurisdiction_id""#))
    }

    @Test("a retried POST with the same Idempotency-Key makes one ticket; another key, or another channel's, makes its own")
    func idempotency() throws {
        let street = try Self.street()
        defer { street.folder.cleanUp() }
        let form = ["api_key": street.key, "service_code": "convenience", "address_string": "JB01", "description": "电梯异响"]
        let first = try street.service.post(form, idempotencyKey: "req-42")
        let again = try street.service.post(form, idempotencyKey: "req-42")
        #expect(first.status == 201 && again.status == 200 && Self.text(first.body) == Self.text(again.body))
        let other = try street.service.post(form, idempotencyKey: "req-43")
        #expect(other.status == 201 && Self.text(other.body) != Self.text(first.body))
        // the same key from another channel is another request
        let secret = try #require(Secret.random())
        let wechat = try street.store.issue(.channel("wechat"), hash: Secret.hash(of: secret), by: "duty", at: StoreFixtures.now)
        let theirs = try street.service.post(form.merging(["api_key": Secret(kind: "k", id: wechat.id, secret: secret).text]) { $1 }, idempotencyKey: "req-42")
        #expect(theirs.status == 201 && Self.text(theirs.body) != Self.text(first.body))
        #expect(try street.service.post(form, idempotencyKey: "").status == 400)
    }

    @Test("评价 (our extension): only the channel that posted the request may rate it, once resolved, 1 to 5")
    func rating() throws {
        let street = try Self.street()
        defer { street.folder.cleanUp() }
        let posted = try street.service.post(["api_key": street.key, "service_code": "convenience", "address_string": "JB01", "description": "楼道灯不亮"])
        let id = try #require(Self.text(posted.body).firstMatch(of: /"service_request_id":"(T\d+)"/)?.1).description
        #expect(try street.service.rate(id: id, ["api_key": street.key, "score": "5"]).status == 409)  // not resolved yet
        _ = try street.store.act(on: id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "duty", at: StoreFixtures.now)
        _ = try street.store.act(on: id, .accept(staffID: "S0002"), by: "jb01-worker", at: StoreFixtures.now)
        _ = try street.store.act(on: id, .resolve(staffID: "S0002", note: "已更换灯泡"), by: "jb01-worker", at: StoreFixtures.now)
        let secret = try #require(Secret.random())
        let wechat = try street.store.issue(.channel("wechat"), hash: Secret.hash(of: secret), by: "duty", at: StoreFixtures.now)
        let stranger = Secret(kind: "k", id: wechat.id, secret: secret).text
        #expect(try street.service.rate(id: id, ["api_key": stranger, "score": "5"]).status == 403)
        #expect(try street.service.rate(id: id, ["api_key": street.key, "score": "6"]).status == 400)
        #expect(try street.service.rate(id: "T99999", ["api_key": street.key, "score": "5"]).status == 404)
        let rated = try street.service.rate(id: id, ["api_key": street.key, "score": "5"])
        #expect(rated.status == 200 && Self.text(rated.body).contains(#""rating":5"#) && Self.text(rated.body).contains(#""status":"closed""#))
    }

    @Test("another jurisdiction is a 404; a key over its rate is a 429 with the seconds to wait")
    func jurisdictionAndRate() throws {
        let street = try Self.street()
        defer { street.folder.cleanUp() }
        let code = try street.store.jurisdiction().code
        #expect(try street.service.requests(["jurisdiction_id": code]).status == 200)
        #expect(try street.service.requests(["jurisdiction_id": "boston"]).status == 404)
        let clock = ManualClock(StoreFixtures.now)
        let limited = Open311(store: street.store, clock: clock, limiter: RateLimiter(perSecond: 1, burst: 2))
        let form = ["api_key": street.key, "service_code": "convenience", "address_string": "JB01"]
        #expect(try limited.post(form).status == 201 && limited.post(form).status == 201)
        let refused = try limited.post(form)
        #expect(refused.status == 429 && refused.retryAfter == 1 && Self.text(refused.body).contains("hotline"))
        clock.advance(by: 1)
        #expect(try limited.post(form).status == 201)
    }
}
