import { DerivedEngine, type EngineLibraries } from './derivedEngine';
import type { EngineChannel, FromEngine, ToEngine } from './derivedProtocol';

/**
 * The derived-index engine on the caller's own thread, behind the same channel a worker has:
 * for hosts that cannot start a worker, and for unit tests. Messages are delivered
 * asynchronously and in order, as a worker's would be, but not cloned (nothing mutates them).
 * `yieldNow` is the host's turn-taking yield, so a build shares the thread politely.
 */
export function createInThreadEngine(yieldNow: () => Promise<void>, sliceMs = 8, libraries: EngineLibraries = {}): EngineChannel {
  const listeners: Array<(message: FromEngine) => void> = [];
  let disposed = false;
  const deliver = (message: FromEngine) => {
    queueMicrotask(() => {
      if (!disposed) for (const listener of listeners) listener(message);
    });
  };
  const engine = new DerivedEngine(deliver, { yieldNow, sliceMs }, libraries);
  return {
    kind: 'in-thread',
    post(message: ToEngine): void {
      if (disposed) return;
      queueMicrotask(() => {
        if (!disposed) engine.receive(message);
      });
    },
    onMessage(listener) {
      listeners.push(listener);
    },
    onFailure() {
      // The engine shares this thread: it cannot die on its own.
    },
    dispose() {
      disposed = true;
    },
  };
}
