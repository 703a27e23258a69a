export declare function secretMatcher(secrets: readonly string[]): (candidate: string) => boolean;
/** Splits a comma-separated secret list from the environment, dropping blanks. */
export declare const splitList: (value: string | undefined) => string[];
