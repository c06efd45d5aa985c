import DoorstepDomain

extension Language {
    /// A key place's kind (重点场所) in this language.
    public func placeKind(_ kind: KeyPlace.Kind) -> String {
        switch (self, kind) {
        case (.zh, .shop): return "沿街商铺"
        case (.zh, .constructionSite): return "建筑工地"
        case (.zh, .schoolGate): return "校园周边"
        case (.zh, .market): return "农贸市场"
        case (.zh, .rental): return "出租房"
        case (.zh, .other): return "重点场所"
        case (.en, .shop): return "shop"
        case (.en, .constructionSite): return "building site"
        case (.en, .schoolGate): return "school gate"
        case (.en, .market): return "market"
        case (.en, .rental): return "rental"
        case (.en, .other): return "key place"
        }
    }
}
