/** The package's root folder, whether this runs from src/ (tsx) or from the bundled dist/cli.js. */
export declare function packageRoot(): string;
