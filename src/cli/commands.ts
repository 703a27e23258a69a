import { registerCommand } from './main.js';

// The command table. Each command's module is imported only when that command runs.
// registerCommand('serve', 'Run the collector', async () => (await import('./serve.js')).serve);
