-- Neovim (0.7+) as an LSP client of `bitext lsp`, driven headless by run_e2e.sh.
-- Uses the shipped editors/nvim plugin to register the server, opens the broken
-- transcript given on the command line and checks, as a user would see them:
-- the diagnostic, hover, go to partner, the outline, and a quick fix that
-- clears the diagnostic. Case facts come from E2E_* environment variables.
-- Exit status: 0 all assertions held, 1 some failed, 2 the driver itself broke.

local failures = 0
local function out(msg) io.stdout:write(msg .. '\n'); io.stdout:flush() end
local function fail(what, expected, got)
  failures = failures + 1
  io.stderr:write(string.format('FAIL [%s] %s\n  expected: %s\n  got:      %s\n',
    os.getenv('E2E_CASE') or '?', what, tostring(expected), tostring(got)))
  io.stderr:flush()
end
local started = vim.loop.hrtime()
-- Log the start of a step (shows where a run that times out was stuck).
local function step(name)
  out(string.format('[%s] %5.2fs %s', os.getenv('E2E_CASE') or '?', (vim.loop.hrtime() - started) / 1e9, name))
end
local function check_eq(what, expected, got)
  if not vim.deep_equal(expected, got) then fail(what, vim.inspect(expected), vim.inspect(got)); return false end
  return true
end
local function check(what, cond, expected, got)
  if not cond then fail(what, expected, got) end
  return cond
end
-- A failure after which the next steps make no sense.
local Abort = {}
local function require_that(what, cond, expected, got)
  if not cond then fail(what, expected, got); error(Abort) end
end

local function env(name, optional)
  local v = os.getenv(name)
  if (v == nil or v == '') and not optional then error('driver: environment variable ' .. name .. ' not set') end
  if v == '' then return nil end
  return v
end
local function env_int(name, optional)
  local v = env(name, optional)
  return v and tonumber(v) or nil
