// The pairing token: pasted here, or given in the address as options.html#token=TOKEN
// (Cuttings' tests open that address to pair a fresh browser profile).
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const field = document.getElementById("token");
const state = document.getElementById("state");

function show(text, ok) {
  state.textContent = text;
  state.className = ok ? "ok" : "bad";
}

async function save(token) {
  token = token.trim();
  if (!/^[A-Za-z0-9_-]{20,}$/.test(token)) {
    show("That is not a Cuttings pairing token: copy it again from Cuttings.", false);
    return;
  }
  await api.storage.local.set({ token });
  field.value = token;
  show("Paired: “Save to Cuttings” now sends pages to the app.", true);
}

async function load() {
  const given = new URLSearchParams(location.hash.slice(1)).get("token");
  if (given) {
    history.replaceState(null, "", location.pathname); // the token does not stay in the address
    await save(given);
  } else {
    const { token } = await api.storage.local.get("token");
    field.value = token ?? "";
    show(token ? "Paired." : "Not paired yet.", Boolean(token));
  }
  const { last } = await api.storage.local.get("last");
  if (last) {
    document.getElementById("last").textContent =
      `Last save (${new Date(last.when).toLocaleString()}): ${last.message}`;
  }
}

document.getElementById("save").addEventListener("click", () => save(field.value));
load();
