/**
 * A background loop that polls for work: at once after `wake()` or while work is waiting, else every
 * `idleMs`; never two passes at a time, and `stop()` waits for a pass in flight. The search and
 * message outboxes run on it.
 */
export abstract class Poller {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = true;
  private wakeRequested = false;

  constructor(
    private readonly idleMs: number,
    protected readonly log: (line: string) => void,
    private readonly name: string,
  ) {}

  /** One pass; true when more work is waiting (the next pass starts at once). */
  protected abstract pass(): Promise<boolean>;

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }

  wake() {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick() {
    if (this.running || this.stopped) return;
    this.running = true;
    let again = false;
    try {
      again = await this.pass();
    } catch (error) {
      this.log(`${this.name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
    const soon = again || this.wakeRequested;
    this.wakeRequested = false;
    this.schedule(soon ? 0 : this.idleMs);
  }
}
