/// A calendar date without a time or a time zone: the unit of every deadline and as-of date.
///
/// Stored as the number of days since 1970-01-01 (proleptic Gregorian), so comparison and
/// differences are integer operations.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public let ordinal: Int

  /// Creates a day from its ordinal (days since 1970-01-01).
  public init(ordinal: Int) { self.ordinal = ordinal }

  /// Creates a day from a year, month and day, or `nil` when the date does not exist
  /// (2025-02-30, month 13, year 0).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    ordinal = era * 146097 + doe - 719468
  }

  /// Parses `YYYY-MM-DD` (exactly that shape), or returns `nil`.
  public init?(iso text: some StringProtocol) {
    // Fast path (a store of a million entries reads a million dates): ten ASCII bytes.
    if let day = Day.parseISO(String(text)) {
      self = day
      return
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// `YYYY-MM-DD` read straight from the UTF-8 bytes; nil for anything else (the slow path
  /// then gives the same answer for valid dates and nil for the rest).
  @inline(__always)
  static func parseISO(_ text: String) -> Day? {
    var text = text
    return text.withUTF8 { parseISO(bytes: $0) }
  }

  /// `YYYY-MM-DD` from raw UTF-8 bytes (as SQLite hands them over), or nil.
  @inline(__always)
  public static func parseISO(bytes b: UnsafeBufferPointer<UInt8>) -> Day? {
    guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
    var fields = (0, 0, 0)
    for i in 0..<10 where i != 4 && i != 7 {
      let c = b[i]
      guard c >= 0x30, c <= 0x39 else { return nil }
      let d = Int(c - 0x30)
      if i < 4 {
        fields.0 = fields.0 * 10 + d
      } else if i < 7 {
        fields.1 = fields.1 * 10 + d
      } else {
        fields.2 = fields.2 * 10 + d
      }
    }
    return Day(year: fields.0, month: fields.1, day: fields.2)
  }

  /// The year, month and day of this date.
  public var components: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil_from_days.
    let z = ordinal + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// The year of this date.
  public var year: Int { components.year }

  /// `YYYY-MM-DD`.
  public var iso: String {
    let (y, m, d) = components
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let ys = String(y)
    return String(repeating: "0", count: max(0, 4 - ys.count)) + ys + "-" + two(m) + "-" + two(d)
  }

  public var description: String { iso }

  /// The last day of the given year.
  public static func endOfYear(_ year: Int) -> Day? { Day(year: year, month: 12, day: 31) }

  /// The last day of the given month.
  public static func endOfMonth(year: Int, month: Int) -> Day? {
    guard (1...12).contains(month) else { return nil }
    return Day(year: year, month: month, day: daysIn(month: month, year: year))
  }

  /// Number of days in a month of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The day `n` days later (earlier when negative).
  public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: Day) -> Int { other.ordinal - ordinal }

  /// Years from `self` to `other`, as days / 365.25.
  public func years(to other: Day) -> Double { Double(days(to: other)) / 365.25 }

  public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
}
