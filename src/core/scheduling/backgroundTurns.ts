/**
 * Takes turns between long background computations (topics, figures, the quotation index) so
 * that the host that runs them keeps answering the writer.
 *
 * Every computation works in short slices and, between two slices, awaits `yieldNow()`. A plain
 * `setTimeout(0)` yield is not enough once two or three computations run at once: each pass
 * through the event loop then runs a slice of every one of them, the loop is never idle, and a
 * message that needs several passes (VS Code's remote connection inflates and deflates every
 * message on node's worker pool, one chunk per pass) waits hundreds of milliseconds. Measured in
 * the load test: a hover answered 0.3 ms after it reached Sourcebook, but reached it 370-790 ms
 * after it was asked for.
 *
 * So only one slice runs per turn, turns come at most every `restMs` after the previous slice
 * ended (the loop is free in between), and an interaction (a hover, a search keystroke) holds
 * the next turn back for `quietMs`, so the answer and the messages around it go out first. A turn
 * is held back once at most, so a writer who hovers or types without pause slows the work down
 * but never stops it.
 * It needs nothing but `setTimeout`, which node and the browser worker both have.
 */
export class BackgroundTurns {
  private readonly waiting: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The timer armed at a turn in case its computation ends without yielding again. */
  private timerIsFallback = false;
  private quietUntil = 0;
  /** Whether the coming turn was already held back once: a writer who never stops typing must not stop the work. */
  private heldBack = false;
  private disposed = false;

  constructor(
    private readonly options: { restMs: number; quietMs: number } = { restMs: 3, quietMs: 20 },
    private readonly now: () => number = defaultNow,
  ) {}

  /** Resolves when it is this computation's turn again; pass it wherever a `yieldNow` is asked for. */
  readonly yieldNow = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (this.disposed) {
        resolve();
        return;
      }
      this.waiting.push(resolve);
      // The computation whose turn it was has finished its slice: the next turn comes after a rest.
      if (this.timer && this.timerIsFallback) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
      this.scheduleTurn(this.options.restMs);
    });

  /** The writer is waiting for an answer: background work holds back for a moment. */
  noteInteraction(): void {
    this.quietUntil = Math.max(this.quietUntil, this.now() + this.options.quietMs);
  }

  /** How many computations are waiting for a turn (for tests and the log). */
  get waitingCount(): number {
    return this.waiting.length;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // Let every waiter run on: a computation that checks for cancellation will stop by itself.
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private scheduleTurn(restMs: number): void {
    if (this.timer || this.waiting.length === 0) return;
    this.timer = setTimeout(() => this.takeTurn(), restMs);
    this.timerIsFallback = false;
  }

  private takeTurn(): void {
    this.timer = undefined;
    const quietFor = this.quietUntil - this.now();
    if (quietFor > 0 && !this.heldBack) {
      this.heldBack = true;
      this.timer = setTimeout(() => this.takeTurn(), quietFor);
      this.timerIsFallback = false;
      return;
    }
    this.heldBack = false;
    // First come, first served: a computation that yields again goes to the back of the line.
    // Its slice runs in the microtasks right after this callback.
    const next = this.waiting.shift();
    next?.();
    // Normally the resumed computation yields again after its slice, which arms the next turn. If it
    // ends instead, this fallback gives the others their turn.
    if (this.waiting.length > 0) {
      this.timer = setTimeout(() => this.takeTurn(), this.options.restMs);
      this.timerIsFallback = true;
    }
  }
}

function defaultNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
