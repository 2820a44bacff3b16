// A real Language Server Protocol client for tests and the bench: starts
// `cairn lsp` (the built CLI) as a child process exactly as an editor would
// and talks to it over stdio through vscode-languageserver-protocol.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { CLI } from './cli.js';

/** The diagnostics the server last published for a URI, and who waits for which. */
interface Waiter {
  uri: string;
  test: (d: Diagnostic[]) => boolean;
  resolve: (d: Diagnostic[]) => void;
}

/** A connected client; `close()` shuts the server down. */
export class LspClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.test(p.diagnostics)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p.diagnostics);
        }
      }
    });
  }

  /**
   * Starts the server and initializes it for the folder `root`: by default
   * `node bin/cairn.js lsp`, or exactly the command line an editor's
   * configuration gives (`command`, `args`, looked up on `env.PATH`).
   */
  static async start(root: string, how: { command?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<LspClient> {
    const command = how.command ?? process.execPath;
    const args = how.command === undefined ? [CLI, ...(how.args ?? ['lsp'])] : (how.args ?? []);
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], env: how.env ?? process.env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(connection, child);
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: null });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Opens a file with its text on disk (or `text`). */
  async open(path: string, text = readFileSync(path, 'utf8')): Promise<string> {
    const uri = pathToFileURL(path).href;
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: path.endsWith('.walk') ? 'cairn-walk' : 'cairn', version: 1, text } });
    return uri;
  }

  /** Replaces the whole text of an open buffer (not saved). */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves with the next diagnostics for `uri` that pass `test` (or those already published, if they do). */
  diagnosticsFor(uri: string, test: (d: Diagnostic[]) => boolean = () => true, fromNow = false): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (!fromNow && current && test(current)) return Promise.resolve(current);
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  /** A request by method name. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Shuts the server down politely and waits for it to exit. */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.on('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
