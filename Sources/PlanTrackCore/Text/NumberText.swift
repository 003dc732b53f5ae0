/// Plain decimal text for figures: no exponent, no trailing zeros, at most `digits` decimals.
public enum NumberText {
  /// `140` for 140.0, `140.2345` for 140.2345, `0.3333` for 1/3 with 4 digits.
  ///
  /// Values of 1e15 and beyond (never a plan's figure) fall back to Swift's own description.
  public static func plain(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
    // Keep the value in 10^-digits an exact integer (below 2^53), which also keeps it within
    // Int64, and the fraction's padding in step with power10's cap of 12 digits.
    var digits = min(max(digits, 0), 12)
    while digits > 0, abs(value) * power10(digits) >= 9_007_199_254_740_992 { digits -= 1 }
    let scale = power10(digits)
    let units = Int64((abs(value) * scale).rounded())  // value in 10^-digits
    if units == 0 { return "0" }
    // The digits, written right to left into a stack buffer: exports write this for tens of
    // thousands of cells, and building it from Strings showed in their profile.
    var fraction = units % Int64(scale)
    var width = digits
    while width > 0, fraction % 10 == 0 {
      fraction /= 10
      width -= 1
    }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
      var start = buffer.count
      func put(_ byte: UInt8) {
        start -= 1
        buffer[start] = byte
      }
      if width > 0 {
        for _ in 0..<width {
          put(UInt8(ascii: "0") + UInt8(fraction % 10))
          fraction /= 10
        }
        put(UInt8(ascii: "."))
      }
      var whole = units / Int64(scale)
      repeat {
        put(UInt8(ascii: "0") + UInt8(whole % 10))
        whole /= 10
      } while whole > 0
      if value < 0 { put(UInt8(ascii: "-")) }
      return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
    }
  }

  /// A figure for people, on the screen and in reports: fewer decimals for larger numbers
  /// (none from 1,000, one from 100, two from 1, four below); `—` for none. Machine-readable
  /// output (JSON, CSV) keeps six decimals instead.
  public static func figure(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    let a = abs(value)
    return plain(value, digits: a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 4)
  }

  /// A share as a percentage: `36.3%` for 0.3628.
  public static func percent(_ share: Double, digits: Int = 1) -> String {
    plain(share * 100, digits: digits) + "%"
  }

  /// `value` rounded to `digits` decimals, for machine-readable output that stays stable.
  public static func rounded(_ value: Double, digits: Int = 6) -> Double {
    guard value.isFinite, abs(value) < 1e15 else { return value }
    let scale = power10(digits)
    return (value * scale).rounded() / scale
  }

  static func power10(_ n: Int) -> Double {
    var s = 1.0
    for _ in 0..<max(0, min(n, 12)) { s *= 10 }
    return s
  }
}
