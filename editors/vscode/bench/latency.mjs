// Whole-server latency of `governance lsp` on a repository (docs/performance.md): the time from a
// didChange to the publishDiagnostics it causes, for an edit of a task packet and of the spec,
// minus the server's 200 ms debounce; and the server's peak memory (VmHWM) at the end.
//
//   node bench/latency.mjs /path/to/governance.dll /path/to/repo docs/task_packets/X.md SPEC.md [rounds]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  ShutdownRequest, ExitNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification } = protocol;

const [dll, root, packet, spec, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 15);
const debounce = 200;
const server = spawn('dotnet', [dll, 'lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let waiter = null;
let published = 0;
connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
  published++;
  if (waiter && p.uri === waiter.uri && p.version === waiter.version) { const w = waiter; waiter = null; w.resolve(performance.now()); }
});
connection.onNotification("window/logMessage", (p) => { if (process.env.LOG) console.log(p.message); });
connection.listen();
const uri = (r) => pathToFileURL(join(root, r)).href;
const started = performance.now();
await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
await connection.sendNotification(InitializedNotification.type, {});

// The first analysis: wait until the publishing stops for a second.
let last = -1;
while (published !== last || published === 0) { last = published; await new Promise((r) => setTimeout(r, 1000)); }
console.log(`first analysis published ${published} documents; ${((performance.now() - started) / 1000 - 1).toFixed(2)} s after start (at most)`);

async function measure(relative, label) {
  const u = uri(relative);
  const text = readFileSync(join(root, relative), 'utf8');
  const lines = text.split('\n');
  // An edit that changes the diagnostics every time: a line with a new unfilled placeholder, added then removed.
  const at = Math.min(lines.length - 1, 3);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'markdown', version: 1, text } });
  await new Promise((r) => setTimeout(r, 1500));
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const version = i + 2;
    const edit = i % 2 === 0
      ? { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: `- NOTE_${i}: {placeholder ${i}}\n` }
      : { range: { start: { line: at, character: 0 }, end: { line: at + 1, character: 0 } }, text: '' };
    const done = new Promise((resolve) => { waiter = { uri: u, version, resolve }; });
    const sent = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: u, version }, contentChanges: [edit] });
    const at2 = await done;
    times.push(at2 - sent - debounce);
    await new Promise((r) => setTimeout(r, 300));
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)} (after the ${debounce} ms debounce, ${rounds} edits)`);
}

await measure(packet, 'packet edit');
await measure(spec, 'spec edit');
const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
console.log(`server peak memory: ${status.match(/VmHWM:\s+(\d+)/)[1] / 1024 | 0} MB`);
await connection.sendRequest(ShutdownRequest.type);
await connection.sendNotification(ExitNotification.type);
connection.dispose();
