import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Browser, type ChatOutcome, judge, type Verdict, YieldWorld } from './test-support/yield-world.js';

/**
 * The yield test: a corpus of visitors and their chats, written the way people and messengers
 * write them, through the real collector and uploader against the fake Metrica on loopback. It
 * prints the yield (chats that carried a chat ID and reached Metrica with their own visit's
 * Metrica ID) and fails when any chat is lost or credited to the wrong visitor.
 */

const DAY = 86_400;
const MIN = 60;

// Chat IDs as the page script generates them (fixed here so that every run reads the same text).
const IDS = [
  'CT7KQ2M9XA',
  'CT4HW8N3RB',
  'CT9P2LX7QF',
  'CT3VZ5K8MD',
  'CT6TB2R9JH',
  'CT8MF4Y2WC',
  'CT5RD7G3KP',
  'CT2XN6H4TV',
  'CT7JC3W8LE',
  'CT4FS9B2QZ',
  'CT3ME6U8RA',
  'CT9GY4D7NK',
  'CT6LP2V5HX',
  'CT8QA3J7SB',
  'CT5WK9E2GT',
  'CT2BT7Z4MF',
  'CT7UH5C9PD',
  'CT4NV8X3LJ',
  'CT3SG6Q2YE',
  'CT9DR4K7WA',
  'CT6ZE3N8HQ',
  'CT8HJ2T5VM',
  'CT5CX7F4RN',
  'CT2KM9S6GB',
  'CT7YW4P3DU',
  'CT3PF8A2KV',
  'CT9TN5B4XW',
  'CT6AD2H7YS',
  'CT4QZ8M3EG',
  'CT8VB5R2JN',
];
let nextId = 0;
let nextClient = 0;
const ids = (n: number): string[] => {
  nextId += n;
  return IDS.slice(nextId - n, nextId);
};
const clientId = (): string => `17023456781${String(20_000_000 + nextClient++)}`;
const yclid = (n: number): string => `628947362518273${String(1000 + n)}`;

// The default pre-filled messages of the page script (src/match/message.ts), as sent unedited.
const ru = (id: string): string => `Здравствуйте!\nНомер обращения: ${id}`;

