import PlanTrackCore
import Testing

@testable import PlanTrackExtract

private func candidate(
  line: Int, value: Double, valueMax: Double? = nil, unit: String = "万家",
  comparator: CandidateComparator = .atLeast, kind: TargetKind = .level,
  due: String? = "2025-12-31"
) -> Candidate {
  Candidate(
    metric: "全省企业", value: value, valueMax: valueMax, unit: unit, comparator: comparator,
    kind: kind, due: due.map(day), dueInferred: false, perYear: false, line: line,
    quote: "全省企业达到\(value)\(unit)", lead: [], document: 0)
}

private func goal(
  line: Int, value: Double, valueMax: Double? = nil, unit: String = "万家",
  comparator: CandidateComparator = .atLeast, kind: TargetKind = .level,
  due: String? = "2025-12-31", numeral: Bool = false
) -> AnnotatedGoal {
  AnnotatedGoal(
    line: line, value: value, valueMax: valueMax, unit: unit, comparator: comparator,
    due: due.map(day), kind: kind, metric: "全省企业", numeral: numeral)
}

@Suite("ExtractionEvaluation: precision and recall against annotated goals")
struct ExtractionEvaluationTests {
  @Test func matchesByLineAndValue() {
    let e = ExtractionEvaluation(
      candidates: [candidate(line: 3, value: 2.8), candidate(line: 4, value: 2.8)],
      goals: [goal(line: 4, value: 2.8), goal(line: 5, value: 2.8)], lines: 1...10)
    #expect(e.matched.map(\.0.line) == [4])
    #expect(e.matched.map(\.1.line) == [4])
    #expect(e.falsePositives.map(\.line) == [3])
    #expect(e.falseNegatives.map(\.line) == [5])
    #expect(e.precision == 0.5)
    #expect(e.recall == 0.5)
  }

  @Test func aValueOnTheRightLineButDifferentIsNoMatch() {
    let e = ExtractionEvaluation(
      candidates: [candidate(line: 4, value: 2.5)], goals: [goal(line: 4, value: 2.8)],
      lines: 1...10)
    #expect(e.matched.isEmpty)
    #expect(e.falsePositives.count == 1)
    #expect(e.falseNegatives.count == 1)
    #expect(e.precision == 0)
    #expect(e.recall == 0)
  }

  @Test func theUpperEndOfARangeMustAgree() {
    let e = ExtractionEvaluation(
      candidates: [candidate(line: 4, value: 1, valueMax: 3, unit: "家")],
      goals: [goal(line: 4, value: 1, valueMax: 2, unit: "家")], lines: 1...10)
    #expect(e.matched.isEmpty)
    let same = ExtractionEvaluation(
      candidates: [candidate(line: 4, value: 1, valueMax: 2, unit: "家")],
      goals: [goal(line: 4, value: 1, valueMax: 2, unit: "家")], lines: 1...10)
    #expect(same.matched.count == 1)
  }

  @Test func eachCandidateMatchesOneGoalAtMost() {
    // Two goals with the same value on one line need two candidates.
    let e = ExtractionEvaluation(
      candidates: [candidate(line: 7, value: 10, unit: "%")],
      goals: [goal(line: 7, value: 10, unit: "%"), goal(line: 7, value: 10, unit: "%")],
      lines: 1...10)
    #expect(e.matched.count == 1)
    #expect(e.falseNegatives.count == 1)
    #expect(e.falsePositives.isEmpty)
    #expect(e.precision == 1)
    #expect(e.recall == 0.5)
  }

  @Test func eachGoalMatchesOneCandidateAtMost() {
    let e = ExtractionEvaluation(
      candidates: [candidate(line: 7, value: 10), candidate(line: 7, value: 10)],
      goals: [goal(line: 7, value: 10)], lines: 1...10)
    #expect(e.matched.count == 1)
    #expect(e.falsePositives.count == 1)
    #expect(e.precision == 0.5)
    #expect(e.recall == 1)
  }

  @Test func prefersTheCandidateWithTheSameUnit() {
    let e = ExtractionEvaluation(
      candidates: [
        candidate(line: 2, value: 5, unit: "亿元"), candidate(line: 2, value: 5, unit: "%"),
      ],
      goals: [goal(line: 2, value: 5, unit: "％")], lines: 1...10)
    #expect(e.matched.map(\.0.unit) == ["%"])
    #expect(e.falsePositives.map(\.unit) == ["亿元"])
  }

  @Test func precisionAndRecallArithmetic() {
    let candidates = (1...5).map { candidate(line: $0, value: Double($0)) }
    let goals = [1, 2, 3, 8, 9, 10, 11, 12].map { goal(line: $0, value: Double($0)) }
    let e = ExtractionEvaluation(candidates: candidates, goals: goals, lines: 1...20)
    #expect(e.matched.count == 3)
    #expect(e.falsePositives.count == 2)
    #expect(e.falseNegatives.count == 5)
    #expect(e.precision == 3.0 / 5.0)
    #expect(e.recall == 3.0 / 8.0)
  }

