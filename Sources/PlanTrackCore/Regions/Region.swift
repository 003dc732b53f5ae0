/// A place whose office sets goals and reports figures: a division of the administrative tree
/// (GB/T 2260), or a region a workspace adds under one (a development zone).
public struct Region: Hashable, Sendable {
  /// The GB/T 2260 code (`370000`), `100000` for the whole country, or the code a workspace
  /// gives an added region.
  public let code: String
  public let name: String
  public let level: RegionLevel
  /// The parent's code; nil only for the whole country.
  public let parent: String?

  public init(code: String, name: String, level: RegionLevel, parent: String?) {
    self.code = code
    self.name = name
    self.level = level
    self.parent = parent
  }
}

/// The levels of the tree, from the top.
public enum RegionLevel: String, Sendable, CaseIterable, Comparable {
  /// 全国.
  case national
  /// Provinces, autonomous regions, municipalities (省级).
  case province
  /// Prefecture-level cities, prefectures, leagues (地级).
  case city
  /// Counties, districts, county-level cities (县级).
  case county
  /// Below a county, or a zone a workspace adds (开发区, 高新区).
  case zone

  public static func < (a: RegionLevel, b: RegionLevel) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }

  /// The level a plan document gives (`national`, `province`, `city`, `district`).
  public init?(documentLevel: String) {
    switch documentLevel {
    case "national": self = .national
    case "province": self = .province
    case "city": self = .city
    case "district", "county": self = .county
    default: return nil
    }
  }
}
