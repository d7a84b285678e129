-- End to end: Neovim's built-in LSP client (vim.lsp.start_client, Neovim 0.7+) against
-- `lkml lsp` on a copy of looker/. Opens a file, types a typo and waits for the diagnostic,
-- fixes it and waits for the diagnostic to go, jumps to a definition and completes a field.
-- Exits 0 when everything happened, 1 (cquit) at the first thing that did not.
local root = assert(vim.env.LKML_PROJECT, 'LKML_PROJECT not set')
local lkml = assert(vim.env.LKML_BINARY, 'LKML_BINARY not set')
local timeout = 30000

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function check(ok, message)
  if not ok then fail(message) end
end

-- Any Lua error (a nil result from a broken server) fails the test instead of leaving the
-- headless editor waiting.
local function main()
  local client_id = vim.lsp.start_client({
    name = 'lkml',
    cmd = { lkml, 'lsp' },
    root_dir = root,
    on_exit = function(code)
      if code ~= 0 and not vim.g.lkml_stopping then
        io.stderr:write('FAIL: lkml lsp exited with ' .. tostring(code) .. '\n')
      end
    end,
  })
  check(client_id ~= nil, 'the client did not start')

  local explore = root .. '/explores/enrollments.explore.lkml'
  vim.cmd('edit ' .. vim.fn.fnameescape(explore))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  check(vim.wait(timeout, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end, 20), 'no initialize response')

  local function find_line(pattern)
    for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      if line:find(pattern, 1, true) then return i - 1, line end
    end
    fail('no line with ' .. pattern)
  end

  local function has_code(code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == code then return true end
    end
    return false
  end

  -- 1. A typo gives the lint diagnostic (LKML201, unknown parameter) in this buffer.
  local row, line = find_line('    type: left_outer')
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { (line:gsub('type:', 'typ:')) })
  check(vim.wait(timeout, function() return has_code('LKML201') end, 20),
    'no LKML201 diagnostic after the typo')
  -- And it goes away once fixed.
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { line })
  check(vim.wait(timeout, function() return not has_code('LKML201') end, 20),
    'LKML201 still shown after the fix')

  -- 2. Go to definition of `users.id` in a sql_on.
  local sql_row, sql_line = find_line('${users.id}')
  local col = sql_line:find('${users.id}', 1, true) + #'${users.' - 1
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = sql_row, character = col },
  }
  local results = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, timeout)
  check(results ~= nil, 'no definition response')
  local found = false
  for _, r in pairs(results) do
    for _, location in ipairs(r.result or {}) do
      if location.uri:sub(-#'views/users.view.lkml') == 'views/users.view.lkml' then found = true end
    end
  end
  check(found, 'definition of users.id is not in views/users.view.lkml: ' .. vim.inspect(results))
  -- Jump there as the user would.
  vim.lsp.util.jump_to_location(results[client_id].result[1], 'utf-16')
  check(vim.api.nvim_buf_get_name(0):sub(-#'users.view.lkml') == 'users.view.lkml',
    'the jump did not open views/users.view.lkml')
  check(vim.api.nvim_get_current_line():find('dimension: id', 1, true) ~= nil,
    'the jump did not land on `dimension: id`: ' .. vim.api.nvim_get_current_line())
  vim.cmd('buffer ' .. buf)

  -- 3. Complete a field: type `${users.` and ask for completion after the dot.
  local new_line = sql_line:gsub('%${users%.id}', '${users.')
  vim.api.nvim_buf_set_lines(buf, sql_row, sql_row + 1, false, { new_line })
  local dot = new_line:find('${users.', 1, true) + #'${users.' - 1
  local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = sql_row, character = dot },
    context = { triggerKind = 2, triggerCharacter = '.' },
  }, timeout)
  check(completion ~= nil and completion[client_id] ~= nil, 'no completion response')
  local items = completion[client_id].result
  items = items and (items.items or items) or {}
  local labels = {}
  for _, item in ipairs(items) do labels[item.label] = true end
  check(labels['id'] and labels['company_id'], 'completion after ${users. lacks id/company_id: '
    .. vim.inspect(vim.tbl_keys(labels)))

  vim.g.lkml_stopping = true
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  io.stdout:write('nvim lsp end-to-end: ok\n')
  vim.cmd('qall!')
end

local ok, err = pcall(main)
if not ok then fail(tostring(err)) end
