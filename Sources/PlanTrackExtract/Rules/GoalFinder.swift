import PlanTrackCore

/// Walks the paragraphs of one document and collects its candidate goals.
///
/// Deadlines have scopes: a clause's own deadline; one stated earlier in the sentence; one
/// that opens the paragraph ("到2025年，…"); one in a heading or a lead-in ending with "："
/// that governs the items below it; and last the document's period or year (marked inferred).
struct GoalFinder {
  let source: SourceText
  let paragraphs: [Paragraph]
  let info: DocumentInfo
  let document: Int

  private var result: [Candidate] = []
  /// Deadlines of headings and lead-ins, with the outline level they govern below.
  private var scopes: [(level: Double, deadline: Day)] = []
  /// Candidates of the current item, waiting for its lead units.
  private var blockStart = 0
  private var blockLeads: [String] = []

  init(source: SourceText, paragraphs: [Paragraph], info: DocumentInfo, document: Int) {
    self.source = source
    self.paragraphs = paragraphs
    self.info = info
    self.document = document
  }

  mutating func run(_ range: Range<Int>) -> [Candidate] {
    let fallback = defaultDeadline(range)
    var previousEndedWithLead = false
    var currentLevel = 0.0
    // The bullet of a list whose first item reports a past year.
    var pastBullet: Character?
    // The level of a heading such as 一、发展基础 or （一）基本情况: what follows describes the
    // present, until the next heading as high.
    var describing: Double?
    for p in paragraphs[range] {
      let marker = ItemMarker.at(p.text[...])
      if marker != nil || previousEndedWithLead { finishBlock() }
      if let marker {
        let level = Double(marker.level)
        scopes.removeAll { $0.level >= level }
        currentLevel = level
        if let d = describing, level <= d { describing = nil }
        let heading = p.text.count <= 30 && !p.text.contains("。")
        if heading, describing == nil, Self.describesPresent(p.text) { describing = level }
      }
      if describing != nil {
        blockLeads += LeadScanner.leads(in: p.text).filter { !blockLeads.contains($0) }
        previousEndedWithLead = false
        continue
      }
      let leads = LeadScanner.leads(in: p.text)
      blockLeads += leads.filter { !blockLeads.contains($0) }
      // ●2023年地区生产总值达到13.57万亿元 ●地方一般公共预算收入达1.39万亿元: the bullets
      // after one of a past year report that year too.
      let bullet = p.text.first.flatMap { Self.bullets.contains($0) ? $0 : nil }
      let (opening, opensPast) = process(
        p, fallback: fallback, pastBefore: bullet != nil && bullet == pastBullet)
      if let bullet, opensPast {
        pastBullet = bullet
      } else if bullet != pastBullet {
        pastBullet = nil
      }
      // A heading: an item's title, a lead-in ending in ：, or a short line of its own without
      // punctuation (2024年长宁区政府为民办实事项目) above a list.
      let isHeading =
        (marker != nil && !p.text.contains("。") && p.text.count <= 40) || p.text.last == "："
        || Self.isYearHeading(p.text)
      if isHeading, let opening {
        scopes.append((marker != nil ? currentLevel : currentLevel + 0.5, opening))
      }
      previousEndedWithLead = !leads.isEmpty && PlanLayout.endsParagraph(p.text)
    }
    finishBlock()
    return result
  }

  /// A short line of its own that opens with a year and names what follows, without
  /// punctuation: 2024年长宁区政府为民办实事项目 (but not a date such as 2023年9月9日).
  static func isYearHeading(_ t: [Character]) -> Bool {
    t.count <= 30 && t.count > 6 && t[0..<4].allSatisfy(\.isDigit) && t[4] == "年" && t[5].isHan
      && !t.contains(where: { "。，；！？月".contains($0) })
  }

  /// Characters that open the items of an unnumbered list.
  static let bullets: Set<Character> = ["●", "•", "■", "◆", "▪", "◇", "○", "·", "★", "☆"]

  /// Headings of sections that report the present rather than set goals.
  static func describesPresent(_ text: [Character]) -> Bool {
    let words = [
      "发展基础", "工作基础", "基本情况", "现状", "成效", "成就", "回顾", "形势", "存在问题", "机遇",
      "挑战", "进展情况", "面临问题", "主要问题",
    ]
    return words.contains { text.contains($0, in: 0..<text.count) }
  }

  private mutating func finishBlock() {
    for k in blockStart..<result.count where result[k].lead.isEmpty {
      result[k].lead = blockLeads
    }
    blockStart = result.count
    blockLeads = []
  }

