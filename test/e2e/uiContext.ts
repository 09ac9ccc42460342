/**
 * What the harness (scripts/uiSuite.mjs) hands the UI tests: a Chromium page on a
 * real VS Code workbench served by code-server, with Sourcebook loaded as a
 * development extension and a throw-away copy of demo/ open.
 */
import type { Page } from 'playwright-core';

export interface UiContext {
  page: Page;
  /** The workspace copy on this machine (tests may edit files in it). */
  workspaceFolder: string;
  /** The bundled corpus folder of the extension under test. */
  corpusFolder: string;
  /** Saves a screenshot of the whole page to test-results/ with a numbered name; returns its path. */
  screenshot(step: string): Promise<string>;
  /** A real Sourcebook Archive holding test/fixtures/archive (scripts/testArchive.mjs), or why there is none here. */
  archive?: { url: string; token: string } | { unavailable: string };
}

/** The global the harness sets before it loads the UI tests. */
export const UI_CONTEXT_GLOBAL = 'sourcebookUiContext';

/** The context of the current UI run; fails clearly when the tests were started some other way. */
export function uiContext(): UiContext {
  const context = (globalThis as Record<string, unknown>)[UI_CONTEXT_GLOBAL] as UiContext | undefined;
  if (!context) throw new Error('The UI tests run from scripts/test.mjs (npm test), which opens the workbench for them.');
  return context;
}
