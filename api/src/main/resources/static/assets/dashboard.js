/*
 * Encours dashboard: plain JavaScript over the REST API (/api/v1), charts by ECharts.
 * It displays what the API returns and recomputes no metric: it only picks points (the latest,
 * the one 3 or 12 months before), formats numbers and places national figures on the months
 * of their period. Every element fed by the API keeps the URL it came from in data-source.
 */
'use strict';
(() => {
  const AUTH_KEY = 'encours.auth';
  const API = 'api/v1/';
  const WORKLIST_PAGE_SIZE = 20;
  const ALL_ROWS = 1000; // the API's maximum page size: every row of these small tables

  /** Which parts each role sees: mirrors the access table of api/README.md. */
  const ROLE_PARTS = {
    GROUP_CFO: ['analytics', 'scenarios', 'collectors', 'worklist'],
    ENTITY_CFO: ['analytics', 'worklist'],
    ANALYST: ['analytics', 'scenarios', 'collectors'],
    COLLECTOR: ['worklist'],
  };

  const BUCKETS = [
    ['notDue', 'Not due', '#8fb8de'], ['days1to30', '1–30 d', '#f3d26b'], ['days31to60', '31–60 d', '#f0a04b'],
    ['days61to90', '61–90 d', '#e07b39'], ['days91to180', '91–180 d', '#c8553d'], ['over180', '> 180 d', '#7d2718'],
  ];

  const state = { me: null, months: [], generation: 0, worklistPage: 0 };
  const charts = {};
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- API access

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail || ('HTTP ' + status));
      this.status = status;
    }
  }

  function url(path, params) {
    const q = new URLSearchParams();
    Object.entries(params || {}).forEach(([k, v]) => {
      if (v !== null && v !== undefined && v !== '') q.append(k, v);
    });
    const s = q.toString();
    return API + path + (s ? '?' + s : '');
  }

  /**
   * GET with the stored credentials. X-Requested-With makes the API answer 401 without a Basic
   * challenge, so the browser never shows its own login pop-up over the page's form.
   */
  async function fetchApi(target, accept, auth) {
    const response = await fetch(target, {
      headers: {
        Authorization: auth || sessionStorage.getItem(AUTH_KEY) || '',
        'X-Requested-With': 'XMLHttpRequest',
        Accept: accept,
      },
      cache: 'no-store',
    });
    if (!response.ok) {
      let detail = null;
      try { detail = (await response.json()).detail; } catch (ignored) { /* not a problem+json */ }
      if (response.status === 401 && !auth) signOut('Your session has expired: sign in again.');
      throw new ApiError(response.status, detail);
    }
    return response;
  }

  async function getJson(target, auth) {
    return (await fetchApi(target, 'application/json', auth)).json();
  }

  // ---------------------------------------------------------------- formatting

  const nf = (digits) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits });
  const NUM0 = nf(0);
  const NUM2 = nf(2);
  const EUR0 = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

  function eurShort(v) {
    if (v === null || v === undefined) return '—';
    const a = Math.abs(v);
    const sign = v < 0 ? '−' : '';
    if (a >= 1e6) return sign + '€' + NUM2.format(a / 1e6) + ' M';
    if (a >= 1e3) return sign + '€' + nf(1).format(a / 1e3) + ' k';
    return EUR0.format(v);
  }
  const eur = (v) => (v === null || v === undefined ? '—' : EUR0.format(v));
  const days = (v) => (v === null || v === undefined ? '—' : NUM2.format(v) + ' d');
  const pct = (v) => (v === null || v === undefined ? '—' : nf(1).format(v * 100) + ' %');
  const int = (v) => (v === null || v === undefined ? '—' : NUM0.format(v));
  const axisEur = (v) => eurShort(v).replace(' ', '');
  const axisPct = (v) => nf(0).format(v * 100) + '%';

  /** '2025-06' shifted by n months. */
  function shiftMonth(month, n) {
    const [y, m] = month.split('-').map(Number);
    const d = new Date(Date.UTC(y, m - 1 + n, 1));
    return d.toISOString().slice(0, 7);
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v; else e.setAttribute(k, v);
    });
    children.flat().forEach((c) => e.append(c instanceof Node ? c : String(c ?? '')));
    return e;
  }

  // ---------------------------------------------------------------- login and layout

  function basic(user, password) {
    const bytes = new TextEncoder().encode(user + ':' + password);
    return 'Basic ' + btoa(String.fromCharCode(...bytes));
  }

  function signOut(message) {
    sessionStorage.removeItem(AUTH_KEY);
    state.me = null;
    $('dashboard').hidden = true;
    $('who').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('login-password').value = '';
    $('login-user').focus();
  }

  async function login(event) {
    event.preventDefault();
    const auth = basic($('login-user').value.trim(), $('login-password').value);
    $('login-error').textContent = '';
    try {
      const me = await getJson(url('me'), auth);
      sessionStorage.setItem(AUTH_KEY, auth);
      await open(me);
    } catch (e) {
      $('login-error').textContent = e.status === 401 ? 'Wrong user name or password.' : e.message;
    }
  }

  async function open(me) {
    state.me = me;
    $('login').hidden = true;
    $('who-name').textContent = me.user + ' · ' + me.role.replace('_', ' ').toLowerCase();
    $('who').hidden = false;
    $('asof').textContent = 'Data as of ' + me.snapshotDate + ' · run ' + me.runId;
    const parts = ROLE_PARTS[me.role] || [];
    document.querySelectorAll('[data-role]').forEach((e) => { e.hidden = !parts.includes(e.dataset.role); });
    $('dashboard').hidden = false;
    setUpWorklistPicker(me);
    if (parts.includes('analytics')) {
      await setUpFilters(me);
      refresh();
    } else {
      loadWorklist();
    }
  }

  async function setUpFilters(me) {
    const entity = $('f-entity');
    entity.replaceChildren(el('option', { value: '' },
      me.role === 'ENTITY_CFO' ? 'All my entities' : 'All entities (group)'));
    me.entities.forEach((e) => entity.append(el('option', { value: e.entityId }, e.name + ' (' + e.entityId + ')')));
    if (me.role === 'ENTITY_CFO' && me.entities.length === 1) {
      entity.value = me.entities[0].entityId;
      entity.disabled = true;
    }
    // The months of the history, from the unfiltered DSO series (one point per month end).
    const dso = await getJson(url('dso'));
    state.months = dso.points.map((p) => p.period);
    const fill = (select, blank) => select.replaceChildren(el('option', { value: '' }, blank),
      ...state.months.map((m) => el('option', { value: m }, m)));
    fill($('f-from'), 'start of history');
    fill($('f-to'), 'latest (' + me.snapshotDate + ')');
    $('collectors-month').replaceChildren(...state.months.slice().reverse().map((m) => el('option', { value: m }, m)));
  }

  function setUpWorklistPicker(me) {
    const picker = $('worklist-collector');
    picker.replaceChildren(...me.collectors.map((c) =>
      el('option', { value: c.collectorId }, (c.name ? c.name + ' ' : '') + '(' + c.collectorId + ')')));
    const own = me.role === 'COLLECTOR';
    picker.hidden = own;
    $('worklist-owner').textContent = own && me.collectors.length
      ? (me.collectors[0].name || '') + ' (' + me.collectorId + ') — you' : '';
    if (own) picker.value = me.collectorId;
  }

  function filters() {
    return {
      entity: $('f-entity').value, segment: $('f-segment').value,
      from: $('f-from').value, to: $('f-to').value,
    };
  }

  // ---------------------------------------------------------------- loading

  /** Reloads every part the filters feed; data-loaded tells when a generation has finished. */
  async function refresh() {
    const gen = ++state.generation;
    const f = filters();
    const parts = ROLE_PARTS[state.me.role];
    const loads = [loadTiles(f, gen), loadDso(f, gen), loadDelays(f, gen), loadAging(f, gen),
      loadUnpaid(f, gen), loadForecast(f, gen), loadBacktest(f, gen)];
    if (parts.includes('scenarios')) loads.push(loadScenarios(f, gen));
    if (parts.includes('collectors')) loads.push(loadCollectors(gen));
    if (parts.includes('worklist')) loads.push(loadWorklist(gen));
    await Promise.allSettled(loads);
    if (gen === state.generation) document.body.dataset.loaded = String(gen);
  }

  /** Fetches the sources of one part; drops the answer if a newer refresh started meanwhile. */
  async function load(gen, targets, render, fail) {
    try {
      const data = await Promise.all(targets.map((t) => getJson(t)));
      if (gen !== state.generation) return;
      await render(...data);
    } catch (e) {
      if (gen === state.generation && e.status !== 401) fail(e);
    }
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function showChart(id, targets, option) {
    const c = chart(id);
    $(id).dataset.source = targets.join(' ');
    c.setOption(Object.assign({
      animation: false,
      grid: { left: 56, right: 16, top: 40, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
    }, option), true);
  }

  function chartError(id, error) {
    const c = chart(id);
    $(id).dataset.source = '';
    c.setOption({
      title: { text: error.message, left: 'center', top: 'middle',
        textStyle: { fontSize: 13, fontWeight: 'normal', color: '#5f6b7a', width: 480, overflow: 'break' } },
    }, true);
  }

  // ---------------------------------------------------------------- tiles

  function tile(id, value, sub) {
    $(id).querySelector('.value').textContent = value;
    const s = $(id).querySelector('.sub');
    s.replaceChildren(...[].concat(sub || []));
  }

  /** The change of a DSO series' latest point over n months, as a coloured span. */
  function change(points, n) {
    const latest = points[points.length - 1];
    const before = points.find((p) => p.period === shiftMonth(latest.period, -n));
    const label = ' over ' + n + ' months';
    if (!before || before.dso === null || latest.dso === null) return el('div', {}, '—' + label);
    const d = latest.dso - before.dso;
    return el('div', { class: d > 0 ? 'up' : 'down' }, (d > 0 ? '+' : '') + NUM2.format(d) + ' d' + label);
  }

  function dsoTile(id, points, detail) {
    const last = points[points.length - 1];
    if (!last) return tile(id, '—', 'no data');
    tile(id, days(last.dso), [change(points, 3), change(points, 12),
      el('div', {}, 'at ' + last.periodEnd + (last.capped ? ' (capped at 24 months)' : '') + (detail || ''))]);
  }

  /** Per period: the national figures comparable to the segment filtered on, else the all-companies ones. */
  function references(points, segment) {
    const byPeriod = new Map();
    points.forEach((p) => byPeriod.set(p.period, [...(byPeriod.get(p.period) || []), p]));
    return [...byPeriod.values()].flatMap((ps) => {
      const comparable = segment ? ps.filter((p) => p.comparableSegment === segment) : [];
      return comparable.length ? comparable : ps.filter((p) => p.scopeType === 'ALL');
    });
  }

  async function loadTiles(f, gen) {
    // Without "from": the 3- and 12-month changes need the months before the chosen period.
    const base = { entity: f.entity, segment: f.segment, to: f.to };
    const settle = (p) => p.then((v) => ({ v }), (e) => ({ e }));
    const [std, cb, aged, bench] = await Promise.all([
      settle(getJson(url('dso', base))),
      settle(getJson(url('dso', Object.assign({ method: 'countback' }, base)))),
      settle(getJson(url('aged-balance', { entity: f.entity, segment: f.segment, asOf: f.to }))),
      settle(getJson(url('benchmarks', Object.assign({ metric: 'delay', granularity: 'quarter' }, base)))),
    ]);
    if (gen !== state.generation) return;
    if (std.v) dsoTile('tile-dso', std.v.points); else tile('tile-dso', '—', std.e.message);
    if (cb.v) dsoTile('tile-countback', cb.v.points); else tile('tile-countback', '—', cb.e.message);
    if (aged.v) {
      const t = aged.v.rows[0];
      const at = 'at ' + aged.v.asOf;
      tile('tile-ar', eurShort(t.total), at);
      tile('tile-overdue', eurShort(t.overdue), at);
      tile('tile-dispute', eurShort(t.inDispute), at);
    } else {
      ['tile-ar', 'tile-overdue', 'tile-dispute'].forEach((id) => tile(id, '—', aged.e.message));
    }
    if (!bench.v) {
      tile('tile-delay', '—', bench.e.message);
      tile('tile-cash', '—', bench.e.message);
      return;
    }
    const refs = references(bench.v.points, f.segment);
    const latest = refs.length ? refs[refs.length - 1].period : null;
    const current = refs.filter((p) => p.period === latest);
    const ref = current[0];
    if (!ref) {
      tile('tile-delay', '—', 'no national figure for this period');
      tile('tile-cash', '—', 'no national figure for this period');
      return;
    }
    tile('tile-delay', days(ref.ours), [
      el('div', {}, 'national ' + current.map((p) => days(p.national) + ' (' + p.source + ')').join(', ')),
      el('div', {}, ref.period + ', ' + ref.scope)]);
    tile('tile-cash', eurShort(ref.cashAtStake), ref.cashAtStake === null ? 'sales of the period unknown'
      : (ref.gapDays > 0 ? NUM2.format(ref.gapDays) + ' d above ' : 'at or below ') + ref.source + ' ' + ref.period);
  }

  // ---------------------------------------------------------------- charts

  function loadDso(f, gen) {
    const p = { entity: f.entity, segment: f.segment, from: f.from, to: f.to };
    const std = url('dso', p);
    const cb = url('dso', Object.assign({ method: 'countback' }, p));
    return load(gen, [std], async (s) => {
      let countback = null;
      let note = '';
      try { countback = await getJson(cb); } catch (e) { note = 'countback: ' + e.message; }
      if (gen !== state.generation) return;
      const x = s.points.map((q) => q.period);
      const series = [
        { id: 'standard', name: 'Standard DSO (90 d)', type: 'line', data: s.points.map((q) => q.dso), color: '#1f5fa8' },
        { id: 'bestPossible', name: 'Best possible DSO', type: 'line', data: s.points.map((q) => q.bestPossibleDso),
          color: '#7fb77e', areaStyle: { opacity: 0.25 }, lineStyle: { type: 'dashed' } },
      ];
      if (countback) {
        series.splice(1, 0, { id: 'countback', name: 'Countback DSO', type: 'line',
          data: countback.points.map((q) => q.dso), color: '#e07b39' });
      }
      showChart('chart-dso', countback ? [std, cb] : [std], {
        title: note ? { text: note, bottom: 0, right: 0, textStyle: { fontSize: 11, fontWeight: 'normal' } } : undefined,
        xAxis: { type: 'category', data: x },
        yAxis: { type: 'value', axisLabel: { formatter: '{value} d' } },
        tooltip: { trigger: 'axis', valueFormatter: days },
        series,
      });
    }, (e) => chartError('chart-dso', e));
  }

  function loadDelays(f, gen) {
    const p = { entity: f.entity, segment: f.segment, from: f.from, to: f.to };
    const delays = url('delays', Object.assign({ granularity: 'month' }, p));
    const bench = url('benchmarks', Object.assign({ metric: 'delay', granularity: 'quarter' }, p));
    return load(gen, [delays, bench], (d, b) => {
      const x = d.points.map((q) => q.period);
      const bySource = new Map();
      const refs = references(b.points, f.segment);
      refs.forEach((q) => bySource.set(q.source, [...(bySource.get(q.source) || []), q]));
      // A national figure covers its whole period: shown on each month inside it.
      const national = [...bySource.entries()].map(([name, qs], i) => ({
        id: 'national-' + i, name: name + ' (national)', type: 'line', step: 'middle', symbol: 'none', connectNulls: false,
        lineStyle: { width: 2, type: i ? 'dashed' : 'solid' },
        data: x.map((m) => {
          const q = qs.find((n) => n.periodStart.slice(0, 7) <= m && n.periodEnd.slice(0, 7) >= m);
          return q ? q.national : null;
        }),
      }));
      showChart('chart-delays', [delays, bench], {
        xAxis: { type: 'category', data: x },
        yAxis: { type: 'value', axisLabel: { formatter: '{value} d' } },
        tooltip: { trigger: 'axis', valueFormatter: days },
        series: [{ id: 'ours', name: 'Our average delay (amount-weighted)', type: 'bar', color: '#1f5fa8',
          data: d.points.map((q) => q.averageDelayDays) }, ...national],
      });
      $('delays-note').textContent = refs.length ? 'National figures of '
        + [...new Set(refs.map((q) => q.scope))].join('; ') + ', drawn over the months of their period.'
        : 'No national figure for these months.';
    }, (e) => { chartError('chart-delays', e); $('delays-note').textContent = ''; });
  }

  function loadAging(f, gen) {
    const target = url('aged-balance', { groupBy: $('aging-group').value, entity: f.entity, segment: f.segment,
      asOf: f.to, size: ALL_ROWS });
    return load(gen, [target], (a) => {
      showChart('chart-aging', [target], {
        title: { text: 'at ' + a.asOf, right: 0, top: 0, textStyle: { fontSize: 11, fontWeight: 'normal' } },
        grid: { left: 64, right: 16, top: 56, bottom: 40 },
        legend: { top: 20 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: eur },
        xAxis: { type: 'category', data: a.rows.map((r) => r.label || r.key),
          axisLabel: { interval: 0, width: 130, overflow: 'break', lineHeight: 14 } },
        yAxis: { type: 'value', axisLabel: { formatter: axisEur } },
        series: BUCKETS.map(([key, name, color]) => ({ id: key, name, type: 'bar', stack: 'aged', color,
          data: a.rows.map((r) => r[key]) })),
      });
    }, (e) => chartError('chart-aging', e));
  }

  function loadUnpaid(f, gen) {
    const target = url('unpaid-rate', { entity: f.entity, segment: f.segment, from: f.from, to: f.to });
    return load(gen, [target], (u) => {
      showChart('chart-unpaid', [target], {
        xAxis: { type: 'category', data: u.points.map((q) => q.period) },
        yAxis: { type: 'value', axisLabel: { formatter: axisPct } },
        tooltip: { trigger: 'axis', valueFormatter: pct },
        series: [
          { id: 'final', name: 'Final (due + 90 d passed)', type: 'bar', stack: 'u', color: '#c8553d',
            data: u.points.map((q) => (q.final ? q.unpaidRate : null)) },
          { id: 'provisional', name: 'Provisional', type: 'bar', stack: 'u', color: '#e9b8ab',
            data: u.points.map((q) => (q.final ? null : q.unpaidRate)) },
        ],
      });
    }, (e) => chartError('chart-unpaid', e));
  }

  function forecastParams(f) {
    return { entity: f.entity, segment: f.segment };
  }

  function loadForecast(f, gen) {
    const target = url('forecast', Object.assign({ granularity: $('forecast-granularity').value }, forecastParams(f)));
    return load(gen, [target], (fc) => {
      const pts = fc.points;
      showChart('chart-forecast', [target], {
        tooltip: {
          trigger: 'axis', axisPointer: { type: 'shadow' },
          formatter: (items) => {
            const q = pts[items[0].dataIndex];
            return q.periodStart + ' → ' + q.periodEnd + '<br>promised ' + eur(q.promised) + '<br>invoices '
              + eur(q.invoices) + '<br><b>total ' + eur(q.total) + '</b>'
              + (q.low !== null ? '<br>80 % range ' + eur(q.low) + ' – ' + eur(q.high) : '');
          },
        },
        xAxis: { type: 'category', data: pts.map((q) => q.periodStart) },
        yAxis: { type: 'value', axisLabel: { formatter: axisEur } },
        series: [
          { id: 'promised', name: 'Promised (open promises)', type: 'bar', stack: 'cash', color: '#7fb77e',
            data: pts.map((q) => q.promised) },
          { id: 'invoices', name: 'Open invoices', type: 'bar', stack: 'cash', color: '#1f5fa8',
            data: pts.map((q) => q.invoices) },
          { id: 'low', name: 'Range low', type: 'line', color: '#888', symbol: 'none', lineStyle: { type: 'dashed' },
            data: pts.map((q) => q.low) },
          { id: 'high', name: 'Range high', type: 'line', color: '#444', symbol: 'none', lineStyle: { type: 'dashed' },
            data: pts.map((q) => q.high) },
        ],
      });
    }, (e) => chartError('chart-forecast', e));
  }

  function loadBacktest(f, gen) {
    const target = url('forecast/backtest', forecastParams(f));
    return load(gen, [target], (b) => {
      const h = b.horizons;
      showChart('chart-backtest', [target], {
        xAxis: { type: 'category', data: h.map((q) => 'week ' + q.week) },
        yAxis: { type: 'value', axisLabel: { formatter: axisPct } },
        tooltip: { trigger: 'axis', valueFormatter: pct },
        series: [
          { id: 'wape', name: 'WAPE of the model', type: 'bar', color: '#1f5fa8', data: h.map((q) => q.wape) },
          { id: 'baselineWape', name: 'WAPE of the naive baseline', type: 'bar', color: '#c9d2dd',
            data: h.map((q) => q.baselineWape) },
          { id: 'coverage', name: 'Range coverage (share of cutoffs)', type: 'line', color: '#7fb77e', data: h.map((q) => q.coverage) },
        ],
      });
      $('backtest-summary').textContent = b.wape === null ? 'No backtest published.'
        : 'Whole horizon: WAPE ' + pct(b.wape) + ' vs ' + pct(b.baselineWape) + ' for the baseline ('
          + pct(b.wapeReduction) + ' less error); the ' + pct(b.rangeLevel) + ' weekly range held the actual cash '
          + pct(b.coverage) + ' of the time (leave-one-out). ' + b.cutoffs + ' weekly cutoffs, ' + b.firstCutoff
          + ' to ' + b.lastCutoff + '.';
    }, (e) => { chartError('chart-backtest', e); $('backtest-summary').textContent = ''; });
  }

  // ---------------------------------------------------------------- tables

  /** columns: [header, row → cell content, 'num' for right-aligned]. */
  function table(id, target, rows, columns, empty) {
    const box = $(id);
    box.dataset.source = target;
    if (!rows.length) {
      box.replaceChildren(el('p', { class: 'muted' }, empty || 'No rows.'));
      return;
    }
    box.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, columns.map(([h, , c]) => el('th', c ? { class: c } : {}, h)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, columns.map(([, f, c]) => el('td', c ? { class: c } : {}, f(r))))))));
  }

  function tableError(id, e) {
    $(id).dataset.source = '';
    $(id).replaceChildren(el('p', { class: 'error' }, e.message));
  }

  function scenariosTarget(f) {
    return url('scenarios/effectiveness', { from: f.from, to: f.to, size: ALL_ROWS });
  }

  function loadScenarios(f, gen) {
    const target = scenariosTarget(f);
    return load(gen, [target], (s) => table('table-scenarios', target, s.rows, [
      ['Scenario', (r) => [r.name, el('div', { class: 'muted small' }, r.scenarioId)]],
      ['Actions', (r) => int(r.actions), 'num'],
      ['Responding', (r) => int(r.respondingActions), 'num'],
      ['Response rate', (r) => pct(r.responseRate), 'num'],
      ['Attributed payments', (r) => eur(r.attributedAmount), 'num'],
      ['Median days to payment', (r) => days(r.medianDaysToPayment), 'num'],
      ['Portfolio average delay', (r) => days(r.portfolioAverageDelayDays), 'num'],
    ]), (e) => tableError('table-scenarios', e));
  }

  function collectorsTarget() {
    return url('collectors/performance', { month: $('collectors-month').value, size: ALL_ROWS });
  }

  function loadCollectors(gen) {
    const target = collectorsTarget();
    const channels = (r) => Object.entries(r.actionsByChannel || {}).filter(([, n]) => n > 0)
      .map(([c, n]) => c.toLowerCase().replace('_', ' ') + ' ' + n).join(', ');
    return load(gen, [target], (c) => table('table-collectors', target, c.rows, [
      ['Collector', (r) => [r.name || r.collectorId, r.name ? el('div', { class: 'muted small' }, r.collectorId) : '']],
      ['Actions', (r) => int(r.actions), 'num'],
      ['By channel', channels],
      ['Attributed payments', (r) => eur(r.attributedAmount), 'num'],
      ['Promises created', (r) => int(r.promisesCreated), 'num'],
      ['Kept', (r) => int(r.promisesKept), 'num'],
      ['Broken', (r) => int(r.promisesBroken), 'num'],
      ['Open', (r) => int(r.promisesOpen), 'num'],
      ['Kept rate', (r) => pct(r.keptRate), 'num'],
      ['Portfolio overdue', (r) => eur(r.portfolioOverdue), 'num'],
      ['Portfolio DSO', (r) => days(r.portfolioDso), 'num'],
      ['Portfolio average delay', (r) => days(r.portfolioAverageDelayDays), 'num'],
    ], 'No activity this month.'), (e) => tableError('table-collectors', e));
  }

  function worklistParams(page, size) {
    const f = state.me.role === 'COLLECTOR' ? {} : filters();
    return { entity: f.entity, segment: f.segment, page, size };
  }

  function worklistTarget(page, size) {
    return url('worklists/' + encodeURIComponent($('worklist-collector').value), worklistParams(page, size));
  }

  function invoices(r) {
    return el('details', {}, el('summary', {}, r.invoiceCount + (r.invoiceCount === 1 ? ' invoice' : ' invoices')),
      el('table', {}, el('tbody', {}, r.invoices.map((i) => el('tr', {},
        el('td', {}, i.invoiceId), el('td', {}, 'due ' + i.dueDate), el('td', { class: 'num' }, i.daysOverdue + ' d'),
        el('td', { class: 'num' }, eur(i.remaining)))))));
  }

  /** From a refresh (gen given) or on its own: then a COLLECTOR's page load is a generation of its own. */
  function loadWorklist(gen) {
    if (gen === undefined) gen = state.me.role === 'COLLECTOR' ? ++state.generation : state.generation;
    if (!$('worklist-collector').value) {
      tableError('table-worklist', new Error('No collector to show.'));
      return Promise.resolve();
    }
    const target = worklistTarget(state.worklistPage, WORKLIST_PAGE_SIZE);
    const debtor = (r) => [r.debtorName || r.debtorId, el('div', { class: 'muted small' }, r.debtorId)];
    return load(gen, [target], (w) => {
      table('table-worklist', target, w.rows, [
        ['#', (r) => r.rank, 'num'],
        ['Debtor', debtor],
        ['Entity', (r) => r.entityId],
        ['Segment', (r) => r.segment],
        ['Overdue', (r) => eur(r.overdueAmount), 'num'],
        ['Oldest', (r) => r.maxDaysOverdue + ' d', 'num'],
        ['Score', (r) => (r.creditScore === null ? '—' : r.creditScore), 'num'],
        ['Priority', (r) => int(r.priority), 'num'],
        ['Why', (r) => el('ul', {}, r.reasons.map((s) => el('li', {}, s)))],
        ['Next action', (r) => el('span', { class: 'badge' }, r.suggestedAction.replace(/_/g, ' ').toLowerCase())],
        ['Invoices', invoices],
      ], 'Nothing to chase: no debtor of this portfolio has an actionable invoice.');
      table('table-legal', target, w.legal, [
        ['Debtor', debtor],
        ['Entity', (r) => r.entityId],
        ['Segment', (r) => r.segment],
        ['Overdue', (r) => eur(r.overdueAmount), 'num'],
        ['Oldest', (r) => r.maxDaysOverdue + ' d', 'num'],
        ['Score', (r) => (r.creditScore === null ? '—' : r.creditScore), 'num'],
        ['Invoices', invoices],
      ], 'No insolvent debtor.');
      const pages = Math.max(1, Math.ceil(w.total / w.size));
      $('worklist-page').textContent = 'page ' + (w.page + 1) + ' of ' + pages + ' · ' + w.total + ' debtors';
      $('worklist-prev').disabled = w.page === 0;
      $('worklist-next').disabled = w.page + 1 >= pages;
      if (state.me.role === 'COLLECTOR') document.body.dataset.loaded = String(gen);
    }, (e) => { tableError('table-worklist', e); $('table-legal').replaceChildren(); });
  }

  // ---------------------------------------------------------------- downloads

  /** Each download: the table's own request, every row, as the given format. */
  const DOWNLOADS = {
    scenarios: () => ({ target: scenariosTarget(filters()), accept: 'text/csv', name: 'scenarios.csv' }),
    collectors: () => ({ target: collectorsTarget(), accept: 'text/csv', name: 'collectors.csv' }),
    worklist: () => ({ target: worklistTarget(0, ALL_ROWS), accept: 'text/csv',
      name: 'worklist-' + $('worklist-collector').value + '.csv' }),
    'forecast-csv': () => ({ target: url('forecast/export', Object.assign({ format: 'csv' }, forecastParams(filters()))),
      accept: '*/*', name: 'forecast.csv' }),
    'forecast-xlsx': () => ({ target: url('forecast/export', Object.assign({ format: 'xlsx' }, forecastParams(filters()))),
      accept: '*/*', name: 'forecast.xlsx' }),
  };

  async function download(key) {
    const d = DOWNLOADS[key]();
    try {
      const response = await fetchApi(d.target, d.accept);
      const disposition = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
      const name = disposition ? disposition[1]
        : 'encours-' + d.name.replace('.', '-' + (response.headers.get('Encours-Run-Id') || 'run') + '.');
      const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (e) {
      alert('Download failed: ' + e.message);
    }
  }

  // ---------------------------------------------------------------- wiring

  function onFilter(event) {
    const from = $('f-from');
    const to = $('f-to');
    if (from.value && to.value && from.value > to.value) {
      if (event && event.target === from) to.value = from.value; else from.value = to.value;
    }
    // The collectors' month follows the end of the period (its own picker can change it after).
    if (!event || event.target === to || event.target === from) {
      $('collectors-month').value = to.value || state.months[state.months.length - 1];
    }
    state.worklistPage = 0;
    refresh();
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', () => signOut());
    ['f-entity', 'f-segment', 'f-from', 'f-to'].forEach((id) => $(id).addEventListener('change', onFilter));
    $('f-reset').addEventListener('click', () => {
      ['f-segment', 'f-from', 'f-to'].forEach((id) => { $(id).value = ''; });
      if (!$('f-entity').disabled) $('f-entity').value = '';
      onFilter();
    });
    $('aging-group').addEventListener('change', () => loadAging(filters(), state.generation));
    $('forecast-granularity').addEventListener('change', () => loadForecast(filters(), state.generation));
    $('collectors-month').addEventListener('change', () => loadCollectors(state.generation));
    $('worklist-collector').addEventListener('change', () => { state.worklistPage = 0; loadWorklist(); });
    $('worklist-prev').addEventListener('click', () => { state.worklistPage--; loadWorklist(); });
    $('worklist-next').addEventListener('click', () => { state.worklistPage++; loadWorklist(); });
    document.querySelectorAll('[data-download]').forEach((b) =>
      b.addEventListener('click', () => download(b.dataset.download)));
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

    if (!sessionStorage.getItem(AUTH_KEY)) return signOut();
    try {
      await open(await getJson(url('me')));
    } catch (e) {
      if (e.status !== 401) signOut(e.message);
    }
  });
})();
