/// The administrative tree: every division shipped with the program (`RegionTable`), plus the
/// regions a workspace adds. Looks regions up by code and by name, and walks the tree.
public struct RegionTree: Sendable {
  /// 全国, the root.
  public static let nationalCode = "100000"
  public static let national = Region(
    code: nationalCode, name: "全国", level: .national, parent: nil)

  private var byCode: [String: Region] = [:]
  private var childCodes: [String: [String]] = [:]
  private var codesByName: [String: [String]] = [:]
  /// Every region in code order (the root first).
  public private(set) var codes: [String] = []

  /// The shipped divisions (GB/T 2260 as of the table's date; scripts/gen-regions).
  public static let shipped = RegionTree(regions: RegionTable.regions())

  /// A tree of `regions`; each parent must come before its children or be in the tree.
  public init(regions: [Region]) {
    add(Self.national)
    for r in regions where r.code != Self.nationalCode { add(r) }
  }

  private mutating func add(_ r: Region) {
    if byCode[r.code] == nil { codes.append(r.code) }
    byCode[r.code] = r
    if let p = r.parent { childCodes[p, default: []].append(r.code) }
    codesByName[r.name, default: []].append(r.code)
  }

  /// This tree with `regions` added under their parents (workspace regions).
  public func adding(_ regions: [Region]) -> RegionTree {
    var tree = self
    for r in regions { tree.add(r) }
    return tree
  }

  public var count: Int { byCode.count }

  public func region(code: String) -> Region? { byCode[code] }

  /// The regions directly below `code`, in code order.
  public func children(of code: String) -> [Region] {
    (childCodes[code] ?? []).compactMap { byCode[$0] }
  }

  /// Province-level regions that national statistics leave out (台湾省, 香港, 澳门): 全国's
  /// figures are the 31 provinces' sum.
  public static let outsideNationalStatistics: Set<String> = ["710000", "810000", "820000"]

  /// The regions whose figures add up to `code`'s: its children, less those national
  /// statistics leave out.
  public func rollupChildren(of code: String) -> [Region] {
    let all = children(of: code)
    guard code == Self.nationalCode else { return all }
    return all.filter { !Self.outsideNationalStatistics.contains($0.code) }
  }

  /// The parent, grandparent, … up to 全国.
  public func ancestors(of code: String) -> [Region] {
    var out: [Region] = []
    var next = byCode[code]?.parent
    while let c = next, let r = byCode[c], out.count < 16 {
      out.append(r)
      next = r.parent
    }
    return out
  }

  /// `code` and every region below it, parents before children.
  public func subtree(of code: String) -> [Region] {
    guard let root = byCode[code] else { return [] }
    var out = [root]
    var i = 0
    while i < out.count {
      out += children(of: out[i].code)
      i += 1
    }
    return out
  }

  /// Whether `code` is `ancestor` or lies below it.
  public func isWithin(_ code: String, _ ancestor: String) -> Bool {
    code == ancestor || ancestors(of: code).contains { $0.code == ancestor }
  }

  /// `山东省威海市文登区`: the names from the province down (全国 left out).
  public func fullName(_ code: String) -> String {
    guard let r = byCode[code] else { return code }
    return ancestors(of: code).reversed().filter { $0.level != .national }.map(\.name).joined()
      + r.name
  }

  /// What a name or code in a file stands for.
  public enum Resolution: Hashable, Sendable {
    case found(Region)
    /// Several regions have this name: the code (or a name with its city or province in
    /// front) says which.
    case ambiguous([Region])
    /// No region has this name; `suggestions` are names that contain it or that it contains.
    case unknown(suggestions: [String])
  }

  /// Resolves a code (`371003`), a name (`文登区`), or a name with the names above it in front
  /// (`威海市文登区`, `山东省威海市`).
  public func resolve(_ text: String) -> Resolution {
    let text = text.trimmingWhitespace
    if let r = byCode[text] { return .found(r) }
    if let codes = codesByName[text] {
      let found = codes.compactMap { byCode[$0] }
      return found.count == 1 ? .found(found[0]) : .ambiguous(found)
    }
    // A name with the names of its ancestors in front.
    var matches: [Region] = []
    for (name, codes) in codesByName where text.hasSuffix(name) && text.count > name.count {
      let prefix = String(text.dropLast(name.count))
      for code in codes {
        let above = ancestors(of: code).filter { $0.level != .national }.map(\.name)
        var chain = ""
        for n in above {
          chain = n + chain
          if chain == prefix, let r = byCode[code] {
            matches.append(r)
            break
          }
        }
      }
    }
    if matches.count == 1 { return .found(matches[0]) }
    if matches.count > 1 { return .ambiguous(matches.sorted { $0.code < $1.code }) }
    let suggestions = codesByName.keys.filter {
      !text.isEmpty && ($0.contains(text) || text.contains($0))
    }
    return .unknown(suggestions: Array(suggestions.sorted().prefix(3)))
  }
}

/// The shipped table: `RegionTable.shipped` (generated) holds "code name" lines; the level
/// and the parent follow from the code.
public enum RegionTable {
  /// The regions of the shipped table, parents before children.
  static func regions() -> [Region] {
    var out: [Region] = []
    var known = Set<Substring>()
    for line in shipped.split(separator: "\n") {
      guard let space = line.firstIndex(of: " ") else { continue }
      let code = line[..<space]
      let name = String(line[line.index(after: space)...])
      known.insert(code)
      let province = code.prefix(2) + "0000"
      let city = code.prefix(4) + "00"
      let level: RegionLevel
      let parent: String
      if code == province {
        level = .province
        parent = RegionTree.nationalCode
      } else if code == city {
        level = .city
        parent = String(province)
      } else {
        level = .county
        parent = String(known.contains(Substring(city)) ? city : province)
      }
      out.append(Region(code: String(code), name: name, level: level, parent: parent))
    }
    return out
  }
}
