-- Registers `bitext lsp` for bilingual transcripts in Neovim (0.7 and later).
--
--   require('bitext').setup({})            -- defaults below
--
-- Files named *.bitext always get filetype `bitext`; *.txt files get it when
-- their first lines look like a bilingual transcript (CJK lines and Latin lines
-- in about equal numbers). Every buffer of filetype `bitext` is attached to one
-- server per root directory. Markdown, SRT and WebVTT files keep their own
-- filetype and are attached too when `bitext detect` says they are bilingual
-- (other Markdown is left to other tools).
local M = {}

M.defaults = {
  cmd = { 'bitext', 'lsp' },
  filetypes = { 'bitext' },
  detect_txt = true,            -- look inside *.txt files
  detect_layouts = { 'md', 'markdown', 'srt', 'vtt' },  -- extensions attached when bilingual ({} = none)
  root_markers = { '.git' },    -- the first directory upwards holding one is the root
  settings = { bitext = {} },   -- server settings: pushed at start, answered to workspace/configuration
  init_options = nil,           -- sent as initializationOptions
  on_attach = nil,              -- function(client, bufnr), e.g. to set key maps
  flags = nil,                  -- client flags, e.g. { debounce_text_changes = 150 }
}

M.config = vim.deepcopy(M.defaults)

local clients = {}  -- root directory -> client id (Neovim 0.7, which has no vim.lsp.start)

-- A line "is CJK" when it holds a character from U+3000..U+D7FF (kana, Han,
-- Hangul and CJK punctuation all have a UTF-8 lead byte \227..\237). Such
-- lines are counted against lines with Latin words.
local function looks_bilingual(bufnr)
  local cjk, latin = 0, 0
  for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, 80, false)) do
    if line:find('[\227-\237][\128-\191][\128-\191]') then
      cjk = cjk + 1
    elseif line:find('%a%a+') then
      latin = latin + 1
    end
  end
  local text_lines = cjk + latin
  return cjk >= 2 and latin >= 2 and math.min(cjk, latin) * 3 >= text_lines
end
M.looks_bilingual = looks_bilingual

-- Whether the file behind a Markdown or subtitle buffer is a bilingual
-- transcript: the server's own test (`bitext detect FILE`, exit status 0),
-- else, without the binary, the line count above or the same count over
-- paragraphs (a wrapped English paragraph is one block, as its Chinese one is).
local function looks_bilingual_layout(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local program = M.config.cmd[1]
  if path ~= '' and vim.fn.filereadable(path) == 1 and vim.fn.executable(program) == 1 then
    vim.fn.system({ program, 'detect', path })
    return vim.v.shell_error == 0
  end
  if looks_bilingual(bufnr) then return true end
  local cjk, latin, block = 0, 0, nil
  local function finish()
    if block == 'cjk' then cjk = cjk + 1 elseif block == 'latin' then latin = latin + 1 end
    block = nil
  end
  for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, 400, false)) do
    if line:find('^%s*$') then
      finish()
    elseif line:find('[\227-\237][\128-\191][\128-\191]') then
      block = 'cjk'
    elseif block == nil and line:find('%a%a+') then
      block = 'latin'
    end
  end
  finish()
  return cjk >= 2 and latin >= 2 and math.min(cjk, latin) * 3 >= cjk + latin
end
M.looks_bilingual_layout = looks_bilingual_layout

local function root_dir(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  for _, marker in ipairs(M.config.root_markers) do
    local found = vim.fn.finddir(marker, dir .. ';')
    if found ~= '' then return vim.fn.fnamemodify(found, ':p:h:h') end  -- ':p' ends a folder with '/'
    found = vim.fn.findfile(marker, dir .. ';')
    if found ~= '' then return vim.fn.fnamemodify(found, ':p:h') end
  end
  return dir
end
M.root_dir = root_dir

local function client_config(root)
  local cfg = M.config
  return {
    name = 'bitext',
    cmd = cfg.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    settings = cfg.settings,
    init_options = cfg.init_options,
    on_attach = cfg.on_attach,
    flags = cfg.flags,
    -- Neovim 0.7 answers workspace/configuration but does not declare that it
    -- can, so the server would never ask: push the settings once instead.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  }
end

-- Attach the server to a buffer, starting it for the buffer's root if needed.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = root_dir(bufnr)
  if vim.lsp.start then  -- Neovim 0.8+: reuses a running client with the same name and root
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = clients[root]
  if id == nil or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(client_config(root))
    if id == nil then
      vim.notify('bitext: could not start ' .. table.concat(M.config.cmd, ' '), vim.log.levels.ERROR)
      return nil
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  if vim.fn.executable(M.config.cmd[1]) ~= 1 then
    vim.notify('bitext: ' .. M.config.cmd[1] .. ' is not executable; set cmd in setup()',
      vim.log.levels.WARN)
  end
  local group = vim.api.nvim_create_augroup('bitext', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group, pattern = '*.bitext', command = 'setfiletype bitext',
  })
  if M.config.detect_txt then
    vim.api.nvim_create_autocmd('BufRead', {
      group = group, pattern = '*.txt',
      callback = function(args)
        if looks_bilingual(args.buf) then vim.bo[args.buf].filetype = 'bitext' end
      end,
    })
  end
  if M.config.detect_layouts and #M.config.detect_layouts > 0 then
    local patterns = {}
    for _, extension in ipairs(M.config.detect_layouts) do table.insert(patterns, '*.' .. extension) end
    vim.api.nvim_create_autocmd('BufRead', {
      group = group, pattern = patterns,
      callback = function(args)
        if vim.bo[args.buf].filetype == 'bitext' or not looks_bilingual_layout(args.buf) then return end
        vim.b[args.buf].bitext_transcript = true
        -- After the filetype autocommands of this read: the buffer keeps its filetype.
        vim.schedule(function()
          if vim.api.nvim_buf_is_valid(args.buf) then M.attach(args.buf) end
        end)
      end,
    })
  end
  vim.api.nvim_create_autocmd('FileType', {
    group = group, pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
end

return M
