import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import { checkAddress } from '../core/capture/fetchPage';
import { maxPastedChars, reportCapture, savePageAsSource, type CaptureResult } from '../host/pageCapture';
import { chooseSourceFolder } from '../host/sourceFolderChoice';
import { captureServicesOf, objectArgument, stringField } from './captureServices';
import type { CommandDefinition } from './commandRegistry';
import type { SourcebookServices } from './sourcebookServices';

/**
 * "Sourcebook: Paste HTML as Source…": the page's HTML from the clipboard (copied from View Page
 * Source, or the browser's developer tools), with the address it came from asked for (it may be
 * left empty), saved like Add Source from URL saves a fetched page. For vscode.dev, where most
 * sites refuse to be fetched from a browser, and for pages behind a login. The argument
 * `{ html, url, folder }` stands in for the clipboard and the questions.
 */
export async function pasteHtmlAsSource(services: SourcebookServices, argument?: unknown): Promise<CaptureResult | undefined> {
  const options = objectArgument(argument);
  const html = typeof options.html === 'string' ? options.html : await vscode.env.clipboard.readText();
  const problem = pastedHtmlProblem(html);
  if (problem) return told({ ok: false, kind: 'not-html', message: problem });
  let url = stringField(options, 'url');
  if (url === undefined) {
    url = await vscode.window.showInputBox({
      title: vscode.l10n.t('Sourcebook: Paste HTML as Source'),
      prompt: vscode.l10n.t('The address the HTML came from, for the citation (leave empty if there is none).'),
      placeHolder: 'https://',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' || typeof checkAddress(value) !== 'string' ? undefined : (checkAddress(value) as string)),
    });
    if (url === undefined) return undefined;
  }
  let pageUrl: string | undefined;
  if (url.trim()) {
    const address = checkAddress(url);
    if (typeof address === 'string') return told({ ok: false, kind: 'bad-address', message: address });
    pageUrl = address.href;
  }
  const folder = await chooseSourceFolder(options.folder);
  if (!folder) return undefined;
  return told(await savePageAsSource(captureServicesOf(services), { html, url: pageUrl, folder }));
}

/** Why the clipboard's text cannot be saved as a page, if it cannot. */
function pastedHtmlProblem(html: string): string | undefined {
  if (!html.trim()) return vscode.l10n.t('The clipboard is empty: copy the page’s HTML (View Page Source, select all, copy), then run Paste HTML as Source again.');
  if (html.length > maxPastedChars) return vscode.l10n.t('The clipboard holds {0} MB of text, over the {1} MB a page may have.', Math.ceil(html.length / 1048576), Math.round(maxPastedChars / 1048576));
  if (!/<(!doctype|html|head|body|article|main|div|p|section|h[1-6])[\s>]/i.test(html)) return vscode.l10n.t('The clipboard holds text, not HTML: copy the page’s source (View Page Source, select all, copy), then run Paste HTML as Source again.');
  return undefined;
}

function told(result: CaptureResult): CaptureResult {
  void reportCapture(result);
  return result;
}

export const pasteHtmlAsSourceCommand: CommandDefinition = {
  id: CommandIds.pasteHtmlAsSource,
  title: vscode.l10n.t('Paste HTML as Source'),
  run: (services, argument) => pasteHtmlAsSource(services, argument),
};
