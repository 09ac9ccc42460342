/**
 * A worker's one-way trip to failure, shared by the node and the browser channels: reported once
 * to every listener, and not at all after the channel was disposed on purpose.
 */
export class FailureSignal {
  private readonly listeners: Array<(reason: string) => void> = [];
  private state: 'alive' | 'failed' | 'disposed' = 'alive';

  /** True once the worker failed or the channel was disposed: nothing more is posted to it. */
  get stopped(): boolean {
    return this.state !== 'alive';
  }

  fail(reason: string): void {
    if (this.state !== 'alive') return;
    this.state = 'failed';
    for (const listener of this.listeners) listener(reason);
  }

  onFailure(listener: (reason: string) => void): void {
    this.listeners.push(listener);
  }

  dispose(): void {
    if (this.state === 'alive') this.state = 'disposed';
  }
}
