import DoorstepDomain

/// Why the data is stale, in the header beside "data stale since …" (issue #18).
extension UIStrings {
    func storageFault(_ fault: StorageFault) -> String {
        let chinese = self === UIStrings.chinese
        switch fault {
        case .diskFull: return chinese ? "磁盘已满" : "disk full"
        case .readOnly: return chinese ? "只读文件系统" : "read-only file system"
        case .locked: return chinese ? "数据库被占用" : "database locked"
        case .damaged: return chinese ? "数据库已损坏" : "database damaged"
        case .replaced: return chinese ? "数据库文件已被替换,请重启" : "database file replaced: restart"
        case .deleted: return chinese ? "数据库文件已被删除" : "database file deleted"
        case .unreachable: return chinese ? "数据库服务器无响应" : "database server not answering"
        }
    }
}
