// Second Look district console. The key lives in sessionStorage only and is sent as a Bearer
// token; the labelled sample stays in this page and is sent to /v1/policy/preview, never stored.
"use strict";

const KEY = "secondlook.key";
const LEVELS = ["suggestion", "warning", "error"];
const CHECK_TITLES = {
  student_privacy: "Student privacy", tone: "Tone", parent_test: "Parent test",
  district_voice: "District voice", student_contact: "Student contact",
};
const state = { overview: null, proposed: null, previewTimer: null, previewSeq: 0 };
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

async function api(method, path, body, isForm = false) {
  const headers = { Authorization: `Bearer ${sessionStorage.getItem(KEY) || ""}` };
  const init = { method, headers };
  if (body !== undefined) {
    if (isForm) init.body = body;
    else { headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
  }
  const response = await fetch(path, init);
  const type = response.headers.get("content-type") || "";
  const data = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const message = data && data.error ? data.error.message : `HTTP ${response.status}`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return data;
}

function setStatus(id, text, kind = "") {
  const node = $(id);
  node.textContent = text;
  node.className = `status ${kind}`;
}

// ---- policy semantics, as the engine applies them (checks/policy.py) ----
function longestPrefix(code, prefixes) {
  return Math.max(0, ...prefixes.filter((p) => code.startsWith(p)).map((p) => p.length));
}
function setting(policy, code) {
  const keys = Object.keys(policy.rules || {}).filter((k) => code.startsWith(k)).sort((a, b) => a.length - b.length);
  return Object.assign({}, ...keys.map((k) => policy.rules[k]));
}
function effective(policy, rule) {
  const s = setting(policy, rule.code);
  const chosen = longestPrefix(rule.code, policy.select || []);
  const dropped = longestPrefix(rule.code, policy.ignore || []);
  return {
    enabled: s.enabled !== undefined ? s.enabled : chosen > 0 && chosen >= dropped,
    level: s.level || rule.level,
    threshold: s.threshold !== undefined ? s.threshold : rule.threshold,
  };
}
function override(code, field, value) {
  state.proposed.rules = state.proposed.rules || {};
  state.proposed.rules[code] = { ...(state.proposed.rules[code] || {}), [field]: value };
  proposalChanged();
}

// ---- login ----
async function login(event) {
  event.preventDefault();
  sessionStorage.setItem(KEY, $("key").value.trim());
  $("key").value = "";
  await load();
}

async function load() {
  try {
    state.overview = await api("GET", "/v1/admin/overview");
  } catch (error) {
    sessionStorage.removeItem(KEY);
    $("login-error").textContent = error.status === 403
      ? "This key works, but it is not an admin key." : error.message;
    $("login").hidden = false; $("console").hidden = true; $("who").hidden = true;
    return;
  }
  state.proposed = structuredClone(state.overview.current.policy);
  $("login").hidden = true; $("console").hidden = false; $("who").hidden = false;
  $("login-error").textContent = "";
  render();
}

function logout() {
  sessionStorage.removeItem(KEY);
  location.reload();
}

// ---- rendering ----
function render() {
  const o = state.overview;
  $("who-text").textContent = `${o.key.name} (${o.key.role}) · ${o.district}`;
  $("district").textContent = o.district;
  $("current-version").textContent = o.current.version;
  $("current-author").textContent = o.current.author;
  $("current-when").textContent = `on ${new Date(o.current.created_at).toLocaleString()}`;
  $("allow-list").value = (state.proposed.allow_list || []).join("\n");
  $("spokespeople").value = (state.proposed.spokespeople || []).join("\n");
  $("roster-size").textContent = o.roster.full_name_digests;
  $("collect").checked = o.settings.collect_outcome_counts;
  renderRules();
  renderAudit();
}

function renderRules() {
  const o = state.overview;
  const host = $("rules");
  host.replaceChildren();
  if (!o.rules.length) {
    host.append(el("p", { class: "hint" }, "No rules are installed yet."));
    return;
  }
  const byCheck = {};
  for (const rule of o.rules) (byCheck[rule.check] = byCheck[rule.check] || []).push(rule);
  for (const [check, rules] of Object.entries(byCheck)) {
    const group = el("div", { class: "check-group", role: "group", "aria-labelledby": `group-${check}` },
      el("h3", { id: `group-${check}` }, CHECK_TITLES[check] || check));
    for (const rule of rules) group.append(ruleRow(rule));
    host.append(group);
  }
}

function ruleRow(rule) {
  const now = effective(state.proposed, rule);
  const id = rule.code;
  const output = el("output", { id: `out-${id}`, for: `threshold-${id}` }, now.threshold.toFixed(2));
  const slider = el("input", {
    type: "range", min: "0", max: "1", step: "0.01", value: String(now.threshold),
    id: `threshold-${id}`, "aria-label": `${id} threshold`,
    oninput: (e) => { output.textContent = Number(e.target.value).toFixed(2); },
    onchange: (e) => override(id, "threshold", Number(e.target.value)),
  });
  const level = el("select", {
    id: `level-${id}`, "aria-label": `${id} level`,
    onchange: (e) => override(id, "level", e.target.value),
  }, LEVELS.map((l) => el("option", { value: l, selected: l === now.level }, l)));
  const enabled = el("input", {
    type: "checkbox", id: `enabled-${id}`, checked: now.enabled,
    onchange: (e) => override(id, "enabled", e.target.checked),
  });
  const counts = state.overview.outcome_counts[id];
  const docs = rule.docs;
  return el("div", { class: "rule", "data-code": id },
    el("div", {},
      el("span", { class: "code" }, id), el("strong", {}, rule.name),
      el("details", {}, el("summary", {}, "What it flags, why, how to tune"),
        el("p", {}, el("strong", {}, "What: "), docs.what),
        el("p", {}, el("strong", {}, "Why: "), docs.why),
        el("p", {}, el("strong", {}, "Example: "), docs.example),
        el("p", {}, el("strong", {}, "Tune: "), docs.tune))),
    el("label", { class: "enabled", for: `enabled-${id}` }, enabled, "Enabled"),
    level,
    el("div", { class: "threshold" }, slider, output),
    el("div", { class: "counts", id: `counts-${id}` }, counts
      ? [el("span", { class: "reported" }, `${counts.reported_wrong} reported wrong`),
        ` · ${counts.edited} edited · ${counts.applied_fix} fixed · ${counts.posted_anyway} posted anyway`]
      : "No teacher feedback counted yet."));
}

function renderAudit() {
  const body = $("audit").querySelector("tbody");
  body.replaceChildren();
  const show = (v) => (v === null ? "—" : JSON.stringify(v));
  for (const e of state.overview.audit) {
    body.append(el("tr", {},
      el("td", {}, new Date(e.when).toLocaleString()), el("td", {}, e.who),
      el("td", {}, e.policy_version || e.action), el("td", {}, el("code", {}, e.field)),
      el("td", {}, show(e.old)), el("td", {}, show(e.new))));
  }
  if (!state.overview.audit.length) body.append(el("tr", {}, el("td", { colspan: "6" }, "No changes yet.")));
}

function lines(id) {
  return $(id).value.split("\n").map((s) => s.trim()).filter(Boolean);
}

function proposalChanged() {
  setStatus("save-status", "Unsaved changes.", "");
  if (!$("sample").value.trim()) return;
  clearTimeout(state.previewTimer);
  state.previewTimer = setTimeout(runPreview, 400);
}

// ---- preview ----
async function runPreview() {
  const sample = $("sample").value;
  if (!sample.trim()) { setStatus("preview-status", "Paste or upload a labelled sample first.", "bad"); return; }
  const seq = ++state.previewSeq;
  setStatus("preview-status", "Checking the sample under both policies…");
  try {
    const result = await api("POST", "/v1/policy/preview", { policy: state.proposed, sample });
    if (seq !== state.previewSeq) return;
    renderPreview(result);
    setStatus("preview-status", `${result.examples} drafts checked; ${result.flips.length} change result.`, "ok");
  } catch (error) {
    if (seq === state.previewSeq) setStatus("preview-status", error.message, "bad");
  }
}

function pct(x) { return `${Math.round(x * 100)}%`; }

function deltaCell(before, after, higherIsBetter) {
  const diff = after - before;
  const cls = diff === 0 ? "" : (diff > 0) === higherIsBetter ? "delta-up" : "delta-down";
  return el("td", { class: `num ${cls}` }, `${pct(before)} → ${pct(after)}`);
}

function renderPreview(result) {
  const host = $("preview");
  host.replaceChildren();
  const table = el("table", { class: "grid", id: "preview-table" },
    el("caption", { class: "sr-only" }, "Per check: current policy to proposed policy"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Check"), el("th", { scope: "col" }, "Precision"),
      el("th", { scope: "col" }, "Recall"), el("th", { scope: "col" }, "False alarms"))));
  const body = el("tbody");
  for (const [check, now] of Object.entries(result.current.checks)) {
    const then = result.proposed.checks[check];
    body.append(el("tr", { "data-check": check }, el("th", { scope: "row" }, CHECK_TITLES[check] || check),
      deltaCell(now.precision, then.precision, true), deltaCell(now.recall, then.recall, true),
      deltaCell(now.false_alarm_rate, then.false_alarm_rate, false)));
  }
  table.append(body);
  host.append(el("h3", {}, `Current ${result.current.version} → proposed`), table);

  host.append(el("h3", {}, `Drafts whose result changes (${result.flips.length})`));
  const flips = el("div", { class: "scroll", id: "flips" });
  if (!result.flips.length) flips.append(el("p", { class: "hint" }, "No draft in the sample changes result."));
  for (const f of result.flips) {
    flips.append(el("div", { class: `flip ${f.effect}` },
      el("q", {}, f.text),
      el("span", {}, `${f.effect}: expected [${f.expect.join(", ") || "nothing"}], now [${f.current.join(", ") || "nothing"}], proposed [${f.proposed.join(", ") || "nothing"}]`)));
  }
  host.append(flips);

  host.append(el("h3", {}, "Precision–recall per rule (● = chosen threshold)"));
  const curves = el("div", { class: "curves" });
  for (const [code, curve] of Object.entries(result.curves)) curves.append(curveFigure(code, curve));
  if (!Object.keys(result.curves).length) curves.append(el("p", { class: "hint" }, "No rule scored any draft in this sample."));
  host.append(curves);
}

