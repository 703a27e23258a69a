import type { TestContext } from 'node:test';
import { type FakeMetrica, startFakeMetrica } from '../../fake-metrica/server.js';
import type { ConversionRecord } from '../../shared/conversion.js';
import { createMetricaClient, type MetricaClient } from '../../uploader/client.js';
import { uploadPending } from '../../uploader/job.js';
import { API_KEY, beacon, postChat, startCollector, WEBHOOK_SECRET } from './server.js';

/**
 * A small world of visitors for the yield test: browsers that visit the landing page (the page
 * script's pairing beacons), people who then chat through a CRM, a Telegram bot or a Viber bot,
 * and the uploader sending the chats to the fake Metrica. Everything goes over real HTTP on
 * loopback to the real collector; only the visitors' browsers are modelled, beacon by beacon, as
 * the page script sends them (see src/page/core.ts: a beacon at start with the IDs known then,
 * another when a ClientID appears).
 */

const TOKEN = 'yield-token';
export const COUNTER = '24681357';
const DAY = 86_400;

/** The Metrica IDs a page view carried, as the CSV spells them. */
export interface MetricaIds {
  ClientID?: string;
  Yclid?: string;
}

export interface Browser {
  name: string;
  /** `_ym_uid`: the ClientID Metrica gives this browser when its tag runs. */
  clientId: string;
  /** Chat IDs the page script would generate here, in order: a fresh one only without storage. */
  chatIds: string[];
  /** Cookies and localStorage refused: a new chat ID each page view. */
  storageBlocked?: boolean;
  /** The visitor refused consent (`consent: "required"` and no grantConsent): nothing sent or tagged. */
  consentRefused?: boolean;
  /** State the page script keeps in the browser. */
  cookie: { chatId?: string; yclid?: string };
}

export interface PageView {
  browser: Browser;
  /** The chat ID written into this page view's links; null when consent was refused. */
  chatId: string | null;
  /** Every Metrica ID this page view ever paired (the ClientID may come late). */
  ids: MetricaIds;
  label: string;
}

export interface VisitOptions {
  /** Seconds after the world's start. */
  at: number;
  /** The landing URL's `yclid` (an ad click). */
  yclid?: string;
  /** `loaded`: ClientID at start; `late`: ClientID only when `metricaLoads` is called; `blocked`: never. */
  metrica: 'loaded' | 'late' | 'blocked';
}

/** How the chat reaches the collector. */
export type Channel =
  | {
      kind: 'crm';
      platform: 'whatsapp' | 'telegram' | 'viber';
      phoneNumber?: string;
      chatUsername?: string;
      chatUserId?: string;
    }
  | { kind: 'telegram-bot'; userId: number; username?: string }
  | { kind: 'viber-start'; userId: string; name: string }
  | { kind: 'viber-message'; userId: string; name: string };

export interface ChatSpec {
  label: string;
  at: number;
  channel: Channel;
  /** The first message (or `/start` payload text, or Viber context). */
  text?: string;
  /** The page view whose tag the chat carries, or whose visitor it belongs to through an earlier chat. */
  from: PageView | null;
  /**
   * True when the message itself carries the page view's chat ID (possibly damaged). When it does
   * not, `from` is the page view it is credited to through the partner's earlier chat, or null.
   */
  carriesId: boolean;
  /** Seconds between the chat and its report reaching the collector (a CRM syncing late). Default 5. */
  reportedAfter?: number;
  /** A later report of a chat already reported (same time and partner): an edit, not a new chat. */
  rereport?: boolean;
}

export interface ChatOutcome {
  spec: ChatSpec;
  status: number;
  record: ConversionRecord | null;
}

const metricaIdsOf = (r: ConversionRecord | null): MetricaIds => ({
  ...(r?.ClientID ? { ClientID: r.ClientID } : {}),
  ...(r?.Yclid ? { Yclid: r.Yclid } : {}),
});

