// The `bitext.*` settings the server reads, shaped as the server expects them
// (src/lsp/settings.hpp): sent as initializationOptions, as the answer to
// `workspace/configuration` (section "bitext") and with
// `workspace/didChangeConfiguration`. Client-only settings (server.path, detect,
// trace.server, filePatterns) are left out.
import * as vscode from 'vscode';
import type { DocumentFilter } from 'vscode-languageclient';

import { keptLanguages } from './languages';

export const section = 'bitext';

// Always served, whatever `bitext.filePatterns` says.
export const builtinPattern = '**/*.zh-en.txt';

export interface ServerSettings {
  order?: string;
  layout?: string;
  translationLanguage?: string;
  placeholders?: { translation?: string; original?: string };
  rules?: Record<string, unknown>;
  contentChecks?: boolean;
  speakerLabelStyle?: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function serverSettings(scope?: vscode.ConfigurationScope): ServerSettings {
  const config = vscode.workspace.getConfiguration(section, scope);
  const settings: ServerSettings = {};
  const order = config.get<unknown>('order');
  if (typeof order === 'string' && order !== '') settings.order = order;
  const layout = config.get<unknown>('layout');
  if (typeof layout === 'string' && layout !== '') settings.layout = layout;
  const translationLanguage = config.get<unknown>('translationLanguage');
  if (typeof translationLanguage === 'string' && translationLanguage.trim() !== '')
    settings.translationLanguage = translationLanguage.trim();
  // An empty placeholder means "the server's default" (the server rejects it).
  const placeholders: { translation?: string; original?: string } = {};
  for (const side of ['translation', 'original'] as const) {
    const text = config.get<unknown>(`placeholders.${side}`);
    if (typeof text === 'string' && text.trim() !== '') placeholders[side] = text;
  }
  if (Object.keys(placeholders).length > 0) settings.placeholders = placeholders;
  const rules = config.get<unknown>('rules');
  if (isPlainObject(rules) && Object.keys(rules).length > 0) settings.rules = rules;
  const contentChecks = config.get<unknown>('contentChecks');
  if (typeof contentChecks === 'boolean') settings.contentChecks = contentChecks;
  const speakerLabelStyle = config.get<unknown>('speakerLabelStyle');
  if (typeof speakerLabelStyle === 'string' && speakerLabelStyle !== '') settings.speakerLabelStyle = speakerLabelStyle;
  return settings;
}

export function filePatterns(): string[] {
  const extra = vscode.workspace.getConfiguration(section).get<unknown>('filePatterns');
  const patterns = [builtinPattern];
  if (Array.isArray(extra)) {
    for (const pattern of extra) {
      if (typeof pattern === 'string' && pattern.trim() !== '' && !patterns.includes(pattern)) patterns.push(pattern);
    }
  }
  return patterns;
}

// The documents the client serves: the `bitext` language, plain text matching
// the built-in pattern, and any file matching a user pattern (whatever its
// language: the user asked for it).
export function documentSelector(): DocumentFilter[] {
  const selector: DocumentFilter[] = [];
  for (const scheme of ['file', 'untitled']) selector.push({ scheme, language: 'bitext' });
  selector.push({ scheme: 'file', language: 'plaintext', pattern: builtinPattern });
  // Markdown and subtitle languages keep their language when bilingual: the
  // client syncs them, and serves them once bitext/detect has said so.
  for (const language of keptLanguages) selector.push({ scheme: 'file', language });
  for (const pattern of filePatterns().slice(1)) selector.push({ scheme: 'file', pattern });
  return selector;
}

// Settings whose change needs a new server (the document selector and the
// binary are fixed when the client starts).
export function needsRestart(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${section}.server`) || event.affectsConfiguration(`${section}.filePatterns`);
}
