/** The one try/catch the page script shares: a throwing page API reads as "nothing there". */
export function attempt<T>(f: () => T): T | undefined;
export function attempt<T>(f: () => T, fallback: T): T;
export function attempt<T>(f: () => T, fallback?: T): T | undefined {
  try {
    return f();
  } catch {
    return fallback;
  }
}
