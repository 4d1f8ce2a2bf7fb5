// The pipeline picture as markup: a pure function of the snapshot and the labels, so tests and the
// preview render exactly what the webview shows. Every text from the scenario is escaped here.
import { STAGE_RULES, stageOf, type PipelineJob, type PipelineJobRun, type PipelineSnapshot, type PipelineStage, type PipelineStageId } from '../../domain/pipeline';
import type { PipelineLabels } from './labels';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** 2026-11-01T09:12:00Z → 2026-11-01 09:12 (the clock, in UTC as the scenario writes it). */
function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** A job's run time: the hour alone on the clock's day, the date too otherwise. */
function runTime(iso: string, clock: string): string {
  return iso.slice(0, 10) === clock.slice(0, 10) ? iso.slice(11, 16) : shortTime(iso);
}

/** What happens on Enter or click: the rows of a stage in its view, or the finding that explains it. */
function stageAction(stage: PipelineStageId, count: number, labels: PipelineLabels): string {
  return count > 0 && STAGE_RULES[stage] ? labels.showFinding : labels.showRows;
}

/**
 * The stage's mood, as its finding's severity: failed operations are an error (ACD006), customers
 * waiting for an upload or the batch job a warning (ACD004, ACD005), customers waiting for job
 * 1010 something to note (ACD007, information), arrived ones are done.
 */
function stageState(stage: PipelineStage): 'empty' | 'waiting' | 'noted' | 'failed' | 'done' {
  if (stage.count === 0) return 'empty';
  if (stage.id === 'failed') return 'failed';
  if (stage.id === 'customerMaster') return 'noted';
  return stage.id === 'backOnChannel' ? 'done' : 'waiting';
}

function renderStage(snapshot: PipelineSnapshot, id: PipelineStageId, labels: PipelineLabels): string {
  const stage = stageOf(snapshot, id);
  const { title, detail } = labels.stages[id];
  const count = labels.customers(stage.count);
  const action = stageAction(id, stage.count, labels);
  const state = stageState(stage);
  const databases =
    snapshot.channelDatabases.length > 1
      ? `<ul class="databases">${stage.byDatabase
          .map(
            (d) =>
              `<li><button type="button" class="database" data-stage="${id}" data-database="${escapeHtml(d.database)}" data-key="${id}:${escapeHtml(d.database)}"` +
              ` aria-label="${escapeHtml(`${labels.stageLabel(title, labels.customers(d.count), d.database)}. ${stageAction(id, d.count, labels)}`)}">` +
              `<span class="name">${escapeHtml(d.database)}</span><span class="count${d.count > 0 ? '' : ' zero'}">${d.count}</span></button></li>`,
          )
          .join('')}</ul>`
      : '';
  const more = stage.count - stage.customers.length;
  const customers =
    stage.customers.length > 0
      ? `<ul class="customers" aria-label="${escapeHtml(count)}">${stage.customers
          .map((c) => `<li title="${escapeHtml(`${c.channel} · ${c.channelDatabase}`)}">${escapeHtml(c.name)}</li>`)
          .join('')}${more > 0 ? `<li class="more">${escapeHtml(labels.more(more))}</li>` : ''}</ul>`
      : '';
  return (
    `<section class="stage ${state}" data-stage="${id}" data-count="${stage.count}" aria-label="${escapeHtml(title)}">` +
    `<button type="button" class="stage-head" data-stage="${id}" data-key="${id}" aria-label="${escapeHtml(`${labels.stageLabel(`${title} (${detail})`, count)}. ${action}`)}" title="${escapeHtml(action)}">` +
    `<span class="title">${escapeHtml(title)}</span><span class="count">${stage.count}</span><span class="detail">${escapeHtml(detail)}</span></button>` +
    `${databases}${customers}</section>`
  );
}

function renderRun(run: PipelineJobRun, snapshot: PipelineSnapshot, labels: PipelineLabels): string {
  const when =
    run.lastRunAt === undefined
      ? labels.neverRun
      : run.lastRunAtStart
        ? labels.atStart(runTime(run.lastRunAt, snapshot.clock))
        : labels.lastRun(runTime(run.lastRunAt, snapshot.clock));
  const next = run.nextRunAt ? ` · ${escapeHtml(labels.nextRun(runTime(run.nextRunAt, snapshot.clock)))}` : '';
  const mark = run.failed
    ? `<span class="mark failed"><span aria-hidden="true">✖ </span>${escapeHtml(labels.failedRun(runTime(run.failed.at, snapshot.clock), run.failed.reason))}</span>`
    : run.stale
      ? `<span class="mark stale"><span aria-hidden="true">⚠ </span>${escapeHtml(labels.stale(run.waiting))}</span>`
      : `<span class="mark ok"><span aria-hidden="true">✓ </span>${escapeHtml(labels.upToDate)}</span>`;
  const where = run.database === null ? labels.allDatabases : run.database;
  const state = run.failed ? 'failed' : run.stale ? 'stale' : 'ok';
  return `<li class="run ${state}"><span class="where">${escapeHtml(where)}</span> <span class="when">${escapeHtml(when)}${next}</span> ${mark}</li>`;
}

