// Index Explorer's service worker (ARCHITECTURE.md, "Offline"): the site works offline after
// the first visit, and nothing it shows changes under the person's eyes.
//
// - The app (index.html, its scripts, wasm modules and styles) is precached into a cache named
//   by the build's VERSION; scripts/post-build.sh writes VERSION and PRECACHE below. A new
//   build is a new sw.js, so the browser installs it beside the running one; it waits, and the
//   pages get the message ["app"] (a notice with Reload) until the person reloads through it
//   (["apply"], answered ["applied", "next"]: the page reloads once the new version controls
//   it). On activation the caches of other versions are deleted.
// - Data (data/*) is cached when first fetched and served from the cache; each time it is
//   served, the network copy is fetched in the background (a conditional request, cheap when
//   unchanged). A copy that differs is kept apart, in the PENDING cache, never served, and the
//   pages get ["data", url…] (a notice with Reload) until ["apply"] moves it in. When the
//   network cannot be reached, the pages get ["offline"] (a notice: the data is this browser's
//   copy).
// - The worker's files and the language files (i18n/*) are cached when first fetched, in the
//   version's cache; a new version fetches again those the old one held (the chosen language,
//   the worker once used), so they stay available offline.
// - Pages say ["hello", url…] once controlled, naming the files they fetched before there was a
//   service worker (the first visit's data), which are then cached.
"use strict";

const VERSION = "dev"; // written by scripts/post-build.sh
const PRECACHE = []; // written by scripts/post-build.sh (site-relative URLs)

const APP = "app-" + VERSION;
const DATA = "data";
const PENDING = "data-pending";
const scope = new URL(self.registration.scope);
const url = (path) => new URL(path, scope).href;
const sub = (href) => (href.startsWith(scope.href) ? href.slice(scope.href.length) : null);
const isData = (path) => path.startsWith("data/");
const kept = (path) => path.startsWith("i18n/") || /^worker(_loader)?\.js$|^worker_bg\.wasm$/.test(path);

async function precache() {
  const cache = await caches.open(APP);
  // A hashed name never changes content, so the browser's HTTP cache may answer (force-cache:
  // the first visit fetched them already); the other files are asked of the server.
  await Promise.all(
    PRECACHE.map(async (path) => {
      const hashed = /-[0-9a-f]{8,}[._]/.test(path);
      const response = await fetch(url(path), { cache: hashed ? "force-cache" : "no-cache" });
      if (!response.ok) throw new Error(`precache ${path}: ${response.status}`);
      await cache.put(url(path), response);
    }),
  );
  // What the older versions fetched at run time and a page may want offline again.
  for (const name of await caches.keys()) {
    if (!name.startsWith("app-") || name === APP) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const path = sub(request.url);
      if (path === null || !kept(path) || (await cache.match(request))) continue;
      try {
        const response = await fetch(request.url, { cache: "no-cache" });
        if (response.ok) await cache.put(request.url, response);
      } catch (_) {
        // offline now: fetched when next asked for
      }
    }
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await precache();
      // An update (a version is running): the pages say so; they apply it when the person asks.
      if (self.registration.active) await tell(["app"]);
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("app-") && name !== APP) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function tell(message, client) {
  const to = client ? [client] : await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const c of to) c.postMessage(message);
}

async function pendingUrls() {
  const pending = await caches.open(PENDING);
  return (await pending.keys()).map((r) => r.url);
}

async function same(a, b) {
  const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  if (x.byteLength !== y.byteLength) return false;
  const p = new Uint8Array(x);
  const q = new Uint8Array(y);
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
  return true;
}

// When each data file was last asked of the network (by this worker's life): at most once a
// minute, so a page, its worker and the map asking for one file cost one request.
const checked = new Map();
// Whether the last attempt to revalidate failed (a page loaded since is told on its "hello":
// messages sent before a page listens are lost).
let unreachable = false;

