// One run of the Bitext language client: finds the server, starts it, keeps
// the status item in step with it, and stops it. Start, stop and restart are
// serialised, so a restart while starting cannot leave two servers running.
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  Middleware,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import type { ConfigurationParams } from 'vscode-languageclient';

import { resolveServer, ServerBinary, ServerNotFoundError } from './serverBinary';
import * as settings from './settings';
import { StatusItem } from './statusItem';

export const clientId = 'bitext'; // also the prefix of `bitext.trace.server`

// `bitext.server.path` is machine-overridable: in a remote window (SSH,
// containers, code-server) the User tab hides it, the Remote tab has it.
function openServerSettings(query: string): void {
  const command = vscode.env.remoteName ? 'workbench.action.openRemoteSettings' : 'workbench.action.openSettings';
  void vscode.commands.executeCommand(command, { query });
}

// Middleware that answers nothing for documents the client must not serve
// yet, and hides their diagnostics.
function gatedFeatures(serves: (uri: vscode.Uri) => boolean): Middleware {
  // Every provider middleware gets the document first and `next` last.
  const byDocument = (...args: unknown[]): unknown => {
    const next = args[args.length - 1] as (...rest: unknown[]) => unknown;
    const rest = args.slice(0, -1);
    return serves((rest[0] as vscode.TextDocument).uri) ? next(...rest) : undefined;
  };
  return {
    handleDiagnostics: (uri, diagnostics, next) => next(uri, serves(uri) ? diagnostics : []),
    provideHover: byDocument as unknown as Middleware['provideHover'],
    provideDefinition: byDocument as unknown as Middleware['provideDefinition'],
    provideDocumentHighlights: byDocument as unknown as Middleware['provideDocumentHighlights'],
    provideDocumentSymbols: byDocument as unknown as Middleware['provideDocumentSymbols'],
    provideCodeActions: byDocument as unknown as Middleware['provideCodeActions'],
    provideFoldingRanges: byDocument as unknown as Middleware['provideFoldingRanges'],
    provideDocumentSemanticTokens: byDocument as unknown as Middleware['provideDocumentSemanticTokens'],
    provideDocumentRangeSemanticTokens: byDocument as unknown as Middleware['provideDocumentRangeSemanticTokens'],
  };
}

export class ServerSession implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private binary: ServerBinary | undefined;
  private queue: Promise<void> = Promise.resolve();
  private started = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    private readonly status: StatusItem,
    // False for a document the client syncs but must not serve yet (a
    // Markdown or subtitle file not known to be bilingual).
    private readonly serves: (uri: vscode.Uri) => boolean = () => true,
  ) {}

  // The running server's executable (for `bitext report`), once started.
  get binaryPath(): string | undefined {
    return this.client !== undefined ? this.binary?.path : undefined;
  }

  // A request to the server, starting it first when needed.
  async request(method: string, params: unknown): Promise<unknown> {
    if (this.client === undefined) await this.start();
    await this.queue;
    const client = this.client;
    if (client === undefined || !client.isRunning()) throw new Error('the Bitext server is not running');
    return client.sendRequest(method, params);
  }

  // True once a start was asked for (by a matching document or the command).
  get wanted(): boolean {
    return this.started;
  }

  start(): Promise<void> {
    this.started = true;
    return this.enqueue(() => this.doStart());
  }

  restart(): Promise<void> {
    this.started = true;
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  // Pushes the current `bitext.*` settings to a running server.
  notifySettingsChanged(): void {
    const client = this.client;
    if (client === undefined || !client.isRunning()) return;
    client
      .sendNotification(DidChangeConfigurationNotification.type, {
        settings: { [settings.section]: settings.serverSettings() },
      })
      .catch((error: unknown) => this.log(`could not send the new settings: ${String(error)}`));
  }

  async dispose(): Promise<void> {
    await this.stop();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private log(message: string): void {
    this.output.appendLine(`[bitext] ${message}`);
  }

  private async doStart(): Promise<void> {
    if (this.client !== undefined) return;
    this.status.set({ kind: 'starting' });
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const configured = vscode.workspace.getConfiguration(settings.section).get<string>('server.path') ?? '';
    const bundled = path.join(this.context.extensionPath, 'server', process.platform === 'win32' ? 'bitext.exe' : 'bitext');
    try {
      this.binary = await resolveServer(configured, bundled, workspaceFolder);
    } catch (error) {
      const message = (error as Error).message;
      this.log(message);
      this.status.set({ kind: 'failed', reason: message });
      const fromSetting = error instanceof ServerNotFoundError && error.fromSetting;
      void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output').then((choice) => {
        if (choice === 'Open Settings') openServerSettings(fromSetting ? 'bitext.server.path' : 'bitext.server');
        else if (choice === 'Show Output') {
          this.output.show(true);
        }
      });
      return;
    }
    const binary = this.binary;
    this.log(`using ${binary.path} (bitext ${binary.version}, from ${binary.source})`);

    // vscode-languageclient appends --stdio to the arguments.
    const executable = { command: binary.path, args: ['lsp'], transport: TransportKind.stdio };
    const serverOptions: ServerOptions = { run: executable, debug: executable };
    const clientOptions: LanguageClientOptions = {
      documentSelector: settings.documentSelector(),
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: () => settings.serverSettings(),
      middleware: {
        ...gatedFeatures(this.serves),
        workspace: {
          // Answer section "bitext" with the settings in the server's shape.
          configuration: async (params: ConfigurationParams, token, next) => {
            const answers = await next(params, token);
            if (!Array.isArray(answers)) return answers;
            return params.items.map((item, i) => {
              if (item.section !== settings.section) return answers[i];
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              return settings.serverSettings(scope);
            });
          },
        },
      },
    };
    const client = new LanguageClient(clientId, 'Bitext', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((event) => {
      if (this.client !== client) return;
      if (event.newState === State.Running) {
        this.status.set({ kind: 'running', version: binary.version, path: binary.path });
      } else if (event.newState === State.Starting) {
        this.status.set({ kind: 'starting' });
      } else {
        this.status.set({ kind: 'stopped', reason: 'the server exited' });
      }
    });
    try {
      await client.start();
      this.status.set({ kind: 'running', version: binary.version, path: binary.path });
    } catch (error) {
      const message = `The Bitext server (${binary.path}) failed to start: ${(error as Error).message}`;
      this.log(message);
      this.status.set({ kind: 'failed', reason: message });
      this.client = undefined;
      await client.dispose().catch(() => undefined);
      void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
        if (choice === 'Show Output') this.output.show(true);
      });
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    try {
      // Waits for shutdown/exit; the client kills the server if it hangs.
      await client.stop(5000);
    } catch (error) {
      this.log(`stopping the server: ${String(error)}`);
    }
    await client.dispose().catch(() => undefined);
    this.status.set({ kind: 'stopped', reason: 'stopped by the extension' });
  }
}
