import PlanTrackCore

/// Decides whether a number with a unit is a goal, and reads its comparator and kind.
///
/// A goal is a quantity the plan commits to. Not goals: past figures, prices, fees, subsidies
/// and penalties; per-unit rates (元/吨); measures that qualify what is counted (投资500万元以上
/// 的项目, 30万千瓦以下机组, 30万吨级码头); counts after a list of named projects that are only
/// worked on (加快推进…等6个项目); durations that are rules (3个工作日内办结) rather than
/// limits; numbers inside names (《…》, “…”).
enum GoalRules {
  /// Why a quantity is not a goal.
  enum Rejection: Equatable, Sendable {
    case past, price, perUnit, qualifier, duration, processCount, inName, baseline
  }

  /// The reason `m` in clause `clause` of `t` is not a goal, or nil when it is one.
  static func rejection(
    _ m: QuantityMention, clause: Range<Int>, sentence: Range<Int>, in t: [Character],
    later: [QuantityMention], isPast: Bool
  ) -> Rejection? {
    if isPast { return .past }
    if m.perUnit, !isIntensityGoal(m, clause: clause, in: t) { return .perUnit }
    if isInsideName(m.start, in: t) { return .inName }
    let pre = clause.lowerBound..<m.start
    // 力争实现20%的村集体年收入超30万元: the goal is the share; what follows says which count
    // (but 80%以上的设区市、30%以上的县 are shares each).
    if m.unitClass != .percent, ["%的", "%以上的", "%左右的"].contains(where: { t.contains($0, in: pre) })
    {
      return .qualifier
    }
    let next: Character? = m.end < clause.upperBound ? t[m.end] : nil
    let isMoney = m.unit.hasSuffix("元")
    if isMoney || m.unitClass == .percent {
      let priceLevel = Lexicon.priceLevelWords.contains { t.contains($0, in: clause) }
      if Lexicon.priceWords.contains(where: {
        !(priceLevel && $0 == "价格") && t.contains($0, in: clause)
      }) {
        return .price
      }
      // 按…的30%: a share applied by a rule (but not 按期, 按时, 按计划).
      if let k = t.lastIndex(of: "按", in: pre), k + 1 < t.count, !"期时计".contains(t[k + 1]) {
        return .price
      }
    }
    // 按省市1:1的比例配套: a share applied by a rule.
    if m.unitClass == .ratio, let k = t.lastIndex(of: "按", in: pre), k + 1 < t.count,
      !"期时计".contains(t[k + 1])
    {
      return .price
    }
    // 大风是指平均风力大于6级: a definition, not a goal (but not 是指导, 联系指导).
    if ["是指", "系指", "指的是"].contains(where: { word in
      t.lastIndex(of: word, in: pre).map { k in
        let next = k + word.count
        return next >= t.count || !"导挥定出引南".contains(t[next])
      } ?? false
    }) {
      return .qualifier
    }
    if m.start > clause.lowerBound {
      let before = String(t[max(clause.lowerBound, m.start - 2)..<m.start])
      // 共20人, 以上36项: the size of a list; 居前10位: a rank; 满2个任期: a condition.
      if before.hasSuffix("共") || before.hasSuffix("以上") || before.hasSuffix("上述")
        || before.hasSuffix("满") || (before.hasSuffix("前") && ["位", "名"].contains(m.unit))
      {
        return .qualifier
      }
    }
    // 新增纳统单位15家（含）以上的, 年销售收入2亿元（含）以下企业: an eligibility test.
    if isCondition(m, clause: clause, in: t) { return .qualifier }
    if isNoteOnANoun(m, clause: clause, in: t) { return .qualifier }
    // 《行动方案》明确了5方面20项重点任务: what the plan itself contains — its tasks, measures
    // or actions, counted after 明确了/提出了/部署了.
    if ["明确了", "提出了", "部署了"].contains(where: { t.contains($0, in: pre) }) {
      let counted = SubjectRules.after(t, from: m.end, to: clause.upperBound)
      if ["任务", "措施", "举措", "行动", "工程", "方面"].contains(where: {
        counted.hasPrefix($0) || counted.hasPrefix("重点" + $0) || counted.hasPrefix("大" + $0)
      }) || (m.unit == "方面" || m.unit == "个方面") {
        return .qualifier
      }
    }
    // 划分为…4个级别: a classification.
    if ["分为", "划分为", "分成"].contains(where: { t.contains($0, in: pre) }) { return .qualifier }
    // 超过100万人的大城市: a relative clause that picks out what is meant.
    if m.unitClass != .percent, next == "的", m.suffix == nil || m.suffix == .atLeast,
      m.end + 1 < clause.upperBound, t[m.end + 1].isHan,
      ["超过", "不少于", "不低于", "达到", "低于", "不足"].contains(where: { t.contains($0, in: pre) })
    {
      return .qualifier
    }
    // A cap on money for each one (每家…不超过30万元) is a subsidy or tax rule.
    if isMoney, t.contains("每", in: clause) || comparator(m, clause: clause, in: t) == .atMost {
      return .price
    }
    // 由48.2%提高到100%: the first number is where it starts.
    if isBaseline(m, clause: clause, in: t) { return .baseline }
    // 原则上不低于合同金额的30%, 不低于停车位总数的10%: a share of a sum that a rule sets.
    if m.unitClass == .percent, m.start > 0, t[m.start - 1] == "的" {
      let noun = String(t[max(clause.lowerBound, m.start - 5)..<(m.start - 1)])
      let sums = ["金额", "总额", "总数", "额度", "资金", "费用", "成本", "总价", "价款"]
      if sums.contains(where: { noun.hasSuffix($0) }),
        ["不低于", "不超过", "不少于", "不高于", "低于", "高于"].contains(where: { t.contains($0, in: pre) })
      {
        return .qualifier
      }
    }
    if m.unitClass == .percent, let next {
      // 超过10%（含）的: an eligibility test; 50%用于, 20%由…发放: an allocation.
      let rest = String(t[m.end..<min(clause.upperBound, m.end + 4)])
      if rest.hasPrefix("（含）") || rest.hasPrefix("用于") || next == "由" { return .qualifier }
    }
    switch m.unitClass {
    case .measure, .duration, .multiple:
      if let next, next.isHan, !"和及与或、等".contains(next) { return .qualifier }
    case .count:
      // "为7000余家企业提供…1500亿元": the count says whom the goal serves.
      if let next, next.isHan, !later.isEmpty,
        ["为", "对", "向", "给", "帮助", "带动", "惠及", "覆盖"].contains(where: {
          t.contains($0, in: max(clause.lowerBound, m.start - 3)..<m.start)
        })
      {
        return .qualifier
      }
      // 加快推进…等6个项目建设: the projects are worked on; 推动1000个项目落地: a result.
      let resultAfter = Lexicon.outcomeVerbs.contains {
        t.contains($0, in: m.end..<clause.upperBound)
      }
      // (but 配送文艺指导不少于1800课时: a comparator after the verb makes it the subject's);
      // 继续实施35个城中村改造项目: 继续 makes any verb one of work in progress.
      if let verb = nearestVerb(before: m.start, in: t, clause: clause),
        let k = t.lastIndex(of: verb, in: clause.lowerBound..<m.start),
        (Lexicon.processVerbs.contains(verb) && !resultAfter)
          || (k >= 2 && t.hasPrefix("继续", at: k - 2)),
        !Lexicon.prefixComparators.contains(where: {
          $0.0.count > 1 && t.contains($0.0, in: (k + verb.count)..<m.start)
        })
      {
        return .processCount
      }
      if m.start > 0, t[m.start - 1] == "等", !resultAfter,
        !Lexicon.outcomeVerbs.contains(where: { t.contains($0, in: clause.lowerBound..<m.start) })
      {
        return .processCount
      }
    case .percent, .points, .ratio:
      break
    }
    // A time limit is a goal when the plan shortens it (压缩至3个工作日以内); 期限不超过3年 is a
    // rule of a loan or a subsidy.
    if m.unitClass == .duration,
      comparator(m, clause: clause, in: t) != .atMost
        || !["压缩", "缩短", "压减", "控制在", "提速", "减少"].contains(where: { t.contains($0, in: clause) })
    {
      return .duration
    }
    return nil
  }

