/** Parses an age such as `90d`, `12h`, `30m` or `2w` into milliseconds; throws naming the value otherwise. */
export function parseDuration(value: string, name = 'duration'): number {
  const m = /^\s*(\d{1,6})\s*([mhdw])\s*$/i.exec(value);
  if (!m) throw new Error(`${name} must be a number with a unit m, h, d or w (e.g. 90d), got ${JSON.stringify(value)}`);
  const n = Number(m[1]);
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[(m[2] as string).toLowerCase() as 'm'];
  if (n === 0) throw new Error(`${name} must be more than zero, got ${JSON.stringify(value)}`);
  return n * unit;
}
