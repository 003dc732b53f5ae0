/// The colours and emphasis of the dashboard.
public enum ThemeName: String, CaseIterable, Sendable {
  /// For dark terminals (the usual).
  case `default`
  /// For light backgrounds: no yellow or white text.
  case light
  /// Bold, bright colours and a reverse selection.
  case highContrast = "high-contrast"
  /// No colour at all: bold, underline and reverse only.
  case monochrome
}

/// How many colours the dashboard may use: as the terminal says (`auto`), the 16 colours of
/// most terminals, the 8 of the Linux console and old terminals, or none.
public enum ColorMode: String, CaseIterable, Sendable {
  case auto
  case sixteen = "16"
  case eight = "8"
  case none
}

/// A column of the overview's table, by the name settings use.
public enum OverviewColumn: String, CaseIterable, Sendable {
  case status, name
  /// actual / goal
  case figures = "actual"
  case bar, percent, due
  case daysLeft = "days-left"
  case lead, region, indicator, document
  case updated = "last-update"

  /// The columns when settings choose none.
  public static let standard: [OverviewColumn] = [
    .status, .name, .figures, .bar, .percent, .due, .daysLeft, .lead,
  ]
}

/// Everything a user or a workspace can set. `nil` and empty mean "the default".
public struct Settings: Sendable, Equatable {
  // Workspace settings (plantrack.yaml), most of them also flags or environment variables.
  /// Where the figures are (`sqlite:PATH`, `postgresql://…`).
  public var store: String?
  public var language: Language?
  public var thresholds = StatusThresholds.standard
  /// Days after a period ends that its figure is due, per frequency.
  public var deadlines: [UpdateFrequency: Int] = [:]

  // User settings (config.yaml).
  public var theme = ThemeName.default
  public var colors = ColorMode.auto
  public var ascii: Bool?
  public var keys: [DashboardAction: [Key]] = [:]
  public var columns = OverviewColumn.standard
  public var mouse = true

  public init() {}

  /// The defaults.
  public static let standard = Settings()
}
