// The status-bar item showing the server's state; clicking it opens the
// Bitext output channel (where the server logs and traces go).
import * as vscode from 'vscode';

export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running'; version: string; path: string }
  | { kind: 'stopped'; reason?: string }
  | { kind: 'failed'; reason: string };

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(showOutputCommand: string) {
    this.item = vscode.window.createStatusBarItem('bitext.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Bitext Server';
    this.item.command = showOutputCommand;
  }

  set(state: ServerState): void {
    const item = this.item;
    item.backgroundColor = undefined;
    switch (state.kind) {
      case 'starting':
        item.text = '$(sync~spin) Bitext';
        item.tooltip = 'Bitext server: starting. Click to show the output.';
        break;
      case 'running':
        item.text = '$(check) Bitext';
        item.tooltip = `Bitext server ${state.version}: running (${state.path}). Click to show the output.`;
        break;
      case 'stopped':
        item.text = '$(circle-slash) Bitext';
        item.tooltip = `Bitext server: stopped${state.reason ? ` (${state.reason})` : ''}. Click to show the output; run "Bitext: Restart Server" to start it.`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'failed':
        item.text = '$(error) Bitext';
        item.tooltip = `Bitext server: not running. ${state.reason} Click to show the output.`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
    }
    item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
