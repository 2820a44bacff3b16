// Runtime errors are CairnErrors that point at the failing instruction's
// source place (file:line:col from the line table), with the callers as notes.

import { describe, expect, it } from 'vitest';
import { assemble } from '../../../interpreter/bytecode/assemble.js';
import { formatError } from '../../../interpreter/diagnostic-format.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { errorOf, linePerInstruction, placeOf, start } from './support/harness.js';

describe('runtime errors', () => {
  const program = () =>
    linePerInstruction(
      linePerInstruction(
        assemble({
          files: ['scripts/beach.adv'],
          natives: ['len'],
          functions: [
            { name: 'on start', code: [['INT', 0], ['CALL', 1, 1], ['RETURN']] },
            { name: 'divide', arity: 1, code: [['INT', 1], ['GET_LOCAL', 0], ['DIV'], ['RETURN']] },
          ],
        }),
        0,
        10,
      ),
      1,
      20,
    );
  it('name the file, line and column of the failing instruction', () => {
    const err = errorOf(() => new VM(program()).call(0));
    expect(err.code).toBe('DIVIDE_BY_ZERO');
    expect(placeOf(err)).toBe('scripts/beach.adv:22:3'); // DIV is the third instruction of `divide`
  });
  it('list the callers as notes', () => {
    const err = errorOf(() => new VM(program()).call(0));
    expect(err.notes.map((n) => `${n.message} at ${n.span?.start.line}`)).toEqual(['called from `on start` at 11']);
  });
  it('format with a code frame', () => {
    const err = errorOf(() => new VM(program()).call(0));
    const source = Array.from({ length: 30 }, (_, i) => (i === 21 ? '  print 1 / zero' : i === 10 ? '  divide(0)' : '')).join('\n');
    expect(formatError(err, { sources: () => source }).split('\n')).toEqual([
      'scripts/beach.adv:22:3: error: division by zero [DIVIDE_BY_ZERO]',
      ' 22 |   print 1 / zero',
      '    |   ^',
      'scripts/beach.adv:11:3: note: called from `on start`',
      ' 11 |   divide(0)',
      '    |   ^',
    ]);
  });
  it('in a thread, also name the place', () => {
    const { vm } = start(program());
    vm.spawn(0);
    expect(placeOf(errorOf(() => vm.tick()))).toBe('scripts/beach.adv:22:3');
  });
  it('index out of range and calling nil name their lines', () => {
    const mod = linePerInstruction(assemble({ functions: [{ name: 'main', code: [['INT', 1], ['LIST', 1], ['INT', 2], ['INDEX_GET'], ['RETURN']] }] }), 0, 1);
    const err = errorOf(() => new VM(mod).call(0));
    expect([err.code, err.span?.start.line]).toEqual(['INDEX_OUT_OF_RANGE', 4]);
    const nil = linePerInstruction(assemble({ functions: [{ name: 'main', code: [['NIL'], ['CALL_VALUE', 0], ['RETURN']] }] }), 0, 1);
    const err2 = errorOf(() => new VM(nil).call(0));
    expect([err2.code, err2.span?.start.line]).toEqual(['NOT_CALLABLE', 2]);
  });
  it('a failed thread leaves the VM usable', () => {
    const { vm, lines } = start({ constants: ['still here'], functions: [{ name: 'bad', code: [['NIL'], ['NEG'], ['RETURN']] }, { name: 'ok', code: [['CONST', 0], ['PRINT'], ['RETURN_NIL']] }] });
    vm.spawn(0);
    expect(errorOf(() => vm.tick()).code).toBe('TYPE_ERROR');
    vm.spawn(1);
    vm.tick();
    expect(lines).toEqual(['still here']);
  });
});
