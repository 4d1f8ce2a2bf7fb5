import { strict as assert } from 'node:assert';
import { analyze } from '../../src/diagnose/engine';
import type { Finding } from '../../src/domain/finding';
import { findingForStage, type PipelineSnapshot } from '../../src/domain/pipeline';
import { pipelineSnapshot } from '../../src/sim/queries/pipeline';
import { englishLabels, hasSwedish, pipelineLabels } from '../../src/vscode/pipeline/labels';
import { parseWebviewMessage } from '../../src/vscode/pipeline/protocol';
import { escapeHtml, pipelineDocument, renderPipeline } from '../../src/vscode/pipeline/render';
import { loadSql, sample, scenario } from './helpers';

async function pictureOf(text: string, limit?: number): Promise<{ html: string; snapshot: PipelineSnapshot; findings: readonly Finding[] }> {
  const analysis = analyze(await loadSql(), text, { keepSimulation: true });
  const snapshot = pipelineSnapshot(analysis.sim!, limit);
  analysis.sim!.close();
  return { html: renderPipeline(snapshot, englishLabels), snapshot, findings: analysis.findings };
}

/** The attribute values of every element carrying `name`, in document order. */
function attributes(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

function balanced(html: string, tag: string): boolean {
  return (html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length === (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length;
}

const store = { id: 'Store42', kind: 'store', channelDatabase: 'Default', asyncCustomerCreation: true };
const web = { id: 'WebStore', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true };

describe('the pipeline picture', () => {
  it('draws every stage with the count the snapshot has, the clock on top, and balanced markup', async () => {
    const { html, snapshot } = await pictureOf(sample('customers-stuck-in-channel'));
    const sections = [...html.matchAll(/<section class="stage [a-z]+" data-stage="(\w+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    assert.deepEqual(sections, snapshot.stages.map((s) => [s.id, s.count]).sort((a, b) => html.indexOf(`data-stage="${a[0]}"`) - html.indexOf(`data-stage="${b[0]}"`)));
    assert.ok(html.includes('Simulated clock 2026-11-01 10:17 UTC'));
    assert.ok(html.includes('3 customers created asynchronously'));
    for (const tag of ['section', 'button', 'ul', 'ol', 'li', 'span', 'header', 'p']) {
      assert.ok(balanced(html, tag), `<${tag}> is closed`);
    }
  });

  it('draws the journey in order: store, channel database, P-job, staging, batch job, master or failed, 1010, channel', async () => {
    const { html } = await pictureOf(sample('healthy'));
    const order = ['POS or online store', 'data-stage="channelDatabase"', 'data-job="P-0001"', 'data-stage="hqStaging"', 'data-job="SynchronizeCustomersAndChannelRequests"', 'data-stage="customerMaster"', 'data-stage="failed"', 'data-job="1010"', 'data-stage="backOnChannel"'];
    const positions = order.map((needle) => html.indexOf(needle));
    assert.ok(positions.every((p) => p >= 0), JSON.stringify(positions));
    assert.deepEqual([...positions].sort((a, b) => a - b), positions);
  });

  it('marks a job stale with the customers waiting behind it, and one that never ran', async () => {
    const { html } = await pictureOf(sample('customers-stuck-in-channel'));
    const pJob = html.slice(html.indexOf('data-job="P-0001"'), html.indexOf('data-stage="hqStaging"'));
    assert.match(pJob, /class="run stale"/);
    assert.match(pJob, /never run/);
    assert.match(pJob, /stale: 3 customers waiting/);
    const job1010 = html.slice(html.indexOf('data-job="1010"'));
    assert.match(job1010, /last run at start \(08:00\)/);
    assert.match(job1010, /nothing waiting/);
  });

  it('labels each stage button with its name and count for a screen reader, and says what Enter does', async () => {
    const { html } = await pictureOf(sample('customers-stuck-in-channel'));
    const labels = attributes(html, 'aria-label');
    assert.ok(labels.includes('Channel database (async records not uploaded): 3 customers. Show the finding'), labels.join('\n'));
    assert.ok(labels.includes('Back on the channel (with the real account number): 0 customers. Show the rows'));
  });

  it('escapes customer names, so a name like <script> is shown as text and never runs', async () => {
    const { html } = await pictureOf(
      scenario({ timeline: [{ createCustomer: { channel: 'Store42', firstName: '<script>alert("x")</script>', lastName: "O'Brien & <b>Co</b>", offline: true } }] }),
    );
    assert.ok(!html.includes('<script'), 'no script element');
    assert.ok(!html.includes('<b>'));
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; &lt;b&gt;Co&lt;/b&gt;'));
    assert.equal(escapeHtml(`"'<>&`), '&quot;&#39;&lt;&gt;&amp;');
  });

  it('lists a few names per stage and says how many more there are', async () => {
    const { html } = await pictureOf(scenario({ timeline: [{ generateCustomers: { count: 7, channels: ['Store42'] } }] }), 3);
    const stage = html.slice(html.indexOf('data-stage="channelDatabase"'), html.indexOf('data-job="P-0001"'));
    assert.equal((stage.match(/<li title=/g) ?? []).length, 3);
    assert.match(stage, /<li class="more">\+4 more<\/li>/);
  });

  it('breaks stages down per channel database, each its own button, when there are several', async () => {
    const { html } = await pictureOf(scenario({ channels: [store, web], timeline: [{ createCustomer: { channel: 'WebStore', firstName: 'Cia', lastName: 'Lind' } }] }));
    const stage = html.slice(html.indexOf('data-stage="channelDatabase"'), html.indexOf('data-job="P-0001"'));
    assert.match(stage, /data-stage="channelDatabase" data-database="Default" data-key="channelDatabase:Default" aria-label="Channel database in Default: 0 customers. Show the rows"/);
    assert.match(stage, /data-database="Online"[^>]*aria-label="Channel database in Online: 1 customer. Show the finding"/);
    const single = (await pictureOf(sample('customers-stuck-in-channel'))).html;
    assert.ok(!single.includes('data-database='), 'one channel database needs no breakdown');
  });

  it('says which timeline entry the picture shows when it is not the end', async () => {
    const { snapshot } = await pictureOf(sample('healthy'));
    assert.ok(renderPipeline({ ...snapshot, afterEntry: 3 }, englishLabels).includes('State after timeline entry 4'));
    const failed = renderPipeline(
      { ...snapshot, jobs: snapshot.jobs.map((j) => (j.id === '1010' ? { ...j, runs: j.runs.map((r) => ({ ...r, failed: { at: snapshot.clock, reason: 'Timeout <x>' }, nextRunAt: snapshot.clock })) } : j)) },
      englishLabels,
    );
    assert.match(failed, /class="run failed"/);
    assert.match(failed, /failed \d\d:\d\d: Timeout &lt;x&gt;/);
    assert.match(failed, /next run \d\d:\d\d/);
  });

  it('colours a stage as its finding: customers waiting for job 1010 are to note, not a warning', async () => {
    const { html } = await pictureOf(scenario({ channels: [store], timeline: [{ createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' } }, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }] }));
    assert.match(html, /<section class="stage noted" data-stage="customerMaster" data-count="1"/);
  });

  it('shows the time-travel banner with a Back to now button, and says when the file shows the last good replay', async () => {
    const { snapshot } = await pictureOf(sample('healthy'));
    const travelling = renderPipeline({ ...snapshot, afterEntry: 3 }, englishLabels, 'Viewing 09:15, entry 4 of 8');
    assert.match(travelling, /<p class="viewing" role="status"><span>Viewing 09:15, entry 4 of 8<\/span> <button type="button" class="back-to-now" data-action="backToNow">Back to now<\/button><\/p>/);
    assert.ok(!renderPipeline(snapshot, englishLabels).includes('back-to-now'), 'now has no way back to now');
    const broken = renderPipeline(snapshot, englishLabels, undefined, englishLabels.lastGoodReplay);
    assert.match(broken, /<p class="note" role="status">The file has a syntax error \(see Problems\): this is the last good replay\.<\/p>/);
  });

  it('serves a page with a strict Content-Security-Policy: nothing by default, a nonce for the one script, styles from the webview only', () => {
    const page = pipelineDocument({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/pipeline.js', styleUri: 'https://x/pipeline.css', title: 'Customer pipeline', body: '<p>hi</p>', lang: 'en' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)![1];
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-abc123';/);
    assert.match(csp, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net;/);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
    assert.equal((page.match(/<script /g) ?? []).length, 1);
    assert.match(page, /<script nonce="abc123" src="https:\/\/x\/pipeline.js">/);
  });
});

describe('the pipeline picture in Swedish', () => {
  it('has a Swedish translation for every message it shows', () => {
    const messages = new Set<string>();
    const labels = pipelineLabels('sv', (m) => messages.add(m));
    const values = Object.values(labels) as unknown[];
    for (const value of values) {
      if (typeof value === 'function') {
        for (const n of [0, 1, 2]) (value as (...args: unknown[]) => string)(n, 'x', n === 2 ? 'Default' : undefined);
      }
    }
    assert.ok(messages.size > 30, `${messages.size} messages seen`);
    assert.deepEqual([...messages].filter((m) => !hasSwedish(m)), []);
  });

  it('draws a sample in Swedish', async () => {
    const { snapshot } = await pictureOf(sample('customers-stuck-in-channel'));
    const html = renderPipeline(snapshot, pipelineLabels('sv'));
    assert.ok(html.includes('Simulerad klocka 2026-11-01 10:17 UTC'));
    assert.ok(html.includes('inaktuell: 3 kunder väntar'));
    assert.ok(html.includes('Kanaldatabas (asynkrona poster ej uppladdade): 3 kunder. Visa anmärkningen'));
  });
});

describe('messages from the pipeline webview', () => {
  it('accepts a chosen stage, with or without a channel database, and "ready"', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'revealStage', stage: 'hqStaging' }), { type: 'revealStage', stage: 'hqStaging' });
    assert.deepEqual(parseWebviewMessage({ type: 'revealStage', stage: 'failed', database: 'Online' }), { type: 'revealStage', stage: 'failed', database: 'Online' });
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
  });

  it('ignores anything else', () => {
    for (const data of [null, 'revealStage', { type: 'revealStage', stage: 'nowhere' }, { type: 'revealStage', stage: 'failed', database: 7 }, { type: 'run', command: 'x' }]) {
      assert.equal(parseWebviewMessage(data), undefined, JSON.stringify(data));
    }
  });

  it('finds the finding that explains a stage, preferring the chosen channel database', async () => {
    const { findings } = await pictureOf(
      scenario({
        channels: [store, web],
        timeline: [{ createCustomer: { channel: 'Store42', firstName: 'Ana' } }, { createCustomer: { channel: 'WebStore', firstName: 'Cia' } }],
      }),
    );
    const online = findingForStage(findings, 'channelDatabase', 'Online');
    assert.equal(findings[online].ruleId, 'ACD004');
    assert.ok(findings[online].evidence.some((e) => e.database === 'Online'));
    assert.equal(findingForStage(findings, 'failed'), -1);
    assert.equal(findingForStage(findings, 'backOnChannel'), -1);
  });
});
