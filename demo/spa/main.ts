// The demo SPA: what an app's own code looks like with the npm package.
import { init } from 'metrica-chats';

declare global {
  interface Window {
    DEMO_COLLECTOR_URL: string;
    DEMO_COUNTER_ID: string;
    MetricaChatsDemo: unknown;
  }
}

const chats = init({ endpoint: `${window.DEMO_COLLECTOR_URL}/v1/pairings`, counterId: window.DEMO_COUNTER_ID });
// The demo panel reads the chat ID from here, as app code would call chats.getChatId().
window.MetricaChatsDemo = chats;

const CONTACTS: Array<[string, string]> = [
  ['WhatsApp', 'whatsapp://send?phone=79990001122&text=Hello%20from%20the%20app'],
  ['Telegram bot', 'https://telegram.me/uyut_shop_bot'],
  ['Viber', 'viber://chat?number=%2B79990001122'],
];

document.getElementById('show-contacts')?.addEventListener('click', () => {
  const box = document.getElementById('contacts');
  if (!box || box.childElementCount > 0) return;
  for (const [label, href] of CONTACTS) {
    const a = document.createElement('a');
    a.textContent = label;
    a.href = href;
    a.setAttribute('data-demo-original', href);
    box.appendChild(a);
  }
});
