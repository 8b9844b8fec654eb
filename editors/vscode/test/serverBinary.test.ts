// How the extension finds and checks the `bitext` executable, with small
// scripts standing in for good and bad binaries.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { expandSettingPath, findOnPath, probeVersion, resolveServer, ServerNotFoundError } from '../src/serverBinary';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bitext-server-binary-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

// Writes an executable shell script at dir/name (mode 0755 unless told).
function script(dir: string, name: string, body: string, mode = 0o755): string {
  const full = path.join(scratch, dir, name);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, `#!/bin/sh\n${body}\n`);
  fs.chmodSync(full, mode);
  return full;
}

const good = script('good', 'bitext', 'echo "bitext 0.1.0"');
const goodOnPath = script('path', 'bitext', 'echo "bitext 9.9.9"');
const impostor = script('impostor', 'bitext', 'echo "true (GNU coreutils) 9.1"');
const failing = script('failing', 'bitext', 'echo "cannot load libicu" >&2; exit 3');
const notExecutable = script('plain', 'bitext', 'echo "bitext 0.1.0"', 0o644);
const hanging = script('hanging', 'bitext', 'exec sleep 5');
const missing = path.join(scratch, 'missing', 'bitext');

describe('probeVersion', () => {
  it('returns the version printed as "bitext <version>"', async () => {
    assert.equal(await probeVersion(good), '0.1.0');
  });
  it('refuses another program, quoting what it printed', async () => {
    await assert.rejects(probeVersion(impostor), {
      message: '"--version" printed "true (GNU coreutils) 9.1", not "bitext <version>"',
    });
  });
  it('reports a failing binary with its exit and first stderr line', async () => {
    await assert.rejects(probeVersion(failing), (error: Error) => {
      assert.match(error.message, /^"--version" failed \(Command failed: .*\): cannot load libicu$/);
      return true;
    });
  });
  it('tells a file that is not executable from a missing one', async () => {
    await assert.rejects(probeVersion(notExecutable), { message: 'not executable' });
    await assert.rejects(probeVersion(missing), { message: 'no such file' });
  });
  it('gives up on a binary that does not answer', async () => {
    await assert.rejects(probeVersion(hanging, 300), { message: '"--version" did not answer within 0.3 s' });
  });
});

describe('findOnPath', () => {
  it('returns the first executable in PATH order, skipping non-executables and empty entries', () => {
    const pathVariable = ['', path.dirname(notExecutable), path.dirname(goodOnPath), path.dirname(good)].join(path.delimiter);
    assert.equal(findOnPath('bitext', pathVariable), goodOnPath);
  });
  it('returns undefined when no directory has it', () => {
    assert.equal(findOnPath('bitext', path.dirname(missing)), undefined);
  });
});

describe('expandSettingPath', () => {
  it('expands ~, ${userHome} and ${workspaceFolder}', () => {
    assert.equal(expandSettingPath('~/bin/bitext', '/ws'), path.join(os.homedir(), 'bin/bitext'));
    assert.equal(expandSettingPath('${userHome}/b', '/ws'), `${os.homedir()}/b`);
    assert.equal(expandSettingPath('${workspaceFolder}/build/bitext', '/ws'), '/ws/build/bitext');
  });
  it('takes a relative path from the workspace folder, but leaves a bare name to PATH lookup', () => {
    assert.equal(expandSettingPath('build/bitext', '/ws'), '/ws/build/bitext');
    assert.equal(expandSettingPath(' bitext ', '/ws'), 'bitext');
    assert.equal(expandSettingPath('build/bitext', undefined), 'build/bitext');
  });
});

describe('resolveServer', () => {
  const onPath = path.dirname(goodOnPath);
  it('uses the setting first, relative to the workspace folder', async () => {
    const found = await resolveServer('good/bitext', good.replace('good/bitext', 'unused'), scratch, onPath);
    assert.deepEqual(found, { path: good, version: '0.1.0', source: 'setting' });
  });
  it('never falls back when the setting is wrong', async () => {
    await assert.rejects(resolveServer(impostor, good, undefined, onPath), (error: unknown) => {
      assert.ok(error instanceof ServerNotFoundError);
      assert.equal(error.fromSetting, true);
      assert.equal(error.message,
        `The Bitext server set in "bitext.server.path" (${impostor}) does not work: ` +
          '"--version" printed "true (GNU coreutils) 9.1", not "bitext <version>".');
      return true;
    });
  });
  it('prefers the bundled binary to PATH', async () => {
    assert.deepEqual(await resolveServer('', good, undefined, onPath), { path: good, version: '0.1.0', source: 'bundled' });
  });
  it('falls back to PATH when the bundled binary is missing or broken', async () => {
    assert.deepEqual(await resolveServer('  ', missing, undefined, onPath), { path: goodOnPath, version: '9.9.9', source: 'PATH' });
    assert.deepEqual(await resolveServer('', failing, undefined, onPath), { path: goodOnPath, version: '9.9.9', source: 'PATH' });
  });
  it('says what it tried when nothing works', async () => {
    await assert.rejects(resolveServer('', impostor, undefined, path.dirname(missing)), (error: unknown) => {
      assert.ok(error instanceof ServerNotFoundError);
      assert.equal(error.fromSetting, false);
      assert.equal(error.message,
        `No working Bitext server found (bundled binary ${impostor}: ` +
          '"--version" printed "true (GNU coreutils) 9.1", not "bitext <version>"; "bitext" on PATH: not found). ' +
          'Install bitext or set "bitext.server.path".');
      return true;
    });
  });
});
