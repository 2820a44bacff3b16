// The one table of Cairn's error codes: each code's category and title.
// Codes are part of what Cairn promises (tests, tools and people match on
// them), so they are stable. Imports nothing.

/** Where an error category belongs; the CLI and player use it to word things. */
export type ErrorCategory = 'syntax' | 'compile' | 'runtime' | 'limit' | 'module' | 'bundle' | 'save' | 'usage' | 'io' | 'test';

/** Every error code Cairn produces. Codes are stable: never renamed, never reused. */
export const ERROR_CODES = {
  // syntax (parser)
  SYNTAX: { category: 'syntax', title: 'syntax error' },
  UNTERMINATED_STRING: { category: 'syntax', title: 'unterminated string' },
  UNTERMINATED_COMMENT: { category: 'syntax', title: 'unterminated comment' },
  INVALID_NUMBER: { category: 'syntax', title: 'invalid number' },
  INVALID_ESCAPE: { category: 'syntax', title: 'invalid escape sequence' },
  // compile (resolve / check passes)
  UNKNOWN_NAME: { category: 'compile', title: 'unknown name' },
  ASSIGN_UNDECLARED: { category: 'compile', title: 'assignment to an undeclared name' },
  ASSIGN_CONST: { category: 'compile', title: 'assignment to a constant' },
  DUPLICATE_NAME: { category: 'compile', title: 'name declared twice' },
  WRONG_ARITY: { category: 'compile', title: 'wrong number of arguments' },
  BREAK_OUTSIDE_LOOP: { category: 'compile', title: '`break` outside a loop' },
  CONTINUE_OUTSIDE_LOOP: { category: 'compile', title: '`continue` outside a loop' },
  RETURN_AT_TOP_LEVEL: { category: 'compile', title: '`return` outside a function' },
  NOT_CONSTANT: { category: 'compile', title: 'value is not a constant' },
  UNKNOWN_VERB: { category: 'compile', title: 'unknown verb' },
  UNKNOWN_ASSET: { category: 'compile', title: 'asset not found' },
  UNKNOWN_ENTITY: { category: 'compile', title: 'unknown room, object, actor, costume or dialog' },
  INVALID_PROPERTY: { category: 'compile', title: 'invalid property' },
  INVALID_TARGET: { category: 'compile', title: 'cannot assign to this' },
  INVALID_DECLARATION: { category: 'compile', title: 'invalid declaration' },
  DONE_OUTSIDE_DIALOG: { category: 'compile', title: '`done` outside a dialog option' },
  COMPILE_FAILED: { category: 'compile', title: 'the script has errors' },
  DUPLICATE_TEXT_ID: { category: 'compile', title: 'the same pinned text id on two texts' },
  NOT_A_VALUE: { category: 'compile', title: 'a built-in function can only be called' },
  INVALID_SPAWN: { category: 'compile', title: '`spawn` needs a script function' },
  INVALID_TUPLE: { category: 'compile', title: 'only a pair (x, y) is a value' },
  NO_EFFECT: { category: 'compile', title: 'a statement that does nothing' },
  ASSET_KIND: { category: 'compile', title: 'asset of the wrong kind for where it is used' },
  ASSET_DAMAGED: { category: 'compile', title: 'asset file is damaged or not what its name says' },
  // compile warnings (reported in CompileResult.warnings, never thrown)
  UNUSED_LOCAL: { category: 'compile', title: 'local variable never read' },
  UNREACHABLE_CODE: { category: 'compile', title: 'code that can never run' },
  DIALOG_NO_EXIT: { category: 'compile', title: 'dialog with no way out' },
  UNUSED_ASSET: { category: 'compile', title: 'asset file no script uses' },
  STRING_FRAGMENTS: { category: 'compile', title: 'player-readable text built from pieces' },
  TRANSLATION_PLACEHOLDER: { category: 'compile', title: 'translation with other placeholders than its source text' },
  TRANSLATION_INCOMPLETE: { category: 'compile', title: 'translation with untranslated or fuzzy entries' },
  VOICE_MISSING: { category: 'compile', title: 'spoken lines without a voice in a voiced language' },
  // runtime (VM and natives)
  TYPE_ERROR: { category: 'runtime', title: 'wrong type' },
  DIVIDE_BY_ZERO: { category: 'runtime', title: 'division by zero' },
  INDEX_OUT_OF_RANGE: { category: 'runtime', title: 'index out of range' },
  KEY_NOT_FOUND: { category: 'runtime', title: 'key not found' },
  NOT_CALLABLE: { category: 'runtime', title: 'not a function' },
  BAD_ARGUMENT: { category: 'runtime', title: 'bad argument' },
  NO_SUCH_PROPERTY: { category: 'runtime', title: 'no such property' },
  RUNTIME: { category: 'runtime', title: 'runtime error' },
  GO_CYCLE: { category: 'runtime', title: 'rooms whose `on enter` send the player back and forth' },
  LANGUAGE_UNKNOWN: { category: 'runtime', title: 'language the game does not offer' },
  // sandbox limits
  BUDGET_EXCEEDED: { category: 'limit', title: 'script ran too long without waiting' },
  CALL_DEPTH_EXCEEDED: { category: 'limit', title: 'calls nested too deeply' },
  MEMORY_EXCEEDED: { category: 'limit', title: 'script used too much memory' },
  TOO_MANY_THREADS: { category: 'limit', title: 'too many threads' },
  // bytecode modules and VM snapshots
  MODULE_MAGIC: { category: 'module', title: 'not a Cairn bytecode module' },
  MODULE_VERSION: { category: 'module', title: 'unsupported bytecode version' },
  MODULE_TRUNCATED: { category: 'module', title: 'bytecode module is truncated' },
  MODULE_INVALID: { category: 'module', title: 'bytecode failed verification' },
  SNAPSHOT_INVALID: { category: 'save', title: 'snapshot is damaged' },
  SNAPSHOT_VERSION: { category: 'save', title: 'snapshot version not supported' },
  SAVE_INCOMPATIBLE: { category: 'save', title: 'save made with a version of the game whose scripts changed' },
  // bundles (runtime/bundle/): refusals at the door, in the order it checks
  BUNDLE_EMPTY: { category: 'bundle', title: 'bundle file is empty' },
  BUNDLE_NOT_ZIP: { category: 'bundle', title: 'not a ZIP archive' },
  BUNDLE_NOT_CAIRN: { category: 'bundle', title: 'ZIP archive is not a Cairn bundle' },
  BUNDLE_TRUNCATED: { category: 'bundle', title: 'bundle is truncated' },
  BUNDLE_CORRUPT: { category: 'bundle', title: 'bundle container is damaged' },
  BUNDLE_UNSUPPORTED: { category: 'bundle', title: 'bundle uses an unsupported ZIP feature' },
  BUNDLE_TOO_LARGE: { category: 'bundle', title: 'bundle exceeds a size limit' },
  BUNDLE_BOMB: { category: 'bundle', title: 'bundle entry expands suspiciously (zip bomb)' },
  BUNDLE_BAD_NAME: { category: 'bundle', title: 'unsafe entry name in bundle' },
  BUNDLE_DUPLICATE: { category: 'bundle', title: 'duplicate entry in bundle' },
  BUNDLE_MANIFEST: { category: 'bundle', title: 'bundle manifest missing or invalid' },
  BUNDLE_FORMAT_VERSION: { category: 'bundle', title: 'bundle format version not supported' },
  BUNDLE_UNLISTED: { category: 'bundle', title: 'bundle entry not listed in the manifest' },
  BUNDLE_MISSING_ENTRY: { category: 'bundle', title: 'entry missing from bundle' },
  BUNDLE_CHECKSUM: { category: 'bundle', title: 'bundle entry does not match its size or checksum' },
  BUNDLE_RUNTIME_VERSION: { category: 'bundle', title: 'game needs a different Cairn version' },
  BUNDLE_CODE: { category: 'bundle', title: 'bundle code failed verification' },
  BUNDLE_STRINGS: { category: 'bundle', title: 'bundle string table is damaged or too large' },
  BUNDLE_FONT: { category: 'bundle', title: 'a font the manifest names is missing or not a font' },
  // walkthroughs and input logs (runtime/walkthrough/, runtime/input-log.ts)
  WALKTHROUGH_SYNTAX: { category: 'test', title: 'walkthrough line not understood' },
  WALKTHROUGH_FAILED: { category: 'test', title: 'walkthrough failed' },
  INPUT_LOG_INVALID: { category: 'test', title: 'input log is damaged or for another game' },
  SAVE_FILE_INVALID: { category: 'save', title: 'save file is damaged or not a save file' },
  SAVE_FILE_VERSION: { category: 'save', title: 'save file format not supported' },
  SAVE_WRONG_GAME: { category: 'save', title: 'save file belongs to another game' },
  REPORT_INVALID: { category: 'save', title: 'bug report is damaged or for another game' },
  // CLI
  USAGE: { category: 'usage', title: 'usage' },
  FILE_NOT_FOUND: { category: 'io', title: 'file not found' },
  IO: { category: 'io', title: 'could not read or write a file' },
} as const satisfies Record<string, { category: ErrorCategory; title: string }>;

/** A stable error code: a key of ERROR_CODES. */
export type ErrorCode = keyof typeof ERROR_CODES;
