// The one table of Cairn's reserved words. The grammar receives it through
// the parser options (parse.ts passes it), and error messages read it to say
// "`walk` is a reserved word". Imports nothing.

/**
 * Words that can never name a variable, function, parameter or entity: the
 * words that start a statement or an expression. Every other word is
 * contextual (see the header of grammar.peggy).
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and', 'break', 'choose', 'continue', 'control', 'cutscene', 'debug', 'done', 'drop', 'else', 'face',
  'false', 'for', 'go', 'hide', 'if', 'let', 'nil', 'not', 'or', 'play', 'print', 'put', 'return',
  'say', 'show', 'spawn', 'stop', 'take', 'true', 'wait', 'walk', 'while', 'yield',
]);
