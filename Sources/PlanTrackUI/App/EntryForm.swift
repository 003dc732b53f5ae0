import PlanTrackCore

/// The form for entering a figure: value (with or without a unit, 万/亿 and full-width digits
/// allowed), date, note and source. It parses as the user types, so the parsed value or the
/// reason it cannot be read is on screen before anything is saved.
public struct EntryForm: Hashable, Sendable {
  /// The fields, in tab order.
  public enum Field: Int, Hashable, Sendable, CaseIterable {
    case value, date, note, source
  }

  public var key: String
  public var unit: MeasureUnit
  /// Counting words that are the same count as the unit's (the indicator's `counts`).
  public var sameCount: [String] = []
  public var value = ""
  public var date: String
  public var note = ""
  public var source = ""
  public var focus: Field = .value
  /// Set when saving was refused: shown under the field until the next edit.
  public var error: String?

  public init(key: String, unit: MeasureUnit, date: Day) {
    self.key = key
    self.unit = unit
    self.date = date.iso
  }

  /// The text of a field.
  public subscript(field: Field) -> String {
    get {
      switch field {
      case .value: value
      case .date: date
      case .note: note
      case .source: source
      }
    }
    set {
      switch field {
      case .value: value = newValue
      case .date: date = newValue
      case .note: note = newValue
      case .source: source = newValue
      }
    }
  }

  /// The value in the target's unit, or why it cannot be read.
  public var parsedValue: Result<Double, QuantityError> {
    do {
      return .success(try ValueInput.parse(value, targetUnit: unit, sameCount: sameCount))
    } catch let e as QuantityError {
      return .failure(e)
    } catch {
      return .failure(.unparseableValue(value))
    }
  }

  /// The date, or nil if it is not a real YYYY-MM-DD date.
  public var parsedDate: Day? { Day(iso: date.trimmingWhitespace) }

  /// What stops saving, or nil when the form can be saved.
  public var problem: String? {
    if value.trimmingWhitespace.isEmpty { return "value: empty" }
    if case .failure(let e) = parsedValue { return "value: \(e)" }
    if parsedDate == nil { return "date: “\(date)” is not a date (YYYY-MM-DD)" }
    return nil
  }
}
