-- NeovimClient (run.sh): what a Neovim 0.7 user sees of salesc lsp, through Neovim's own Lua
-- API. Quits with status 0 when every check passes, 1 (and the reasons on stderr) otherwise.
local failures = {}
local function check(ok, what)
  if not ok then
    table.insert(failures, what)
  end
  return ok
end

-- Waits up to 10 s for `ready()` while Neovim reads the server's messages.
local function wait(ready)
  return vim.wait(10000, ready, 20)
end

local function line_of(buf, pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:find(pattern) then
      return i - 1, l
    end
  end
  error("no line matches " .. pattern)
end

-- Puts the cursor on `word` in the first line that matches `pattern`.
local function cursor_on(buf, pattern, word)
  local lnum, l = line_of(buf, pattern)
  vim.api.nvim_win_set_cursor(0, { lnum + 1, l:find(word, 1, true) - 1 })
end

local function run()
  local doc = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(doc)
  check(vim.bo[doc].filetype == "sales", "the filetype is 'sales', not '" .. vim.bo[doc].filetype .. "'")
  -- The server is attached once it has answered initialize.
  wait(function() return vim.tbl_count(vim.lsp.buf_get_clients(doc)) > 0 end)
  local clients = vim.tbl_count(vim.lsp.buf_get_clients(doc))
  check(clients == 1, "one language server is attached to the buffer, not " .. clients)

  -- Diagnostics: the unused knowledge, N008, on its line.
  local budget = line_of(doc, "^knowledge budget")
  local got = wait(function() return #vim.diagnostic.get(doc) > 0 end)
  if check(got, "no diagnostics arrived") then
    local d = vim.diagnostic.get(doc)
    check(#d == 1, "one diagnostic, not " .. #d .. ": " .. vim.inspect(d))
    check(d[1].code == "N008", "the diagnostic's code is N008, not " .. tostring(d[1].code))
    check(d[1].lnum == budget, "the diagnostic is on line " .. budget .. ", not " .. d[1].lnum)
    check(d[1].severity == vim.diagnostic.severity.WARN, "the diagnostic is a warning")
    check(d[1].message:find("budget", 1, true) ~= nil, "the message names 'budget': " .. d[1].message)
  end

  -- Hover on a stage: its predicted win probability, as salesc analyze gives it.
  cursor_on(doc, "^  stage demo ", "demo")
  local hover = vim.lsp.buf_request_sync(doc, "textDocument/hover", vim.lsp.util.make_position_params(), 5000)
  local text = ""
  for _, r in pairs(hover or {}) do
    if r.result then
      text = r.result.contents.value
    end
  end
  check(text:find("**stage** `demo` of process `direct_consulting`", 1, true) ~= nil,
        "the hover names the stage: " .. text)
  check(text:find("- win probability: " .. vim.env.SALESC_DEMO_WIN .. "\n", 1, true) ~= nil,
        "the hover shows the win probability " .. vim.env.SALESC_DEMO_WIN .. ": " .. text)

  -- Go to definition (the command a user maps to gd) jumps into the standard library.
  cursor_on(doc, "use email_follow_up;", "email_follow_up")
  vim.lsp.buf.definition()
  local jumped = wait(function()
    return vim.api.nvim_buf_get_name(0):find("/stdlib/std/tactics%.sales$") ~= nil
  end)
  if check(jumped, "definition did not open std/tactics.sales: " .. vim.api.nvim_buf_get_name(0)) then
    local row = vim.api.nvim_win_get_cursor(0)[1]
    local l = vim.api.nvim_buf_get_lines(0, row - 1, row, false)[1]
    check(l:find("^tactic email_follow_up") ~= nil, "the cursor is on the tactic's declaration: " .. l)
  end
  vim.api.nvim_set_current_buf(doc)

  -- Rename a stage from one of its uses: the declaration and every use change in the buffer.
  cursor_on(doc, "next demo 45%%;", "demo")
  vim.lsp.buf.rename("meeting")
  local renamed = wait(function()
    local all = table.concat(vim.api.nvim_buf_get_lines(doc, 0, -1, false), "\n")
    return all:find("stage meeting ", 1, true) ~= nil
  end)
  local all = table.concat(vim.api.nvim_buf_get_lines(doc, 0, -1, false), "\n")
  check(renamed, "rename did not change the stage's declaration")
  check(all:find("next meeting 45%;", 1, true) ~= nil, "rename did not change the use")
  local _, left = all:gsub("%f[%w_]demo%f[^%w_]", "")
  check(left == 1, "the name 'demo' is left after the rename (only the description's is kept): " .. all)

  -- Format on save (the configuration's BufWritePre): the file is saved in salesc fmt's layout.
  vim.fn.system({ "salesc", "fmt", "--check", path })
  check(vim.v.shell_error == 1, "the file was laid out before saving (the test's mistake is gone?)")
  vim.cmd("write")
  check(vim.api.nvim_buf_get_lines(doc, 0, -1, false)[line_of(doc, "values professional") + 1]
        :find("^  values") ~= nil, "formatting did not indent the brand's values by two")
  local out = vim.fn.system({ "salesc", "fmt", "--check", path })
  check(vim.v.shell_error == 0, "the saved file is not in salesc fmt's layout: " .. out)
end

local ok, err = pcall(run)
if not ok then
  table.insert(failures, "error: " .. tostring(err))
end
if #failures > 0 then
  io.stderr:write("NeovimClient: " .. table.concat(failures, "\nNeovimClient: ") .. "\n")
  vim.cmd("cquit 1")
end
io.stdout:write("NeovimClient: diagnostics, hover, definition, rename and format on save work\n")
vim.cmd("qall!")
