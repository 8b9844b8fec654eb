// Finds the `bitext` executable the way clangd and rust-analyzer do: the
// `bitext.server.path` setting, else the binary bundled in the extension, else
// `bitext` on PATH. Each candidate must answer `--version` with
// "bitext <version>", so a wrong file is reported before the client starts.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type ServerSource = 'setting' | 'bundled' | 'PATH';

export interface ServerBinary {
  path: string;
  version: string;
  source: ServerSource;
}

// Thrown when no candidate works. `fromSetting` says the user's own setting
// is at fault, so the message should send them to it.
export class ServerNotFoundError extends Error {
  constructor(message: string, readonly fromSetting: boolean) {
    super(message);
    this.name = 'ServerNotFoundError';
  }
}

// Runs `binary --version` and returns the version it prints.
export function probeVersion(binary: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, ['--version'], { timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new Error('no such file'));
        else if (code === 'EACCES') reject(new Error('not executable'));
        else if (error.killed) reject(new Error(`"--version" did not answer within ${timeoutMs / 1000} s`));
        else {
          const detail = String(stderr).trim().split('\n')[0] ?? '';
          reject(new Error(`"--version" failed (${error.message.split('\n')[0]})${detail ? ': ' + detail : ''}`));
        }
        return;
      }
      const match = /^bitext\s+(\S+)/m.exec(String(stdout));
      if (!match) {
        const shown = String(stdout).trim().slice(0, 80);
        reject(new Error(`"--version" printed ${JSON.stringify(shown)}, not "bitext <version>"`));
        return;
      }
      resolve(match[1]);
    });
  });
}

// Expands `~`, `${userHome}` and `${workspaceFolder}`; a relative path is
// taken relative to the workspace folder (or kept as is without one).
export function expandSettingPath(value: string, workspaceFolder: string | undefined): string {
  let expanded = value.trim();
  expanded = expanded.replace(/\$\{userHome\}/g, os.homedir());
  if (workspaceFolder !== undefined) expanded = expanded.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  if (expanded === '~' || expanded.startsWith('~/')) expanded = path.join(os.homedir(), expanded.slice(1));
  if (!path.isAbsolute(expanded) && workspaceFolder !== undefined && expanded.includes(path.sep)) {
    expanded = path.resolve(workspaceFolder, expanded);
  }
  return expanded;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// The first executable `name` in the PATH directories, like `command -v`.
export function findOnPath(name: string, pathVariable = process.env.PATH ?? ''): string | undefined {
  const names = process.platform === 'win32' ? [name + '.exe', name] : [name];
  for (const dir of pathVariable.split(path.delimiter)) {
    if (dir === '') continue;
    for (const candidate of names) {
      const file = path.join(dir, candidate);
      if (isExecutableFile(file)) return file;
    }
  }
  return undefined;
}

export async function resolveServer(
  configured: string,
  bundled: string,
  workspaceFolder: string | undefined,
  pathVariable = process.env.PATH ?? '',
): Promise<ServerBinary> {
  if (configured.trim() !== '') {
    // An explicit setting is never silently replaced by another binary.
    const file = expandSettingPath(configured, workspaceFolder);
    try {
      return { path: file, version: await probeVersion(file), source: 'setting' };
    } catch (error) {
      throw new ServerNotFoundError(
        `The Bitext server set in "bitext.server.path" (${file}) does not work: ${(error as Error).message}.`,
        true,
      );
    }
  }
  const tried: string[] = [];
  const candidates: Array<{ file: string | undefined; source: ServerSource; label: string }> = [
    { file: bundled, source: 'bundled', label: `bundled binary ${bundled}` },
  ];
  const onPath = findOnPath('bitext', pathVariable);
  candidates.push({ file: onPath, source: 'PATH', label: `"bitext" on PATH${onPath ? ` (${onPath})` : ''}` });
  for (const { file, source, label } of candidates) {
    if (file === undefined || !fs.existsSync(file)) {
      tried.push(`${label}: not found`);
      continue;
    }
    try {
      return { path: file, version: await probeVersion(file), source };
    } catch (error) {
      tried.push(`${label}: ${(error as Error).message}`);
    }
  }
  throw new ServerNotFoundError(
    `No working Bitext server found (${tried.join('; ')}). Install bitext or set "bitext.server.path".`,
    false,
  );
}
