// Demo only: tells the demo panel when the page script sends its pairing beacon. It wraps
// navigator.sendBeacon (and fetch with keepalive, the script's fallback) without changing what is
// sent or how. Loaded before the page script; events that fire before the panel exists are kept in
// window.DEMO_BEACONS.
(() => {
  const sent = [];
  window.DEMO_BEACONS = sent;
  const notify = (url, data, via, queued) => {
    const record = (body) => {
      const detail = { url: String(url), body, via, queued, at: Date.now() };
      sent.push(detail);
      window.dispatchEvent(new CustomEvent('demo:beacon', { detail }));
    };
    if (typeof data === 'string') record(data);
    else if (data && typeof data.text === 'function') data.text().then(record, () => record(''));
    else record('');
  };
  const isPairing = (url) => /\/v1\/pairings(?:$|\?)/.test(String(url));
  const nav = window.navigator;
  if (typeof nav.sendBeacon === 'function') {
    const original = nav.sendBeacon.bind(nav);
    nav.sendBeacon = (url, data) => {
      const queued = original(url, data);
      if (isPairing(url)) notify(url, data, 'sendBeacon', queued);
      return queued;
    };
  }
  if (typeof window.fetch === 'function') {
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input?.url;
      if (init?.keepalive && isPairing(url)) notify(url, init.body, 'fetch keepalive', true);
      return original(input, init);
    };
  }
})();
