import DoorstepStore

/// Opening the store for a command, its errors as one-line failures.
public enum StoreAccess {
    public static func open(_ path: String, readOnly: Bool = false) throws -> SQLiteStore {
        try storeCall { try SQLiteStore(path: path, readOnly: readOnly) }
    }
}
