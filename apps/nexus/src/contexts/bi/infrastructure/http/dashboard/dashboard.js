// The BI dashboard: plain browser JavaScript over the public API (no build step, no inline code, so
// it runs under a same-origin-only CSP). Figures come from /api/v1/bi/*; server-sent events from
// /api/v1/bi/updates trigger a reload of the figures, never of the page.

const API = "/api/v1";
const $ = (id) => document.getElementById(id);
const session = { accessToken: null, refreshToken: null, organizations: [], organizationId: null };
let chart = null;
let stream = null;
let refreshTimer = null;
let currency = "EUR";

function saveSession() {
  sessionStorage.setItem("nexus.dashboard", JSON.stringify(session));
}

function loadSession() {
  try {
    Object.assign(session, JSON.parse(sessionStorage.getItem("nexus.dashboard") || "{}"));
  } catch {
    /* a corrupt entry just means signing in again */
  }
}

async function api(path, init = {}, retry = true) {
  const headers = { accept: "application/json", ...(init.headers || {}) };
  if (session.accessToken) headers.authorization = `Bearer ${session.accessToken}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${API}${path}`, {
    method: init.method || (init.json === undefined ? "GET" : "POST"),
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  if (response.status === 401 && retry && session.refreshToken && (await refreshTokens())) {
    return api(path, init, false);
  }
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw Object.assign(new Error(body?.detail || response.statusText), { status: response.status });
  return body;
}

async function refreshTokens() {
  const response = await fetch(`${API}/auth/refresh`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  });
  if (!response.ok) {
    signOut();
    return false;
  }
  const pair = await response.json();
  session.accessToken = pair.accessToken;
  session.refreshToken = pair.refreshToken;
  saveSession();
  return true;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function formatMoney(minor) {
  if (minor === null || minor === undefined) return "—";
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(minor / 10 ** digits);
}

const FORMATS = {
  invoiceCount: (v) => String(v),
  unitsSold: (v) => v,
  unitsProduced: (v) => v,
  grossMarginPct: (v) => (v === null ? "—" : `${v} %`),
};

function showKpis(kpis) {
  currency = kpis.currency || currency;
  for (const element of document.querySelectorAll("[data-kpi]")) {
    const key = element.dataset.kpi;
    const value = kpis[key];
    const text = (FORMATS[key] || formatMoney)(value);
    const raw = value === null ? "" : String(value);
    if (element.dataset.value !== undefined && element.dataset.value !== raw) {
      element.parentElement.classList.add("changed");
    }
    element.dataset.value = raw;
    element.textContent = text;
  }
}

function showChart(revenue, costs) {
  const xs = revenue.points.map((p) => Date.parse(`${p.bucket}T00:00:00Z`) / 1000);
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  const data = [xs, revenue.points.map((p) => p.value / 10 ** digits), costs.points.map((p) => p.value / 10 ** digits)];
  const width = Math.max(320, $("chart").clientWidth || 800);
  if (chart) {
    chart.setData(data);
    chart.setSize({ width, height: 280 });
    return;
  }
  chart = new uPlot(
    {
      width,
      height: 280,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      series: [
        {},
        { label: "Revenue (net)", stroke: "#2f5bea", width: 2 },
        { label: "Cost of goods sold", stroke: "#d9480f", width: 2 },
      ],
      axes: [{}, { size: 70 }],
    },
    data,
    $("chart"),
  );
}

function showRanking(ranking) {
  const body = $("ranking").querySelector("tbody");
  body.replaceChildren(
    ...ranking.items.map((item) => {
      const row = document.createElement("tr");
      const cells = [
        [String(item.rank), ""],
        [item.name || item.productId, ""],
        [item.sku || "", ""],
        [formatMoney(item.revenueNet), "num"],
        [item.unitsSold, "num"],
        [formatMoney(item.costOfGoodsSold), "num"],
        [formatMoney(item.grossMargin), "num"],
      ];
      for (const [text, cls] of cells) {
        const cell = document.createElement("td");
        cell.textContent = text;
        if (cls) cell.className = cls;
        row.append(cell);
      }
      return row;
    }),
  );
}

function showFreshness(freshness) {
  $("freshness").textContent = freshness.lastAppliedAt
    ? `Data as of ${new Date(freshness.lastAppliedAt).toLocaleString()} · lag ${(freshness.lagMs / 1000).toFixed(1)} s`
    : "No events applied yet";
}

async function loadFigures() {
  const period = `from=${$("from").value}&to=${$("to").value}`;
  const granularity = $("granularity").value;
  const [kpis, revenue, costs, ranking, freshness] = await Promise.all([
    api(`/bi/kpis?${period}`),
    api(`/bi/timeseries?metric=revenueNet&granularity=${granularity}&${period}`),
    api(`/bi/timeseries?metric=costOfGoodsSold&granularity=${granularity}&${period}`),
    api(`/bi/products/ranking?by=${$("rank-by").value}&limit=10&${period}`),
    api("/bi/freshness"),
  ]);
  showKpis(kpis);
  showChart(revenue, costs);
  showRanking(ranking);
  showFreshness(freshness);
  document.body.dataset.loadedAt = String(Date.now());
}

function scheduleReload() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => loadFigures().catch(reportError), 200);
}

