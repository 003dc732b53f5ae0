import GRDB

extension SQLiteActualsStore {
  /// The schema, as named migrations. A shipped migration is never edited; changes come as
  /// new migrations. Constraints live in SQL so that no writer can break them.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-entry") { db in
      try db.execute(
        sql: """
          CREATE TABLE entry (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL CHECK (length(key) > 0),
            as_of TEXT NOT NULL
              CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            value REAL CHECK (value IS NULL OR abs(value) <= 1e15),
            input TEXT,
            note TEXT,
            source TEXT,
            entered_by TEXT NOT NULL CHECK (length(entered_by) > 0),
            entered_at TEXT NOT NULL,
            retracts INTEGER REFERENCES entry(id),
            CHECK ((value IS NULL) = (retracts IS NOT NULL))
          );
          CREATE INDEX entry_by_key ON entry(key, as_of, id);
          CREATE INDEX entry_by_user ON entry(entered_by, id);
          CREATE TRIGGER entry_append_only_update BEFORE UPDATE ON entry
            BEGIN SELECT RAISE(ABORT, 'entries are append-only: record a correction instead'); END;
          CREATE TRIGGER entry_append_only_delete BEFORE DELETE ON entry
            BEGIN SELECT RAISE(ABORT, 'entries are append-only: record a retraction instead'); END;
          """)
    }
    // `seriesByKey` reads every entry in (key, as_of, id) order. With the value and the
    // retraction in the index too, SQLite reads the index alone instead of looking up each
    // entry's row: at 1,000,000 entries that halves the time of reading the store.
    migrator.registerMigration("v2-series-index") { db in
      try db.execute(
        sql: """
          DROP INDEX entry_by_key;
          CREATE INDEX entry_series ON entry(key, as_of, id, value, retracts);
          """)
    }
    // The reporting cycle's steps (submit, approve, return, correct): appended like entries,
    // each naming the figure it was about, with that figure's date and value copied from it.
    migrator.registerMigration("v3-review") { db in
      try db.execute(
        sql: """
          CREATE TABLE review (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL CHECK (length(key) > 0),
            period TEXT NOT NULL CHECK (length(period) > 0),
            action TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'return', 'correct')),
            entry INTEGER NOT NULL REFERENCES entry(id),
            as_of TEXT NOT NULL,
            value REAL NOT NULL,
            comment TEXT,
            entered_by TEXT NOT NULL CHECK (length(entered_by) > 0),
            entered_at TEXT NOT NULL,
            CHECK (action NOT IN ('return', 'correct') OR length(trim(comment)) > 0)
          );
          CREATE INDEX review_by_key ON review(key, period, id);
          CREATE INDEX review_by_period ON review(period, key, id);
          CREATE INDEX review_by_action ON review(action, key, period);
          CREATE TRIGGER review_append_only_update BEFORE UPDATE ON review
            BEGIN SELECT RAISE(ABORT, 'review steps are append-only'); END;
          CREATE TRIGGER review_append_only_delete BEFORE DELETE ON review
            BEGIN SELECT RAISE(ABORT, 'review steps are append-only'); END;
          """)
    }
    return migrator
  }
}
