// How gestures become inputs: SCUMM verbs and the sentence line, "Use X with
// Y" through the inventory, one-click defaults, speech skipping, dialogs and
// keyboard focus that follows things rather than list positions.

import { describe, expect, test } from 'vitest';
import type { GameInput, Scene } from '../../../runtime/game-api.js';
import type { TargetView } from '../../../player/web/protocol.js';
import { Controller, type FrameView } from '../../../player/web/ui/controller.js';
import { actionForKey, GamepadReader } from '../../../player/web/input/actions.js';

const VERBS = [
  { id: 'look', label: 'Look at' },
  { id: 'pickup', label: 'Pick up' },
  { id: 'use', label: 'Use', with: 'with' },
  { id: 'talk', label: 'Talk to' },
  { id: 'give', label: 'Give', with: 'to' },
];

function scene(over: Partial<Scene> = {}): Scene {
  return { tick: 1, room: 'beach', layers: [], sprites: [], speech: [], inventory: [], dialog: null, verbs: VERBS, hover: null, camera: { x: 0, y: 0 }, viewport: [640, 360], cutscene: false, ended: false, ...over };
}

const shell: TargetView = { id: 'shell', name: 'seashell', x: 200, y: 320, verbs: ['look', 'pickup'], defaultVerb: 'look' };
const keeper: TargetView = { id: 'keeper', name: 'Keeper', x: 420, y: 300, verbs: ['look', 'talk'], defaultVerb: 'talk' };
const door: TargetView = { id: 'door', name: 'door', x: 560, y: 150, verbs: [], defaultVerb: 'look' };

function setup(ui: 'verbs' | 'one-click', frame: Partial<FrameView> = {}) {
  const sent: GameInput[] = [];
  const c = new Controller(ui, (i) => sent.push(i));
  c.update({ scene: scene(), hasControl: true, targets: [shell, keeper, door], ...frame });
  return { c, sent };
}

describe('SCUMM verbs', () => {
  test('a plain click walks; a picked verb acts on the thing clicked and is put down after', () => {
    const { c, sent } = setup('verbs');
    expect(c.sentence()).toBe('Walk to');
    c.clickRoom(100, 300, null);
    c.pickVerb('pickup');
    expect(c.sentence()).toBe('Pick up');
    c.clickRoom(200, 320, shell);
    expect(c.verb).toBeNull();
    c.clickRoom(560, 150, door);
    expect(sent).toEqual([
      { type: 'click', x: 100, y: 300 },
      { type: 'verb', verb: 'pickup', target: 'shell' },
      { type: 'verb', verb: 'walk', target: 'door' },
    ]);
  });

  test('Use on an inventory item holds it: "Use brass key with door"', () => {
    const { c, sent } = setup('verbs');
    c.update({ scene: scene({ inventory: [{ id: 'key', name: 'brass key', icon: null }], hover: 'door' }), hasControl: true, targets: [door] });
    c.pickVerb('use');
    c.clickInventory('key');
    expect(c.sentence()).toBe('Use brass key with door');
    c.clickRoom(560, 150, door);
    expect(sent).toEqual([{ type: 'verb', verb: 'use', target: 'key', with: 'door' }]);
    expect(c.holding).toBeNull();
  });

  test('a held item is dropped when it leaves the inventory, and by a right click', () => {
    const { c } = setup('verbs', { scene: scene({ inventory: [{ id: 'key', name: 'brass key', icon: null }] }) });
    c.clickInventory('key');
    expect(c.holding).toBe('key');
    c.secondaryClick(null);
    expect(c.holding).toBeNull();
    c.clickInventory('key');
    c.update({ scene: scene(), hasControl: true, targets: [] });
    expect(c.holding).toBeNull();
  });

  test('a right click looks', () => {
    const { c, sent } = setup('verbs');
    c.secondaryClick(shell);
    c.secondaryClick({ id: 'key' });
    c.secondaryClick({ id: 'radio', defaultVerb: 'use' });
    expect(sent).toEqual([
      { type: 'verb', verb: 'look', target: 'shell' },
      { type: 'verb', verb: 'look', target: 'key' },
      { type: 'verb', verb: 'use', target: 'radio' },
    ]);
  });
});

