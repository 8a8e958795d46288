/** At most `limit` requests per client per `windowMs`; the answer says when to come back. */
export interface RateLimiter {
  check(client: string, now?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
}

/**
 * A fixed-window counter per client, in memory: enough for one server process, and nothing about
 * the client (its IP address) is written anywhere.
 */
export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    check(client, now = Date.now()) {
      // Forget finished windows now and then, so the map does not grow with every client ever seen.
      if (now - lastSweep > windowMs) {
        for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
        lastSweep = now;
      }
      const window = windows.get(client);
      if (!window || now - window.start >= windowMs) {
        windows.set(client, { start: now, count: 1 });
        return { ok: true };
      }
      window.count += 1;
      if (window.count <= limit) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
    },
  };
}