  /// The end of a plan's period of several years (2023-2025); else the later of its one year
  /// and the latest "到YYYY年" of the document that is not in the past nor inside a name.
  private func defaultDeadline(_ range: Range<Int>) -> Day? {
    if let p = info.period, p.end.year > p.start.year || info.isAnnualPlan { return p.end }
    var latest: Int? = info.period?.end.year
    for p in paragraphs[range] {
      let t = p.text
      for i in t.indices where t[i] == "到" && i + 5 < t.count {
        guard t[(i + 1)..<(i + 5)].allSatisfy(\.isDigit), t[i + 5] == "年",
          let y = Int(String(t[(i + 1)..<(i + 5)]))
        else { continue }
        if let year = info.year, y < year { continue }
        if GoalRules.isInsideName(i, in: t) { continue }
        latest = max(latest ?? y, y)
      }
    }
    return latest.flatMap(Day.endOfYear)
  }

  /// Finds the goals of one paragraph; returns the deadline that opens it, if any, and whether
  /// a past year opens it. With `pastBefore`, the paragraph is one more bullet of a list whose
  /// first bullet is of a past year: it stays in the past until a deadline to come.
  private mutating func process(_ p: Paragraph, fallback: Day?, pastBefore: Bool = false)
    -> (opening: Day?, opensPast: Bool)
  {
    let t = p.text
    let masked = Self.leadNotes(in: t)
    var opening: Day?
    let body = (ItemMarker.at(t[...])?.length ?? 0)..<t.count
    let sentences = Self.split(t, body, at: "。！？；")
    // A past year stays in force over the parts of a sentence apart by ；, until 。 or a
    // deadline to come: "2016年，全市生产总值3212.2亿元，增长8%；一般公共预算收入260.5亿元…。"
    var carriedPast = pastBefore
    var opensPast = false
    var earlier: Day?
    for (si, sentence) in sentences.enumerated() {
      let clauses = Self.split(t, sentence, at: "，：")
      var sentenceDeadline: Day?
      // 《意见》提出，到2025年，…。体育产业总规模达到3200亿元: a deadline stated in an
      // earlier sentence of the paragraph holds until another one.
      defer { if let d = sentenceDeadline { earlier = d } }
      var sentencePast = carriedPast
      var pastYear = carriedPast
      defer { carriedPast = pastYear && sentencePast && t[sentence.upperBound - 1] == "；" }
      var perYear = false
      let headingLike = si == 1 && sentences[0].count <= 16
      for (ci, clause) in clauses.enumerated() {
        let time = DeadlineScanner.scan(t, clause, year: info.year)
        // The first clause's pastness holds for its sentence (截至2022年底，…); a past year
        // later in it, for the rest of it ("…说，2016年，全市生产总值3212.2亿元，增长8%"); a
        // deadline to come ends either.
        if time.isPast, ci == 0 || time.isPastYear { sentencePast = true }
        if time.isPastYear { pastYear = true }
        if si == 0, ci == 0, time.isPastYear { opensPast = true }
        if time.deadline != nil, !time.isPast { sentencePast = false }
        if time.perYear { perYear = true }
        if let d = time.deadline {
          if ci == 0, si == 0 || headingLike, opening == nil { opening = d }
          if !time.isPast { sentenceDeadline = d }
        }
        let stated =
          time.deadline ?? sentenceDeadline ?? earlier ?? opening ?? scopes.last?.deadline
        let due = stated ?? fallback
        let mentions = QuantityScanner.mentions(in: Array(t[clause])).map {
          var m = $0
          m.start += clause.lowerBound
          m.end += clause.lowerBound
          m.unitEnd += clause.lowerBound
          return m
        }
        var accepted: [QuantityMention] = []
        for (k, m) in mentions.enumerated() {
          if masked.contains(where: { $0.contains(m.start) }) { continue }
          // "7 名词术语…": a number that opens a paragraph numbers it.
          if m.start == 0 { continue }
          let rejection = GoalRules.rejection(
            m, clause: clause, sentence: sentence, in: t, later: Array(mentions[(k + 1)...]),
            isPast: sentencePast || time.isPast)
          if rejection == nil { accepted.append(m) }
        }
        var metrics = Self.metrics(for: accepted, clause: clause, in: t)
        // "全行业收入稳步增长，到2025年达到5.2万亿元": a goal without a subject of its own
        // is about the topic of the clause before it.
        if ci > 0, metrics.contains(where: \.isEmpty),
          let topic = SubjectRules.topic(t, clauses[ci - 1])
        {
          metrics = metrics.map { $0.isEmpty ? topic : $0 }
        }
        var comparators = accepted.map { GoalRules.comparator($0, clause: clause, in: t) }
        // "分别增长8%和8.5%左右": the last one's 左右 (以上, 以内) is said of every member.
        if t.contains("分别", in: clause) {
          for k in accepted.indices.dropLast().reversed() where accepted[k].suffix == nil {
            let between = t[accepted[k].end..<accepted[k + 1].start]
            if between.allSatisfy({ "、和及与".contains($0) }), accepted[k + 1].suffix != nil {
              comparators[k] = comparators[k + 1]
            }
          }
        }
        var kinds = accepted.map { GoalRules.kind($0, clause: clause, in: t) }
        // "排放分别降低2.5%左右、3.9%左右": numbers listed one after another are of one kind.
        for k in accepted.indices.dropFirst() {
          let between = t[accepted[k - 1].end..<accepted[k].start]
          if !between.isEmpty, between.allSatisfy({ "、和及与".contains($0) }),
            accepted[k - 1].unitClass == accepted[k].unitClass
          {
            kinds[k] = kinds[k - 1]
          }
        }
        for (k, (m, metric)) in zip(accepted, metrics).enumerated() {
          result.append(
            Candidate(
              metric: metric, value: m.value, valueMax: m.valueMax, unit: m.unit,
              comparator: comparators[k],
              kind: kinds[k], due: due,
              dueInferred: stated == nil, perYear: perYear,
              line: p.origin[m.start].line, quote: quote(p, clause), lead: [],
              document: document))
        }
      }
    }
    return (opening, opensPast)
  }

