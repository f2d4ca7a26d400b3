// The Orchestrator Governance extension: starts `governance lsp` (the language server of the
// Orchestrator.Governance.Cli dotnet tool) for the Markdown, YAML and JSON documents of a folder
// that holds governance.yml or governance documents (see package.json's activationEvents).
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The command that starts the server, from the governance.server.path setting. */
export function serverCommand(setting: string | undefined): { command: string; args: string[] } {
  const path = (setting ?? '').trim();
  if (path === '') return { command: 'governance', args: ['lsp'] };
  if (path.toLowerCase().endsWith('.dll')) return { command: 'dotnet', args: [path, 'lsp'] };
  return { command: path, args: ['lsp'] };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('governance');
  if (!configuration.get<boolean>('enable', true)) return;

  const { command, args } = serverCommand(configuration.get<string>('server.path'));
  // TransportKind.stdio adds --stdio, which `governance lsp` accepts.
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
    ],
  };

  // The client id 'governance' makes the governance.trace.server setting work.
  client = new LanguageClient('governance', 'Orchestrator Governance', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('governance.enable') || e.affectsConfiguration('governance.server.path')) {
        const choice = await vscode.window.showInformationMessage('Reload the window for the governance settings to take effect.', 'Reload');
        if (choice === 'Reload') await vscode.commands.executeCommand('workbench.action.reloadWindow');
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
