import Testing

@testable import DoorstepDomain

@Suite("Pinyin initials")
struct PinyinTests {
    @Test("initials come from Unihan's first kMandarin reading")
    func initials() {
        #expect(Pinyin.initials(of: "四平街") == "spj")
        #expect(Pinyin.initials(of: "江滨一网格") == "jbywg")
        #expect(Pinyin.initials(of: "北固社区") == "bgsq")
        #expect(Pinyin.initials(of: "矮") == "a")        // a reading that starts with a toned vowel (ǎi)
        #expect(Pinyin.initials(of: "JB01 网格") == "jb01wg")
        #expect(Pinyin.initials(of: "·!") == "")
    }

    @Test("a query matches a name, a code or initials, ignoring case")
    func matches() {
        #expect(Pinyin.matches("spj", name: "四平街"))
        #expect(Pinyin.matches("JBY", name: "江滨一网格"))
        #expect(Pinyin.matches("jb01", name: "江滨一网格", code: "JB01"))
        #expect(Pinyin.matches("江滨", name: "江滨一网格"))
        #expect(!Pinyin.matches("bg", name: "江滨一网格", code: "JB01"))
        #expect(Pinyin.matches("", name: "任何"))
    }

    @Test("the table covers nearly every CJK Unified Ideograph")
    func coverage() {
        #expect(PinyinTable.initials.count == 0x9FFF - 0x4E00 + 1)
        #expect(PinyinTable.initials.filter { $0 != UInt8(ascii: "_") }.count > 20_000)
    }
}
