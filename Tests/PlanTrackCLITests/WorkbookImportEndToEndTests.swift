import Foundation
import PlanTrackCore
import PlanTrackTestServer
import Testing

/// `plantrack import F.xlsx` on workbooks made by real spreadsheet software (openpyxl, and
/// LibreOffice saving one) and on hostile ones: every bad cell at its `Sheet!Cell`, exit 1,
/// nothing written.
@Suite struct WorkbookImportEndToEndTests {
  static let python = "/usr/bin/python3"

  /// Runs Python (Debian's, with python3-openpyxl: `.ci/run` installs it) in `dir`.
  static func python(_ script: String, in dir: URL) throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: python),
      "\(python) is missing: install python3-openpyxl (.ci/run does)")
    let r = try Spawn.run(python, ["-c", "import os; os.chdir('\(dir.path)')\n" + script])
    #expect(r.code == 0, "python: \(r.stderr)")
  }

  static let good = """
    import openpyxl, datetime
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "月报"
    ws.append(["key", "date", "value", "unit", "note", "source"])
    ws.append(["威海市/5g-base-stations", datetime.date(2024, 6, 30), 6600, None, "六月", "市通信办"])
    ws.append(["文登区/5g-base-stations", "2024-06-30", "1500座", None, None, None])
    ws.append([None] * 6)
    ws.append(["山东省/5g-base-stations", datetime.date(2024, 6, 30), "２２.４万", None, None, None])
    wb.save("good.xlsx")
    """

  @Test func aWorkbookWithTheCSVHeaderImports() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    try Self.python(Self.good, in: ws.root)
    let r = ws.run(["import", "good.xlsx"])
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout == "imported 3 entries from good.xlsx\n")
    let history = ws.run(["history", "威海市/5g-base-stations"]).stdout
    #expect(history.contains("2024-06-30") && history.contains("6600") && history.contains("六月"))
    #expect(ws.run(["history", "山东省/5g-base-stations"]).stdout.contains("224000"))
  }

  /// A formula's computed value is what is imported; openpyxl writes none, LibreOffice
  /// computes it when it saves.
  @Test func formulasImportTheirValueOnceASpreadsheetSavedThem() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    try Self.python(
      """
      import openpyxl, datetime
      wb = openpyxl.Workbook(); ws = wb.active
      ws.append(["key", "date", "value"])
      ws.append(["威海市/5g-base-stations", datetime.date(2024, 6, 30), "=6000+600"])
      wb.save("formula.xlsx")
      """, in: ws.root)
    let raw = ws.run(["import", "formula.xlsx"])
    #expect(
      raw.code == 1 && raw.stderr.hasPrefix("plantrack: PT208 formula.xlsx:Sheet!C2: a formula"),
      "\(raw.stderr)")
    try LibreOffice.convert(
      ws.root.appendingPathComponent("formula.xlsx"), to: "xlsx",
      into: ws.root.appendingPathComponent("lo"))
    let saved = ws.run(["import", "lo/formula.xlsx"])
    #expect(saved.code == 0, "\(saved.stderr)")
    #expect(ws.run(["history", "威海市/5g-base-stations"]).stdout.contains("6600"))
  }

  @Test func everyBadCellIsReportedAtItsCellAndNothingIsWritten() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    try Self.python(
      """
      import openpyxl, datetime
      wb = openpyxl.Workbook(); ws = wb.active; ws.title = "六月"
      ws.append(["key", "date", "value", "unit"])
      ws.append(["威海市/5g-base-stations", "2024-13-01", 6600, None])
      ws.append(["nosuch/key", datetime.date(2024, 6, 30), 1, None])
      ws.append(["威海市/5g-base-stations", datetime.date(2024, 6, 30), "abc", None])
      ws.append(["威海市/5g-base-stations", datetime.date(2024, 6, 30), 5, "公斤"])
      ws.append(["威海市/5g-base-stations", datetime.date(2024, 6, 30), 6600, None])
      wb.save("bad.xlsx")
      """, in: ws.root)
    let r = ws.run(["import", "bad.xlsx"])
    #expect(r.code == 1)
    let lines = r.stderrLines
    #expect(lines.count == 5, "\(r.stderr)")
    #expect(lines.first?.hasPrefix("bad.xlsx:六月!B2: error: PT405") == true)
    #expect(lines.contains { $0.hasPrefix("bad.xlsx:六月!A3: error: PT304") })
    #expect(lines.contains { $0.hasPrefix("bad.xlsx:六月!C4: error: PT401") })
    #expect(lines.contains { $0.hasPrefix("bad.xlsx:六月!D5: error: PT40") })
    #expect(!ws.storeExists, "nothing written")
  }

  /// Hostile workbooks: each one line (or a line per bad cell), exit 1, nothing written,
  /// memory bounded by the 64 MB part limit.
  static let hostile: [(String, String, ProblemCode)] = [
    (
      "zip bomb",
      """
      import zipfile
      with open("good.xlsx", "rb") as f: pass
      src = zipfile.ZipFile("good.xlsx")
      with zipfile.ZipFile("x.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
          for n in src.namelist():
              data = src.read(n)
              if n == "xl/worksheets/sheet1.xml":
                  data = data.replace(b"</sheetData>", b"</sheetData><!--" + b" " * (100 << 20) + b"-->")
              z.writestr(n, data)
      """, .workbookRefused
    ),
    (
      "macros",
      """
      import zipfile, shutil
      shutil.copy("good.xlsx", "x.xlsx")
      with zipfile.ZipFile("x.xlsx", "a") as z: z.writestr("xl/vbaProject.bin", b"\\x00" * 64)
      """, .workbookRefused
    ),
    (
      "external links",
      """
      import zipfile, shutil
      shutil.copy("good.xlsx", "x.xlsx")
      with zipfile.ZipFile("x.xlsx", "a") as z: z.writestr("xl/externalLinks/externalLink1.xml", b"<externalLink/>")
      """, .workbookRefused
    ),
    (
      "broken XML",
      """
      import zipfile
      src = zipfile.ZipFile("good.xlsx")
      with zipfile.ZipFile("x.xlsx", "w") as z:
          for n in src.namelist():
              data = src.read(n)
              if n == "xl/worksheets/sheet1.xml": data = data[: len(data) // 2]
              z.writestr(n, data)
      """, .workbookUnreadable
    ),
    (
      "a missing part",
      """
      import zipfile
      src = zipfile.ZipFile("good.xlsx")
      with zipfile.ZipFile("x.xlsx", "w") as z:
          for n in src.namelist():
              if n != "xl/workbook.xml": z.writestr(n, src.read(n))
      """, .workbookUnreadable
    ),
    (
      "invalid UTF-8 in a string",
      """
      import zipfile
      src = zipfile.ZipFile("good.xlsx")
      with zipfile.ZipFile("x.xlsx", "w") as z:
          for n in src.namelist():
              data = src.read(n)
              # openpyxl writes texts in the sheet (others in sharedStrings.xml)
              data = data.replace(b"<t>key</t>", b"<t>k\\xff\\xfeey</t>")
              z.writestr(n, data)
      """, .workbookUnreadable
    ),
    (
      "1,000,000 rows",
      """
      import zipfile
      rows = "".join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i) for i in range(1, 1000001))
      src = zipfile.ZipFile("good.xlsx")
      with zipfile.ZipFile("x.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
          for n in src.namelist():
              data = src.read(n)
              if n == "xl/worksheets/sheet1.xml":
                  data = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows.encode() + b"</sheetData></worksheet>"
              z.writestr(n, data)
      """, .workbookRefused
    ),
    (
      "300,000 small rows (inside the part limit)",
      """
      import zipfile
      rows = "".join('<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, 300001))
      src = zipfile.ZipFile("good.xlsx")
      with zipfile.ZipFile("x.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
          for n in src.namelist():
              data = src.read(n)
              if n == "xl/worksheets/sheet1.xml":
                  data = b'<worksheet><sheetData>' + rows.encode() + b"</sheetData></worksheet>"
              z.writestr(n, data)
      """, .workbookRefused
    ),
    (
      "an Excel 97-2003 file",
      "open('x.xlsx', 'wb').write(b'\\xd0\\xcf\\x11\\xe0' + b'\\x00' * 508)", .workbookUnreadable
    ),
    (
      "not a zip", "open('x.xlsx', 'wb').write(b'PK\\x03\\x04' + b'garbage' * 10)",
      .workbookUnreadable
    ),
  ]

  @Test(arguments: hostile)
  func hostileWorkbooksAreOneLineAndWriteNothing(
    _ what: String, _ script: String, _ code: ProblemCode
  ) throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    try Self.python(Self.good + "\n" + script, in: ws.root)
    let r = ws.run(["import", "x.xlsx"])
    #expect(r.code == 1, "\(what)")
    #expect(r.problem == code && r.stderrLines.count == 1, "\(what): \(r.stderr)")
    #expect(r.stderr.hasPrefix("plantrack: \(code) x.xlsx"), "\(what): \(r.stderr)")
    #expect(!ws.storeExists, "\(what): nothing written")
  }

  /// A formula that looks like a command (`=cmd|' /C calc'!A0`, DDE) is never run: its
  /// cached text is a value that does not parse.
  @Test func aCommandLikeFormulaIsOnlyText() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    try Self.python(
      Self.good + """

        import zipfile
        src = zipfile.ZipFile("good.xlsx")
        with zipfile.ZipFile("x.xlsx", "w") as z:
            for n in src.namelist():
                data = src.read(n)
                if n == "xl/worksheets/sheet1.xml":
                    import re
                    data = re.sub(rb'<c r="C2"[^>]*>.*?</c>', b'<c r="C2" t="str"><f>cmd|\\' /C calc\\'!A0</f><v>calc</v></c>', data)
                z.writestr(n, data)
        """, in: ws.root)
    let r = ws.run(["import", "x.xlsx"])
    #expect(r.code == 1 && r.stderr.hasPrefix("x.xlsx:月报!C2: error: PT401"), "\(r.stderr)")
    #expect(!ws.storeExists)
  }

  /// The README's flow: a template for Weihai's June figures, filled in a spreadsheet
  /// (openpyxl types two figures, LibreOffice saves it), imported and submitted; rows left
  /// empty are skipped; a bad figure is reported at its cell of the template.
  @Test func aTemplateFilledInASpreadsheetImports() throws {
    let ws = try SeriesEndToEndTests.repositoryCopy()
    let env = ["PLANTRACK_NOW": "2024-07-05T09:00:00Z"]
    #expect(
      ws.run(["record", "威海市/5g-base-stations", "6400", "--date", "2024-05-31"], env: env).code
        == 0)
    let made = ws.run(
      ["template", "--out", "june.xlsx", "--region", "威海市", "--period", "2024-06", "--lang", "zh"],
      env: env)
    #expect(made.code == 0, "\(made.stderr)")
    #expect(made.stdout.hasPrefix("june.xlsx: ") && made.stdout.contains("山东省威海市, 2024-06"))
    try Self.python(
      """
      import openpyxl
      wb = openpyxl.load_workbook("june.xlsx"); ws = wb["填报"]
      assert [c.value for c in ws[1]][:9] == ["序列", "名称", "计量单位", "目标", "目标期限", "上次数据", "上次日期", "日期", "填报值"]
      for row in ws.iter_rows(min_row=2):
          if row[0].value == "371000/5g-base-stations":
              assert row[5].value == 6400
              row[8].value = 6600; row[9].value = "六月"
          if row[0].value == "wh-digital-2023/city-software-centers": row[8].value = "１２"
          if row[0].value == "371000/e-certificates-applied": row[8].value = "0.0012万"
      wb.save("filled.xlsx")
      for row in ws.iter_rows(min_row=2):
          if row[0].value == "wh-digital-2023/city-software-centers": row[8].value = "十二"
      wb.save("bad.xlsx")
      """, in: ws.root)
    try LibreOffice.convert(
      ws.root.appendingPathComponent("filled.xlsx"), to: "xlsx",
      into: ws.root.appendingPathComponent("lo"))
    let bad = ws.run(["import", "bad.xlsx"], env: env)
    #expect(
      bad.code == 1 && bad.stderrLines.first?.hasPrefix("bad.xlsx:填报!I") == true, "\(bad.stderr)")
    #expect(bad.stderr.contains("PT401"))
    let r = ws.run(["import", "lo/filled.xlsx", "--submit"], env: env)
    #expect(r.code == 0, "\(r.stderr)")
    #expect(
      r.stdout == "imported 3 entries from lo/filled.xlsx; 3 period(s) submitted for review\n")
    let review = ws.run(["review"], env: ["PLANTRACK_USER": "reviewer"]).stdout
    #expect(review.contains("371000/5g-base-stations") && review.contains("3 waiting"), "\(review)")
    let history = ws.run(["history", "威海市/5g-base-stations"]).stdout
    #expect(history.contains("6600") && history.contains("六月"))
    // A figure with its scale, as the template's prompt suggests, in the row's unit.
    #expect(ws.run(["history", "371000/e-certificates-applied"]).stdout.contains(" 12 "))
  }
}
