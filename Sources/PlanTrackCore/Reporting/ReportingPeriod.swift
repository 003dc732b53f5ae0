/// One period a series reports for: a month (`2025-06`), a quarter (`2025-Q2`), a half year
/// (`2025-H1`), a year (`2025`) or an ISO week (`2025-W23`), with the days it spans.
///
/// A figure belongs to the period that contains its as-of date; the period's figure is the
/// latest current figure inside it. Each period has a deadline a number of days after it
/// ends (`ReportingRule`).
public struct ReportingPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let frequency: UpdateFrequency
  public let start: Day
  public let end: Day

  /// The period of `frequency` that contains `day`.
  public init(_ frequency: UpdateFrequency, containing day: Day) {
    self.frequency = frequency
    let (y, m, _) = day.components
    switch frequency {
    case .weekly:
      // ISO weeks start on Monday; 1970-01-01 was a Thursday.
      let weekday = ((day.ordinal + 3) % 7 + 7) % 7  // 0 = Monday
      start = day.adding(days: -weekday)
      end = start.adding(days: 6)
    case .monthly:
      start = Day(year: y, month: m, day: 1)!
      end = Day.endOfMonth(year: y, month: m)!
    case .quarterly:
      let first = (m - 1) / 3 * 3 + 1
      start = Day(year: y, month: first, day: 1)!
      end = Day.endOfMonth(year: y, month: first + 2)!
    case .halfyearly:
      let first = m <= 6 ? 1 : 7
      start = Day(year: y, month: first, day: 1)!
      end = Day.endOfMonth(year: y, month: first + 5)!
    case .yearly:
      start = Day(year: y, month: 1, day: 1)!
      end = Day.endOfYear(y)!
    }
  }

  /// `2025-06`, `2025-Q2`, `2025-H1`, `2025`, `2025-W23`: what commands take and print.
  public var label: String {
    let (y, m, _) = start.components
    let year = String(y)
    switch frequency {
    case .monthly: return year + "-" + (m < 10 ? "0\(m)" : "\(m)")
    case .quarterly: return year + "-Q\((m - 1) / 3 + 1)"
    case .halfyearly: return year + (m == 1 ? "-H1" : "-H2")
    case .yearly: return year
    case .weekly:
      // The ISO year and week are those of the week's Thursday.
      let thursday = start.adding(days: 3)
      let isoYear = thursday.year
      let week = (Day(year: isoYear, month: 1, day: 1)!.days(to: thursday)) / 7 + 1
      return "\(isoYear)-W" + (week < 10 ? "0\(week)" : "\(week)")
    }
  }

  public var description: String { label }

  /// The period before this one.
  public var previous: ReportingPeriod {
    ReportingPeriod(frequency, containing: start.adding(days: -1))
  }

  /// The period after this one.
  public var next: ReportingPeriod { ReportingPeriod(frequency, containing: end.adding(days: 1)) }

  public func contains(_ day: Day) -> Bool { start <= day && day <= end }

  public static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool { a.start < b.start }

  /// Parses a period as written on the command line: `2025-06`, `2025-Q2`, `2025-H1`,
  /// `2025`, `2025-W23`; nil for anything else (`2025-13`, `2025-Q5`, `25-06`).
  public init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let first = parts.first, first.count == 4, first.allSatisfy(\.isASCIIDigit),
      let year = Int(first), year >= 1
    else { return nil }
    if parts.count == 1 {
      self.init(.yearly, containing: Day(year: year, month: 1, day: 1)!)
      return
    }
    guard parts.count == 2 else { return nil }
    let rest = parts[1]
    func number(_ s: Substring) -> Int? {
      s.count >= 1 && s.count <= 2 && s.allSatisfy(\.isASCIIDigit) ? Int(s) : nil
    }
    if rest.count == 2, let month = number(rest[...]), (1...12).contains(month) {
      self.init(.monthly, containing: Day(year: year, month: month, day: 1)!)
    } else if rest.hasPrefix("Q"), let q = number(rest.dropFirst()), (1...4).contains(q) {
      self.init(.quarterly, containing: Day(year: year, month: q * 3 - 2, day: 1)!)
    } else if rest.hasPrefix("H"), let h = number(rest.dropFirst()), (1...2).contains(h) {
      self.init(.halfyearly, containing: Day(year: year, month: h * 6 - 5, day: 1)!)
    } else if rest.hasPrefix("W"), let w = number(rest.dropFirst()), w >= 1 {
      // Week 1 holds the year's first Thursday (4 January is always in it).
      let jan4 = Day(year: year, month: 1, day: 4)!
      let week = ReportingPeriod(.weekly, containing: jan4.adding(days: (w - 1) * 7))
      guard week.label == text else { return nil }  // W53 in a year of 52 weeks
      self = week
    } else {
      return nil
    }
  }

  /// The period of `frequency` that ends on the same day as `self`, if there is one: the
  /// quarter 2025-Q2 for the month 2025-06, none for 2025-05. How `submit --period 2025-06`
  /// finds the quarterly series whose period closes with June.
  public func closing(as frequency: UpdateFrequency) -> ReportingPeriod? {
    let other = ReportingPeriod(frequency, containing: end)
    return other.end == end ? other : nil
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

/// When a series' figures are due: its frequency and how many days after each period ends
/// the figure must be submitted.
public struct ReportingRule: Hashable, Sendable {
  public var frequency: UpdateFrequency
  /// Days after the period's last day; the deadline is that day (inclusive).
  public var deadlineDays: Int

  public init(frequency: UpdateFrequency, deadlineDays: Int? = nil) {
    self.frequency = frequency
    self.deadlineDays = deadlineDays ?? Self.defaultDeadlineDays(frequency)
  }

  /// The usual deadlines: a month's figure by the 10th of the next month, a quarter's by the
  /// 15th after it, a half year's by the 20th after it, a year's by 31 January, a week's by
  /// the Wednesday after it (3 days).
  public static func defaultDeadlineDays(_ frequency: UpdateFrequency) -> Int {
    switch frequency {
    case .weekly: 3
    case .monthly: 10
    case .quarterly: 15
    case .halfyearly: 20
    case .yearly: 31
    }
  }

  public func period(containing day: Day) -> ReportingPeriod {
    ReportingPeriod(frequency, containing: day)
  }

  /// The last day a figure for `period` is on time.
  public func deadline(of period: ReportingPeriod) -> Day { period.end.adding(days: deadlineDays) }

  /// The latest period that has ended on or before `asOf`: what `reporting` in the status is
  /// about (at 2024-08-15 a monthly series reports on 2024-07).
  public func latestEnded(asOf: Day) -> ReportingPeriod {
    let current = period(containing: asOf)
    return current.end <= asOf ? current : current.previous
  }
}
