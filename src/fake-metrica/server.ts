import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ConversionRecord, isAttributed, uploadCommentVerdict } from '../domain/index.js';
import { checkChatsCsv, updateKey } from './csv-check.js';
import { type FaultKind, faultReply, metricaError } from './faults.js';

export type { FaultKind };

/**
 * A fake of Metrica's CHATS upload API on 127.0.0.1: a real HTTP server, as strict as the docs,
 * so tests and the demo exercise the real client, multipart body and all. Point a client at
 * its `url` instead of https://api-metrika.yandex.net. The reference is docs/metrica-api.md;
 * each behaviour below is marked [D] documented, [Y] shown by Yandex's own API tests, or [I]
 * inferred where the docs are silent.
 */

export interface FakeUpload {
  id: number;
  counterId: string;
  comment: string;
  createdAt: number;
  /** Data rows in the file (`source_quantity`). */
  sourceRows: number;
  /** The rows that passed the checks and were stored (`line_quantity` is their count). */
  rows: ConversionRecord[];
  linked: number;
  notFound: number;
}

export interface FakeConversion {
  counterId: string;
  record: ConversionRecord;
  /** How many times a later upload updated this chat (same DateTime + ChatPlatform + partner). */
  updates: number;
}

export interface FakeMetrica {
  url: string;
  close(): Promise<void>;
  /** Every accepted upload, oldest first. */
  uploads(): FakeUpload[];
  /** The chats Metrica now holds, one per update key. */
  conversions(counterId?: string): FakeConversion[];
  /** Requests received (any route, any outcome) and the most that were in flight at once. */
  stats(): { requests: number; maxInFlight: number };
  faults: { next(kind: FaultKind, count?: number): void };
}

export interface FakeMetricaOptions {
  token: string;
  port?: number;
  /**
   * Metrica's clock in Unix seconds (default the real one). A clock behind the uploader's makes
   * Metrica skip rows whose DateTime it has not reached yet, as a clock skew would.
   */
  nowSeconds?: () => number;
  /** Time from UPLOADED to PROCESSED / LINKAGE_FAILURE (default 0). */
  processDelayMs?: number;
  /** Delay of a `slow` reply (default 2000 ms). */
  slowMs?: number;
  /** `Retry-After` of a `429` fault, in seconds (default 1). */
  retryAfterSeconds?: number;
}

const PREFIX = /^\/management\/v1\/counter\/(\d+)\/offline_conversions\/(upload|uploadings?)(?:\/(\d+))?$/;

