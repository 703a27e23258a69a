/** A refusal with its HTTP status; the message and field go to the client as `{error, field}`. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A field that failed validation: always 400, naming the field and what was expected. */
export const badField = (field: string, message: string): HttpError => new HttpError(400, message, field);
