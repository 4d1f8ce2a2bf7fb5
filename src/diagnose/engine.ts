// The diagnosis engine: scenario text → parsed scenario → simulation → findings and the FAQ walk.
// The command line and the editor both call analyze(); neither adds rules of its own.
import type { SqlJsStatic } from 'sql.js';
import { type Evidence, type Finding, type Fix, SEVERITY_ORDER } from '../domain/finding';
import { localize, localizeMenuPath, msg, type Locale } from '../domain/l10n';
import { RULE, type RuleId } from '../domain/ruleIds';
import { LineIndex } from '../domain/text';
import { spanOfOrigin, type Scenario, type ScenarioProblem, type SpanFix } from '../scenario/model';
import { parseScenario } from '../scenario/parse';
import type { IncrementalReplay } from '../scenario/incremental';
import { replay } from '../scenario/replay';
import { scheduledRunCount } from '../scenario/schedules';
import type { SqlConnection } from '../sim/connection';
import type { Outcome, Simulation } from '../sim/simulation';
import { beyondMemoryBudget, DEFAULT_MEMORY_BUDGET_MB, estimateMemory } from './memoryBudget';
import { accountNumbersNotDownloaded } from './rules/accountNumbersNotDownloaded';
import { ambiguousReference } from './rules/ambiguousReference';
import { channelMetadataStale } from './rules/channelMetadataStale';
import { channelNotInAsyncMode } from './rules/channelNotInAsyncMode';
import { csuCacheNotExpired } from './rules/csuCacheNotExpired';
import { featureNeedsNewerVersion } from './rules/featureNeedsNewerVersion';
import { lastRunFailed } from './rules/lastRunFailed';
import { loyaltyCardForUnsynchronizedCustomer } from './rules/loyaltyCardForUnsynchronizedCustomer';
import { operationFailed } from './rules/operationFailed';
import { orderForUnsynchronizedCustomer } from './rules/orderForUnsynchronizedCustomer';
import { pipelineJobNotScheduled } from './rules/pipelineJobNotScheduled';
import { prerequisiteFeatureOff } from './rules/prerequisiteFeatureOff';
import { recordsAwaitingBatchJob } from './rules/recordsAwaitingBatchJob';
import { recordsAwaitingUpload } from './rules/recordsAwaitingUpload';
import { refusedAction } from './rules/refusedAction';
import { type CauseOutcome, type DraftFinding, QUESTIONS, type QuestionId, type Rule } from './types';

/** In the FAQ's order: a cause earlier in the list is checked (and reported) first. */
export const RULES: readonly Rule[] = [
  prerequisiteFeatureOff,
  featureNeedsNewerVersion,
  channelMetadataStale,
  csuCacheNotExpired,
  channelNotInAsyncMode,
  recordsAwaitingUpload,
  recordsAwaitingBatchJob,
  accountNumbersNotDownloaded,
  lastRunFailed,
  pipelineJobNotScheduled,
  operationFailed,
  orderForUnsynchronizedCustomer,
  loyaltyCardForUnsynchronizedCustomer,
  refusedAction,
  ambiguousReference,
];

export interface CauseResult {
  readonly ruleId: RuleId;
  readonly label: string;
  readonly outcome: CauseOutcome;
  /** Indexes into Analysis.findings. */
  readonly findings: readonly number[];
}

export interface QuestionResult {
  readonly id: QuestionId;
  readonly question: string;
  readonly causes: readonly CauseResult[];
}

export interface Analysis {
  readonly scenario: Scenario;
  /** The replayed simulation; undefined when the file is not a usable scenario. The caller closes it. */
  readonly sim?: Simulation;
  readonly findings: readonly Finding[];
  readonly walk: readonly QuestionResult[];
  readonly outcomes: ReadonlyMap<number, Outcome>;
  readonly cancelled: boolean;
  /** Where the replay started in the timeline: 0 unless an incremental replay resumed from a checkpoint. */
  readonly resumedAt?: number;
}

export interface AnalyzeOptions {
  readonly locale?: Locale;
  /** Keep the simulation open for views and queries (the caller must close it). */
  readonly keepSimulation?: boolean;
  readonly isCancelled?: () => boolean;
  /** Beyond these a scenario gets one finding instead of a replay (a setting in the editor). */
  readonly limits?: Partial<ScenarioLimits>;
  /**
   * Replay incrementally in this document's own simulation (the editor's engine): it owns the
   * simulation, which stays open for views and queries until it is closed. A text with a syntax
   * error is replayed on its own instead; that simulation is returned open for the caller to close.
   */
  readonly incremental?: IncrementalReplay;
}

