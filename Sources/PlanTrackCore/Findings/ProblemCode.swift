/// The stable code of every kind of finding and error, like `PT104` for an unknown comparator.
///
/// Messages print the code first (`file:line:column: error: PT104 …`, `plantrack: PT301 …`),
/// so that tests and scripts match on the code and the wording can improve freely. Codes are
/// never reused or renumbered; docs/FORMATS.md lists each with what to do about it.
///
/// Ranges by area: PT0xx files in general, PT1xx target files, PT2xx CSV import, PT3xx the
/// store and the workspace, PT4xx values, units, dates and filters, PT5xx snapshots and
/// `diff`, PT6xx `extract`, PT9xx the command line and the terminal.
public enum ProblemCode: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  // PT0xx: files in general.
  case cannotReadFile = "PT001"
  case notUTF8 = "PT002"
  case cannotWriteFile = "PT003"
  case cannotCreateFolder = "PT004"
  case cannotWriteOutput = "PT005"

  // PT1xx: target files.
  case yamlSyntax = "PT101"
  case duplicateYAMLKey = "PT102"
  case emptyTargetFile = "PT103"
  case unknownComparator = "PT104"
  case unknownChoice = "PT105"
  case unknownKey = "PT106"
  case missingKey = "PT107"
  case notAMapping = "PT108"
  case notText = "PT109"
  case emptyText = "PT110"
  case notANumber = "PT111"
  case notAWholeNumber = "PT112"
  case notABoolean = "PT113"
  case notAList = "PT114"
  case noMilestones = "PT115"
  case notASlug = "PT116"
  case comparatorValueMismatch = "PT117"
  case rangeReversed = "PT118"
  case toleranceOutOfRange = "PT119"
  case periodReversed = "PT120"
  case perYearNotIncrement = "PT121"
  case perYearTwiceInAYear = "PT122"
  case duplicateTargetID = "PT123"
  case duplicateDocumentID = "PT124"
  case duplicateDueDate = "PT125"
  case milestoneNotAfterBaseline = "PT126"
  case directionContradictsComparator = "PT127"
  case goalBehindBaseline = "PT128"
  case milestonesGoBackwards = "PT129"
  case fileNameMismatch = "PT130"
  case targetFilesHaveErrors = "PT190"

  // PT2xx: CSV import.
  case csvEmptyFile = "PT201"
  case csvUnknownColumn = "PT202"
  case csvMissingColumn = "PT203"
  case csvNoRows = "PT204"
  case csvFieldCount = "PT205"
  case csvUnclosedQuote = "PT206"
  case csvTextAfterQuote = "PT207"
  case importRejected = "PT290"

  // PT3xx: the store and the workspace.
  case storeReadOnly = "PT301"
  case cannotOpenStore = "PT302"
  case storeTooNew = "PT303"
  case unknownTargetKey = "PT304"
  case nothingToUndo = "PT305"
  case entryRejected = "PT306"
  case notAWorkspace = "PT307"
  case storeUnavailable = "PT308"

  // PT4xx: values, units, dates and filters.
  case unreadableValue = "PT401"
  case valueOutOfRange = "PT402"
  case unreadableUnit = "PT403"
  case incompatibleUnits = "PT404"
  case invalidDate = "PT405"
  case unknownFilterField = "PT411"
  case unknownFilterStatus = "PT412"
  case filterValueMissing = "PT413"

  // PT5xx: snapshots and `diff`.
  case invalidJSON = "PT501"
  case notASnapshot = "PT502"
  case unknownSnapshotSchema = "PT503"

  // PT6xx: `extract`.
  case outputFolderMissing = "PT601"
  case outputFileExists = "PT602"

  // PT9xx: the command line and the terminal.
  case notATerminal = "PT901"
  case terminalStartFailed = "PT902"
  case unexpected = "PT999"

  /// The code itself, `PT104`, as messages print it.
  public var description: String { rawValue }

  /// What the code means, in one line (docs/FORMATS.md also says what to do about it).
  public var summary: String {
    switch self {
    case .cannotReadFile: "a file cannot be read (missing, a folder, or not permitted)"
    case .notUTF8: "a file is not UTF-8 text"
    case .cannotWriteFile: "a file cannot be written"
    case .cannotCreateFolder: "an output folder cannot be created"
    case .cannotWriteOutput: "standard output cannot be written (closed, or the disk is full)"
    case .yamlSyntax: "a target file is not valid YAML"
    case .duplicateYAMLKey: "a key appears twice in one mapping"
    case .emptyTargetFile: "a target file is empty"
    case .unknownComparator: "a milestone's comparator is not >=, <=, ~, = or range"
    case .unknownChoice: "a kind, direction, update, path or level that is not one of its choices"
    case .unknownKey: "a key that this place does not have"
    case .missingKey: "a required key is missing"
    case .notAMapping: "a mapping (key: value lines) was expected"
    case .notText: "text was expected"
    case .emptyText: "a required text is empty"
    case .notANumber: "a number was expected"
    case .notAWholeNumber: "a positive whole number was expected"
    case .notABoolean: "true or false was expected"
    case .notAList: "a list was expected"
    case .noMilestones: "a target's milestone list is empty"
    case .notASlug: "a document or target id is not an ASCII slug (a-z, 0-9, -)"
    case .comparatorValueMismatch: "a range value without comparator range, or the reverse"
    case .rangeReversed: "a range's min is greater than its max"
    case .toleranceOutOfRange: "a tolerance is not a share between 0 and 1"
    case .periodReversed: "a document's period ends before it starts"
    case .perYearNotIncrement: "a yearly quota (perYear) whose kind is not increment"
    case .perYearTwiceInAYear: "a yearly quota with two milestones in one year"
    case .duplicateTargetID: "two targets of a file have the same id"
    case .duplicateDocumentID: "two target files have the same document id"
    case .duplicateDueDate: "two milestones of a target are due the same day"
    case .milestoneNotAfterBaseline: "a milestone is due on or before the baseline date"
    case .directionContradictsComparator: "a comparator points against the target's direction"
    case .goalBehindBaseline: "a goal lies behind the baseline for the target's direction"
    case .milestonesGoBackwards: "a later milestone asks for less than an earlier one"
    case .fileNameMismatch: "a target file is not named after its document id (a warning)"
    case .targetFilesHaveErrors: "the target files have errors; their targets are left out"
    case .csvEmptyFile: "a CSV file has no header"
    case .csvUnknownColumn: "a CSV column that is unknown or repeated"
    case .csvMissingColumn: "a CSV header lacks a required column (key, date, value)"
    case .csvNoRows: "a CSV file has a header but no rows"
    case .csvFieldCount: "a CSV row has a different number of fields than the header"
    case .csvUnclosedQuote: "a quoted CSV field is never closed"
    case .csvTextAfterQuote: "text follows a closing quote in a CSV field"
    case .importRejected: "`import` wrote nothing because rows are bad"
    case .storeReadOnly: "the store cannot be written by this user"
    case .cannotOpenStore: "the store cannot be opened or created"
    case .storeTooNew: "the store was written by a newer plantrack"
    case .unknownTargetKey: "no target has this key"
    case .nothingToUndo: "the user has no entry left to undo"
    case .entryRejected: "the store refused an entry"
    case .notAWorkspace: "the folder is not a plantrack workspace"
    case .storeUnavailable: "the store could not be read"
    case .unreadableValue: "a value that is not a number"
    case .valueOutOfRange: "a value that is not finite or beyond ±1e15"
    case .unreadableUnit: "a unit that cannot be read"
    case .incompatibleUnits: "a unit that cannot be converted to the target's"
    case .invalidDate: "a date that is not YYYY-MM-DD or does not exist"
    case .unknownFilterField: "a filter names an unknown field"
    case .filterValueMissing: "a filter field without a value"
    case .unknownFilterStatus: "a filter names an unknown status"
    case .invalidJSON: "a file is not valid JSON"
    case .notASnapshot: "a JSON file is not a status snapshot"
    case .unknownSnapshotSchema: "a snapshot has a schema this plantrack does not know"
    case .outputFolderMissing: "the folder to write into does not exist"
    case .outputFileExists: "a file to write exists already"
    case .notATerminal: "the dashboard was started without a terminal"
    case .terminalStartFailed: "the terminal cannot be started"
    case .unexpected: "an error without a code of its own (please report it)"
    }
  }
}
