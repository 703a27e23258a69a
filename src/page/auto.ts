/**
 * The `<script>` build: reads its config from `window.MetricaChatsConfig` and its own tag's
 * `data-` attributes (these win), starts, and publishes `window.MetricaChats`, the only global
 * it creates. A second copy on the page gets the running instance from init().
 */
import { readDataset } from './config.js';
import { init } from './index.js';

type Win = Window & { MetricaChats?: unknown; MetricaChatsConfig?: object };

const w = window as Win;
const config: Record<string, unknown> = {};
try {
  Object.assign(config, w.MetricaChatsConfig);
  readDataset(config, (document.currentScript as HTMLScriptElement).dataset);
} catch {}
w.MetricaChats = init(config as never);
