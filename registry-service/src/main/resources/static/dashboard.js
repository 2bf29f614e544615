// The registry's dashboard: reads the registry's API (as of now, or as of the instant chosen) and, when
// showing now, refreshes whenever the live stream reports an event. Text is set with textContent only.
(function () {
  'use strict';

  const api = 'api/v1';
  let at = null;
  let refreshing = null;

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function row(cells) {
    const tr = element('tr');
    cells.forEach(cell => tr.appendChild(cell instanceof Node ? cell : element('td', cell)));
    return tr;
  }

  function time(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
  }

  function age(seconds) {
    if (seconds < 60) return seconds + ' s';
    if (seconds < 3600) return Math.floor(seconds / 60) + ' min';
    if (seconds < 86400) return Math.floor(seconds / 3600) + ' h ' + Math.floor((seconds % 3600) / 60) + ' min';
    return Math.floor(seconds / 86400) + ' d ' + Math.floor((seconds % 86400) / 3600) + ' h';
  }

  function waitText(wait) {
    if (!wait) return '';
    switch (wait.kind) {
      case 'APPROVAL': return 'waits for approval' + (wait.reason ? ' (' + wait.reason + ')' : '');
      case 'SOAK': return 'soaks until ' + time(wait.until);
      case 'RELEASE': return 'held by release ' + wait.release;
      case 'BEHIND_RELEASE': return 'waits behind release ' + wait.release;
      default: return 'waits' + (wait.reason ? ': ' + wait.reason : '');
    }
  }

  async function get(path) {
    const separator = path.includes('?') ? '&' : '?';
    const response = await fetch(api + path + (at ? separator + 'at=' + encodeURIComponent(at) : ''));
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || response.statusText);
    }
    return body;
  }

  function stageCell(stage) {
    const td = element('td');
    if (!stage) {
      return td;
    }
    td.dataset.stage = stage.stage;
    td.appendChild(element('div', stage.version === null ? 'none' : 'v' + stage.version));
    if (stage.since) {
      td.appendChild(element('div', 'since ' + time(stage.since), 'muted'));
    }
    td.appendChild(element('div', stage.status, 'status ' + stage.status));
    if (stage.waitingFor) {
      td.appendChild(element('div', waitText(stage.waitingFor) + ' since ' + time(stage.statusAt), 'waiting'));
    }
    return td;
  }

  function showLadder(tables) {
    const stages = [];
    tables.forEach(table => table.stages.forEach(stage => {
      if (!stages.includes(stage.stage)) stages.push(stage.stage);
    }));
    const head = document.getElementById('ladder-head');
    head.replaceChildren(element('th', 'table'), element('th', 'pre-prod'), element('th', 'QC'),
        ...stages.map(stage => element('th', stage)));
    const body = document.querySelector('#ladder tbody');
    body.replaceChildren(...tables.map(table => {
      const tr = row([element('td', table.table), element('td', table.preprodVersion === null ? '' : 'v' + table.preprodVersion),
        element('td', table.verdict || 'not audited', 'status ' + (table.verdict || ''))]);
      tr.dataset.table = table.table;
      stages.forEach(name => tr.appendChild(stageCell(table.stages.find(stage => stage.stage === name))));
      return tr;
    }));
  }

  function showApprovals(approvals) {
    document.querySelector('#approvals tbody').replaceChildren(...approvals.map(approval => {
      const tr = row([approval.table, approval.stage, 'v' + approval.version, approval.reason || '', age(approval.waitedSeconds)]);
      tr.dataset.table = approval.table;
      return tr;
    }));
  }

  function showIncidents(incidents) {
    document.querySelector('#incidents tbody').replaceChildren(...incidents.map(incident => {
      const checks = incident.failingChecks.map(check => check.name + ' ' + check.verdict + ': ' + check.message).join('\n');
      const tr = row([time(incident.at), incident.table, incident.stage, incident.version === null ? '' : 'v' + incident.version,
        element('td', incident.status, 'status ' + incident.status), incident.error || '', element('td', checks)]);
      tr.dataset.table = incident.table;
      return tr;
    }));
  }

  function showReleases(releases) {
    const container = document.getElementById('releases');
    if (releases.length === 0) {
      container.replaceChildren(element('p', 'No release.', 'muted'));
      return;
    }
    container.replaceChildren(...releases.map(release => {
      const block = element('div');
      block.dataset.release = release.release;
      block.appendChild(element('h3', release.release));
      const list = element('ul');
      release.tables.forEach(table => list.appendChild(element('li', table.table + ': ' + table.stages
          .map(stage => stage.stage + ' ' + (stage.version === null ? 'none' : 'v' + stage.version) + ' (' + stage.status + ')')
          .join(', '))));
      block.appendChild(list);
      return block;
    }));
  }

  function showState(text, kind) {
    const state = document.getElementById('state');
    state.textContent = text;
    state.className = kind;
  }

  async function refresh() {
    try {
      const [tables, approvals, incidents, releases] = await Promise.all([
        get('/tables'), get('/approvals'), get('/incidents?limit=20'), get('/releases')]);
      showLadder(tables.tables);
      showApprovals(approvals.approvals);
      showIncidents(incidents.incidents);
      showReleases(releases.releases);
      showState(at ? 'as of ' + time(tables.at) : 'live, ' + time(tables.at), at ? 'past' : 'live');
    } catch (error) {
      showState('cannot read the registry: ' + error.message, 'error');
    }
  }

  /** Several events in a burst cause one refresh. */
  function refreshSoon() {
    if (at || refreshing) return;
    refreshing = setTimeout(() => {
      refreshing = null;
      refresh();
    }, 300);
  }

  document.getElementById('moment').addEventListener('submit', event => {
    event.preventDefault();
    const chosen = document.getElementById('at').value;
    at = chosen ? new Date(chosen).toISOString() : null;
    refresh();
  });
  document.getElementById('live').addEventListener('click', () => {
    at = null;
    document.getElementById('at').value = '';
    refresh();
  });

  const stream = new EventSource(api + '/stream');
  ['announced', 'qc', 'outcome', 'command'].forEach(name => stream.addEventListener(name, refreshSoon));
  stream.addEventListener('open', refreshSoon);
  refresh();
}());
