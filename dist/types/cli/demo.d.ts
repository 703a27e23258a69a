import { type CliIO } from './io.js';
/** `metrica-chats demo`: runs until the process is told to stop. */
export declare function demo(args: string[], io: CliIO): Promise<number>;