function renderJob(job: PipelineJob, snapshot: PipelineSnapshot, labels: PipelineLabels): string {
  const state = job.runs.some((r) => r.failed) ? 'failed' : job.runs.some((r) => r.stale) ? 'stale' : 'ok';
  return (
    `<li class="job ${state}" data-job="${escapeHtml(job.id)}"><span class="arrow" aria-hidden="true"></span>` +
    `<div class="job-body"><span class="job-name">${escapeHtml(labels.jobs[job.id])}</span>` +
    `<ul class="runs">${job.runs.map((run) => renderRun(run, snapshot, labels)).join('')}</ul></div></li>`
  );
}

function renderSource(snapshot: PipelineSnapshot, labels: PipelineLabels): string {
  const channels =
    snapshot.channels.length === 0
      ? `<li>${escapeHtml(labels.noChannels)}</li>`
      : snapshot.channels
          .map(
            (c) =>
              `<li><span class="name">${escapeHtml(c.id)}</span> <span class="detail">${escapeHtml(c.kind)} · ${escapeHtml(c.channelDatabase)}</span>` +
              `<span class="count${c.created > 0 ? '' : ' zero'}" aria-label="${escapeHtml(labels.customers(c.created))}">${c.created}</span></li>`,
          )
          .join('');
  return `<li class="node source"><section class="stage source" aria-label="${escapeHtml(labels.source)}"><h2 class="title">${escapeHtml(labels.source)}</h2><ul class="channels">${channels}</ul></section></li>`;
}

/** The picture: clock and totals on top, then source → stage → job → stage ... → back on the channel. */
export function renderPipeline(snapshot: PipelineSnapshot, labels: PipelineLabels, banner?: string, note?: string): string {
  const job = (id: PipelineJob['id']): string => {
    const found = snapshot.jobs.find((j) => j.id === id);
    return found ? renderJob(found, snapshot, labels) : '';
  };
  const summary = [labels.created(snapshot.created), ...(snapshot.createdRealtime > 0 ? [labels.createdRealtime(snapshot.createdRealtime)] : [])].join(' · ');
  const entry =
    snapshot.afterEntry === undefined
      ? ''
      : `<p class="viewing" role="status"><span>${escapeHtml(banner ?? labels.viewingEntry(snapshot.afterEntry + 1))}</span>` +
        ` <button type="button" class="back-to-now" data-action="backToNow">${escapeHtml(labels.backToNow)}</button></p>`;
  return (
    `<header class="summary">${note ? `<p class="note" role="status">${escapeHtml(note)}</p>` : ''}` +
    `<p class="clock">${escapeHtml(labels.clock(`${shortTime(snapshot.clock)} UTC`))}</p>${entry}` +
    `<p class="totals" role="status">${escapeHtml(summary)}</p></header>` +
    `<ol class="flow" aria-label="${escapeHtml(labels.title)}">` +
    renderSource(snapshot, labels) +
    `<li class="job plain" aria-hidden="true"><span class="arrow"></span></li>` +
    `<li class="node">${renderStage(snapshot, 'channelDatabase', labels)}</li>` +
    job('P-0001') +
    `<li class="node">${renderStage(snapshot, 'hqStaging', labels)}</li>` +
    job('SynchronizeCustomersAndChannelRequests') +
    `<li class="node fork">${renderStage(snapshot, 'customerMaster', labels)}${renderStage(snapshot, 'failed', labels)}</li>` +
    job('1010') +
    `<li class="node">${renderStage(snapshot, 'backOnChannel', labels)}</li>` +
    `</ol>`
  );
}

/** What the view shows when there is no picture: no scenario, or an error. */
export function renderMessage(text: string): string {
  return `<p class="message">${escapeHtml(text)}</p>`;
}

export interface DocumentParts {
  /** The webview's cspSource: the only origin styles (and nothing else remote) may come from. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
  readonly body: string;
  readonly lang: string;
}

/** The whole webview page: a strict Content-Security-Policy, one nonce'd script, one stylesheet. */
export function pipelineDocument(parts: DocumentParts): string {
  const csp = `default-src 'none'; style-src ${parts.cspSource}; font-src ${parts.cspSource}; img-src ${parts.cspSource}; script-src 'nonce-${parts.nonce}';`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(parts.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/[&"<>]/g, (c) => ESCAPES[c])}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
<main id="root">${parts.body}</main>
<script nonce="${escapeHtml(parts.nonce)}" src="${escapeHtml(parts.scriptUri)}"></script>
</body>
</html>`;
}
