// `cairn lsp` driven as an editor drives it: a child process spoken to over
// stdio by vscode-languageserver-protocol's client connection, on the sample
// game. Diagnostics follow unsaved edits (an error appears with its code,
// range and hint, and goes when fixed), and definition, references, rename,
// hover, completion, the outline and formatting answer from the project.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lsp-client.js';
import { ROOT } from '../support/cli.js';

const GAME = join(ROOT, 'bundles', 'gull-rock');
const path = (file: string) => join(GAME, file);
const uriOf = (file: string) => pathToFileURL(path(file)).href;
const text = (file: string) => readFileSync(path(file), 'utf8');

/** The LSP position of the `nth` occurrence of `needle` in `source`, `delta` characters in. */
function positionOf(source: string, needle: string, delta = 0, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = source.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`\`${needle}\` is not in the text`);
  const before = source.slice(0, at + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

const SCRIPTS = ['scripts/00-cast.adv', 'scripts/10-cottage.adv', 'scripts/20-shore.adv', 'scripts/30-lighthouse.adv', 'scripts/40-things.adv', 'scripts/50-ending.adv'];

describe('cairn lsp on the sample game', () => {
  let client: LspClient;
  const errorsOf = (d: Diagnostic[]) => d.filter((x) => x.severity === 1);

  beforeAll(async () => {
    client = await LspClient.start(GAME);
    for (const f of SCRIPTS) await client.open(path(f));
    await client.open(path('tests/01-full-game.walk'));
  }, 60_000);

  afterAll(async () => {
    expect(await client.close()).toBe(0);
  });

  it('publishes no errors for the game as it is', async () => {
    for (const f of SCRIPTS) expect(errorsOf(await client.diagnosticsFor(uriOf(f)))).toEqual([]);
  });

  it('shows an error in an unsaved buffer with its code, range and hint, and clears it when fixed', async () => {
    const file = 'scripts/10-cottage.adv';
    const original = text(file);
    const broken = original.replace('on use with mug { make_tea() }', 'on use with mug { make_tee() }');
    expect(broken).not.toBe(original);
    await client.change(uriOf(file), broken);
    const [error] = errorsOf(await client.diagnosticsFor(uriOf(file), (d) => errorsOf(d).length > 0, true));
    const start = positionOf(broken, 'make_tee()');
    expect(error).toMatchObject({ code: 'UNKNOWN_NAME', source: 'cairn', range: { start, end: { line: start.line, character: start.character + 'make_tee'.length } } });
    expect(error!.message).toContain('`make_tee`');
    expect(error!.message).toContain('hint: did you mean `make_tea`?');

    await client.change(uriOf(file), original);
    expect(errorsOf(await client.diagnosticsFor(uriOf(file), (d) => errorsOf(d).length === 0, true))).toEqual([]);
  });

  it('shows a hotspot that reaches outside its room, placed with the screen size of cairn.json, as the build does', async () => {
    const file = 'scripts/10-cottage.adv';
    const original = text(file);
    const broken = original.replace('hotspot: (540, 146, 66, 116)', 'hotspot: (600, 146, 66, 116)');
    expect(broken).not.toBe(original);
    await client.change(uriOf(file), broken);
    const [error] = errorsOf(await client.diagnosticsFor(uriOf(file), (d) => errorsOf(d).length > 0, true));
    expect(error).toMatchObject({ code: 'INVALID_PROPERTY', source: 'cairn' });
    expect(error!.message).toContain('reaches outside');
    expect(error!.range.start.line).toBe(positionOf(broken, 'hotspot: (600').line);
    await client.change(uriOf(file), original);
    expect(errorsOf(await client.diagnosticsFor(uriOf(file), (d) => errorsOf(d).length === 0, true))).toEqual([]);
  });

  it('reports a duplicate with its first declaration as a related location', async () => {
    const file = 'scripts/40-things.adv';
    const original = text(file);
    await client.change(uriOf(file), `${original}\nfn make_tea() {}\n`);
    const [error] = errorsOf(await client.diagnosticsFor(uriOf(file), (d) => errorsOf(d).length > 0, true));
    expect(error!.code).toBe('DUPLICATE_NAME');
    const first = SCRIPTS.find((f) => text(f).includes('fn make_tea('))!;
    expect(error!.relatedInformation).toEqual([{ location: { uri: uriOf(first), range: expect.objectContaining({ start: positionOf(text(first), 'fn make_tea(', 3) }) }, message: '`make_tea` was first declared here' }]);
    await client.change(uriOf(file), original);
    await client.diagnosticsFor(uriOf(file), (d) => errorsOf(d).length === 0, true);
  });

  it('checks a walkthrough against the game: an unknown object, with a hint', async () => {
    const file = 'tests/01-full-game.walk';
    const original = text(file);
    const broken = original.replace('do pickup mug\n', 'do pickup mugg\n');
    await client.change(uriOf(file), broken);
    const [error] = errorsOf(await client.diagnosticsFor(uriOf(file), (d) => errorsOf(d).length > 0, true));
    const start = positionOf(broken, 'mugg');
    expect(error).toMatchObject({ code: 'UNKNOWN_ENTITY', range: { start } });
    expect(error!.message).toContain('hint: did you mean `mug`?');
    await client.change(uriOf(file), original);
    expect(errorsOf(await client.diagnosticsFor(uriOf(file), (d) => errorsOf(d).length === 0, true))).toEqual([]);
  });

  it('goes to the definition of a dialog, an object and an asset', async () => {
    const cast = text('scripts/00-cast.adv');
    const cottage = text('scripts/10-cottage.adv');
    const dialog = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf('scripts/00-cast.adv') }, position: positionOf(cast, 'choose mags_chat', 8) });
    expect(dialog).toEqual([{ uri: uriOf('scripts/10-cottage.adv'), range: { start: positionOf(cottage, 'dialog mags_chat', 7), end: positionOf(cottage, 'dialog mags_chat', 16) } }]);

    const object = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf('scripts/10-cottage.adv') }, position: positionOf(cottage, 'walk wren to mug', 14) });
    expect(object).toEqual([{ uri: uriOf('scripts/10-cottage.adv'), range: { start: positionOf(cottage, 'object mug', 7), end: positionOf(cottage, 'object mug', 10) } }]);

    const asset = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf('scripts/10-cottage.adv') }, position: positionOf(cottage, '"art/cottage/kettle.png"', 5) });
    expect(asset.map((l) => l.uri)).toEqual([uriOf('assets/art/cottage/kettle.png')]);
  });

  it('finds the references of an object in scripts and walkthroughs', async () => {
    const cottage = text('scripts/10-cottage.adv');
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uriOf('scripts/10-cottage.adv') }, position: positionOf(cottage, 'object mug', 8), context: { includeDeclaration: true } });
    const files = new Set(refs.map((r) => r.uri));
    expect(files.has(uriOf('scripts/10-cottage.adv'))).toBe(true);
    expect(files.has(uriOf('tests/01-full-game.walk'))).toBe(true);
  });

  it('renames an object across every file, and refuses a clash or a reserved word', async () => {
    const cottage = text('scripts/10-cottage.adv');
    const position = positionOf(cottage, 'object mug', 8);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf('scripts/10-cottage.adv') }, position, newName: 'cup' });
    const changes = edit.changes!;
    // Every whole-word `mug` that names the object, in every file that has one (strings and comments aside).
    for (const file of [...SCRIPTS, 'tests/01-full-game.walk']) {
      const uses = text(file).split('\n').flatMap((line) => [...line.replace(/\/\/.*$|#.*$/, '').replace(/"(?:[^"\\]|\\.)*"/g, (s) => ' '.repeat(s.length)).matchAll(/(?<![\w.])mug(?!\w)/g)]).length;
      expect((changes[uriOf(file)] ?? []).length, file).toBe(uses);
    }
    expect(Object.keys(changes).length).toBeGreaterThan(2);
    expect(Object.values(changes).flat().every((e: TextEdit) => e.newText === 'cup')).toBe(true);

    await expect(client.request('textDocument/rename', { textDocument: { uri: uriOf('scripts/10-cottage.adv') }, position, newName: 'kettle' })).rejects.toThrow(/already the object/);
    await expect(client.request('textDocument/rename', { textDocument: { uri: uriOf('scripts/10-cottage.adv') }, position, newName: 'while' })).rejects.toThrow(/reserved word/);
  });

  it('completes the properties after `lamp.` and the pictures inside `"art/`', async () => {
    const file = 'scripts/30-lighthouse.adv';
    const original = text(file);
    const withLine = `${original}\nfn probe() {\n  lamp.\n}\n`;
    await client.change(uriOf(file), withLine);
    const props = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: positionOf(withLine, 'lamp.\n', 5) });
    const labels = props.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['visible', 'sprite', 'hotspot', 'name']));
    expect(props.find((c) => c.label === 'sprite')?.documentation).toContain('its picture in the room');

    const probe = `${original}\nobject probe { sprite: "art/`;
    await client.change(uriOf(file), probe);
    const assets = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: positionOf(probe, 'sprite: "art/', 13) });
    const paths = assets.map((c) => c.label);
    expect(paths).toContain('art/cottage/kettle.png');
    expect(paths.every((p) => p.startsWith('art/') && p.endsWith('.png'))).toBe(true);
    expect(assets[0]!.textEdit).toMatchObject({ range: { start: positionOf(probe, 'sprite: "art/', 9) } });
    await client.change(uriOf(file), original);
  });

  it('hovers a native with its doc and an image with its size', async () => {
    const cottage = text('scripts/10-cottage.adv');
    const image = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf('scripts/10-cottage.adv') }, position: positionOf(cottage, '"art/cottage/kettle.png"', 3) });
    expect((image.contents as { value: string }).value).toMatch(/assets\/art\/cottage\/kettle\.png.* \d+ × \d+ pixels/);
    const object = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf('scripts/10-cottage.adv') }, position: positionOf(cottage, 'walk wren to mug', 14) });
    expect((object.contents as { value: string }).value).toMatch(/object `mug` in the room `cottage`, declared at scripts\/10-cottage\.adv:\d+/);
  });

  it('gives the outline of a file: rooms › objects › handlers', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf('scripts/10-cottage.adv') } });
    const room = symbols.find((s) => s.name === 'cottage')!;
    const mug = room.children!.find((c) => c.name === 'mug')!;
    expect(mug.children!.map((c) => c.name)).toEqual(expect.arrayContaining(['on look', 'on pickup']));
  });

  it('formats a buffer the way `cairn fmt` does', async () => {
    const file = 'scripts/50-ending.adv';
    const messy = 'on start {\nprint 1+2\n}\n';
    await client.change(uriOf(file), messy);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: uriOf(file) }, options: { tabSize: 4, insertSpaces: true } });
    expect(edits.map((e) => e.newText)).toEqual(['on start {\n  print 1 + 2\n}\n']);
    await client.change(uriOf(file), text(file));
  });
});

