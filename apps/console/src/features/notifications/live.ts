// The live stream of my notifications (Server-Sent Events). EventSource cannot send an Authorization header, so the
// token goes in `?access_token=` (the server moves it into the header before logging). A dropped stream is opened
// again after a growing pause, always with the session's current token; a renewed token opens a new stream.
import { session } from '../../api/session';

export interface StreamHandlers {
  onNotification(data: unknown, id: string): void;
  /** A (re)opened stream: whatever came meanwhile is only in the API, so the caller reloads its lists. */
  onOpen?(): void;
}

export interface StreamOptions {
  /** First pause after a drop, doubled on each failure up to maxDelayMs (with jitter). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Before reopening after a drop: lets the caller renew an expired token (one API call refreshes on 401). */
  beforeReconnect?: () => Promise<unknown>;
  createSource?: (url: string) => EventSource;
}

export function backoffDelay(failures: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exact = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exact * (0.75 + random() * 0.5));
}

/** Opens the stream while a session is active; answers a function that closes it for good. */
export function openNotificationStream(handlers: StreamHandlers, options: StreamOptions = {}): () => void {
  const baseMs = options.baseDelayMs ?? 1_000;
  const maxMs = options.maxDelayMs ?? 30_000;
  const create = options.createSource ?? ((url: string) => new EventSource(url));
  let source: EventSource | null = null;
  let openedWith: string | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const close = () => {
    source?.close();
    source = null;
    openedWith = null;
  };

  const open = () => {
    close();
    const token = session.token();
    if (stopped || !token) return;
    openedWith = token;
    const next = create(`/api/notifications/stream?access_token=${encodeURIComponent(token)}`);
    source = next;
    next.addEventListener('open', () => {
      failures = 0;
      handlers.onOpen?.();
    });
    next.addEventListener('notification', (event) => {
      const message = event as MessageEvent<string>;
      try {
        handlers.onNotification(JSON.parse(message.data), message.lastEventId);
      } catch {
        // A malformed item is skipped; the inbox list still has it.
      }
    });
    next.addEventListener('error', () => {
      if (source !== next) return;
      // EventSource would retry by itself with the same (perhaps expired) token: we retry ourselves instead.
      close();
      failures += 1;
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          timer = undefined;
          void (options.beforeReconnect?.() ?? Promise.resolve())
            .catch(() => undefined)
            .then(() => {
              if (!stopped) open();
            });
        },
        backoffDelay(failures, baseMs, maxMs),
      );
    });
  };

  // A renewed token (the session refreshes it before expiry) opens a new stream; a logout closes it.
  const unsubscribe = session.subscribe(() => {
    const token = session.token();
    if (!token) {
      clearTimeout(timer);
      close();
    } else if (source && token !== openedWith) {
      open();
    } else if (!source && !timer) {
      open();
    }
  });
  open();

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    close();
  };
}
