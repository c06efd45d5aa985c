import DoorstepStore

/// A request turned away, thrown where the reason is found (a bad key, another jurisdiction, a
/// body that is not a form, a rate exceeded) and answered in the request's format where the
/// request is answered.
struct Refusal: Error {
    var status: Int
    var message: String
    /// Seconds to wait, with a 429.
    var retryAfter: Int?

    init(_ status: Int, _ message: String, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    /// The store's refusal as HTTP says it, for a request acting as operator `actor` (nil: a
    /// channel, whose every conflict is with someone else): 403 out of scope, 404 unknown, 409
    /// someone else moved it first (the message names who) or a call that can no longer be
    /// answered, `invalid` (422 for the grid end, 400 for Open311's fields) a move the state does
    /// not allow or a rule the input breaks, 503 the store itself.
    init(_ error: StoreError, actingAs actor: String?, invalid: Int) {
        switch error {
        case .forbidden: self.init(403, error.description)
        case .notFound: self.init(404, error.description)
        case .conflict(_, let last):
            let someoneElse = actor.map { me in last.map { $0.actor != me } ?? false } ?? true
            self.init(someoneElse ? 409 : invalid, error.description)
        case .call: self.init(409, error.description)
        case .invalid: self.init(invalid, error.description)
        case .missingDatabase, .unavailable, .corrupt: self.init(503, "the store is unavailable")
        }
    }
}
