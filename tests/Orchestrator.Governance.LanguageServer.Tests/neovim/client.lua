-- Headless Neovim (0.7 and later) as the LSP client of `governance lsp`: RealClientTests runs it
-- on a copy of the example repository and reads what it writes to $OUT.
local dll = os.getenv('GOVERNANCE_LSP_DLL')
local root = os.getenv('REPO')
local out = io.open(os.getenv('OUT'), 'w')
local function log(s) out:write(s .. '\n') end
local id = vim.lsp.start_client({ name = 'governance', cmd = { 'dotnet', dll, 'lsp' }, root_dir = root })
vim.cmd('edit ' .. root .. '/docs/task_packets/WP-1-Storage-Layer.md')
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, id)
local cancel = vim.uri_to_bufnr(vim.uri_from_fname(root .. '/docs/task_packets/WP-1-Job-Cancel.md'))
local function dump(b, label)
  for _, d in ipairs(vim.diagnostic.get(b)) do
    log(string.format('%s %s %d:%d-%d:%d s%d %s', label, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?', d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.message))
  end
end
vim.wait(20000, function() return #vim.diagnostic.get(cancel) > 0 end, 100)
dump(cancel, 'cancel')
-- Type a defect into STATUS (line 9, from character 10).
vim.api.nvim_buf_set_text(buf, 8, 10, 8, 23, { 'Nearly' })
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
dump(buf, 'typed')
vim.api.nvim_buf_set_text(buf, 8, 10, 8, 16, { 'Ready-for-Dev' })
vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 100)
log('fixed ' .. #vim.diagnostic.get(buf))
local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 57, character = 22 } }
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
for _, r in pairs(hover or {}) do log('hover ' .. (r.result and r.result.contents.value:gsub('\n.*', '') or 'nil')) end
local def = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, 10000)
for _, r in pairs(def or {}) do log('definition ' .. vim.inspect(r.result):gsub('%s+', ' ')) end
out:close()
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 100)
vim.cmd('qa!')
