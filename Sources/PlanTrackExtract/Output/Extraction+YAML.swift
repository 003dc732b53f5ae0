import PlanTrackCore

extension Extraction {
  /// The candidates as target files (docs/FORMATS.md), one YAML document per plan document
  /// that has candidates, separated by `---`. The same metric and unit at several deadlines
  /// becomes one target with several milestones. A candidate without a deadline gets
  /// `due: null` so that `plantrack check` stops it until a person sets one.
  public func yaml(sourceFile: String) -> String {
    yaml(source: PlanSource(file: sourceFile))
  }

  public func yaml(source: PlanSource) -> String {
    yamlFiles(source: source).map(\.text).joined(separator: "---\n")
  }

  public func yamlFiles(sourceFile: String) -> [(id: String, text: String)] {
    yamlFiles(source: PlanSource(file: sourceFile))
  }

  /// One target file per plan document that has candidates: its document id (the file is
  /// `<id>.yaml`) and its text. A milestone cites its line in the file (for a PDF, its page and
  /// the line on that page).
  public func yamlFiles(source: PlanSource) -> [(id: String, text: String)] {
    let sourceFile = source.file
    var files: [(id: String, text: String)] = []
    for (index, doc) in documents.enumerated() {
      let mine = candidates.filter { $0.document == index }
      guard !mine.isEmpty else { continue }
      var out = ""
      let id = Self.documentID(doc, sourceFile: sourceFile, index: index)
      let (first, last) = (source.place(ofLine: doc.firstLine), source.place(ofLine: doc.lastLine))
      out += "# Candidate targets found by `plantrack extract` in \(sourceFile), "
      if let p = first.page, let q = last.page {
        out += p == q ? "page \(p).\n" : "pages \(p)–\(q).\n"
      } else {
        out += "lines \(doc.firstLine)–\(doc.lastLine).\n"
      }
      out += "# Review every one against its quote, then save as targets/\(id).yaml.\n"
      out += "document:\n"
      out += "  id: \(id)\n"
      out += "  title: \(JSONValue.quoted(doc.title))\n"
      if let n = doc.number { out += "  number: \(JSONValue.quoted(n))\n" }
      if let s = doc.issuer { out += "  issuer: \(JSONValue.quoted(s))\n" }
      if let s = doc.level { out += "  level: \(s)\n" }
      if let s = doc.region { out += "  region: \(JSONValue.quoted(s))\n" }
      if let p = doc.period { out += "  period: { start: \(p.start.iso), end: \(p.end.iso) }\n" }
      out += "  source: { file: \(JSONValue.quoted(sourceFile))"
      if let sha = source.sha256 { out += ", sha256: \(sha)" }
      out += " }\n"
      out += "targets:\n"
      var used = Set<String>()
      for group in Self.targets(mine) {
        let place = source.place(ofLine: group.map(\.line).min()!)
        let base = place.page.map { "p\($0)-l\(place.line)" } ?? "l\(place.line)"
        var id = base
        var n = 2
        while used.contains(id) {
          id = "\(base)-\(n)"
          n += 1
        }
        used.insert(id)
        out += Self.yaml(group, id: id, source: source)
      }
      files.append((id, out))
    }
    return files
  }

  /// An ASCII id for a document: doc-<year>-<serial>-<4 hex digits of its 文号> (two issuers
  /// may both have a 〔2023〕5号), else from the file name.
  static func documentID(_ doc: DocumentInfo, sourceFile: String, index: Int) -> String {
    if let n = doc.number, let number = DocumentNumber.find(in: n) {
      var h: UInt32 = 2_166_136_261
      for b in number.text.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
      let hex = String(h & 0xFFFF, radix: 16)
      return "doc-\(number.year)-\(number.serial)-" + String(repeating: "0", count: 4 - hex.count)
        + hex
    }
    var slug = ""
    for c in sourceFile.lowercased() {
      if c.isASCII, c.isLetter || c.isNumber {
        slug.append(c)
      } else if slug.last != "-" {
        slug += "-"
      }
    }
    for ext in ["-txt", "-pdf", "-docx"] where slug.hasSuffix(ext) { slug.removeLast(ext.count) }
    slug = String(slug.drop { $0 == "-" })
    while slug.hasSuffix("-") { slug.removeLast() }
    if slug.isEmpty || !slug.first!.isLetter { slug = "doc-" + slug }
    return index == 0 ? slug : "\(slug)-\(index + 1)"
  }

  /// Groups candidates into targets: the same metric, unit, kind and comparator with deadlines
  /// that differ and values that move one way become milestones of one target.
  static func targets(_ candidates: [Candidate]) -> [[Candidate]] {
    var groups: [[Candidate]] = []
    for c in candidates {
      let k = groups.firstIndex { g in
        let f = g[0]
        guard !c.metric.isEmpty, f.metric == c.metric, f.unit == c.unit, f.kind == c.kind,
          f.comparator == c.comparator, c.comparator != .range, let due = c.due,
          !g.contains(where: { $0.due == due })
        else { return false }
        let sorted = (g + [c]).sorted { ($0.due ?? due) < ($1.due ?? due) }
        let values = sorted.map(\.value)
        return c.comparator == .atMost
          ? zip(values, values.dropFirst()).allSatisfy { $0 >= $1 }
          : zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
      }
      if let k { groups[k].append(c) } else { groups.append([c]) }
    }
    return groups
  }

  private static func yaml(_ group: [Candidate], id: String, source: PlanSource) -> String {
    let sorted = group.sorted { ($0.due?.ordinal ?? 0) < ($1.due?.ordinal ?? 0) }
    let first = group[0]
    var out = "  - id: \(id)\n"
    out += "    name: \(JSONValue.quoted(first.metric.isEmpty ? "（待定）" : first.metric))\n"
    out += "    category: \(Category.guess(metric: first.metric, quote: first.quote))\n"
    out += "    kind: \(first.kind.rawValue)\n"
    out += "    unit: \(JSONValue.quoted(first.unit))"
    out += first.unit.isEmpty ? "  # no unit in the text (a ratio N:1?): set one\n" : "\n"
    out += "    milestones:\n"
    for c in sorted {
      let value =
        c.valueMax.map {
          "{ min: \(JSONValue.numberText(c.value)), max: \(JSONValue.numberText($0)) }"
        } ?? JSONValue.numberText(c.value)
      out += "      - { due: \(c.due?.iso ?? "null"), value: \(value), "
      out += "comparator: \(JSONValue.quoted(c.comparator.rawValue)), "
      if c.dueInferred { out += "inferred: true, " }
      let place = source.place(ofLine: c.line)
      if let page = place.page { out += "page: \(page), " }
      out += "line: \(place.line), quote: \(JSONValue.quoted(c.quote)) }"
      out += c.due == nil ? "  # no deadline found: set due\n" : "\n"
    }
    out += "    lead: [\(first.lead.map(JSONValue.quoted).joined(separator: ", "))]\n"
    if first.perYear { out += "    note: \"每年: a quota for every year\"\n" }
    return out
  }
}
