// "Open Alignment Report": the page `bitext report` writes, in a webview beside
// the editor, made again (debounced) as the document changes. Clicking a pair
// or a line in the page reveals it in the editor; the editor's cursor
// highlights its pair in the page (the page's own script does both when it
// finds itself in a webview).
import { spawn } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';

const refreshDelayMs = 400;

// Runs `bitext report -` on the text; resolves with the page.
export function renderReport(binary: string, text: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['report', '--stdin-name', name, '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`bitext report exited with ${code}: ${Buffer.concat(err).toString('utf8').trim()}`));
    });
    child.stdin.on('error', () => undefined);  // reported by 'close'
    child.stdin.end(text, 'utf8');
  });
}

export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private rendering = 0;

  static show(document: vscode.TextDocument, binary: () => Promise<string>, log: (m: string) => void): ReportPanel {
    if (ReportPanel.current !== undefined && ReportPanel.current.document === document) {
      ReportPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return ReportPanel.current;
    }
    ReportPanel.current?.dispose();
    const panel = vscode.window.createWebviewPanel(
      'bitext.report',
      `Alignment: ${path.basename(document.uri.path)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true },
    );
    ReportPanel.current = new ReportPanel(panel, document, binary, log);
    return ReportPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly document: vscode.TextDocument,
    private readonly binary: () => Promise<string>,
    private readonly log: (message: string) => void,
  ) {
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: { type?: string; line?: number }) => this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.highlight(event.selections[0].active.line);
      }),
    );
    void this.render();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), refreshDelayMs);
  }

  private async render(): Promise<void> {
    const serial = ++this.rendering;
    try {
      const name = vscode.workspace.asRelativePath(this.document.uri);
      const html = await renderReport(await this.binary(), this.document.getText(), name);
      if (serial === this.rendering) this.panel.webview.html = html;
    } catch (error) {
      this.log(`alignment report: ${String(error)}`);
      if (serial === this.rendering) void vscode.window.showErrorMessage(`Bitext: could not make the alignment report: ${String(error)}`);
    }
  }

  private receive(message: { type?: string; line?: number }): void {
    if (message.type === 'ready') {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
      if (editor !== undefined) this.highlight(editor.selection.active.line);
      return;
    }
    if (message.type !== 'reveal' || typeof message.line !== 'number') return;
    const line = Math.max(0, Math.min(message.line, this.document.lineCount - 1));
    const position = new vscode.Position(line, 0);
    void vscode.window
      .showTextDocument(this.document, { viewColumn: this.editorColumn(), preserveFocus: false })
      .then(
        (editor) => {
          editor.selection = new vscode.Selection(position, position);
          editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        },
        (error) => this.log(`alignment report: could not reveal line ${line + 1}: ${String(error)}`),
      );
  }

  private editorColumn(): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.document)?.viewColumn;
  }

  private highlight(line: number): void {
    void this.panel.webview.postMessage({ type: 'highlight', line });
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.panel.dispose();
  }
}
