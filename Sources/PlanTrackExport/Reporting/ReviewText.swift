import PlanTrackCore

/// Review steps and period states as plain text (`history`, `review`).
public enum ReviewText {
  /// The steps as a table: id, period, step, figure, who, when, comment.
  public static func table(_ steps: [ReviewEvent]) -> String {
    var rows: [[String]] = [["#", "PERIOD", "STEP", "FIGURE", "AS OF", "BY", "AT", "COMMENT"]]
    for s in steps {
      rows.append([
        "\(s.id)", s.period, s.action == .correct ? "correct (approved figure)" : s.action.rawValue,
        NumberText.plain(s.value), s.asOf.iso, s.enteredBy, s.enteredAt, s.comment ?? "",
      ])
    }
    return TextTable.render(rows, rightAligned: [3])
  }

  /// `2025-06: returned by weihai 2025-07-12 — 口径不一致，请核实 (correct it and submit again)`.
  public static func standing(_ r: PeriodReview) -> String {
    let state = r.state ?? .recorded
    var line = "\(r.period.label): \(state.rawValue)"
    if let last = r.events.last {
      switch state {
      case .returned:
        line +=
          " by \(last.enteredBy) \(last.enteredAt.prefix(10)) — \(last.comment ?? "") (correct it and submit again)"
      case .approved:
        line += " by \(last.enteredBy) \(last.enteredAt.prefix(10)) (locked)"
      case .submitted:
        line += r.isCorrectionOfApproved ? " (a correction of an approved figure)" : ""
      case .recorded:
        line += " (changed since the last step: submit it)"
      }
    }
    return line.escapingControls
  }
}
