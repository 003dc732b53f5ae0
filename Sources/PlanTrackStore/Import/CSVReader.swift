/// A minimal RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF line ends,
/// newlines inside quotes. Records keep the line and column where each field starts.
struct CSVReader {
  struct Field {
    var text: String
    var line: Int
    var column: Int
  }

  struct Record {
    var fields: [Field]
    var line: Int
  }

  enum Problem: Error {
    case unterminatedQuote(line: Int, column: Int)
    case textAfterQuote(line: Int, column: Int)
  }

  /// Splits `text` (a leading UTF-8 BOM is dropped) into records; blank lines are skipped.
  static func records(_ text: String) throws -> [Record] {
    var chars = Substring(text)
    if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
    var records: [Record] = []
    var fields: [Field] = []
    var field = ""
    var line = 1
    var column = 1
    var fieldStart = (line: 1, column: 1)
    var recordLine = 1
    var inQuotes = false
    var quoted = false
    var afterQuote = false
    func endField() {
      fields.append(Field(text: field, line: fieldStart.line, column: fieldStart.column))
      field = ""
      quoted = false
      afterQuote = false
    }
    var iterator = chars.makeIterator()
    var pending: Character? = iterator.next()
    while let c = pending {
      pending = iterator.next()
      if inQuotes {
        if c == "\"" {
          if pending == "\"" {
            field.append("\"")
            pending = iterator.next()
            column += 2
            continue
          }
          inQuotes = false
          afterQuote = true
        } else {
          field.append(c)
        }
        if c == "\n" || c == "\r\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
        continue
      }
      switch c {
      case ",":
        endField()
        column += 1
        fieldStart = (line, column)
      case "\n", "\r\n", "\r":
        endField()
        if !(fields.count == 1 && fields[0].text.isEmpty && !quoted) {
          records.append(Record(fields: fields, line: recordLine))
        }
        fields = []
        line += 1
        column = 1
        fieldStart = (line, column)
        recordLine = line
      case "\"" where field.isEmpty && !quoted:
        inQuotes = true
        quoted = true
        column += 1
      default:
        if afterQuote { throw Problem.textAfterQuote(line: line, column: column) }
        field.append(c)
        column += 1
      }
    }
    if inQuotes {
      throw Problem.unterminatedQuote(line: fieldStart.line, column: fieldStart.column)
    }
    if !field.isEmpty || !fields.isEmpty || quoted {
      endField()
      records.append(Record(fields: fields, line: recordLine))
    }
    return records
  }
}