describe('one click', () => {
  test('a click uses the first verb the thing answers besides look; things with none are walked to', () => {
    const { c, sent } = setup('one-click');
    c.clickRoom(0, 0, keeper);
    c.clickRoom(0, 0, door);
    expect(sent).toEqual([
      { type: 'verb', verb: 'talk', target: 'keeper' },
      { type: 'verb', verb: 'walk', target: 'door' },
    ]);
    expect(c.sentence()).toBe('');
  });
});

describe('two things, right clicks and what the sentence names', () => {
  const withKey = (hover: string | null = null) => scene({ inventory: [{ id: 'key', name: 'brass key', icon: null }, { id: 'fish', name: 'sardine', icon: null }], hover });

  test('Give, an item, a person: "Give sardine to Keeper", sent as give with', () => {
    const { c, sent } = setup('verbs');
    c.update({ scene: withKey('Keeper'), hasControl: true, targets: [keeper] });
    c.pickVerb('give');
    expect(c.sentence()).toBe('Give Keeper');
    c.clickInventory('fish');
    expect(sent).toEqual([]);
    expect(c.sentence()).toBe('Give sardine to Keeper');
    c.clickRoom(420, 300, keeper);
    expect(sent).toEqual([{ type: 'verb', verb: 'give', target: 'fish', with: 'keeper' }]);
    expect(c.holding).toBeNull();
    // Given to another item, too.
    c.pickVerb('give');
    c.clickInventory('fish');
    c.clickInventory('key');
    expect(sent[1]).toEqual({ type: 'verb', verb: 'give', target: 'fish', with: 'key' });
  });

  test('a right click runs the thing\'s default verb, look unless the game chose another; it drops a held item', () => {
    const { c, sent } = setup('verbs');
    c.secondaryClick(shell);
    c.secondaryClick(keeper);
    c.update({ scene: withKey(), hasControl: true, targets: [shell, keeper] });
    c.pickVerb('use');
    c.clickInventory('key');
    c.secondaryClick(shell);
    expect(c.holding).toBeNull();
    expect(sent).toEqual([
      { type: 'verb', verb: 'look', target: 'shell' },
      { type: 'verb', verb: 'talk', target: 'keeper' },
    ]);
  });

  test('the sentence names the item under the pointer, never a stale room thing', () => {
    const { c } = setup('verbs');
    c.update({ scene: withKey('knitting basket'), hasControl: true, targets: [] });
    c.pointer = { kind: 'item', id: 'key' };
    expect(c.sentence()).toBe('Walk to brass key');
    c.pickVerb('use');
    c.clickInventory('fish');
    c.pointer = { kind: 'item', id: 'key' };
    expect(c.sentence()).toBe('Use sardine with brass key');
    c.pointer = { kind: 'item', id: 'fish' };
    expect(c.sentence()).toBe('Use sardine with');
    c.pointer = { kind: 'none' };
    expect(c.sentence()).toBe('Use sardine with');
    c.pointer = { kind: 'room' };
    expect(c.sentence()).toBe('Use sardine with knitting basket');
  });
});