function curveFigure(code, curve) {
  const W = 300, H = 200, L = 44, B = 28, T = 10, R = 12;
  const x = (r) => L + r * (W - L - R);
  const y = (p) => T + (1 - p) * (H - T - B);
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `${code}: at threshold ${curve.threshold.toFixed(2)}, precision ${pct(curve.chosen.precision)}, recall ${pct(curve.chosen.recall)}` });
  for (const v of [0, 0.5, 1]) {
    svg.append(svgEl("line", { x1: x(0), x2: x(1), y1: y(v), y2: y(v), stroke: "#e3e8ef" }));
    svg.append(svgEl("line", { x1: x(v), x2: x(v), y1: y(0), y2: y(1), stroke: "#e3e8ef" }));
    const ty = svgEl("text", { x: L - 4, y: y(v) + 4, "text-anchor": "end", "font-size": "10", fill: "#4a5565" }); ty.textContent = pct(v); svg.append(ty);
    const tx = svgEl("text", { x: x(v), y: H - 12, "text-anchor": "middle", "font-size": "10", fill: "#4a5565" }); tx.textContent = pct(v); svg.append(tx);
  }
  const label = svgEl("text", { x: (L + W) / 2, y: H - 1, "text-anchor": "middle", "font-size": "10", fill: "#4a5565" });
  label.textContent = "recall →"; svg.append(label);
  const ylabel = svgEl("text", { "text-anchor": "middle", "font-size": "10", fill: "#4a5565",
    transform: `translate(9 ${(T + H - B) / 2}) rotate(-90)` });
  ylabel.textContent = "precision"; svg.append(ylabel);
  const path = curve.points.map((p) => `${x(p.recall).toFixed(1)},${y(p.precision).toFixed(1)}`).join(" ");
  svg.append(svgEl("polyline", { points: path, fill: "none", stroke: "#1f5fbf", "stroke-width": "2" }));
  svg.append(svgEl("circle", { cx: x(curve.chosen.recall), cy: y(curve.chosen.precision), r: "5", fill: "#b3261e", class: "chosen" }));
  return el("figure", { class: "curve", "data-code": code },
    el("figcaption", {}, `${code} ${curve.name} · t = ${curve.threshold.toFixed(2)}: P ${pct(curve.chosen.precision)}, R ${pct(curve.chosen.recall)}`),
    svg);
}

