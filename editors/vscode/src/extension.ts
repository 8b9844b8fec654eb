// Entry point. The server starts when the first document it serves is opened
// (activation also happens for every plain-text and Markdown file, which may
// not be a transcript), and restarts when its binary or file patterns change.
// Candidate files (.txt, .md, .srt, .vtt) are shown to the server's
// bitext/detect, which says whether they are bilingual transcripts.
import * as vscode from 'vscode';

import { TranscriptDetector } from './detection';
import { FindingsStatus, goToNeighbourFinding, goToPairedLine } from './findingNavigation';
import { labelSpeakers } from './labelSpeakers';
import { isCandidate, keptLanguages } from './languages';
import { ReportPanel } from './reportPanel';
import { ServerSession } from './serverSession';
import * as settings from './settings';
import { StatusItem } from './statusItem';

let session: ServerSession | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Bitext');
  const status = new StatusItem('bitext.showOutput');
  const log = (message: string): void => output.appendLine(`[bitext] ${message}`);
  let detector: TranscriptDetector | undefined = undefined;
  // Markdown and subtitle documents are synced but served only once known bilingual.
  const servesUri = (uri: vscode.Uri): boolean => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document === undefined || !keptLanguages.includes(document.languageId)) return true;
    return detector?.bilingualKept.has(uri.toString()) ?? false;
  };
  const current = new ServerSession(context, output, status, servesUri);
  session = current;
  detector = new TranscriptDetector(context, (method, params) => current.request(method, params), log);
  const isServed = (document: vscode.TextDocument): boolean =>
    vscode.languages.match(settings.documentSelector() as vscode.DocumentSelector, document) > 0 &&
    servesUri(document.uri);
  const findings = new FindingsStatus(isServed);
  context.subscriptions.push(output, status, detector, findings);

  const binary = async (): Promise<string> => {
    if (current.binaryPath === undefined) await current.request('bitext/detect', { text: '' });
    const found = current.binaryPath;
    if (found === undefined) throw new Error('the Bitext server is not running');
    return found;
  };
  const inTranscript = (run: (editor: vscode.TextEditor) => unknown) => () => {
    const editor = vscode.window.activeTextEditor;
    if (editor !== undefined) return run(editor);
    return undefined;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('bitext.restartServer', () => current.restart()),
    vscode.commands.registerCommand('bitext.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('bitext.goToPairedLine', () => goToPairedLine()),
    vscode.commands.registerCommand('bitext.nextMisalignedPair', () => goToNeighbourFinding(true)),
    vscode.commands.registerCommand('bitext.previousMisalignedPair', () => goToNeighbourFinding(false)),
    vscode.commands.registerCommand('bitext.labelSpeakers', () => labelSpeakers()),
    vscode.commands.registerCommand(
      'bitext.openReport',
      inTranscript((editor) => ReportPanel.show(editor.document, binary, log)),
    ),
    detector.onDidFindKeptTranscript(() => findings.update()),
  );

  const startIfServed = (document: vscode.TextDocument): void => {
    if (!current.wanted && isServed(document)) void current.start();
    if (isCandidate(document)) void detector?.consider(document);
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
