// plantrack-gen: a realistic workspace of any size, for benchmarks (scripts/gen-workspace).
//
// Usage: plantrack-gen N_TARGETS N_ENTRIES DIR [--seed N]
//        plantrack-gen --tree [REGION] DIR [--seed N]
// Writes DIR/targets/*.yaml (25 targets per plan document, Chinese names, mixed units and
// kinds, milestones, lead units) and the workspace's store with N_ENTRIES entries (monthly
// figures with noise, 5% corrections, 1% retractions), the same for the same arguments.
// With --tree, a workspace over the region tree below REGION (a name or code; 全国 by
// default) with indicators.yaml, a plan per region and every county's figures
// (TreeWorkspace.swift).
import Foundation
import PlanTrackCore
import PlanTrackStore

let regions: [(String, String, String)] = [
  ("山东省", "province", "全省"), ("江苏省", "province", "全省"), ("浙江省", "province", "全省"),
  ("济南市", "city", "全市"), ("青岛市", "city", "全市"), ("烟台市", "city", "全市"), ("潍坊市", "city", "全市"),
  ("威海市", "city", "全市"), ("临沂市", "city", "全市"), ("威海市文登区", "district", "全区"),
]
let topics = ["新能源汽车", "充电基础设施", "5G网络", "高新技术企业", "数字经济", "绿色低碳", "现代农业", "文化旅游", "科技创新", "先进制造业"]
let measures: [(String, String, TargetKind, ClosedRange<Double>)] = [
  ("保有量", "万辆", .level, 20...300), ("公共充电桩", "万台", .level, 2...30), ("5G基站", "万个", .level, 5...30),
  ("高新技术企业", "家", .level, 500...30000), ("新增专精特新企业", "家", .increment, 50...2000),
  ("可再生能源装机", "万千瓦", .level, 500...9000), ("营业收入", "亿元", .level, 100...8000),
  ("覆盖率", "%", .ratio, 40...100), ("研发经费投入增长", "%", .growth, 5...20),
  ("新建示范项目", "个", .increment, 10...300), ("新型研发机构", "家", .level, 50...500),
  ("城镇老旧小区改造", "个", .increment, 100...4000),
]
let leads = [
  "省发展改革委", "省工业和信息化厅", "省科技厅", "省能源局", "省商务厅", "省住房城乡建设厅", "省农业农村厅", "省文化和旅游厅", "市发展改革委", "市科技局",
]

func usage() -> Never {
  FileHandle.standardError.write(
    Data(
      "usage: plantrack-gen N_TARGETS N_ENTRIES DIR [--seed N]\n       plantrack-gen --tree [REGION] DIR [--seed N]\n"
        .utf8))
  exit(2)
}

