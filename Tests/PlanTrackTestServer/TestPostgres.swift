import Foundation

/// The PostgreSQL test server `.ci/run` starts (`scripts/pg-test-cluster`), named by
/// `PLANTRACK_TEST_PG` (its superuser's connection string). Each test gets a schema of its own
/// and drops it at the end; the roles li, wang and zhao exist for tests that need writers the
/// server tells apart, and plantrack_pw for tests of a password. Used by the store's conformance suite and by the end-to-end tests.
public struct TestPostgres: Sendable {
  /// The superuser's connection string.
  public let base: String

  public static let environment = ProcessInfo.processInfo.environment

  public struct Unavailable: Error, CustomStringConvertible {
    public let description: String
  }

  /// The test server, with its roles created (once per test process).
  public static func shared() throws -> TestPostgres {
    try prepared.get()
  }

  private static let prepared: Result<TestPostgres, Unavailable> = {
    guard let base = environment["PLANTRACK_TEST_PG"] else {
      return .failure(
        Unavailable(
          description:
            "PLANTRACK_TEST_PG names no test server (scripts/test starts one when PostgreSQL is installed)"
        ))
    }
    let server = TestPostgres(base: base)
    do throws(Unavailable) {
      // li owns the test schemas (and may create office roles); wang, a member of li, writes
      // them too; zhao only logs in.
      try server.psql(
        """
        DO $$ BEGIN
          PERFORM pg_advisory_lock(hashtext('plantrack test roles'));
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'li') THEN
            CREATE ROLE li LOGIN CREATEROLE;
          END IF;
          ALTER ROLE li CREATEROLE;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wang') THEN
            CREATE ROLE wang LOGIN IN ROLE li;
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zhao') THEN CREATE ROLE zhao LOGIN; END IF;
          -- The one role that must give a password (scripts/pg-test-cluster's pg_hba.conf).
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plantrack_pw') THEN
            CREATE ROLE plantrack_pw LOGIN PASSWORD 'the-right-password';
          END IF;
          PERFORM pg_advisory_unlock(hashtext('plantrack test roles'));
        END $$;
        """)
      return .success(server)
    } catch {
      return .failure(error)
    }
  }()

  /// A new, empty schema (a generated name: `t_` and hex digits) owned by `owner` (the
  /// superuser by default).
  public func freshSchema(owner: String = "CURRENT_USER") throws -> String {
    let schema = "t_" + UUID().uuidString.lowercased().filter(\.isHexDigit)
    try psql("CREATE SCHEMA \(schema) AUTHORIZATION \(owner)")
    return schema
  }

  /// The connection string of `schema` as `user` (the superuser when nil; any name, percent-
  /// encoded into the URL).
  public func url(schema: String, user: String? = nil) -> String {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
    return base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
      + (user.map { "&user=" + $0.addingPercentEncoding(withAllowedCharacters: allowed)! } ?? "")
  }

  /// A role name of its own for one test (`prefix_` and hex digits): roles belong to the
  /// whole server, and tests run at once.
  public static func uniqueRole(_ prefix: String) -> String {
    prefix + "_" + UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(10)
  }

  public func drop(schema: String) {
    _ = try? psql("DROP SCHEMA \(schema) CASCADE")
  }

  /// Runs `sql` as the superuser with psql (stopping at the first error); its output.
  @discardableResult
  public func psql(_ sql: String) throws(Unavailable) -> String {
    do {
      let r = try Spawn.run("/usr/bin/psql", [base, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql])
      guard r.code == 0 else { throw Unavailable(description: "psql: \(r.stderr)") }
      return r.stdout
    } catch let error as Unavailable {
      throw error
    } catch {
      throw Unavailable(description: "psql cannot run: \(error)")
    }
  }
}

/// A PostgreSQL server of one test's own (`scripts/pg-test-cluster` in a fresh folder), for
/// tests that stop and start the server; stopped and removed when the value goes away.
public final class PrivateCluster: @unchecked Sendable {
  public let script: URL
  public let dir: String
  /// The superuser's connection string.
  public let url: String

  public init(script: URL) throws {
    self.script = script
    // Short: a Unix socket's path must fit in 107 bytes.
    dir = "/tmp/ptpg-" + UUID().uuidString.prefix(8).lowercased()
    url = try Self.run(script, ["start", dir]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  deinit { _ = try? Self.run(script, ["stop", dir]) }

  /// Stops the server (`pg_ctl stop -m fast`): every connection is gone.
  public func pause() throws { try Self.run(script, ["pause", dir]) }
  /// Starts it again.
  public func resume() throws { try Self.run(script, ["resume", dir]) }

  @discardableResult
  static func run(_ script: URL, _ args: [String]) throws -> String {
    let r = try Spawn.run(script.path, args)
    guard r.code == 0 else {
      throw TestPostgres.Unavailable(description: "pg-test-cluster \(args) failed: \(r.stderr)")
    }
    return r.stdout
  }
}
