import type { Hono } from 'hono';
import { raw } from 'hono/html';
import QRCode from 'qrcode';
import type { ConsoleEnv } from '../auth.js';
import { type ConsoleDeps, pageHandler } from '../context.js';
import { Layout, when } from '../ui.js';

export function mountWhatsApp(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/whatsapp',
    pageHandler(async (c, ctx, t) => {
      const links = deps.channelStatus ? await deps.channelStatus().catch(() => []) : [];
      const qrs = await Promise.all(
        links.map((l) =>
          l.state === 'linking' && l.qr
            ? QRCode.toString(l.qr, { type: 'svg', margin: 2, width: 280 })
            : Promise.resolve(null),
        ),
      );
      // While starting or linking the state changes on its own: look again in a few seconds.
      const busy = links.some((l) => l.state === 'starting' || l.state === 'linking');
      return c.html(
        <Layout ctx={ctx} title={t('wa.title')}>
          {busy ? raw('<meta http-equiv="refresh" content="5">') : null}
          {links.length === 0 ? <p class="muted">{t('wa.none')}</p> : null}
          {links.map((l, i) => (
            <div class="card" style="max-width:420px">
              <p>
                <b>{l.channel}</b>
                <br />
                {t('wa.state')}: <b id={`state-${l.channel}`}>{t(`wa.state_${l.state}`)}</b>
                <br />
                {t('wa.since')}: {when(l.since, ctx.admin.locale)}
                {l.detail ? (
                  <>
                    <br />
                    <span class="muted">{l.detail}</span>
                  </>
                ) : null}
              </p>
              {qrs[i] ? (
                <>
                  <p>{t('wa.scan')}</p>
                  <div id="qr">{raw(qrs[i])}</div>
                </>
              ) : null}
            </div>
          ))}
        </Layout>,
      );
    }),
  );
}
