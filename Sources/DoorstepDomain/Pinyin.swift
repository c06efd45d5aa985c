/// Pinyin initials (拼音首字母) for finding places by keyboard: `jbyw` finds 江滨一网格.
public enum Pinyin {
    /// The initial of each character of `text`: the pinyin initial of a CJK ideograph, the
    /// lowercased letter or digit of ASCII, nothing for the rest.
    public static func initials(of text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= PinyinTable.first, v < PinyinTable.first + UInt32(PinyinTable.initials.count) {
                let letter = PinyinTable.initials[Int(v - PinyinTable.first)]
                if letter != UInt8(ascii: "_") { out.unicodeScalars.append(Unicode.Scalar(letter)) }
            } else if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out += String(scalar).lowercased()
            }
        }
        return out
    }

    /// True when `query` (case-insensitive) is in `text`, in its code, or in its initials.
    public static func matches(_ query: String, name: String, code: String = "") -> Bool {
        let q = query.lowercased()
        guard !q.isEmpty else { return true }
        return name.lowercased().contains(q) || code.lowercased().contains(q) || initials(of: name).contains(q)
    }
}
