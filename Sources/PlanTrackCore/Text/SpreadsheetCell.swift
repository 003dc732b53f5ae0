/// How spreadsheets name columns and hold numbers and dates: what plantrack's workbook writer
/// and reader both follow.
public enum SpreadsheetCell {
  /// `A`, `Z`, `AA`… for a 0-based column.
  public static func letters(_ column: Int) -> String {
    var n = column + 1
    var out = ""
    while n > 0 {
      out = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + out
      n = (n - 1) / 26
    }
    return out
  }

  /// The 0-based column of a reference such as `D12` (3); nil for anything that is not one
  /// (at most three letters, as in XFD, the last column).
  public static func column(of reference: String) -> Int? {
    var n = 0
    var letters = 0
    for u in reference.unicodeScalars {
      guard u.value >= 65 && u.value <= 90 else { break }
      n = n * 26 + Int(u.value - 64)
      letters += 1
    }
    guard letters > 0, letters <= 3, n <= 16384, !reference.dropFirst(letters).isEmpty,
      reference.dropFirst(letters).allSatisfy(\.isNumber)
    else { return nil }
    return n - 1
  }

  /// A number as the shortest text that reads back as the same double (`1402345`, `140.2`),
  /// in plain decimals (`0.00005`, not `5e-05`).
  public static func numberText(_ v: Double) -> String {
    if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
    let shortest = "\(v)"
    guard shortest.contains("e"), abs(v) < 1e15 else { return shortest }
    var fixed = String(format: "%.20f", v)
    while fixed.hasSuffix("0") { fixed.removeLast() }
    return fixed.hasSuffix(".") ? String(fixed.dropLast()) : fixed
  }

  /// The date serial of a day: days since 1899-12-30 (the same as Excel's from 1900-03-01).
  public static func serial(_ day: Day) -> Int { day.ordinal + 25569 }

  /// The day of a whole date serial from 1900-03-01 (61) on; nil for anything else.
  public static func day(serial: Double) -> Day? {
    guard serial >= 61, serial < 2_958_466, serial == serial.rounded(.down) else { return nil }
    return Day(ordinal: Int(serial) - 25569)
  }
}
