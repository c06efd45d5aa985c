import DoorstepTestSupport
import DoorstepPostgres
import Testing

/// Where a PostgreSQL store is: parsed as libpq reads a URL, the password looked up where libpq
/// looks, and never printed.
@Suite("PostgreSQL location")
struct PostgresLocationTests {
    @Test("a full URL: user, password, host, port, database and sslmode; the description leaves the password out")
    func full() throws {
        let location = try PostgresLocation(url: "postgresql://wall:s3cr%40t@db.example:6543/street?sslmode=require")
        #expect(location.user == "wall" && location.password == "s3cr@t" && location.host == "db.example")
        #expect(location.port == 6543 && location.database == "street" && location.tls == .require)
        #expect(location.description == "postgresql://wall@db.example:6543/street?sslmode=require")
        #expect(!location.description.contains("s3cr"))
    }

    @Test("defaults as libpq's: localhost, 5432, the user from PGUSER or USER, the database named as the user, TLS preferred")
    func defaults() throws {
        let location = try PostgresLocation(url: "postgres://", environment: ["USER": "duty"])
        #expect(location.host == "localhost" && location.port == 5432 && location.user == "duty" && location.database == "duty")
        #expect(location.tls == .prefer && location.password == nil)
        #expect(try PostgresLocation(url: "postgresql://h/db", environment: ["PGUSER": "ops", "USER": "duty"]).user == "ops")
    }

    @Test("the password: the URL's first, then PGPASSWORD, then the first matching .pgpass line (wildcards, escaped colons)")
    func password() throws {
        let file = """
            # host:port:database:user:password
            other:5432:*:*:nope
            db.example:*:street:wall:from\\:file
            *:*:*:*:fallback
            """
        let url = "postgresql://wall@db.example:6543/street"
        #expect(try PostgresLocation(url: url, passwordFile: file).password == "from:file")
        #expect(try PostgresLocation(url: url, environment: ["PGPASSWORD": "env"], passwordFile: file).password == "env")
        #expect(try PostgresLocation(url: "postgresql://wall:url@db.example/street", environment: ["PGPASSWORD": "env"]).password == "url")
        #expect(try PostgresLocation(url: "postgresql://x@elsewhere/y", passwordFile: file).password == "fallback")
    }

    @Test("bad URLs are refused with what is wrong, and a password in one is not repeated", arguments: [
        ("postgresql://wall:hunter2@db:99999/street", "port 99999"),
        ("postgresql://wall:hunter2@db/street?sslmode=sometimes", "sslmode 'sometimes'"),
        ("postgresql://wall:hunter2@db/street?colour=red", "unknown parameter 'colour'"),
        ("postgresql://wall:hunter2@db/a/b", "no '/'"),
    ])
    func refused(url: String, words: String) {
        #expect {
            try PostgresLocation(url: url)
        } throws: { error in
            let message = "\(error)"
            return message.contains(words) && !message.contains("hunter2")
        }
    }

    @Test("only postgresql:// and postgres:// name a server; a path is a SQLite file")
    func recognised() {
        #expect(PostgresLocation.isPostgres("postgresql://h/db") && PostgresLocation.isPostgres("POSTGRES://h/db"))
        #expect(!PostgresLocation.isPostgres("street.sqlite") && !PostgresLocation.isPostgres("./postgresql/x.sqlite"))
        #expect(PostgresLocation.redacted("postgresql://u:pw@h/db") == "postgresql://u:***@h/db")
    }
}
