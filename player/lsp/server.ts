// `cairn lsp`: the Cairn language server over stdio, on Microsoft's
// vscode-languageserver. Every open `.adv` or `.walk` file belongs to the
// project whose `cairn.json` is found upward from it (a lone script is a
// project of one file). After each change the project is compiled again — the
// compiler's and world checker's problems are published for every file of
// the project, soon after the last of a burst of keystrokes.

import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isCairnError } from '../../interpreter/errors.js';
import { formatSource } from '../../interpreter/syntax/format-source.js';
import { complete } from './completion.js';
import { fileUri, toDiagnostic } from './convert.js';
import { hover } from './hover.js';
import { definition, documentSymbols, prepareRename, references, rename, RenameRefused, workspaceSymbols } from './navigation.js';
import { findProjectDir, Workspace } from './workspace.js';

/** Starts the server on this process's stdin and stdout; resolves when the client disconnects. */
export function startLanguageServer(): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const done = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  serve(connection);
  connection.listen();
  return done;
}

function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const projects = new Map<string, Workspace>();
  const dirty = new Set<Workspace>();
  let scheduled = false;

  /** The project a document belongs to and its name in it. */
  const locate = (uri: string): { ws: Workspace; file: string } | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    // Only scripts/ and tests/ belong to a project, as `cairn build` and `cairn test` read it; any other file stands alone.
    const found = findProjectDir(path);
    const dir = found !== undefined && /^(scripts|tests)[\\/]/.test(relative(found, path)) ? found : undefined;
    const key = dir ?? path;
    let ws = projects.get(key);
    if (!ws) {
      ws = dir ? new Workspace(dir) : new Workspace(dirname(path), path);
      projects.set(key, ws);
    }
    return { ws, file: ws.relative(path) };
  };

  const publish = (ws: Workspace) => {
    const { problems } = ws.analyze();
    for (const [file, list] of problems) {
      void connection.sendDiagnostics({ uri: fileUri(ws.dir, file), diagnostics: list.map((p) => toDiagnostic(p.error, p.warning, ws.dir)) });
    }
  };

  // Changes arrive in bursts (one per keystroke); the project is checked once the burst is read.
  const schedule = (ws: Workspace) => {
    dirty.add(ws);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      for (const w of [...dirty]) {
        dirty.delete(w);
        try {
          publish(w);
        } catch (e) {
          // A fault in a check must not end the session: the editor keeps its other features.
          connection.console.error(`cairn lsp: checking ${w.dir} failed: ${(e as Error).stack ?? String(e)}`);
        }
      }
    });
  };

  const onBuffer = (doc: TextDocument) => {
    const at = locate(doc.uri);
    if (!at) return;
    at.ws.setBuffer(at.file, doc.getText());
    schedule(at.ws);
  };
  documents.onDidOpen((e) => onBuffer(e.document));
  documents.onDidChangeContent((e) => onBuffer(e.document));
  documents.onDidClose((e) => {
    const at = locate(e.document.uri);
    if (!at) return;
    at.ws.closeBuffer(at.file);
    schedule(at.ws);
  });

  // The workspace's own project is known from the start, for workspace symbols before any file is opened.
  connection.onInitialize((params) => {
    const roots = [...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])];
    for (const root of roots) {
      if (!root.startsWith('file:')) continue;
      const dir = fileURLToPath(root);
      if (!projects.has(dir) && existsSync(join(dir, 'cairn.json'))) projects.set(dir, new Workspace(dir));
    }
    return capabilities();
  });

  const capabilities = (): InitializeResult => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['.', '"', '/', ' '] },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      documentFormattingProvider: true,
    },
    serverInfo: { name: 'cairn' },
  });

  connection.onDidChangeWatchedFiles((e) => {
    for (const change of e.changes) {
      if (!change.uri.startsWith('file:') || documents.get(change.uri)) continue;
      // Assets and cairn.json belong to the project above them; scripts and walkthroughs as `locate` says.
      const path = fileURLToPath(change.uri);
      const dir = findProjectDir(path);
      const ws = dir === undefined ? undefined : projects.get(dir);
      if (!ws) continue;
      ws.reloadFromDisk(ws.relative(path));
      schedule(ws);
    }
  });

  /** The project, file and offset a request points at. */
  const place = (p: TextDocumentPositionParams) => {
    const doc = documents.get(p.textDocument.uri);
    const at = locate(p.textDocument.uri);
    if (!doc || !at) return undefined;
    return { ...at, doc, offset: doc.offsetAt(p.position) };
  };

  connection.onDefinition((p) => {
    const at = place(p);
    return at ? definition(at.ws, at.file, at.offset) : [];
  });
  connection.onReferences((p) => {
    const at = place(p);
    return at ? references(at.ws, at.file, at.offset, p.context.includeDeclaration) : [];
  });
  connection.onPrepareRename((p) => {
    const at = place(p);
    return at ? prepareRename(at.ws, at.file, at.offset) : null;
  });
  connection.onRenameRequest((p) => {
    const at = place(p);
    if (!at) return null;
    try {
      return rename(at.ws, at.file, at.offset, p.newName);
    } catch (e) {
      if (e instanceof RenameRefused) return new ResponseError(-32803, e.message);
      throw e;
    }
  });
  connection.onHover((p) => {
    const at = place(p);
    return at ? hover(at.ws, at.file, at.offset) : null;
  });
  connection.onCompletion((p) => {
    const at = place(p);
    if (!at) return [];
    const before = at.doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
    return complete(at.ws, at.file, at.offset, before, (from) => ({ start: { line: p.position.line, character: from }, end: p.position }), p.context?.triggerCharacter);
  });
  connection.onDocumentSymbol((p) => {
    const at = locate(p.textDocument.uri);
    return at ? documentSymbols(at.ws, at.file) : [];
  });
  connection.onWorkspaceSymbol((p) => [...projects.values()].flatMap((ws) => workspaceSymbols(ws, p.query)));
  connection.onDocumentFormatting((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc || !doc.uri.endsWith('.adv')) return [];
    const text = doc.getText();
    let formatted: string;
    try {
      formatted = formatSource(text, doc.uri);
    } catch (e) {
      if (isCairnError(e)) return []; // the diagnostics already say why it does not parse
      throw e;
    }
    return formatted === text ? [] : [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: formatted }];
  });

  documents.listen(connection);
}
