// The extension's entry point: starts `cairn lsp` (found by find-cairn.js)
// as the language server of `.adv` and `.walk` files through
// vscode-languageclient, which brings live errors, go to definition,
// references, rename, hover, completion, the outline and formatting.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { findCairn } = require('./find-cairn.js');

let client;

/** Called by VS Code when a Cairn file is first opened. */
async function activate(context) {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const setting = vscode.workspace.getConfiguration('cairn').get('server.path');
  const command = findCairn(folders, setting);
  if (!command) {
    void vscode.window.showWarningMessage('Cairn: no `cairn` command found in the workspace\'s node_modules or on PATH, so there are no live errors. Run `npm install` in the project, or set `cairn.server.path`.');
    return;
  }
  const serverOptions = { command, args: ['lsp'], options: { shell: process.platform === 'win32' && /\.cmd$/i.test(command) } };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'cairn' },
      { scheme: 'file', language: 'cairn-walk' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.adv,*.walk,cairn.json,assets/**}') },
  };
  client = new LanguageClient('cairn', 'Cairn', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  await client.start();
}

/** Called by VS Code on shutdown. */
function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
