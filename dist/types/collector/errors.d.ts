/** A refusal with its HTTP status; the message and field go to the client as `{error, field}`. */
export declare class HttpError extends Error {
    readonly status: number;
    readonly field?: string | undefined;
    readonly headers: Record<string, string>;
    name: string;
    constructor(status: number, message: string, field?: string | undefined, headers?: Record<string, string>);
}
/** A field that failed validation: always 400, naming the field and what was expected. */
export declare const badField: (field: string, message: string) => HttpError;