  /// Whether a per-unit measure is an intensity the plan brings down or holds (煤耗降至300克
  /// 标煤/千瓦时, 用水量控制在20立方米/万元以下) rather than a price or a rate someone pays
  /// (80元/吨): its numerator is not money, and a verb of a limit or a level comes right before it.
  static func isIntensityGoal(_ m: QuantityMention, clause: Range<Int>, in t: [Character]) -> Bool {
    guard let numerator = m.unit.split(separator: "/").first, !numerator.hasSuffix("元") else {
      return false
    }
    let before = String(t[max(clause.lowerBound, m.start - 4)..<m.start])
    let verbs = [
      "降至", "降到", "下降到", "下降至", "降低到", "降低至", "控制在", "不高于", "不超过", "低于",
      "达到", "提高到", "提高至", "提升到", "提升至", "小于", "不大于", "保持在",
    ]
    return verbs.contains { before.hasSuffix($0) }
  }

  /// Whether index `i` is inside 《…》 or “…” (a name or a quoted slogan).
  static func isInsideName(_ i: Int, in t: [Character]) -> Bool {
    for (open, close) in [("《", "》"), ("“", "”"), ("〈", "〉")] as [(Character, Character)] {
      var depth = 0
      for c in t[..<i] {
        if c == open { depth += 1 } else if c == close, depth > 0 { depth -= 1 }
      }
      if depth > 0 { return true }
    }
    return false
  }

