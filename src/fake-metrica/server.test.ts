import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type FakeMetrica, startFakeMetrica } from './server.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests read Metrica's JSON replies field by field.
type Reply = Record<string, any>;

const TOKEN = 'fake-token-ABC123';
const CSV = 'ClientID,DateTime,ChatPlatform,ChatUserID\n133591247640966458,1687005600,telegram,42\n';

let fake: FakeMetrica;
before(async () => {
  fake = await startFakeMetrica({ token: TOKEN, processDelayMs: 150 });
});
after(() => fake.close());

function form(text: string | null, name = 'file'): FormData {
  const f = new FormData();
  if (text !== null) f.set(name, new Blob([text], { type: 'text/csv' }), 'chats.csv');
  return f;
}

async function post(counter: string, query: string, body: FormData | string, auth = `OAuth ${TOKEN}`) {
  const res = await fetch(`${fake.url}/management/v1/counter/${counter}/offline_conversions/upload${query}`, {
    method: 'POST',
    headers: auth ? { Authorization: auth } : {},
    body,
  });
  return { status: res.status, body: (await res.json()) as Reply };
}

describe('fake Metrica', () => {
  test('refuses a missing OAuth header with 401 and a wrong one with 403 invalid_token', async () => {
    const missing = await post('1', '?type=CHATS', form(CSV), '');
    assert.equal(missing.status, 401);
    assert.equal(missing.body.errors[0].error_type, 'unauthorized');
    for (const auth of ['Bearer x', `OAuth ${TOKEN}x`, `oauth ${TOKEN}`]) {
      const r = await post('1', '?type=CHATS', form(CSV), auth);
      assert.equal(r.status, 403, auth);
      assert.equal(r.body.errors[0].error_type, 'invalid_token');
      assert.equal(r.body.code, 403);
    }
  });

  test("answers 400 in Metrica's error shape for a bad request", async () => {
    const cases: Array<[string, FormData | string, string, RegExp]> = [
      // Without `type` the upload is BASIC, which needs a Target column.
      ['', form(CSV), 'invalid_uploading', /Target/],
      ['?type=BASIC', form(CSV), 'invalid_uploading', /Target/],
      ['?type=CALLS', form(CSV), 'invalid_parameter', /type: CALLS/],
      ['?type=CHATS', 'file=x', 'invalid_uploading', /multipart/],
      ['?type=CHATS', form(CSV, 'upload'), 'missing_parameter', /Не найден параметр/],
      ['?type=CHATS', form(''), 'invalid_uploading', /empty/],
      ['?type=CHATS', form('DateTime,ChatUserID\n1,2\n'), 'invalid_uploading', /обязательная колонка ChatPlatform/],
      [
        '?type=CHATS',
        form('DateTime,ChatPlatform\n1,viber\n'),
        'invalid_uploading',
        /ChatUsername\/ChatUserID\/PhoneNumber/,
      ],
      [
        '?type=CHATS',
        form('DateTime,ChatPlatform,ChatUserID\n1,viber,"a\n'),
        'invalid_uploading',
        /Неверный формат данных/,
      ],
      ['?type=CHATS', form('DateTime,ChatPlatform,ChatUserID\n'), 'invalid_uploading', /строке номер 2/],
      [
        '?type=CHATS',
        form('\ufeffDateTime,ChatPlatform,ChatUserID\n1,viber,a\n'),
        'invalid_uploading',
        /Неизвестная колонка/,
      ],
      [`?type=CHATS&comment=${'x'.repeat(256)}`, form(CSV), 'invalid_parameter', /255/],
      ['?type=CHATS&comment=Batch%20(part%201)', form(CSV), 'invalid_parameter', /недопустимые символы/],
      ['?type=CHATS&comment=%F0%9F%93%85', form(CSV), 'invalid_parameter', /недопустимые символы/],
    ];
    for (const [query, body, type, message] of cases) {
      const r = await post('1', query, body);
      assert.equal(r.status, 400, `${query} ${String(message)} ${r.body.message}`);
      assert.equal(r.body.code, 400);
      assert.equal(r.body.errors[0].error_type, type, query);
      assert.match(r.body.errors[0].message, message);
    }
    assert.equal(fake.uploads().length, 0);
  });

  test('accepts an upload, moves it UPLOADED -> PROCESSED, lists and updates by key', async () => {
    const first = await post('555', '?type=CHATS&comment=First%20batch', form(CSV));
    assert.equal(first.status, 200);
    const u = first.body.uploading;
    assert.equal(u.status, 'UPLOADED');
    assert.equal(u.comment, 'First batch');
    assert.equal(u.source_quantity, 1);
    assert.equal(u.line_quantity, 1);
    assert.equal(u.type, 'CHATS');
    const path = `${fake.url}/management/v1/counter/555/offline_conversions`;
    const auth = { headers: { Authorization: `OAuth ${TOKEN}` } };
    await new Promise((r) => setTimeout(r, 200));
    const one = (await (await fetch(`${path}/uploading/${u.id}`, auth)).json()) as Reply;
    assert.equal(one.uploading.status, 'PROCESSED');
    assert.equal(one.uploading.linked_quantity, 1);
    assert.equal(one.uploading.user_not_found_quantity, 0);
    // The list defaults to type=BASIC: chat uploads show only with type=CHATS.
    const basic = (await (await fetch(`${path}/uploadings`, auth)).json()) as Reply;
    assert.deepEqual(basic.uploadings, []);
    const list = (await (await fetch(`${path}/uploadings?type=CHATS`, auth)).json()) as Reply;
    assert.deepEqual(
      list.uploadings.map((x: { id: number }) => x.id),
      [u.id],
    );
    assert.equal((await fetch(`${path}/uploading/1`, auth)).status, 404);

    // Same DateTime + platform + partner with a new Tag: an update, not a second chat.
    assert.equal((await post('555', '?type=CHATS', form(CSV))).status, 200);
    const updated = await post(
      '555',
      '?type=CHATS',
      form('DateTime,ChatPlatform,ChatUserID,Tag\n1687005600,telegram,42,hot\n'),
    );
    assert.equal(updated.status, 200);
    const chats = fake.conversions('555');
    assert.equal(chats.length, 1);
    assert.equal(chats[0]!.updates, 2);
    assert.equal(chats[0]!.record.Tag, 'hot');

    // One more partner column changes the key under the strict reading: a second conversion.
    await post(
      '555',
      '?type=CHATS',
      form('DateTime,ChatPlatform,ChatUserID,PhoneNumber\n1687005600,telegram,42,+79161234567\n'),
    );
    assert.equal(fake.conversions('555').length, 2);
  });

  test('skips rows with a bad mandatory value, keeps the rest, and says so in line_quantity', async () => {
    const csv = [
      'ClientID,DateTime,ChatPlatform,ChatUserID,Price,Currency',
      '133591247640966458,1687005600,telegram,1,100.00,RUB',
      'notNumber,1687005601,telegram,2,,',
      ',9999999999,viber,3,,',
      ',1687005603,icq,4,,',
      ',1687005604,viber,,,',
      ',1687005605,whatsapp,6,12x,RUR',
      ',,,,',
    ].join('\n');
    const r = await post('557', '?type=CHATS', form(`${csv}\n`));
    assert.equal(r.status, 200);
    assert.equal(r.body.uploading.source_quantity, 6);
    assert.equal(r.body.uploading.line_quantity, 2);
    const kept = fake.conversions('557').map((c) => c.record);
    assert.deepEqual(
      kept.map((k) => k.ChatUserID),
      ['1', '6'],
    );
    // A bad price or currency keeps the row without them.
    assert.equal(kept[1]!.Price, undefined);
    assert.equal(kept[1]!.Currency, undefined);
  });

  test('an upload with no Metrica ID ends as LINKAGE_FAILURE', async () => {
    const r = await post(
      '556',
      '?type=CHATS',
      form('DateTime,ChatPlatform,PhoneNumber\n1687005600,whatsapp,+71234567890\n'),
    );
    await new Promise((res) => setTimeout(res, 200));
    const one = (await (
      await fetch(`${fake.url}/management/v1/counter/556/offline_conversions/uploading/${r.body.uploading.id}`, {
        headers: { Authorization: `OAuth ${TOKEN}` },
      })
    ).json()) as Reply;
    assert.equal(one.uploading.status, 'LINKAGE_FAILURE');
    assert.equal(one.uploading.user_not_found_quantity, 1);
  });

  test('its root is a page for people listing the uploads received, without counting as a request', async () => {
    const before = fake.stats().requests;
    const res = await fetch(`${fake.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    assert.match(html, /<h1>Fake Metrica API<\/h1>/);
    const ids = fake.uploads().map((u) => u.id);
    assert.ok(ids.length > 0, 'earlier tests uploaded something');
    for (const id of ids) assert.match(html, new RegExp(`<td>${id}</td>`));
    assert.equal(fake.stats().requests, before);
  });

  test('injects faults into the next requests only', async () => {
    fake.faults.next('429');
    fake.faults.next('503');
    const a = await post('1', '?type=CHATS', form(CSV));
    assert.equal(a.status, 429);
    assert.equal(a.body.errors[0].error_type, 'quota_requests_by_ip');
    const b = await post('1', '?type=CHATS', form(CSV));
    assert.equal(b.status, 503);
    const c = await post('1', '?type=CHATS', form(CSV));
    assert.equal(c.status, 200);
    fake.faults.next('reset');
    await assert.rejects(post('1', '?type=CHATS', form(CSV)), /fetch failed/);
  });
});
