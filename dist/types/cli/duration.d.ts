/** Parses an age such as `90d`, `12h`, `30m` or `2w` into milliseconds; throws naming the value otherwise. */
export declare function parseDuration(value: string, name?: string): number;
