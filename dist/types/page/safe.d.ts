/** The one try/catch the page script shares: a throwing page API reads as "nothing there". */
export declare function attempt<T>(f: () => T): T | undefined;
export declare function attempt<T>(f: () => T, fallback: T): T;
