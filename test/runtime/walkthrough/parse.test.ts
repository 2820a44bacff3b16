// The `.walk` reader: every form of docs/language.md, "Walkthroughs" parses to its command and
// arguments, and every bad line is refused with a sentence at file:line:col.

import { describe, expect, it } from 'vitest';
import { isCairnError, type CairnError } from '../../../interpreter/errors.js';
import { formatError } from '../../../interpreter/diagnostic-format.js';
import { WALK_COMMANDS } from '../../../runtime/walkthrough/commands.js';
import { parseWalkthrough } from '../../../runtime/walkthrough/parse.js';

/** The one step a one-line walkthrough holds, as command + args. */
function one(line: string) {
  const { steps } = parseWalkthrough(`save s\n${line}\n`, 'tests/t.walk');
  expect(steps).toHaveLength(2);
  return { command: steps[1]!.command, args: steps[1]!.args };
}

/** The error a walkthrough gives, as `line:col: message`. */
function refusal(text: string): string {
  try {
    parseWalkthrough(text, 'tests/t.walk');
  } catch (e) {
    if (!isCairnError(e)) throw e;
    return e
      .all()
      .map((one: CairnError) => `${one.span!.start.line}:${one.span!.start.column}: ${one.message} [${one.code}]`)
      .join('\n');
  }
  throw new Error('expected a refusal');
}

