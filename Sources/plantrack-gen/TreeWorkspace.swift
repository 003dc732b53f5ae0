// plantrack-gen --tree: a workspace over the shipped region tree, for the roll-up benchmark.
//
// Every province, prefecture and county below a region gets a plan document with goals on
// the workspace's 20 indicators; every leaf of the tree (a county, or a prefecture without
// counties) reports monthly figures of the 15 summed indicators from 2021-01 up to the bench's
// as-of date, 2025-06-30; some provinces and prefectures report figures of their own (most
// within 1% of their children's sum, some off by more); ratios and rates are reported once a
// year by every region. The same for the same arguments.
import Foundation
import PlanTrackCore
import PlanTrackStore

/// An office that leads a goal, named by the level of the region whose plan it is in.
enum Department {
  case development, industry, energy, science, commerce, housing, market, forestry, ip
  case telecom, statistics

  /// `省发展改革委`, `市科技局`, `县住房城乡建设局`; `prefix` is the region's `省`, `市`, `县`, ….
  func name(level: RegionLevel, prefix: String) -> String {
    if level == .national {
      return switch self {
      case .development: "国家发展改革委"
      case .industry, .telecom: "工业和信息化部"
      case .energy: "国家能源局"
      case .science: "科技部"
      case .commerce: "商务部"
      case .housing: "住房城乡建设部"
      case .market: "市场监管总局"
      case .forestry: "国家林草局"
      case .ip: "国家知识产权局"
      case .statistics: "国家统计局"
      }
    }
    // Provinces have 厅, municipalities and lower levels 局.
    let office = level == .province && prefix != "市" ? "厅" : "局"
    let local = level != .province
    return switch self {
    case .development: prefix + (level == .county ? "发展改革局" : "发展改革委")
    case .industry: prefix + "工业和信息化" + office
    case .energy: prefix + (local ? "发展改革局" : "能源局")
    case .science: prefix + "科技" + office
    case .commerce: prefix + "商务" + office
    case .housing: prefix + "住房城乡建设" + office
    case .market: prefix + "市场监管局"
    case .forestry: prefix + (local ? "自然资源局" : "林业局")
    case .ip: prefix + (local ? "市场监管局" : "知识产权局")
    case .telecom: local ? prefix + "工业和信息化局" : prefix + "通信管理局"
    case .statistics: prefix + "统计局"
    }
  }
}

/// One of the tree workspace's indicators and how its figures are made.
struct TreeIndicator {
  enum Model {
    /// A level at month ends: `perLeaf` at 2021-01 in an average leaf, growing by `growth` in
    /// 2021 and by `decay` times the previous year's rate each year after.
    case stock(perLeaf: Double, growth: Double, decay: Double)
    /// An amount per month (`perLeaf` in 2021 in an average leaf, growing by `growth` a year),
    /// reported as the year's running total (累计值) from January–February on.
    case flow(perLeaf: Double, growth: Double)
    /// A share or rate reported once a year: `national` in 2021, moving by `trend` a year
    /// (percentage points, or a growth rate when `compound`); each region lies around its
    /// parent's level, spread by `spread` (log-normal) at each level below the country.
    case yearly(
      national: Double, trend: Double, compound: Bool, spread: Double, range: ClosedRange<Double>)
  }

  let id: String
  let name: String
  let en: String
  let unit: String
  var counts: [String] = []
  let measure: Indicator.Measure
  let category: String
  let lead: Department
  /// Decimals of its figures in its unit.
  let digits: Int
  let model: Model
  /// The unit national and provincial plans state goals in, and the factor into it.
  var largeUnit: (text: String, factor: Double)?
  /// The name of a goal on its growth (新建5G基站), for increment targets on a stock.
  var newName: String?

  var summed: Bool { measure.canBeSummed }
}