export interface ScenarioLimits {
  /** Characters of scenario text. */
  readonly maxTextLength: number;
  /** Timeline entries. */
  readonly maxEntries: number;
  /** Customers all generateCustomers entries create together. */
  readonly maxGeneratedCustomers: number;
  /** Megabytes the replay may need, as estimated before replaying (memoryBudget.ts). */
  readonly memoryBudgetMB: number;
  /** Runs all schedules make over the timeline together. */
  readonly maxScheduledRuns: number;
}

const DEFAULT_LIMITS: ScenarioLimits = {
  maxTextLength: 5_000_000,
  maxEntries: 20_000,
  maxGeneratedCustomers: 2_000_000,
  memoryBudgetMB: DEFAULT_MEMORY_BUDGET_MB,
  maxScheduledRuns: 10_000,
};

/**
 * Parses, replays and diagnoses a scenario. `engine` is sql.js (the extension, the command line)
 * or a factory of fresh SQL connections (the benchmark's native baseline).
 */
export function analyze(engine: SqlJsStatic | (() => SqlConnection), text: string, options: AnalyzeOptions = {}): Analysis {
  const locale = options.locale ?? 'en';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const lines = new LineIndex(text);
  if (text.length > limits.maxTextLength) {
    const tooLarge: Finding = {
      ruleId: RULE.overLimits,
      severity: 'error',
      message: localize(msg('tooLarge', { size: text.length, max: limits.maxTextLength }), locale),
      location: lines.location(0, Math.min(text.length, Math.max(1, text.indexOf('\n')))),
      evidence: [],
      fixes: [],
    };
    return { scenario: { ...parseScenario(''), text, problems: [], usable: false }, findings: [tooLarge], walk: emptyWalk(locale), outcomes: new Map(), cancelled: false };
  }
  const scenario = parseScenario(text);
  const toFix = (fix: SpanFix): Fix => ({
    title: localize(fix.title, locale),
    edits: fix.edits.map((e) => lines.edit(e.offset, e.length, e.newText)),
    isPreferred: fix.isPreferred,
  });
  const fromProblem = (problem: ScenarioProblem): Finding => ({
    ruleId: problem.ruleId,
    severity: problem.severity,
    message: localize(problem.message, locale),
    location: lines.location(problem.span.offset, problem.span.length),
    evidence: [],
    fixes: problem.fixes.map(toFix),
  });

  const findings: Finding[] = scenario.problems.map(fromProblem);
  if (!scenario.usable) {
    return { scenario, findings: sortFindings(findings), walk: emptyWalk(locale), outcomes: new Map(), cancelled: false };
  }
  const generated = scenario.timeline.reduce((sum, e) => sum + (e.action.kind === 'generateCustomers' ? e.action.count : 0), 0);
  const scheduledRuns = scheduledRunCount(scenario);
  if (scheduledRuns > limits.maxScheduledRuns) {
    const span = scenario.schedulesSpan ?? { offset: 0, length: 1 };
    findings.push({
      ruleId: RULE.overLimits,
      severity: 'error',
      message: localize(msg('v2.tooManyScheduledRuns', { runs: scheduledRuns, max: limits.maxScheduledRuns }), locale),
      location: lines.location(span.offset, 1),
      evidence: [],
      fixes: [],
    });
    return { scenario, findings: sortFindings(findings), walk: emptyWalk(locale), outcomes: new Map(), cancelled: false };
  }
  const tooMany = scenario.timeline.length > limits.maxEntries || generated > limits.maxGeneratedCustomers;
  const overBudget = tooMany ? undefined : beyondMemoryBudget(scenario, limits.memoryBudgetMB);
  if (tooMany || overBudget) {
    const span = scenario.timelineSpan ?? { offset: 0, length: 1 };
    findings.push({
      ruleId: RULE.overLimits,
      severity: 'error',
      message: localize(
        overBudget ??
          msg('tooManyActions', { entries: scenario.timeline.length, maxEntries: limits.maxEntries, generated, maxGenerated: limits.maxGeneratedCustomers }),
        locale,
      ),
      location: lines.location(span.offset, Math.min(span.length, 1)),
      evidence: [],
      fixes: [],
    });
    return { scenario, findings: sortFindings(findings), walk: emptyWalk(locale), outcomes: new Map(), cancelled: false };
  }

  // A file with a syntax error (while typing) is replayed on its own: the editor goes on showing
  // the last good replay, which the incremental one holds.
  const incremental = scenario.problems.some((p) => p.ruleId === RULE.syntax) ? undefined : options.incremental;
  const replayed = incremental
    ? incremental.replay(scenario, { isCancelled: options.isCancelled, checkpointBudgetBytes: checkpointBudget(scenario, limits.memoryBudgetMB) })
    : { ...replay(scenario, typeof engine === 'function' ? engine() : engine, { isCancelled: options.isCancelled }), resumedAt: 0 };
  const keepSimulation = options.keepSimulation === true || options.incremental !== undefined;
  findings.push(...replayed.problems.map(fromProblem));
  const walk: QuestionResult[] = QUESTIONS.map((id) => ({ id, question: localize(msg(`question.${id}`, {}), locale), causes: [] }));
  const ruleFindings: Finding[] = [];
  const causesByQuestion = new Map<QuestionId, { rule: Rule; applicable: boolean; findings: Finding[] }[]>();
  try {
    if (!replayed.cancelled) {
      for (const rule of RULES) {
        const outcome = rule.check({ scenario, sim: replayed.sim });
        const localized = outcome.findings.map((draft) => toFinding(draft, scenario, lines, locale, toFix));
        ruleFindings.push(...localized);
        if (rule.question) {
          const list = causesByQuestion.get(rule.question) ?? [];
          list.push({ rule, applicable: outcome.applicable, findings: localized });
          causesByQuestion.set(rule.question, list);
        }
      }
    }
  } finally {
    if (!keepSimulation) {
      replayed.sim.close();
    }
  }
  const all = sortFindings([...findings, ...ruleFindings]);
  for (const question of walk) {
    const causes = (causesByQuestion.get(question.id) ?? []).map(
      ({ rule, applicable, findings: own }): CauseResult => ({
        ruleId: rule.id,
        label: localize(rule.cause, locale),
        outcome: own.length > 0 ? 'failed' : applicable ? 'passed' : 'notApplicable',
        findings: own.map((f) => all.indexOf(f)),
      }),
    );
    (question as unknown as { causes: CauseResult[] }).causes = causes;
  }
  return {
    scenario,
    sim: keepSimulation ? replayed.sim : undefined,
    findings: all,
    walk,
    outcomes: replayed.outcomes,
    cancelled: replayed.cancelled,
    resumedAt: replayed.resumedAt,
  };
}

