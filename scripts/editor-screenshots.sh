#!/usr/bin/env bash
# The README's editor pictures: Neovim (Debian's, 0.7 or later) in tmux as the LSP client of
# `governance lsp`, on a copy of examples/governed-repo: a defect typed into a packet's STATUS, then
# a hover on its SPEC_ANCHOR. Each screen is read with tmux capture-pane and drawn to PNG with
# ImageMagick (a line at a time, then stacked). Needs: a built CLI (dotnet build
# src/Orchestrator.Governance.Cli -c Release), nvim, tmux, imagemagick, fonts-dejavu.
set -euo pipefail
cd "$(dirname "$0")/.."
dll="$PWD/src/Orchestrator.Governance.Cli/bin/Release/net8.0/governance.dll"
work=$(mktemp -d)
cp -r examples/governed-repo "$work/repo"
cat > "$work/init.lua" <<LUA
vim.o.number = true
vim.o.signcolumn = 'yes'
local id = vim.lsp.start_client({ name = 'governance', cmd = { 'dotnet', '$dll', 'lsp' }, root_dir = '$work/repo' })
vim.api.nvim_create_autocmd('FileType', { pattern = { 'markdown' }, callback = function(args) vim.lsp.buf_attach_client(args.buf, id) end })
LUA
session="governance-shot-$$"
(cd "$work/repo" && tmux new-session -d -s "$session" -x 120 -y 32 "nvim -u $work/init.lua docs/task_packets/WP-1-Storage-Layer.md")
sleep 4
tmux send-keys -t "$session" ':9' Enter; sleep 0.5
tmux send-keys -t "$session" '0' '10l' 'c$' 'Nearly' Escape; sleep 3
tmux capture-pane -t "$session" -p > "$work/diagnostic.txt"
tmux send-keys -t "$session" ':58' Enter; sleep 0.3
tmux send-keys -t "$session" '0' '22l'; sleep 0.3
tmux send-keys -t "$session" ':lua vim.lsp.buf.hover()' Enter; sleep 2
tmux capture-pane -t "$session" -p > "$work/hover.txt"
tmux kill-session -t "$session"
for name in diagnostic hover; do
  python3 - "$work/$name.txt" "$work/$name.png" <<'PY'
import subprocess, sys
lines = [l.rstrip() for l in open(sys.argv[1]).read().rstrip('\n').split('\n')]
args = ['convert', '-background', '#1e1e1e', '-fill', '#d4d4d4', '-font', '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', '-pointsize', '14']
for l in lines:
    args += ['label:' + (l if l.strip() else ' ').replace('\\', '\\\\').replace('%', '%%').replace(' ', '\u00a0')]
args += ['-gravity', 'West', '-append', '-bordercolor', '#1e1e1e', '-border', '12', sys.argv[2]]
subprocess.run(args, check=True)
PY
done
cp "$work/diagnostic.png" docs/images/neovim-diagnostic.png
cp "$work/hover.png" docs/images/neovim-hover-spec-anchor.png
rm -rf "$work"
echo "wrote docs/images/neovim-diagnostic.png and docs/images/neovim-hover-spec-anchor.png"
