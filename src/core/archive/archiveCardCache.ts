import type { ArchiveTopicCard } from './archiveProtocol';
import type { ArchiveOutcome } from './archiveClient';

export interface ArchiveCardCacheOptions {
  /** Cards kept (the oldest goes first). */
  capacity?: number;
  /** How long a card is kept: the archive is updated all day. */
  lifetimeMs?: number;
  now?: () => number;
  /** Told of an answer's malformed records, which were left out. */
  onDropped?: (term: string, dropped: number) => void;
}

/**
 * The archive's hover cards by term. A hover waits for a card only briefly; the request goes on
 * after that, and its card is kept, so the next hover of the term shows it at once. One request
 * per term at a time; a failure is not kept (the next hover asks again, the client's quiet
 * period permitting). "No such topic" (null) is kept like a card, so a plain word is asked once.
 */
export class ArchiveCardCache {
  private readonly cards = new Map<string, { card: ArchiveTopicCard | null; at: number }>();
  private readonly pending = new Map<string, Promise<ArchiveTopicCard | null | undefined>>();
  private readonly capacity: number;
  private readonly lifetimeMs: number;
  private readonly now: () => number;
  private generation = 0;

  constructor(
    private readonly fetchCard: (term: string, limit: number) => Promise<ArchiveOutcome<ArchiveTopicCard | null>>,
    private readonly options: ArchiveCardCacheOptions = {},
  ) {
    this.capacity = options.capacity ?? 500;
    this.lifetimeMs = options.lifetimeMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The card if it is kept, else the card if it comes within `waitMs`, else undefined (it is kept when it comes). */
  async cardFor(term: string, limit: number, waitMs: number): Promise<ArchiveTopicCard | null | undefined> {
    const key = `${limit}\u0000${term}`;
    const kept = this.cards.get(key);
    if (kept && this.now() - kept.at < this.lifetimeMs) return kept.card;
    let request = this.pending.get(key);
    if (!request) {
      const generation = this.generation;
      request = this.fetchCard(term, limit).then(
        (outcome) => {
          this.pending.delete(key);
          if (!outcome.ok || generation !== this.generation) return undefined;
          if (outcome.dropped > 0) this.options.onDropped?.(term, outcome.dropped);
          this.cards.delete(key);
          this.cards.set(key, { card: outcome.value, at: this.now() });
          if (this.cards.size > this.capacity) this.cards.delete(this.cards.keys().next().value as string);
          return outcome.value;
        },
        () => {
          this.pending.delete(key);
          return undefined;
        },
      );
      this.pending.set(key, request);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), waitMs);
    });
    try {
      return await Promise.race([request, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forgets every card, and any answer still on its way (the archive or the token changed). */
  clear(): void {
    this.generation++;
    this.cards.clear();
    this.pending.clear();
  }
}
