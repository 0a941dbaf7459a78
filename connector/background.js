// "Save to Cuttings": the toolbar button, the page and link context menus and the shortcut
// send the page as rendered (or the link) to the Cuttings app listening on 127.0.0.1.
// Runs as Chromium's service worker and as Firefox's background script.
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
// The app listens on the first free one of these (desktop/core/connector/listener.py: PORTS).
const PORTS = [47815, 47816, 47817, 47818, 47819];
const MAX_BYTES = 20 * 1024 * 1024; // the app's cap (listener.MAX_BODY_BYTES)
const NOT_RUNNING = "Cuttings is not running — start it, then save again.";
const NOT_PAIRED = "Not paired with Cuttings: paste the token Cuttings shows (File ▸ Connect your browser…) " +
  "in this extension's options.";
const MESSAGES = {
  "not-paired": NOT_PAIRED,
  "too-large": "Too large: Cuttings takes pages up to 20 MB.",
};

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({ id: "save-page", title: "Save page to Cuttings", contexts: ["page", "selection"] });
  api.contextMenus.create({ id: "save-link", title: "Save link to Cuttings", contexts: ["link"] });
});

api.action.onClicked.addListener((tab) => savePage(tab));

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== "save-page") return;
  const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (target) await savePage(target);
});

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === "save-link") {
    send(tab, { kind: "link", url: info.linkUrl, title: info.linkText ?? "", html: "", selection: "" });
  } else if (info.menuItemId === "save-page") {
    savePage(tab);
  }
});

// Runs in the page: its DOM as it is now, after its scripts ran.
function readPage() {
  const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) + "\n" : "";
  return {
    kind: "page",
    url: location.href,
    title: document.title,
    html: doctype + document.documentElement.outerHTML,
    selection: String(getSelection() ?? ""),
  };
}

async function savePage(tab) {
  let page;
  try {
    const [injection] = await api.scripting.executeScript({ target: { tabId: tab.id }, func: readPage });
    page = injection.result;
  } catch (error) {
    await report(tab, false, "This page cannot be saved: the browser does not let extensions read it.");
    return;
  }
  if (!/^https?:/.test(page.url)) {
    await report(tab, false, "Only web pages (http or https) can be saved to Cuttings.");
    return;
  }
  await send(tab, page);
}

// Try each port until a Cuttings answers that takes the capture; say what happened.
async function send(tab, capture) {
  const { token } = await api.storage.local.get("token");
  if (!token) return report(tab, false, NOT_PAIRED);
  const body = JSON.stringify(capture);
  if (new TextEncoder().encode(body).length > MAX_BYTES) return report(tab, false, MESSAGES["too-large"]);
  let refusal = null;
  for (const port of PORTS) {
    let response;
    try {
      response = await fetch(`http://127.0.0.1:${port}/capture`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body,
      });
    } catch (error) {
      continue; // nothing listens there
    }
    if (!response.headers.get("X-Cuttings")) continue; // another program on that port
    const answer = await response.json().catch(() => ({}));
    if (response.ok) return report(tab, true, answer.message || "Sent to Cuttings.");
    // Another user's Cuttings on this computer refuses our token: try the next port.
    refusal = MESSAGES[answer.error] ?? answer.message ?? `Cuttings refused the page (${response.status}).`;
    if (answer.error !== "not-paired") break;
  }
  return report(tab, false, refusal ?? NOT_RUNNING);
}

async function report(tab, ok, message) {
  const tabId = tab?.id;
  await api.storage.local.set({ last: { ok, message, when: new Date().toISOString() } });
  if (tabId !== undefined) {
    await api.action.setBadgeBackgroundColor({ tabId, color: ok ? "#2e7d32" : "#c62828" });
    await api.action.setBadgeText({ tabId, text: ok ? "✓" : "!" });
    await api.action.setTitle({ tabId, title: `Save to Cuttings — ${message}` });
  }
  await api.notifications.create({
    type: "basic",
    iconUrl: api.runtime.getURL("icons/cuttings-48.png"),
    title: ok ? "Sent to Cuttings" : "Not saved to Cuttings",
    message,
  }).catch(() => {}); // no notification server: the badge and its tooltip still say it
}