describe('parseWalkthrough: good lines', () => {
  const GOOD: Array<[string, string, unknown]> = [
    ['click 320 340', 'click', { x: 320, y: 340 }],
    ['  click 0 0.5   # a comment', 'click', { x: 0, y: 0.5 }],
    ['do pickup shell', 'do', { verb: 'pickup', target: 'shell' }],
    ['do use key door', 'do', { verb: 'use', target: 'key', with: 'door' }],
    ['do talk keeper', 'do', { verb: 'talk', target: 'keeper' }],
    ['choose "Got any keys?"', 'choose', { text: 'Got any keys?' }],
    ['choose "Say \\"hi\\" # not a comment"  # a comment', 'choose', { text: 'Say "hi" # not a comment' }],
    ['choose 3', 'choose', { option: 3 }],
    ['wait 2', 'wait', { ticks: 120 }],
    ['wait 0.5 seconds', 'wait', { ticks: 30 }],
    ['wait 30 ticks', 'wait', { ticks: 30 }],
    ['skip', 'skip', {}],
    ['skip line', 'skip line', {}],
    ['skip line   # only the line', 'skip line', {}],
    ['save before-door', 'save', { name: 'before-door' }],
    ['load s', 'load', { name: 's' }],
    ['expect room lighthouse', 'expect room', { room: 'lighthouse' }],
    ['expect has key', 'expect has', { object: 'key' }],
    ['expect not has shell', 'expect not has', { object: 'shell' }],
    ['expect said "Mine now."', 'expect said', { text: 'Mine now.' }],
    ['expect said keeper "I keep the light."', 'expect said', { actor: 'keeper', text: 'I keep the light.' }],
    ['expect hero at (200, 330)', 'expect at', { actor: 'hero', x: 200, y: 330 }],
    ['expect hero at(200,330)', 'expect at', { actor: 'hero', x: 200, y: 330 }],
    ['expect door.open == true', 'expect', { expression: 'door.open == true', sides: { left: 'door.open', right: 'true', rightIsLiteral: true } }],
    ['expect tries == max_tries   # globals', 'expect', { expression: 'tries == max_tries', sides: { left: 'tries', right: 'max_tries', rightIsLiteral: false } }],
    ['expect has(key) and not door.open', 'expect', { expression: 'has(key) and not door.open' }],
    ['expect not has(shell)', 'expect', { expression: 'not has(shell)' }],
    ['expect keeper.color == "#a0d0ff"', 'expect', { expression: 'keeper.color == "#a0d0ff"', sides: { left: 'keeper.color', right: '"#a0d0ff"', rightIsLiteral: true } }],
  ];
  for (const [line, command, args] of GOOD) {
    it(`reads \`${line}\``, () => expect(one(line)).toEqual({ command, args }));
  }

  it('skips blank and comment lines and keeps each step\'s line, span and source', () => {
    const text = '# The beach puzzle\n\n   \ndo pickup shell   # take it\r\n\texpect has shell\n';
    const { steps } = parseWalkthrough(text, 'tests/beach.walk');
    expect(steps.map((s) => [s.line, s.source, s.span.start.column, s.span.end.column])).toEqual([
      [4, 'do pickup shell', 1, 16],
      [5, 'expect has shell', 2, 18],
    ]);
    expect(steps[1]!.span.start.offset).toBe(text.indexOf('expect'));
  });

  it('parses the whole example of the walkthroughs section', () => {
    const text = [
      '# The beach puzzle, start to finish.',
      'click 320 340                 # a left click at game coordinates',
      'do pickup shell               # a verb on an object, as the verb UI would send it',
      'do use key door               # "Use key with door"',
      'do talk keeper',
      'choose "Got any keys?"        # pick a dialog option by its text (or: choose 3)',
      'wait 2                        # let 2 seconds of game time pass',
      'skip                          # skip the current line or cutscene (Escape)',
      'save before-door              # snapshot the whole game, in memory',
      'load before-door              # and go back to it',
      'expect room lighthouse        # the current room',
      'expect has key                # an object in the inventory',
      'expect not has shell',
      'expect said "Mine now."       # a line spoken since the previous `expect said`',
      'expect hero at (200, 330)     # an actor\'s position (within 2 px)',
      'expect door.open == true      # any expression of the game, evaluated now',
      'expect tries == 1             # a global variable',
    ].join('\n');
    const names = parseWalkthrough(text, 'x.walk').steps.map((s) => s.command);
    expect(names).toEqual(['click', 'do', 'do', 'do', 'choose', 'wait', 'skip', 'save', 'load', 'expect room', 'expect has', 'expect not has', 'expect said', 'expect at', 'expect', 'expect']);
  });

  it('has one table row for every command name', () => {
    const names = WALK_COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('parseWalkthrough: bad lines', () => {
  const BAD: Array<[string, string]> = [
    ['clik 320 340', '1:1: unknown command `clik` [WALKTHROUGH_SYNTAX]'],
    ['jump', '1:1: unknown command `jump` [WALKTHROUGH_SYNTAX]'],
    ['click 320', '1:10: expected the y coordinate, found the end of the line [WALKTHROUGH_SYNTAX]'],
    ['click 320 340 5', '1:15: unexpected `5` at the end of the line [WALKTHROUGH_SYNTAX]'],
    ['click -5 10', '1:7: the x coordinate must be at least 0, not `-5` [WALKTHROUGH_SYNTAX]'],
    ['click 12px 3', '1:7: expected the x coordinate, found `12px` [WALKTHROUGH_SYNTAX]'],
    ['do pickup', '1:10: expected an object or actor, found the end of the line [WALKTHROUGH_SYNTAX]'],
    ['do use key door window', '1:17: unexpected `window` at the end of the line [WALKTHROUGH_SYNTAX]'],
    ['do pickup "shell"', '1:11: expected an object or actor, found `"shell"` [WALKTHROUGH_SYNTAX]'],
    ['choose', '1:7: expected an option number, found the end of the line [WALKTHROUGH_SYNTAX]'],
    ['choose 0', '1:8: an option number must be at least 1, not `0` [WALKTHROUGH_SYNTAX]'],
    ['choose 1.5', '1:8: an option number must be a whole number, not `1.5` [WALKTHROUGH_SYNTAX]'],
    ['choose "Bye.', '1:8: this quoted text is never closed: end it with `"` on the same line [WALKTHROUGH_SYNTAX]'],
    ['choose "a\\qb"', '1:10: unknown escape `\\q` in quoted text; the escapes are \\" \\\\ \\n \\t \\{ \\} [WALKTHROUGH_SYNTAX]'],
    ['wait', '1:5: expected a number of seconds, found the end of the line [WALKTHROUGH_SYNTAX]'],
    ['wait soon', '1:6: expected a number of seconds, found `soon` [WALKTHROUGH_SYNTAX]'],
    ['wait 1.5 ticks', '1:6: a number of ticks must be whole, not 1.5 [WALKTHROUGH_SYNTAX]'],
    ['wait 2 minutes', '1:8: unexpected `minutes` at the end of the line [WALKTHROUGH_SYNTAX]'],
    ['skip now', '1:6: unexpected `now` at the end of the line [WALKTHROUGH_SYNTAX]'],
    ['save', '1:5: expected a save name, found the end of the line [WALKTHROUGH_SYNTAX]'],
    ['load nowhere', '1:1: `load nowhere` needs a `save nowhere` on an earlier line [WALKTHROUGH_SYNTAX]'],
    ['expect', '1:7: `expect` needs something to check [WALKTHROUGH_SYNTAX]'],
    ['expect room', '1:12: expected a room name, found the end of the line [WALKTHROUGH_SYNTAX]'],
    ['expect room light house', '1:19: unexpected `house` at the end of the line [WALKTHROUGH_SYNTAX]'],
    ['expect has', '1:11: expected an object name, found the end of the line [WALKTHROUGH_SYNTAX]'],
    ['expect not has', '1:15: expected an object name, found the end of the line [WALKTHROUGH_SYNTAX]'],
    ['expect said Mine now.', '1:18: expected the line in double quotes, found `now.` [WALKTHROUGH_SYNTAX]'],
    ['expect said', '1:12: expected the line in double quotes, found the end of the line [WALKTHROUGH_SYNTAX]'],
    ['expect hero at 200, 330', '1:16: expected `(` in the position, found `200,` [WALKTHROUGH_SYNTAX]'],
    ['expect hero at (200 330)', '1:21: expected `,` in the position, found `330)` [WALKTHROUGH_SYNTAX]'],
    ['expect hero at (200, 330', '1:25: expected `)` in the position, found the end of the line [WALKTHROUGH_SYNTAX]'],
  ];
  for (const [line, error] of BAD) {
    it(`refuses \`${line}\``, () => expect(refusal(`${line}\n`)).toBe(error));
  }

  it('refuses a broken expression with the script parser\'s sentence at the line\'s column', () => {
    const error = refusal('# checks\nexpect door.open ==\n');
    expect(error).toMatch(/^2:\d+: in the expression: .+ \[WALKTHROUGH_SYNTAX\]$/);
    expect(Number(/^2:(\d+)/.exec(error)![1])).toBeGreaterThanOrEqual(18);
  });

  it('hints at the syntax or an example', () => {
    const hint = (line: string) => {
      try {
        parseWalkthrough(line, 't.walk');
      } catch (e) {
        return (e as CairnError).hint;
      }
      return undefined;
    };
    expect(hint('click 1 2 3')).toBe('it is written `click X Y`');
    expect(hint('expect hero at 1, 2')).toBe('for example: expect hero at (200, 330)');
    expect(hint('jump')).toBe('the commands are click, do, choose, wait, skip, save, load, expect');
  });

  it('reports every bad line of a file at once, and a hint for a near-miss command', () => {
    let caught: CairnError | undefined;
    try {
      parseWalkthrough('clik 1 2\ndo pickup shell\nwiat 2\n', 'tests/t.walk');
    } catch (e) {
      caught = e as CairnError;
    }
    expect(caught!.all().map((e) => `${e.span!.start.line}: ${e.hint}`)).toEqual(['1: did you mean `click`?', '3: did you mean `wait`?']);
    const text = formatError(caught!, { sources: () => 'clik 1 2\ndo pickup shell\nwiat 2\n' });
    expect(text).toContain('tests/t.walk:3:1: error: unknown command `wiat` [WALKTHROUGH_SYNTAX]');
    expect(text).toContain(' 3 | wiat 2\n   | ^^^^');
  });
});
