// A local stand-in for the Yandex Metrica tag (the real one is mc.yandex.ru/metrika/tag.js).
// Like the real tag it keeps the visitor's ClientID in the `_ym_uid` cookie and answers
// ym(counterId, 'getClientID', cb); it loads a moment after the page, as the real tag often does.
(() => {
  const match = document.cookie.match(/(?:^|; )_ym_uid=(\d+)/);
  const uid = match ? match[1] : String(Math.floor(Date.now() / 1000)) + String(Math.floor(1e8 + Math.random() * 9e8));
  // biome-ignore lint/suspicious/noDocumentCookie: a stand-in for the Metrica tag, which writes this cookie
  document.cookie = `_ym_uid=${uid}; path=/; max-age=31536000; SameSite=Lax`;
  const counterId = document.currentScript?.getAttribute('data-counter-id');
  setTimeout(() => {
    window.ym = (_id, method, callback) => {
      if (method === 'getClientID' && typeof callback === 'function') callback(uid);
      return uid;
    };
    document.dispatchEvent(new Event(`yacounter${counterId}inited`));
  }, 300);
})();
