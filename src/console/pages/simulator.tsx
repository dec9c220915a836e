import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { raw } from 'hono/html';
import { regenciesOfWebIdentity, simTranscript, webIdentities } from '../../store/console-sim.js';
import { getOutboxState } from '../../store/outbox.js';
import type { ConsoleEnv } from '../auth.js';
import { canSeeRegency } from '../auth.js';
import {
  type C,
  type ConsoleDeps,
  Forbidden,
  flashOf,
  formHandler,
  pageCtx,
  pageHandler,
  redirectFlash,
  scopeFor,
} from '../context.js';
import { Csrf, Layout, when } from '../ui.js';

// The same identity rule as the web chat API.
const IDENTITY = /^[\w.@:+-]{1,40}$/;

async function checkIdentity(c: C, deps: ConsoleDeps, identity: string) {
  const admin = c.get('admin');
  const regencies = await regenciesOfWebIdentity(deps.db, identity);
  if (regencies.some((r) => !canSeeRegency(admin, r))) throw new Forbidden();
}

/** Waits (bounded) until the turn's replies went through the delivery worker. */
async function waitForReplies(deps: ConsoleDeps, ids: number[], ms = 4000) {
  const until = Date.now() + ms;
  for (const id of ids) {
    for (;;) {
      const s = await getOutboxState(deps.db, id);
      if (!s || ['sent', 'delivered', 'read', 'failed', 'dead'].includes(s.status) || Date.now() > until)
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export function mountSimulator(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/simulator',
    pageHandler(async (c, ctx, t) => {
      const ids = await webIdentities(deps.db, scopeFor(c));
      const suggestion = `sim-${ctx.admin.id}-${Math.floor(deps.now().getTime() / 1000) % 100000}`;
      return c.html(
        <Layout ctx={ctx} title={t('sim.title')} error={flashOf(c, 'err')}>
          <p>{t('sim.intro')}</p>
          <form method="get" action="/console/simulator/open" class="inline">
            <label>
              {t('sim.identity')}
              <br />
              <input name="identity" value={suggestion} pattern="[\w.@:+\-]{1,40}" required />
            </label>
            <button type="submit">{t('sim.open')}</button>
          </form>
          <h2>{t('sim.existing')}</h2>
          <ul>
            {ids.map((i) => (
              <li>
                <a href={`/console/simulator/${encodeURIComponent(i.external_id)}`}>{i.external_id}</a>{' '}
                <span class="muted">
                  {i.business_name ?? i.full_name ?? ''} {when(i.last_inbound_at, ctx.admin.locale)}
                </span>
              </li>
            ))}
          </ul>
        </Layout>,
      );
    }),
  );

  r.get('/console/simulator/open', (c) => {
    const identity = c.req.query('identity') ?? '';
    if (!IDENTITY.test(identity))
      return redirectFlash(c, '/console/simulator', pageCtx(c).t('sim.bad_identity'), 'err');
    return c.redirect(`/console/simulator/${encodeURIComponent(identity)}`, 303);
  });

  r.get(
    '/console/simulator/:identity',
    pageHandler(async (c, ctx, t) => {
      const identity = c.req.param('identity') ?? '';
      if (!IDENTITY.test(identity)) return c.text(t('sim.bad_identity'), 400);
      await checkIdentity(c, deps, identity);
      const lines = await simTranscript(deps.db, identity);
      const lastBot = [...lines].reverse().find((l) => l.from === 'bot');
      const options =
        lastBot && Array.isArray(lastBot.payload.options)
          ? (lastBot.payload.options as Array<{ id: string; label: string }>)
          : [];
      const action = `/console/simulator/${encodeURIComponent(identity)}`;
      return c.html(
        <Layout ctx={ctx} title={`${t('sim.title')}: ${identity}`}>
          <div class="chat" id="chat">
            <div class="msgs">
              {lines.map((l) => {
                const p = l.payload;
                const text =
                  typeof p.text === 'string'
                    ? p.text
                    : typeof p.caption === 'string'
                      ? `📄 ${p.caption}`
                      : typeof p.optionId === 'string'
                        ? `[${p.optionId}]`
                        : '…';
                const opts =
                  l.from === 'bot' && Array.isArray(p.options) ? (p.options as Array<{ label: string }>) : [];
                return (
                  <div class={`msg ${l.from}`} data-from={l.from}>
                    {text}
                    {opts.length ? `\n${opts.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}` : ''}
                  </div>
                );
              })}
            </div>
          </div>
          {options.length ? (
            <form method="post" action={action} class="inline">
              <Csrf token={ctx.csrf} />
              {options.map((o) => (
                <button type="submit" name="optionId" value={o.id}>
                  {o.label}
                </button>
              ))}
            </form>
          ) : null}
          <form method="post" action={action} class="inline" id="send">
            <Csrf token={ctx.csrf} />
            <input
              name="text"
              placeholder={t('sim.placeholder')}
              autocomplete="off"
              autofocus
              maxlength={2000}
              style="flex:1;min-width:12rem"
            />
            <button type="submit">{t('sim.send')}</button>
            <a href={action}>{t('sim.refresh')}</a>
          </form>
          {raw('<script>var c=document.getElementById("chat");c.scrollTop=c.scrollHeight</script>')}
        </Layout>,
      );
    }),
  );

  r.post(
    '/console/simulator/:identity',
    formHandler(async (c, body, t) => {
      const identity = c.req.param('identity') ?? '';
      if (!IDENTITY.test(identity)) return c.text(t('sim.bad_identity'), 400);
      await checkIdentity(c, deps, identity);
      const text = body.text?.trim().slice(0, 2000);
      const optionId = body.optionId?.slice(0, 256);
      const action = `/console/simulator/${encodeURIComponent(identity)}`;
      if (!text && !optionId) return c.redirect(action, 303);
      const outcome = await deps.engine.handle({
        channel: 'web',
        externalUserId: identity,
        messageId: randomUUID(),
        at: deps.now(),
        displayName: `Simulator ${identity}`,
        text: optionId ? undefined : text,
        optionId: optionId || undefined,
      });
      await waitForReplies(deps, outcome.outboxIds.slice(0, outcome.replies));
      return c.redirect(action, 303);
    }),
  );
}
