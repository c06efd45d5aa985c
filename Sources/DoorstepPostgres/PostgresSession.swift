import DoorstepStore
import Logging
import PostgresNIO

/// A PostgreSQL connection inside a transaction, as the store's logic uses it (`SQLSession`,
/// the same as SQLite's): `?` placeholders become `$1`, `$2` … (`?N` becomes `$N`; a `?`
/// inside quoted text or a quoted name stays), each argument is bound by its kind, and each
/// row comes back as `Fields` by column name (whole numbers, numbers and text, as SQLite
/// gives them).
public struct PostgresSession: SQLSession {
    let connection: PostgresConnection
    let logger: Logger
    public var dialect: SQLDialect { .postgres }

    public func execute(_ sql: String, _ arguments: [any SQLArgument]) throws -> Int {
        let result = try connection.answer(try Self.query(sql, arguments), logger: logger)
        return result.metadata.rows ?? 0
    }

    public func rows<T>(_ sql: String, _ arguments: [any SQLArgument], cached: Bool, _ decode: (Fields) throws -> T) throws -> [T] {
        let result = try connection.answer(try Self.query(sql, arguments), logger: logger)
        guard let first = result.first else { return [] }
        let reader = RowReader(names: first.map(\.columnName))
        return try result.map { try decode(reader.fields(Self.values($0))) }
    }

    public func row(_ sql: String, _ arguments: [any SQLArgument]) throws -> Fields? {
        try rows(sql, arguments, cached: false) { $0 }.first
    }

    static func query(_ sql: String, _ arguments: [any SQLArgument]) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument.sqlValue {
            case .null: bindings.appendNull()
            case .integer(let value): bindings.append(value)
            case .real(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            }
        }
        let (text, count) = numbered(sql)
        guard count == arguments.count else {
            throw StoreError.invalid("a statement has \(count) placeholders and \(arguments.count) arguments: \(sql.prefix(80))")
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }

    /// `sql` with its placeholders numbered as PostgreSQL writes them, and how many values it takes.
    static func numbered(_ sql: String) -> (String, Int) {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 8)
        var next = 0
        var highest = 0
        var quote: Character?
        var characters = sql.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if let open = quote {
                out.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                out.append(character)
            case "?":
                var digits = ""
                while let following = characters.next() {
                    if following.isASCII, following.isNumber {
                        digits.append(following)
                    } else {
                        pending = following
                        break
                    }
                }
                if let number = Int(digits) {
                    out += "$\(number)"
                    highest = max(highest, number)
                } else {
                    next += 1
                    out += "$\(next)"
                    highest = max(highest, next)
                }
            default:
                out.append(character)
            }
        }
        return (out, highest)
    }

    /// A row's values in its columns' order: integers, floating-point and decimal numbers,
    /// booleans (as 0 and 1), text.
    static func values(_ row: PostgresRow) throws -> [SQLValue] {
        var columns: [SQLValue] = []
        for cell in row {
            let value: SQLValue
            if cell.bytes == nil {
                value = .null
            } else {
                switch cell.dataType {
                case .int2, .int4, .int8: value = .integer(try cell.decode(Int64.self))
                case .float4, .float8, .numeric: value = .real(try cell.decode(Double.self))
                case .bool: value = .integer(try cell.decode(Bool.self) ? 1 : 0)
                default: value = .text(try cell.decode(String.self))
                }
            }
            columns.append(value)
        }
        return columns
    }
}
