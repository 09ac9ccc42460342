/**
 * `npm run test:desktop`: the same integration suite as `npm test`, in desktop VS Code
 * downloaded by @vscode/test-electron (needs internet and a display, or xvfb-run).
 * Set VSCODE_VERSION to pick a version (default: stable).
 */
import { runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

async function main(): Promise<void> {
  // Compiled to out/test/runDesktopTests.js.
  const repoRoot = path.resolve(__dirname, '..', '..');
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-desktop-'));
  // The suite may edit the draft and writes its results beside the workspace folder.
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.join(repoRoot, 'demo'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
      launchArgs: [
        workspace,
        '--disable-workspace-trust',
        '--disable-extensions',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
    });
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('Desktop integration tests failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
