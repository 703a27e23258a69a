#!/usr/bin/env node
import {
  isChatPlatform,
  normalizePhone
} from "./chunk-4YCAPLBT.js";
import {
  CHAT_PLATFORMS
} from "./chunk-5GHHCO5G.js";
import {
  parseCommandArgs
} from "./chunk-3DS3ONAR.js";
import {
  DATABASE_OPTIONS,
  DEFAULT_DB,
  EXIT,
  UsageError,
  chooseDatabase,
  helpText,
  openDatabase
} from "./chunk-VRJGC2HL.js";

// src/cli/forget.ts
var FORGET_HELP = `Usage: metrica-chats forget (--phone <number> | --user-id <id> | --username <name> | --chat-id <id>)
                            [--platform <name>] [--db <path|url>]

Deletes everything stored about one person, for a privacy request: their chats, their partner
links, and the chats, pairings and partner links of every chat ID linked to them. Chats already
uploaded stay in Metrica; the upload history keeps no trace of the deleted chats. Then it cleans
the database files so they keep no readable copy, and says on stderr what it did, what the
database role was not allowed to do (with the grant that allows it), and which copies remain.

Options:
  --phone <number>     the person's phone number, with the country code (+ and spaces optional)
  --user-id <id>       the person's messenger user ID
  --username <name>    the person's messenger username or display name, with or without @
                       (Latin letters in any case)
  --chat-id <id>       a chat ID (a visitor's browser), e.g. CT7KQ2M9XA
  --platform <name>    the messenger the --phone, --user-id or --username belongs to: telegram,
                       whatsapp or viber (default: all three; the same user ID on two messengers
                       is two people). Everything of the chat IDs found goes, on every messenger:
                       a chat ID is one visitor's browser.
  --db <path|url>      The collector's SQLite file or postgres:// URL (METRICA_CHATS_DB,
                       default ${DEFAULT_DB}); it must exist
  -h, --help           Show this help
`;
function describeCleanup(files) {
  const lines = ["Database files:", ...files.done.map((d) => `  done: ${d}`)];
  lines.push(...files.skipped.map((s) => `  skipped: ${s}`));
  lines.push(...files.remaining.map((r) => `  still holding copies: ${r}`));
  return `${lines.join("\n")}
`;
}
var SELECTORS = {
  phone: "PhoneNumber",
  "user-id": "ChatUserID",
  username: "ChatUsername",
  "chat-id": "chatId"
};
function identifierValues(flag, raw) {
  const value = raw.trim();
  if (flag === "phone") {
    const normal = normalizePhone(value);
    if (normal === null) {
      throw new UsageError(
        `--phone must be a phone number with the country code, e.g. +79161234567, got ${JSON.stringify(raw)}`
      );
    }
    const digits = normal.slice(1);
    const domestic = digits.startsWith("7") && digits.length === 11 ? [`8${digits.slice(1)}`] : [];
    return [normal, digits, ...domestic];
  }
  if (!value.replace(/^@/, "")) throw new UsageError(`--${flag} must not be empty, got ${JSON.stringify(raw)}`);
  if (flag === "username") return [.../* @__PURE__ */ new Set([value, value.replace(/^@/, ""), `@${value.replace(/^@/, "")}`])];
  if (flag === "chat-id" && !/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new UsageError(`--chat-id must be 1\u201364 characters of A-Z a-z 0-9 _ -, got ${JSON.stringify(raw)}`);
  }
  return [value];
}
var forget = async (args, io) => {
  const { values } = parseCommandArgs({
    args,
    options: {
      phone: { type: "string" },
      "user-id": { type: "string" },
      username: { type: "string" },
      "chat-id": { type: "string" },
      platform: { type: "string" },
      ...DATABASE_OPTIONS,
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: false
  });
  if (values.help) {
    io.stdout.write(helpText(io, FORGET_HELP));
    return EXIT.ok;
  }
  const given = Object.keys(SELECTORS).filter((flag2) => values[flag2] !== void 0);
  if (given.length !== 1) {
    throw new UsageError(
      `give exactly one of --phone, --user-id, --username or --chat-id${given.length ? `, got ${given.map((f) => `--${f}`).join(" and ")}` : ""}`
    );
  }
  const flag = given[0];
  const identifier = identifierValues(flag, values[flag]);
  const platform = values.platform;
  if (platform !== void 0 && !isChatPlatform(platform)) {
    throw new UsageError(`--platform must be one of ${CHAT_PLATFORMS.join(", ")}, got ${JSON.stringify(platform)}`);
  }
  const kind = SELECTORS[flag];
  if (kind === "chatId" && platform !== void 0) {
    throw new UsageError(
      `--platform goes with --phone, --user-id or --username; a chat ID belongs to no one messenger, got --platform ${JSON.stringify(platform)}`
    );
  }
  const storage = await openDatabase(chooseDatabase(values, io), io, { create: false });
  try {
    const gone = await storage.forget({
      ...kind === "chatId" ? { chatId: identifier[0] } : { partner: { kind, values: identifier } },
      ...platform ? { platform } : {}
    });
    const n = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;
    if (gone.chats + gone.pairings + gone.partnerLinks === 0) {
      io.stdout.write(
        `Nothing is stored for --${flag} ${JSON.stringify(values[flag])}${platform ? ` on ${platform}` : ""}${flag === "phone" ? ` (looked for ${identifier.join(", ")})` : ""}.
`
      );
      return EXIT.ok;
    }
    io.stdout.write(
      `Deleted ${n(gone.chats, "chat")}, ${n(gone.pairings, "pairing")} and ${n(gone.partnerLinks, "partner link")}${gone.chatIds.length ? ` (chat IDs ${gone.chatIds.join(", ")})` : ""}.
`
    );
    if (gone.files) io.stderr.write(describeCleanup(gone.files));
    return EXIT.ok;
  } finally {
    await storage.close();
  }
};
export {
  FORGET_HELP,
  describeCleanup,
  forget
};
