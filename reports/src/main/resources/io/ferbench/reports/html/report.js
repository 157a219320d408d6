/*
 * ferbench report: lays out the data in <script id="ferbench-data"> (computed by the Java side) as
 * tables and Apache ECharts charts. Every string from the data reaches the page as a text node
 * (textContent) or as chart text drawn on a canvas, never as HTML; tooltips are drawn on the
 * canvas too (renderMode "richText"). Charts are drawn when their tab is first shown.
 */
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('ferbench-data').textContent);
  const charts = {};   // data-chart name -> ECharts instance
  const drawn = {};    // tab id -> true once drawn
  const TABS = [
    ['verdict', 'Verdict', drawVerdict],
    ['leaderboard', 'Leaderboard', drawLeaderboard],
    ['comparison', 'Framework comparison', drawComparison],
    ['cells', 'Cells', drawCells],
    ['sweeps', 'Sweeps', drawSweeps],
    ['datasets', 'Datasets', drawDatasets],
    ['notes', 'How to read', drawNotes],
  ];
  // grouped bars are laid out with these gaps so that error bars can be placed over them
  const CATEGORY_GAP = 0.2;
  const BAR_GAP = 0.3;
  // ECharts' default series colours, given explicitly where one backend must keep its colour across series
  const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4'];

  // ---- DOM helpers: attributes by setAttribute, text by text nodes ----

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on')) throw new Error('event handlers are added with addEventListener');
      node.setAttribute(name, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function facts(pairs) {
    const dl = h('dl', {class: 'facts'});
    for (const [label, value] of pairs) {
      if (value === null || value === undefined || value === '') continue;
      append(dl, [h('dt', null, label), h('dd', null, value)]);
    }
    return dl;
  }

  function badge(status) {
    return h('span', {class: 'badge ' + status}, status);
  }

  function errorBlock(error) {
    const nl = error.indexOf('\n');
    if (nl < 0) return h('div', {class: 'error'}, error);
    return h('details', {class: 'error'}, h('summary', null, error.substring(0, nl)), h('pre', null, error.substring(nl + 1)));
  }

  // ---- number formats (the Java side names them per column) ----

  const FORMATS = {
    text: v => String(v),
    status: v => String(v),
    integer: v => String(Math.round(v)),
    number: v => String(Number(v.toPrecision(3))),
    fixed1: v => v.toFixed(1),
    fixed2: v => v.toFixed(2),
    fixed3: v => v.toFixed(3),
    percent: v => (100 * v).toFixed(2) + ' %',
    percent1: v => (100 * v).toFixed(1) + ' %',
    millions: v => (v / 1e6).toFixed(2) + ' M',
    ms: v => v.toFixed(2) + ' ms',
    mb: v => Math.round(v) + ' MB',
  };

  function format(kind, value) {
    if (value === null || value === undefined) return '';
    return (FORMATS[kind] || FORMATS.text)(value);
  }

  function round(v, digits) {
    return v === null || v === undefined ? '–' : Number(v).toFixed(digits);
  }

  function spreadText(s, digits, unit) {
    if (!s) return '–';
    return round(s.mean, digits) + (s.std === null ? '' : ' ± ' + round(s.std, digits)) + (unit ? ' ' + unit : '')
        + (s.n > 1 ? ' (n = ' + s.n + ')' : '');
  }

  // ---- charts ----

  function chart(parent, name, option, height) {
    const box = h('div', {class: 'chart', 'data-chart': name});
    if (height) box.style.height = height + 'px';
    parent.appendChild(box);
    const instance = echarts.init(box, null, {renderer: 'canvas'});
    instance.setOption(Object.assign({
      animation: false,
      tooltip: {renderMode: 'richText', confine: true},
      textStyle: {fontFamily: 'system-ui, sans-serif'},
    }, option));
    charts[name] = instance;
    return instance;
  }

  function chartBox(parent, title, note) {
    const box = h('div', {class: 'chart-box'}, h('h3', null, title), note ? h('p', {class: 'note'}, note) : null);
    parent.appendChild(box);
    return box;
  }

  function disposeCharts(prefix) {
    for (const name of Object.keys(charts)) {
      if (name.startsWith(prefix)) {
        charts[name].dispose();
        delete charts[name];
      }
    }
  }

  function valueAxis(name, extra) {
    return Object.assign({type: 'value', name: name, nameLocation: 'middle', nameGap: 42, scale: true}, extra);
  }

  function categoryAxis(categories, name) {
    return {type: 'category', data: categories, name: name, nameLocation: 'middle', nameGap: 48,
      axisLabel: {interval: 0, rotate: categories.length > 4 ? 20 : 0, width: 180, overflow: 'truncate'}};
  }

  /** A category axis whose labels ("a · b · c") are written one part a line. */
  function stackedCategoryAxis(categories) {
    const lines = Math.max(1, ...categories.map(c => c.split(' · ').length));
    return {type: 'category', data: categories, axisLabel: {interval: 0, lineHeight: 15,
      formatter: value => value.split(' · ').join('\n')}, lines: lines};
  }

  /** Error bars (± one standard deviation) over one series of grouped bars. */
  function barErrorSeries(name, spreads, index, count) {
    const items = [];
    spreads.forEach((s, group) => {
      if (s && s.std !== null) items.push([group, s.mean - s.std, s.mean + s.std]);
    });
    return {
      type: 'custom', name: name, silent: true, clip: true, z: 10, data: items, encode: {x: 0, y: [1, 2]},
      renderItem: (params, api) => {
        const low = api.coord([api.value(0), api.value(1)]);
        const high = api.coord([api.value(0), api.value(2)]);
        const band = api.size([1, 0])[0];
        const width = band * (1 - CATEGORY_GAP) / (count + (count - 1) * BAR_GAP);
        const x = low[0] - band * (1 - CATEGORY_GAP) / 2 + index * width * (1 + BAR_GAP) + width / 2;
        return whiskers([[x, low[1], x, high[1]]], Math.min(6, width / 3), '#333');
      },
    };
  }

  /**
   * Axis bounds that take in every mean ± std of {@code spreads}, rounded outwards to a round step, within
   * [floor, ceiling].
   */
  function extent(spreads, floor, ceiling) {
    const low = Math.min(...spreads.map(s => s.mean - (s.std || 0)));
    const high = Math.max(...spreads.map(s => s.mean + (s.std || 0)));
    const span = high - low || Math.abs(high) || 1;
    const step = Math.pow(10, Math.floor(Math.log10(span)));
    const nice = v => Number(v.toPrecision(6));
    return {min: nice(Math.max(floor, Math.floor(low / step) * step)),
      max: nice(Math.min(ceiling, Math.ceil(high / step) * step))};
  }

  /** Vertical and horizontal error bars (± one standard deviation) around scatter points. */
  function crossErrorSeries(name, points, color) {
    const items = points.filter(p => p.seconds && p.accuracy && (p.seconds.std !== null || p.accuracy.std !== null))
        .map(p => [p.seconds.mean, p.accuracy.mean, p.seconds.std || 0, p.accuracy.std || 0]);
    return {
      type: 'custom', name: name, silent: true, clip: true, z: 1, data: items, encode: {x: 0, y: 1},
      renderItem: (params, api) => {
        const x = api.value(0), y = api.value(1), dx = api.value(2), dy = api.value(3);
        const left = api.coord([x - dx, y]), right = api.coord([x + dx, y]);
        const low = api.coord([x, y - dy]), high = api.coord([x, y + dy]);
        return whiskers([[left[0], left[1], right[0], right[1]], [low[0], low[1], high[0], high[1]]], 4, color);
      },
    };
  }

  /** Line segments with end caps, as an ECharts graphic group. */
  function whiskers(segments, cap, color) {
    const style = {stroke: color, lineWidth: 1.4};
    const children = [];
    for (const [x1, y1, x2, y2] of segments) {
      children.push({type: 'line', shape: {x1, y1, x2, y2}, style});
      const vertical = x1 === x2;
      for (const [x, y] of [[x1, y1], [x2, y2]]) {
        children.push({type: 'line', style,
          shape: vertical ? {x1: x - cap, y1: y, x2: x + cap, y2: y} : {x1: x, y1: y - cap, x2: x, y2: y + cap}});
      }
    }
    return {type: 'group', children};
  }

  // ---- header and tabs ----

  function drawHeader() {
    const header = data.header;
    const top = document.getElementById('top');
    const several = header.runs.length > 1;
    const parts = [];
    const setup = [['generated', header.generated]];
    for (const run of header.runs) {
      parts.push([several ? 'run ' + run.number : 'suite',
        run.suite + (run.description ? ' — ' + run.description : '')]);
      parts.push([several ? 'run ' + run.number + ' ran' : 'ran',
        run.started ? run.started + ' → ' + run.finished : 'no cell has finished yet']);
      if (run.unfinished.length) {
        parts.push(['not finished', h('details', {'data-part': 'unfinished'},
            h('summary', null, run.unfinished.length + ' of ' + run.planned + ' cells (not run yet, running, or '
                + 'interrupted)'), h('pre', null, run.unfinished.join('\n')))]);
      }
      setup.push([several ? 'run ' + run.number + ' folder' : 'folder', run.folder]);
    }
    header.machines.forEach((m, i) => setup.push([header.machines.length > 1 ? 'machine ' + (i + 1) : 'machine',
      m.cpu + ' · ' + m.cores + ' logical cores · ' + m.memoryGib + ' GiB memory · GPU: '
      + (m.gpus.length ? m.gpus.join(', ') : 'none') + ' · ' + m.os
      + (header.machines.length > 1 ? ' (' + m.cells + ' cells)' : '')]));
    setup.push(['JVM', header.jvms.join('; ')]);
    setup.push(['ferbench', header.ferbench.length ? header.ferbench.join('; ') : 'not recorded in these results']);
    for (const b of header.backends) {
      setup.push(['backend ' + b.id, b.framework + ' · ' + b.nativeVersion + ' · device ' + b.devices.join(', ')
        + (b.configuration ? ' · ' + b.configuration : '')]);
    }
    top.appendChild(facts(parts));
    // the configuration is for whoever checks how a figure came about: folded behind one line
    top.appendChild(h('details', {'data-part': 'setup'}, h('summary', {title: header.setup}, 'Machine and backends: '
        + header.setup), facts(setup)));
    for (const run of header.runs) {
      const suffix = several ? ' (run ' + run.number + ', ' + run.suite + ')' : '';
      if (run.yaml !== null) {
        top.appendChild(h('details', {'data-part': 'suite-yaml'}, h('summary', null, 'The suite file as run' + suffix),
            h('pre', null, run.yaml)));
      }
      top.appendChild(h('details', {'data-part': 'rerun'}, h('summary', null, 'How to run it again' + suffix),
          h('p', {class: 'note'}, 'A results folder is never overwritten, so a new run goes to another --out; '
              + '--resume finishes an interrupted run in place. Add --data-root DIR when the suite reads datasets '
              + 'from relative paths.'),
          h('pre', null, run.commands.join('\n'))));
    }
  }

  function drawTabs() {
    const nav = h('nav', {class: 'tabs', role: 'tablist'});
    const main = document.getElementById('app');
    for (const [id, label] of TABS) {
      const button = h('button', {type: 'button', role: 'tab', 'data-tab': id, 'aria-selected': 'false'}, label);
      button.addEventListener('click', () => { location.hash = id; });
      nav.appendChild(button);
      main.appendChild(h('section', {class: 'panel', id: 'panel-' + id, role: 'tabpanel', hidden: true}));
    }
    main.parentNode.insertBefore(nav, main);
  }

  function show(tab) {
    const known = TABS.find(t => t[0] === tab) || TABS[0];
    for (const [id] of TABS) {
      document.getElementById('panel-' + id).hidden = id !== known[0];
      document.querySelector('nav.tabs [data-tab="' + id + '"]').setAttribute('aria-selected', String(id === known[0]));
    }
    if (!drawn[known[0]]) {
      drawn[known[0]] = true;
      known[2](document.getElementById('panel-' + known[0]));
    }
    resizeVisible();
  }

  function route() {
    const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (hash.startsWith('cell=')) {
      show('cells');
      showCell(hash.substring(5));
    } else {
      show(hash);
    }
  }

  function resizeVisible() {
    for (const instance of Object.values(charts)) {
      if (instance.getDom().offsetParent !== null) instance.resize();
    }
  }

  // ---- 1. verdict ----

  function drawVerdict(panel) {
    const verdict = data.verdict;
    panel.appendChild(h('h2', null, 'Verdict'));
    if (!verdict.tables.length) {
      panel.appendChild(h('p', null, 'No cell has finished yet.'));
      return;
    }
    panel.appendChild(h('p', {class: 'note', 'data-part': 'verdict-rule'}, 'Test accuracy (± half the 95 % confidence '
        + 'interval where a configuration was repeated), training throughput, and speed relative to the fastest '
        + 'backend of the row. '
        + (verdict.chose ? 'The suite varies ' + verdict.chosenAmong.join(', ') + ': where an architecture ran on a '
            + 'backend in several configurations, the entry is the one with the best mean validation accuracy (the '
            + 'faster on a tie), named in it; the leaderboard has every cell. ' : '')
        + 'A difference involving a single run is untested; where both sides were repeated, the verdict gives '
        + 'Welch\'s t-test.'));
    verdict.tables.forEach((table, t) => {
      if (verdict.tables.length > 1) panel.appendChild(h('h3', null, 'Dataset ' + table.dataset));
      const head = h('tr', null, h('th', {class: 'text'}, 'architecture'),
          verdict.columns.map(c => h('th', {'data-column': c}, c)));
      const body = h('tbody');
      for (const row of table.rows) {
        body.appendChild(h('tr', {'data-architecture': row.architecture}, h('th', {class: 'text'}, row.architecture,
            row.configuration ? h('div', {class: 'note'}, row.configuration) : null), row.entries.map(verdictEntry)));
      }
      panel.appendChild(h('div', {class: 'scroll'}, h('table', {class: 'verdict', 'data-dataset': table.dataset},
          h('thead', null, head), body)));
      panel.appendChild(h('ul', {class: 'verdicts', 'data-dataset': table.dataset}, table.rows.map(row =>
        h('li', null, h('strong', null, row.architecture), ': ' + row.verdict))));
    });
    drawVerdictCurves(panel, verdict);
  }

  /** One matrix entry: accuracy ± CI, throughput and relative speed, and which configuration and cells they are. */
  function verdictEntry(entry) {
    if (entry === null) return h('td', {class: 'entry missing', title: 'no cell'}, '–');
    if (entry.accuracy === null) {
      return h('td', {class: 'entry none'}, 'no ok cell: ' + entry.notOk + ' failed or diverged');
    }
    const accuracy = entry.accuracy;
    const speed = entry.trainImagesPerSecond;
    const speedDigits = speed.mean >= 100 ? 0 : 1;
    const interval = (s, digits) => s.ciLow === null ? '' : ' ± ' + round((s.ciHigh - s.ciLow) / 2, digits);
    const link = h('button', {type: 'button', class: 'link'}, accuracy.n > 1 ? accuracy.n + ' repeats' : '1 cell');
    link.addEventListener('click', () => { location.hash = 'cell=' + encodeURIComponent(entry.cells[0]); });
    return h('td', {class: 'entry' + (entry.mostAccurate ? ' most-accurate' : '') + (entry.fastest ? ' fastest' : ''),
      title: accuracy.n > 1 ? 'mean of ' + accuracy.n + ' repeats; 95 % confidence interval ' + round(accuracy.ciLow, 2)
          + '–' + round(accuracy.ciHigh, 2) + ' %' : 'one cell'},
      h('div', {class: 'accuracy'}, round(accuracy.mean, 2) + ' %', h('span', {class: 'ci'}, interval(accuracy, 2))),
      h('div', {class: 'speed'}, round(speed.mean, speedDigits) + interval(speed, speedDigits) + ' img/s · ',
          h('span', {class: 'relative'}, round(entry.relativeSpeed, 2) + '×')),
      h('div', {class: 'note'}, entry.configuration === null ? null : h('span', {class: 'configuration'},
          entry.configuration + (entry.configurations > 1 ? ' (best of ' + entry.configurations + ')' : ''), ' · '),
          link, entry.notOk ? ' · ' + entry.notOk + ' failed or diverged' : null));
  }

  /** Per architecture, the validation accuracy per epoch of the cells behind the matrix, coloured by backend. */
  function drawVerdictCurves(panel, verdict) {
    const byKey = new Map(data.cells.map(c => [c.key, c]));
    panel.appendChild(h('h3', null, 'Validation accuracy per epoch'));
    panel.appendChild(h('p', {class: 'note'}, 'One line per cell of the configuration in the matrix (each repeat its '
        + 'own line), coloured by backend.'));
    const grid = h('div', {class: 'grid curves'});
    panel.appendChild(grid);
    verdict.tables.forEach((table, t) => table.rows.forEach((row, r) => {
      const series = [];
      row.entries.forEach((entry, column) => {
        const color = PALETTE[column % PALETTE.length];
        for (const key of entry ? entry.cells : []) {
          const history = (byKey.get(key) || {}).history;
          if (!history) continue;
          series.push({type: 'line', name: verdict.columns[column], itemStyle: {color}, lineStyle: {color},
            data: history.epoch.map((epoch, i) => [epoch, history.valAccuracy[i]])});
        }
      });
      if (!series.length) return;
      const box = chartBox(grid, row.architecture + (verdict.tables.length > 1 ? ' · ' + table.dataset : ''));
      chart(box, 'verdict-curves-' + t + '-' + r, {
        legend: {top: 0},
        grid: {left: 60, right: 20, top: 40, bottom: 50},
        tooltip: {renderMode: 'richText', trigger: 'item', confine: true,
          formatter: p => p.seriesName + '\nepoch ' + p.value[0] + ': ' + round(p.value[1], 2) + ' %'},
        xAxis: {type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 30, minInterval: 1, min: 1,
          max: 'dataMax'},
        yAxis: valueAxis('validation accuracy (%)'),
        series: series,
      }, 300);
    }));
  }

  // ---- 2. leaderboard ----

  function drawLeaderboard(panel) {
    const board = data.leaderboard;
    const columns = board.columns;
    const statuses = ['ok', 'diverged', 'failed'];
    const shown = new Set(statuses);
    const search = h('input', {type: 'search', placeholder: 'Filter rows: any text, e.g. resnet18, djl, failed',
      'aria-label': 'filter rows'});
    const count = h('span', {class: 'note'});
    const controls = h('div', {class: 'controls'}, search);
    for (const status of statuses) {
      const n = board.rows.filter(r => r.status === status).length;
      const box = h('input', {type: 'checkbox', checked: true, 'data-status': status});
      box.addEventListener('change', () => { box.checked ? shown.add(status) : shown.delete(status); filter(); });
      controls.appendChild(h('label', null, box, ' ', status + ' (' + n + ')'));
    }
    const hidden = columns.filter(c => !c.shown).length;
    if (hidden) {
      // the leaderboard fits the window with its chosen columns; the rest one click away
      const all = h('input', {type: 'checkbox', 'data-part': 'all-columns'});
      all.addEventListener('change', () => table.classList.toggle('all-columns', all.checked));
      controls.appendChild(h('label', {title: columns.filter(c => !c.shown).map(c => c.label).join(', ')}, all,
          ' all columns (' + hidden + ' more)'));
    }
    controls.appendChild(count);
    panel.appendChild(h('h2', null, 'Leaderboard'));
    panel.appendChild(h('p', {class: 'note'}, 'One row a cell. Ok cells are ranked by test accuracy, then macro F1; '
        + 'diverged and failed cells follow with their error. ★ marks the best value of a column among ok cells. '
        + 'Click a heading to sort, a cell id to see the cell in depth.'));
    panel.appendChild(controls);

    const headRow = h('tr', null, h('th', {title: 'rank among ok cells'}, '#'));
    const table = h('table', {class: 'leaderboard'}, h('thead', null, headRow));
    const body = h('tbody');
    table.appendChild(body);
    panel.appendChild(h('div', {class: 'scroll'}, table));

    const entries = board.rows.map(row => {
      const tr = h('tr', {class: row.status, 'data-cell': row.cell}, h('td', null, row.rank === null ? '' : row.rank));
      const texts = [];
      for (const c of columns) {
        const value = row.values[c.key];
        const text = format(c.format, value);
        texts.push(text);
        const isText = c.format === 'text' || c.format === 'status';
        const td = h('td', {class: (isText ? 'text' : '') + (row.best.includes(c.key) ? ' best' : '')
            + (c.shown ? '' : ' extra') + (c.key === 'cell' ? ' id' : ''),
          title: row.best.includes(c.key) ? 'best ' + c.label : isText ? text : null}); // text may be cut short
        if (c.key === 'cell') {
          const link = h('button', {type: 'button', class: 'link'}, text);
          link.addEventListener('click', () => { location.hash = 'cell=' + encodeURIComponent(row.cell); });
          td.appendChild(link);
        } else if (c.format === 'status') {
          td.appendChild(badge(text));
        } else {
          td.appendChild(document.createTextNode(text));
        }
        tr.appendChild(td);
      }
      const errorRow = row.error === null ? null
          : h('tr', {class: 'error-row ' + row.status, 'data-error-of': row.cell},
              h('td'), h('td', {colspan: columns.length}, errorBlock(row.error)));
      if (row.error !== null) texts.push(row.error);
      return {row, tr, errorRow, text: texts.join(' ').toLowerCase()};
    });

    let sortKey = null;
    let sortDir = 1;
    columns.forEach(c => {
      const isText = c.format === 'text' || c.format === 'status';
      const th = h('th', {class: (isText ? 'text' : '') + (c.shown ? '' : ' extra'), title: c.title, 'data-key': c.key},
          c.label);
      th.addEventListener('click', () => {
        sortDir = sortKey === c.key ? -sortDir : (c.better === 'min' || c.format === 'text' ? 1 : -1);
        sortKey = c.key;
        headRow.querySelectorAll('th').forEach(x => x.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
        layout();
      });
      headRow.appendChild(th);
    });

    function compare(a, b) {
      const x = a.row.values[sortKey], y = b.row.values[sortKey];
      if (x === null || x === undefined) return (y === null || y === undefined) ? 0 : 1; // missing values last
      if (y === null || y === undefined) return -1;
      return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'en', {numeric: true})) * sortDir;
    }

    function layout() {
      const ordered = sortKey === null ? entries : entries.slice().sort(compare);
      for (const e of ordered) {
        body.appendChild(e.tr);
        if (e.errorRow) body.appendChild(e.errorRow);
      }
      filter();
    }

    function filter() {
      const query = search.value.trim().toLowerCase();
      let visible = 0;
      for (const e of entries) {
        const on = shown.has(e.row.status) && (query === '' || e.text.includes(query));
        e.tr.hidden = !on;
        if (e.errorRow) e.errorRow.hidden = !on;
        if (on) visible++;
      }
      count.textContent = 'showing ' + visible + ' of ' + entries.length + ' cells';
    }

    search.addEventListener('input', filter);
    layout();
    if (!entries.length) panel.appendChild(h('p', null, 'No cell has finished yet.'));
  }

  // ---- 3. framework comparison ----

  function drawComparison(panel) {
    const cmp = data.comparison;
    panel.appendChild(h('h2', null, 'Framework comparison'));
    if (!cmp.groups.length) {
      panel.appendChild(h('p', null, 'No ok cell to compare yet.'));
      return;
    }
    panel.appendChild(h('p', {class: 'note'}, 'For each configuration (architecture × dataset, and any other setting '
        + 'the suite varies), the backends side by side. '
        + (cmp.repeats ? 'Bars and points are means over repeats (cells that differ only in seed); error bars show one '
            + 'standard deviation. ' : '')
        + (cmp.leftOut ? cmp.leftOut + ' failed or diverged cell(s) have no figures and are left out (see the '
            + 'leaderboard).' : '')));
    const grid = h('div', {class: 'grid wide'});
    panel.appendChild(grid);
    const xAxis = stackedCategoryAxis(cmp.groups);
    const bottom = 30 + 15 * xAxis.lines;
    delete xAxis.lines;
    for (const metric of cmp.metrics) {
      const box = chartBox(grid, metric.label + ' (' + metric.unit + ')',
          metric.better === 'max' ? 'higher is better' : 'lower is better');
      const series = [];
      cmp.series.forEach((name, i) => {
        series.push({type: 'bar', name: name, barGap: (BAR_GAP * 100) + '%', barCategoryGap: (CATEGORY_GAP * 100) + '%',
          data: metric.values[i].map(s => s ? s.mean : '-')});
      });
      if (cmp.repeats) {
        cmp.series.forEach((name, i) => series.push(barErrorSeries(name, metric.values[i], i, cmp.series.length)));
      }
      chart(box, 'compare-' + metric.key, {
        legend: {top: 0},
        grid: {left: 70, right: 20, top: 40, bottom: bottom},
        tooltip: {renderMode: 'richText', trigger: 'item', confine: true,
          formatter: p => cmp.series[p.seriesIndex % cmp.series.length] + '\n' + cmp.groups[p.dataIndex] + '\n'
              + spreadText(metric.values[p.seriesIndex % cmp.series.length][p.dataIndex], 3, metric.unit)},
        xAxis: xAxis,
        yAxis: valueAxis(metric.unit, {scale: false}),
        series: series,
      });
    }
    const box = chartBox(grid, 'Accuracy against time per epoch',
        'up and to the left is better: more accurate in less time');
    const series = [];
    cmp.scatter.forEach((s, i) => {
      series.push({type: 'scatter', name: s.name, symbolSize: 11,
        data: s.points.filter(p => p.seconds && p.accuracy).map(p => ({value: [p.seconds.mean, p.accuracy.mean],
          point: p}))});
    });
    if (cmp.repeats) {
      cmp.scatter.forEach((s, i) => series.push(crossErrorSeries(s.name, s.points, PALETTE[i % PALETTE.length])));
    }
    const points = cmp.scatter.flatMap(s => s.points).filter(p => p.seconds && p.accuracy);
    chart(box, 'tradeoff', {
      legend: {top: 0},
      grid: {left: 70, right: 30, top: 40, bottom: 60},
      tooltip: {renderMode: 'richText', trigger: 'item', confine: true, formatter: p => {
        const point = p.data.point;
        return p.seriesName + '\n' + point.group + '\naccuracy ' + spreadText(point.accuracy, 2, '%')
            + '\ntime per epoch ' + spreadText(point.seconds, 2, 's');
      }},
      xAxis: valueAxis('time per epoch (s)', extent(points.map(p => p.seconds), 0, Infinity)),
      yAxis: valueAxis('test accuracy (%)', extent(points.map(p => p.accuracy), 0, 100)),
      series: series,
    });
  }

  // ---- 4. one cell in depth ----

  let cellPanel = null;
  let cellSelect = null;

  function drawCells(panel) {
    panel.appendChild(h('h2', null, 'Cells'));
    if (!data.cells.length) {
      panel.appendChild(h('p', null, 'No cell has finished yet.'));
      return;
    }
    cellSelect = h('select', {'aria-label': 'cell'});
    for (const c of data.cells) cellSelect.appendChild(h('option', {value: c.key}, c.key + ' — ' + c.status));
    cellSelect.addEventListener('change', () => { location.hash = 'cell=' + encodeURIComponent(cellSelect.value); });
    const step = delta => () => {
      const i = (cellSelect.selectedIndex + delta + data.cells.length) % data.cells.length;
      location.hash = 'cell=' + encodeURIComponent(data.cells[i].key);
    };
    const previous = h('button', {type: 'button'}, '◀ previous');
    const next = h('button', {type: 'button'}, 'next ▶');
    previous.addEventListener('click', step(-1));
    next.addEventListener('click', step(1));
    panel.appendChild(h('div', {class: 'controls'}, cellSelect, previous, next));
    cellPanel = h('div');
    panel.appendChild(cellPanel);
    showCell(data.cells[0].key);
  }

  function showCell(key) {
    if (!drawn.cells) show('cells');
    const cell = data.cells.find(c => c.key === key) || data.cells[0];
    if (!cell || !cellPanel) return;
    cellSelect.value = cell.key;
    disposeCharts('cell-');
    cellPanel.textContent = '';
    cellPanel.setAttribute('data-cell', cell.key);
    cellPanel.appendChild(h('h3', null, cell.title, ' ', badge(cell.status)));
    if (cell.error) cellPanel.appendChild(errorBlock(cell.error));
    cellPanel.appendChild(h('div', {class: 'grid'}, facts(cell.figures), facts(cell.settings)));
    const grid = h('div', {class: 'grid'});
    cellPanel.appendChild(grid);
    if (cell.history) drawHistory(grid, cell.history);
    if (cell.confusion) drawConfusion(grid, cell);
    if (cell.roc && cell.roc.length) drawRoc(grid, cell.roc);
    if (cell.tsne) drawTsne(grid, cell.tsne);
    else if (cell.tsneNote) grid.appendChild(h('p', {class: 'note'}, 't-SNE: ' + cell.tsneNote));
    if (cell.perClass) drawPerClass(cellPanel, cell.perClass);
    if (cell.dataset) {
      const dataset = data.datasets.find(d => d.key === cell.dataset);
      const link = h('button', {type: 'button', class: 'link'}, 'dataset: ' + (dataset ? dataset.label : cell.dataset));
      link.addEventListener('click', () => { location.hash = 'datasets'; });
      cellPanel.appendChild(h('p', null, link));
    }
  }

  function drawHistory(grid, history) {
    const best = history.bestEpoch;
    // on a category axis a number is an index: the best epoch's position, not its number
    const bestLine = best === null ? undefined : {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#888'},
      label: {formatter: 'best epoch ' + best}, data: [{xAxis: history.epoch.indexOf(best)}]};
    for (const [kind, train, val, unit] of [['loss', history.trainLoss, history.valLoss, 'cross-entropy'],
      ['accuracy', history.trainAccuracy, history.valAccuracy, '%']]) {
      // a loss that starts (or jumps) orders of magnitude above the rest is read on a log scale
      const values = train.concat(val).filter(v => v !== null && v > 0);
      const log = kind === 'loss' && values.length > 0 && Math.max(...values) / Math.min(...values) > 100;
      const box = chartBox(grid, 'Training and validation ' + kind + ' per epoch' + (log ? ' (log scale)' : ''),
          kind === 'accuracy' ? 'training accuracy is measured in evaluation mode after each epoch' : null);
      chart(box, 'cell-' + kind, {
        legend: {top: 0},
        grid: {left: 60, right: 20, top: 40, bottom: 50},
        tooltip: {renderMode: 'richText', trigger: 'axis', confine: true},
        xAxis: {type: 'category', data: history.epoch, name: 'epoch', nameLocation: 'middle', nameGap: 30},
        yAxis: valueAxis(unit, log ? {type: 'log'} : {}),
        series: [
          {type: 'line', name: 'training', data: train, markLine: bestLine},
          {type: 'line', name: 'validation', data: val},
        ],
      });
    }
  }

  function drawConfusion(grid, cell) {
    const classes = cell.classes;
    const items = [];
    cell.confusion.forEach((row, truth) => {
      const total = row.reduce((a, b) => a + b, 0);
      row.forEach((count, predicted) => {
        const rate = total ? count / total : 0;
        items.push({value: [predicted, truth, rate, count], label: {color: rate > 0.55 ? '#fff' : '#1d2330'}});
      });
    });
    const box = chartBox(grid, 'Confusion matrix (test split)',
        'counts, and each row normalised: the share of a true class given each prediction');
    const size = Math.max(340, 150 + 48 * classes.length);
    chart(box, 'cell-confusion', {
      grid: {left: 150, right: 30, top: 20, bottom: 110},
      tooltip: {renderMode: 'richText', confine: true, formatter: p => 'true ' + classes[p.value[1]] + '\npredicted '
          + classes[p.value[0]] + '\n' + p.value[3] + ' images (' + (100 * p.value[2]).toFixed(1) + ' % of the row)'},
      xAxis: Object.assign(categoryAxis(classes, 'predicted'), {splitArea: {show: true}}),
      yAxis: {type: 'category', data: classes, inverse: true, name: 'true', nameLocation: 'middle', nameGap: 130,
        axisLabel: {width: 120, overflow: 'truncate'}},
      visualMap: {min: 0, max: 1, dimension: 2, show: false, inRange: {color: ['#f4f7fd', '#1e3a8a']}},
      series: [{type: 'heatmap', name: 'confusion', data: items, label: {show: true, fontSize: 11, lineHeight: 13,
        formatter: p => p.value[3] + '\n' + (100 * p.value[2]).toFixed(0) + '%'}}],
    }, size);
  }

  function drawRoc(grid, curves) {
    const box = chartBox(grid, 'ROC curves, one class against the rest', 'AUC per class in the legend; dashed: chance');
    chart(box, 'cell-roc', {
      legend: {top: 0, type: 'scroll'},
      grid: {left: 60, right: 20, top: 40, bottom: 50},
      tooltip: {renderMode: 'richText', trigger: 'item', confine: true},
      xAxis: {type: 'value', min: 0, max: 1, name: 'false positive rate', nameLocation: 'middle', nameGap: 30},
      yAxis: {type: 'value', min: 0, max: 1, name: 'true positive rate', nameLocation: 'middle', nameGap: 40},
      series: curves.map((c, i) => ({
        type: 'line', name: c.name + ' (AUC ' + round(c.auc, 3) + ')', data: c.points, showSymbol: false,
        markLine: i > 0 ? undefined : {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#999'},
          data: [[{coord: [0, 0]}, {coord: [1, 1]}]]},
      })),
    });
  }

  function drawTsne(grid, classes) {
    const n = classes.reduce((a, c) => a + c.points.length, 0);
    const box = chartBox(grid, 't-SNE of the penultimate features',
        n + ' test images, coloured by true class (computed by ferbench in Java; axes have no units)');
    chart(box, 'cell-tsne', {
      legend: {top: 0, type: 'scroll'},
      grid: {left: 40, right: 20, top: 40, bottom: 30},
      tooltip: {renderMode: 'richText', trigger: 'item', confine: true, formatter: p => p.seriesName},
      xAxis: {type: 'value', scale: true, axisLabel: {show: false}, axisLine: {show: false}, axisTick: {show: false},
        splitLine: {show: false}},
      yAxis: {type: 'value', scale: true, axisLabel: {show: false}, axisLine: {show: false}, axisTick: {show: false},
        splitLine: {show: false}},
      series: classes.map(c => ({type: 'scatter', name: c.name, data: c.points, symbolSize: 6})),
    });
  }

  function drawPerClass(parent, rows) {
    const head = h('tr', null, ['class', 'precision', 'recall', 'F1', 'support', 'AUC'].map((t, i) =>
      h('th', {class: i === 0 ? 'text' : null}, t)));
    const body = h('tbody');
    for (const r of rows) {
      body.appendChild(h('tr', null, h('td', {class: 'text'}, r.name), h('td', null, round(r.precision, 3)),
          h('td', null, round(r.recall, 3)), h('td', null, round(r.f1, 3)), h('td', null, r.support),
          h('td', null, r.auc === null ? 'undefined' : round(r.auc, 3))));
    }
    parent.appendChild(h('h3', null, 'Per class (test split)'));
    parent.appendChild(h('div', {class: 'scroll'}, h('table', {class: 'per-class'}, h('thead', null, head), body)));
  }

  // ---- 5. sweeps ----

  // How many rows ECharts' legend takes for these names in a chart `width` pixels wide (about 5.6 px a character at
  // 12 px, plus symbol and gap), so that the plot starts below the legend.
  function legendRows(names, width) {
    let rows = 1, used = 0;
    for (const name of names) {
      const item = 40 + 5.6 * name.length;
      if (used > 0 && used + item > width) {
        rows++;
        used = 0;
      }
      used += item;
    }
    return rows;
  }

  function drawSweeps(panel) {
    panel.appendChild(h('h2', null, 'Sweeps'));
    if (!data.sweeps.length) {
      panel.appendChild(h('p', null, 'The results vary no setting besides the backend, architecture, dataset and seed, '
          + 'so there is nothing to sweep.'));
      return;
    }
    panel.appendChild(h('p', {class: 'note'}, 'Validation accuracy and loss of the tested epoch (the restored best '
        + 'epoch, else the last) against each setting the suite varies; one line per combination of the other '
        + 'settings, repeats averaged.'));
    data.sweeps.forEach((sweep, index) => {
      panel.appendChild(h('h3', null, sweep.axis + (sweep.log ? ' (log scale)' : '')));
      const grid = h('div', {class: 'grid'});
      panel.appendChild(grid);
      const xAxis = sweep.numeric
          ? {type: sweep.log ? 'log' : 'value', name: sweep.axis, nameLocation: 'middle', nameGap: 30, scale: true,
            min: 'dataMin', max: 'dataMax'}
          : categoryAxis(sweep.categories, sweep.axis);
      for (const [kind, title, unit] of [['accuracy', 'Validation accuracy', '%'], ['loss', 'Validation loss',
        'cross-entropy']]) {
        const box = chartBox(grid, title + ' against ' + sweep.axis);
        chart(box, 'sweep-' + index + '-' + kind, {
          legend: {top: 0},
          grid: {left: 60, right: 30, bottom: 60,
            top: 30 + 22 * legendRows(sweep.lines.map(line => line.name), (box.clientWidth || 560) - 40)},
          tooltip: {renderMode: 'richText', trigger: 'item', confine: true, formatter: p => p.seriesName + '\n'
              + sweep.axis + ' = ' + p.data.point.x + '\n' + spreadText(p.data.point[kind], 4, unit)},
          xAxis: xAxis,
          yAxis: valueAxis(unit),
          series: sweep.lines.map(line => ({type: 'line', name: line.name, symbolSize: 8,
            data: line.points.filter(p => p[kind]).map(p => ({value: [p.x, p[kind].mean], point: p}))})),
        });
      }
      if (sweep.notes.length) {
        panel.appendChild(h('p', {class: 'note'}, 'Without validation figures: ' + sweep.notes.join('; ')));
      }
    });
  }

  // ---- 6. datasets ----

  function drawDatasets(panel) {
    panel.appendChild(h('h2', null, 'Datasets'));
    if (!data.datasets.length) {
      panel.appendChild(h('p', null, 'No cell has loaded its dataset yet.'));
      return;
    }
    data.datasets.forEach((d, index) => {
      panel.appendChild(h('h3', null, d.name + ' · ' + d.imageSize + '×' + d.imageSize + ' · ' + d.channels
          + (d.channels === 1 ? ' channel' : ' channels') + ' · ' + d.images + ' images · ' + d.classes.length
          + ' classes'));
      panel.appendChild(h('p', {class: 'note'}, (d.perClass ? 'pixel mean ' : 'training-split pixel mean ')
          + round(d.mean, 3) + ', std ' + round(d.std, 3) + ' (0..1 scale) · used by ' + d.cells.length + ' cell(s)'));
      if (!d.perClass) {
        panel.appendChild(h('p', {class: 'note'}, 'Per-class figures and sample images were not recorded for these '
            + 'results (no dataset.json in the cell folders).'));
        drawAudit(panel, d);
        return;
      }
      const names = d.classes.map(c => c.name);
      const grid = h('div', {class: 'grid'});
      panel.appendChild(grid);
      const counts = chartBox(grid, 'Images per class and split');
      chart(counts, 'dataset-' + index + '-counts', {
        legend: {top: 0},
        grid: {left: 60, right: 20, top: 40, bottom: 90},
        tooltip: {renderMode: 'richText', trigger: 'item', confine: true},
        xAxis: categoryAxis(names),
        yAxis: valueAxis('images', {scale: false}),
        series: [['train', 'training'], ['validation', 'validation'], ['test', 'test']].map(([key, label]) => ({
          type: 'bar', stack: 'split', name: label, data: d.classes.map(c => c[key])})),
      });
      const stats = chartBox(grid, 'Pixel mean and standard deviation per class', 'all splits, 0..1 scale');
      chart(stats, 'dataset-' + index + '-stats', {
        legend: {top: 0},
        grid: {left: 60, right: 20, top: 40, bottom: 90},
        tooltip: {renderMode: 'richText', trigger: 'item', confine: true},
        xAxis: categoryAxis(names),
        yAxis: valueAxis('intensity', {scale: false}),
        series: [['mean', 'mean'], ['std', 'standard deviation']].map(([key, label]) => ({
          type: 'bar', name: label, data: d.classes.map(c => c[key] === null ? '-' : c[key])})),
      });
      const head = h('tr', null, ['class', 'training', 'validation', 'test', 'all', 'mean', 'std'].map((t, i) =>
        h('th', {class: i === 0 ? 'text' : null}, t)));
      const body = h('tbody');
      for (const c of d.classes) {
        body.appendChild(h('tr', null, h('td', {class: 'text'}, c.name), h('td', null, c.train),
            h('td', null, c.validation), h('td', null, c.test), h('td', null, c.train + c.validation + c.test),
            h('td', null, round(c.mean, 3)), h('td', null, round(c.std, 3))));
      }
      panel.appendChild(h('div', {class: 'scroll'}, h('table', {class: 'dataset-classes'}, h('thead', null, head), body)));
      const samples = h('div', {class: 'samples', 'data-dataset': index});
      for (const c of d.classes) {
        const images = h('div');
        for (const png of c.samples) {
          if (!/^[A-Za-z0-9+/=]+$/.test(png)) continue; // only base64 becomes an image
          images.appendChild(h('img', {src: 'data:image/png;base64,' + png, alt: c.name, title: c.name}));
        }
        append(samples, [h('div', {class: 'name'}, c.name + ' (' + (c.train + c.validation + c.test) + ')'), images]);
      }
      panel.appendChild(h('h3', null, 'Sample images per class'));
      panel.appendChild(samples);
      drawAudit(panel, d);
    });
  }

  /** The dataset audit: what leaks into the test split, and a few groups with their images (docs/datasets.md). */
  function drawAudit(panel, d) {
    const a = d.audit;
    if (!a) return;
    const leaks = a.exactLeakGroups + a.nearLeakGroups;
    panel.appendChild(h('p', {class: leaks || a.labelConflicts ? 'note audit-warning' : 'note', 'data-audit': d.name},
        'Audit: ' + a.exactLeakGroups + ' exact-duplicate groups (' + a.exactLeakImages + ' images) and '
        + a.nearLeakGroups + ' near-duplicate groups (' + a.nearLeakImages + ' images) reach into the test split; '
        + a.labelConflicts + ' exact groups carry two labels; ' + a.degenerate + ' blank images'
        + (a.dropped ? '; ' + a.dropped + ' images dropped before training (dedupe)' : '')
        + '. Every finding: audit/ in the results folder.'));
    const groups = d.auditExamples || [];
    if (!groups.length) return;
    const box = h('div', {class: 'samples audit-groups'});
    for (const g of groups) {
      const images = h('div');
      for (const m of g.members) {
        if (!/^[A-Za-z0-9+/=]+$/.test(m.png)) continue; // only base64 becomes an image
        const title = m.split + ' · ' + m.className + ' · ' + m.path;
        images.appendChild(h('img', {src: 'data:image/png;base64,' + m.png, alt: title, title: title}));
      }
      append(box, [h('div', {class: 'name'}, g.kind.replace(/_/g, ' ') + ' #' + g.group
          + (g.leaksIntoTest ? ' · reaches into test' : '') + ' · '
          + [...new Set(g.members.map(m => m.split + ' ' + m.className))].join(', ')), images]);
    }
    panel.appendChild(h('h3', null, 'Audit: example groups'));
    panel.appendChild(box);
  }

  // ---- conventions ----

  function drawNotes(panel) {
    const notes = document.getElementById('conventions');
    notes.hidden = false;
    panel.appendChild(notes);
  }

  drawHeader();
  drawTabs();
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', resizeVisible);
  route();
  // for readers' scripts and the tests: the chart instances by name, and the navigation
  window.ferbenchReport = {charts, show, showCell};
  document.documentElement.setAttribute('data-ready', 'true');
  performance.mark('ferbench-ready'); // the time from navigation to the first view drawn
}());
