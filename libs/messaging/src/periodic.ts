/**
 * Runs `task` every `everyMs`, one run at a time (a tick while a run is in flight is skipped), reporting a failed run
 * to `onError` and trying again at the next tick. The timer never keeps the process alive; the returned function
 * stops it (a run in flight is not waited for).
 */
export function everyOneAtATime(
  everyMs: number,
  task: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => void {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= task()
      .catch(onError)
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
