// Hover and definition at a position of a document of a repository, printed (a hand check on the corpus).
//   node bench/probe.mjs governance.dll ROOT RELATIVE LINE CHARACTER
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification, HoverRequest, DefinitionRequest, PublishDiagnosticsNotification } = protocol;
const [dll, root, rel, line, ch] = process.argv.slice(2);
const server = spawn('dotnet', [dll, 'lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
const c = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let n = 0; c.onNotification(PublishDiagnosticsNotification.type, () => n++);
c.listen();
await c.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
await c.sendNotification(InitializedNotification.type, {});
let last = -1; while (n !== last || n === 0) { last = n; await new Promise((r) => setTimeout(r, 1000)); }
const p = { textDocument: { uri: pathToFileURL(join(root, rel)).href }, position: { line: Number(line), character: Number(ch) } };
const h = await c.sendRequest(HoverRequest.type, p);
console.log('HOVER:\n' + (h ? h.contents.value : 'null'));
console.log('DEFINITION: ' + JSON.stringify(await c.sendRequest(DefinitionRequest.type, p)));
await c.sendRequest(ShutdownRequest.type); await c.sendNotification(ExitNotification.type); c.dispose();
