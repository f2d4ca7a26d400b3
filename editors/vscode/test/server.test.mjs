// The governance language server against a client nobody here wrote: vscode-languageserver-protocol's
// connection (the one vscode-languageclient uses) over the real stdio of `governance lsp`.
//
//   GOVERNANCE_LSP_DLL=/path/to/governance.dll GOVERNANCE_FIXTURE=/path/to/examples/governed-repo node --test test/
//
// The fixture is copied to a temporary folder; the test opens a packet, asserts the published
// diagnostics (code, range, severity), types a defect, fixes it, and shuts the server down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';

const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidOpenTextDocumentNotification, HoverRequest, DefinitionRequest, CodeActionRequest, DidChangeTextDocumentNotification, PublishDiagnosticsNotification,
} = protocol;

const dll = process.env.GOVERNANCE_LSP_DLL;
const fixture = process.env.GOVERNANCE_FIXTURE;

/** Starts the server on a copy of the fixture; returns the connection and a queue of published diagnostics. */
function start() {
  const root = mkdtempSync(join(tmpdir(), 'gov-lsp-node-'));
  cpSync(fixture, root, { recursive: true });
  const server = spawn('dotnet', [dll, 'lsp', '--stdio', '--today', '2026-12-02'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const waiting = [];
  const published = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const i = waiting.findIndex((w) => w.uri === params.uri);
    if (i >= 0) waiting.splice(i, 1)[0].resolve(params);
    else published.push(params);
  });
  connection.listen();
  /** The next publishDiagnostics for a URI (already received, or the next to come). */
  const next = (uri) => {
    const i = published.findIndex((p) => p.uri === uri);
    if (i >= 0) return Promise.resolve(published.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      waiting.push({ uri, resolve });
      setTimeout(() => reject(new Error(`no publishDiagnostics for ${uri} within 30 s`)), 30000).unref();
    });
  };
  const uri = (relative) => pathToFileURL(join(root, relative)).href;
  return { root, server, exited, connection, next, uri, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

const brief = (d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} s${d.severity}`;

test('diagnostics are published, follow an edit, and clear when it is undone', { skip: !dll || !fixture ? 'GOVERNANCE_LSP_DLL and GOVERNANCE_FIXTURE are not set' : false }, async () => {
  const s = start();
  try {
    const init = await s.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(s.root).href,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      workspaceFolders: [{ uri: pathToFileURL(s.root).href, name: 'fixture' }],
    });
    assert.equal(init.capabilities.textDocumentSync.change, 2);
    assert.equal(init.serverInfo.name, 'governance');
    await s.connection.sendNotification(InitializedNotification.type, {});

    // A packet nobody opened: its diagnostics come all the same.
    const cancel = await s.next(s.uri('docs/task_packets/WP-1-Job-Cancel.md'));
    assert.deepEqual(cancel.diagnostics.slice(0, 3).map(brief), ['GOV106 3:11-3:26 s1', 'GOV108 4:8-4:18 s1', 'GOV107 8:10-8:21 s1']);
    assert.equal(cancel.diagnostics[2].message, "STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)");
    assert.match(cancel.diagnostics[2].codeDescription.href, /^file:\/\/.*\/docs\/rules\/GOV107\.md$/);

    // Open a clean packet and type a defect into its STATUS (line 9, value from character 10).
    const storage = s.uri('docs/task_packets/WP-1-Storage-Layer.md');
    const text = readFileSync(join(s.root, 'docs/task_packets/WP-1-Storage-Layer.md'), 'utf8');
    await s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: storage, languageId: 'markdown', version: 1, text } });
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: storage, version: 2 },
      contentChanges: [{ range: { start: { line: 8, character: 10 }, end: { line: 8, character: 23 } }, text: 'Nearly' }],
    });
    const defect = await s.next(storage);
    assert.equal(defect.version, 2);
    assert.deepEqual(defect.diagnostics.map(brief), ['GOV107 8:10-8:16 s1']);
    assert.equal(defect.diagnostics[0].message, "STATUS 'Nearly' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)");

    // Undo it: the packet's diagnostics are cleared.
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: storage, version: 3 },
      contentChanges: [{ range: { start: { line: 8, character: 10 }, end: { line: 8, character: 16 } }, text: 'Ready-for-Dev' }],
    });
    const fixed = await s.next(storage);
    assert.equal(fixed.version, 3);
    assert.deepEqual(fixed.diagnostics, []);

    // Hover and go to definition on the SPEC_ANCHOR (line 58, "- **SPEC_ANCHOR**: §2.3.12.3 ...").
    const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: storage }, position: { line: 57, character: 22 } });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*§2\.3\.12\.3 Storage API Abstraction Pattern \[CX-DBP-021\]\*\*  \n`Example_Master_Spec_v01\.2\.md` line 20\n/);
    assert.match(hover.contents.value, /- covered by line 26 \(substance: trait, database\): \*\*MUST\*\* The backend MUST define a Database trait with async methods\./);
    const definition = await s.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: storage }, position: { line: 57, character: 22 } });
    assert.equal(definition.uri, s.uri('Example_Master_Spec_v01.2.md'));
    assert.deepEqual(definition.range, { start: { line: 19, character: 5 }, end: { line: 19, character: 58 } });

    // Code actions on the unopened Cancel packet's STATUS: its fixes, the suppression, the baseline.
    const cancelUri = s.uri('docs/task_packets/WP-1-Job-Cancel.md');
    const actions = await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: cancelUri }, range: { start: { line: 8, character: 12 }, end: { line: 8, character: 12 } }, context: { diagnostics: [] },
    });
    assert.deepEqual(actions.map((a) => a.title).slice(-1), ['Suppress GOV107 on this line']);
    assert.equal(actions.at(-1).edit.changes[cancelUri][0].newText, '<!-- governance-disable-next-line GOV107 -->\n');

    await s.connection.sendRequest(ShutdownRequest.type);
    await s.connection.sendNotification(ExitNotification.type);
    assert.equal(await s.exited, 0);
  } finally {
    s.connection.dispose();
    s.server.kill();
    s.dispose();
  }
});