end
local function ints(s)
  local t = {}
  for w in (s or ''):gmatch('%S+') do t[#t + 1] = tonumber(w) end
  return t
end

local STRUCTURAL = {
  ['missing-translation'] = true, ['missing-original'] = true, ['swapped-order'] = true,
  ['duplicate-line'] = true, ['split-line'] = true, ['untranslated'] = true,
  ['empty-line'] = true, ['invalid-utf8'] = true,
}
local TIMEOUT_MS = 10000

-- Raw publishDiagnostics params as the server sent them, in arrival order.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[#published + 1] = vim.deepcopy(result)
  return default_publish(err, result, ctx, config)
end

local function hover_text(result)
  if result == nil then return '' end
  local function piece(c)
    if type(c) == 'string' then return c end
    if type(c) == 'table' and c.value then return c.value end
    return ''
  end
  local c = result.contents
  if type(c) == 'table' and c.value == nil and c.kind == nil then
    local parts = {}
    for _, p in ipairs(c) do parts[#parts + 1] = piece(p) end
    return table.concat(parts, '\n')
  end
  return piece(c)
end

local function locations(result)
  if result == nil then return {} end
  if result.uri or result.targetUri then result = { result } end
  local t = {}
  for _, l in ipairs(result) do
    t[#t + 1] = { uri = l.uri or l.targetUri, range = l.range or l.targetSelectionRange }
  end
  return t
end

local function read_file(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

local function structural(diags)
  local t = {}
  for _, d in ipairs(diags or {}) do
    if STRUCTURAL[d.code] then t[#t + 1] = d end
  end
  return t
end

local function describe(diags)
  local parts = {}
  for _, d in ipairs(diags or {}) do
    parts[#parts + 1] = string.format('%s@%d:%d-%d:%d', tostring(d.code), d.range.start.line,
      d.range.start.character, d.range['end'].line, d.range['end'].character)
  end
  return '[' .. table.concat(parts, ', ') .. ']'
end

-- The outline as lines "depth:name" (depth 0 at the top), in order.
local function outline_lines(symbols, depth, into)
  into = into or {}
  for _, s in ipairs(symbols or {}) do
    into[#into + 1] = (depth or 0) .. ':' .. s.name
    outline_lines(s.children, (depth or 0) + 1, into)
  end
  return into
end

-- Opens a Markdown or subtitle transcript: the plugin attaches the server and
-- leaves the filetype alone; the diagnostics (code@line, sorted) and the
-- outline ("depth:name" lines) are those of E2E_<LAYOUT>_DIAGS / _OUTLINE
-- (fields separated by "|"), worked out by hand in run_e2e.sh.
local function check_layout_file(layout, path)
  step('layout ' .. layout .. ': ' .. path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  check_eq(layout .. ': filetype kept', env('E2E_' .. layout .. '_FILETYPE', true) or '', vim.bo[bufnr].filetype)
  local attached = vim.wait(TIMEOUT_MS, function() return next(vim.lsp.buf_get_clients(bufnr)) ~= nil end, 10)
  if not check(layout .. ': a bitext client attached', attached, 'one client', 'none') then return end
  local diags
  vim.wait(TIMEOUT_MS, function()
    for _, p in ipairs(published) do
      if p.uri == uri then diags = p.diagnostics; return true end
    end
    return false
  end, 10)
  local got = {}
  for _, d in ipairs(diags or {}) do got[#got + 1] = tostring(d.code) .. '@' .. d.range.start.line end
  table.sort(got, function(a, b)
    local la, lb = tonumber(a:match('@(%d+)$')), tonumber(b:match('@(%d+)$'))
    if la ~= lb then return la < lb end
    return a < b
  end)
  local want = vim.split(env('E2E_' .. layout .. '_DIAGS', true) or '', '|', { plain = true, trimempty = true })
  check_eq(layout .. ': diagnostics (code@line)', want, got)
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, TIMEOUT_MS)
  local _, r = next(res or {})
  local want_outline = vim.split(env('E2E_' .. layout .. '_OUTLINE'), '|', { plain = true })
  check_eq(layout .. ': outline (depth:name)', want_outline, outline_lines(r and r.result))
end

local function main()
  local file = env('E2E_FILE')
  local code = env('E2E_CODE')
  local diag_line = env_int('E2E_DIAG_LINE')
  local hand_end_col = env_int('E2E_DIAG_END_COL', true)
  local related_line = env_int('E2E_RELATED_LINE', true)
  local hover_line, hover_want = env_int('E2E_HOVER_LINE'), env('E2E_HOVER_TEXT')
  local partner_line = env_int('E2E_PARTNER_LINE')
  local pair_starts = ints(env('E2E_PAIR_STARTS'))
  local front, back = ints(env('E2E_FRONT_LINES')), ints(env('E2E_BACK_LINES'))
  local fixed_hover_want = env('E2E_FIXED_HOVER_TEXT', true)

  local bufnr = vim.fn.bufnr(file)
  require_that('the transcript is loaded in a buffer', bufnr > 0, file, bufnr)
  vim.api.nvim_set_current_buf(bufnr)
  local uri = vim.uri_from_bufnr(bufnr)

  -- 1. The plugin recognised the bilingual .txt and attached the server.
  step('filetype and attach')
  check_eq('filetype of the transcript set by editors/nvim', 'bitext', vim.bo[bufnr].filetype)
  local crlf = env('E2E_LINE_END', true) == 'crlf'
  if crlf then check_eq("'fileformat' of the CRLF transcript (Neovim sends CRLF text)", 'dos', vim.bo[bufnr].fileformat) end
  -- Neovim 0.7 lists a client for the buffer once its initialize is answered.
  local attached = vim.wait(TIMEOUT_MS, function() return next(vim.lsp.buf_get_clients(bufnr)) ~= nil end, 10)
  require_that('a bitext client attached to the buffer and initialized', attached, 'one client', 'none')

  -- 2. The diagnostic arrives, for the version the editor opened.
  step('diagnostic on open')
  local opened_version = vim.lsp.util.buf_versions[bufnr]
  local first
  local ok = vim.wait(TIMEOUT_MS, function()
    for _, p in ipairs(published) do
      if p.uri == uri then first = p; return true end
    end
    return false
  end, 10)
  require_that('publishDiagnostics for ' .. uri .. ' within ' .. TIMEOUT_MS .. ' ms', ok,
    'a notification', vim.inspect(published))
  check_eq('publishDiagnostics version (echo of the opened version)', opened_version, first.version)
  local found = structural(first.diagnostics)
  local want_lines = vim.list_extend({ diag_line }, ints(env('E2E_OTHER_DIAG_LINES', true)))
  table.sort(want_lines)
  local want_found, got_found = {}, {}
  for _, l in ipairs(want_lines) do want_found[#want_found + 1] = code .. '@' .. l end
  for _, d in ipairs(found) do got_found[#got_found + 1] = tostring(d.code) .. '@' .. d.range.start.line end
  require_that('structural diagnostics on open (code@line)', vim.deep_equal(want_found, got_found),
    table.concat(want_found, ' '), describe(found))
  local diag
  for _, d in ipairs(found) do
    if d.range.start.line == diag_line then diag = d end
  end
  check_eq('diagnostic code', code, diag.code)
  check_eq('diagnostic source', 'bitext', diag.source)
  local severity = env_int('E2E_SEVERITY', true)
  if severity then check_eq('diagnostic severity (1 error, 2 warning)', severity, diag.severity) end
  check('diagnostic message is not empty', type(diag.message) == 'string' and #diag.message > 0,
    'a message', vim.inspect(diag.message))
  -- The finding covers whole lines: diag_line to its last line (a split line covers two).
  local end_line = env_int('E2E_DIAG_END_LINE', true) or diag_line
  local line_text = vim.api.nvim_buf_get_lines(bufnr, end_line, end_line + 1, false)[1] or ''
  local _, utf16_len = vim.str_utfindex(line_text)
  if hand_end_col then
    check_eq('UTF-16 length of line ' .. end_line .. ' per Neovim (test self-check)', hand_end_col, utf16_len)
  end
  local want_range = { start = { line = diag_line, character = 0 },
    ['end'] = { line = end_line, character = hand_end_col or utf16_len } }
  check_eq('diagnostic range (UTF-16 columns, whole lines)', want_range, diag.range)
  -- Neovim converts to byte columns with the negotiated encoding: the whole line again.
  local shown = vim.diagnostic.get(bufnr, { lnum = diag_line })
  local shown_cols
  for _, d in ipairs(shown) do
    if d.code == code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == code) then
      shown_cols = { d.lnum, d.col, d.end_lnum, d.end_col }
    end
  end
  check_eq('diagnostic as Neovim shows it {lnum, col, end_lnum, end_col} (bytes)',
    { diag_line, 0, end_line, #line_text }, shown_cols)
  if related_line then
    local rel = diag.relatedInformation or {}
    check_eq('relatedInformation count (client declared relatedInformation = true)', 1, #rel)
    if rel[1] then
      check_eq('relatedInformation uri', uri, rel[1].location.uri)
      check_eq('relatedInformation points at the partner line', related_line, rel[1].location.range.start.line)
    end
  end

  -- 3. Hover on a Chinese line shows its English original.
  step('hover')
  local function hover(line)
    local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
      { textDocument = { uri = uri }, position = { line = line, character = 2 } }, TIMEOUT_MS)
    local _, r = next(res or {})
    if r == nil then return nil, 'no response (timeout)' end
    if r.err then return nil, 'error ' .. vim.inspect(r.err) end
    return hover_text(r.result), nil, r.result
  end
  local htext, herr, hraw = hover(hover_line)
  check_eq('hover markup kind (Neovim offers markdown first)', 'markdown',
    hraw and type(hraw.contents) == 'table' and hraw.contents.kind)
  check('hover on line ' .. hover_line .. ' contains its original', htext and htext:find(hover_want, 1, true),
    'text containing "' .. hover_want .. '"', htext or herr)

  -- Hover on the flagged line explains the finding.
  htext, herr = hover(diag_line)
  check('hover on the flagged line ' .. diag_line .. ' names the finding', htext and htext:find(code, 1, true),
    'text containing "' .. code .. '"', htext or herr)

  -- 4. Go to partner: the raw answer, then the jump a user gets.
  step('go to partner')
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition',
    { textDocument = { uri = uri }, position = { line = hover_line, character = 2 } }, TIMEOUT_MS)
  local _, r = next(res or {})
  local locs = locations(r and r.result)
  local got_lines = {}
  for _, l in ipairs(locs) do got_lines[#got_lines + 1] = (l.uri == uri and '' or l.uri .. ':') .. l.range.start.line end
  check_eq('definition on line ' .. hover_line .. ' (partner line)', { tostring(partner_line) }, got_lines)
  res = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentHighlight',
    { textDocument = { uri = uri }, position = { line = hover_line, character = 2 } }, TIMEOUT_MS)
  _, r = next(res or {})
  local hl_lines = {}
  for _, h in ipairs(r and r.result or {}) do hl_lines[#hl_lines + 1] = h.range.start.line end
  check('documentHighlight on line ' .. hover_line .. ' highlights the partner line',
    vim.tbl_contains(hl_lines, partner_line), 'a highlight on line ' .. partner_line, vim.inspect(hl_lines))
  vim.api.nvim_win_set_cursor(0, { hover_line + 1, 3 })
  vim.lsp.buf.definition()
  vim.wait(TIMEOUT_MS, function() return vim.api.nvim_win_get_cursor(0)[1] == partner_line + 1 end, 10)
  check_eq('cursor row after vim.lsp.buf.definition() (1-based)', partner_line + 1, vim.api.nvim_win_get_cursor(0)[1])

  -- 5. Outline: front matter, 117 pairs in order with detail "pair N", back matter.
  step('outline')
  res = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, TIMEOUT_MS)
  _, r = next(res or {})
  local symbols = r and r.result or {}
  require_that('documentSymbol answered', type(symbols) == 'table' and #symbols > 0, 'symbols',
    vim.inspect(r))
  check('documentSymbol is hierarchical (client declared support)', symbols[1].selectionRange ~= nil,
    'DocumentSymbol with selectionRange', vim.inspect(symbols[1]))
  local pairs_found, others = {}, {}
  local function walk(list)
    for _, s in ipairs(list) do
      -- A pair is a leaf; a speaker turn holding pairs may have detail "pair N" too.
      if type(s.detail) == 'string' and s.detail:match('^pair %d+$') and #(s.children or {}) == 0 then
        pairs_found[#pairs_found + 1] = s
      else
        others[#others + 1] = s
      end
      walk(s.children or {})
    end
  end
  walk(symbols)
  check_eq('number of pair symbols', #pair_starts, #pairs_found)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local bad_detail, bad_start, bad_name = {}, {}, {}
  for i, s in ipairs(pairs_found) do
    if s.detail ~= 'pair ' .. i then bad_detail[#bad_detail + 1] = i .. ':' .. s.detail end
    if s.range.start.line ~= pair_starts[i] then
      bad_start[#bad_start + 1] = string.format('pair %d: %s (want %s)', i, s.range.start.line, tostring(pair_starts[i]))
    end
    -- Named by its first words: a prefix of one of its lines (minus a trailing "…").
    local stem = s.name:gsub('…$', ''):gsub('%s+$', '')
    local first_line = lines[s.range.start.line + 1] or ''
    local second_line = lines[s.range.start.line + 2] or ''
    if #stem == 0 or (first_line:sub(1, #stem) ~= stem and second_line:sub(1, #stem) ~= stem) then
      bad_name[#bad_name + 1] = string.format('pair %d: %q', i, s.name)
    end
  end
  check_eq('pair symbols whose detail is not "pair N" in order', {}, bad_detail)
  check_eq('pair symbols that do not start on their pair\'s first line', {}, bad_start)
  check_eq('pair symbols not named by the first words of their pair', {}, bad_name)
  -- Lines from..to: the range ends on line `to`, or at the start of the next line.
  local function has_block(from, to)
    for _, s in ipairs(others) do
      local e = s.range['end']
      if s.range.start.line == from and (e.line == to or (e.line == to + 1 and e.character == 0)) then
        return true
      end
    end
    return false
  end
  check('a front-matter symbol covering lines ' .. front[1] .. '..' .. front[2], has_block(front[1], front[2]),
    'symbol with range lines ' .. front[1] .. '..' .. front[2], vim.inspect(vim.tbl_map(function(s)
      return s.name .. ' ' .. s.range.start.line .. '..' .. s.range['end'].line end, others)))
  check('a back-matter symbol covering lines ' .. back[1] .. '..' .. back[2], has_block(back[1], back[2]),
    'symbol with range lines ' .. back[1] .. '..' .. back[2], vim.inspect(vim.tbl_map(function(s)
      return s.name .. ' ' .. s.range.start.line .. '..' .. s.range['end'].line end, others)))
  -- Speaker turns (kind Namespace) named by the speaker alone: every speaker
  -- of the case's list (E2E_SPEAKERS, "A|B|C") names some turn, and no turn
  -- has another name.
  local speakers_want = env('E2E_SPEAKERS', true)
  if speakers_want then
    local wanted, named, strangers = {}, {}, {}
    for name in speakers_want:gmatch('[^|]+') do wanted[name] = true end
    for _, s in ipairs(symbols) do
      if s.kind == 3 then
        if wanted[s.name] then named[s.name] = true else strangers[#strangers + 1] = s.name end
      end
    end
    local missing = {}
    for name in pairs(wanted) do if not named[name] then missing[#missing + 1] = name end end
    table.sort(missing)
    check_eq('speakers with no turn in the outline', {}, missing)
    check_eq('turns in the outline named by someone else', {}, strangers)
  end

  -- 6. Code actions: context.only is honoured, one preferred edit-based quick fix.
  step('code actions')
  local function code_actions(only)
    local params = { textDocument = { uri = uri }, range = diag.range,
      context = { diagnostics = { diag }, only = only } }
    local res2 = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, TIMEOUT_MS)
    local _, r2 = next(res2 or {})
    if r2 == nil or r2.err then return nil, vim.inspect(r2) end
    return r2.result or {}, nil
  end
  local actions, aerr = code_actions(nil)
  require_that('codeAction answered', actions ~= nil, 'a list of actions', aerr)
  local only_qf = code_actions({ 'quickfix' }) or {}
  local wrong_kind = {}
  for _, a in ipairs(only_qf) do
    if not (a.kind == 'quickfix' or (a.kind or ''):match('^quickfix%.')) then wrong_kind[#wrong_kind + 1] = a.title .. ' (' .. tostring(a.kind) .. ')' end
  end
  check_eq('actions of other kinds returned for only = {"quickfix"}', {}, wrong_kind)
  local preferred = {}
  for _, a in ipairs(actions) do
    local for_diag = false
    for _, d in ipairs(a.diagnostics or {}) do
      if d.code == code and d.range.start.line == diag_line then for_diag = true end
    end
    if a.kind == 'quickfix' and a.isPreferred == true and for_diag then preferred[#preferred + 1] = a end
  end
  require_that('exactly one preferred quickfix linked to the diagnostic', #preferred == 1, 1,
    #preferred .. ' in ' .. vim.inspect(actions))
  local fix = preferred[1]
  check('the quick fix carries an edit, not a command', fix.edit ~= nil and fix.command == nil,
    'edit without command', vim.inspect(fix))
  require_that('the quick fix has an edit', fix.edit ~= nil, 'edit', vim.inspect(fix))
  local fix_all_count = env_int('E2E_FIX_ALL', true)
  if fix_all_count then
    -- Fix all of this kind: the source action next to the quick fix. Neovim
    -- declared resolveSupport for `edit`, so the edit may come from codeAction/resolve.
    local fix_all = {}
    for _, a in ipairs(actions) do
      if (a.kind or ''):match('^source%.fixAll') then fix_all[#fix_all + 1] = a end
    end
    require_that('one fix-all source action for the diagnostic\'s line', #fix_all == 1, 1,
      #fix_all .. ' in ' .. vim.inspect(actions))
    fix = fix_all[1]
    check('fix-all title names the code and the count', fix.title:find(code, 1, true) and
      fix.title:find('(' .. fix_all_count .. ')', 1, true), 'title with "' .. code .. '" and "(' .. fix_all_count .. ')"', fix.title)
    if fix.edit == nil then
      local res3 = vim.lsp.buf_request_sync(bufnr, 'codeAction/resolve', fix, TIMEOUT_MS)
      local _, r3 = next(res3 or {})
      require_that('codeAction/resolve answered with an edit', r3 and r3.result and r3.result.edit,
        'an action with edit', vim.inspect(r3))
      fix = r3.result
    end
  end

  if crlf then
    -- The server saw CRLF text: a fix must not bring in bare LF line ends
    -- (Neovim would hide them, clients that do not normalise would not).
    local bare = {}
    for _, edits in pairs(fix.edit.changes or {}) do
      for _, e in ipairs(edits) do
        if e.newText:gsub('\r\n', ''):find('[\r\n]') then bare[#bare + 1] = e.newText end
      end
    end
    for _, dc in ipairs(fix.edit.documentChanges or {}) do
      for _, e in ipairs(dc.edits or {}) do
        if e.newText:gsub('\r\n', ''):find('[\r\n]') then bare[#bare + 1] = e.newText end
      end
    end
    check_eq('fix newTexts with a line end other than CRLF in a CRLF document', {}, bare)
  end

  -- 7. Apply it as a user does: vim.lsp.buf.code_action() on the flagged line,
  -- picking the action in the menu (vim.ui.select, answered here). Neovim
  -- applies the edit (resolving it first if needed) and sends the didChange;
  -- the new publish must clear the finding.
  step('apply the ' .. (fix_all_count and 'fix-all' or 'quick fix') .. ' through vim.lsp.buf.code_action()')
  local menu_titles, picked
  vim.ui.select = function(items, _, on_choice)
    menu_titles = {}
    local pick
    for _, item in ipairs(items) do
      local a = item[2]
      menu_titles[#menu_titles + 1] = a.title
      if fix_all_count then
        if (a.kind or ''):match('^source%.fixAll') then pick = item end
      elseif a.kind == 'quickfix' and a.isPreferred == true then
        pick = item
      end
    end
    picked = pick and pick[2].title
    on_choice(pick)
  end
  vim.api.nvim_win_set_cursor(0, { diag_line + 1, 0 })
  vim.lsp.buf.code_action()
  vim.wait(TIMEOUT_MS, function() return vim.lsp.util.buf_versions[bufnr] ~= opened_version end, 10)
  check_eq('action picked from the code action menu ' .. vim.inspect(menu_titles), fix.title, picked)
  local new_version = vim.lsp.util.buf_versions[bufnr]
  require_that('applying the fix changed the buffer version', new_version ~= opened_version,
    'a version after ' .. tostring(opened_version), tostring(new_version))
  local after
  ok = vim.wait(TIMEOUT_MS, function()
    for i = #published, 1, -1 do
      local p = published[i]
      if p.uri == uri and p.version == new_version then after = p; return true end
    end
    return false
  end, 10)
  require_that('publishDiagnostics for version ' .. tostring(new_version) .. ' after the fix', ok,
    'a notification with that version', vim.inspect(vim.tbl_map(function(p) return p.version end, published)))
  check_eq('structural diagnostics after the fix', '[]', describe(structural(after.diagnostics)))
  local want_text = read_file(env('E2E_EXPECTED_FIXED')):gsub('\n$', '')
  local got_text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  if want_text ~= got_text then
    local got_lines = vim.split(got_text, '\n', true)
    local want_lines = vim.split(want_text, '\n', true)
    local at = 1
    while want_lines[at] == got_lines[at] do at = at + 1 end
    fail('buffer text after the fix (first difference at line ' .. at .. ', 1-based)',
      vim.inspect(want_lines[at]), vim.inspect(got_lines[at]))
  end
  if fixed_hover_want then
    htext, herr = hover(diag_line)
    check('hover on line ' .. diag_line .. ' after the fix shows the placeholder original',
      htext and htext:find(fixed_hover_want, 1, true), 'text containing "' .. fixed_hover_want .. '"', htext or herr)
  end

  -- Undo brings the finding back where it was; redo clears it again (the
  -- server re-checks after each incremental change).
  local function publish_after_change(what)
    local version = vim.lsp.util.buf_versions[bufnr]
    local found_publish
    vim.wait(TIMEOUT_MS, function()
      for i = #published, 1, -1 do
        if published[i].uri == uri and published[i].version == version then found_publish = published[i]; return true end
      end
      return false
    end, 10)
    check('publishDiagnostics for version ' .. tostring(version) .. ' after ' .. what, found_publish ~= nil,
      'a notification with that version', vim.inspect(vim.tbl_map(function(p) return p.version end, published)))
    return found_publish
  end
  step('undo and redo the fix')
  vim.cmd('undo')
  local undone = publish_after_change('undo')
  if undone then
    local got_undone = {}
    for _, d in ipairs(structural(undone.diagnostics)) do got_undone[#got_undone + 1] = d.code .. '@' .. d.range.start.line end
    check_eq('structural diagnostics after undoing the fix (code@line)', want_found, got_undone)
  end
  vim.cmd('redo')
  local redone = publish_after_change('redo')
  if redone then check_eq('structural diagnostics after redoing the fix', '[]', describe(structural(redone.diagnostics))) end

  -- 8. Typing after an emoji: Neovim sends an incremental change in UTF-16
  -- columns; the partner's hover shows whether the server applied it right.
  local edit_line, edit_after, edit_text = env_int('E2E_EDIT_LINE', true), env('E2E_EDIT_AFTER', true), env('E2E_EDIT_TEXT', true)
  if edit_line then
    step('type after the emoji')
    local before = vim.api.nvim_buf_get_lines(bufnr, edit_line, edit_line + 1, false)[1] or ''
    require_that('line ' .. edit_line .. ' starts with the text to type after', before:sub(1, #edit_after) == edit_after,
      edit_after, before)
    -- One character at a time, without waiting: a burst of didChanges.
    local first_typed = #published + 1
    local col = #edit_after
    for _, ch in ipairs(vim.fn.split(edit_text, '\\zs')) do
      vim.api.nvim_buf_set_text(bufnr, edit_line, col, edit_line, col, { ch })
      col = col + #ch
    end
    local typed_version = vim.lsp.util.buf_versions[bufnr]
    -- Asked at once, before any publish: a request answers for the current text.
    local want = edit_after .. edit_text .. before:sub(#edit_after + 1)
    htext, herr = hover(edit_line + 1)
    check('hover on the partner line ' .. (edit_line + 1) .. ' right after typing shows the typed translation',
      htext and htext:find(want, 1, true), 'text containing "' .. want .. '"', htext or herr)
    local typed
    ok = vim.wait(TIMEOUT_MS, function()
      for i = #published, 1, -1 do
        local p = published[i]
        if p.uri == uri and p.version == typed_version then typed = p; return true end
      end
      return false
    end, 10)
    check('publishDiagnostics for version ' .. tostring(typed_version) .. ' after typing', ok,
      'a notification with that version', vim.inspect(vim.tbl_map(function(p) return p.version end, published)))
    if typed then check_eq('structural diagnostics after typing', '[]', describe(structural(typed.diagnostics))) end
    -- A result for an old version is never published after a newer one.
    local versions = {}
    for i = first_typed, #published do
      if published[i].uri == uri then versions[#versions + 1] = published[i].version end
    end
    local sorted = vim.deepcopy(versions)
    table.sort(sorted)
    check_eq('versions published during the burst, in arrival order (never going back)', sorted, versions)
  end

  -- 9. Closing the buffer (didClose) clears its diagnostics.
  step('close the buffer')
  local before_close = #published
  vim.cmd('bwipeout! ' .. bufnr)
  local cleared = vim.wait(TIMEOUT_MS, function()
    for i = before_close + 1, #published do
      if published[i].uri == uri and #published[i].diagnostics == 0 then return true end
    end
    return false
  end, 10)
  check('an empty publishDiagnostics after didClose', cleared, 'diagnostics = {}',
    vim.inspect(vim.list_slice(published, before_close + 1)))

  -- 10. An ordinary .txt is left alone by editors/nvim.
  vim.cmd('edit ' .. vim.fn.fnameescape(env('E2E_PLAIN_FILE')))
  check("filetype of an ordinary English .txt is not bitext", vim.bo.filetype ~= 'bitext', 'not bitext', vim.bo.filetype)
  check_eq('clients attached to the ordinary .txt', 0, #vim.tbl_keys(vim.lsp.buf_get_clients(0)))

  -- 11. Other layouts (when the case lists them): a bilingual SRT and Markdown
  -- file keep their filetype, get the server, their diagnostics and outline.
  for _, layout in ipairs({ 'SRT', 'MD' }) do
    local layout_file = env('E2E_' .. layout .. '_FILE', true)
    if layout_file then check_layout_file(layout, layout_file) end
  end
  -- Markdown that is not a transcript is left to other tools.
  local other_md = env('E2E_OTHER_MD_FILE', true)
  if other_md then
    vim.cmd('edit ' .. vim.fn.fnameescape(other_md))
    vim.wait(500, function() return false end, 50)  -- the plugin attaches on a scheduled callback
    check_eq('filetype of ordinary Markdown', 'markdown', vim.bo.filetype)
    check_eq('clients attached to ordinary Markdown', 0, #vim.tbl_keys(vim.lsp.buf_get_clients(0)))
  end
end

local function finish()
  local okrun, err = xpcall(main, function(e)
    if e == Abort then return e end
    return debug.traceback(tostring(e), 2)
  end)
  -- Stopping the client sends shutdown then exit: the server must end with 0.
  step('stop the server')
  local exits = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    client.config.on_exit = function(code, signal) exits[#exits + 1] = { code = code, signal = signal } end
    client.stop()
  end
  vim.wait(TIMEOUT_MS, function() return next(vim.lsp.get_active_clients()) == nil and #exits > 0 end, 10)
  if okrun or err == Abort then
    check_eq('server exit after shutdown and exit {code, signal}', { { code = 0, signal = 0 } }, exits)
  end
  local status
  if not okrun and err ~= Abort then
    io.stderr:write('driver error: ' .. tostring(err) .. '\n')
    status = 2
  else
    status = failures == 0 and 0 or 1
  end
  out(string.format('nvim e2e case %s: %d failed assertion(s)', os.getenv('E2E_CASE') or '?', failures))
  vim.cmd((status == 0 and 'qall!' or ('cquit ' .. status)))
end

-- What a user puts in init.lua: the shipped plugin, registered before the file
-- loads. An error here would leave a headless Neovim idle: quit at once instead.
local set_up, setup_error = pcall(function()
  vim.opt.runtimepath:prepend(env('E2E_EDITOR_CONFIG_DIR') .. '/nvim')
  -- No client-side debounce: every edit reaches the server as its own didChange.
  -- The placeholder, when the case sets one, goes through the plugin's settings.
  local placeholder = env('E2E_PLACEHOLDER', true)
  require('bitext').setup({
    cmd = { env('E2E_SERVER'), 'lsp' },
    flags = { debounce_text_changes = 0 },
    settings = { bitext = placeholder and { originalPlaceholder = placeholder } or {} },
  })
  -- nested: files the driver opens from this callback run their BufRead autocommands (the plugin's detection).
  vim.api.nvim_create_autocmd('VimEnter', { once = true, nested = true, callback = finish })
end)
if not set_up then
  io.stderr:write('driver error during set-up (Neovim 0.7 or later is needed): ' .. tostring(setup_error) .. '\n')
  vim.cmd('cquit 2')
end
