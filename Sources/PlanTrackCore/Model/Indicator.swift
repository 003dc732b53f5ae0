/// A measure that plans set goals on (`5g-base-stations`): shared by every target on it, in
/// every region. Figures belong to a **series**, one indicator in one region.
public struct Indicator: Hashable, Sendable {
  public var id: String
  /// The Chinese name.
  public var name: String
  /// The English name, if given.
  public var en: String?
  /// The series' unit: figures are stored in it.
  public var unit: MeasureUnit
  /// Counting words that are the same count as the unit's (`[个, 座]`: 座 base stations are 个).
  public var counts: [String]
  public var measure: Measure
  public var rollup: RollupRule
  public var update: UpdateFrequency
  /// Days after a period ends that its figure is due, when not the usual
  /// (`ReportingRule.defaultDeadlineDays`).
  public var deadlineDays: Int?

  public init(
    id: String, name: String, en: String? = nil, unit: MeasureUnit, counts: [String] = [],
    measure: Measure, rollup: RollupRule, update: UpdateFrequency = .monthly,
    deadlineDays: Int? = nil
  ) {
    self.id = id
    self.name = name
    self.en = en
    self.unit = unit
    self.counts = counts
    self.measure = measure
    self.rollup = rollup
    self.update = update
    self.deadlineDays = deadlineDays
  }

  /// When this indicator's figures are due.
  public var reportingRule: ReportingRule {
    ReportingRule(frequency: update, deadlineDays: deadlineDays)
  }

  /// What kind of quantity the figures are.
  public enum Measure: String, Sendable, CaseIterable {
    /// A level at a date (保有量, 总数, 累计).
    case stock
    /// An amount over a period (年产值, 投资额).
    case flow
    /// A share (%, 占比).
    case ratio
    /// An amount per unit of something else (万元/人, 件/万人).
    case rate

    /// Ratios and rates do not add up across regions.
    public var canBeSummed: Bool { self == .stock || self == .flow }
  }

  /// How a region's figure relates to its children's.
  public enum RollupRule: String, Sendable, CaseIterable {
    /// The children's figures add up to the region's.
    case sum
    /// They do not (ratios, rates, or counts that overlap).
    case none
  }

  /// Whether a figure in `unit` can be stored in this indicator's unit: the same family, or a
  /// counting word the indicator lists as the same count (`座` for `个`), with its scale.
  public func accepts(_ unit: MeasureUnit) -> Bool {
    unit.isCompatible(with: self.unit) || sameCount(unit)
  }

  /// `value` in `unit` converted into the indicator's unit, or nil when it does not convert.
  public func convert(_ value: Double, from unit: MeasureUnit) -> Double? {
    guard accepts(unit) else { return nil }
    return unit.scale == self.unit.scale ? value : value * unit.scale / self.unit.scale
  }

  private func sameCount(_ unit: MeasureUnit) -> Bool {
    let words = Set(counts + [self.unit.base])
    return words.contains(unit.base) && words.contains(self.unit.base)
  }
}

/// The key of a series: `<region code>/<indicator id>` (`370000/5g-base-stations`). A target
/// without an indicator is its own series, keyed by the target's key.
public enum SeriesKey {
  public static func make(region: String, indicator: String) -> String {
    region + "/" + indicator
  }
}
