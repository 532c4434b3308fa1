// policyglot serve: live reload and error overlay (preview only, never in a published build).
// The server pushes a `state` event on connect and after every rebuild; a page reloads when
// its own content hash (or the assets') changed, keeping its scroll position, and shows
// the build errors in an overlay while the input is broken.
(() => {
  "use strict";
  const me = document.currentScript;
  const page = me.dataset.page;
  const hash = me.dataset.hash;
  const assets = me.dataset.assets;
  const scrollKey = "policyglot-scroll:" + location.pathname;

  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    const [x, y] = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", restore, { once: true });
    document.addEventListener("DOMContentLoaded", restore, { once: true });
  }

  const host = document.createElement("policyglot-preview");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>
    :host { all: initial; }
    .bar { position: fixed; right: 12px; bottom: 12px; z-index: 2147483646; display: flex; gap: 8px;
      align-items: center; font: 13px/1.3 system-ui, sans-serif; background: #1f1e1c; color: #fff;
      padding: 6px 10px; border-radius: 999px; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
    .bar a { color: #fff; }
    .dot { width: 9px; height: 9px; border-radius: 50%; background: #8a8a8a; }
    .dot.ok { background: #3fb950; } .dot.error { background: #f85149; } .dot.off { background: #8a8a8a; }
    .overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20,18,16,.72);
      overflow: auto; font: 14px/1.5 system-ui, sans-serif; }
    .panel { max-width: 60rem; margin: 4vh auto; background: #fff; color: #1f1e1c; border-top: 6px solid #c01c28;
      border-radius: 8px; padding: 18px 22px; box-shadow: 0 8px 30px rgba(0,0,0,.35); }
    .panel h2 { margin: 0 0 4px; font-size: 18px; color: #c01c28; }
    .panel .sub { margin: 0 0 12px; color: #5f5b55; }
    .err { border-top: 1px solid #e4e0d9; padding: 10px 0; }
    .where { font: 600 14px ui-monospace, monospace; }
    .msg { margin: 2px 0 6px; }
    .help { color: #1a5fb4; }
    pre { background: #f6f5f3; padding: 8px 10px; overflow: auto; font: 12.5px/1.45 ui-monospace, monospace; margin: 6px 0; }
    button { float: right; font: inherit; border: 1px solid #ccc; background: #fff; border-radius: 4px; cursor: pointer; }
  </style>
  <div class="bar" part="bar"><span class="dot"></span><span class="status">connecting…</span>
    <a class="sbs"></a></div>
  <div class="overlay" hidden></div>`;
  const dot = root.querySelector(".dot");
  const status = root.querySelector(".status");
  const overlay = root.querySelector(".overlay");
  const sbs = root.querySelector(".sbs");
  // Set as properties, never as markup: the values come from the URL of the page.
  sbs.href = me.dataset.sideBySide;
  sbs.textContent = sbs.pathname === "/_preview/index.html" ? "all pages" : "side by side";
  sbs.addEventListener("click", () => {
    if (location.hash) sbs.href = me.dataset.sideBySide + location.hash;
  });
  const mount = () => document.body.appendChild(host);
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount, { once: true });

  let dismissed = "";
  function showErrors(errors, rebuilt) {
    const key = JSON.stringify(errors);
    overlay.replaceChildren();
    if (!errors.length || key === dismissed) {
      overlay.hidden = true;
      return;
    }
    const panel = document.createElement("div");
    panel.className = "panel";
    panel.setAttribute("role", "alert");
    const close = document.createElement("button");
    close.textContent = "×";
    close.title = "Hide until the errors change";
    close.addEventListener("click", () => { dismissed = key; overlay.hidden = true; });
    const h = document.createElement("h2");
    const sub = document.createElement("p");
    sub.className = "sub";
    if (rebuilt) {
      // Only missing translations: the preview shows the reference's text in their place.
      h.textContent = `policyglot: ${errors.length} error(s) — build would refuse to publish this`;
      sub.textContent = "You are seeing this version, with the reference text where a translation is missing. This overlay goes away when the errors are fixed.";
    } else {
      h.textContent = `policyglot: ${errors.length} error(s) — the site could not be rebuilt`;
      sub.textContent = "You are seeing the last good version. This overlay goes away when the errors are fixed.";
    }
    panel.append(close, h, sub);
    for (const e of errors) {
      const div = document.createElement("div");
      div.className = "err";
      const where = document.createElement("div");
      where.className = "where";
      where.textContent = `${e.position || "(no location)"} — ${e.severity}[${e.code}]`;
      const msg = document.createElement("div");
      msg.className = "msg";
      msg.textContent = e.message;
      div.append(where, msg);
      if (e.snippet) {
        const pre = document.createElement("pre");
        pre.textContent = e.snippet;
        div.append(pre);
      }
      if (e.help) {
        const help = document.createElement("div");
        help.className = "help";
        help.textContent = "help: " + e.help;
        div.append(help);
      }
      panel.append(div);
    }
    overlay.append(panel);
    overlay.hidden = false;
  }

  function reload() {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }

  // Through the shared worker when the browser has one (one connection for all tabs),
  // else a stream of our own. Returns a function that disconnects.
  function listen(onState, onError) {
    if (typeof SharedWorker === "function") {
      try {
        const worker = new SharedWorker("/_preview/live-worker.js", { name: "policyglot-live" });
        worker.port.onmessage = (message) => {
          if (message.data.type === "state") onState(message.data.data);
          else onError();
        };
        worker.port.start();
        return () => worker.port.postMessage("bye");
      } catch (_) {
        // Fall back to a stream of our own.
      }
    }
    const events = new EventSource("/_preview/events");
    events.addEventListener("state", (message) => onState(message.data));
    events.addEventListener("error", onError);
    return () => events.close();
  }

  let reloading = false;
  const stop = listen((data) => {
    if (reloading) return;
    const state = JSON.parse(data);
    const errors = state.errors || [];
    dot.className = "dot " + (errors.length ? "error" : "ok");
    status.textContent = errors.length
      ? `${errors.length} error(s)`
      : state.warnings ? `live · ${state.warnings} warning(s)` : "live";
    showErrors(errors, state.rebuilt);
    const now = state.pages[page] ?? "";
    if (now !== hash || (state.built && state.assets !== assets)) {
      reloading = true;
      stop();
      reload();
    }
  }, () => {
    dot.className = "dot off";
    status.textContent = "disconnected: is policyglot serve running?";
  });
  window.addEventListener("pagehide", () => stop());
})();
