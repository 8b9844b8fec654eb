// Entry point. The server starts when the first document it serves is opened
// (activation also happens for every plain-text file, which may not be a
// transcript), and restarts when its binary or file patterns change.
import * as vscode from 'vscode';

import { ServerSession } from './serverSession';
import * as settings from './settings';
import { StatusItem } from './statusItem';

let session: ServerSession | undefined;

function isServed(document: vscode.TextDocument): boolean {
  return vscode.languages.match(settings.documentSelector() as vscode.DocumentSelector, document) > 0;
}

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Bitext');
  const status = new StatusItem('bitext.showOutput');
  const current = new ServerSession(context, output, status);
  session = current;
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('bitext.restartServer', () => current.restart()),
    vscode.commands.registerCommand('bitext.showOutput', () => output.show(true)),
  );

  const startIfServed = (document: vscode.TextDocument): void => {
    if (!current.wanted && isServed(document)) void current.start();
  };
  vscode.workspace.textDocuments.forEach(startIfServed);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startIfServed));

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(settings.section)) return;
      if (settings.needsRestart(event)) {
        if (current.wanted) void current.restart();
        else vscode.workspace.textDocuments.forEach(startIfServed);
      } else {
        current.notifySettingsChanged();
      }
    }),
  );
}

export async function deactivate(): Promise<void> {
  const current = session;
  session = undefined;
  await current?.stop();
}
