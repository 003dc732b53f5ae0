import Testing

@testable import PlanTrackCore

struct DayTests {
  @Test(arguments: [
    ("1970-01-01", 0),
    ("1969-12-31", -1),
    ("2000-02-29", 11016),
    ("2024-02-29", 19782),
    ("2025-12-31", 20453),
    ("0001-01-01", -719162),
    ("9999-12-31", 2_932_896),
  ])
  func ordinalOfValidDate(text: String, ordinal: Int) throws {
    let day = try #require(Day(iso: text))
    #expect(day.ordinal == ordinal)
    #expect(day.iso == text)
    #expect(day.description == text)
  }

  @Test(arguments: [
    "2025-02-30",  // February has 28 days in 2025
    "2023-02-29",  // 2023 is not a leap year
    "1900-02-29",  // divisible by 100, not by 400
    "2025-04-31",
    "2025-13-01",  // month 13
    "2025-00-10",  // month 0
    "2025-01-00",  // day 0
    "2025-01-32",
    "0000-01-01",  // year 0
    "2025-1-01",  // month not two digits
    "2025-01-1",
    "25-01-01",
    "02025-01-01",
    "２０２５-01-01",  // full-width digits
    "2025-０1-01",
    "2025/01/01",
    "20250101",
    "2025-01-01-01",
    "2025-01-01 ",
    " 2025-01-01",
    "",
    "abcd-ef-gh",
    "+202-01-01",  // a sign is not a digit
    "2025-+1-01",
    "2025-01-+1",
  ])
  func invalidDateIsRejected(text: String) {
    #expect(Day(iso: text) == nil)
  }

  @Test func leapDays() {
    #expect(Day(iso: "2024-02-29") != nil)
    #expect(Day(iso: "2000-02-29") != nil)
    #expect(Day(iso: "2023-02-29") == nil)
    #expect(Day(iso: "2100-02-29") == nil)
    #expect(Day.daysIn(month: 2, year: 2024) == 29)
    #expect(Day.daysIn(month: 2, year: 2023) == 28)
    #expect(Day.daysIn(month: 2, year: 2000) == 29)
    #expect(Day.daysIn(month: 2, year: 1900) == 28)
    #expect(Day.daysIn(month: 4, year: 2025) == 30)
    #expect(Day.daysIn(month: 12, year: 2025) == 31)
  }

  @Test func yearMonthDayInitializer() throws {
    let day = try #require(Day(year: 2023, month: 12, day: 31))
    #expect(day.iso == "2023-12-31")
    #expect(day.components == (2023, 12, 31))
    #expect(day.year == 2023)
    #expect(Day(year: 2025, month: 2, day: 29) == nil)
    #expect(Day(year: 10000, month: 1, day: 1) == nil)
    #expect(Day(year: 0, month: 12, day: 31) == nil)
  }

  /// Every day from 1969-12-25 to 2001-01-10 survives ordinal → iso → Day, and consecutive
  /// ordinals give consecutive dates.
  @Test func roundTripOverThirtyYears() throws {
    var previous = try #require(Day(iso: "1969-12-24"))
    for ordinal in -7...11332 {
      let day = Day(ordinal: ordinal)
      let parsed = try #require(Day(iso: day.iso), "\(day.iso)")
      #expect(parsed.ordinal == ordinal)
      #expect(previous.days(to: day) == 1)
      #expect(previous < day)
      previous = day
    }
    #expect(previous.iso == "2001-01-10")
  }

  @Test(arguments: [
    "1970-01-01", "2000-02-29", "9999-12-31", "0001-01-01", "1600-03-01", "1999-12-31",
    "2024-12-31", "2025-03-01", "0099-07-04", "0999-11-30",
  ])
  func roundTripThroughComponents(text: String) throws {
    let day = try #require(Day(iso: text))
    let (y, m, d) = day.components
    #expect(Day(year: y, month: m, day: d) == day)
    #expect(Day(ordinal: day.ordinal).iso == text)
  }

  @Test func ordinalDifferences() throws {
    let a = try #require(Day(iso: "2023-01-01"))
    let b = try #require(Day(iso: "2024-01-01"))
    let c = try #require(Day(iso: "2025-01-01"))
    #expect(a.days(to: b) == 365)
    #expect(b.days(to: c) == 366)  // 2024 is a leap year
    #expect(c.days(to: a) == -731)
    #expect(a.days(to: a) == 0)
    #expect(try #require(Day(iso: "2025-03-01")).days(to: #require(Day(iso: "2025-02-28"))) == -1)
    #expect(try #require(Day(iso: "2024-03-01")).days(to: #require(Day(iso: "2024-02-28"))) == -2)
  }

  @Test(arguments: [
    ("2025-01-31", 1, "2025-02-01"),
    ("2024-02-28", 1, "2024-02-29"),
    ("2023-02-28", 1, "2023-03-01"),
    ("2025-12-31", 1, "2026-01-01"),
    ("2025-01-01", -1, "2024-12-31"),
    ("2025-01-01", 0, "2025-01-01"),
    ("2023-01-01", 365, "2024-01-01"),
    ("2024-01-01", 366, "2025-01-01"),
    ("1970-01-01", -1, "1969-12-31"),
    ("2000-01-01", 10000, "2027-05-19"),
  ])
  func addingDays(start: String, n: Int, expected: String) throws {
    let day = try #require(Day(iso: start))
    #expect(day.adding(days: n).iso == expected)
    #expect(day.days(to: day.adding(days: n)) == n)
  }

  @Test func endOfYearAndMonth() {
    #expect(Day.endOfYear(2025)?.iso == "2025-12-31")
    #expect(Day.endOfYear(0) == nil)
    #expect(Day.endOfMonth(year: 2024, month: 2)?.iso == "2024-02-29")
    #expect(Day.endOfMonth(year: 2025, month: 2)?.iso == "2025-02-28")
    #expect(Day.endOfMonth(year: 2025, month: 4)?.iso == "2025-04-30")
    #expect(Day.endOfMonth(year: 2025, month: 12)?.iso == "2025-12-31")
    #expect(Day.endOfMonth(year: 2025, month: 13) == nil)
    #expect(Day.endOfMonth(year: 2025, month: 0) == nil)
  }

  @Test func yearsBetweenDays() throws {
    let start = try #require(Day(iso: "2020-01-01"))
    let fourYears = try #require(Day(iso: "2024-01-01"))  // 1461 days
    #expect(start.years(to: fourYears) == 4)
    #expect(fourYears.years(to: start) == -4)
    let oneYear = try #require(Day(iso: "2021-01-01"))  // 366 days
    #expect(abs(start.years(to: oneYear) - 366 / 365.25) < 1e-12)
    #expect(start.years(to: start) == 0)
  }

  @Test func ordering() throws {
    let early = try #require(Day(iso: "2024-12-31"))
    let late = try #require(Day(iso: "2025-01-01"))
    #expect(early < late)
    #expect(!(late < early))
    #expect([late, early].sorted() == [early, late])
    #expect(Day(ordinal: 20089) == late)
  }
}
