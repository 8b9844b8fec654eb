// "Next/Previous Misaligned Pair" and the count in the status bar, from the
// diagnostics the server published (source "bitext").
import * as vscode from 'vscode';

export function bitextDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'bitext')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

// Index of the finding after (or before) `line`, wrapping around; -1 when none.
export function neighbourFinding(startLines: number[], line: number, forward: boolean): number {
  if (startLines.length === 0) return -1;
  if (forward) {
    const next = startLines.findIndex((start) => start > line);
    return next >= 0 ? next : 0;
  }
  for (let i = startLines.length - 1; i >= 0; --i) if (startLines[i] < line) return i;
  return startLines.length - 1;
}

// Pairs with an error or a warning: the lines they start on, counted once.
export function misalignedLines(diagnostics: readonly vscode.Diagnostic[]): number {
  const lines = new Set<number>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity <= vscode.DiagnosticSeverity.Warning) lines.add(diagnostic.range.start.line);
  }
  return lines.size;
}

export function goToNeighbourFinding(forward: boolean): void {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return;
  const diagnostics = bitextDiagnostics(editor.document.uri);
  const index = neighbourFinding(
    diagnostics.map((d) => d.range.start.line),
    editor.selection.active.line,
    forward,
  );
  if (index < 0) {
    void vscode.window.setStatusBarMessage('Bitext: no misaligned pairs in this file', 3000);
    return;
  }
  const start = diagnostics[index].range.start;
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(diagnostics[index].range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

// The line on the other side of the cursor's pair, from the server's definition.
export async function goToPairedLine(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return;
  const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
    'vscode.executeDefinitionProvider',
    editor.document.uri,
    editor.selection.active,
  );
  const first = result?.[0];
  if (first === undefined) {
    void vscode.window.setStatusBarMessage('Bitext: this line has no paired line', 3000);
    return;
  }
  const range = 'targetRange' in first ? first.targetSelectionRange ?? first.targetRange : first.range;
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

// The status item: the active transcript's count of misaligned pairs; opens Problems.
export class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('bitext.findings', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly serves: (document: vscode.TextDocument) => boolean) {
    this.item.name = 'Bitext Findings';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || !this.serves(editor.document)) {
      this.item.hide();
      return;
    }
    const diagnostics = bitextDiagnostics(editor.document.uri);
    const misaligned = misalignedLines(diagnostics);
    const notes = diagnostics.length - diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).length;
    this.item.text = misaligned === 0 ? '$(pass) aligned' : `$(warning) ${misaligned} misaligned`;
    this.item.tooltip =
      `Bitext: ${misaligned} ${misaligned === 1 ? 'pair' : 'pairs'} with errors or warnings` +
      (notes > 0 ? `, ${notes} ${notes === 1 ? 'note' : 'notes'}` : '') +
      ' in this file. Click to open the Problems view.';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
