import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { Logger } from '../core/model';
import { runCooperatively, TimeSlice } from '../core/scheduling/timeSlice';
import { writeAtomically } from './atomicWrite';

const cacheFileName = 'passage-index.bin';
const saveDelayMs = 2000;
const saveSliceMs = 8;

/**
 * Persists the index in the extension's storage so the next start is warm: the snapshot is
 * restored first, then the loader re-reads only the files whose modification time or size
 * changed. A corrupt, truncated or old-version cache is reported to the log and ignored (the
 * loader then rebuilds everything); writes are atomic (temp file + rename).
 */
export class IndexCache implements vscode.Disposable {
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly index: CorpusIndex,
    private readonly storageFolder: vscode.Uri | undefined,
    private readonly cacheKey: string,
    private readonly logger: Logger,
    /** Gives the thread back between slices of a save (at 100,000 passages a save is ~200 ms of work). */
    private readonly yieldNow: () => Promise<void>,
  ) {}

  /** Where the cache is written (undefined without a storage folder). */
  get cacheUri(): vscode.Uri | undefined {
    return this.storageFolder ? vscode.Uri.joinPath(this.storageFolder, `${this.cacheKey}-${cacheFileName}`) : undefined;
  }

  /** Restores the last snapshot; returns whether there was a usable one. */
  async restore(): Promise<boolean> {
    const uri = this.cacheUri;
    if (!uri) return false;
    let data: Uint8Array;
    try {
      data = await vscode.workspace.fs.readFile(uri);
    } catch {
      return false;
    }
    const started = Date.now();
    const result = this.index.restore(data);
    if (!result.ok) {
      this.logger.warn(`The index cache could not be used (${result.reason}); rebuilding it.`);
      return false;
    }
    this.logger.info(`Warm start: ${this.index.passageCount()} passages restored from the cache in ${Date.now() - started} ms.`);
    return true;
  }

  /** Saves a snapshot a little after the last change, so a burst of edits writes once. */
  scheduleSave(): void {
    if (!this.cacheUri) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), saveDelayMs);
  }

  /** Writes the cache now; resolves how many bytes were written (0 when nothing was). */
  async save(): Promise<number> {
    this.saveTimer = undefined;
    const uri = this.cacheUri;
    if (!uri) return 0;
    try {
      const clock = new TimeSlice(saveSliceMs);
      const bytes = await runCooperatively(this.index.snapshotInSlices(clock), clock, { yieldNow: this.yieldNow });
      if (!bytes) return 0;
      await writeAtomically(uri, bytes);
      return bytes.length;
    } catch (error) {
      this.logger.warn(`The index cache could not be written: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
  }
}
