import { chinaDay } from "../postings/dates.ts";

/**
 * Exposure spread: how many people's lists an item was in today (China time). An item at the day's
 * cap gives way to the next best for everyone it has not been shown to yet, so no post fills
 * everyone's list (issue 11: ranking by hire chance alone crowds everyone onto the same posts).
 *
 * Kept in the process: one site process serves a city, the counts only need to hold for a day,
 * and a restart forgetting them costs a few extra showings, not correctness
 * (docs/decisions/2026-12-02-matching-ranks-interest-by-chance.md).
 */
export class ExposureLedger {
  private day = "";
  private readonly shown = new Map<string, Set<string>>();

  constructor(readonly dailyCap: number) {}

  private today(now: Date) {
    const day = chinaDay(now);
    if (day !== this.day) {
      this.day = day;
      this.shown.clear();
    }
  }

  /** People the item was shown to today. */
  count(itemId: string, now: Date): number {
    this.today(now);
    return this.shown.get(itemId)?.size ?? 0;
  }

  /** Whether the item may enter this person's list: under the cap, or already shown to them today. */
  mayShow(itemId: string, person: string, now: Date): boolean {
    this.today(now);
    const people = this.shown.get(itemId);
    return !people || people.size < this.dailyCap || people.has(person);
  }

  record(person: string, itemIds: string[], now: Date) {
    this.today(now);
    for (const id of itemIds) {
      let people = this.shown.get(id);
      if (!people) this.shown.set(id, (people = new Set()));
      people.add(person);
    }
  }
}

/** Default cap: a post in 200 lists a day is seen by more people than it can hire; the test bounds it at 5 % of 10,000. */
export const DAILY_EXPOSURE_CAP = 200;

const holder = globalThis as typeof globalThis & { __exposure?: ExposureLedger };
export function exposureLedger(): ExposureLedger {
  return (holder.__exposure ??= new ExposureLedger(DAILY_EXPOSURE_CAP));
}