  /// The clause as written in the file.
  private func quote(_ p: Paragraph, _ clause: Range<Int>) -> String {
    var lo = clause.lowerBound
    var hi = clause.upperBound - 1
    while lo < hi, "，。；：、".contains(p.text[lo]) { lo += 1 }
    while hi > lo, "，。；：、".contains(p.text[hi]) { hi -= 1 }
    return source.text(from: p.origin[lo], through: p.origin[hi])
  }

  /// Metric names for the accepted numbers of one clause. Numbers that follow each other with
  /// only 、/和/及 between them share the subject before the first, split over them when it is
  /// a list of as many parts.
  static func metrics(for ms: [QuantityMention], clause: Range<Int>, in t: [Character])
    -> [String]
  {
    var names = [String](repeating: "", count: ms.count)
    var k = 0
    var previousEnd = clause.lowerBound
    var shared = ""
    while k < ms.count {
      var group = [k]
      while let last = group.last, last + 1 < ms.count,
        String(t[ms[last].end..<ms[last + 1].start]).allSatisfy({ "、和及与，".contains($0) })
      {
        group.append(last + 1)
      }
      let first = ms[k]
      let counted = SubjectRules.after(t, from: first.end, to: clause.upperBound)
      var subject = SubjectRules.before(t, previousEnd..<first.start)
      if subject.isEmpty { subject = shared }
      if shared.isEmpty { shared = subject }
      let countable =
        first.unitClass == .count
        || (first.unitClass == .percent && first.end < clause.upperBound && t[first.end] == "的")
      let usesCounted =
        group.count == 1 && countable
        && counted.first.map { $0.isHan || $0 == "“" || $0.isASCII && ($0.isLetter || $0.isNumber) }
          ?? false
      var end = ms[group.last!].end
      if usesCounted {
        // "建设2000个以上智慧社区": the counted noun names it, after a bare verb if there is one.
        let verb = Lexicon.incrementVerbs.first {
          subject == $0 || subject.hasSuffix($0) && subject.count <= 4
        }
        names[k] = (verb.map { subject.count <= 4 ? subject : $0 } ?? "") + counted
        if first.unitClass == .percent { names[k] = counted }
        end = min(clause.upperBound, first.end + (t[first.end] == "的" ? 1 : 0) + counted.count)
      } else if let parts = SubjectRules.distribute(subject, over: group.count) {
        for (g, name) in zip(group, parts) { names[g] = name }
      } else {
        for g in group { names[g] = subject }
      }
      if names[k].isEmpty {
        // "16市和60%的县（市、区）达到四星级以上标准": what follows says what is counted.
        let rest = SubjectRules.after(t, from: ms[group.last!].end, to: clause.upperBound)
        for g in group where names[g].isEmpty { names[g] = rest }
      }
      previousEnd = end
      while previousEnd < clause.upperBound, "、和及与的".contains(t[previousEnd]) { previousEnd += 1 }
      k = group.last! + 1
    }
    return names
  }

  /// Ranges of `t[range]` between the separators, without empty ones; parentheses and quotes
  /// keep their separators inside.
  static func split(_ t: [Character], _ range: Range<Int>, at separators: String) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = range.lowerBound
    var depth = 0
    for i in range {
      let c = t[i]
      if "（《“".contains(c) { depth += 1 }
      if "）》”".contains(c), depth > 0 { depth -= 1 }
      // 0.8：1 is a ratio, not a colon.
      let isRatio = c == "：" && i > 0 && i + 1 < t.count && t[i - 1].isDigit && t[i + 1].isDigit
      if depth == 0, separators.contains(c), !isRatio {
        if i + 1 > start { result.append(start..<(i + 1)) }
        start = i + 1
      }
    }
    if start < range.upperBound { result.append(start..<range.upperBound) }
    return result
  }

  /// The parenthesised notes that name lead units: （牵头单位：…）.
  static func leadNotes(in t: [Character]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var i = 0
    while let open = t[i...].firstIndex(of: "（") {
      guard let close = t[open...].firstIndex(of: "）") else { break }
      let inner = String(t[open...close])
      if ["单位", "牵头", "负责", "部门"].contains(where: { inner.contains($0) }) {
        result.append(open..<(close + 1))
      }
      i = close + 1
    }
    return result
  }
}
