import PlanTrackCore

/// Splits a file into its plan documents and reads what each says about itself.
///
/// A document starts at its title and document number (文号) standing alone on a line. Its
/// title is the nearby line with 关于, or one that ends like a plan (通知, 意见, 方案, 计划…).
enum DocumentSegmenter {
  /// The documents of `paragraphs`, each with the range of paragraphs it holds.
  static func documents(_ paragraphs: [Paragraph], fileName: String, year: Int?) -> [(
    DocumentInfo, Range<Int>
  )] {
    let numberIndices = paragraphs.indices.filter {
      DocumentNumber.isNumberLine(paragraphs[$0].text)
    }
    var starts: [(start: Int, title: Int?, number: Int?)] = []
    for n in numberIndices {
      let title = titleIndex(near: n, in: paragraphs)
      starts.append((min(n, title ?? n), title, n))
    }
    if starts.isEmpty {
      let title = paragraphs.indices.prefix(5).first { looksLikeTitle(paragraphs[$0].text) }
      starts.append((0, title, nil))
    }
    starts[0].start = 0
    var result: [(DocumentInfo, Range<Int>)] = []
    for (k, s) in starts.enumerated() {
      let end = k + 1 < starts.count ? starts[k + 1].start : paragraphs.count
      guard s.start < end else { continue }
      let range = s.start..<end
      var info = DocumentInfo(
        title: fileName, firstLine: paragraphs[range.lowerBound].firstLine,
        lastLine: paragraphs[range.upperBound - 1].origin.last?.line ?? 0)
      let number = s.number.flatMap { DocumentNumber.find(in: paragraphs[$0].text) }
      info.number = number?.text
      if let t = s.title { describe(&info, title: paragraphs[t].string) }
      if info.issuer == nil, let number { info.issuer = issuer(ofCode: number.code) }
      if let issuer = info.issuer { (info.level, info.region) = levelAndRegion(issuer) }
      let work = workYear(in: paragraphs[range])
      info.year =
        year ?? number?.year ?? info.period.map { $0.start.year } ?? work
        ?? dateYear(in: paragraphs[range])
      // A year's work report or task list without a 文号: its goals are that year's.
      if number == nil, info.period == nil, let work, info.year == work {
        info.period = years(work, work)
        info.isAnnualPlan = true
      }
      if info.period == nil, let y = info.year, info.title.contains("三年") {
        info.period = years(y, y + 2)
      }
      result.append((info, range))
    }
    return result
  }

  /// The paragraph that holds the title of the document numbered at `n`.
  private static func titleIndex(near n: Int, in p: [Paragraph]) -> Int? {
    let window = Array(max(0, n - 4)..<n).reversed() + Array((n + 1)..<min(p.count, n + 5))
    if let k = window.first(where: { p[$0].text.count <= 90 && p[$0].string.contains("关于") }) {
      return k
    }
    return window.first { looksLikeTitle(p[$0].text) }
  }

  private static let titleEndings = [
    "通知", "意见", "方案", "计划", "规划", "办法", "要点", "决定", "细则", "规定", "措施", "任务",
    "清单", "纲要", "预案",
  ]

  private static func looksLikeTitle(_ text: [Character]) -> Bool {
    let s = String(text)
    return text.count <= 80 && !s.contains("。") && titleEndings.contains { s.hasSuffix($0) }
  }

  /// Title, issuer and period from a title line such as
  /// 山东省人民政府办公厅关于印发山东省…2023年重点工作任务的通知.
  static func describe(_ info: inout DocumentInfo, title raw: String) {
    var title = raw
    if title.firstRange(of: "关于") == nil, let r = title.firstRange(of: "印发"),
      title[..<r.lowerBound].hasSuffix("人民政府") || title[..<r.lowerBound].hasSuffix("办公厅")
        || title[..<r.lowerBound].hasSuffix("办公室")
    {
      // 山东省人民政府印发…的通知: the PDF lost the 关于.
      title = String(title[..<r.lowerBound]) + "关于" + String(title[r.lowerBound...])
    }
    if let r = title.firstRange(of: "关于") {
      let issuer = String(title[..<r.lowerBound])
      if !issuer.isEmpty, issuer.count <= 30 { info.issuer = issuer }
      title = String(title[r.upperBound...])
      if title.hasPrefix("印发") || title.hasPrefix("转发") {
        title = String(title.dropFirst(2))
        if title.hasSuffix("的通知") { title = String(title.dropLast(3)) }
      } else {
        title = "关于" + title
      }
    }
    title = String(title.filter { !"《》".contains($0) })
    info.title = title
    info.period = period(in: Array(title))
    info.isAnnualPlan = isAnnualPlan(Array(title))
  }

  /// Whether the title names the work of one year: 2023年重点工作任务, 2024年地质灾害防治方案,
  /// 2023夏季旅游…方案; not …暨2023年“稳中向好”政策清单, where the year belongs to a name.
  static func isAnnualPlan(_ t: [Character]) -> Bool {
    var years = 0
    var annual = false
    var i = 0
    while i + 4 <= t.count {
      guard t[i..<(i + 4)].allSatisfy(\.isDigit), i == 0 || !t[i - 1].isDigit,
        i + 4 == t.count || !t[i + 4].isDigit
      else {
        i += 1
        continue
      }
      years += 1
      var j = i + 4
      if j < t.count, t[j] == "年" { j += 1 }
      if j < t.count, t[j] == "度" { j += 1 }
      annual = j < t.count && t[j].isHan
      i = j
    }
    return years == 1 && annual
  }

