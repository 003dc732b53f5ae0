/// A small pull reader for the XML of a workbook's parts: start and end tags with their
/// attributes, and text with the five predefined entities and character references decoded.
/// It refuses a document type declaration (no entity can be defined, so none can expand)
/// and text that is not UTF-8; names lose their namespace prefix (`x:row` is `row`).
struct XMLScanner {
  enum Event: Equatable {
    case start(name: String, attributes: [String: String], selfClosing: Bool)
    case end(name: String)
    case text(String)
  }

  struct Failure: Error, Equatable {
    /// One printable line: names and entities quoted from the input are cut to 40
    /// characters and their control and bidi characters shown escaped.
    let message: String

    init(message: String) {
      self.message = message.escapingControls
    }
  }

  private let bytes: [UInt8]
  private var i = 0
  /// The elements open at this point: each end tag must close the last, and the document
  /// must end with none open (a part cut short is broken, not a shorter sheet).
  private var open: [String] = []

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The next event, or nil at the end.
  mutating func next() throws(Failure) -> Event? {
    guard let event = try scan() else {
      if let last = open.last {
        throw Failure(message: "the part ends inside <\(last.prefix(40))>")
      }
      return nil
    }
    switch event {
    case .start(let name, _, false): open.append(name)
    case .end(let name):
      guard open.last == name else {
        throw Failure(
          message: "</\(name.prefix(40))> closes <\((open.last ?? "nothing").prefix(40))>")
      }
      open.removeLast()
    default: break
    }
    return event
  }

  private mutating func scan() throws(Failure) -> Event? {
    while i < bytes.count {
      if bytes[i] != UInt8(ascii: "<") {
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
        return .text(try Self.decode(bytes[start..<i]))
      }
      if starts(with: "<?") {
        try skip(past: "?>")
        continue
      }
      if starts(with: "<!--") {
        try skip(past: "-->")
        continue
      }
      if starts(with: "<![CDATA[") {
        i += 9
        let start = i
        try skip(past: "]]>")
        return .text(try Self.string(bytes[start..<(i - 3)]))
      }
      if starts(with: "<!") {
        throw Failure(message: "a document type declaration, which a workbook never has")
      }
      if starts(with: "</") {
        i += 2
        let name = try readName()
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else {
          throw Failure(message: "a broken end tag </\(name.prefix(40))")
        }
        i += 1
        return .end(name: name)
      }
      i += 1
      let name = try readName()
      var attributes: [String: String] = [:]
      while true {
        skipSpace()
        guard i < bytes.count else {
          throw Failure(message: "a tag <\(name.prefix(40)) that never ends")
        }
        if bytes[i] == UInt8(ascii: ">") {
          i += 1
          return .start(name: name, attributes: attributes, selfClosing: false)
        }
        if starts(with: "/>") {
          i += 2
          return .start(name: name, attributes: attributes, selfClosing: true)
        }
        let attribute = try readName()
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else {
          throw Failure(
            message: "an attribute \(attribute.prefix(40)) without a value in <\(name.prefix(40))>")
        }
        i += 1
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'")
        else {
          throw Failure(
            message: "an unquoted attribute \(attribute.prefix(40)) in <\(name.prefix(40))>")
        }
        let quote = bytes[i]
        i += 1
        let start = i
        while i < bytes.count, bytes[i] != quote { i += 1 }
        guard i < bytes.count else { throw Failure(message: "an attribute that never ends") }
        attributes[attribute] = try Self.decode(bytes[start..<i])
        i += 1
      }
    }
    return nil
  }

  private func starts(with prefix: StaticString) -> Bool {
    let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
    guard i + p.count <= bytes.count else { return false }
    for k in 0..<p.count where bytes[i + k] != p[k] { return false }
    return true
  }

  private mutating func skip(past end: StaticString) throws(Failure) {
    while i < bytes.count, !starts(with: end) { i += 1 }
    guard i < bytes.count else { throw Failure(message: "markup that never ends") }
    i += end.utf8CodeUnitCount
  }

  private mutating func skipSpace() {
    while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
  }

  /// A name without its namespace prefix.
  private mutating func readName() throws(Failure) -> String {
    let start = i
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">")
        || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
      {
        break
      }
      i += 1
    }
    guard i > start else { throw Failure(message: "a tag without a name") }
    let name = try Self.string(bytes[start..<i])
    return name.split(separator: ":").last.map(String.init) ?? name
  }

  static func string(_ slice: ArraySlice<UInt8>) throws(Failure) -> String {
    guard let s = String(validating: slice, as: UTF8.self) else {
      throw Failure(message: "text that is not valid UTF-8")
    }
    return s
  }

  /// Text with `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#…;` references decoded.
  static func decode(_ slice: ArraySlice<UInt8>) throws(Failure) -> String {
    let text = try string(slice)
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";") else {
        throw Failure(message: "an & that starts no entity")
      }
      let name = rest[rest.index(after: amp)..<semi]
      switch name {
      case "lt": out += "<"
      case "gt": out += ">"
      case "amp": out += "&"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        let hex = name.hasPrefix("#x") || name.hasPrefix("#X")
        guard name.hasPrefix("#"),
          let code = UInt32(name.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
          let scalar = Unicode.Scalar(code)
        else { throw Failure(message: "an unknown entity &\(name.prefix(40));") }
        out.unicodeScalars.append(scalar)
      }
      rest = rest[rest.index(after: semi)...]
    }
    return out + rest
  }
}
