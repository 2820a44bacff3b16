// The room editor's model, handles and refusals on the sample game's cottage,
// without a browser: what the pointer takes hold of, what a drag, a new vertex
// or a deleted one makes of the value, and that a refusal while dragging says
// exactly what `cairn dev`'s build-checked write says for the same value.

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { RoomWriteBack } from '../../player/dev/room-write-back.js';
import { refusal } from '../../player/web/dev/room-editor/room-checks.js';
import { dragged, edgeAt, handleAt, snap, withoutVertex, withVertex } from '../../player/web/dev/room-editor/room-handles.js';
import { roomModel, type GeometryAnswer, type RoomModel } from '../../player/web/dev/room-editor/room-model.js';
import { PathPreview } from '../../player/web/dev/room-editor/path-preview.js';

const noSprites = () => null;

describe('the room editor model', () => {
  let dir: string;
  let geometry: GeometryAnswer;
  let room: RoomModel;

  beforeAll(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'cairn-room-model-')), 'gull-rock');
    cpSync(join(import.meta.dirname, '../../bundles/gull-rock'), dir, { recursive: true, filter: (p) => !p.includes('/tools') });
    geometry = new RoomWriteBack(dir).geometry();
    room = roomModel(geometry, 'cottage')!;
  });

  test('reads the room: its size, pictures, walk area, blocked area, scale and objects', () => {
    expect(room.size).toEqual([640, 360]);
    expect(room.pictures).toEqual([{ image: 'art/rooms/cottage.png', parallax: 1 }]);
    expect(room.walkable[0]!.value).toEqual([[10, 300], [160, 300], [176, 268], [530, 268], [626, 290], [632, 356], [8, 356]]);
    expect(room.blocked!.value).toEqual([[376, 262], [532, 262], [532, 308], [376, 308]]);
    expect(room.scale!.value).toEqual([268, 0.9, 356, 1.02]);
    const window = room.objects.find((o) => o.name === 'window')!;
    expect(window.hotspot!.value).toEqual([262, 58, 112, 96]);
    expect(window.stand, 'the default stand: the hotspot\'s bottom centre').toMatchObject({ value: [318, 154], written: false });
    expect(roomModel(geometry, 'nowhere')).toBeNull();
  });

  test('the pointer takes the nearest handle: a vertex, a corner, an `at`, a scale row, an edge, a body', () => {
    const at = (x: number, y: number) => handleAt(room, { x, y }, 3, noSprites);
    expect(at(627, 291)).toMatchObject({ type: 'vertex', index: 4, e: { property: 'walkable' } });
    expect(at(606, 262)).toMatchObject({ type: 'corner', corner: 2, e: { name: 'door' } });
    expect(at(226, 165)).toMatchObject({ type: 'point', e: { name: 'mug', property: 'at' } });
    expect(at(300, 356)).toMatchObject({ type: 'scale', row: 1 });
    expect(at(300, 268)).toMatchObject({ type: 'scale', row: 0 });
    expect(at(85, 300)).toMatchObject({ type: 'edge', index: 0 });
    expect(at(580, 200)).toMatchObject({ type: 'rect', e: { name: 'door' } });
    expect(at(450, 290)).toMatchObject({ type: 'polygon', e: { property: 'blocked' } });
    expect(at(5, 5)).toBeNull();
    expect(edgeAt(room, { x: 300, y: 268 }, 3), 'a double-click finds the edge under the scale row').toMatchObject({ type: 'edge', index: 2, e: { property: 'walkable' } });
  });

  test('drags give new values: a vertex, a body, a corner past its opposite, a scale row; snapping', () => {
    const vertex = handleAt(room, { x: 626, y: 290 }, 3, noSprites)!;
    expect((dragged(vertex, room.walkable[0]!.value, { x: 626, y: 290 }, { x: 640, y: 276 }) as number[][])[4]).toEqual([640, 276]);
    const blocked = handleAt(room, { x: 450, y: 290 }, 3, noSprites)!;
    expect(dragged(blocked, room.blocked!.value, { x: 450, y: 290 }, { x: 460, y: 280 })).toEqual([[386, 252], [542, 252], [542, 298], [386, 298]]);
    const corner = handleAt(room, { x: 606, y: 262 }, 3, noSprites)!;
    expect(dragged(corner, [540, 146, 66, 116], { x: 606, y: 262 }, { x: 530, y: 100 })).toEqual([530, 100, 10, 46]);
    const row = handleAt(room, { x: 300, y: 268 }, 3, noSprites)!;
    expect(dragged(row, room.scale!.value, { x: 300, y: 268 }, { x: 300, y: 250 })).toEqual([250, 0.9, 356, 1.02]);
    expect(room.walkable[0]!.value, 'a drag changes a copy').toEqual([[10, 300], [160, 300], [176, 268], [530, 268], [626, 290], [632, 356], [8, 356]]);
    expect(snap({ x: 10.4, y: 9.6 }, 1)).toEqual({ x: 10, y: 10 });
    expect(snap({ x: 10.4, y: 13.9 }, 4)).toEqual({ x: 12, y: 12 });
  });

  test('a vertex goes in on an edge and comes out, never below three', () => {
    const blocked = room.blocked!;
    expect(withVertex(blocked, [], 0, { x: 450, y: 262 })).toEqual([[376, 262], [450, 262], [532, 262], [532, 308], [376, 308]]);
    expect(withoutVertex(blocked, [], 1)).toEqual([[376, 262], [532, 308], [376, 308]]);
    expect(withoutVertex({ ...blocked, value: [[0, 0], [1, 0], [1, 1]] }, [], 0)).toBeNull();
  });

  test('a refusal while dragging says what the build-checked write says', () => {
    const crossed = [[10, 300], [160, 300], [176, 268], [530, 268], [626, 290], [100, 250], [8, 356]];
    const w = room.walkable[0]!;
    const before = w.value;
    w.value = crossed;
    const live = refusal(room, w);
    w.value = before;
    const written = new RoomWriteBack(dir).edit({ kind: 'room', name: 'cottage', property: 'walkable', occurrence: 0, value: crossed });
    expect(written.ok).toBe(false);
    expect(live).toBe(!written.ok && written.message);
    const door = room.objects.find((o) => o.name === 'door')!.hotspot!;
    door.value = [600, 146, 66, 116];
    const hotspot = refusal(room, door);
    const answer = new RoomWriteBack(dir).edit({ kind: 'object', name: 'door', property: 'hotspot', occurrence: 0, value: [600, 146, 66, 116] });
    expect(hotspot).toBe(!answer.ok && answer.message);
    door.value = [540, 146, 66, 116];
    expect(refusal(room, door)).toBeNull();
  });

  test('the path preview walks around the blocked armchair, and the scale follows the band', () => {
    const preview = new PathPreview(room);
    const path = preview.path({ x: 350, y: 290 }, { x: 560, y: 290 })!;
    expect(path[0]).toEqual({ x: 350, y: 290 });
    expect(path.at(-1)).toEqual({ x: 560, y: 290 });
    expect(path.length, 'it bends around the blocked area').toBeGreaterThan(2);
    expect(preview.scaleAt(268)).toBeCloseTo(0.9);
    expect(preview.scaleAt(356)).toBeCloseTo(1.02);
  });
});