// ---- saving ----
async function save() {
  state.proposed.allow_list = lines("allow-list");
  state.proposed.spokespeople = lines("spokespeople");
  setStatus("save-status", "Saving…");
  try {
    const saved = await api("PUT", "/v1/policy", {
      policy: state.proposed, base_version: state.overview.current.version, note: $("note").value,
    });
    $("note").value = "";
    await load();
    setStatus("save-status", `Saved as ${saved.version}.`, "ok");
  } catch (error) {
    setStatus("save-status", error.status === 409
      ? "Someone saved a newer version meanwhile. Reload the page to see it, then apply your change again."
      : error.message, "bad");
  }
}

async function uploadRoster(event) {
  event.preventDefault();
  const file = $("roster-file").files[0];
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  try {
    const result = await api("POST", "/v1/admin/roster", form, true);
    setStatus("roster-status", `${result.names_hashed} names hashed and stored as hashes.`, "ok");
    $("roster-file").value = "";
    await load();
  } catch (error) {
    setStatus("roster-status", error.message, "bad");
  }
}

async function toggleCollect(event) {
  try {
    await api("PUT", "/v1/admin/settings", { collect_outcome_counts: event.target.checked });
    await load();
  } catch (error) {
    event.target.checked = !event.target.checked;
    setStatus("roster-status", error.message, "bad");
  }
}

async function readSampleFile(event) {
  const file = event.target.files[0];
  if (file) { $("sample").value = await file.text(); runPreview(); }
}

async function useDevset() {
  try {
    $("sample").value = await api("GET", "/v1/admin/sample");
    runPreview();
  } catch (error) {
    setStatus("preview-status", error.message, "bad");
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", login);
  $("logout").addEventListener("click", logout);
  $("save").addEventListener("click", save);
  $("run-preview").addEventListener("click", runPreview);
  $("roster-form").addEventListener("submit", uploadRoster);
  $("collect").addEventListener("change", toggleCollect);
  $("sample-file").addEventListener("change", readSampleFile);
  for (const id of ["allow-list", "spokespeople"]) {
    $(id).addEventListener("change", () => { state.proposed[id === "allow-list" ? "allow_list" : id] = lines(id); proposalChanged(); });
  }
  if ($("use-devset")) $("use-devset").addEventListener("click", useDevset);
  if (sessionStorage.getItem(KEY)) load();
});
