// policyglot serve: one event stream shared by every open preview tab (a SharedWorker).
// Browsers allow six HTTP/1.1 connections per host and each EventSource holds one, so
// tabs that each opened their own would stop loading from the seventh on.
"use strict";
const ports = new Set();
let source = null;

function broadcast(message) {
  for (const port of ports) port.postMessage(message);
}

// A fresh stream whenever a tab connects: its first event is the server's current state,
// never older than the page that just connected (which then reloads only if outdated).
function connect() {
  if (source) source.close();
  source = new EventSource("/_preview/events");
  source.addEventListener("state", (message) => broadcast({ type: "state", data: message.data }));
  source.addEventListener("error", () => broadcast({ type: "error" }));
}

onconnect = (event) => {
  const port = event.ports[0];
  ports.add(port);
  port.onmessage = (message) => {
    if (message.data !== "bye") return;
    ports.delete(port);
    if (ports.size === 0 && source) {
      source.close();
      source = null;
    }
  };
  port.start();
  connect();
};