async function revalidate(href, cached) {
  const now = Date.now();
  if (checked.get(href) > now - 60000) return;
  checked.set(href, now);
  let fresh;
  try {
    fresh = await fetch(href, { cache: "no-cache" });
  } catch (_) {
    checked.delete(href); // offline: the cached copy stands; asked again next time
    unreachable = true;
    return tell(["offline"]);
  }
  unreachable = false;
  if (!fresh.ok) return;
  const pending = await caches.open(PENDING);
  if (await same(cached, fresh.clone())) {
    await pending.delete(href); // (a change taken back on the server)
    return;
  }
  const waiting = await pending.match(href);
  if (waiting && (await same(waiting, fresh.clone()))) return tell(["data", ...(await pendingUrls())]);
  await pending.put(href, fresh);
  await tell(["data", ...(await pendingUrls())]);
}

async function data(event, request) {
  const href = request.url.split("#")[0];
  const cache = await caches.open(DATA);
  const cached = await cache.match(href, { ignoreVary: true });
  if (cached) {
    event.waitUntil(revalidate(href, cached.clone()));
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    checked.set(href, Date.now());
    // The site's storage full: the file is served all the same, only not kept.
    await cache.put(href, response.clone()).catch(() => {});
  }
  return response;
}

async function app(request, path) {
  const cache = await caches.open(APP);
  const cached = await cache.match(path === null ? url("index.html") : request.url, { ignoreVary: true, ignoreSearch: path === null });
  if (cached) return cached;
  const response = await fetch(request);
  // Run-time additions to this version: the worker's files and language files.
  if (response.ok && path !== null && kept(path)) {
    await cache.put(request.url, response.clone()).catch(() => {}); // (as in `data`)
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = sub(request.url.split(/[?#]/)[0]);
  if (path === null || path === "sw.js") return; // another origin, outside the scope, or this
  if (request.mode === "navigate") {
    // The site's one page is index.html (the view is in the query).
    if (path === "" || path === "index.html") event.respondWith(app(request, null));
  } else if (isData(path)) {
    event.respondWith(data(event, request));
  } else {
    event.respondWith(app(request, path));
  }
});

async function apply() {
  // The data kept apart replaces what was cached...
  const pending = await caches.open(PENDING);
  const cache = await caches.open(DATA);
  for (const request of await pending.keys()) {
    const response = await pending.match(request);
    if (response) await cache.put(request.url, response);
    await pending.delete(request);
  }
  // ...and a version waiting takes over: the page reloads when it does (controllerchange). It
  // may still be finishing its install (it tells the pages before its install event ends):
  // skipWaiting then activates it once installed. (Not awaited here: the browser activates it
  // only once this worker's events are done.)
  const next = self.registration.waiting || self.registration.installing;
  if (next) next.postMessage(["skip-waiting"]);
  return next ? ["applied", "next"] : ["applied"];
}

self.addEventListener("message", (event) => {
  const message = Array.isArray(event.data) ? event.data : [];
  const client = event.source;
  if (message[0] === "skip-waiting") {
    self.skipWaiting();
  } else if (message[0] === "hello") {
    event.waitUntil(
      (async () => {
        // The files the page fetched before it was controlled (its first visit).
        const cache = await caches.open(DATA);
        for (const href of message.slice(1)) {
          const path = typeof href === "string" ? sub(href.split("#")[0]) : null;
          if (path === null || !isData(path) || (await cache.match(href, { ignoreVary: true }))) continue;
          try {
            const response = await fetch(href, { cache: "force-cache" });
            if (response.ok) await cache.put(href, response);
          } catch (_) {
            // offline: cached when next fetched
          }
        }
        const waiting = await pendingUrls();
        if (waiting.length) await tell(["data", ...waiting], client);
        if (self.registration.waiting) await tell(["app"], client);
        if (unreachable) await tell(["offline"], client);
        await tell(["ready"], client);
      })(),
    );
  } else if (message[0] === "apply") {
    event.waitUntil(apply().then((answer) => tell(answer, client)));
  }
});
