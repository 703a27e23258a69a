import { type FakeMetrica } from '../fake-metrica/index.js';
/**
 * The demo: the collector on SQLite, the fake Metrica API and a demo site, all on loopback.
 * The site shows the three ways in (script tag, GTM Custom HTML, an SPA importing the package) and
 * a panel that plays the business side: it sends chats to the collector as a bot webhook or CRM
 * would, uploads to the fake Metrica with the real `upload` command, and shows the report.
 */
export interface DemoOptions {
    /** Folder for the collector's SQLite file; reused by the next run. */
    dataDir: string;
    host?: string;
    sitePort?: number;
    collectorPort?: number;
    metricaPort?: number;
    counterId?: string;
    /**
     * Runs a `metrica-chats` command line in this process and returns what it printed: the panel's
     * upload and report buttons run the real commands. The CLI passes its own runner in.
     */
    runCli(argv: string[], env: Record<string, string | undefined>): Promise<{
        code: number;
        out: string;
    }>;
}
export interface RunningDemo {
    siteUrl: string;
    collectorUrl: string;
    metricaUrl: string;
    dbPath: string;
    counterId: string;
    /** Bearer key of the collector's authenticated endpoints. */
    apiKey: string;
    /** OAuth token the fake Metrica accepts. */
    token: string;
    webhookSecret: string;
    /** The upload command the demo runs, as a user would type it. */
    uploadCommand: string;
    /** The fake Metrica API, to see what it received. */
    metrica: FakeMetrica;
    close(): Promise<void>;
}
/** Starts the collector, the fake Metrica and the demo site. */
export declare function startDemo(options: DemoOptions): Promise<RunningDemo>;
