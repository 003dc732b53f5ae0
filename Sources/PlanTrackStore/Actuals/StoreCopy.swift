import PlanTrackCore

/// `plantrack store copy`: one store's whole log into another, empty one, verified.
public enum StoreCopy {
  /// What was copied and verified.
  public struct Result: Sendable, Equatable {
    public let entries: Int
    /// Review steps of the reporting cycle, compared field by field.
    public let reviews: Int
    /// FNV-1a (64-bit) of every entry's fields in entry order, equal on both sides.
    public let checksum: UInt64
  }

  /// FNV-1a over each entry's id, key, date, value, input, note, source, who, when and the
  /// entry it retracts, in entry order: any difference in any field changes it.
  public static func checksum(_ entries: [ActualEntry]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func add(_ text: String) {
      for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
      }
      hash ^= 0x1F
      hash = hash &* 0x0000_0100_0000_01B3
    }
    for e in entries {
      for field in [
        String(e.id), e.key, e.asOf.iso, e.value.map { "\($0)" } ?? "∅", e.input ?? "∅",
        e.note ?? "∅", e.source ?? "∅", e.enteredBy, e.enteredAt,
        e.retracts.map(String.init) ?? "∅",
      ] {
        add(field)
      }
    }
    return hash
  }

  /// Copies every entry of `source` into `destination` (which must be empty) with its id,
  /// then reads the destination back: the counts and checksums must agree.
  public static func copy(from source: any ActualsStore, to destination: any ActualsStore)
    throws(StoreError) -> Result
  {
    let entries = try source.allEntries()
    let reviews = try source.allReviews()
    try destination.receive(entries, reviews: reviews)
    let copied = try destination.allEntries()
    let copiedReviews = try destination.allReviews()
    let (a, b) = (checksum(entries), checksum(copied))
    guard copiedReviews == reviews else {
      throw StoreError.rejected(
        reason:
          "the copy does not match: \(reviews.count) review steps, \(copiedReviews.count) in the destination differ"
      )
    }
    guard copied.count == entries.count, a == b else {
      throw StoreError.rejected(
        reason:
          "the copy does not match: \(entries.count) entries with checksum \(String(a, radix: 16)), \(copied.count) with \(String(b, radix: 16)) in the destination"
      )
    }
    return Result(entries: entries.count, reviews: reviews.count, checksum: a)
  }
}
