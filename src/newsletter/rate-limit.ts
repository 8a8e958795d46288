/** At most `limit` requests per client per `windowMs`; the answer says when to come back. */
export interface RateLimiter {
  check(client: string, now?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** How many clients are remembered now. */
  readonly size: number;
}

/** Clients remembered at once, by default: about 1 MB whatever the traffic. */
const MAX_CLIENTS = 10_000;
/** Where clients beyond `maxClients` are counted, together. */
const OVERFLOW = '\0overflow';

/**
 * A fixed-window counter per client, in memory: enough for one server process, and nothing about
 * the client (its IP address) is written anywhere. Memory is bounded: past `maxClients` clients in
 * one window, new ones share one counter, so a flood of distinct addresses is limited as one client.
 */
export function createRateLimiter({ limit, windowMs, maxClients = MAX_CLIENTS }: { limit: number; windowMs: number; maxClients?: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  const sweep = (now: number) => {
    for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
    lastSweep = now;
  };
  return {
    check(client, now = Date.now()) {
      // Forget finished windows now and then, so the map does not grow with every client ever seen.
      if (now - lastSweep > windowMs) sweep(now);
      let key = client;
      if (!windows.has(key) && windows.size >= maxClients) {
        // At most one sweep a second: a flood must not make every request walk the whole map.
        if (now - lastSweep > 1000) sweep(now);
        if (windows.size >= maxClients) key = OVERFLOW;
      }
      const window = windows.get(key);
      if (!window || now - window.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        return { ok: true };
      }
      window.count += 1;
      if (window.count <= limit) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
    },
    get size() {
      return windows.size;
    },
  };
}