  /// Whether the number sets a condition: followed by （含）, or by …的 that ends the clause
  /// (…以上的，给予奖励), or inside 对…的 (对…达到1000万元的企业).
  static func isCondition(_ m: QuantityMention, clause: Range<Int>, in t: [Character]) -> Bool {
    let rest = String(t[m.unitEnd..<min(clause.upperBound, m.unitEnd + 8)])
    if rest.contains("（含）") || rest.contains("(含)") { return true }
    var j = m.end
    while j < clause.upperBound, "，、。；".contains(t[j]) == false, t[j] != "的" { j += 1 }
    if j < clause.upperBound, t[j] == "的", j - m.end <= 1 {
      let after = j + 1
      if after >= clause.upperBound || "，。；：".contains(t[after]) { return true }
    }
    if t[clause].first == "对", t.contains("的", in: m.end..<clause.upperBound) { return true }
    return false
  }

  /// Whether `m` is a bound in parentheses after a noun, which says which ones are meant:
  /// 规模以上工业企业（年用水量1万m3及以上）用水定额… (but not （力争达到100家以上）).
  static func isNoteOnANoun(_ m: QuantityMention, clause: Range<Int>, in t: [Character]) -> Bool {
    guard m.suffix == .atLeast || m.suffix == .atMost, m.end < t.count, t[m.end] == "）",
      let open = t.lastIndex(of: "（", in: clause.lowerBound..<m.start), open > 0, t[open - 1].isHan
    else { return false }
    let inside = (open + 1)..<m.start
    let words = Lexicon.prefixComparators.map(\.0) + Lexicon.outcomeVerbs + Lexicon.incrementVerbs
    return !words.contains { t.contains($0, in: inside) }
  }

  /// Whether `m` is the starting point of a change: 由48.2%提高到100%, 从50亿元增加至80亿元.
  static func isBaseline(_ m: QuantityMention, clause: Range<Int>, in t: [Character]) -> Bool {
    guard m.start > clause.lowerBound, "由从".contains(t[m.start - 1]) else { return false }
    let rest = String(t[m.end..<min(clause.upperBound, m.end + 4)])
    return ["提高", "增加", "增长", "提升", "下降", "降低", "减少", "扩大", "缩小", "压缩", "降", "增"]
      .contains { rest.hasPrefix($0) }
  }

  /// The verb (process or outcome) nearest before `i` in the clause.
  static func nearestVerb(before i: Int, in t: [Character], clause: Range<Int>) -> String? {
    var best: (Int, String)?
    for verb in Lexicon.processVerbs + Lexicon.outcomeVerbs {
      if let k = t.lastIndex(of: verb, in: clause.lowerBound..<i),
        best == nil || k + verb.count > best!.0 + best!.1.count
      {
        best = (k, verb)
      }
    }
    return best?.1
  }

