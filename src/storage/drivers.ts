/**
 * Database drivers are optional peer dependencies: a page-script user who installs the package for
 * an SPA must not get a native build. They are imported only when a database of that kind opens.
 */

/** Imports a module by name; injectable so tests can simulate a missing driver. */
export type ModuleLoader = (name: string) => Promise<unknown>;

export const importModule: ModuleLoader = (name) => import(name);

export const DRIVER_INSTALL: Record<'better-sqlite3' | 'pg', string> = {
  'better-sqlite3': 'npm install better-sqlite3@12',
  pg: 'npm install pg',
};

/** Thrown when the driver for the chosen database is not installed (or cannot load). */
export class MissingDriverError extends Error {
  override name = 'MissingDriverError';
  constructor(
    readonly packageName: 'better-sqlite3' | 'pg',
    purpose: string,
    cause?: unknown,
  ) {
    super(
      `${purpose} needs the optional package \`${packageName}\`, which is not installed or failed to load. ` +
        `Install it with: ${DRIVER_INSTALL[packageName]}`,
      { cause },
    );
  }
}

/** Loads a driver module, turning "module not found" into an error that says what to install. */
export async function loadDriver<T>(
  packageName: 'better-sqlite3' | 'pg',
  purpose: string,
  loader: ModuleLoader = importModule,
): Promise<T> {
  let mod: unknown;
  try {
    mod = await loader(packageName);
  } catch (error) {
    throw new MissingDriverError(packageName, purpose, error);
  }
  const m = mod as { default?: unknown };
  return (m.default ?? mod) as T;
}
