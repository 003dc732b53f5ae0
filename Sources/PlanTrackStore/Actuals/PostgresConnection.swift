import CLibPQ
import Foundation
import PlanTrackCore

/// One libpq connection (used under its owner's lock): statements with parameters only (no text from a user is ever spliced
/// into SQL), results as text, errors as `StoreError`. Not thread-safe: its owner serialises.
final class PGConnection: @unchecked Sendable {
  private let conn: OpaquePointer
  /// The connection string with its password masked, for messages.
  let display: String

  /// Connects with `conninfo` (a `postgresql://` URL or `key=value` string: libpq reads
  /// service files, `~/.pgpass` and `PG*` variables as usual), waiting at most
  /// `timeout` seconds unless the string says otherwise.
  init(_ conninfo: String, timeout: Int = 5) throws(StoreError) {
    display = PostgresURL.masked(conninfo)
    // Keys are applied in order and `dbname` expands the connection string, so the defaults
    // come first and whatever the user's string says overrides them.
    let keys = ["connect_timeout", "application_name", "dbname"]
    let values = ["\(timeout)", "plantrack", conninfo]
    let c = keys.withCStrings { k in
      values.withCStrings { v in PQconnectdbParams(k, v, 1) }
    }
    guard let c else { throw StoreError.cannotOpen(path: display, reason: "out of memory") }
    guard PQstatus(c) == CONNECTION_OK else {
      let reason = Self.message(PQerrorMessage(c))
      PQfinish(c)
      throw StoreError.cannotOpen(path: display, reason: reason)
    }
    // libpq prints what the server says outside a statement (NOTICEs, and the FATAL of a
    // session an administrator ends while it idles) on standard error; plantrack reports
    // failures itself, in one line, so those go nowhere.
    PQsetNoticeProcessor(c, { _, _ in }, nil)
    conn = c
  }

  deinit { PQfinish(conn) }

  /// Whether the connection is still usable as far as libpq knows.
  var isOK: Bool { PQstatus(conn) == CONNECTION_OK }

  /// Whether the connection is still usable, after reading whatever the server sent since
  /// the last statement (a server that stopped or terminated this session says so, or
  /// closes the socket): what a long-lived handle asks before it runs anything.
  var isAlive: Bool {
    _ = PQconsumeInput(conn)
    return isOK
  }

  /// The server process serving this connection.
  var backendPID: Int32 { PQbackendPID(conn) }

  /// How many times the connection was re-established: what was read before may be stale.
  private(set) var resets = 0
  /// The channels this connection listens on, listened on again after a reset.
  private var channels: [String] = []

  /// Connects again with the same parameters (within the same timeout), and listens again.
  func reset() throws(StoreError) {
    PQreset(conn)
    guard isOK else {
      throw StoreError.unavailable(reason: Self.message(PQerrorMessage(conn)))
    }
    resets += 1
    for c in channels { try exec("LISTEN \(try identifier(c))") }
  }

  /// `LISTEN channel`, kept across resets; `drainNotifications` reads what arrives.
  func listen(_ channel: String) throws(StoreError) {
    try exec("LISTEN \(try identifier(channel))")
    channels.append(channel)
  }

  /// Reads the notifications (`LISTEN`) the server sent so far, without waiting; how many.
  func drainNotifications() throws(StoreError) -> Int {
    guard PQconsumeInput(conn) == 1 else {
      throw StoreError.unavailable(reason: Self.message(PQerrorMessage(conn)))
    }
    var count = 0
    while let n = PQnotifies(conn) {
      PQfreemem(n)
      count += 1
    }
    return count
  }

  /// `name` as a quoted SQL identifier (`"weihai ""office"""`), the one way a role or schema
  /// name enters SQL text (`CREATE ROLE`, `GRANT` take no parameters).
  func identifier(_ name: String) throws(StoreError) -> String {
    let utf8 = Array(name.utf8)
    guard !utf8.contains(0),
      let quoted = utf8.withUnsafeBufferPointer({ buffer in
        buffer.withMemoryRebound(to: CChar.self) {
          PQescapeIdentifier(conn, $0.baseAddress, $0.count)
        }
      })
    else {
      throw StoreError.rejected(
        reason: "“\(name)” cannot be a name: \(Self.message(PQerrorMessage(conn)))")
    }
    defer { PQfreemem(quoted) }
    return String(cString: quoted)
  }

  /// A text array parameter (`{"370000","370100"}`): each element quoted, `"` and `\`
  /// escaped, as PostgreSQL's array input reads it.
  static func arrayLiteral(_ items: [String]) -> String {
    "{"
      + items.map {
        "\""
          + $0.replacingOccurrences(of: "\\", with: "\\\\")
          .replacingOccurrences(of: "\"", with: "\\\"") + "\""
      }.joined(separator: ",") + "}"
  }

  /// Runs `sql` with `$1…` parameters (nil is NULL); a failed statement throws
  /// `.rejected` with the server's message when the server refused it (a constraint, a
  /// permission), `.unavailable` when the connection failed.
  @discardableResult
  func exec(_ sql: String, _ params: [String?] = []) throws(StoreError) -> PGRows {
    let result: OpaquePointer? = params.withOptionalCStrings { ptrs in
      PQexecParams(conn, sql, Int32(params.count), nil, ptrs, nil, nil, 0)
    }
    return try check(result)
  }

  /// Runs a script of several statements of plantrack's own (a migration): no parameters, so
  /// never text from a user.
  func execScript(_ sql: StaticString) throws(StoreError) {
    let text = sql.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    _ = try check(PQexec(conn, text))
  }

