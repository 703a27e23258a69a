/** Splits a comma-separated list from the environment (API keys, origins), dropping blanks. */
export declare const splitList: (value: string | undefined) => string[];
