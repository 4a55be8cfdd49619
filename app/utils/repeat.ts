/** Runs a background task now and then every `everyMs`, without keeping the process alive for it. */
export function repeatEvery(everyMs: number, run: () => void): { stop(): void } {
  run();
  const timer = setInterval(run, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
