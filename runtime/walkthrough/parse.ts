// Reads a `.walk` file (docs/language.md, "Walkthroughs") into a list of steps: one command per
// line, `#` starts a comment, blank lines are ignored. Commands come from the
// table in commands.ts; every mistake is a WALKTHROUGH_SYNTAX CairnError at
// its file:line:col, all of a file's mistakes reported at once. Imports interpreter/ only.

import { CairnError, isCairnError, type Span } from '../../interpreter/errors.js';
import { closestName } from '../../interpreter/edit-distance.js';
import { WALK_COMMANDS, walkCommand, type WalkArgs, type WalkCommandName } from './commands.js';
import { LineReader } from './line-reader.js';

/** One command of a walkthrough, read and checked. */
export type WalkStep = { [N in WalkCommandName]: { command: N; args: WalkArgs<N>; line: number; span: Span; source: string } }[WalkCommandName];

/** A parsed walkthrough file. */
export interface Walkthrough {
  file: string;
  steps: WalkStep[];
}

/** The first words of the commands (`expect` stands for all its forms). */
const FIRST_WORDS: readonly string[] = [...new Set(WALK_COMMANDS.map((c) => c.name.split(' ')[0]!))];

/**
 * `expect` followed by one of these words (and then a name, a quote or the end
 * of the line) is that form; otherwise the rest is a game expression, so
 * `expect has(key)` and `expect room == 3` still read as expressions.
 */
const EXPECT_FORMS: ReadonlyArray<{ pattern: RegExp; command: WalkCommandName; words: string[] }> = [
  { pattern: /^room(\s+[A-Za-z_"]|\s*$)/, command: 'expect room', words: ['room'] },
  { pattern: /^has(\s+[A-Za-z_"]|\s*$)/, command: 'expect has', words: ['has'] },
  { pattern: /^not\s+has(\s+[A-Za-z_"]|\s*$)/, command: 'expect not has', words: ['not', 'has'] },
  { pattern: /^said(\s+[A-Za-z_"#]|\s*$)/, command: 'expect said', words: ['said'] },
  { pattern: /^not\s+said(\s+[A-Za-z_"#]|\s*$)/, command: 'expect not said', words: ['not', 'said'] },
  { pattern: /^not\s+room(\s+[A-Za-z_"]|\s*$)/, command: 'expect not room', words: ['not', 'room'] },
  { pattern: /^no\s+option(\s+"|\s*$)/, command: 'expect no option', words: ['no', 'option'] },
  { pattern: /^refused\s+do(\s|$)/, command: 'expect refused do', words: ['refused'] },
  // `at` is no operator of the language, so `NAME at …` is never an expression.
  { pattern: /^[A-Za-z_][A-Za-z0-9_]*\s+at(\s|\(|$)/, command: 'expect at', words: [] },
];

/** Parses a walkthrough; throws one CairnError listing every mistake. */
export function parseWalkthrough(text: string, file: string): Walkthrough {
  const steps: WalkStep[] = [];
  const errors: CairnError[] = [];
  const saved = new Set<string>();
  let offset = 0;
  text.split('\n').forEach((raw, index) => {
    const lineStart = offset;
    offset += raw.length + 1;
    const reader = new LineReader(raw.replace(/\r$/, ''), { file, line: index + 1, offset: lineStart });
    try {
      const step = parseLine(reader, saved);
      if (step) steps.push(step);
    } catch (e) {
      if (!isCairnError(e)) throw e;
      errors.push(e);
    }
  });
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new CairnError('COMPILE_FAILED', `${file} has ${errors.length} mistakes`, { related: errors });
  return { file, steps };
}

/** Reads one line: a step, or nothing for a blank or comment line. */
function parseLine(reader: LineReader, saved: Set<string>): WalkStep | undefined {
  const commentAt = findComment(reader.text);
  const text = reader.text.slice(0, commentAt).trimEnd();
  const r = new LineReader(text, reader.place);
  const start = r.skipBlanks();
  if (r.atEnd()) return undefined;
  const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(start))?.[0] ?? text.slice(start).split(/\s/)[0]!;
  if (!FIRST_WORDS.includes(word)) {
    const near = closestName(word, FIRST_WORDS);
    throw new CairnError('WALKTHROUGH_SYNTAX', `unknown command \`${word}\``, {
      span: r.span(start, word.length),
      hint: near ? `did you mean \`${near}\`?` : `the commands are ${FIRST_WORDS.join(', ')}`,
    });
  }
  r.pos = start + word.length;
  const name = word === 'expect' ? expectForm(r) : twoWordForm(r, word);
  const row = walkCommand(name);
  const args = row.parse(r);
  r.end(row.syntax);
  if (name === 'save') saved.add((args as WalkArgs<'save'>).name);
  if (name === 'load' && !saved.has((args as WalkArgs<'load'>).name)) {
    const saveName = (args as WalkArgs<'load'>).name;
    throw r.error(`\`load ${saveName}\` needs a \`save ${saveName}\` on an earlier line`, start, text.length - start);
  }
  return { command: name, args, line: r.place.line, span: r.span(start, text.length - start), source: text.slice(start) } as WalkStep;
}

/** Which form of `expect` the rest of the line is; consumes its words. */
function expectForm(r: LineReader): WalkCommandName {
  const rest = r.peekRest();
  if (rest === '') {
    throw r.error('`expect` needs something to check', r.pos, 1, 'expect room lighthouse, expect has key, expect said "Mine now.", expect hero at (200, 330), expect door.open == true');
  }
  const form = EXPECT_FORMS.find((f) => f.pattern.test(rest));
  if (!form) return 'expect';
  for (const word of form.words) r.accept(word);
  return form.command;
}

/** A command named by two words (`skip line`) when the line goes on with its second word, else the one-word command; consumes the second word. */
function twoWordForm(r: LineReader, word: string): WalkCommandName {
  const next = /^\s+([A-Za-z_]+)(?=\s|$)/.exec(r.text.slice(r.pos));
  const name = next === null ? undefined : WALK_COMMANDS.find((c) => c.name === `${word} ${next[1]}`)?.name;
  if (name === undefined) return word as WalkCommandName;
  r.pos += next![0].length;
  return name;
}

/** An `expect said` / `expect not said` line, where `#name` right after a blank is a line's id, not a comment. */
const SAID_LINE = /^\s*expect\s+(not\s+)?said\b/;

/** Index of the `#` that starts the line's comment (outside quotes), or the line's length. */
function findComment(text: string): number {
  const ids = SAID_LINE.test(text);
  let quote = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote >= 0) {
      if (c === '\\') i += 1;
      else if (c === '"') quote = -1;
    } else if (c === '"') quote = i;
    else if (c === '#' && !(ids && /\s/.test(text[i - 1] ?? '') && /[A-Za-z_]/.test(text[i + 1] ?? ''))) return i;
  }
  return text.length;
}
