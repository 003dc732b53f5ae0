import PlanTrackCore

/// What a clause says about time: a deadline, a past figure, a quota for every year.
struct TimeContext: Equatable, Sendable {
  /// The deadline the clause states (到2025年, 2023年底, 年底前, 6月底前), if any.
  var deadline: Day?
  /// Whether the clause reports a past figure (截至2022年底, 2021年…, 已建成).
  var isPast = false
  /// Whether a year before the document's says so (2021年…), not only a word (已建成): a past
  /// year holds for the rest of its sentence.
  var isPastYear = false
  /// Whether the clause sets a quota for every year (每年).
  var perYear = false
}

/// Reads deadlines and the markers of past figures in normalised clause text.
enum DeadlineScanner {
  /// The time context of `t[range]` in a document of year `year`.
  /// - Complexity: O(n) in the clause length.
  static func scan(_ t: [Character], _ range: Range<Int>, year: Int?) -> TimeContext {
    var context = TimeContext()
    var i = range.lowerBound
    while i < range.upperBound {
      if t[i].isDigit, i == range.lowerBound || !t[i - 1].isDigit,
        let (y, afterYear) = fourDigitYear(t, i, range), afterYear < range.upperBound,
        t[afterYear] == "年" || "-—~至到".contains(t[afterYear])
      {
        var end = afterYear
        var lastYear = y
        // A span of years, 2023—2025年: the later one counts.
        if t[end] != "年" {
          guard end + 1 < range.upperBound, let (y2, e2) = fourDigitYear(t, end + 1, range),
            e2 < range.upperBound, t[e2] == "年"
          else {
            i = afterYear
            continue
          }
          lastYear = y2
          end = e2
        }
        let (due, after) = dateAfterYear(t, yearIndex: end, year: lastYear, range)
        // 《…（2023—2025年）》 and 行动计划（2023—2025年）: the period of a plan that is named.
        if GoalRules.isInsideName(i, in: t) || (lastYear != y && isInParentheses(i, t)) {
          i = after
          continue
        }
        let before = String(t[max(range.lowerBound, i - 3)..<i])
        let following = String(t[after..<min(range.upperBound, after + 3)])
        let isBaseline =
          ["较", "比", "相比", "与", "同", "和", "从", "自", "于"].contains { before.hasSuffix($0) }
          || ["基础上", "水平", "同期", "以来", "起", "开始", "为基", "基数", "的基"].contains {
            following.hasPrefix($0)
          }
        let isSince = before.hasSuffix("截至") || before.hasSuffix("截止")
        if isBaseline {
          // 较2020年: a baseline year, neither a deadline nor a past figure.
        } else if let year, lastYear < year {
          context.isPast = true
          context.isPastYear = true
        } else if isSince, let year, lastYear <= year,
          due.map({ $0 <= Day.endOfYear(year)! }) ?? false,
          t.contains("已", in: range)
        {
          context.isPast = true
        } else {
          context.deadline = due
        }
        i = after
        continue
      }
      if let (due, after) = relativeDeadline(t, i, range, year: year) {
        if let due { context.deadline = due }
        i = after
        continue
      }
      if t.hasPrefix("每年", at: i) || t.hasPrefix("年均", at: i) {
        context.perYear = t.hasPrefix("每年", at: i) || context.perYear
      }
      i += 1
    }
    if isPastByWords(t, range) { context.isPast = true }
    return context
  }

  /// Whether index `i` is inside （…）.
  static func isInParentheses(_ i: Int, _ t: [Character]) -> Bool {
    var depth = 0
    for c in t[..<i] {
      if c == "（" { depth += 1 } else if c == "）", depth > 0 { depth -= 1 }
    }
    return depth > 0
  }

  /// A four-digit year 1990–2100 at `i`.
  private static func fourDigitYear(_ t: [Character], _ i: Int, _ range: Range<Int>) -> (
    Int, Int
  )? {
    guard i + 4 <= range.upperBound, t[i..<(i + 4)].allSatisfy(\.isDigit),
      i + 4 == range.upperBound || !t[i + 4].isDigit,
      let y = Int(String(t[i..<(i + 4)])), (1990...2100).contains(y)
    else { return nil }
    return (y, i + 4)
  }

  /// The day meant by what follows "YYYY年" at `yearIndex` (the 年): 底/末 → year end;
  /// M月底 → end of M; M月前 → end of M−1; 上半年 → June 30; 第N季度 → quarter end.
  private static func dateAfterYear(
    _ t: [Character], yearIndex: Int, year: Int, _ range: Range<Int>
  ) -> (Day?, Int) {
    var j = yearIndex + 1
    if let (day, after) = monthDate(t, j, range, year: year) { return (day, after) }
    for word in ["上半年", "年中"] where t.hasPrefix(word, at: j - 1) || t.hasPrefix(word, at: j) {
      return (Day(year: year, month: 6, day: 30), j + word.count)
    }
    if let (q, after) = quarter(t, j, range) {
      return (Day.endOfMonth(year: year, month: q * 3), after)
    }
    for word in ["年底前", "年末前", "底前", "末前", "年底", "年末", "底", "末", "前", "内"]
    where t.hasPrefix(word, at: j) {
      j += word.count
      break
    }
    return (Day.endOfYear(year), j)
  }

