import Foundation
import PlanTrackCore

/// The status of every target frozen at an as-of date, as `plantrack export` writes it:
/// JSON (versioned, complete, read back by `diff`), Markdown, CSV and HTML. The same
/// statuses and as-of date always give the same bytes.
public struct Snapshot: Sendable {
  /// The JSON schema version written. Schema 2 (indicators and regions) made `region` an
  /// object `{code, name, level}` and added `indicator`, `series` and `rollup`.
  /// Schema 3 (the reporting cycle) added each target's `approval` and `reporting` and the
  /// `timeliness` counts per office and lead unit.
  public static let schema = 3
  /// The schema versions `diff` reads (the fields it compares are the same in all).
  public static let readableSchemas = 1...3

  public let asOf: Day
  /// A line every format shows at the top, e.g. that the figures are demo data.
  public let label: String?
  public let statuses: [TargetStatus]
  /// Each target's place in the reporting cycle, by target key.
  public let reporting: [String: TargetReporting]
  /// Timeliness per office and per lead unit (报送及时率); empty where the store has no
  /// review steps (the cycle is not used).
  public let timeliness: [TimelinessSummary]

  public init(
    asOf: Day, statuses: [TargetStatus], label: String? = nil,
    reporting: [String: TargetReporting] = [:], timeliness: [TimelinessSummary] = []
  ) {
    self.asOf = asOf
    self.statuses = statuses
    self.label = label
    self.reporting = reporting
    self.timeliness = timeliness
  }

  /// The file name of a format: `<as-of>-status.<ext>`.
  public func fileName(_ format: Format) -> String { "\(asOf.iso)-status.\(format.rawValue)" }

  /// The formats a snapshot is written in.
  public enum Format: String, Sendable, CaseIterable {
    case md, json, csv, html, xlsx

    /// The formats that are text.
    public static let textFormats: [Format] = [.md, .json, .csv, .html]
  }

  /// The text of one of the text formats (the workbook is `data`).
  public func text(_ format: Format, language: Language) -> String {
    switch format {
    case .json: json()
    case .md: markdown(language: language)
    case .csv: csv()
    case .html: html(language: language)
    case .xlsx: preconditionFailure("a workbook is not text: use data(_:language:)")
    }
  }

  /// The bytes of one format's file.
  public func data(_ format: Format, language: Language) throws -> Data {
    format == .xlsx
      ? try workbook(language: language).data() : Data(text(format, language: language).utf8)
  }

  /// The statuses grouped by document, in target-file order.
  var byDocument: [(PlanDocument, [TargetStatus])] {
    var order: [String] = []
    var groups: [String: (PlanDocument, [TargetStatus])] = [:]
    for s in statuses {
      let d = s.target.document
      if groups[d.id] == nil {
        order.append(d.id)
        groups[d.id] = (d, [])
      }
      groups[d.id]!.1.append(s)
    }
    return order.map { groups[$0]! }
  }
}
