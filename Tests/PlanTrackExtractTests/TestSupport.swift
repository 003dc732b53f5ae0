import PlanTrackCore

@testable import PlanTrackExtract

/// The day of an ISO date written in a test; a typo stops the test run.
func day(_ iso: String) -> Day {
  Day(iso: iso)!
}

/// Normalised text as the rules see it, from a string typed without spaces.
func chars(_ s: String) -> [Character] {
  Array(s)
}

/// The paragraphs of `lines` joined with LF, as the strings the rules see.
func paragraphStrings(_ lines: [String]) -> [String] {
  PlanLayout.paragraphs(SourceText(lines.joined(separator: "\n"))).map(\.string)
}
