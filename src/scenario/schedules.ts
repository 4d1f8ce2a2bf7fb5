// Reading "schedules": recurring runs of CDX jobs and batch jobs as set up in HQ. Each element
// names one job, how often it runs (every) and optionally from when and for which channel database.
import type { Node } from 'jsonc-parser';
import { BATCH_JOBS, CDX_JOB_IDS, resolveBatchJobId, resolveCdxJobId } from '../domain/jobs';
import { msg } from '../domain/l10n';
import { RULE } from '../domain/ruleIds';
import { formatDuration } from '../domain/time';
import type { ScenarioChecks } from './checks';
import { innerSpan, openingSpan, span } from './jsonNodes';
import type { ChannelSetting, Scenario, ScheduleSetting, Span } from './model';

const SCHEDULE_KEYS = ['runJob', 'runBatch', 'channelDatabase', 'every', 'from'];
/** The shortest interval a schedule may have: HQ's recurrence is set in minutes. */
const MIN_SCHEDULE_INTERVAL_MS = 60_000;

export function readSchedules(
  check: ScenarioChecks,
  node: Node,
  channels: readonly ChannelSetting[],
  start: number,
  written: { numericJobs: number; textJobs: number },
): { schedules: ScheduleSetting[]; span: Span } | undefined {
  if (!check.expectType(node, 'array', 'schedules')) {
    return undefined;
  }
  const schedules: ScheduleSetting[] = [];
  (node.children ?? []).forEach((element, index) => {
    if (!check.expectType(element, 'object', `schedules[${index}]`)) {
      return;
    }
    const schedule = readSchedule(check, element, index, channels, start, written);
    if (schedule) {
      schedules.push(schedule);
    }
  });
  return { schedules, span: span(node) };
}

function readSchedule(
  check: ScenarioChecks,
  element: Node,
  index: number,
  channels: readonly ChannelSetting[],
  start: number,
  written: { numericJobs: number; textJobs: number },
): ScheduleSetting | undefined {
  const props = check.properties(element, SCHEDULE_KEYS, 'schedule');
  const jobNode = props.get('runJob');
  const batchNode = props.get('runBatch');
  const dbNode = props.get('channelDatabase');
  const everyNode = props.get('every');
  const fromNode = props.get('from');
  let ok = true;
  if (jobNode && batchNode) {
    check.problem(RULE.unknownKey, 'error', msg('v2.scheduleTwoJobs', {}), innerSpan(batchNode.parent!.children![0]));
    ok = false;
  }
  if (!jobNode && !batchNode) {
    check.problem(RULE.missingKey, 'error', msg('missingKey', { key: 'runJob', where: 'schedule' }), openingSpan(element));
    ok = false;
  }
  let job: ScheduleSetting['job'] | undefined;
  if (jobNode && !batchNode) {
    // As in the timeline, "runJob": 1010 is "runJob": "1010"; counted so fixes write jobs the file's way.
    const key = jobNode.type === 'number' ? String(jobNode.value) : check.string(jobNode, 'runJob');
    const id = key === undefined ? undefined : resolveCdxJobId(key);
    if (id && /^\d+$/.test(id)) {
      written[jobNode.type === 'number' ? 'numericJobs' : 'textJobs']++;
    }
    if (key !== undefined && !id) {
      check.unknownId(jobNode, key, 'job', CDX_JOB_IDS);
    }
    let channelDatabase: string | undefined;
    if (dbNode) {
      channelDatabase = check.string(dbNode, 'channelDatabase');
      const known = [...new Set(channels.map((c) => c.channelDatabase))];
      if (channelDatabase !== undefined && !known.includes(channelDatabase)) {
        check.unknownId(dbNode, channelDatabase, 'channelDatabase', known);
        channelDatabase = undefined;
        ok = false;
      } else if (channelDatabase === undefined) {
        ok = false;
      }
    }
    job = id ? { runJob: id, channelDatabase } : undefined;
  } else if (batchNode && !jobNode) {
    if (dbNode) {
      check.problem(RULE.unknownKey, 'error', msg('keyNotForAction', { key: 'channelDatabase', action: 'runBatch' }), innerSpan(dbNode.parent!.children![0]), [
        check.removePropertyFix(dbNode.parent!),
      ]);
    }
    const key = check.string(batchNode, 'runBatch');
    const id = key === undefined ? undefined : resolveBatchJobId(key);
    if (key !== undefined && !id) {
      check.unknownId(batchNode, key, 'batchJob', BATCH_JOBS.map((b) => b.id));
    }
    job = id ? { runBatch: id } : undefined;
  }
  let every: number | undefined;
  if (!everyNode) {
    check.problem(RULE.missingKey, 'error', msg('missingKey', { key: 'every', where: 'schedule' }), openingSpan(element));
  } else {
    every = check.duration(everyNode, 'every');
    if (every !== undefined && every < MIN_SCHEDULE_INTERVAL_MS) {
      check.problem(RULE.badValue, 'error', msg('v2.scheduleTooOften', { value: String(everyNode.value), min: formatDuration(MIN_SCHEDULE_INTERVAL_MS) }), innerSpan(everyNode));
      every = undefined;
    }
  }
  const from = fromNode ? check.instant(fromNode, 'from') : start;
  if (!ok || !job || every === undefined || from === undefined) {
    return undefined;
  }
  return { index, span: span(element), job, every, from };
}

/** How many runs the scenario's schedules make over its timeline (for the size limits, before any replay). */
export function scheduledRunCount(scenario: Scenario): number {
  let end = scenario.start;
  for (const entry of scenario.timeline) {
    end = Math.max(end, entry.at ?? end) + (entry.action.kind === 'advance' ? entry.action.ms : 0);
  }
  return runsUntil(scenario.schedules ?? [], scenario.start, end);
}

function runsUntil(schedules: readonly ScheduleSetting[], start: number, end: number): number {
  return schedules.reduce((sum, s) => {
    const first = Math.max(s.from, start);
    return sum + (end > first ? Math.floor((end - s.from) / s.every) - Math.max(0, Math.floor((first - s.from) / s.every)) : 0);
  }, 0);
}
