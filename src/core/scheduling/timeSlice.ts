/**
 * Tells a long computation written as a generator when it has held the thread long enough.
 * The computation asks `due()` inside every loop that grows with the corpus and yields when
 * it answers true; whoever drives the generator decides what a yield means (nothing at all
 * for the synchronous driver, a trip through the event loop for the cooperative one).
 */
export interface SliceClock {
  due(): boolean;
}

/** Never due: the computation runs straight through, as if it had no yield points. */
export const neverDue: SliceClock = { due: () => false };

/** A clock that is due once `sliceMs` have passed since it was last restarted. */
export class TimeSlice implements SliceClock {
  private deadline: number;

  constructor(private readonly sliceMs: number, private readonly now: () => number = defaultNow) {
    this.deadline = now() + sliceMs;
  }

  due(): boolean {
    return this.now() >= this.deadline;
  }

  /** Starts a fresh slice: call it when the thread comes back. */
  restart(): void {
    this.deadline = this.now() + this.sliceMs;
  }
}

/** `performance.now()` exists in node and in browsers (the vscode.dev worker), so the core needs no built-in for it. */
function defaultNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** A computation that yields (nothing) at slice points and returns its result. */
export type SlicedWork<T> = Generator<void, T, void>;

/** Runs sliced work to the end without ever giving the thread back. */
export function runToCompletion<T>(work: SlicedWork<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** How {@link runCooperatively} gives the thread back and learns that nobody wants the result any more. */
export interface CooperativeOptions {
  /** Resolves after the host had a chance to run other work (a `setTimeout(0)`, a message-channel tick). */
  yieldNow: () => Promise<void>;
  /** Checked after every yield: true drops the work and resolves undefined. */
  isCancelled?: () => boolean;
}

/**
 * Runs sliced work, awaiting `yieldNow()` every time the work yields; resolves its result,
 * or undefined when `isCancelled` said so at a yield. `clock` must be the clock the work checks,
 * so each slice starts when the thread comes back rather than when the yield began.
 */
export async function runCooperatively<T>(work: SlicedWork<T>, clock: TimeSlice, options: CooperativeOptions): Promise<T | undefined> {
  try {
    if (options.isCancelled?.()) return undefined;
    for (;;) {
      const step = work.next();
      if (step.done) return step.value;
      await options.yieldNow();
      if (options.isCancelled?.()) return undefined;
      clock.restart();
    }
  } finally {
    work.return(undefined as never);
  }
}