describe('cairn lsp on a small project of its own', () => {
  const SOURCE = [
    'verbs { look: "Look at", use: "Use" }',
    'const MAX = 2 + 3',
    'actor hero { name: "Robin"; costume: "hero" }',
    'costume hero { sheet: "hero.png"; frame: (8, 8) }',
    'room study {',
    '  object lamp {',
    '    name: "lamp"; lit: false',
    '    on look {',
    '      let count = MAX',
    '      let other = 1',
    '      say "{count} {other}"',
    '    }',
    '  }',
    '}',
    'on start { put hero in study at (1, 2); go study; hero.costume = "hero" }',
    '',
  ].join('\n');
  let client: LspClient;
  let dir: string;
  let uri: string;
  let walkUri: string;

  beforeAll(async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    dir = mkdtempSync(join(tmpdir(), 'cairn-lsp-'));
    writeFileSync(join(dir, 'cairn.json'), JSON.stringify({ id: 'org.example.lsp', title: 'LSP', version: '1.0.0', author: 'Test', resolution: [640, 360], pixelArt: false }));
    for (const sub of ['scripts', 'tests', 'assets']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'assets', 'hero.png'), readFileSync(path('assets/art/cottage/mug.png')));
    writeFileSync(join(dir, 'scripts', 'main.adv'), SOURCE);
    writeFileSync(join(dir, 'tests', 'play.walk'), 'do look lamp\n');
    client = await LspClient.start(dir);
    uri = await client.open(join(dir, 'scripts', 'main.adv'));
    walkUri = await client.open(join(dir, 'tests', 'play.walk'));
  }, 60_000);

  afterAll(async () => {
    expect(await client.close()).toBe(0);
  });

  const at = (needle: string, delta = 0, nth = 0) => ({ textDocument: { uri }, position: positionOf(SOURCE, needle, delta, nth) });
  const hoverText = async (needle: string, delta = 0, nth = 0) => ((await client.request<Hover>('textDocument/hover', at(needle, delta, nth))).contents as { value: string }).value;

  it('hovers a constant with its value, a well-known property with its meaning, a verb with its label', async () => {
    expect(await hoverText('= MAX', 3)).toContain('const MAX = 2 + 3');
    expect(await hoverText('hero.costume', 6)).toContain('its sprite sheet and animations');
    expect(await hoverText('on look', 4)).toContain('verb `look` ("Look at")');
    expect(await hoverText('frame: (8, 8)', 1)).toContain('the size (width, height) of one frame of the sheet');
  });

  it('goes from a costume name in quotes to the costume, and from a local to its `let`', async () => {
    const costume = await client.request<Location[]>('textDocument/definition', at('costume: "hero"', 11));
    expect(costume[0]!.range.start).toEqual(positionOf(SOURCE, 'costume hero', 8));
    const local = await client.request<Location[]>('textDocument/definition', at('{count}', 2));
    expect(local[0]!.range.start).toEqual(positionOf(SOURCE, 'let count', 4));
  });

  it('renames a costume in its quotes, refuses to rename a local to a name it can see', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('costume hero', 8), newName: 'robin' });
    expect(edit.changes![uri]!.map((e) => e.range.start)).toEqual([positionOf(SOURCE, 'costume hero', 8), positionOf(SOURCE, '"hero" }', 1), positionOf(SOURCE, '= "hero"', 3)]);
    await expect(client.request('textDocument/rename', { ...at('let count', 4), newName: 'other' })).rejects.toThrow(/already a local/);
    const renamed = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('let count', 4), newName: 'total' });
    expect(renamed.changes![uri]).toHaveLength(2);
  });

  it('completes walkthrough commands, verbs after `do` and objects after the verb', async () => {
    const walk = 'do look lamp\nex';
    await client.change(walkUri, walk);
    const commands = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: walkUri }, position: { line: 1, character: 2 } });
    expect(commands.map((c) => c.label)).toEqual(expect.arrayContaining(['click', 'do', 'choose', 'expect', 'save', 'load']));
    const verbs = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: walkUri }, position: { line: 0, character: 3 } });
    expect(verbs.map((c) => c.label).sort()).toEqual(['look', 'use']);
    const things = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: walkUri }, position: { line: 0, character: 8 } });
    expect(things.map((c) => c.label).sort()).toEqual(['hero', 'lamp']);
    await client.change(walkUri, 'do look lamp\n');
  });

  it('completes the names in scope, with the locals of the block', async () => {
    const items = await client.request<CompletionItem[]>('textDocument/completion', at('say "{count}', 0));
    const labels = items.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['count', 'other', 'MAX', 'lamp', 'study', 'hero', 'len', 'has', 'while']));
  });

  it('answers a space typed after `go` with the rooms, and a space anywhere else with nothing', async () => {
    const typed = SOURCE.replace('go study;', 'go ;');
    await client.change(uri, typed);
    const after = (needle: string, delta: number) => ({ textDocument: { uri }, position: positionOf(typed, needle, delta), context: { triggerKind: 2, triggerCharacter: ' ' } });
    expect((await client.request<CompletionItem[]>('textDocument/completion', after('go ;', 3))).map((c) => c.label)).toEqual(['study']);
    expect(await client.request<CompletionItem[]>('textDocument/completion', after('let count = ', 12))).toEqual([]);
    await client.change(uri, SOURCE);
  });

  it('sees assets and cairn.json change on disk, as the editor reports them', async () => {
    const { writeFileSync, readFileSync: read } = await import('node:fs');
    const withSprite = SOURCE.replace('name: "lamp";', 'name: "lamp"; sprite: "new.png";');
    await client.change(uri, withSprite);
    const [missing] = await client.diagnosticsFor(uri, (d) => d.length > 0, true);
    expect(missing).toMatchObject({ code: 'UNKNOWN_ASSET', message: expect.stringContaining('`new.png`') });
    writeFileSync(join(dir, 'assets', 'new.png'), read(join(dir, 'assets', 'hero.png')));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'assets', 'new.png')).href, type: 1 }] });
    expect(await client.diagnosticsFor(uri, (d) => d.length === 0, true)).toEqual([]);

    const config = pathToFileURL(join(dir, 'cairn.json')).href;
    const good = read(join(dir, 'cairn.json'), 'utf8');
    writeFileSync(join(dir, 'cairn.json'), good.replace('"title":"LSP",', ''));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    const [problem] = await client.diagnosticsFor(config, (d) => d.length > 0, true);
    expect(problem).toMatchObject({ code: 'INVALID_DECLARATION', message: expect.stringContaining('needs `title`') });
    writeFileSync(join(dir, 'cairn.json'), good);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    expect(await client.diagnosticsFor(config, (d) => d.length === 0, true)).toEqual([]);
    await client.change(uri, SOURCE);
  });

  it('finds workspace symbols by name', async () => {
    const symbols = await client.request<Array<{ name: string }>>('workspace/symbol', { query: 'la' });
    expect(symbols.map((s) => s.name)).toContain('lamp');
  });

  it('keeps navigating while a line is half typed, with the syntax error shown', async () => {
    const typing = SOURCE.replace('go study;', 'go study; lamp.lit = (');
    await client.change(uri, typing);
    const [error] = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'SYNTAX'), true);
    expect(error!.code).toBe('SYNTAX');
    // The last version that parsed answers for the rest of the file.
    const study = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(typing, 'put hero in study', 13) });
    expect(study[0]!.range.start).toEqual(positionOf(SOURCE, 'room study', 5));
    await client.change(uri, SOURCE);
    expect(await client.diagnosticsFor(uri, (d) => d.length === 0, true)).toEqual([]);
  });
});

describe('cairn lsp on a script outside any project', () => {
  it('checks the file alone, as `cairn run FILE.adv` would, without asset checks', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'cairn-lone-'));
    writeFileSync(join(dir, 'alone.adv'), 'on start {\n  play sound "missing.wav"\n  print nope\n}\n');
    const client = await LspClient.start(dir);
    const uri = await client.open(join(dir, 'alone.adv'));
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['UNKNOWN_NAME', 2]]);
    expect(await client.close()).toBe(0);
  });
});
