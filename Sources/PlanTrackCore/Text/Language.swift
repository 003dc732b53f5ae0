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
