import PlanTrackCore
import Testing

@testable import PlanTrackExport

@Suite("Snapshots in every format")
struct SnapshotTests {
  @Test(arguments: Snapshot.Format.textFormats)
  func goldenFiles(_ format: Snapshot.Format) {
    let s = SnapshotFixture.snapshot()
    assertGolden(s.text(format, language: .zh), "snapshot-zh.\(format.rawValue)")
  }

  @Test func goldenMarkdownInEnglish() {
    assertGolden(SnapshotFixture.snapshot(label: nil).markdown(language: .en), "snapshot-en.md")
  }

  @Test(arguments: Snapshot.Format.allCases)
  func theSameDataGiveTheSameBytes(_ format: Snapshot.Format) throws {
    let a = try SnapshotFixture.snapshot().data(format, language: .zh)
    let b = try SnapshotFixture.snapshot().data(format, language: .zh)
    #expect(a == b)
  }

  @Test func jsonIsVersionedCompleteAndReadsBack() throws {
    let v = try JSONValue.parse(SnapshotFixture.snapshot().json())
    #expect(v["schema"]?.numberValue == 3)
    #expect(v["label"]?.stringValue == "演示数据 demo")
    #expect(v["totals"]?["total"]?.numberValue == 3)
    #expect(v["rollups"]?["category"]?.arrayValue?.first?["name"]?.stringValue == "ev")
    let targets = try #require(v["targets"]?.arrayValue)
    #expect(targets.count == 3)
    let nev = targets[0]
    for key in [
      "key", "name", "status", "actual", "actualDate", "expected", "gap", "goal", "due", "progress",
      "projected", "stale", "milestones", "baseline", "documentNumber", "sourceFile", "start",
      "shortfall", "region", "indicator", "series", "rollup",
    ] {
      #expect(nev[key] != nil, "no \(key)")
    }
    #expect(
      nev["milestones"]?.arrayValue?.first?["quote"]?.stringValue?.contains("全省新能源汽车保有量") == true)
    #expect(targets[2]["name"]?.stringValue == SnapshotFixture.hostile)
    #expect(targets[2]["milestones"]?.arrayValue?.first?["valueMax"]?.numberValue == 2)
  }

  @Test func aHostileNameSurvivesEveryFormatSafely() throws {
    let s = SnapshotFixture.snapshot()
    let html = s.html(language: .zh)
    #expect(!html.lowercased().contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(html.contains("=HYPERLINK(&quot;x&quot;)"))
    #expect(html.contains("&lt;b&gt;省&lt;/b&gt;"))

    let md = s.markdown(language: .zh)
    #expect(!md.contains("<script"))
    let row = try #require(md.split(separator: "\n").first { $0.contains("HYPERLINK") })
    #expect(row.contains("\\|"), "the pipe in the name is escaped")
    #expect(
      row.hasPrefix("| ") && row.hasSuffix(" |"), "the newline in the name stays inside its row")

    let csv = s.csv()
    #expect(csv.hasPrefix("\u{FEFF}"))
    let records = CSVRecords.parse(String(csv.dropFirst()))
    let evil = try #require(records.first { $0.first == "sd-test/evil" })
    #expect(evil[1] == "'" + SnapshotFixture.hostile, "a leading = is neutralised, the rest kept")
    #expect(records.allSatisfy { $0.count == records[0].count })
  }

  @Test func theBarsShowProgressAndTheExpectedMark() {
    #expect(Snapshot.bar(0.5, expected: 0.7, width: 10) == "█████░│░░░")
    #expect(Snapshot.bar(nil, expected: nil, width: 4) == "░░░░")
    #expect(Snapshot.bar(2, expected: -1, width: 4) == "│███")
  }
}

/// A minimal RFC 4180 reader for checking the CSV output.
enum CSVRecords {
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var field = ""
    var record: [String] = []
    var quoted = false
    var chars = Array(text)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count, chars[i + 1] == "\"" {
            field.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\r\n" || c == "\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(c)
      }
      i += 1
    }
    chars = []
    return records
  }
}
