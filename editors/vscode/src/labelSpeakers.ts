// "Bitext: Label Speakers": applies the server's "Label speakers" source
// action to the active document, which writes a label for each inferred
// speaker's turns in the style of the `bitext.speakerLabelStyle` setting.
import * as vscode from 'vscode';

export const labelSpeakersKind = vscode.CodeActionKind.Source.append('labelSpeakers');

export async function labelSpeakers(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return;
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    whole,
    labelSpeakersKind.value,
  );
  const action = actions?.find((candidate) => candidate.kind !== undefined && labelSpeakersKind.contains(candidate.kind));
  if (action === undefined) {
    void vscode.window.showInformationMessage(
      'Bitext: no speakers to label in this file (it has labels already, or no speakers could be inferred).',
    );
    return;
  }
  if (action.edit !== undefined) await vscode.workspace.applyEdit(action.edit);
  if (action.command !== undefined) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}