  private func check(_ result: OpaquePointer?) throws(StoreError) -> PGRows {
    guard let result else {
      throw StoreError.unavailable(reason: Self.message(PQerrorMessage(conn)))
    }
    let status = PQresultStatus(result)
    guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
      let reason = Self.message(PQresultErrorMessage(result))
      let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
      PQclear(result)
      if !isOK { throw StoreError.unavailable(reason: reason) }
      throw StoreError.rejected(reason: state.map { "\(reason) (SQLSTATE \($0))" } ?? reason)
    }
    return PGRows(result)
  }

  /// `BEGIN`, `body`, `COMMIT`; `ROLLBACK` when `body` throws. A connection found dropped at
  /// `BEGIN` (nothing of the transaction sent yet) is re-established once first.
  func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    do throws(StoreError) {
      try exec("BEGIN")
    } catch StoreError.unavailable where !isAlive {
      try reset()
      try exec("BEGIN")
    }
    do {
      let value = try body()
      try exec("COMMIT")
      return value
    } catch {
      _ = try? exec("ROLLBACK")
      throw error
    }
  }

  static func message(_ p: UnsafePointer<CChar>?) -> String {
    guard let p else { return "unknown error" }
    let text = String(cString: p).trimmingWhitespace
    // libpq messages may span lines ("DETAIL: …"): one line for the user.
    return text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }
      .joined(separator: "; ")
  }
}

/// The rows of a result, read as text; freed when the value goes away.
final class PGRows: @unchecked Sendable {
  private let result: OpaquePointer

  init(_ result: OpaquePointer) { self.result = result }
  deinit { PQclear(result) }

  var count: Int { Int(PQntuples(result)) }

  /// The text of row `r`, column `c` as libpq holds it (valid while the rows live); nil for
  /// NULL. For reading a million rows without a String per field.
  func raw(_ r: Int, _ c: Int) -> UnsafePointer<CChar>? {
    guard PQgetisnull(result, Int32(r), Int32(c)) == 0 else { return nil }
    return UnsafePointer(PQgetvalue(result, Int32(r), Int32(c)))
  }

  /// Row `r`, column `c` as an integer (nil for NULL).
  func int64(_ r: Int, _ c: Int) -> Int64? { raw(r, c).map { strtoll($0, nil, 10) } }

  /// Row `r`, column `c` as a double (nil for NULL).
  func double(_ r: Int, _ c: Int) -> Double? { raw(r, c).map { strtod($0, nil) } }

  /// Row `r`, column `c` as a date written YYYY-MM-DD (nil for NULL or another form).
  func day(_ r: Int, _ c: Int) -> Day? {
    guard let p = raw(r, c), strlen(p) == 10, p[4] == 45, p[7] == 45 else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var n = 0
      for i in from..<(from + count) {
        let d = Int(p[i]) - 48
        guard (0...9).contains(d) else { return nil }
        n = n * 10 + d
      }
      return n
    }
    guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
    return Day(year: y, month: m, day: d)
  }

  /// The text of row `r`, column `c`; nil for NULL.
  subscript(r: Int, c: Int) -> String? { raw(r, c).map { String(cString: $0) } }
}

/// Connection strings as users write them.
public enum PostgresURL {
  /// Whether `text` names a PostgreSQL store (`postgresql://…`, `postgres://…`).
  public static func isPostgres(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  /// `text` with any password replaced by `***`: the user part of a URL
  /// (`postgresql://u:secret@h/db`), a `password=` key in a URL query or a key/value string.
  public static func masked(_ text: String) -> String {
    var out = text
    if let scheme = out.range(of: "://") {
      let rest = out[scheme.upperBound...]
      if let at = rest.firstIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
        out.replaceSubrange(out.index(after: colon)..<at, with: "***")
      }
    }
    // password=… in a query string, or `password = …` in a key/value list, where the value
    // may be quoted ('hun ter2', with \' inside): up to the next & or space, or the closing
    // quote.
    var result = ""
    var rest = Substring(out)
    while let r = rest.range(of: "password") {
      var i = r.upperBound
      while i < rest.endIndex, rest[i] == " " { i = rest.index(after: i) }
      guard i < rest.endIndex, rest[i] == "=" else {
        result += rest[..<r.upperBound]
        rest = rest[r.upperBound...]
        continue
      }
      i = rest.index(after: i)
      while i < rest.endIndex, rest[i] == " " { i = rest.index(after: i) }
      result += rest[..<i] + "***"
      var end = i
      if end < rest.endIndex, rest[end] == "'" {
        end = rest.index(after: end)
        while end < rest.endIndex, rest[end] != "'" {
          if rest[end] == "\\", rest.index(after: end) < rest.endIndex {
            end = rest.index(after: end)
          }
          end = rest.index(after: end)
        }
        if end < rest.endIndex { end = rest.index(after: end) }
      } else {
        end = rest[i...].firstIndex { $0 == "&" || $0 == " " } ?? rest.endIndex
      }
      rest = rest[end...]
    }
    return result + rest
  }
}

extension Array where Element == String {
  /// Calls `body` with the strings as a C array of `char *` (valid only inside `body`).
  fileprivate func withCStrings<R>(
    _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R
  ) -> R {
    let copies = map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let ptrs = copies.map { UnsafePointer($0) } + [nil]
    return ptrs.withUnsafeBufferPointer { body($0.baseAddress!) }
  }
}

extension Array where Element == String? {
  /// Calls `body` with the strings as a C array (NULL for nil), valid only inside `body`.
  fileprivate func withOptionalCStrings<R>(
    _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R
  ) -> R {
    let copies = map { $0.map { strdup($0) } ?? nil }
    defer { copies.forEach { free($0) } }
    let ptrs = copies.map { $0.map { UnsafePointer($0) } }
    return ptrs.withUnsafeBufferPointer { body($0.baseAddress) }
  }
}
