import PlanTrackCore

/// A fill-in workbook for one office or lead unit and one period (`plantrack template`): one
/// row per series it reports, the figure to type in the only unlocked column, and a second
/// sheet that says how. `plantrack import` reads it back: its headers are names the import
/// knows (`WorkbookColumns`), and rows left empty are skipped.
public struct FillInTemplate: Sendable {
  public struct Row: Sendable {
    public var key: String
    public var name: String
    public var unit: String
    /// The goal that applies by the period (its text, `≥ 6600 个`) and its due date.
    public var goal: String?
    public var due: Day?
    public var last: Observation?
    /// The date the figure is for: the series' period end.
    public var date: Day

    public init(
      key: String, name: String, unit: String, goal: String?, due: Day?, last: Observation?,
      date: Day
    ) {
      self.key = key
      self.name = name
      self.unit = unit
      self.goal = goal
      self.due = due
      self.last = last
      self.date = date
    }
  }

  /// Who fills it in (an office's region, or a lead unit) and for which period.
  public var title: String
  public var period: String
  public var deadline: Day?
  public var rows: [Row]

  public init(title: String, period: String, deadline: Day?, rows: [Row]) {
    self.title = title
    self.period = period
    self.deadline = deadline
    self.rows = rows
  }

  /// The column titles, in order; `WorkbookColumns` maps them back (both languages).
  public static func header(_ language: Language) -> [String] {
    let zh = language == .zh
    return zh
      ? ["序列", "名称", "计量单位", "目标", "目标期限", "上次数据", "上次日期", "日期", "填报值", "备注", "来源"]
      : [
        "key", "name", "unit of the row", "goal", "goal due", "last figure", "last date", "date",
        "value", "note", "source",
      ]
  }

  /// The value column (0-based): the input.
  static let valueColumn = 8

  public func workbook(language: Language) -> XLSXWorkbook {
    let zh = language == .zh
    func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
    var cells: [[XLSXCell]] = [Self.header(language).map { .text($0, .header) }]
    for r in rows {
      cells.append([
        .text(r.key), .text(r.name), .text(r.unit), .text(r.goal), .date(r.due),
        .number(r.last?.value, .figure), .date(r.last?.day), .date(r.date),
        .blank(.input), .blank(.inputText), .blank(.inputText),
      ])
    }
    var sheet = XLSXSheet(name: t("Figures", "填报"), rows: cells)
    sheet.protected = true
    if !rows.isEmpty {
      let value = SpreadsheetCell.letters(Self.valueColumn)
      // A number, or text with a digit in it (140.2万): a warning only, the import checks
      // again (and also reads full-width digits, １４０).
      sheet.validations = [
        XLSXValidation(
          range: "\(value)2:\(value)\(rows.count + 1)",
          formula:
            "OR(ISNUMBER(\(value)2),SUMPRODUCT(--ISNUMBER(FIND(ROW($1:$10)-1,\(value)2)))>0)",
          prompt: t(
            "A number, e.g. 6600 or 140.2万, in the unit of the row", "填写数字，如 6600 或 140.2万（按本行单位）"),
          error: t("Not a number: check it before you send it", "不是数字，请核对后再报送"))
      ]
    }
    let help = [
      t("How to fill in this workbook", "填报说明"),
      "",
      t("For: \(title)", "填报单位：\(title)"),
      t("Period: \(period)", "报告期：\(period)")
        + (deadline.map { t(", due \($0.iso)", "，截止日期 \($0.iso)") } ?? ""),
      "",
      t(
        "1. Type each figure in the yellow column “value”, in the row's unit (6600, 140.2万).",
        "1. 在黄色的“填报值”列填写数字，单位按本行“单位”（如 6600、140.2万）。"),
      t(
        "2. Add a note or the source if you have one; leave a row empty if you have no figure.",
        "2. 如有需要，填写备注或数据来源；没有数据的行留空。"),
      t(
        "3. Do not change the other columns or the sheet's order; the key column says where each figure goes.",
        "3. 请勿修改其他列或工作表顺序；“序列”列决定数据归属。"),
      t(
        "4. Save as .xlsx (not .xls) and send it back; it is checked cell by cell on import.",
        "4. 保存为 .xlsx 格式（不要存为 .xls）后报送；导入时逐格校验。"),
    ]
    let howTo = XLSXSheet(
      name: t("How to fill in", "填报说明"),
      rows: help.enumerated().map { i, line in [.text(line, i == 0 ? .header : .plain)] },
      frozenRows: 0, autoFilter: false)
    return XLSXWorkbook(sheets: [sheet, howTo])
  }
}
