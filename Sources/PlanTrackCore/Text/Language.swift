/// The language of labels.
public enum Language: String, Sendable, CaseIterable {
  case en, zh

  /// `zh` when a locale variable (LC_ALL, LC_MESSAGES, LANG, in that order) starts with `zh`.
  public static func from(environment env: [String: String]) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let v = env[name], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
    }
    return .en
  }

  /// The label of a status in this language.
  public func label(_ status: Status) -> String { self == .zh ? status.chinese : status.english }
}

extension Language {
  /// `on time` / `按时报送`, `late` / `迟报`, `missing` / `缺报`, `not due` / `未到期`.
  public func label(_ t: Timeliness) -> String {
    switch t {
    case .onTime: self == .zh ? "按时报送" : "on time"
    case .late: self == .zh ? "迟报" : "late"
    case .missing: self == .zh ? "缺报" : "missing"
    case .notDue: self == .zh ? "未到期" : "not due"
    }
  }

  /// `recorded` / `已录入`, `submitted` / `已报送`, `approved` / `已审核`, `returned` / `已退回`.
  public func label(_ a: ApprovalState) -> String {
    switch a {
    case .recorded: self == .zh ? "已录入" : "recorded"
    case .submitted: self == .zh ? "已报送" : "submitted"
    case .approved: self == .zh ? "已审核" : "approved"
    case .returned: self == .zh ? "已退回" : "returned"
    }
  }

  /// A board cell: the timeliness words, `waiting` / `待审核`, and the approval words.
  public func label(_ c: ReportingCell) -> String {
    switch c {
    case .missing: label(Timeliness.missing)
    case .late: label(Timeliness.late)
    case .notDue: label(Timeliness.notDue)
    case .waiting: self == .zh ? "待审核" : "waiting"
    case .returned: label(ApprovalState.returned)
    case .approved: label(ApprovalState.approved)
    }
  }
}
