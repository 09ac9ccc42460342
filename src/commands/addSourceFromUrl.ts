import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import { checkAddress, defaultFetchLimits, type FetchLimits } from '../core/capture/fetchPage';
import { fetchWithProgress, reportCapture, saveDocumentAsSource, savePageAsSource, type CaptureResult } from '../host/pageCapture';
import { chooseSourceFolder } from '../host/sourceFolderChoice';
import { captureServicesOf, objectArgument, stringField } from './captureServices';
import type { CommandDefinition } from './commandRegistry';
import type { SourcebookServices } from './sourcebookServices';

const pasteInstead = vscode.l10n.t('Paste HTML as Source...');

/**
 * "Sourcebook: Add Source from URL…": asks for an http(s) address (or takes it as the argument:
 * a string, or `{ url, folder, timeoutMs, maxBytes, maxRedirects, maxDocumentBytes }`, where the
 * limits can only be tightened), asks which source folder, fetches the page within the limits of
 * `fetchPage`, keeps its article and saves it as markdown with front matter, indexed at once and
 * opened. A PDF or Word file at the address is saved as it is (`.pdf`, `.docx`) and read the same.
 * Resolves with how it ended (also told to the writer); undefined when the writer cancels.
 */
export async function addSourceFromUrl(services: SourcebookServices, argument?: unknown): Promise<CaptureResult | undefined> {
  const options = typeof argument === 'string' ? { url: argument } : objectArgument(argument);
  const url = stringField(options, 'url') ?? (await askForAddress());
  if (url === undefined) return undefined;
  const address = checkAddress(url);
  if (typeof address === 'string') return told({ ok: false, kind: 'bad-address', message: address });
  const folder = await chooseSourceFolder(options.folder);
  if (!folder) return undefined;
  const fetched = await fetchWithProgress(address.href, tightenedLimits(options));
  if (!fetched.ok) {
    const result: CaptureResult = { ok: false, kind: fetched.kind, message: fetched.message };
    // Not awaited: the command answers at once, the button works whenever it is clicked.
    void reportCapture(result, fetched.kind === 'browser-blocked' ? [pasteInstead] : []).then((choice) => {
      if (choice === pasteInstead) void vscode.commands.executeCommand(CommandIds.pasteHtmlAsSource, { url: address.href, folder: folder.toString() });
    });
    services.logger.warn(`Add Source from URL: ${fetched.message}`);
    return result;
  }
  if (fetched.document) return told(await saveDocumentAsSource(captureServicesOf(services), { document: fetched.document, folder }));
  const page = fetched.page;
  return told(await savePageAsSource(captureServicesOf(services), { html: page.html, url: page.url, folder, truncatedAtBytes: page.truncated ? page.bytes : undefined }));
}

function told(result: CaptureResult): CaptureResult {
  void reportCapture(result);
  return result;
}

async function askForAddress(): Promise<string | undefined> {
  const clipboard = (await vscode.env.clipboard.readText().then(undefined, () => '')).trim();
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Sourcebook: Add Source from URL'),
    prompt: vscode.l10n.t('The address of the web page (http or https). Its article is saved as a markdown source.'),
    placeHolder: 'https://',
    value: /^https?:\/\/\S+$/i.test(clipboard) && clipboard.length < 2000 ? clipboard : undefined,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? undefined : typeof checkAddress(value) === 'string' ? (checkAddress(value) as string) : undefined),
  });
}

/** Limits from the argument, each only ever below the default. */
function tightenedLimits(options: Record<string, unknown>): Partial<FetchLimits> {
  const limit = (key: keyof FetchLimits, minimum: number) => {
    const value = options[key];
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(defaultFetchLimits[key], Math.max(minimum, Math.floor(value))) : defaultFetchLimits[key];
  };
  return { timeoutMs: limit('timeoutMs', 100), maxBytes: limit('maxBytes', 1024), maxRedirects: limit('maxRedirects', 0), maxDocumentBytes: limit('maxDocumentBytes', 1024) };
}

export const addSourceFromUrlCommand: CommandDefinition = {
  id: CommandIds.addSourceFromUrl,
  title: vscode.l10n.t('Add Source from URL'),
  run: (services, argument) => addSourceFromUrl(services, argument),
};