func run() throws {
  var args = Array(CommandLine.arguments.dropFirst())
  var seed: UInt64 = 20_261_123
  if let i = args.firstIndex(of: "--seed"), i + 1 < args.count, let s = UInt64(args[i + 1]) {
    seed = s
    args.removeSubrange(i...(i + 1))
  }
  if args.first == "--tree" {
    args.removeFirst()
    guard args.count == 1 || args.count == 2 else { usage() }
    let regionText = args.count == 2 ? args[0] : RegionTree.nationalCode
    let resolved = RegionTree.shipped.resolve(regionText)
    guard case .found(let region) = resolved,
      !TreeWorkspace.outsideStatistics.contains(region.code)
    else {
      let why =
        if case .ambiguous(let many) = resolved {
          "“\(regionText)” is ambiguous: give a code (\(many.map(\.code).joined(separator: ", ")))"
        } else {
          "no region “\(regionText)” with figures in the shipped table"
        }
      FileHandle.standardError.write(Data("plantrack-gen: \(why)\n".utf8))
      exit(2)
    }
    print(
      try TreeWorkspace.generate(
        root: region.code, into: URL(fileURLWithPath: args[args.count - 1]), seed: seed))
    return
  }
  guard args.count == 3, let nTargets = Int(args[0]), let nEntries = Int(args[1]), nTargets > 0,
    nEntries >= 0
  else { usage() }
  let root = URL(fileURLWithPath: args[2])
  let fm = FileManager.default
  try? fm.removeItem(at: root.appendingPathComponent("targets"))
  let workspace = Workspace(root: root)
  workspace.deleteStore()
  try fm.createDirectory(
    at: root.appendingPathComponent("targets"), withIntermediateDirectories: true)
  var rng = SplitMix64(seed: seed)
  var keys: [(String, Double, Double, Bool)] = []  // key, start, goal, flat
  let perDoc = 25
  var written = 0
  var doc = 0
  while written < nTargets {
    doc += 1
    let (region, level, scope) = rng.pick(regions)
    let topic = rng.pick(topics)
    let id = "gen-\(doc)"
    var yaml = """
      document:
        id: \(id)
        title: \(region)推动\(topic)高质量发展三年行动计划（2023-2025年）（第\(doc)号）
        number: 生成〔2023〕\(doc)号
        issuer: \(region)人民政府
        level: \(level)
        region: \(region)
        period: { start: 2023-01-01, end: 2025-12-31 }
      targets:

      """
    for t in 0..<min(perDoc, nTargets - written) {
      let (word, unit, kind, range) = rng.pick(measures)
      let goal = (range.lowerBound + rng.unit() * (range.upperBound - range.lowerBound)).rounded()
      let start = kind == .level || kind == .ratio ? (goal * (0.4 + 0.3 * rng.unit())).rounded() : 0
      let mid = (start + (goal - start) * 0.45).rounded()
      let tid = "t\(t + 1)"
      yaml += "  - id: \(tid)\n"
      yaml += "    name: \(scope)\(topic)\(word)\n"
      yaml +=
        "    category: \(["ev", "charging", "5g", "enterprises", "energy", "digital"][rng.int(6)])\n"
      yaml += "    kind: \(kind.rawValue)\n"
      yaml += "    unit: \"\(unit)\"\n"
      if kind == .level || kind == .ratio {
        yaml += "    baseline: { value: \(Int(start)), date: 2022-12-31 }\n"
      }
      yaml += "    milestones:\n"
      if kind != .growth, rng.int(2) == 0 {
        yaml +=
          "      - { due: 2023-12-31, value: \(Int(mid)), comparator: \">=\", line: \(10 + t), quote: \"到2023年\(word)达到\(Int(mid))\(unit)\" }\n"
      }
      let cmp = ["\">=\"", "\">=\"", "\"~\""][rng.int(3)]
      yaml +=
        "      - { due: 2025-12-31, value: \(Int(goal)), comparator: \(cmp), line: \(40 + t), quote: \"到2025年\(word)达到\(Int(goal))\(unit)\" }\n"
      yaml += "    lead: [\(rng.pick(leads))]\n\n"
      keys.append(("\(id)/\(tid)", start, goal, kind == .growth))
      written += 1
    }
    try yaml.write(
      to: root.appendingPathComponent("targets/\(id).yaml"), atomically: true, encoding: .utf8)
  }
  // Entries: monthly figures from 2023-01 on, with noise, corrections and retractions.
  let store = try workspace.openStore()
  var batch: [NewEntry] = []
  var stored: [ActualEntry]
  var made = 0
  var month = 0
  let users = ["zhang", "wang", "li", "zhao", "chen"]
  while made < nEntries {
    for (key, start, goal, flat) in keys where made < nEntries {
      let y = 2023 + month / 12
      let m = month % 12 + 1
      guard let day = Day.endOfMonth(year: y, month: m) else { continue }
      let pace = Double(month + 1) / 36
      let noise = 0.85 + 0.3 * rng.unit()
      let value = flat ? goal * noise : start + (goal - start) * pace * noise
      let rounded = NumberText.rounded(value, digits: 4)
      batch.append(
        .value(
          key: key, asOf: day, value: rounded, input: NumberText.plain(rounded), source: "月报",
          by: rng.pick(users), at: "2025-01-01T00:00:00Z"))
      made += 1
      if made < nEntries, rng.int(20) == 0 {
        batch.append(
          .value(
            key: key, asOf: day, value: NumberText.rounded(rounded * 1.01, digits: 4), note: "更正",
            by: rng.pick(users), at: "2025-01-02T00:00:00Z"))
        made += 1
      }
      if batch.count >= 20_000 {
        stored = try store.append(batch)
        // About 1% of the figures are withdrawn later, in the next batch.
        batch = stored.filter { _ in rng.int(100) == 0 }.prefix(nEntries - made).map {
          .retraction(of: $0, by: "zhang", at: "2025-01-03T00:00:00Z")
        }
        made += batch.count
      }
    }
    month += 1
  }
  if !batch.isEmpty { _ = try store.append(batch) }
  print("\(written) targets in \(doc) files, \(try store.count()) entries in \(root.path)")
}

do {
  try run()
} catch {
  FileHandle.standardError.write(Data("plantrack-gen: \(error)\n".utf8))
  exit(1)
}