  /// The comparator: a suffix (以上, 以内, 左右) first, then the nearest word before the number
  /// (不少于, 控制在, 约…), else `>=`.
  static func comparator(_ m: QuantityMention, clause: Range<Int>, in t: [Character])
    -> CandidateComparator
  {
    if let s = m.suffix { return s }
    let pre = clause.lowerBound..<m.start
    var best: (Int, CandidateComparator, Int)?
    for (word, c) in Lexicon.prefixComparators {
      guard let k = t.lastIndex(of: word, in: pre) else { continue }
      // One-character words (约, 近) count only right before the number: not 节约, 附近.
      if word.count == 1, k + 1 != m.start { continue }
      let end = k + word.count
      if best == nil || end > best!.0 || (end == best!.0 && word.count > best!.2) {
        best = (end, c, word.count)
      }
    }
    return best?.1 ?? .atLeast
  }

  /// The kind of goal: a share, a growth rate, a reduction, an increment or a level.
  static func kind(_ m: QuantityMention, clause: Range<Int>, in t: [Character]) -> TargetKind {
    let near = max(clause.lowerBound, m.start - 8)..<m.start
    let tail = String(t[near])
    let toward = tail.hasSuffix("到") || tail.hasSuffix("至") || tail.hasSuffix("达到")
    let rises = ["增长", "增速", "增幅", "提高", "提升", "增加", "翻"].contains { tail.contains($0) }
    let falls = ["下降", "降低", "减少", "压减", "削减", "减排"].contains { tail.contains($0) }
    switch m.unitClass {
    case .percent:
      if falls, !toward { return .reduction }
      // 年均增长率超200%, 居民消费价格涨幅3%左右: a rate of growth.
      if ["年均增长率", "增速", "涨幅", "价格指数"].contains(where: { tail.contains($0) }) { return .growth }
      if rises, !toward, !tail.contains("率"), !tail.contains("比重"), !tail.contains("占比") {
        return .growth
      }
      return .ratio
    case .points:
      return falls ? .reduction : .increment
    case .multiple:
      return .growth
    case .ratio:
      return .ratio
    case .count, .measure, .duration:
      let pre = clause.lowerBound..<m.start
      // 每万人拥有5G基站数达到18个, 每千名老年人拥有养老床位35张: a count per head.
      if m.unitClass == .count,
        pre.contains(where: { k in
          t[k] == "每" && k + 1 < m.start && "十百千万".contains(t[k + 1])
        })
      {
        return .ratio
      }
      // 煤耗降至300克标煤/千瓦时: an intensity is a level.
      if m.perUnit { return .level }
      if falls, !toward { return .reduction }
      if rises, !toward { return .increment }
      // A word of new things (新增…) makes an increment, unless a word that totals comes after
      // it: 新建成二级节点5个以上、累计达到25个以上 → an increment, then a level (but 新增规模,
      // 新增装机 name what is added).
      let last = { (words: [String]) in words.compactMap { t.lastIndex(of: $0, in: pre) }.max() }
      let new = last(["新增", "新建", "新开工", "每年"])
      let totals = last(["累计", "保持", "稳定在", "总计", "建有", "拥有"])
      if let new, totals.map({ $0 < new }) ?? true { return .increment }
      // Nouns of a stock: 粮食产量1270万吨, 综合生产能力6亿吨, 接待人数32亿人次.
      let stocks = [
        "总量", "保有量", "总规模", "规模", "装机", "总数", "存量", "产量", "能力", "人数",
      ]
      // 旅游总收入达到1.15万亿元 (but not 旅游总收入千亿元地级市3个).
      if m.unit.hasSuffix("元"), t.contains("总收入", in: pre) { return .level }
      if totals != nil || last(stocks) != nil {
        return .level
      }
      let lastIncrement = Lexicon.incrementVerbs.compactMap { t.lastIndex(of: $0, in: pre) }.max()
      let lastLevel = Lexicon.levelWords.compactMap { t.lastIndex(of: $0, in: pre) }.max()
      if let l = lastLevel, lastIncrement.map({ $0 < l }) ?? true { return .level }
      return .increment
    }
  }
}
