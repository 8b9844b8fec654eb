// The alignment report's stylesheet and script, inlined into every page so the
// page needs nothing else. Colours come from VS Code's theme variables when the
// page is shown in a webview, and follow the system's light or dark scheme
// otherwise.
#include "cli/html_report.hpp"

namespace bitext::cli {

std::string_view report_style() {
  return R"CSS(:root { color-scheme: light dark;
  --fg: var(--vscode-editor-foreground, #1f2328); --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #656d76); --rule: var(--vscode-panel-border, #d0d7de);
  --current: var(--vscode-editor-selectionHighlightBackground, #fff3b0);
  --error: var(--vscode-editorError-foreground, #cf222e); --warning: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da); --hint: var(--vscode-descriptionForeground, #656d76); }
@media (prefers-color-scheme: dark) { :root {
  --fg: var(--vscode-editor-foreground, #e6edf3); --bg: var(--vscode-editor-background, #0d1117);
  --muted: var(--vscode-descriptionForeground, #8d96a0); --rule: var(--vscode-panel-border, #30363d);
  --current: var(--vscode-editor-selectionHighlightBackground, #3b3a1e);
  --error: var(--vscode-editorError-foreground, #f85149); --warning: var(--vscode-editorWarning-foreground, #d29922);
  --info: var(--vscode-editorInfo-foreground, #58a6ff); } }
body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: var(--fg); background: var(--bg); margin: 0 auto; padding: 0 1rem 4rem; max-width: 80rem; }
h1 { font-size: 1.3rem; margin: 1.2rem 0 .4rem; word-break: break-all; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
h2.chapter { border-bottom: 1px solid var(--rule); }
h3.speaker { font-size: 1rem; margin: 1rem 0 .2rem; color: var(--info); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .4rem 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
nav.strip { display: flex; position: sticky; top: 0; z-index: 2; height: 1.6rem; margin: .6rem 0;
  border: 1px solid var(--rule); background: var(--bg); }
nav.strip .cell { flex: 1 1 0; min-width: 1px; position: relative; }
nav.strip .cell.flagged::after { content: ""; position: absolute; left: 0; right: 0; bottom: 0; height: 4px;
  background: var(--fg); opacity: .7; }
nav.strip .cell.current { outline: 2px solid var(--fg); outline-offset: -2px; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; margin: .5rem 0 1rem; }
.filters fieldset { border: 1px solid var(--rule); }
.filters label { margin-right: .8rem; white-space: nowrap; }
table { border-collapse: collapse; } th, td { padding: .1rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; }
td.total, td.pairs { font-variant-numeric: tabular-nums; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2rem; padding: .3rem .4rem; margin: 0 -.4rem;
  border-bottom: 1px solid var(--rule); scroll-margin-top: 2.5rem; }
.pair.current { background: var(--current); }
.pair.filtered-out { display: none; }
.pair-head { grid-column: 1 / -1; font-size: .8rem; color: var(--muted); border-left: 4px solid; padding-left: .4rem; }
.pair-head a { color: inherit; } .pair-head .markup { font-family: ui-monospace, monospace; margin-left: .6rem; }
.side p, .matter p { margin: .1rem 0; white-space: pre-wrap; overflow-wrap: anywhere; cursor: pointer; }
.side.original { color: var(--fg); opacity: .85; }
.ln { display: inline-block; min-width: 2.6rem; color: var(--muted); font-size: .75rem; font-variant-numeric: tabular-nums; }
.missing { color: var(--error); font-style: italic; }
ul.findings { grid-column: 1 / -1; list-style: none; margin: .2rem 0; padding: 0; }
ul.findings li { margin: .1rem 0; padding-left: .5rem; border-left: 3px solid; cursor: pointer; }
li.error { border-color: var(--error); } li.warning { border-color: var(--warning); }
li.info { border-color: var(--info); } li.hint { border-color: var(--hint); }
.severity { font-weight: 600; text-transform: uppercase; font-size: .7rem; }
li.error .severity { color: var(--error); } li.warning .severity { color: var(--warning); }
li.info .severity { color: var(--info); } li.hint .severity { color: var(--hint); }
.where { color: var(--muted); font-size: .8rem; }
.error { color: var(--error); }
section.file + section.file { border-top: 3px double var(--rule); margin-top: 2rem; }
)CSS";
}

std::string_view report_script() {
  return R"JS((function () {
  'use strict';
  // Inside a VS Code webview: clicking a line reveals it in the editor, and the
  // editor's cursor line is highlighted here.
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;

  function applyFilters(section) {
    var severities = {}, codes = {};
    section.querySelectorAll('input[data-filter=severity]').forEach(function (box) { severities[box.value] = box.checked; });
    section.querySelectorAll('input[data-filter=code]').forEach(function (box) { codes[box.value] = box.checked; });
    var flaggedOnly = section.querySelector('input[data-filter=flagged-only]');
    section.querySelectorAll('li.finding').forEach(function (item) {
      item.hidden = !severities[item.dataset.severity] || codes[item.dataset.code] === false;
    });
    section.querySelectorAll('.pair').forEach(function (pair) {
      var shown = pair.querySelector('li.finding:not([hidden])') !== null;
      pair.classList.toggle('filtered-out', !!(flaggedOnly && flaggedOnly.checked && !shown));
    });
  }

  var current = null;
  function markCurrent(pair, scroll) {
    if (current) current.classList.remove('current');
    var cell = current && document.querySelector('.strip .cell.current');
    if (cell) cell.classList.remove('current');
    current = pair;
    if (!pair) return;
    pair.classList.add('current');
    var section = pair.closest('section.file');
    var mark = section && section.querySelector('.strip .cell[data-pair="' + pair.dataset.pair + '"]');
    if (mark) mark.classList.add('current');
    if (scroll) pair.scrollIntoView({ block: scroll });
  }

  // The pair holding a 0-based document line, by binary search over the pairs' line ranges.
  function pairOfLine(section, line) {
    var pairs = section.querySelectorAll('.pair'), lo = 0, hi = pairs.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, pair = pairs[mid];
      if (line < +pair.dataset.firstLine) hi = mid - 1;
      else if (line > +pair.dataset.lastLine) lo = mid + 1;
      else return pair;
    }
    return null;
  }

  document.querySelectorAll('section.file').forEach(function (section) {
    section.querySelectorAll('.filters input').forEach(function (box) {
      box.addEventListener('change', function () { applyFilters(section); });
    });
    applyFilters(section);
    section.querySelectorAll('.strip .cell').forEach(function (cell) {
      cell.addEventListener('click', function (event) {
        event.preventDefault();
        var pair = document.getElementById(cell.getAttribute('href').slice(1));
        if (pair) {
          pair.classList.remove('filtered-out');
          markCurrent(pair, 'center');
          if (vscode) vscode.postMessage({ type: 'reveal', line: +pair.dataset.firstLine });
        }
      });
    });
  });

  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-line]');
    if (!target || target.closest('.strip')) return;
    var pair = target.closest('.pair');
    if (pair) markCurrent(pair, null);
    if (vscode) vscode.postMessage({ type: 'reveal', line: +target.dataset.line });
  });

  if (vscode) {
    window.addEventListener('message', function (event) {
      var message = event.data;
      if (!message || message.type !== 'highlight') return;
      var section = document.querySelector('section.file');
      var pair = section && pairOfLine(section, message.line);
      if (pair !== current) markCurrent(pair, pair ? 'nearest' : null);
    });
    vscode.postMessage({ type: 'ready' });
  }
  if (location.hash) {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.classList.contains('pair')) markCurrent(target, 'center');
  }
  document.body.dataset.ready = 'true';
})();
)JS";
}

}  // namespace bitext::cli
