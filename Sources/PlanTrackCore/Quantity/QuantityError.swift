/// A failure to parse or convert a quantity.
public enum QuantityError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A unit that is neither a known family nor a short word (`1辆`, `万万`, `km/h`).
  case unparseableUnit(String)
  /// Two units with different base units.
  case incompatibleUnits(from: String, to: String)
  /// A value that is not a number (`abc`, `1,2,3`, empty).
  case unparseableValue(String)
  /// NaN, infinity or a magnitude beyond what any plan states.
  case notFinite(String)

  public var description: String { text.escapingControls }

  private var text: String {
    switch self {
    case .unparseableUnit(let u):
      return "cannot read unit “\(u)”: expected a unit like 万辆, 个, %, 个百分点 or 万千瓦"
    case .incompatibleUnits(let from, let to):
      return "unit “\(from)” cannot be converted to “\(to)”"
    case .unparseableValue(let v):
      return "cannot read value “\(v)”: expected a number like 140.2, 1,402,345 or 140.2万"
    case .notFinite(let v):
      return "value “\(v)” is not a finite number within ±1e15"
    }
  }
}
