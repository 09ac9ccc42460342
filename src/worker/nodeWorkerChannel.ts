import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { EngineChannel, FromEngine } from '../core/derived/derivedProtocol';
import { FailureSignal } from '../core/derived/failureSignal';

/**
 * Starts `script` (the bundled `nodeWorkerMain`) in a node worker thread and speaks the engine
 * protocol with it. The thread must not keep a closing extension host alive, so it is unref'd;
 * an error or an exit that nobody asked for is reported once through `onFailure`. Without
 * `resourceLimits` the thread gets the process's heap limit (V8's default or `--max-old-space-size`).
 */
export function startNodeWorkerChannel(script: string, options: { resourceLimits?: ResourceLimits } = {}): EngineChannel {
  const worker = new Worker(script, { name: 'Sourcebook derived indexes', resourceLimits: options.resourceLimits });
  worker.unref();
  const failure = new FailureSignal();
  worker.on('error', (error) => failure.fail(error instanceof Error ? error.message : String(error)));
  worker.on('exit', (code) => failure.fail(`the worker thread exited (code ${code})`));
  return {
    kind: 'worker',
    post(message, transfer) {
      if (!failure.stopped) worker.postMessage(message, transfer);
    },
    onMessage(listener) {
      worker.on('message', (message: FromEngine) => listener(message));
    },
    onFailure(listener) {
      failure.onFailure(listener);
    },
    dispose() {
      failure.dispose();
      void worker.terminate();
    },
  };
}
