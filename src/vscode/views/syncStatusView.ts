// The Customer synchronization status page: operations by status, failed first. Succeeded
// creations whose account number has not reached the channel yet (job 1010 has not run) get a
// bucket of their own. Operations are listed by customer name; ids are in the tooltip. A failed
// operation can be edited and synchronized again (both append entries to the scenario).
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import type { OperationStatus, OperationSummary } from '../../engine/protocol';
import { stageOf } from '../../domain/pipeline';
import { branch, icon, leaf, loadMoreNode, type Node, Pager, ScenarioTree, type ScenarioContext } from './base';

const STATUSES: readonly OperationStatus[] = ['Failed', 'PendingUpload', 'Pending', 'Succeeded'];

export class SyncStatusView extends ScenarioTree {
  private readonly pager = new Pager();

  loadMore(key: string): void {
    this.pager.more(key);
    this.refresh();
  }

  protected async roots({ engine, doc, afterEntry }: ScenarioContext): Promise<Node[]> {
    const [counts, pipeline] = await Promise.all([engine.request({ kind: 'operationCounts', doc, afterEntry }), engine.request({ kind: 'pipeline', doc, afterEntry })]);
    const labels: Record<OperationStatus, string> = {
      Failed: l10n.t('Failed'),
      Pending: l10n.t('In HQ staging'),
      PendingUpload: l10n.t('Waiting for upload'),
      Succeeded: l10n.t('Succeeded'),
    };
    const tooltips: Record<OperationStatus, string> = {
      Failed: l10n.t('HQ could not process these operations: correct the field, Save, then Synchronize.'),
      Pending: l10n.t('Uploaded to the HQ staging tables with OnlineOperationCompleted = 0: the batch job Synchronize customers and channel requests has not processed them.'),
      PendingUpload: l10n.t('Still in the channel database: the P-job has not uploaded them to HQ.'),
      Succeeded: l10n.t('Processed by the batch job: the customers are in the HQ customer master.'),
    };
    const icons: Record<OperationStatus, vscode.ThemeIcon> = {
      Failed: icon('error', 'problemsErrorIcon.foreground'),
      Pending: icon('clock', 'problemsWarningIcon.foreground'),
      PendingUpload: icon('cloud-upload', 'problemsWarningIcon.foreground'),
      Succeeded: icon('pass', 'testing.iconPassed'),
    };
    const nodes = STATUSES.map((status) => {
      const data = { kind: 'operationStatus', status } as const;
      const options = { description: String(counts[status]), iconPath: counts[status] === 0 ? icon('circle-outline', 'disabledForeground') : icons[status], contextValue: `status.${status}`, tooltip: tooltips[status] };
      if (counts[status] === 0) {
        return leaf(`status/${status}`, data, labels[status], options);
      }
      return branch(`status/${status}`, data, labels[status], () => this.operations(engine, doc, afterEntry, status, counts[status]), options, status === 'Failed');
    });
    const waiting = stageOf(pipeline, 'customerMaster');
    const waitingNode = (): Node => {
      const label = l10n.t('Waiting for job 1010');
      const options = {
        description: String(waiting.count),
        iconPath: waiting.count > 0 ? icon('info', 'problemsInfoIcon.foreground') : icon('circle-outline', 'disabledForeground'),
        tooltip: l10n.t('Created in HQ, but job 1010 has not brought the account number back: the channel still shows Pending sync.'),
        contextValue: 'status.waitingFor1010',
      };
      const data = { kind: 'operationStatus', status: 'Succeeded' } as const;
      if (waiting.count === 0) return leaf('status/waitingFor1010', data, label, options);
      return branch('status/waitingFor1010', data, label, () => {
        const more = waiting.count - waiting.customers.length;
        return [
          ...waiting.customers.map((c, i) => leaf(`status/waitingFor1010/${i}`, { kind: 'operationStatus', status: 'Succeeded' }, c.name, { description: `${c.channel} · ${c.channelDatabase}`, iconPath: icon('person') })),
          ...(more > 0 ? [leaf('status/waitingFor1010/more', { kind: 'operationStatus', status: 'Succeeded' }, l10n.t('+{0} more', more), {})] : []),
        ];
      }, options);
    };
    // Right after Succeeded, whose creations it is a part of.
    return [...nodes, waitingNode()];
  }

  private async operations(engine: ScenarioContext['engine'], doc: string, afterEntry: number | undefined, status: OperationStatus, total: number): Promise<Node[]> {
    const operations = await engine.request({ kind: 'operations', doc, afterEntry, status, offset: 0, limit: this.pager.limit(status) });
    const nodes = operations.map((op) => operationNode(op));
    if (total > operations.length) {
      nodes.push(loadMoreNode(`status/${status}/more`, 'syncStatus', status, operations.length, total));
    }
    return nodes;
  }
}

function operationTypeLabel(type: string): string {
  switch (type) {
    case 'CustomerCreate':
      return l10n.t('create');
    case 'CustomerUpdate':
      return l10n.t('edit');
    case 'AddressCreate':
      return l10n.t('new address');
    default:
      return type;
  }
}

function operationNode(op: OperationSummary): Node {
  const failed = op.status === 'Failed';
  const saved = failed && op.edited;
  const name = op.customerName ?? op.accountNum ?? op.asyncCustomerId;
  return leaf(`operation/${op.operationId}`, { kind: 'operation', id: op.operationId, status: op.status }, name, {
    description: saved
      ? l10n.t('saved, now Synchronize')
      : failed && op.failedFields.length > 0
        ? `${op.failedFields.join(', ')} · ${op.channel}`
        : `${operationTypeLabel(op.operationType)} · ${op.channel}`,
    iconPath: failed ? icon('error', 'problemsErrorIcon.foreground') : icon('person'),
    contextValue: failed ? 'operation.failed' : `operation.${op.status}`,
    tooltip: new vscode.MarkdownString(
      [
        saved ? `**${l10n.t('Saved: now Synchronize the operation.')}**` : '',
        `**${name}** · ${op.operationId} ${op.operationType} · ${op.channel} (${op.channelDatabase})`,
        `${l10n.t('Temporary id')}: \`${op.asyncCustomerId}\``,
        op.accountNum ? `${l10n.t('Account')}: \`${op.accountNum}\`` : '',
        op.failureReason ? `${saved ? l10n.t('Last known error (before the edit)') : l10n.t('Reason')}: ${op.failureReason}` : '',
        op.failedFields.length ? `${l10n.t('Fields to correct')}: ${op.failedFields.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    ),
  });
}
