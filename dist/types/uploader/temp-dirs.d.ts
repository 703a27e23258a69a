/** Records a temporary folder until `forgetTempDir` is called for it. */
export declare function rememberTempDir(dir: string): void;
/** The folder is removed (or about to be, by its owner): nothing left for the last resort. */
export declare function forgetTempDir(dir: string): void;
/** Removes every temporary folder still recorded, synchronously. Resolves to how many. */
export declare function removeTempDirsNow(): number;
