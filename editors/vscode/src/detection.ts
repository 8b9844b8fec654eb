// Offers the Bilingual Transcript language for .txt, .md, .srt and .vtt files
// whose beginning pairs lines of two scripts. The server decides
// (`bitext/detect`, the same test as `bitext detect`); this only acts on the
// answer, as `bitext.detect` says: auto (switch, and say so once), ask, off.
import * as vscode from 'vscode';

import { Detection, detectWindow, isCandidate, keptLanguages, transcriptLanguage } from './languages';

const quietKey = 'bitext.detect.switchNoticeShown';

export type Requester = (method: string, params: unknown) => Promise<unknown>;

export class TranscriptDetector implements vscode.Disposable {
  private readonly decided = new Set<string>();  // URIs already looked at this session
  // Documents of a kept language (Markdown, subtitles) found bilingual: the client serves them.
  readonly bilingualKept = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  readonly onDidFindKeptTranscript = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly request: Requester,
    private readonly log: (message: string) => void,
  ) {}

  mode(document?: vscode.TextDocument): string {
    return vscode.workspace.getConfiguration('bitext', document).get<string>('detect') ?? 'auto';
  }

  async consider(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (this.decided.has(key) || !isCandidate(document)) return;
    const mode = this.mode(document);
    if (mode === 'off') return;
    this.decided.add(key);
    let detection: Detection;
    try {
      const text = document.getText().slice(0, detectWindow);
      detection = (await this.request('bitext/detect', { text })) as Detection;
    } catch (error) {
      this.log(`bitext/detect failed for ${document.uri.fsPath}: ${String(error)}`);
      this.decided.delete(key);
      return;
    }
    if (!detection?.bilingual || document.isClosed) return;
    const scripts = `${detection.translationScript}/${detection.originalScript}`;
    this.log(`${document.uri.fsPath}: bilingual transcript (${scripts}, ${detection.pairs} pairs in the first ${detection.bytesExamined} bytes)`);
    if (keptLanguages.includes(document.languageId)) {
      this.bilingualKept.add(key);
      this.changed.fire(document);
      return;
    }
    const name = vscode.workspace.asRelativePath(document.uri);
    if (mode === 'ask') {
      const choice = await vscode.window.showInformationMessage(
        `${name} looks like a bilingual transcript (${scripts}). Open it as Bilingual Transcript?`,
        'Switch',
        "Don't Ask Again",
      );
      if (choice === "Don't Ask Again") {
        await vscode.workspace.getConfiguration('bitext').update('detect', 'off', vscode.ConfigurationTarget.Global);
      }
      if (choice !== 'Switch') return;
      await vscode.languages.setTextDocumentLanguage(document, transcriptLanguage);
      return;
    }
    const switched = await vscode.languages.setTextDocumentLanguage(document, transcriptLanguage);
    if (this.context.globalState.get<boolean>(quietKey)) return;
    const choice = await vscode.window.showInformationMessage(
      `Bitext: ${name} is a bilingual transcript (${scripts}, ${detection.pairs} pairs at its start): opened as Bilingual Transcript.`,
      'Undo',
      "Don't Show Again",
    );
    if (choice === "Don't Show Again") await this.context.globalState.update(quietKey, true);
    if (choice === 'Undo') await vscode.languages.setTextDocumentLanguage(switched, 'plaintext');
  }

  forget(document: vscode.TextDocument): void {
    this.decided.delete(document.uri.toString());
    this.bilingualKept.delete(document.uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}
