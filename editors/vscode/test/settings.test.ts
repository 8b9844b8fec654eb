// The settings the extension hands to the server, in the server's shape
// (src/lsp/settings.hpp), and the documents it serves.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import type * as vscode from 'vscode';

import { documentSelector, filePatterns, needsRestart, serverSettings } from '../src/settings';
import { configuration, requestedKeys } from './fakeVscode';

beforeEach(() => configuration.clear());

// Client-only settings: read by the extension or vscode-languageclient, never sent.
const clientOnly = ['bitext.server.path', 'bitext.trace.server', 'bitext.filePatterns', 'bitext.detect'];

describe('serverSettings', () => {
  it('sends nothing the user has not set', () => {
    assert.deepEqual(serverSettings(), {});
  });
  it('maps every server setting to the server\'s key', () => {
    configuration.set('bitext.order', 'original-first');
    configuration.set('bitext.layout', 'srt');
    configuration.set('bitext.translationLanguage', 'en');
    configuration.set('bitext.placeholders.translation', '[ZH?]');
    configuration.set('bitext.placeholders.original', '[EN?]');
    configuration.set('bitext.rules', { 'length-ratio': { severity: 'hint' }, 'double-space': 'off' });
    configuration.set('bitext.contentChecks', false);
    configuration.set('bitext.speakerLabelStyle', 'both');
    assert.deepEqual(serverSettings(), {
      order: 'original-first',
      layout: 'srt',
      translationLanguage: 'en',
      placeholders: { translation: '[ZH?]', original: '[EN?]' },
      rules: { 'length-ratio': { severity: 'hint' }, 'double-space': 'off' },
      contentChecks: false,
      speakerLabelStyle: 'both',
    });
  });
  it('leaves out blank placeholders (the server\'s default applies) and values of the wrong type', () => {
    configuration.set('bitext.placeholders.translation', '   ');
    configuration.set('bitext.placeholders.original', '[EN?]');
    configuration.set('bitext.rules', ['not', 'an', 'object']);
    configuration.set('bitext.contentChecks', 'yes');
    configuration.set('bitext.order', 42);
    configuration.set('bitext.layout', ['srt']);
    configuration.set('bitext.translationLanguage', '  ');
    assert.deepEqual(serverSettings(), { placeholders: { original: '[EN?]' } });
  });
  it('reads exactly the settings package.json declares, apart from the client-only ones', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    const declared = Object.keys(manifest.contributes.configuration.properties).filter((key) => !clientOnly.includes(key));
    requestedKeys.clear();
    serverSettings();
    assert.deepEqual([...requestedKeys].sort(), declared.sort());
  });
});

describe('documents served', () => {
  it('always serves *.zh-en.txt and adds the user\'s patterns once each', () => {
    assert.deepEqual(filePatterns(), ['**/*.zh-en.txt']);
    configuration.set('bitext.filePatterns', ['**/*.srt', '', '**/*.zh-en.txt', 7, '**/*.srt', 'notes/*.txt']);
    assert.deepEqual(filePatterns(), ['**/*.zh-en.txt', '**/*.srt', 'notes/*.txt']);
    assert.deepEqual(documentSelector(), [
      { scheme: 'file', language: 'bitext' },
      { scheme: 'untitled', language: 'bitext' },
      { scheme: 'file', language: 'plaintext', pattern: '**/*.zh-en.txt' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'srt' },
      { scheme: 'file', language: 'vtt' },
      { scheme: 'file', language: 'webvtt' },
      { scheme: 'file', language: 'subtitles' },
      { scheme: 'file', pattern: '**/*.srt' },
      { scheme: 'file', pattern: 'notes/*.txt' },
    ]);
  });
  it('restarts for the server binary and the file patterns only', () => {
    const event = (...changed: string[]) =>
      ({ affectsConfiguration: (key: string) => changed.some((c) => c === key || c.startsWith(`${key}.`)) }) as vscode.ConfigurationChangeEvent;
    assert.equal(needsRestart(event('bitext.server.path')), true);
    assert.equal(needsRestart(event('bitext.filePatterns')), true);
    assert.equal(needsRestart(event('bitext.rules')), false);
    assert.equal(needsRestart(event('bitext.trace.server')), false);
  });
});
