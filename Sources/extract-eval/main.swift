// extract-eval: precision and recall of `plantrack extract` against the hand-annotated goals.
//
// Usage: extract-eval PLANTRACK_BINARY SEEDS_DIR ANNOTATION.json... [--misses]
// Runs `plantrack extract SEED --format json` for each annotation file's seed, matches the
// candidates with the annotated goals (same line, same value), and prints one row per file and
// per split (dev: the documents the rules were tuned on; test: held out), plus the accuracy of
// unit, comparator, deadline and kind among the matches.
import Foundation
import PlanTrackCore
import PlanTrackExtract

struct Failure: Error, CustomStringConvertible {
  let description: String
}

func run(_ binary: String, _ seed: String) throws -> Data {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: binary)
  process.arguments = ["extract", seed, "--format", "json"]
  let out = Pipe()
  process.standardOutput = out
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw Failure(description: "plantrack extract \(seed) exited \(process.terminationStatus)")
  }
  return data
}

func candidates(_ data: Data) throws -> [Candidate] {
  guard let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
    throw Failure(description: "extract did not print a JSON array")
  }
  return array.map { o in
    Candidate(
      metric: o["metric"] as? String ?? "", value: (o["value"] as? NSNumber)?.doubleValue ?? .nan,
      valueMax: (o["valueMax"] as? NSNumber)?.doubleValue, unit: o["unit"] as? String ?? "",
      comparator: CandidateComparator(rawValue: o["comparator"] as? String ?? "") ?? .atLeast,
      kind: TargetKind(rawValue: o["kind"] as? String ?? "") ?? .level,
      due: (o["due"] as? String).flatMap { Day(iso: $0) },
      dueInferred: o["dueInferred"] as? Bool ?? false, perYear: o["perYear"] as? Bool ?? false,
      line: (o["line"] as? NSNumber)?.intValue ?? 0, quote: o["quote"] as? String ?? "",
      lead: o["lead"] as? [String] ?? [], document: 0)
  }
}

struct Annotation {
  let seed: String
  let split: String
  let goals: [AnnotatedGoal]
  let lines: ClosedRange<Int>
}

func annotation(_ path: String) throws -> Annotation {
  let data = try Data(contentsOf: URL(fileURLWithPath: path))
  guard let o = try JSONSerialization.jsonObject(with: data) as? [String: Any],
    let seed = o["seed"] as? String, let docs = o["documents"] as? [[String: Any]]
  else { throw Failure(description: "\(path): not an annotation file") }
  var goals: [AnnotatedGoal] = []
  var lo = Int.max
  var hi = 0
  for d in docs {
    lo = min(lo, d["firstLine"] as? Int ?? 1)
    hi = max(hi, d["lastLine"] as? Int ?? 0)
    for g in d["goals"] as? [[String: Any]] ?? [] {
      goals.append(
        AnnotatedGoal(
          line: g["line"] as? Int ?? 0, value: (g["value"] as? NSNumber)?.doubleValue ?? .nan,
          valueMax: (g["valueMax"] as? NSNumber)?.doubleValue, unit: g["unit"] as? String ?? "",
          comparator: CandidateComparator(rawValue: g["comparator"] as? String ?? "") ?? .atLeast,
          due: (g["due"] as? String).flatMap { Day(iso: $0) },
          kind: TargetKind(rawValue: g["kind"] as? String ?? "") ?? .level,
          metric: g["metric"] as? String ?? "", numeral: g["numeral"] as? Bool ?? false))
    }
  }
  return Annotation(
    seed: seed, split: o["split"] as? String ?? "dev", goals: goals, lines: min(lo, hi)...hi)
}

func percent(_ x: Double) -> String { NumberText.plain(x * 100, digits: 1) + "%" }

func row(_ name: String, _ e: [ExtractionEvaluation]) -> String {
  let tp = e.reduce(0) { $0 + $1.matched.count }
  let fp = e.reduce(0) { $0 + $1.falsePositives.count }
  let fn = e.reduce(0) { $0 + $1.falseNegatives.count }
  let p = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
  let r = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
  let f1 = p + r == 0 ? 0 : 2 * p * r / (p + r)
  var fields: [String] = []
  for f in ExtractionEvaluation.Field.allCases {
    let agree = e.reduce(0) { acc, x in acc + x.matched.filter { f.agrees($0.0, $0.1) }.count }
    fields.append(tp == 0 ? "-" : percent(Double(agree) / Double(tp)))
  }
  let cells =
    [name, "\(tp + fn)", "\(tp + fp)", "\(tp)", percent(p), percent(r), percent(f1)] + fields
  return cells.map { $0.padding(toLength: max(8, $0.count), withPad: " ", startingAt: 0) }.joined(
    separator: " ")
}

do {
  var args = Array(CommandLine.arguments.dropFirst())
  let showMisses = args.contains("--misses")
  args.removeAll { $0 == "--misses" }
  guard args.count >= 3 else {
    throw Failure(
      description: "usage: extract-eval PLANTRACK SEEDS_DIR ANNOTATION.json... [--misses]")
  }
  let binary = args[0]
  let seeds = URL(fileURLWithPath: args[1])
  var results: [(Annotation, ExtractionEvaluation)] = []
  for path in args[2...] {
    let a = try annotation(path)
    let data = try run(binary, seeds.appendingPathComponent(a.seed).path)
    let e = ExtractionEvaluation(candidates: try candidates(data), goals: a.goals, lines: a.lines)
    results.append((a, e))
    if showMisses {
      for c in e.falsePositives {
        print(
          "\(a.seed):\(c.line): extra    \(NumberText.plain(c.value))\(c.unit) \(c.metric) | \(c.quote)"
        )
      }
      for g in e.falseNegatives {
        print("\(a.seed):\(g.line): missed   \(NumberText.plain(g.value))\(g.unit) \(g.metric)")
      }
      for (c, g) in e.matched {
        let wrong = ExtractionEvaluation.Field.allCases.filter { !$0.agrees(c, g) }
        guard !wrong.isEmpty else { continue }
        let detail = wrong.map { f -> String in
          switch f {
          case .unit: "unit \(c.unit)≠\(g.unit)"
          case .comparator: "comparator \(c.comparator.rawValue)≠\(g.comparator.rawValue)"
          case .due: "due \(c.due?.iso ?? "null")≠\(g.due?.iso ?? "null")"
          case .kind: "kind \(c.kind.rawValue)≠\(g.kind.rawValue)"
          }
        }
        print(
          "\(a.seed):\(g.line): differs  \(NumberText.plain(g.value))\(g.unit) \(g.metric): \(detail.joined(separator: ", "))"
        )
      }
    }
  }
  let header = [
    "file", "goals", "found", "matched", "precision", "recall", "F1", "unit", "comparator", "due",
    "kind",
  ]
  print(
    header.map { $0.padding(toLength: max(8, $0.count), withPad: " ", startingAt: 0) }.joined(
      separator: " "))
  for (a, e) in results {
    print(row(a.seed.prefix { $0 != "_" && $0 != "-" } + " (\(a.split))", [e]))
  }
  for split in ["dev", "held-out"] {
    let part = results.filter { $0.0.split == split }.map(\.1)
    if !part.isEmpty { print(row("all \(split)", part)) }
  }
  print(row("all", results.map(\.1)))
} catch {
  FileHandle.standardError.write(Data("extract-eval: \(error)\n".utf8))
  exit(1)
}