export class YieldWorld {
  readonly start = Math.floor(Date.now() / 1000) - 200 * DAY;
  private clockMs = this.start * 1000;
  private readonly chats: ChatSpec[] = [];
  private readonly statuses = new Map<ChatSpec, number>();
  private views = 0;

  private constructor(
    readonly url: string,
    readonly storage: Parameters<typeof uploadPending>[0],
    readonly fake: FakeMetrica,
    private readonly client: MetricaClient,
  ) {}

  static async open(t: TestContext): Promise<YieldWorld> {
    const fake = await startFakeMetrica({ token: TOKEN });
    t.after(() => fake.close());
    let world: YieldWorld | null = null;
    const started = await startCollector(t, { now: () => world?.now() ?? Date.now(), rateLimit: false });
    if (!started) throw new Error('the collector did not start');
    const client = createMetricaClient({ token: TOKEN, apiUrl: fake.url, retry: { minTimeout: 1, maxTimeout: 5 } });
    world = new YieldWorld(started.url, started.collector.storage, fake, client);
    return world;
  }

  now(): number {
    return this.clockMs;
  }

  private at(seconds: number): void {
    this.clockMs = (this.start + seconds) * 1000;
  }

  browser(name: string, clientId: string, chatIds: string[], extra: Partial<Browser> = {}): Browser {
    return { name, clientId, chatIds: [...chatIds], cookie: {}, ...extra };
  }

  /** A page view: the page script picks the chat ID and sends the pairing with what it knows. */
  async visit(b: Browser, o: VisitOptions): Promise<PageView> {
    this.at(o.at);
    const label = `${b.name} visit ${++this.views}`;
    if (b.consentRefused) return { browser: b, chatId: null, ids: {}, label };
    if (o.yclid && !b.storageBlocked) b.cookie.yclid = o.yclid;
    const yclid = o.yclid ?? b.cookie.yclid;
    let chatId = b.storageBlocked ? undefined : b.cookie.chatId;
    if (!chatId) {
      chatId = b.chatIds.shift();
      if (!chatId) throw new Error(`${b.name} has no chat ID left for a new one`);
      if (!b.storageBlocked) b.cookie.chatId = chatId;
    }
    const view: PageView = { browser: b, chatId, ids: yclid ? { Yclid: yclid } : {}, label };
    if (o.metrica === 'loaded') view.ids.ClientID = b.clientId;
    await this.sendPairing(view);
    return view;
  }

  /** The Metrica tag finally runs in this page view: the page script sends the fuller pairing. */
  async metricaLoads(view: PageView, at: number): Promise<void> {
    this.at(at);
    view.ids.ClientID = view.browser.clientId;
    await this.sendPairing(view);
  }

  private async sendPairing(view: PageView): Promise<void> {
    const body = {
      v: 1,
      chatId: view.chatId,
      ...(view.ids.ClientID ? { clientId: view.ids.ClientID } : {}),
      ...(view.ids.Yclid ? { yclid: view.ids.Yclid } : {}),
      counterId: COUNTER,
      url: 'https://shop.example.com/sofa',
      ts: this.clockMs,
    };
    const res = await beacon(this.url, body);
    if (res.status !== 204)
      throw new Error(`the beacon of ${view.label} was refused: ${res.status} ${await res.text()}`);
  }

