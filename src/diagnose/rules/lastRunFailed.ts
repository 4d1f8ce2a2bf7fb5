// ACD011: the last run of a job failed (a download or upload session, or the batch job) and no
// later run of it succeeded: what it should have carried did not arrive.
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { formatShort } from '../../domain/time';
import { appendEntries } from '../../scenario/edits';
import { anyRecordedRun, failedRuns } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, spanFor } from './shared';

export const lastRunFailed: Rule = {
  id: RULE.lastRunFailed,
  question: 'customersMissingInHq',
  cause: msg('ACD011.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings = failedRuns(sim).map((run): DraftFinding => {
      const rerun = run.kind === 'batch' ? { runBatch: run.job } : { runJob: run.job, channelDatabase: run.channelDatabase };
      return {
        ruleId: RULE.lastRunFailed,
        severity: 'error',
        message: msg(run.kind === 'batch' ? 'ACD011.messageBatch' : 'ACD011.message', {
          job: run.job,
          db: run.channelDatabase ?? '',
          at: formatShort(Date.parse(run.at)),
          message: run.message,
          kind: run.kind,
        }),
        span: spanFor(context, run.origin),
        evidence: [evidence(run.evidence)],
        remedy: {
          text: msg(run.kind === 'batch' ? 'ACD011.remedyBatch' : 'ACD011.remedy', { job: run.job, kind: run.kind, db: run.channelDatabase ?? '' }),
          menuPath: run.kind === 'batch' ? MENU.batchJobs : MENU.cdxSessions,
        },
        fixes: [
          {
            title: msg('ACD011.fix', { job: run.job, db: run.channelDatabase ?? '' }),
            edits: [appendEntries(scenario, [rerun])],
            isPreferred: true,
          },
        ],
      };
    });
    return { findings, applicable: anyRecordedRun(sim) };
  },
};
