// The demo's side panel, the same on every page: what the page script did (chat ID, Metrica IDs,
// links before and after), the business side (send the message as a bot webhook or CRM would),
// the upload to (fake) Metrica, and the yield report. Plain browser JS, served as is.
(() => {
  const $ = (sel) => document.querySelector(sel);
  const api = () => window.MetricaChatsDemo || window.MetricaChats;
  const esc = (s) =>
    String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const cookie = (name) => {
    const m = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
    return m ? decodeURIComponent(m[1]) : '';
  };

  async function postJson(path, body) {
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

  function renderIds() {
    const a = api();
    let clientId = '';
    try {
      if (typeof window.ym === 'function') clientId = window.ym(window.DEMO_COUNTER_ID, 'getClientID') || '';
    } catch {
      /* the stand-in may not be there yet */
    }
    const params = new URLSearchParams(location.search);
    $('#demo-ids').innerHTML = `
      <tr><th>Chat ID</th><td data-testid="chat-id">${esc(a?.getChatId?.() || '(not yet: consent or loading)')}</td></tr>
      <tr><th>ClientID (ym getClientID / _ym_uid)</th><td data-testid="client-id">${esc(clientId || cookie('_ym_uid') || '(none yet)')}</td></tr>
      <tr><th>yclid (this URL)</th><td>${esc(params.get('yclid') || '(none in this URL; kept from the landing URL for 90 days)')}</td></tr>`;
  }

  function renderLinks() {
    const rows = [...document.querySelectorAll('.links a')].map((link, i) => {
      const before = link.getAttribute('data-demo-original') || '';
      const after = link.getAttribute('href') || '';
      const same = before === after;
      const message = same ? '' : carried(after).text;
      return `<tr><td>${esc(link.textContent)}</td><td><code>${esc(before)}</code></td>
        <td><code class="${same ? 'muted' : 'ok'}">${esc(same ? '(unchanged)' : after)}</code>
        ${message ? `<div class="carried">carries: <q>${esc(message)}</q></div>` : ''}</td>
        <td>${same ? '' : `<button type="button" data-pick="${i}">Use</button>`}</td></tr>`;
    });
    $('#demo-links').innerHTML =
      `<tr><th>Link</th><th>Before</th><th>After rewriting</th><th></th></tr>${rows.join('')}`;
  }

  function pick(index) {
    const link = document.querySelectorAll('.links a')[index];
    if (!link) return;
    const c = carried(link.getAttribute('href') || '');
    $('#msg-platform').value = c.platform;
    $('#msg-channel').value = c.channel;
    $('#msg-text').value = c.text;
  }

  async function sendChat(event) {
    event.preventDefault();
    const body = {
      channel: $('#msg-channel').value,
      platform: $('#msg-platform').value,
      text: $('#msg-text').value,
      partner: $('#msg-partner').value,
    };
    const res = await postJson('/demo/chat', body);
    $('#msg-result').textContent = JSON.stringify(res.body, null, 2);
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
    const res = await fetch('/demo/report');
    $('#report-result').textContent = await res.text();
  }

  function mount() {
    const panel = document.createElement('div');
    panel.innerHTML = `
      <section><h2>What the page script did</h2><table id="demo-ids"></table>
        <h3>Messenger links</h3><table id="demo-links"></table></section>
      <section><h2>Messenger side (the business)</h2>
        <p class="muted">Pick a link's message (or paste what the visitor sent), edit it as people do, and
        send it to the collector as the bot's webhook or the CRM would.</p>
        <form id="msg-form">
          <label>Platform <select id="msg-platform"><option>whatsapp</option><option>telegram</option><option>viber</option></select></label>
          <label>Arrives through <select id="msg-channel">
            <option value="crm">CRM: POST /v1/chats</option>
            <option value="telegram-webhook">Telegram bot webhook</option>
            <option value="viber-webhook">Viber bot webhook</option></select></label>
          <label>Partner (phone, username or user ID) <input id="msg-partner" value="+79990001122"></label>
          <label>First message <textarea id="msg-text" rows="4"></textarea></label>
          <button type="submit">Send to the collector</button>
        </form>
        <pre id="msg-result" data-testid="match-result"></pre></section>
      <section><h2>Upload to Metrica</h2>
        <p>Sends the chats not yet uploaded to the local fake Metrica API, as this command does:</p>
        <pre id="upload-command">${esc(window.DEMO_UPLOAD_COMMAND || '')}</pre>
        <button type="button" id="upload">Upload pending chats</button>
        <pre id="upload-result" data-testid="upload-result"></pre></section>
      <section><h2>Yield report</h2><button type="button" id="report">Refresh</button>
        <pre id="report-result" data-testid="report-result"></pre></section>`;
    document.body.appendChild(panel);
    $('#msg-form').addEventListener('submit', sendChat);
    $('#upload').addEventListener('click', upload);
    $('#report').addEventListener('click', report);
    $('#demo-links').addEventListener('click', (e) => {
      const i = e.target?.getAttribute?.('data-pick');
      if (i !== null && i !== undefined) pick(Number(i));
    });
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