  /** A chat reaches the collector at `spec.at` through its channel; the status is kept, a refusal is a lost chat. */
  async chat(spec: ChatSpec): Promise<void> {
    this.at(spec.at + (spec.reportedAfter ?? 5));
    const dateTime = this.start + spec.at;
    const c = spec.channel;
    let res: Response;
    if (c.kind === 'crm') {
      const body = {
        platform: c.platform,
        dateTime,
        ...(spec.text !== undefined ? { text: spec.text } : {}),
        ...(c.phoneNumber ? { phoneNumber: c.phoneNumber } : {}),
        ...(c.chatUsername ? { chatUsername: c.chatUsername } : {}),
        ...(c.chatUserId ? { chatUserId: c.chatUserId } : {}),
      };
      res = await postChat(this.url, body, API_KEY);
    } else if (c.kind === 'telegram-bot') {
      const update = {
        update_id: dateTime,
        message: {
          message_id: dateTime % 100_000,
          date: dateTime,
          text: spec.text,
          chat: { id: c.userId, type: 'private' },
          from: { id: c.userId, is_bot: false, first_name: 'Visitor', ...(c.username ? { username: c.username } : {}) },
        },
      };
      res = await this.webhook('telegram', update);
    } else if (c.kind === 'viber-start') {
      const event = {
        event: 'conversation_started',
        timestamp: dateTime * 1000,
        type: 'open',
        ...(spec.text !== undefined ? { context: spec.text } : {}),
        user: { id: c.userId, name: c.name },
        subscribed: false,
      };
      res = await this.webhook('viber', event);
    } else {
      const event = {
        event: 'message',
        timestamp: dateTime * 1000,
        sender: { id: c.userId, name: c.name },
        message: { type: 'text', text: spec.text },
      };
      res = await this.webhook('viber', event);
    }
    await res.text();
    if (spec.rereport) {
      if (res.status >= 400) throw new Error(`the re-report of ${spec.label} was refused: ${res.status}`);
      return;
    }
    this.chats.push(spec);
    this.statuses.set(spec, res.status);
  }

  private webhook(platform: 'telegram' | 'viber', body: unknown): Promise<Response> {
    return fetch(`${this.url}/v1/webhooks/${platform}/${WEBHOOK_SECRET}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** A scheduled upload run at `at`: everything pending goes to the fake Metrica. */
  async upload(at: number): Promise<void> {
    this.at(at);
    const result = await uploadPending(this.storage, {
      client: this.client,
      counterId: COUNTER,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    if (result.status === 'invalid') {
      throw new Error(`the upload refused rows: ${JSON.stringify(result.problems.slice(0, 3))}`);
    }
  }

  /** Each chat with the conversion Metrica holds for it (found by its DateTime and platform). */
  outcomes(): ChatOutcome[] {
    const held = this.fake.conversions(COUNTER).map((c) => c.record);
    return this.chats.map((spec) => {
      const dateTime = String(this.start + spec.at);
      const platform = spec.channel.kind === 'crm' ? spec.channel.platform : spec.channel.kind.split('-')[0];
      const record = held.find((r) => r.DateTime === dateTime && r.ChatPlatform === platform) ?? null;
      return { spec, status: this.statuses.get(spec) ?? 0, record };
    });
  }

  /** Conversions Metrica holds in all: one per chat, however often a chat was updated. */
  conversionCount(): number {
    return this.fake.conversions(COUNTER).length;
  }
}

export type Verdict = 'full' | 'credited' | 'lost' | 'wrong' | 'unattributed as expected';

/**
 * Judges one chat: `full` when Metrica got every ID of the right page view, `credited` when it
 * got some of them and nothing else, `wrong` when any ID came from another page view or a chat
 * that should stay unattributed got one, `lost` when a chat that could be credited was refused or
 * reached Metrica without a Metrica ID.
 */
export function judge(o: ChatOutcome): Verdict {
  const got = metricaIdsOf(o.record);
  const want = o.spec.from?.ids ?? {};
  const gotKeys = Object.keys(got) as Array<keyof MetricaIds>;
  const wantKeys = Object.keys(want) as Array<keyof MetricaIds>;
  if (gotKeys.some((k) => got[k] !== want[k])) return 'wrong';
  if (wantKeys.length === 0) return o.record === null && o.status >= 400 ? 'lost' : 'unattributed as expected';
  if (o.record === null || gotKeys.length === 0) return 'lost';
  return gotKeys.length === wantKeys.length ? 'full' : 'credited';
}
