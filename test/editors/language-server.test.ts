// The VS Code extension's way to the server and the other editors' snippets:
// find-cairn.js picks the setting, then the workspace's node_modules/.bin,
// then PATH; and the Neovim and Helix configurations of
// editors/vscode/README.md start a server that answers, when run with exactly
// their command lines (`cairn` found on PATH, as those editors find it).

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../support/cli.js';
import { LspClient } from '../support/lsp-client.js';

const EDITOR = join(ROOT, 'editors', 'vscode');
const { findCairn } = createRequire(import.meta.url)(join(EDITOR, 'find-cairn.js')) as {
  findCairn: (folders: string[], setting: string | undefined, env: NodeJS.ProcessEnv, platform: string) => string | undefined;
};
const README = readFileSync(join(EDITOR, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(EDITOR, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; activationEvents: string[] };

/** A folder with an executable `cairn` that runs this repository's CLI. */
function cairnOnPath(): string {
  const bin = mkdtempSync(join(tmpdir(), 'cairn-path-'));
  writeFileSync(join(bin, 'cairn'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'cairn'), 0o755);
  return bin;
}

describe('the extension finds cairn', () => {
  it('declares the language client and starts on Cairn files', () => {
    expect(manifest.main).toBe('./extension.js');
    expect(manifest.dependencies['vscode-languageclient']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.activationEvents).toEqual(['onLanguage:cairn', 'onLanguage:cairn-walk']);
    expect(readFileSync(join(EDITOR, 'extension.js'), 'utf8')).toContain("args: ['lsp']");
    // VS Code itself is not here to run it; Node at least reads both files as valid CommonJS.
    for (const file of ['extension.js', 'find-cairn.js']) expect(spawnSync(process.execPath, ['--check', join(EDITOR, file)]).status, file).toBe(0);
  });

  it('prefers the setting, then the workspace\'s node_modules/.bin, then PATH', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'cairn-ws-'));
    const path = cairnOnPath();
    const env = { PATH: ['/nonexistent', path].join(delimiter) };
    expect(findCairn([workspace], undefined, env, 'linux')).toBe(join(path, 'cairn'));
    mkdirSync(join(workspace, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(workspace, 'node_modules', '.bin', 'cairn'), '');
    expect(findCairn([workspace], undefined, env, 'linux')).toBe(join(workspace, 'node_modules', '.bin', 'cairn'));
    expect(findCairn([workspace], '/opt/cairn/bin/cairn', env, 'linux')).toBe('/opt/cairn/bin/cairn');
    expect(findCairn([], undefined, { PATH: '/nonexistent' }, 'linux')).toBeUndefined();
  });
});

/** The command line of a README snippet: `cmd = { 'cairn', 'lsp' }` (Lua) or `command = "cairn"` + `args = [...]` (TOML). */
function snippetCommand(fence: string): string[] {
  const block = new RegExp('```' + fence + '\\n([\\s\\S]*?)```').exec(README)?.[1];
  if (!block) throw new Error(`no \`\`\`${fence} block in the README`);
  const lua = /cmd = \{([^}]*)\}/.exec(block);
  if (lua) return [...lua[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const command = /command = "([^"]*)"/.exec(block)?.[1];
  const args = /args = \[([^\]]*)\]/.exec(block)?.[1] ?? '';
  return [command!, ...[...args.matchAll(/"([^"]*)"/g)].map((m) => m[1]!)];
}

describe('the other editors\' snippets', () => {
  for (const [editor, fence] of [['Neovim', 'lua'], ['Helix', 'toml']] as const) {
    it(`starts a server that answers with ${editor}'s command line`, async () => {
      const [command, ...args] = snippetCommand(fence);
      expect([command, ...args]).toEqual(['cairn', 'lsp']);
      const project = mkdtempSync(join(tmpdir(), 'cairn-snippet-'));
      writeFileSync(join(project, 'cairn.json'), JSON.stringify({ id: 'org.example.snippet', title: 'Snippet', version: '1.0.0', author: 'Test', resolution: [640, 360], pixelArt: false }));
      mkdirSync(join(project, 'scripts'));
      writeFileSync(join(project, 'scripts', 'main.adv'), 'on start { print nope }\n');
      const client = await LspClient.start(project, { command, args, env: { ...process.env, PATH: [cairnOnPath(), process.env.PATH].join(delimiter) } });
      const uri = await client.open(join(project, 'scripts', 'main.adv'));
      const [error] = await client.diagnosticsFor(uri, (d) => d.length > 0);
      expect(error).toMatchObject({ code: 'UNKNOWN_NAME', range: { start: { line: 0, character: 17 } } });
      expect(await client.close()).toBe(0);
    });
  }
});