enum TreeWorkspace {
  static let indicators: [TreeIndicator] = [
    TreeIndicator(
      id: "5g-base-stations", name: "5G基站", en: "5G base stations", unit: "个", counts: ["个", "座"],
      measure: .stock, category: "5g", lead: .telecom, digits: 0,
      model: .stock(perLeaf: 250, growth: 0.95, decay: 0.6), largeUnit: ("万个", 1e-4),
      newName: "新建5G基站"),
    TreeIndicator(
      id: "nev-stock", name: "新能源汽车保有量", en: "New energy vehicles in use", unit: "万辆",
      measure: .stock, category: "ev", lead: .development, digits: 4,
      model: .stock(perLeaf: 0.175, growth: 0.65, decay: 0.9), newName: "新增新能源汽车"),
    TreeIndicator(
      id: "public-chargers", name: "公共充电桩", en: "Public charging points", unit: "台",
      counts: ["台", "个"], measure: .stock, category: "charging", lead: .energy, digits: 0,
      model: .stock(perLeaf: 284, growth: 0.5, decay: 0.85), largeUnit: ("万台", 1e-4),
      newName: "新建公共充电桩"),
    TreeIndicator(
      id: "gigabit-broadband-users", name: "千兆宽带用户", en: "Gigabit broadband subscribers",
      unit: "万户", measure: .stock, category: "digital", lead: .telecom, digits: 4,
      model: .stock(perLeaf: 0.22, growth: 4.4, decay: 0.4), newName: "新增千兆宽带用户"),
    TreeIndicator(
      id: "high-tech-enterprises", name: "高新技术企业", en: "High-tech enterprises", unit: "家",
      measure: .stock, category: "enterprises", lead: .science, digits: 0,
      model: .stock(perLeaf: 96, growth: 0.15, decay: 0.9), newName: "新增高新技术企业"),
    TreeIndicator(
      id: "srdi-smes", name: "专精特新中小企业", en: "SRDI SMEs", unit: "家", measure: .stock,
      category: "enterprises", lead: .industry, digits: 0,
      model: .stock(perLeaf: 12, growth: 0.45, decay: 0.85), newName: "新增专精特新中小企业"),
    TreeIndicator(
      id: "renewable-capacity", name: "新能源和可再生能源发电装机",
      en: "New and renewable generating capacity", unit: "万千瓦", measure: .stock,
      category: "energy", lead: .energy, digits: 2,
      model: .stock(perLeaf: 33, growth: 0.14, decay: 1.1), newName: "新增新能源和可再生能源发电装机"),
    TreeIndicator(
      id: "new-energy-storage", name: "新型储能装机", en: "New-type energy storage capacity",
      unit: "万千瓦", measure: .stock, category: "energy", lead: .energy, digits: 4,
      model: .stock(perLeaf: 0.12, growth: 0.9, decay: 1.05), newName: "新增新型储能装机"),
    TreeIndicator(
      id: "market-entities", name: "经营主体", en: "Registered market entities", unit: "万户",
      measure: .stock, category: "enterprises", lead: .market, digits: 2,
      model: .stock(perLeaf: 4.9, growth: 0.08, decay: 1), newName: "新增经营主体"),
    TreeIndicator(
      id: "industrial-value-added", name: "规上工业增加值",
      en: "Value added of industry above designated size", unit: "亿元", measure: .flow,
      category: "industry", lead: .industry, digits: 2, model: .flow(perLeaf: 10.8, growth: 0.06)),
    TreeIndicator(
      id: "fixed-asset-investment", name: "固定资产投资", en: "Fixed-asset investment", unit: "亿元",
      measure: .flow, category: "investment", lead: .development, digits: 2,
      model: .flow(perLeaf: 15.8, growth: 0.04)),
    TreeIndicator(
      id: "retail-sales", name: "社会消费品零售总额", en: "Retail sales of consumer goods",
      unit: "亿元", measure: .flow, category: "consumption", lead: .commerce, digits: 2,
      model: .flow(perLeaf: 12.9, growth: 0.05)),
    TreeIndicator(
      id: "foreign-trade", name: "外贸进出口总额", en: "Imports and exports", unit: "亿元",
      measure: .flow, category: "trade", lead: .commerce, digits: 2,
      model: .flow(perLeaf: 11.4, growth: 0.06)),
    TreeIndicator(
      id: "old-community-renovation", name: "开工改造城镇老旧小区",
      en: "Old urban communities started on renovation", unit: "个", measure: .flow,
      category: "housing", lead: .housing, digits: 0, model: .flow(perLeaf: 1.6, growth: 0)),
    TreeIndicator(
      id: "green-buildings-added", name: "新增绿色建筑面积", en: "New green building floor area",
      unit: "万平方米", measure: .flow, category: "housing", lead: .housing, digits: 2,
      model: .flow(perLeaf: 5.8, growth: 0.05)),
    TreeIndicator(
      id: "rd-intensity", name: "研发经费投入强度", en: "R&D spending, share of GDP", unit: "%",
      measure: .ratio, category: "innovation", lead: .science, digits: 2,
      model: .yearly(national: 2.44, trend: 0.1, compound: false, spread: 0.3, range: 0.3...6.5)),
    TreeIndicator(
      id: "urbanization-rate", name: "常住人口城镇化率", en: "Urbanisation rate", unit: "%",
      measure: .ratio, category: "urbanization", lead: .development, digits: 2,
      model: .yearly(national: 64.7, trend: 0.9, compound: false, spread: 0.12, range: 25...99)),
    TreeIndicator(
      id: "forest-coverage", name: "森林覆盖率", en: "Forest coverage", unit: "%",
      measure: .ratio, category: "ecology", lead: .forestry, digits: 2,
      model: .yearly(national: 24.0, trend: 0.2, compound: false, spread: 0.35, range: 1...80)),
    TreeIndicator(
      id: "high-value-patents", name: "每万人口高价值发明专利拥有量",
      en: "High-value invention patents per 10,000 people", unit: "件/万人", measure: .rate,
      category: "innovation", lead: .ip, digits: 2,
      model: .yearly(national: 7.5, trend: 0.2, compound: true, spread: 0.45, range: 0.2...120)),
    TreeIndicator(
      id: "disposable-income", name: "居民人均可支配收入", en: "Per-capita disposable income",
      unit: "元", measure: .rate, category: "income", lead: .statistics, digits: 0,
      model: .yearly(
        national: 35128, trend: 0.055, compound: true, spread: 0.18, range: 9000...120_000)),
  ]

