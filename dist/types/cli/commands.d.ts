import type { Command } from './io.js';
export interface CommandEntry {
    summary: string;
    load: () => Promise<Command>;
}
export declare const COMMANDS: Record<string, CommandEntry>;
