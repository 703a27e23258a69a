import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { freshPostgresDatabase } from '../test-support/postgres.js';
import { chatKey, openStorage, type Storage } from './index.js';

/**
 * Two collector instances on one database receive the first two reports of a chat at the same
 * moment, each with another partner ID first (a username; a user ID with the same username).
 * Each finds no row for the chat, and without serialisation each inserts one: two rows, two
 * conversions. The storage serialises the reports of one platform and DateTime; SQLite's write
 * transactions (BEGIN IMMEDIATE) are one at a time across connections anyway.
 */

const T0 = 1_760_000_000;
const PAIRS = 150;

/** The reports of chat `i` as two instances receive them: a username first; a user ID with it. */
const reportsOf = (i: number) => {
  const dateTime = T0 + i;
  const username = `user_${i}`;
  const userId = String(9_000_000 + i);
  return {
    first: {
      key: chatKey(dateTime, 'telegram', { kind: 'ChatUsername', value: username }),
      input: { dateTime, platform: 'telegram' as const, chatUsername: username },
    },
    second: {
      key: chatKey(dateTime, 'telegram', { kind: 'ChatUserID', value: userId }),
      input: { dateTime, platform: 'telegram' as const, chatUserId: userId, chatUsername: username },
    },
  };
};

/** Every chat is one row, with both reports' partner IDs. */
async function assertOneRowPerChat(s: Storage): Promise<void> {
  const chats = (await s.snapshot()).chats;
  const perChat = new Map<number, number>();
  for (const c of chats) perChat.set(c.dateTime, (perChat.get(c.dateTime) ?? 0) + 1);
  const split = [...perChat].filter(([, n]) => n > 1).map(([dateTime]) => dateTime - T0);
  assert.deepEqual(split, [], `chats stored as two rows: ${split.length} of ${PAIRS}`);
  assert.equal(chats.length, PAIRS);
  assert.ok(
    chats.every((c) => c.chatUserId && c.chatUsername),
    'every chat has its user ID and username',
  );
}

describe('one chat, one row, when two instances store its first reports at once (postgres)', () => {
  test(`${PAIRS} chats, each reported to two instances (two pools) at the same moment`, async (t) => {
    const url = await freshPostgresDatabase(t);
    if (!url) return;
    const a = await openStorage(url);
    const b = await openStorage(url);
    t.after(async () => {
      await a.close();
      await b.close();
    });
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < PAIRS; i++) {
      const { first, second } = reportsOf(i);
      writes.push(a.upsertChat(first.key, first.input), b.upsertChat(second.key, second.input));
    }
    await Promise.all(writes);
    await assertOneRowPerChat(a);
  });
});

/**
 * SQLite: the other instance is another process (better-sqlite3 blocks its own process while it
 * waits for the file's write lock, so two instances in one process would wait on each other).
 */
describe('one chat, one row, when two processes store its first reports at once (sqlite)', () => {
  test(`${PAIRS} chats, each reported to two processes at the same moment`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-race-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'chats.db');
    const a = await openStorage(path);
    t.after(() => a.close());
    const storageModule = pathToFileURL(join(process.cwd(), 'src/storage/index.ts')).href;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { openStorage, chatKey } = await import(${JSON.stringify(storageModule)});
         const s = await openStorage(process.argv[1]);
         process.stdout.write('ready\\n');
         await new Promise((r) => process.stdin.once('data', r));
         const writes = [];
         for (let i = 0; i < ${PAIRS}; i++) {
           const dateTime = ${T0} + i, userId = String(9000000 + i), chatUsername = 'user_' + i;
           writes.push(s.upsertChat(chatKey(dateTime, 'telegram', { kind: 'ChatUserID', value: userId }),
             { dateTime, platform: 'telegram', chatUserId: userId, chatUsername }));
         }
         await Promise.all(writes);
         await s.close();`,
        path,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.once('exit', () => reject(new Error('the other process exited before it was ready')));
    });
    child.stdin?.end('go\n');
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < PAIRS; i++) {
      const { first } = reportsOf(i);
      writes.push(a.upsertChat(first.key, first.input));
    }
    await Promise.all(writes);
    assert.equal(await exited, 0);
    await assertOneRowPerChat(a);
  });
});
