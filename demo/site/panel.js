// The demo's side panel, the same on every page: what the page script did (chat ID, Metrica IDs,
// the pairing beacon, links before and after), the business side (send the message as a bot
// webhook or CRM would, and read the verdict), the upload to (fake) Metrica, and the yield report.
// Plain browser JS, served as is.
(() => {
  const $ = (sel) => document.querySelector(sel);
  const api = () => window.MetricaChatsDemo || window.MetricaChats;
  const esc = (s) =>
    String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const cookie = (name) => {
    const m = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
    return m ? decodeURIComponent(m[1]) : '';
  };
  const clock = (ms) => new Date(ms).toLocaleTimeString();
  // The links a visitor would leave the demo through: the demo catches these instead.
  const MESSENGER =
    /^(?:https?:\/\/(?:wa\.me|api\.whatsapp\.com|web\.whatsapp\.com|t\.me|telegram\.me|telegram\.dog)(?:\/|$)|whatsapp:|viber:|tg:)/i;

  async function postJson(path, body) {
    try {
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body || {}),
      });
      const text = await res.text();
      try {
        return { status: res.status, body: JSON.parse(text) };
      } catch {
        return { status: res.status, body: text };
      }
    } catch (error) {
      return { status: 0, body: { error: `the demo server did not answer (${error.message}); is it still running?` } };
    }
  }

  /** What a link would put into the chat: the pre-filled text, the bot's start payload or Viber's context. */
  function carried(href) {
    const q = href.split('#')[0].split('?')[1] || '';
    const params = {};
    for (const pair of q.split('&')) {
      const i = pair.indexOf('=');
      if (i < 0) continue;
      try {
        params[decodeURIComponent(pair.slice(0, i))] = decodeURIComponent(pair.slice(i + 1).replace(/\+/g, ' '));
      } catch {
        /* leave malformed values out */
      }
    }
    if (/^viber:/i.test(href)) {
      if (/^viber:\/\/pa/i.test(href))
        return { platform: 'viber', channel: 'viber-webhook', text: params.context || '' };
      return { platform: 'viber', channel: 'crm', text: params.draft || params.text || '' };
    }
    if (/whatsapp|wa\.me/i.test(href)) return { platform: 'whatsapp', channel: 'crm', text: params.text || '' };
    if (params.start !== undefined) {
      return { platform: 'telegram', channel: 'telegram-webhook', text: `/start ${params.start}` };
    }
    return { platform: 'telegram', channel: 'crm', text: params.text || '' };
  }

  // Written only when its content changes, so a row under the cursor or a selection stays put.
  const shown = new Map();
  function show(sel, html) {
    if (shown.get(sel) === html) return;
    shown.set(sel, html);
    $(sel).innerHTML = html;
  }

  function renderIds() {
    const a = api();
    let clientId = '';
    try {
      if (typeof window.ym === 'function') clientId = window.ym(window.DEMO_COUNTER_ID, 'getClientID') || '';
    } catch {
      /* the stand-in may not be there yet */
    }
    const params = new URLSearchParams(location.search);
    show(
      '#demo-ids',
      `<tr><th>Chat ID</th><td data-testid="chat-id">${esc(a?.getChatId?.() || '(not yet: consent or loading)')}</td></tr>
      <tr><th>ClientID (ym getClientID / _ym_uid)</th><td data-testid="client-id">${esc(clientId || cookie('_ym_uid') || '(none yet)')}</td></tr>
      <tr><th>yclid (this URL)</th><td>${esc(params.get('yclid') || '(none in this URL; kept from the landing URL for 90 days)')}</td></tr>`,
    );
  }

  function renderLinks() {
    const rows = [...document.querySelectorAll('.links a')].map((link, i) => {
      const before = link.getAttribute('data-demo-original') || '';
      const after = link.getAttribute('href') || '';
      const same = before === after;
      const message = same ? '' : carried(after).text;
      return `<tr><td>${esc(link.textContent)}</td><td><code class="url">${esc(before)}</code></td>
        <td><code class="url ${same ? 'muted' : 'ok'}">${esc(same ? '(unchanged)' : after)}</code>
        ${message ? `<div class="carried">carries: <q>${esc(message)}</q></div>` : ''}</td>
        <td>${same ? '' : `<button type="button" data-pick="${i}">Use</button>`}</td></tr>`;
    });
    show('#demo-links', `<tr><th>Link</th><th>Before</th><th>After rewriting</th><th></th></tr>${rows.join('')}`);
  }

  /** Puts what a messenger link carries into the "Messenger side" form. */
  function fillForm(href) {
    const c = carried(href);
    $('#msg-platform').value = c.platform;
    $('#msg-channel').value = c.channel;
    $('#msg-text').value = c.text;
  }

  function pick(index) {
    const link = document.querySelectorAll('.links a')[index];
    if (link) fillForm(link.getAttribute('href') || '');
  }

  // A click on a messenger link would leave the demo for the real wa.me / t.me. The page script
  // has already rewritten the link and sent the pairing (it listens in the capture phase); here,
  // last in the bubble phase, the demo keeps the visitor and shows what they would have opened.
  function catchMessengerLink(event) {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const link = event.target?.closest?.('a[href]');
    const href = link?.getAttribute('href') || '';
    if (!link || !MESSENGER.test(href)) return;
    event.preventDefault();
    $('#would-open').hidden = false;
    $('#would-open-url').textContent = href;
    $('#would-open-name').textContent = link.textContent.trim();
    fillForm(href);
    $('#msg-form').scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  const REASONS = {
    no_chat_id: () => 'no chat ID in the message',
    chat_id_not_paired: (r) => `chat ID ${r.chatId} was found, but no pairing beacon for it reached the collector`,
    pairing_without_metrica_id: (r) =>
      `the pairing for chat ID ${r.chatId} has no Metrica ID (no ClientID, yclid, UserID or PurchaseID)`,
  };
  const ID_NAMES = [
    ['clientId', 'ClientID'],
    ['yclid', 'yclid'],
    ['userId', 'UserID'],
    ['purchaseId', 'PurchaseID'],
  ];
  const listIds = (ids) => {
    const parts = ID_NAMES.filter(([key]) => ids[key]).map(([key, name]) => `${name} ${ids[key]}`);
    return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0] || 'no Metrica ID';
  };

  /** One line in words for what the collector did with a chat: matched, not attributed (why), refused. */
  function verdict(res) {
    const b = res.body || {};
    if (res.status !== 200 || b.status === undefined)
      return { ok: false, text: `Not sent: ${b.error || `HTTP ${res.status}`}` };
    const reply = b.reply && typeof b.reply === 'object' ? b.reply : {};
    if (b.status >= 400) {
      const field = reply.field ? ` (field \`${reply.field}\`)` : '';
      return { ok: false, text: `Refused by the collector, HTTP ${b.status}: ${reply.error || b.reply}${field}.` };
    }
    const r = b.result || ('matched' in reply ? reply : null);
    if (!r) {
      // A webhook that stored nothing says why: its message was the business's own, a status, a known partner…
      const why =
        Array.isArray(reply.ignored) && reply.ignored.length > 0 ? ` (ignored: ${reply.ignored.join(', ')})` : '';
      return { ok: true, text: `Accepted by the collector (HTTP ${b.status}); no chat was stored from it${why}.` };
    }
    if (r.matched) return { ok: true, text: `Matched to ${listIds(r.matched)} (chat ID ${r.chatId}).` };
    const why = REASONS[r.unattributedReason];
    return {
      ok: false,
      text: `Not attributed: ${why ? why(r) : r.unattributedReason}. The chat is still stored and uploaded, unattributed.`,
    };
  }

  async function sendChat(event) {
    event.preventDefault();
    const body = {
      channel: $('#msg-channel').value,
      platform: $('#msg-platform').value,
      text: $('#msg-text').value,
      partner: $('#msg-partner').value,
    };
    $('#msg-verdict').textContent = 'Sending…';
    const res = await postJson('/demo/chat', body);
    const v = verdict(res);
    $('#msg-verdict').textContent = v.text;
    $('#msg-verdict').className = `verdict ${v.ok ? 'ok' : 'bad'}`;
    $('#msg-result').textContent = JSON.stringify(res.body, null, 2);
    $('#msg-raw').hidden = false;
    report();
  }

  async function upload() {
    $('#upload-result').textContent = 'Uploading…';
    const res = await postJson('/demo/upload');
    const b = res.body || {};
    $('#upload-result').textContent = [
      `exit code ${b.exitCode}`,
      b.output || '',
      b.csv ? `\nCSV sent:\n${b.csv}` : '',
      b.error ? `\n${b.error}` : '',
    ].join('\n');
    report();
  }

  async function report() {
    try {
      const res = await fetch('/demo/report');
      $('#report-result').textContent = await res.text();
      $('#report-time').textContent = `as of ${clock(Date.now())}`;
    } catch (error) {
      $('#report-result').textContent = `The demo server did not answer (${error.message}).`;
    }
  }

  /** Shows a pairing beacon the page script sent, then what the collector answered to it. */
  async function beaconSent(detail) {
    let pairing = {};
    try {
      pairing = JSON.parse(detail.body);
    } catch {
      /* a body the watcher could not read */
    }
    const what = listIds(pairing);
    const line = `Pairing beacon sent at ${clock(detail.at)} by ${detail.via}${detail.queued ? '' : ' (the browser refused to queue it)'}: chat ID ${pairing.chatId || '?'} with ${what}${pairing.platform ? `, on a click on a ${pairing.platform} link` : ''}.`;
    $('#beacon-sent').textContent = line;
    $('#beacon-answer').textContent = 'Waiting for the collector’s answer…';
    const chatId = pairing.chatId || '';
    for (let attempt = 0; attempt < 20; attempt++) {
      let answer = null;
      try {
        const res = await fetch(`/demo/beacons?chatId=${encodeURIComponent(chatId)}&since=${detail.at - 2000}`);
        if (res.ok) answer = await res.json();
      } catch {
        /* tried again below */
      }
      const last = answer?.answers?.at(-1);
      if (last) {
        const stored = answer.pairing ? ` Stored: chat ID ${answer.pairing.chatId} ↔ ${listIds(answer.pairing)}.` : '';
        $('#beacon-answer').textContent = `Collector answered ${last.status} ${last.meaning}.${stored}`;
        $('#beacon-answer').className = last.status < 300 ? 'ok' : 'bad';
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    $('#beacon-answer').textContent = 'No answer from the collector recorded yet.';
  }

  function mount() {
    const panel = document.createElement('div');
    panel.innerHTML = `
      <section><h2>What the page script did</h2><table id="demo-ids"></table>
        <p id="beacon" data-testid="beacon-status"><span id="beacon-sent">No pairing beacon sent yet: it goes once a
        Metrica ID is known, at the latest on a click on a messenger link.</span> <span id="beacon-answer"></span></p>
        <h3>Messenger links</h3><table id="demo-links"></table></section>
      <section><h2>Messenger side (the business)</h2>
        <div id="would-open" data-testid="would-open" hidden>
          <p>The visitor clicked <b id="would-open-name"></b>. Their browser would now open this URL (the demo stays
          here instead); the form below holds the message it carries:</p>
          <code id="would-open-url" class="url" data-testid="would-open-url"></code></div>
        <p class="muted">Pick a link's message (or paste what the visitor sent), edit it as people do, and
        send it to the collector as the bot's webhook, a channel connector or the CRM would.</p>
        <form id="msg-form">
          <label>Platform <select id="msg-platform"><option>whatsapp</option><option>telegram</option><option>viber</option></select></label>
          <label>Arrives through <select id="msg-channel">
            <option value="crm">CRM: POST /v1/chats</option>
            <option value="telegram-webhook">Telegram bot webhook</option>
            <option value="viber-webhook">Viber bot webhook</option>
            <option value="telegram-business">Telegram Business (personal account)</option>
            <option value="whatsapp-cloud">WhatsApp Cloud API</option>
            <option value="green-api">Green-API (WhatsApp)</option>
            <option value="wazzup">Wazzup (the platform picked)</option></select></label>
          <label>Partner (phone, username or user ID) <input id="msg-partner" value="+79990001122"></label>
          <label>First message <textarea id="msg-text" rows="4"></textarea></label>
          <button type="submit">Send to the collector</button>
        </form>
        <p id="msg-verdict" class="verdict" data-testid="match-verdict"></p>
        <details id="msg-raw" hidden><summary>Raw reply</summary>
          <pre id="msg-result" data-testid="match-result"></pre></details></section>
      <section><h2>Upload to Metrica</h2>
        <p>Sends the chats not yet uploaded to the local fake Metrica API, as this command does:</p>
        <pre id="upload-command" data-testid="upload-command">${esc(window.DEMO_UPLOAD_COMMAND || '')}</pre>
        <button type="button" id="upload">Upload pending chats</button>
        <pre id="upload-result" data-testid="upload-result"></pre></section>
      <section><h2>Yield report</h2><p class="muted">Refreshed after every send and upload
        <span id="report-time"></span>.</p><button type="button" id="report">Refresh</button>
        <pre id="report-result" data-testid="report-result"></pre></section>`;
    document.body.appendChild(panel);
    $('#msg-form').addEventListener('submit', sendChat);
    $('#upload').addEventListener('click', upload);
    $('#report').addEventListener('click', report);
    $('#demo-links').addEventListener('click', (e) => {
      const i = e.target?.getAttribute?.('data-pick');
      if (i !== null && i !== undefined) pick(Number(i));
    });
    document.addEventListener('click', catchMessengerLink);
    document.addEventListener('auxclick', catchMessengerLink);
    window.addEventListener('demo:beacon', (e) => beaconSent(e.detail));
    const earlier = window.DEMO_BEACONS || [];
    if (earlier.length > 0) beaconSent(earlier[earlier.length - 1]);
    const refresh = () => {
      renderIds();
      renderLinks();
    };
    refresh();
    setInterval(refresh, 1000);
    report();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
})();
