/** Reads a cookie, or undefined. */
export declare const getCookie: (name: string) => string | undefined;
/** Writes a first-party cookie (path `/`) for `days`, SameSite=Lax, on `domain` when given. */
export declare const setCookie: (name: string, value: string, days: number, domain?: string) => unknown;
/** Reads a localStorage item, or null or undefined. */
export declare const getItem: (name: string) => string | null | undefined;
/** Writes a localStorage item when storage works. */
export declare const setItem: (name: string, value: string) => unknown;
