// Offline support: the app shell and the issuer keys are kept so that the
// diploma verify page (/xac-minh) opens and verifies with no network.
// Network first (fresh when online), cache as the fallback.
const CACHE = 'sogd-v1';
const SHELL = ['/', '/index.html', '/xac-minh'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Personal or live data is never cached; the public keys are.
  if (url.pathname.startsWith('/api/') && url.pathname !== '/api/public/keys') return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          void caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(async () => {
        const cached = await caches.match(request);
        if (cached) return cached;
        if (request.mode === 'navigate')
          return (await caches.match('/index.html')) ?? Response.error();
        return Response.error();
      }),
  );
});