describe('speech, dialogs and focus', () => {
  test('while a line holds control, a click ends that line only instead of acting', () => {
    const { c, sent } = setup('verbs', { hasControl: false, scene: scene({ speech: [{ actor: 'hero', text: 'Hm.', color: '#fff', at: { x: 0, y: 0 } }] }) });
    expect(c.clickSkips).toBe(true);
    c.clickRoom(10, 10, null);
    c.clickInventory('key');
    c.skip();
    expect(sent).toEqual([{ type: 'skip', line: true }, { type: 'skip', line: true }, { type: 'skip' }]);
  });

  test('Tab leaves past either end (no keyboard trap); arrows wrap', () => {
    const { c } = setup('verbs');
    expect(c.cycleFocus(1, true)?.kind).toBe('room');
    c.cycleFocus(1, true);
    expect(c.cycleFocus(1, true)).toMatchObject({ target: { id: 'door' } });
    expect(c.cycleFocus(1, true)).toBeUndefined();
    expect(c.focus).toBeNull();
    expect(c.cycleFocus(-1, true)).toMatchObject({ target: { id: 'door' } });
    c.cycleFocus(-1, true);
    c.cycleFocus(-1, true);
    expect(c.cycleFocus(-1, true)).toBeUndefined();
    expect(c.cycleFocus(-1)).toMatchObject({ target: { id: 'door' } });
    expect(c.cycleFocus(1)).toMatchObject({ target: { id: 'shell' } });
  });

  test('number choices only pick options that are shown', () => {
    const { c, sent } = setup('verbs', { scene: scene({ dialog: { options: ['Who are you?', 'Bye.'] } }) });
    expect(c.choose(3)).toBe(false);
    expect(c.choose(2)).toBe(true);
    expect(sent).toEqual([{ type: 'choose', option: 2 }]);
  });

  test('Tab cycles room things left to right, then the inventory, and wraps; Enter acts', () => {
    const { c, sent } = setup('verbs', { scene: scene({ inventory: [{ id: 'key', name: 'brass key', icon: null }] }) });
    const names = [1, 2, 3, 4, 5].map(() => {
      const f = c.cycleFocus(1)!;
      return f.kind === 'room' ? f.target.name : f.name;
    });
    expect(names).toEqual(['seashell', 'Keeper', 'door', 'brass key', 'seashell']);
    c.pickVerb('pickup');
    expect(c.sentence()).toBe('Pick up seashell');
    c.activateFocus();
    expect(sent).toEqual([{ type: 'verb', verb: 'pickup', target: 'shell' }]);
  });

  test('focus follows its thing when the list changes, and is dropped when the thing goes', () => {
    const { c } = setup('verbs');
    c.cycleFocus(1);
    c.cycleFocus(1);
    expect(c.focus).toBe('room:keeper');
    c.update({ scene: scene(), hasControl: true, targets: [keeper, door] });
    expect(c.focus).toBe('room:keeper');
    c.update({ scene: scene(), hasControl: true, targets: [door] });
    expect(c.focus).toBeNull();
  });
});

describe('keys and gamepad buttons', () => {
  test('the key table', () => {
    expect(actionForKey('Tab', false)).toEqual({ type: 'focus', step: 1, leaves: true });
    expect(actionForKey('Tab', true)).toEqual({ type: 'focus', step: -1, leaves: true });
    expect(actionForKey('ArrowRight', false)).toEqual({ type: 'focus', step: 1 });
    expect(actionForKey('7', false)).toEqual({ type: 'number', n: 7 });
    expect(actionForKey('.', false)).toEqual({ type: 'skip-line' });
    expect(actionForKey('F5', false)).toEqual({ type: 'menu' });
    expect(actionForKey('x', false)).toBeNull();
  });

  test('a gamepad button acts once per press, the stick like the d-pad', () => {
    const g = new GamepadReader();
    const pad = (pressed: number[], x = 0) => ({ index: 0, axes: [x, 0], buttons: Array.from({ length: 16 }, (_, i) => ({ pressed: pressed.includes(i) })) as unknown as Gamepad['buttons'] });
    expect(g.poll([pad([0])])).toEqual([{ type: 'activate' }]);
    expect(g.poll([pad([0])])).toEqual([]);
    expect(g.poll([pad([])])).toEqual([]);
    expect(g.poll([pad([], 0.9)])).toEqual([{ type: 'focus', step: 1 }]);
    expect(g.poll([null])).toEqual([]);
  });
});