export async function startFakeMetrica(options: FakeMetricaOptions): Promise<FakeMetrica> {
  const processDelayMs = options.processDelayMs ?? 0;
  const metricaNow = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const slowMs = options.slowMs ?? 2000;
  const uploads: FakeUpload[] = [];
  const conversions = new Map<string, FakeConversion>();
  const pending: FaultKind[] = [];
  let nextId = 7_000_001;
  let requests = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  function present(u: FakeUpload): Record<string, unknown> {
    const done = Date.now() - u.createdAt >= processDelayMs;
    const status = !done ? 'UPLOADED' : u.linked > 0 ? 'PROCESSED' : 'LINKAGE_FAILURE';
    return {
      id: u.id,
      create_time: new Date(u.createdAt).toISOString().replace(/\.\d+Z$/, 'Z'),
      source_quantity: u.sourceRows,
      line_quantity: u.rows.length,
      comment: u.comment,
      type: 'CHATS',
      // [D] in the reply's field list; which value a CHATS upload gets is not documented [I].
      client_id_type: 'CLIENT_ID',
      status,
      ...(done ? { linked_quantity: u.linked, user_not_found_quantity: u.notFound } : {}),
    };
  }

  const error = metricaError;

  async function handle(req: IncomingMessage, body: Buffer): Promise<[number, unknown]> {
    // [D] no token: 401 unauthorized; a token that is not valid: 403 invalid_token (errors page; [Y] messages).
    const auth = req.headers.authorization;
    if (auth === undefined || auth.trim() === '') return error(401, 'unauthorized', 'Неавторизованный пользователь');
    if (auth !== `OAuth ${options.token}`) return error(403, 'invalid_token', 'Invalid oauth_token');
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = PREFIX.exec(url.pathname);
    if (!match) return error(404, 'not_found', 'Not found');
    const [, counterId, route, id] = match as unknown as [string, string, string, string | undefined];
    if (req.method === 'GET' && route !== 'upload') {
      const mine = uploads.filter((u) => u.counterId === counterId);
      if (id === undefined && route === 'uploadings') {
        // [D] findAll_1: `type` defaults to BASIC, so a list without type=CHATS shows no chat uploads.
        const type = url.searchParams.get('type') ?? 'BASIC';
        return [200, { uploadings: type === 'CHATS' ? mine.map(present) : [] }];
      }
      const found = mine.find((u) => String(u.id) === id);
      if (!found) return error(404, 'not_found', `Загрузка ${id} не найдена`);
      return [200, { uploading: present(found) }];
    }
    if (req.method !== 'POST' || route !== 'upload' || id !== undefined) {
      return error(405, 'invalid_parameter', 'Method not allowed');
    }
    // [D] `type` defaults to BASIC; a BASIC file needs a Target column, which a CHATS file has not [I].
    const type = url.searchParams.get('type') ?? 'BASIC';
    if (type === 'BASIC') return error(400, 'invalid_uploading', 'Отсутствует обязательная колонка Target');
    if (type !== 'CHATS') return error(400, 'invalid_parameter', `Неверное значение параметра type: ${type}`);
    const comment = url.searchParams.get('comment') ?? '';
    // [D] at most 255 characters of digits, Latin and Cyrillic letters (and spaces, as the example); [Y] the message.
    const commentVerdict = uploadCommentVerdict(comment);
    if (commentVerdict) {
      return error(
        400,
        'invalid_parameter',
        commentVerdict.expected.startsWith('at most')
          ? 'Комментарий длиннее 255 символов'
          : 'Комментарий содержит недопустимые символы.',
      );
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!contentType.startsWith('multipart/form-data')) {
      return error(400, 'invalid_uploading', 'Некорректный формат multipart запроса.');
    }
    let form: FormData;
    try {
      form = await new Request('http://fake/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(body),
      }).formData();
    } catch {
      return error(400, 'invalid_uploading', 'Некорректный формат multipart запроса.');
    }
    const file = form.get('file');
    if (file === null || typeof file === 'string')
      return error(400, 'missing_parameter', 'Не найден параметр запроса.');
    // Buffer keeps a BOM that Blob.text() would drop: a BOM makes the first column name unknown.
    const check = checkChatsCsv(Buffer.from(await file.arrayBuffer()).toString('utf8'), metricaNow());
    if (!check.ok) return error(400, check.errorType, check.message);

    const upload: FakeUpload = {
      id: nextId++,
      counterId,
      comment,
      createdAt: Date.now(),
      sourceRows: check.sourceRows,
      rows: check.rows,
      linked: 0,
      notFound: 0,
    };
    for (const row of check.rows) {
      if (isAttributed(row)) upload.linked++;
      else upload.notFound++;
      const key = `${counterId}\u0000${updateKey(row)}`;
      const existing = conversions.get(key);
      // Counted as an update only when every key column matches exactly (the strict reading of
      // "DateTime + ChatPlatform + (ChatUsername/ChatUserID/PhoneNumber)" [D]; which reading
      // Metrica applies is not documented, so the fake takes the one that creates duplicates).
      if (existing) {
        existing.record = row;
        existing.updates++;
      } else {
        conversions.set(key, { counterId, record: row, updates: 0 });
      }
    }
    uploads.push(upload);
    // [D] upload_1 (the newest page, with CHATS among its types) answers one `uploading` object;
    // [Y] its status is UPLOADED with line_quantity already filled.
    return [200, { uploading: present(upload) }];
  }

  const server = createServer((req, res: ServerResponse) => {
    // The root is a page for people (the demo prints this URL); the API itself stays as strict.
    if (req.method === 'GET' && (req.url === '/' || req.url === '')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(indexPage(uploads.map(present)));
      return;
    }
    requests++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const fault = pending.shift();
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      // An error fault answers instead of handling the request: Metrica stores nothing on a 429 or 5xx.
      let status = 0;
      let payload: unknown = null;
      const answered = faultReply(fault, options.retryAfterSeconds ?? 1);
      if (answered) {
        [status, payload] = [answered.status, answered.body];
        Object.assign(headers, answered.headers);
      } else {
        [status, payload] = await handle(req, Buffer.concat(chunks)).catch((e): [number, unknown] =>
          error(500, 'backend_error', String(e)),
        );
      }
      let text = JSON.stringify(payload);
      if (fault === 'malformed-json') text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      if (fault === 'slow') await new Promise((r) => setTimeout(r, slowMs));
      if (res.destroyed) return;
      res.writeHead(status, headers).end(text);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    uploads: () => uploads.map((u) => ({ ...u, rows: [...u.rows] })),
    conversions: (counterId) =>
      [...conversions.values()]
        .filter((c) => counterId === undefined || c.counterId === counterId)
        .map((c) => ({ ...c })),
    stats: () => ({ requests, maxInFlight }),
    faults: {
      next(kind: FaultKind, count = 1) {
        for (let i = 0; i < count; i++) pending.push(kind);
      },
    },
  };
}

const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** What a person opening the fake API's root sees: what it is, and the uploads it has received. */
function indexPage(uploads: Record<string, unknown>[]): string {
  const rows = uploads
    .map(
      (u) =>
        `<tr><td>${escapeHtml(u.id)}</td><td>${escapeHtml(u.create_time)}</td><td>${escapeHtml(u.line_quantity)}</td>` +
        `<td>${escapeHtml(u.status)}</td><td>${escapeHtml(u.linked_quantity)}</td><td>${escapeHtml(u.comment)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Metrica API</title></head><body>
<h1>Fake Metrica API</h1>
<p>A local stand-in for <code>https://api-metrika.yandex.net</code>, as strict about the CHATS upload as the real one.
Point <code>metrica-chats upload --api-url</code> at this address. Requests need <code>Authorization: OAuth &lt;token&gt;</code>.</p>
<h2>Uploads received</h2>
${rows ? `<table><tr><th>ID</th><th>Created</th><th>Rows</th><th>Status</th><th>Linked</th><th>Comment</th></tr>${rows}</table>` : '<p>None yet.</p>'}
</body></html>`;
}