/** Reads the server-sent events with fetch (EventSource cannot send the Authorization header). */
async function followUpdates() {
  const mine = {};
  stream = mine;
  while (stream === mine) {
    try {
      const controller = new AbortController();
      mine.abort = () => controller.abort();
      const response = await fetch(`${API}/bi/updates`, {
        headers: { authorization: `Bearer ${session.accessToken}`, accept: "text/event-stream" },
        signal: controller.signal,
      });
      if (response.status === 401 && !(await refreshTokens())) return;
      if (!response.ok || !response.body) throw new Error(`updates: ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: (changed|ready)$/m.test(message)) scheduleReload();
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      if (stream !== mine) return;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

function stopUpdates() {
  stream?.abort?.();
  stream = null;
}

function reportError(error) {
  $("freshness").textContent = `Could not load: ${error.message}`;
}

async function chooseOrganization(organizationId) {
  if (organizationId !== session.organizationId) {
    const pair = await api("/auth/switch-organization", { json: { organizationId } });
    session.accessToken = pair.accessToken;
    session.refreshToken = pair.refreshToken;
    session.organizationId = organizationId;
    saveSession();
  }
  stopUpdates();
  await loadFigures();
  followUpdates();
}

function showBoard() {
  $("sign-in").hidden = true;
  $("board").hidden = false;
  $("sign-out").hidden = false;
  const select = $("organization");
  select.replaceChildren(
    ...session.organizations.map((org) => {
      const option = document.createElement("option");
      option.value = org.id;
      option.textContent = `${org.name} (${org.role})`;
      return option;
    }),
  );
  if (session.organizationId) select.value = session.organizationId;
  if (!$("to").value) {
    const today = new Date();
    $("to").value = isoDay(today);
    // 90 days back and today: the whole of `seed-demo`'s default history, ending yesterday.
    $("from").value = isoDay(new Date(today.getTime() - 90 * 86_400_000));
  }
  chooseOrganization(select.value).catch(reportError);
}

function signOut() {
  stopUpdates();
  Object.assign(session, { accessToken: null, refreshToken: null, organizations: [], organizationId: null });
  sessionStorage.removeItem("nexus.dashboard");
  $("board").hidden = true;
  $("sign-out").hidden = true;
  $("sign-in").hidden = false;
  $("who").textContent = "";
}

$("sign-in").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  $("sign-in-error").textContent = "";
  try {
    const login = await api("/auth/login", { json: { email: form.get("email"), password: form.get("password") } });
    Object.assign(session, {
      accessToken: login.accessToken,
      refreshToken: login.refreshToken,
      organizations: login.organizations,
      organizationId: login.organizationId,
    });
    $("who").textContent = login.user.email;
    saveSession();
    showBoard();
  } catch (error) {
    $("sign-in-error").textContent = error.message;
  }
});

$("sign-out").addEventListener("click", () => {
  api("/auth/logout", { method: "POST" }).catch(() => {});
  signOut();
});
$("organization").addEventListener("change", (event) => chooseOrganization(event.target.value).catch(reportError));
for (const id of ["from", "to", "granularity", "rank-by"]) {
  $(id).addEventListener("change", () => loadFigures().catch(reportError));
}

loadSession();
if (session.accessToken) showBoard();
