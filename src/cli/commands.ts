import type { Command } from './io.js';

export interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

// The command table. Each command's module is imported only when that command runs, so `upload`
// never loads a database driver it does not need.
export const COMMANDS: Record<string, CommandEntry> = {
  serve: {
    summary: 'Run the collector (pairings, chats, webhooks)',
    load: async () => (await import('./serve.js')).serve,
  },
  purge: { summary: 'Delete old pairings', load: async () => (await import('./purge.js')).purge },
  forget: {
    summary: 'Delete everything stored about one person',
    load: async () => (await import('./forget.js')).forget,
  },
  upload: {
    summary: 'Validate chats and upload them to Metrica',
    load: async () => (await import('./upload.js')).upload,
  },
  export: {
    summary: 'Write the CSV of chats not yet uploaded',
    load: async () => (await import('./export.js')).exportCommand,
  },
  report: {
    summary: 'Show the chat yield and why chats went unattributed',
    load: async () => (await import('./report.js')).report,
  },
  check: {
    summary: 'Check a page: script, configuration, collector, CORS, content blockers',
    load: async () => (await import('./check.js')).check,
  },
  link: {
    summary: 'Bridge links for ads and QR codes: write the QR code of /go/<name>',
    load: async () => (await import('./link.js')).link,
  },
  demo: {
    summary: 'Run the whole flow on loopback with a demo site',
    load: async () => (await import('./demo.js')).demo,
  },
};
