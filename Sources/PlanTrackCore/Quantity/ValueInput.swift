/// Reads a value as a person types it for a target: `1402345`, `1,402,345`, `140.2万`,
/// `１４０`, `1402345辆`, `140.2万辆`.
public enum ValueInput {
  /// The largest magnitude accepted, in the target's unit.
  public static let maximumMagnitude = 1e15

  /// Parses `text` (and an optional separately given unit) into a value in `targetUnit`.
  ///
  /// A bare number is in the target's unit. A number followed by a scale only (`140.2万`) is
  /// scaled in the target's base unit. A number followed by a unit, or an explicit `unit`,
  /// must be compatible with the target's unit and is converted: `1402345辆` for a `万辆`
  /// target is 140.2345.
  ///
  /// `sameCount` lists counting words that are the same count as the target unit's (an
  /// indicator's `counts`: 1500座 base stations are 1500个).
  public static func parse(
    _ text: String, unit explicitUnit: String? = nil, targetUnit: MeasureUnit,
    sameCount: [String] = []
  ) throws -> Double {
    // Spaces may stand around the number ("140 万辆", as plans print it), never inside it.
    let normal = TextNormalizer.halfWidth(text).trimmingWhitespace
    let (number, rest) = try splitNumber(normal, original: text)
    let suffix = rest.filter { !$0.isWhitespace }
    if let first = suffix.first, first.isASCII, first.isNumber || first == "," || first == "." {
      throw QuantityError.unparseableValue(text)
    }
    var unitText = suffix
    if let explicitUnit {
      guard suffix.isEmpty else {
        throw QuantityError.unparseableValue(text + " (a unit is given twice)")
      }
      unitText = TextNormalizer.unitText(explicitUnit)
    }
    let value: Double
    if unitText.isEmpty {
      value = number
    } else if let factor = MeasureUnit.scalePrefixes.first(where: { $0.0 == unitText })?.1 {
      // A bare scale: the number is in the target's base unit.
      value = number * factor / targetUnit.scale * baseFactor(targetUnit)
    } else {
      let unit = try MeasureUnit(parsing: unitText)
      if !unit.isCompatible(with: targetUnit), !sameCount.isEmpty,
        Set(sameCount + [targetUnit.base]).contains(unit.base)
      {
        value = number * unit.scale / targetUnit.scale
      } else {
        value = try unit.convert(number, to: targetUnit)
      }
    }
    guard value.isFinite, abs(value) <= maximumMagnitude else {
      throw QuantityError.notFinite(text)
    }
    return value
  }

  /// For a family unit (万千瓦 → 瓦) the bare-scale rule works in the unit as written without
  /// its scale prefix (万 on a 万千瓦 target means 万 × 千瓦), so put the family factor back.
  private static func baseFactor(_ unit: MeasureUnit) -> Double {
    var rest = Substring(unit.text)
    for (prefix, _) in MeasureUnit.scalePrefixes where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
      break
    }
    return MeasureUnit.family(of: rest)?.1 ?? 1
  }

  /// Splits a leading decimal number (sign, digits with optional thousands commas, fraction)
  /// from what follows it.
  static func splitNumber(_ s: String, original: String) throws -> (Double, String) {
    var digits = ""
    var index = s.startIndex
    if index < s.endIndex, s[index] == "-" || s[index] == "+" {
      digits.append(s[index])
      index = s.index(after: index)
    }
    var sawDigit = false
    var sawPoint = false
    var groupLength = -1  // digits since the last comma; -1 before any comma
    var leadingGroup = 0
    while index < s.endIndex {
      let c = s[index]
      if c.isASCII, c.isNumber {
        digits.append(c)
        sawDigit = true
        if !sawPoint {
          if groupLength >= 0 { groupLength += 1 } else { leadingGroup += 1 }
        }
      } else if c == ",", !sawPoint, sawDigit {
        guard groupLength == -1 ? leadingGroup <= 3 : groupLength == 3 else {
          throw QuantityError.unparseableValue(original)
        }
        groupLength = 0
      } else if c == ".", !sawPoint {
        if groupLength >= 0, groupLength != 3 { throw QuantityError.unparseableValue(original) }
        sawPoint = true
        digits.append(c)
      } else {
        break
      }
      index = s.index(after: index)
    }
    if !sawPoint, groupLength >= 0, groupLength != 3 {
      throw QuantityError.unparseableValue(original)
    }
    guard sawDigit, digits.last != ".", let value = Double(digits) else {
      throw QuantityError.unparseableValue(original)
    }
    return (value, String(s[index...]))
  }
}
