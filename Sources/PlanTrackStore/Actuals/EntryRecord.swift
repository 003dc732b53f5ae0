import GRDB
import PlanTrackCore

/// One row of the `entry` table. Internal to the store.
struct EntryRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "entry"

  var id: Int64?
  var key: String
  var asOf: String
  var value: Double?
  var input: String?
  var note: String?
  var source: String?
  var enteredBy: String
  var enteredAt: String
  var retracts: Int64?

  enum CodingKeys: String, CodingKey {
    case id, key, value, input, note, source, retracts
    case asOf = "as_of"
    case enteredBy = "entered_by"
    case enteredAt = "entered_at"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let key = Column(CodingKeys.key)
    static let asOf = Column(CodingKeys.asOf)
    static let enteredBy = Column(CodingKeys.enteredBy)
    static let retracts = Column(CodingKeys.retracts)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  /// Reads a row by column name without going through `Decodable` (several times faster).
  init(row: Row) {
    id = row[CodingKeys.id.stringValue]
    key = row[CodingKeys.key.stringValue]
    asOf = row[CodingKeys.asOf.stringValue]
    value = row[CodingKeys.value.stringValue]
    input = row[CodingKeys.input.stringValue]
    note = row[CodingKeys.note.stringValue]
    source = row[CodingKeys.source.stringValue]
    enteredBy = row[CodingKeys.enteredBy.stringValue]
    enteredAt = row[CodingKeys.enteredAt.stringValue]
    retracts = row[CodingKeys.retracts.stringValue]
  }

  init(_ e: NewEntry) {
    key = e.key
    asOf = e.asOf.iso
    value = e.value
    input = e.input
    note = e.note
    source = e.source
    enteredBy = e.enteredBy
    enteredAt = e.enteredAt
    retracts = e.retracts
  }

  var entry: ActualEntry? {
    guard let id, let day = Day(iso: asOf) else { return nil }
    return ActualEntry(
      id: id, key: key, asOf: day, value: value, input: input, note: note, source: source,
      enteredBy: enteredBy, enteredAt: enteredAt, retracts: retracts)
  }
}
