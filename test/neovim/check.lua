-- Run inside `nvim --headless` after the README's Neovim 0.7 snippet has been loaded as the
-- init file and a framework file opened. Waits for the server's diagnostics, a hover and the
-- answer to "Show documentation", then
-- writes what a user would see to $YARDSTICK_NVIM_OUT, one line per item, and quits.
local out = {}
local buf = vim.api.nvim_get_current_buf()
local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
end
local got = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
table.insert(out, 'clients ' .. #vim.lsp.buf_get_clients(buf))
if not got then table.insert(out, 'no diagnostics within 30 s') end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(out, string.format('diagnostic %d:%d %s %s', d.lnum + 1, d.col + 1, code_of(d), d.message))
end
-- Hover on the `baseline` key of the first indicator that has one.
local row = vim.fn.search('^\\s*baseline:', 'nw')
if row > 0 then
  local col = vim.fn.match(vim.fn.getline(row), 'baseline')
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = row - 1, character = col } }
  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000) or {}
  for _, reply in pairs(replies) do
    if reply.result and reply.result.contents then
      local value = reply.result.contents.value or ''
      table.insert(out, 'hover ' .. (value:match('[^\n]+') or ''))
    end
  end
end
-- "Show documentation" on the YS101 problem: Neovim sends the command to the server
-- (workspace/executeCommand). Neovim 0.7 has no window/showDocument, so the server answers
-- with a message naming the page.
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if code_of(d) == 'YS101' then
    local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
    -- Neovim 0.7 keeps only the extra fields of the LSP diagnostic (code, codeDescription) there.
    local lsp_diag = vim.tbl_extend('keep', { range = range, message = d.message, code = 'YS101', source = d.source }, (d.user_data and d.user_data.lsp) or {})
    local params = { textDocument = vim.lsp.util.make_text_document_params(), range = range, context = { diagnostics = { lsp_diag } } }
    local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
    for _, reply in pairs(actions) do
      for _, action in ipairs(reply.result or {}) do
        if action.title == 'Show documentation for YS101' and action.command then
          local answers = vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', action.command, 10000) or {}
          for _, answer in pairs(answers) do
            -- (0.7 names a reply's error `error`, later versions `err`.)
            local err = answer.err or answer.error
            table.insert(out, err and ('docs error ' .. (err.message or '')) or 'docs opened')
          end
        end
      end
    end
    break
  end
end
vim.fn.writefile(out, os.getenv('YARDSTICK_NVIM_OUT'))
vim.cmd('qa!')