  @Test func nothingToScoreIsPerfect() {
    let e = ExtractionEvaluation(candidates: [], goals: [], lines: 1...10)
    #expect(e.precision == 1)
    #expect(e.recall == 1)
    #expect(e.accuracy(.unit) == 1)
  }

  @Test func numeralGoalsAreNotScored() {
    let e = ExtractionEvaluation(
      candidates: [candidate(line: 2, value: 2.8)],
      goals: [goal(line: 2, value: 2.8), goal(line: 3, value: 2, unit: "个", numeral: true)],
      lines: 1...10)
    #expect(e.falseNegatives.isEmpty)
    #expect(e.recall == 1)
    // Nor matched: a candidate for a numeral goal is a false positive.
    let f = ExtractionEvaluation(
      candidates: [candidate(line: 3, value: 2, unit: "个")],
      goals: [goal(line: 3, value: 2, unit: "个", numeral: true)], lines: 1...10)
    #expect(f.matched.isEmpty)
    #expect(f.falsePositives.count == 1)
    #expect(f.recall == 1)
  }

  @Test func candidatesOutsideTheLineRangeAreIgnored() {
    let e = ExtractionEvaluation(
      candidates: [
        candidate(line: 1, value: 9), candidate(line: 5, value: 2.8), candidate(line: 30, value: 9),
      ],
      goals: [goal(line: 5, value: 2.8)], lines: 3...20)
    #expect(e.falsePositives.isEmpty)
    #expect(e.matched.count == 1)
    #expect(e.precision == 1)
  }

  @Test func valuesAgreeWithinRoundingError() {
    let e = ExtractionEvaluation(
      candidates: [candidate(line: 2, value: 0.1 + 0.2)], goals: [goal(line: 2, value: 0.3)],
      lines: 1...10)
    #expect(e.matched.count == 1)
    #expect(ExtractionEvaluation.same(1_000_000, 1_000_000.000_000_1))
    #expect(!ExtractionEvaluation.same(2.8, 2.81))
    #expect(!ExtractionEvaluation.same(nil, 2))
    #expect(ExtractionEvaluation.same(nil, nil))
  }

  @Test(
    "a field agrees when candidate and goal say the same",
    arguments: ExtractionEvaluation.Field.allCases)
  func fieldAgrees(field: ExtractionEvaluation.Field) {
    let c = candidate(line: 1, value: 10, unit: "％", comparator: .about, kind: .ratio)
    let g = goal(line: 1, value: 10, unit: " %", comparator: .about, kind: .ratio)
    #expect(field.agrees(c, g))
  }

  @Test func eachFieldDisagreesOnItsOwnDifference() {
    let c = candidate(line: 1, value: 10, unit: "%", comparator: .about, kind: .ratio)
    let unit = goal(line: 1, value: 10, unit: "个百分点", comparator: .about, kind: .ratio)
    let comparator = goal(line: 1, value: 10, unit: "%", comparator: .atLeast, kind: .ratio)
    let due = goal(
      line: 1, value: 10, unit: "%", comparator: .about, kind: .ratio, due: "2024-12-31")
    let kind = goal(line: 1, value: 10, unit: "%", comparator: .about, kind: .growth)
    let noDue = goal(line: 1, value: 10, unit: "%", comparator: .about, kind: .ratio, due: nil)
    typealias F = ExtractionEvaluation.Field
    #expect(!F.unit.agrees(c, unit) && F.comparator.agrees(c, unit))
    #expect(!F.comparator.agrees(c, comparator) && F.unit.agrees(c, comparator))
    #expect(!F.due.agrees(c, due) && F.kind.agrees(c, due))
    #expect(!F.kind.agrees(c, kind) && F.due.agrees(c, kind))
    #expect(!F.due.agrees(c, noDue))
  }

  @Test func accuracyIsTheShareOfMatchesThatAgree() {
    let e = ExtractionEvaluation(
      candidates: [
        candidate(line: 1, value: 1, comparator: .about),
        candidate(line: 2, value: 2),
        candidate(line: 3, value: 3, due: "2024-12-31"),
        candidate(line: 4, value: 4, kind: .increment),
      ],
      goals: (1...4).map { goal(line: $0, value: Double($0)) }, lines: 1...10)
    #expect(e.matched.count == 4)
    #expect(e.accuracy(.comparator) == 0.75)
    #expect(e.accuracy(.due) == 0.75)
    #expect(e.accuracy(.kind) == 0.75)
    #expect(e.accuracy(.unit) == 1)
  }
}