/** Checkpoints live in the memory budget's headroom above the estimate, at most a quarter of the budget. */
function checkpointBudget(scenario: Scenario, budgetMB: number): number {
  const headroomMB = Math.max(0, Math.min(budgetMB / 4, budgetMB - estimateMemory(scenario).megabytes));
  return headroomMB * 1024 * 1024;
}

function toFinding(draft: DraftFinding, scenario: Scenario, lines: LineIndex, locale: Locale, toFix: (fix: SpanFix) => Fix): Finding {
  const question = questionOf(draft.ruleId);
  return {
    ruleId: draft.ruleId,
    severity: draft.severity,
    message: localize(draft.message, locale),
    location: lines.location(draft.span.offset, draft.span.length),
    evidence: draft.evidence.map((e): Evidence => {
      const span = spanOfOrigin(scenario, e.origin);
      return {
        database: e.database,
        table: e.table,
        key: e.key,
        columns: Object.fromEntries(Object.entries(e.columns).map(([k, v]) => [k, v instanceof Uint8Array ? `<${v.length} bytes>` : (v)])),
        location: span ? lines.location(span.offset, span.length) : undefined,
      };
    }),
    question: question ? localize(msg(`question.${question}`, {}), locale) : undefined,
    remedy: draft.remedy
      ? { text: localize(draft.remedy.text, locale), menuPath: draft.remedy.menuPath === undefined ? undefined : localizeMenuPath(draft.remedy.menuPath, locale) }
      : undefined,
    fixes: draft.fixes.map(toFix),
  };
}

function questionOf(ruleId: RuleId): QuestionId | undefined {
  return RULES.find((r) => r.id === ruleId)?.question;
}

function emptyWalk(locale: Locale): QuestionResult[] {
  return QUESTIONS.map((id) => ({
    id,
    question: localize(msg(`question.${id}`, {}), locale),
    causes: RULES.filter((r) => r.question === id).map((r) => ({ ruleId: r.id, label: localize(r.cause, locale), outcome: 'notApplicable' as const, findings: [] })),
  }));
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.location.offset - b.location.offset || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId),
  );
}
