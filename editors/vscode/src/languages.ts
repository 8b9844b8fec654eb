// Which documents may be transcripts, and how the extension treats them.
import * as vscode from 'vscode';

export const transcriptLanguage = 'bitext';

// Plain text (how .txt, and .srt/.vtt without a subtitle extension, open) is
// switched to the transcript language when it is bilingual.
export const switchableLanguages = ['plaintext'];

// Languages with features of their own (Markdown; subtitle languages that
// other extensions contribute): they keep their language, and the client
// serves them only once they are known to be bilingual.
export const keptLanguages = ['markdown', 'srt', 'vtt', 'webvtt', 'subtitles'];

// File names whose content is worth a look.
export const candidateExtensions = ['.txt', '.md', '.markdown', '.srt', '.vtt'];

// How much of the beginning the server reads to decide (as `bitext check` does for directories).
export const detectWindow = 64 * 1024;

export function isCandidate(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  const language = document.languageId;
  if (!switchableLanguages.includes(language) && !keptLanguages.includes(language)) return false;
  if (document.uri.scheme === 'untitled') return true;
  const name = document.uri.path.toLowerCase();
  return candidateExtensions.some((extension) => name.endsWith(extension));
}

// The answer of the server's `bitext/detect` request (src/lsp/detect.cpp).
export interface Detection {
  bilingual: boolean;
  order: 'translation-first' | 'original-first';
  translationScript: string;
  originalScript: string;
  pairs: number;
  bytesExamined: number;
  subtitles: boolean;
  speakers: boolean;
}