  /// （2023-2025年） → 2023-01-01…2025-12-31; 2023年重点工作 → that year.
  static func period(in t: [Character]) -> (Day, Day)? {
    var i = 0
    var years: [Int] = []
    while i + 4 <= t.count {
      if t[i..<(i + 4)].allSatisfy(\.isDigit), i == 0 || !t[i - 1].isDigit,
        i + 4 == t.count || !t[i + 4].isDigit, let y = Int(String(t[i..<(i + 4)])),
        (1990...2100).contains(y)
      {
        years.append(y)
        i += 4
      } else {
        i += 1
      }
    }
    guard let first = years.first, let last = years.last else { return nil }
    return Self.years(first, last)
  }

  /// The period from the first day of `first` to the last of `last`.
  static func years(_ first: Int, _ last: Int) -> (Day, Day) {
    (Day(year: first, month: 1, day: 1)!, Day.endOfYear(last)!)
  }

  /// Issuers of well-known document-number codes: the State Council and the provinces.
  static func issuer(ofCode code: String) -> String? {
    let office = code.contains("办")
    if code.hasPrefix("国") { return office ? "国务院办公厅" : "国务院" }
    let provinces: [Character: String] = [
      "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
      "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
      "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
      "粤": "广东省", "琼": "海南省", "川": "四川省", "黔": "贵州省", "滇": "云南省", "陕": "陕西省",
      "甘": "甘肃省", "青": "青海省", "蒙": "内蒙古自治区", "桂": "广西壮族自治区", "藏": "西藏自治区",
      "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区",
    ]
    guard code.count >= 3, code.dropFirst().hasPrefix("政"), let first = code.first,
      let province = provinces[first]
    else { return nil }
    return province + "人民政府" + (office ? "办公厅" : "")
  }

  /// Level and region from an issuer: 威海市人民政府 → city, 威海市.
  static func levelAndRegion(_ issuer: String) -> (String?, String?) {
    if issuer.hasPrefix("国务院") || issuer.hasPrefix("国家") { return ("national", "全国") }
    guard let r = issuer.firstRange(of: "人民政府") else { return (nil, nil) }
    let region = String(issuer[..<r.lowerBound])
    if region.hasSuffix("自治区") { return ("province", region) }
    if region.hasSuffix("区") || region.hasSuffix("县") || region.hasSuffix("旗") {
      return ("district", region)
    }
    if region.hasSuffix("市") {
      let municipalities = ["北京市", "天津市", "上海市", "重庆市"]
      return (municipalities.contains(region) ? "province" : "city", region)
    }
    if region.hasSuffix("省") || region.hasSuffix("自治区") { return ("province", region) }
    return (nil, region.isEmpty ? nil : region)
  }

  /// The year whose work the document sets out, for one without a 文号 (a government work
  /// report, a news account of one): the latest year in 2024年（全市）（经济社会发展）（的）主要
  /// 预期目标, 2024年政府工作重点, 提出了2013年的政府工作目标.
  static func workYear(in paragraphs: ArraySlice<Paragraph>) -> Int? {
    var best: Int?
    for p in paragraphs {
      let t = p.text
      for i in t.indices where i + 5 <= t.count && t[i..<(i + 4)].allSatisfy(\.isDigit) {
        guard t[i + 4] == "年", i == 0 || !t[i - 1].isDigit,
          let y = Int(String(t[i..<(i + 4)])), (1990...2100).contains(y)
        else { continue }
        let after = String(t[(i + 5)..<min(t.count, i + 24)])
        let phrase = after.prefix { !"，。；：,".contains($0) }
        let sets =
          ["主要预期目标", "预期目标", "政府工作重点", "政府工作目标", "工作要点", "重点工作", "实事", "重点任务", "工作安排"]
          .contains { phrase.contains($0) }
        // 市政府工作报告重点工作责任分解（2023年）: a short title with its year in parentheses.
        let titled =
          t.count <= 40 && i > 0 && t[i - 1] == "（" && i + 5 < t.count && t[i + 5] == "）"
          && ["报告", "任务", "分解", "要点", "实事", "计划"].contains { String(t).contains($0) }
        // 2024年广东经济社会发展有这些目标: the goals of a year's development.
        // (or a heading that stops there, its goals on the next line).
        let development =
          phrase.contains("经济社会发展") && (phrase.contains("目标") || phrase.hasSuffix("经济社会发展"))
        if sets || development || titled { best = max(best ?? y, y) }
      }
    }
    return best
  }

  /// The year of a date such as 发布日期：2023-01-23 or 2023年1月19日 in the document.
  private static func dateYear(in paragraphs: ArraySlice<Paragraph>) -> Int? {
    for p in paragraphs.prefix(40) {
      let t = p.text
      guard t.count <= 40 else { continue }
      for i in t.indices where i + 5 <= t.count && t[i..<(i + 4)].allSatisfy(\.isDigit) {
        // A date: 2023-01-23 or 2023年1月19日 (not an index number such as 000014349/2023-91150).
        guard "年-".contains(t[i + 4]), i == 0 || !(t[i - 1].isDigit || t[i - 1] == "/"),
          let y = Int(String(t[i..<(i + 4)])), (1990...2100).contains(y)
        else { continue }
        var j = i + 5
        while j < t.count, j < i + 7, t[j].isDigit { j += 1 }
        if j > i + 5, j < t.count, t[j] == (t[i + 4] == "年" ? "月" : "-") { return y }
      }
    }
    return nil
  }
}
