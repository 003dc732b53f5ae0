import PlanTrackCore

/// An office of a shared store: a server login role bound to a region. Row-level security
/// lets the role append figures only for series of that region and the regions below it.
public struct Office: Sendable, Equatable {
  public var role: String
  /// The region's code.
  public var region: String
  /// Its full name (`山东省威海市`), as it was when the office was added.
  public var regionName: String

  public init(role: String, region: String, regionName: String) {
    self.role = role
    self.region = region
    self.regionName = regionName
  }

  /// `山东省威海市 (371000)`.
  public var regionText: String { "\(regionName) (\(region))" }
}

extension PostgresActualsStore {
  /// Every office of this store, by role.
  public func offices() throws(StoreError) -> [Office] {
    try withConnection { conn throws(StoreError) in
      let rows = try conn.exec("SELECT role, region, region_name FROM office ORDER BY role")
      return (0..<rows.count).map {
        Office(role: rows[$0, 0] ?? "", region: rows[$0, 1] ?? "", regionName: rows[$0, 2] ?? "")
      }
    }
  }

  /// What `office add` did.
  public struct OfficeChange: Sendable, Equatable {
    /// The login role was created (it did not exist on the server).
    public var createdRole: Bool
    /// The region the role was bound to before, if it was bound to another.
    public var previous: Office?
  }

  /// Binds `office.role` to `office.region` (creating the login role when the server has
  /// none of that name), with `scope` — the codes of the region and every region below it —
  /// as the regions it may write. One transaction; only the administrator may.
  public func addOffice(_ office: Office, scope: [String]) throws(StoreError) -> OfficeChange {
    try requireAdministrator("add an office")
    return try withConnection { conn throws(StoreError) in
      try conn.transaction { () throws(StoreError) in
        let role = try conn.identifier(office.role)
        let exists = try conn.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", [office.role])
        if exists.count == 0 {
          do throws(StoreError) {
            try conn.exec("CREATE ROLE \(role) LOGIN")
          } catch StoreError.rejected(let reason) where reason.hasSuffix("(SQLSTATE 42501)") {
            throw StoreError.notAdministrator(
              role: access.role, action: "create the login role \(office.role)",
              need: "that takes CREATEROLE (or create the role first, then add the office)")
          }
        }
        // USAGE on the schema where the role lacks it (PUBLIC has it on `public`, which the
        // administrator may not own).
        let schema = try conn.exec(
          "SELECT current_schema(), has_schema_privilege($1, current_schema(), 'USAGE')",
          [office.role])
        if schema[0, 1] != "t" {
          try conn.exec(
            "GRANT USAGE ON SCHEMA \(try conn.identifier(schema[0, 0] ?? "")) TO \(role)")
        }
        // INSERT and SELECT on the entries and review steps only: the triggers and the
        // policies do the rest.
        try conn.exec("GRANT SELECT, INSERT ON entry, review TO \(role)")
        try conn.exec("GRANT USAGE ON SEQUENCE entry_id_seq, review_id_seq TO \(role)")
        try conn.exec("GRANT SELECT ON office, office_scope, plantrack_migration TO \(role)")
        let before = try conn.exec(
          "SELECT region, region_name FROM office WHERE role = $1", [office.role])
        let previous =
          before.count == 0
          ? nil
          : Office(role: office.role, region: before[0, 0] ?? "", regionName: before[0, 1] ?? "")
        try conn.exec("DELETE FROM office WHERE role = $1", [office.role])
        try conn.exec(
          "INSERT INTO office (role, region, region_name) VALUES ($1, $2, $3)",
          [office.role, office.region, office.regionName])
        try conn.exec(
          "INSERT INTO office_scope (role, region) SELECT $1, unnest($2::text[])",
          [office.role, PGConnection.arrayLiteral(scope)])
        return OfficeChange(
          createdRole: exists.count == 0, previous: previous == office ? nil : previous)
      }
    }
  }

  /// Unbinds `role` from its office: it keeps reading, and may no longer write. Returns the
  /// office it had, nil when it had none.
  public func removeOffice(role: String) throws(StoreError) -> Office? {
    try requireAdministrator("remove an office")
    return try withConnection { conn throws(StoreError) in
      try conn.transaction { () throws(StoreError) in
        let rows = try conn.exec(
          "DELETE FROM office WHERE role = $1 RETURNING region, region_name", [role])
        guard rows.count > 0 else { return nil }
        if try conn.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]).count > 0 {
          try conn.exec("REVOKE INSERT ON entry, review FROM \(try conn.identifier(role))")
        }
        return Office(role: role, region: rows[0, 0] ?? "", regionName: rows[0, 1] ?? "")
      }
    }
  }

  func requireAdministrator(_ action: String) throws(StoreError) {
    guard access.isAdministrator else {
      throw StoreError.notAdministrator(
        role: access.role, action: action,
        need: "only the store's administrator (the owner of its tables) can")
    }
  }
}