test('yield: every chat that carries a chat ID is credited, none to the wrong visit', async (t) => {
  const w = await YieldWorld.open(t);
  let base = 0;
  const scene = () => {
    base += 5 * DAY;
    return (day: number, minutes = 0) => base + day * DAY + minutes * MIN;
  };
  const person = (name: string, n = 1, extra: Partial<Browser> = {}): Browser =>
    w.browser(name, clientId(), ids(n), extra);
  const crm = (platform: 'whatsapp' | 'telegram' | 'viber', phoneNumber: string) =>
    ({ kind: 'crm', platform, phoneNumber }) as const;

  // 1. Unedited pre-filled WhatsApp message, reported by the CRM.
  {
    const at = scene();
    const anna = person('Anna');
    const v = await w.visit(anna, { at: at(0), yclid: yclid(1), metrica: 'loaded' });
    await w.chat({
      label: 'whatsapp, unedited',
      at: at(0, 3),
      channel: crm('whatsapp', '+79161110001'),
      text: ru(v.chatId as string),
      from: v,
      carriesId: true,
    });
  }
  // 2. Telegram bot deep link: /start <chat ID>.
  {
    const at = scene();
    const boris = person('Boris');
    const v = await w.visit(boris, { at: at(0), metrica: 'loaded' });
    await w.chat({
      label: 'telegram bot /start',
      at: at(0, 1),
      channel: { kind: 'telegram-bot', userId: 5_000_001, username: 'boris_b' },
      text: `/start ${v.chatId}`,
      from: v,
      carriesId: true,
    });
  }
  // 3. Viber bot deep link: conversation_started with the chat ID as context.
  {
    const at = scene();
    const vera = person('Vera');
    const v = await w.visit(vera, { at: at(0), yclid: yclid(3), metrica: 'loaded' });
    await w.chat({
      label: 'viber context',
      at: at(0, 2),
      channel: { kind: 'viber-start', userId: 'vb-vera-01==', name: 'Вера' },
      text: v.chatId as string,
      from: v,
      carriesId: true,
    });
  }
  // 4–7. Messages the visitor edited or retyped.
  {
    const at = scene();
    const gleb = person('Gleb');
    const v = await w.visit(gleb, { at: at(0), yclid: yclid(4), metrica: 'loaded' });
    const id = v.chatId as string;
    await w.chat({
      label: 'edited: space typed after the prefix',
      at: at(0, 4),
      channel: crm('whatsapp', '+79161110004'),
      text: `Здравствуйте! Номер обращения: CT ${id.slice(2)}`,
      from: v,
      carriesId: true,
    });
  }
  {
    const at = scene();
    const dasha = person('Dasha');
    const v = await w.visit(dasha, { at: at(0), metrica: 'loaded' });
    const id = v.chatId as string;
    await w.chat({
      label: 'edited: hyphen typed inside',
      at: at(0, 4),
      channel: crm('telegram', '+79161110005'),
      text: `Добрый день, мой номер ${id.slice(0, 5)}-${id.slice(5)}`,
      from: v,
      carriesId: true,
    });
  }
  {
    const at = scene();
    const egor = person('Egor');
    const v = await w.visit(egor, { at: at(0), yclid: yclid(6), metrica: 'loaded' });
    await w.chat({
      label: 'edited: a Russian word glued on',
      at: at(0, 2),
      channel: crm('whatsapp', '+79161110006'),
      text: `Номер обращения: ${v.chatId}спасибо, жду ответа`,
      from: v,
      carriesId: true,
    });
  }
  {
    const at = scene();
    const zhenya = person('Zhenya');
    const v = await w.visit(zhenya, { at: at(0), metrica: 'loaded' });
    const retyped = (v.chatId as string).toLowerCase().replace('c', 'с').replace('t', 'т');
    await w.chat({
      label: 'retyped on a Russian layout',
      at: at(0, 6),
      channel: crm('whatsapp', '+79161110007'),
      text: `номер ${retyped}`,
      from: v,
      carriesId: true,
    });
  }
  {
    const at = scene();
    const zakhar = person('Zakhar');
    const v = await w.visit(zakhar, { at: at(0), yclid: yclid(31), metrica: 'loaded' });
    const channel = crm('whatsapp', '+79161110031');
    await w.chat({
      label: 'edited: the tag removed in a later edit',
      at: at(0, 2),
      channel,
      text: ru(v.chatId as string),
      from: v,
      carriesId: true,
    });
    // The visitor edits the sent message and drops the tag; the CRM reports the edited text.
    await w.chat({
      label: 'the edit',
      at: at(0, 2),
      reportedAfter: 10 * MIN,
      channel,
      text: 'Здравствуйте!',
      from: v,
      carriesId: false,
      rereport: true,
    });
  }
  // 8–9. Invisible characters copied on a phone.
  {
    const at = scene();
    const ilya = person('Ilya');
    const v = await w.visit(ilya, { at: at(0), yclid: yclid(8), metrica: 'loaded' });
    await w.chat({
      label: 'phone wrapped in bidi isolates by Android',
      at: at(0, 3),
      channel: crm('whatsapp', '\u2068+7 916 111-00-08\u2069'),
      text: ru(v.chatId as string),
      from: v,
      carriesId: true,
    });
  }
  {
    const at = scene();
    const kira = person('Kira');
    const v = await w.visit(kira, { at: at(0), metrica: 'loaded' });
    await w.chat({
      label: 'tag pasted with direction marks and no-break spaces',
      at: at(0, 3),
      channel: crm('viber', '+79161110009'),
      text: `Номер\u00A0обращения:\u00A0\u2066${v.chatId}\u2069`,
      from: v,
      carriesId: true,
    });
  }
  // 10. A forwarded message: a friend's tag and the visitor's own.
  {
    const at = scene();
    const lena = person('Lena');
    const misha = person('Misha');
    const friend = await w.visit(lena, { at: at(0), yclid: yclid(10), metrica: 'loaded' });
    const own = await w.visit(misha, { at: at(1), yclid: yclid(11), metrica: 'loaded' });
    await w.chat({
      label: 'lena, her own chat',
      at: at(0, 5),
      channel: crm('whatsapp', '+79161110010'),
      text: ru(friend.chatId as string),
      from: friend,
      carriesId: true,
    });
    const text = `Переслано от Лены:\n${ru(friend.chatId as string)}\n\nА мой: ${ru(own.chatId as string)}`;
    await w.chat({
      label: 'forwarded: a friend’s tag and the own one',
      at: at(1, 4),
      channel: crm('whatsapp', '+79161110011'),
      text,
      from: own,
      carriesId: true,
    });
  }
  // 11. A promo code shaped like a chat ID beside the real tag.
  {
    const at = scene();
    const nastya = person('Nastya');
    const v = await w.visit(nastya, { at: at(0), yclid: yclid(12), metrica: 'loaded' });
    await w.chat({
      label: 'tag and a promo code shaped like an ID',
      at: at(0, 3),
      channel: crm('whatsapp', '+79161110012'),
      text: `${ru(v.chatId as string)}\nПромокод CTSALE2345 действует?`,
      from: v,
      carriesId: true,
    });
  }
  // 12–14. Metrica's tag loads late: the first pairing has the yclid only.
  {
    const at = scene();
    const oleg = person('Oleg');
    const v = await w.visit(oleg, { at: at(0), yclid: yclid(13), metrica: 'late' });
    await w.chat({
      label: 'late Metrica, chat before the ClientID',
      at: at(0, 1),
      channel: crm('whatsapp', '+79161110013'),
      text: ru(v.chatId as string),
      from: v,
      carriesId: true,
    });
    await w.metricaLoads(v, at(0, 2));
  }
  {
    const at = scene();
    const polina = person('Polina');
    const v = await w.visit(polina, { at: at(0), yclid: yclid(14), metrica: 'late' });
    await w.chat({
      label: 'late Metrica, ClientID after the upload',
      at: at(0, 1),
      channel: crm('telegram', '+79161110014'),
      text: ru(v.chatId as string),
      from: v,
      carriesId: true,
    });
    await w.upload(at(0, 3));
    await w.metricaLoads(v, at(0, 4));
  }
  {
    const at = scene();
    const roma = person('Roma');
    const v = await w.visit(roma, { at: at(0), yclid: yclid(15), metrica: 'late' });
    await w.metricaLoads(v, at(0, 2));
    await w.chat({
      label: 'late Metrica, chat reported after the ClientID came',
      at: at(0, 1),
      reportedAfter: 30 * MIN,
      channel: crm('whatsapp', '+79161110015'),
      text: ru(v.chatId as string),
      from: v,
      carriesId: true,
    });
  }
  // 15–16. Metrica blocked by a content blocker: the yclid kept from the landing URL is all there is.
  {
    const at = scene();
    const sveta = person('Sveta');
    const v = await w.visit(sveta, { at: at(0), yclid: yclid(16), metrica: 'blocked' });
    await w.chat({
      label: 'blocked Metrica, yclid only',
      at: at(0, 2),
      channel: crm('whatsapp', '+79161110016'),
      text: ru(v.chatId as string),
      from: v,
      carriesId: true,
    });
  }
  {
    const at = scene();
    const taras = person('Taras');
    const v = await w.visit(taras, { at: at(0), metrica: 'blocked' });
    await w.chat({
      label: 'blocked Metrica and no ad: no Metrica ID at all',
      at: at(0, 2),
      channel: crm('whatsapp', '+79161110017'),
      text: ru(v.chatId as string),
      from: v,
      carriesId: true,
    });
    // A week later the same browser comes back through an ad with Metrica unblocked: that
    // visit's IDs are not the old chat's.
    await w.visit(taras, { at: at(7), yclid: yclid(17), metrica: 'loaded' });
  }
  // 17. A shared device: two people, one browser (one chat ID, one ClientID), two ad clicks.
  {
    const at = scene();
    const family = person('Family laptop');
    const mother = await w.visit(family, { at: at(0), yclid: yclid(18), metrica: 'loaded' });
    await w.chat({
      label: 'shared device, first person',
      at: at(0, 5),
      channel: crm('whatsapp', '+79161110018'),
      text: ru(mother.chatId as string),
      from: mother,
      carriesId: true,
    });
    const son = await w.visit(family, { at: at(1), yclid: yclid(19), metrica: 'loaded' });
    await w.chat({
      label: 'shared device, second person',
      at: at(1, 5),
      channel: { kind: 'telegram-bot', userId: 5_000_019 },
      text: `/start ${son.chatId}`,
      from: son,
      carriesId: true,
    });
  }
  // 18. Repeat visits: a second ad click weeks later, then an untagged chat from the same phone.
  {
    const at = scene();
    const ulyana = person('Ulyana');
    const first = await w.visit(ulyana, { at: at(0), yclid: yclid(20), metrica: 'loaded' });
    await w.chat({
      label: 'repeat visits, first chat',
      at: at(0, 3),
      channel: crm('whatsapp', '+79161110020'),
      text: ru(first.chatId as string),
      from: first,
      carriesId: true,
    });
    const second = await w.visit(ulyana, { at: at(3), yclid: yclid(21), metrica: 'loaded' });
    await w.chat({
      label: 'repeat visits, second chat with the same tag',
      at: at(3, 3),
      channel: crm('whatsapp', '+79161110020'),
      text: ru(second.chatId as string),
      from: second,
      carriesId: true,
    });
    await w.chat({
      label: 'repeat visits, later untagged chat',
      at: at(4),
      channel: crm('whatsapp', '+79161110020'),
      text: 'Добрый день, я по поводу доставки',
      from: second,
      carriesId: false,
    });
  }
  // 19. Telegram: /start again from a second visit, then a bare /start typed by hand.
  {
    const at = scene();
    const fedor = person('Fedor');
    const tg = { kind: 'telegram-bot', userId: 5_000_022, username: 'fedor_f' } as const;
    const first = await w.visit(fedor, { at: at(0), yclid: yclid(22), metrica: 'loaded' });
    await w.chat({
      label: 'telegram, first /start',
      at: at(0, 1),
      channel: tg,
      text: `/start ${first.chatId}`,
      from: first,
      carriesId: true,
    });
    const second = await w.visit(fedor, { at: at(2), yclid: yclid(23), metrica: 'loaded' });
    await w.chat({
      label: 'telegram, repeat /start from a second visit',
      at: at(2, 1),
      channel: tg,
      text: `/start ${second.chatId}`,
      from: second,
      carriesId: true,
    });
    await w.chat({
      label: 'telegram, bare /start typed by hand',
      at: at(3),
      channel: tg,
      text: '/start',
      from: second,
      carriesId: false,
    });
  }
  // 20. Consent refused: nothing stored or sent, links untouched.
  {
    const at = scene();
    const khariton = person('Khariton', 1, { consentRefused: true });
    await w.visit(khariton, { at: at(0), yclid: yclid(24), metrica: 'loaded' });
    await w.chat({
      label: 'consent refused: untagged',
      at: at(0, 3),
      channel: crm('whatsapp', '+79161110024'),
      text: 'Здравствуйте! Сколько стоит доставка?',
      from: null,
      carriesId: false,
    });
  }
  // 21. Storage blocked: a new chat ID on every page view.
  {
    const at = scene();
    const tsvetana = person('Tsvetana', 2, { storageBlocked: true });
    const first = await w.visit(tsvetana, { at: at(0), yclid: yclid(25), metrica: 'loaded' });
    const second = await w.visit(tsvetana, { at: at(1), metrica: 'loaded' });
    await w.chat({
      label: 'storage blocked, chat from the second page view',
      at: at(1, 2),
      channel: crm('whatsapp', '+79161110025'),
      text: ru(second.chatId as string),
      from: second,
      carriesId: true,
    });
    await w.chat({
      label: 'storage blocked, an old draft from the first page view',
      at: at(2),
      channel: crm('telegram', '+79161110025'),
      text: ru(first.chatId as string),
      from: first,
      carriesId: true,
    });
  }
  // 22. Storage blocked and the visitor pastes both of their tags: the later page view is theirs now.
  {
    const at = scene();
    const chingiz = person('Chingiz', 2, { storageBlocked: true });
    const first = await w.visit(chingiz, { at: at(0), yclid: yclid(26), metrica: 'loaded' });
    const second = await w.visit(chingiz, { at: at(1), yclid: yclid(27), metrica: 'loaded' });
    const text = `${ru(first.chatId as string)}\n\n${ru(second.chatId as string)}`;
    await w.chat({
      label: 'two own tags from two page views',
      at: at(1, 3),
      channel: crm('whatsapp', '+79161110027'),
      text,
      from: second,
      carriesId: true,
    });
  }
  // 23. One person, two spellings of a phone number.
  {
    const at = scene();
    const shura = person('Shura');
    const v = await w.visit(shura, { at: at(0), yclid: yclid(28), metrica: 'loaded' });
    await w.chat({
      label: 'phone as +7 (916) …, tagged',
      at: at(0, 2),
      channel: crm('whatsapp', '+7 (916) 111-00-28'),
      text: ru(v.chatId as string),
      from: v,
      carriesId: true,
    });
    await w.chat({
      label: 'phone as 8 916 …, untagged',
      at: at(1),
      channel: crm('whatsapp', '8 916 111 00 28'),
      text: 'Это снова я, что с заказом?',
      from: v,
      carriesId: false,
    });
  }
  // 24. The visitor deleted the tag before sending: nothing to credit it with.
  {
    const at = scene();
    const yasha = person('Yasha');
    await w.visit(yasha, { at: at(0), yclid: yclid(29), metrica: 'loaded' });
    await w.chat({
      label: 'tag deleted by the visitor',
      at: at(0, 2),
      channel: crm('whatsapp', '+79161110029'),
      text: 'Здравствуйте!',
      from: null,
      carriesId: false,
    });
  }

  await w.upload(base + 30 * DAY);

  const outcomes = w.outcomes();
  const verdicts = outcomes.map((o): [ChatOutcome, Verdict] => [o, judge(o)]);
  const carrying = verdicts.filter(([o]) => o.spec.carriesId && Object.keys(o.spec.from?.ids ?? {}).length > 0);
  const credited = carrying.filter(([, v]) => v === 'full' || v === 'credited');
  const full = carrying.filter(([, v]) => v === 'full');
  const linked = verdicts.filter(([o]) => !o.spec.carriesId && o.spec.from !== null);
  const linkedCredited = linked.filter(([, v]) => v === 'full' || v === 'credited');
  const describe = ([o, v]: [ChatOutcome, Verdict]) =>
    `  ${v.padEnd(24)} ${o.spec.label} (HTTP ${o.status}; got ${JSON.stringify(idsOf(o))}, want ${JSON.stringify(o.spec.from?.ids ?? {})})`;
  const percent = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  t.diagnostic(
    [
      `yield: ${credited.length} of ${carrying.length} chats that carried a chat ID reached Metrica with their visit's Metrica ID (${percent(credited.length, carrying.length)}); ${full.length} with every ID of that page view (${percent(full.length, carrying.length)})`,
      `untagged chats credited through the partner's earlier chat: ${linkedCredited.length} of ${linked.length}`,
      `conversions in Metrica: ${w.conversionCount()} for ${outcomes.length} chats`,
      ...verdicts.map(describe),
    ].join('\n'),
  );

  const bad = verdicts.filter(([, v]) => v === 'lost' || v === 'wrong').map(describe);
  assert.deepEqual(bad, [], 'no chat is lost and none is credited to the wrong visit');
  const partial = verdicts.filter(([, v]) => v === 'credited').map(describe);
  assert.deepEqual(partial, [], 'a later, fuller pairing of the same page view reaches Metrica');
  assert.equal(w.conversionCount(), outcomes.length, 'an updated chat is the same conversion, not a new one');
});

function idsOf(o: ChatOutcome): Record<string, string> {
  const r = o.record ?? {};
  return Object.fromEntries(
    Object.entries(r).filter(([k]) => ['ClientID', 'Yclid', 'UserID', 'PurchaseID'].includes(k)),
  );
}
