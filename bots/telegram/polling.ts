import type { Telegram } from 'telegraf';
import type { Engine } from '../../src/conversation/engine.js';
import type { Logger } from '../../src/logger.js';
import { errorMessage } from '../../src/logger.js';
import { handleUpdate } from './webhook.js';

export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/**
 * Long polling for an office without a public HTTPS address. Updates of one poll are handled in
 * order; the offset is confirmed only after they are processed, so a crash re-reads them (and
 * the engine's dedupe keeps them to one effect). stop() ends the loop after the current poll.
 */
export function startPolling(deps: {
  engine: Engine;
  telegram: Telegram;
  log: Logger;
  timeoutSeconds?: number;
}) {
  let running = true;
  let offset = 0;
  // Aborting the long poll lets shutdown finish at once instead of after the poll's timeout.
  const abort = new AbortController();
  const loop = (async () => {
    await deps.telegram.deleteWebhook().catch(() => {});
    while (running) {
      try {
        const updates = await deps.telegram.callApi(
          'getUpdates',
          { timeout: deps.timeoutSeconds ?? 25, limit: 100, offset, allowed_updates: [...ALLOWED_UPDATES] },
          // telegraf types the signal with its own AbortController polyfill; Node's is compatible.
          { signal: abort.signal as never },
        );
        for (const update of updates) {
          if (!running) break;
          await handleUpdate(deps.engine, deps.telegram, update, deps.log);
          offset = update.update_id + 1;
        }
      } catch (err) {
        if (!running) break;
        deps.log.warn({ err: errorMessage(err) }, 'telegram polling failed; retrying');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      abort.abort();
      await loop;
    },
  };
}
