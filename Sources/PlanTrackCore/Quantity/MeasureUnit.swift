/// A unit as a plan writes it (`万辆`, `万千瓦`, `%`, `个百分点`), split into a decimal scale and a
/// base unit.
///
/// A quantity is value × scale in the base unit: `140 万辆` is 1,400,000 辆. Chinese scale prefixes
/// are 万 (1e4), 亿 (1e8), 万亿 (1e12) and the rarer 十万, 百万, 千万; `千瓦`, `千瓦时`, `千伏安` and
/// their metric relatives are base-unit families of their own, never 千 × 瓦. Two units are
/// compatible when their base units are equal; converting between incompatible units is an
/// error, never a silent guess.
public struct MeasureUnit: Hashable, Sendable, CustomStringConvertible {
  /// The unit as written, e.g. `万辆`.
  public let text: String
  /// The factor from this unit to the base unit, e.g. 1e4 for `万辆`, 1e7 for `万千瓦`.
  public let scale: Double
  /// The canonical base unit, e.g. `辆`, `瓦`, `%`; empty for a pure number.
  public let base: String

  public var description: String { text }

  /// The unit of a pure number (`""`).
  public static let none = MeasureUnit(text: "", scale: 1, base: "")

  /// Parses a unit, or throws `QuantityError.unparseableUnit`.
  public init(parsing raw: String) throws {
    let text = TextNormalizer.unitText(raw)
    // A rate such as 万元/人 or 件/万人: the numerator scales and converts, the denominator is
    // part of the base unit as written (件/万人 is per ten thousand people).
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 2 {
      let per = String(parts[1])
      guard !parts[0].isEmpty, !per.isEmpty, per.count <= 6,
        per.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && !("0"..."9").contains($0) }),
        let top = try? MeasureUnit(parsing: String(parts[0])), !top.base.isEmpty
      else { throw QuantityError.unparseableUnit(raw) }
      self.init(text: text, scale: top.scale, base: top.base + "/" + per)
      return
    }
    var rest = Substring(text)
    var scale = 1.0
    // One scale prefix at most, longest first; a protected family (千瓦…) is not a prefix.
    if MeasureUnit.family(of: rest) == nil {
      for (prefix, factor) in MeasureUnit.scalePrefixes where rest.hasPrefix(prefix) {
        rest = rest.dropFirst(prefix.count)
        scale = factor
        break
      }
    }
    if let (familyBase, factor) = MeasureUnit.family(of: rest) {
      self.init(text: text, scale: scale * factor, base: familyBase)
      return
    }
    let base = String(rest)
    guard MeasureUnit.isPlainBase(base) else {
      throw QuantityError.unparseableUnit(raw)
    }
    self.init(text: text, scale: scale, base: base)
  }

  init(text: String, scale: Double, base: String) {
    self.text = text
    self.scale = scale
    self.base = base
  }

  /// Whether a quantity in this unit can be converted to `other`.
  public func isCompatible(with other: MeasureUnit) -> Bool { base == other.base }

  /// Converts `value` from this unit to `other`, or throws `QuantityError.incompatibleUnits`.
  public func convert(_ value: Double, to other: MeasureUnit) throws -> Double {
    guard isCompatible(with: other) else {
      throw QuantityError.incompatibleUnits(from: text, to: other.text)
    }
    if scale == other.scale { return value }
    return value * scale / other.scale
  }

  /// Scale prefixes, longest first so that 万亿 wins over 万.
  static let scalePrefixes: [(String, Double)] = [
    ("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("亿", 1e8), ("万", 1e4),
  ]

  /// Base-unit families whose names begin with what looks like a scale (千瓦 is not 千 × 瓦).
  /// Each maps to a canonical base and the factor into it.
  static let families: [String: (String, Double)] = [
    "瓦": ("瓦", 1), "千瓦": ("瓦", 1e3), "兆瓦": ("瓦", 1e6), "吉瓦": ("瓦", 1e9),
    "kW": ("瓦", 1e3), "MW": ("瓦", 1e6), "GW": ("瓦", 1e9),
    "瓦时": ("瓦时", 1), "千瓦时": ("瓦时", 1e3), "度": ("瓦时", 1e3), "兆瓦时": ("瓦时", 1e6),
    "kWh": ("瓦时", 1e3), "MWh": ("瓦时", 1e6),
    "伏安": ("伏安", 1), "千伏安": ("伏安", 1e3), "兆伏安": ("伏安", 1e6),
    "米": ("米", 1), "千米": ("米", 1e3), "公里": ("米", 1e3), "km": ("米", 1e3),
    "克": ("克", 1), "千克": ("克", 1e3), "公斤": ("克", 1e3), "吨": ("克", 1e6),
    "%": ("%", 1), "个百分点": ("个百分点", 1), "百分点": ("个百分点", 1),
  ]

  static func family(of s: Substring) -> (String, Double)? { families[String(s)] }

  /// A plain base unit is empty (a pure number) or a short run of letters: 辆, 台, 个, 家, 座,
  /// 户, 人次, 标准箱. Digits, spaces, punctuation and a second scale prefix are not units.
  static func isPlainBase(_ s: String) -> Bool {
    if s.isEmpty { return true }
    guard s.count <= 6 else { return false }
    if scalePrefixes.contains(where: { s.hasPrefix($0.0) }) { return false }
    return s.unicodeScalars.allSatisfy { scalar in
      scalar.properties.isAlphabetic && !("0"..."9").contains(scalar)
    }
  }
}