  /// "M月底前", "M月底", "M月前", "M月" at `j`.
  private static func monthDate(
    _ t: [Character], _ j: Int, _ range: Range<Int>, year: Int
  ) -> (Day?, Int)? {
    var k = j
    var digits = ""
    while k < range.upperBound, t[k].isDigit, digits.count < 2 {
      digits.append(t[k])
      k += 1
    }
    guard let m = Int(digits), (1...12).contains(m), k < range.upperBound, t[k] == "月" else {
      return nil
    }
    k += 1
    if t.hasPrefix("底", at: k) || t.hasPrefix("末", at: k) {
      k += 1
      if t.hasPrefix("前", at: k) || t.hasPrefix("以前", at: k) { k += t[k] == "前" ? 1 : 2 }
      return (Day.endOfMonth(year: year, month: m), k)
    }
    if t.hasPrefix("前", at: k) || t.hasPrefix("以前", at: k) {
      k += t[k] == "前" ? 1 : 2
      if m == 1 { return (Day.endOfYear(year - 1), k) }
      return (Day.endOfMonth(year: year, month: m - 1), k)
    }
    if t.hasPrefix("份", at: k) { k += 1 }
    return (Day.endOfMonth(year: year, month: m), k)
  }

  /// "一季度", "第一季度", "1季度" at `j`: the quarter number.
  private static func quarter(_ t: [Character], _ j: Int, _ range: Range<Int>) -> (Int, Int)? {
    var k = j
    if t.hasPrefix("第", at: k) { k += 1 }
    guard k < range.upperBound, k < t.count else { return nil }
    let numerals: [Character: Int] = [
      "一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4,
    ]
    guard let q = numerals[t[k]], t.hasPrefix("季度", at: k + 1) else { return nil }
    return (q, k + 3)
  }

  /// Deadlines without a year: 年底(前), 年内, 今年, 全年 → the document's year end; M月底前 →
  /// that month of the document's year; "十四五"期间/末 → 2025.
  private static func relativeDeadline(
    _ t: [Character], _ i: Int, _ range: Range<Int>, year: Int?
  ) -> (Day?, Int)? {
    let previous: Character? = i > range.lowerBound ? t[i - 1] : nil
    let afterNumeral =
      previous.map { $0.isDigit || $0.isChineseNumeral || $0 == "每" || $0 == "本" } ?? false
    for word in ["年底前", "年末前", "年底", "年末", "年内", "今年", "全年", "当年", "本年", "年中"]
    where t.hasPrefix(word, at: i) {
      guard !afterNumeral || word == "全年" || word == "今年" else { return (nil, i + word.count) }
      if word == "年中" { return (year.flatMap { Day(year: $0, month: 6, day: 30) }, i + 2) }
      return (year.flatMap(Day.endOfYear), i + word.count)
    }
    if t.hasPrefix("上半年", at: i) {
      return (year.flatMap { Day(year: $0, month: 6, day: 30) }, i + 3)
    }
    if let q = quarter(t, i, range), previous != "年" {
      return (year.flatMap { Day.endOfMonth(year: $0, month: q.0 * 3) }, q.1)
    }
    if t[i].isDigit, previous.map({ !$0.isDigit }) ?? true, let year,
      let (day, after) = monthDate(t, i, range, year: year),
      after - i <= 5, t[i..<after].contains("底") || t[i..<after].contains("前")
    {
      return (day, after)
    }
    for word in ["“十四五”期间", "“十四五”末", "“十四五”时期", "十四五期间", "十四五末"]
    where t.hasPrefix(word, at: i) {
      return (Day.endOfYear(2025), i + word.count)
    }
    for word in ["“十五五”期间", "“十五五”末", "“十五五”时期"] where t.hasPrefix(word, at: i) {
      return (Day.endOfYear(2030), i + word.count)
    }
    return nil
  }

  /// Words that report the present or the past: 截至, 已建成, 现有, 目前, 去年, 达到了, and the
  /// attendance of the session a work report is given to.
  static func isPastByWords(_ t: [Character], _ range: Range<Int>) -> Bool {
    for word in [
      "现有", "目前", "去年", "前年", "上年度", "此前", "过去", "以来", "已累计", "已建成", "已达到",
      "已完成", "已实现", "已有", "已经", "已超过", "已突破", "已形成", "已获批", "建成了", "达到了",
      "实现了", "完成了", "增长了", "提高了", "超过了", "突破了", "获批", "荣获", "位居", "居全国", "居全省",
      // The session that hears a work report: 现在实有代表334名, 实际出席会议的代表318名.
      "现在实有", "实有代表", "出席会议", "缺席会议", "代表名额", "人大代表", "无记名投票", "票决",
    ]
    where t.contains(word, in: range) {
      if word == "以来" || word == "现有" || word == "获批" {
        // "现有企业" names a group, "获批" can be a goal; only a figure right after counts.
        continue
      }
      return true
    }
    return false
  }
}