  /// The regions below the root that get no figures and no plan: national statistics leave
  /// them out.
  static let outsideStatistics: Set<String> = ["710000", "810000", "820000"]

  /// Months from 2021-01 through 2025-12 (goals are set on the figures of 2025-12); figures
  /// are stored up to the bench's as-of date, 2025-06-30: 54 months.
  static let months = 60
  static let asOf = Day(year: 2025, month: 6, day: 30)!
  static let storedMonths = (0..<months).filter { monthEnd($0) <= asOf }.count

  static func monthEnd(_ m: Int) -> Day { Day.endOfMonth(year: 2021 + m / 12, month: m % 12 + 1)! }

  /// Writes the workspace; returns its summary line.
  static func generate(root rootCode: String, into dir: URL, seed: UInt64) throws -> String {
    let tree = RegionTree.shipped
    var rng = SplitMix64(seed: seed)
    // The regions below the root, parents before children.
    var regions: [Region] = []
    var queue = [tree.region(code: rootCode)!]
    while let r = queue.first {
      queue.removeFirst()
      guard !outsideStatistics.contains(r.code) else { continue }
      regions.append(r)
      queue += tree.children(of: r.code)
    }
    let index = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.code, $0) })
    let parentIndex = regions.map { r in r.code == rootCode ? nil : r.parent.flatMap { index[$0] } }
    let leaves = regions.indices.filter { tree.children(of: regions[$0].code).isEmpty }

    // Summed indicators: each leaf's figures by month, then every region's sum.
    let summed = indicators.filter(\.summed)
    // A leaf's size (its economy), shared by its indicators; mean 1.
    let size = leaves.map { _ in exp(0.6 * rng.normal() - 0.18) }
    var sums: [[Double]] = []  // [indicator][region * months + month]; NaN: no figure
    var leafValues: [[Double]] = []  // [indicator][leaf * months + month]
    for ind in summed {
      var values = [Double](repeating: .nan, count: leaves.count * months)
      for (l, _) in leaves.enumerated() {
        let scale = size[l] * exp(0.35 * rng.normal() - 0.06)
        let pace = exp(0.3 * rng.normal() - 0.045)
        switch ind.model {
        case .stock(let perLeaf, let growth, let decay):
          var v = perLeaf * scale
          for m in 0..<months {
            let yearRate = growth * pace * pow(decay, Double(m / 12))
            v *= pow(1 + yearRate, 1.0 / 12) * (1 + 0.003 * rng.normal())
            values[l * months + m] = NumberText.rounded(v, digits: ind.digits)
          }
        case .flow(let perLeaf, let growth):
          var total = 0.0
          for m in 0..<months {
            if m % 12 == 0 { total = 0 }
            let season = [0.75, 0.75, 0.95, 1, 1, 1.1, 0.95, 0.95, 1, 1, 1.05, 1.5][m % 12]
            let rate = (growth * pace) * Double(m / 12)
            total += perLeaf * scale * (1 + rate) * season * exp(0.08 * rng.normal())
            // January's figure comes with February's (1-2月).
            if m % 12 != 0 {
              values[l * months + m] = NumberText.rounded(total, digits: ind.digits)
            }
          }
        case .yearly: break
        }
      }
      var regionSums = [Double](repeating: 0, count: regions.count * months)
      for (l, r) in leaves.enumerated() {
        var at: Int? = r
        while let i = at {
          for m in 0..<months { regionSums[i * months + m] += values[l * months + m] }
          at = parentIndex[i]
        }
      }
      leafValues.append(values)
      sums.append(regionSums)
    }

    // Figures of their own: every summed indicator of the whole country (the national
    // statistics, within 0.5% of the mainland's sum); a few indicators of a quarter of the
    // provinces and prefectures, most within 1% of the sum of their children, some off by
    // 2–8% (counted differently, 口径不一致).
    var own: [(region: Int, indicator: Int, offset: Double)] = []
    for (i, r) in regions.enumerated() where !tree.children(of: r.code).isEmpty {
      if r.level == .national {
        for s in summed.indices { own.append((i, s, 0.008 * rng.unit() - 0.004)) }
      } else if rng.int(4) == 0 {
        for s in pickSome(summed.indices.map { $0 }, 2 + rng.int(3), &rng) {
          let off = rng.int(5) == 0
          let offset =
            off
            ? (rng.int(2) == 0 ? -1 : 1) * (0.02 + 0.06 * rng.unit()) : 0.012 * rng.unit() - 0.006
          own.append((i, s, offset))
        }
      }
    }
    var ownOffset: [Int: Double] = [:]  // region * summed.count + indicator
    for o in own { ownOffset[o.region * summed.count + o.indicator] = o.offset }

    // Yearly shares and rates, 2021–2025, from the root down.
    let yearlies = indicators.filter { !$0.summed }
    var yearly: [[Double]] = []  // [indicator][region * 5 + year]
    for ind in yearlies {
      guard case .yearly(let national, let trend, let compound, let spread, let range) = ind.model
      else { continue }
      var level = [Double](repeating: national, count: regions.count)
      var values = [Double](repeating: 0, count: regions.count * 5)
      for i in regions.indices {
        let base = parentIndex[i].map { level[$0] } ?? national
        let spreadHere = regions[i].level == .national ? 0 : spread
        level[i] = min(
          max(base * exp(spreadHere * rng.normal()), range.lowerBound), range.upperBound)
        let pace = max(0, 1 + 0.5 * rng.normal())
        for y in 0..<5 {
          let v =
            compound
            ? level[i] * pow(1 + trend * pace, Double(y))
            : level[i] + trend * pace * Double(y) * (0.9 + 0.2 * rng.unit())
          values[i * 5 + y] = NumberText.rounded(
            min(max(v, range.lowerBound), range.upperBound), digits: ind.digits)
        }
      }
      yearly.append(values)
    }

    // The figure a region's targets read at month m: its own, or the sum of its leaves.
    func figure(_ s: Int, _ i: Int, _ m: Int) -> Double {
      let v = sums[s][i * months + m]
      return ownOffset[i * summed.count + s].map { v * (1 + $0) } ?? v
    }

    // Target files.
    let fm = FileManager.default
    try? fm.removeItem(at: dir.appendingPathComponent("targets"))
    let workspace = Workspace(root: dir)
    workspace.deleteStore()
    try fm.createDirectory(
      at: dir.appendingPathComponent("targets"), withIntermediateDirectories: true)
    try indicatorsYAML().write(
      to: dir.appendingPathComponent(Catalog.indicatorsFileName), atomically: true,
      encoding: .utf8)
    var targetCount = 0
    for (i, region) in regions.enumerated() {
      let (yaml, n) = document(
        region, number: i + 1, tree: tree, rng: &rng,
        figure: { s, m in figure(s, i, m) },
        yearly: { y, year in yearly[y][i * 5 + year] })
      targetCount += n
      try yaml.write(
        to: dir.appendingPathComponent("targets/plan-\(region.code).yaml"), atomically: true,
        encoding: .utf8)
    }

    // Entries, month by month as they are reported: every leaf's summed indicators, the
    // regions' own figures, and at each year's end the shares and rates of every region.
    let store = try workspace.openStore()
    let leafKeys = summed.map { ind in
      leaves.map { SeriesKey.make(region: regions[$0].code, indicator: ind.id) }
    }
    let users = ["zhang", "wang", "li", "zhao", "chen", "liu", "yang", "huang"]
    var batch: [NewEntry] = []
    batch.reserveCapacity(25_000)
    func add(
      _ key: String, _ day: Day, _ value: Double, _ source: String, _ at: String, digits: Int
    ) {
      batch.append(
        .value(
          key: key, asOf: day, value: value, input: NumberText.plain(value), source: source,
          by: rng.pick(users), at: at))
      // About 2% are corrected ten days later.
      if rng.int(50) == 0 {
        let corrected = NumberText.rounded(value * (1 + 0.01 * rng.normal()), digits: digits)
        batch.append(
          .value(
            key: key, asOf: day, value: corrected, input: NumberText.plain(corrected),
            note: "更正", source: source, by: rng.pick(users),
            at: at.replacingOccurrences(of: "-10T", with: "-20T")))
      }
    }
    func flush() throws {
      let stored = try store.append(batch)
      // One correction in ten is withdrawn (in the next batch).
      batch = stored.filter { $0.note == "更正" && rng.int(10) == 0 }.map {
        .retraction(of: $0, by: "zhang", at: "2025-07-01T00:00:00Z")
      }
    }
    for m in 0..<storedMonths {
      let day = monthEnd(m)
      let next = monthEnd(m + 1)
      let at = "\(next.iso.prefix(8))10T02:00:00Z"
      for (s, ind) in summed.enumerated() {
        for l in leaves.indices {
          let v = leafValues[s][l * months + m]
          if !v.isNaN { add(leafKeys[s][l], day, v, "月报", at, digits: ind.digits) }
        }
        if batch.count >= 20_000 { try flush() }
      }
      for o in own {
        let v = sums[o.indicator][o.region * months + m]
        guard !v.isNaN else { continue }
        let ind = summed[o.indicator]
        let value = NumberText.rounded(
          v * (1 + o.offset + 0.001 * rng.normal()), digits: ind.digits)
        add(
          SeriesKey.make(region: regions[o.region].code, indicator: ind.id), day, value, "统计局",
          at, digits: ind.digits)
      }
      if m % 12 == 11 {
        for (y, ind) in yearlies.enumerated() {
          for i in regions.indices {
            add(
              SeriesKey.make(region: regions[i].code, indicator: ind.id), day,
              yearly[y][i * 5 + m / 12], "统计公报", at, digits: ind.digits)
          }
        }
      }
      if batch.count >= 20_000 { try flush() }
    }
    if !batch.isEmpty { _ = try store.append(batch) }
    let levels = Dictionary(grouping: regions, by: \.level).mapValues(\.count)
    return
      "\(regions.count) regions (\(levels[.province] ?? 0) provinces, \(levels[.city] ?? 0) cities, \(levels[.county] ?? 0) counties; \(leaves.count) report), \(targetCount) targets in \(regions.count) files, \(try store.count()) entries in \(dir.path)"
  }

  /// `count` distinct elements of `a`, in their order.
  static func pickSome(_ a: [Int], _ count: Int, _ rng: inout SplitMix64) -> [Int] {
    var rest = a
    var out: [Int] = []
    while out.count < count, !rest.isEmpty { out.append(rest.remove(at: rng.int(rest.count))) }
    return out.sorted()
  }

  /// A plan's goal as plans write it: three significant figures (whole numbers below 1,000 of
  /// a counted unit).
  static func planRound(_ x: Double, whole: Bool) -> Double {
    guard x > 0 else { return 0 }
    if whole, x < 1000 { return max(1, x.rounded()) }
    let step = pow(10, floor(log10(x)) - 2)
    return (x / step).rounded() * step
  }

  /// 省, 市, 县, 区, 旗, 州, 盟, 自治区, 地区: what the region's offices and scope are called.
  static func prefix(_ r: Region) -> String {
    for suffix in ["自治区", "地区", "省", "盟", "州", "市", "区", "县", "旗"] where r.name.hasSuffix(suffix) {
      return suffix
    }
    return r.level == .county ? "县" : "市"
  }

  /// The plan document of one region, with its number of targets.
  static func document(
    _ region: Region, number: Int, tree: RegionTree, rng: inout SplitMix64,
    figure: (Int, Int) -> Double, yearly: (Int, Int) -> Double
  ) -> (String, Int) {
    let summed = indicators.filter(\.summed)
    let yearlies = indicators.filter { !$0.summed }
    let national = region.level == .national
    let prefix = prefix(region)
    let scope =
      national ? "全国" : prefix == "自治区" ? "全区" : "全" + prefix
    // Counties by code (names such as 鼓楼区 are ambiguous); others by name when it is unique.
    let regionText: String
    if case .found(let r) = tree.resolve(region.name), r.code == region.code,
      region.level != .county
    {
      regionText = region.name
    } else {
      regionText = region.code
    }
    let level =
      switch region.level {
      case .national: "national"
      case .province: "province"
      case .city: "city"
      default: "district"
      }
    let fullName = national ? "全国" : tree.fullName(region.code)
    var yaml = """
      document:
        id: plan-\(region.code)
        title: \(fullName)经济社会发展主要指标三年行动方案（2023-2025年）
        number: 生成〔2023〕\(number)号
        issuer: \(national ? "国务院" : region.name + "人民政府")
        level: \(level)
        region: \(regionText)
        period: { start: 2023-01-01, end: 2025-12-31 }
      targets:

      """
    // How many goals on summed indicators and on shares or rates each level sets.
    let (nSummed, nYearly) =
      switch region.level {
      case .national: (summed.count, yearlies.count)
      case .province: (8, 2)
      case .city: (6, 1)
      default: (3, 1)
      }
    let large = region.level <= .province
    var line = 10
    var count = 0
    let leadLevel = region.level == .zone ? .county : region.level
    for s in pickSome(summed.indices.map { $0 }, nSummed, &rng) {
      let ind = summed[s]
      let (unit, factor) = large ? (ind.largeUnit ?? (ind.unit, 1)) : (ind.unit, 1)
      let whole = ind.digits == 0 && factor == 1
      let digits = max(ind.digits, factor == 1 ? 0 : 4)
      // Ambition: below 1 the region is ahead of its plan, above 1 behind.
      let ambition = 0.83 + 0.32 * rng.unit()
      func text(_ v: Double) -> String { NumberText.plain(v, digits: digits) }
      yaml += "  - id: \(ind.id)\n"
      let lead = ind.lead.name(level: leadLevel, prefix: prefix)
      switch ind.model {
      case .stock:
        let base = NumberText.rounded(figure(s, 23) * factor, digits: digits)
        let end = figure(s, 59) * factor
        if rng.int(5) == 0, let newName = ind.newName {
          // Growth of the stock over the plan period.
          let goal = planRound(max(end - base, 0) * ambition, whole: whole)
          yaml += "    name: \(scope)\(newName)\n"
          yaml += "    category: \(ind.category)\n    kind: increment\n    unit: \"\(unit)\"\n"
          yaml += "    indicator: \(ind.id)\n    milestones:\n"
          yaml +=
            "      - { due: 2025-12-31, value: \(text(goal)), comparator: \">=\", line: \(line), quote: \"2023-2025年\(scope)\(newName)\(text(goal))\(unit)\" }\n"
        } else {
          let goal = max(
            planRound(end * ambition, whole: whole), planRound(base * 1.02, whole: whole))
          let mid = planRound(
            figure(s, 35) * factor * (ambition + 0.04 * rng.normal()), whole: whole)
          yaml += "    name: \(scope)\(ind.name)\n"
          yaml += "    category: \(ind.category)\n    kind: level\n    unit: \"\(unit)\"\n"
          yaml += "    indicator: \(ind.id)\n"
          yaml += "    baseline: { value: \(text(base)), date: 2022-12-31 }\n    milestones:\n"
          if rng.int(2) == 0, mid > base, mid < goal {
            yaml +=
              "      - { due: 2023-12-31, value: \(text(mid)), comparator: \">=\", line: \(line), quote: \"到2023年\(scope)\(ind.name)达到\(text(mid))\(unit)\" }\n"
          }
          yaml +=
            "      - { due: 2025-12-31, value: \(text(goal)), comparator: \">=\", line: \(line + 1), quote: \"到2025年\(scope)\(ind.name)达到\(text(goal))\(unit)\" }\n"
        }
      case .flow:
        // A quota for each year, the year's total.
        yaml += "    name: \(scope)\(ind.name)\n"
        yaml += "    category: \(ind.category)\n    kind: increment\n    unit: \"\(unit)\"\n"
        yaml += "    indicator: \(ind.id)\n    perYear: true\n    milestones:\n"
        for year in 2023...2025 {
          let total = figure(s, (year - 2021) * 12 + 11) * factor
          let goal = planRound(total * (ambition + 0.03 * rng.normal()), whole: whole)
          yaml +=
            "      - { due: \(year)-12-31, value: \(text(goal)), comparator: \">=\", line: \(line + year - 2023), quote: \"\(year)年\(scope)\(ind.name)达到\(text(goal))\(unit)\" }\n"
        }
      case .yearly: break
      }
      yaml += "    lead: [\(lead)]\n\n"
      line += 4
      count += 1
    }
    for y in pickSome(yearlies.indices.map { $0 }, nYearly, &rng) {
      let ind = yearlies[y]
      guard case .yearly(_, _, let compound, _, let range) = ind.model else { continue }
      let base = yearly(y, 1)
      let end = yearly(y, 4)
      let ambition = 0.4 + 0.9 * rng.unit()
      var goal =
        compound
        ? planRound(end * (0.9 + 0.13 * rng.unit()), whole: false)
        : NumberText.rounded(base + (end - base) * ambition, digits: 1)
      goal = min(max(goal, base + (compound ? base * 0.03 : 0.1)), range.upperBound)
      guard goal > base else { continue }
      let text = NumberText.plain(goal, digits: ind.digits)
      let unit = ind.unit
      yaml += "  - id: \(ind.id)\n"
      yaml += "    name: \(scope)\(ind.name)\n"
      yaml +=
        "    category: \(ind.category)\n    kind: \(ind.measure == .ratio ? "ratio" : "level")\n"
      yaml += "    unit: \"\(unit)\"\n    indicator: \(ind.id)\n    update: yearly\n"
      yaml +=
        "    baseline: { value: \(NumberText.plain(base, digits: ind.digits)), date: 2022-12-31 }\n"
      yaml += "    milestones:\n"
      yaml +=
        "      - { due: 2025-12-31, value: \(text), comparator: \">=\", line: \(line), quote: \"到2025年\(scope)\(ind.name)达到\(text)\(unit == "%" ? "%" : unit)\" }\n"
      yaml += "    lead: [\(ind.lead.name(level: leadLevel, prefix: prefix))]\n\n"
      line += 4
      count += 1
    }
    return (yaml, count)
  }

  /// indicators.yaml: the 20 indicators.
  static func indicatorsYAML() -> String {
    var out =
      "# The indicators of a generated tree workspace (plantrack-gen --tree).\nindicators:\n"
    for ind in indicators {
      out +=
        "  - id: \(ind.id)\n    name: \(ind.name)\n    en: \(ind.en)\n    unit: \"\(ind.unit)\"\n"
      if !ind.counts.isEmpty { out += "    counts: [\(ind.counts.joined(separator: ", "))]\n" }
      out += "    measure: \(ind.measure.rawValue)\n"
      out += "    rollup: \(ind.summed ? "sum" : "none")\n"
      out += "    update: \(ind.summed ? "monthly" : "yearly")\n\n"
    }
    return out
  }
}

extension SplitMix64 {
  /// A standard normal deviate (Box–Muller).
  mutating func normal() -> Double {
    let u = max(unit(), 1e-300)
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * unit())
  }
}
