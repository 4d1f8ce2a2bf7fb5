// The Customer synchronization status page: operations by status. A failed operation can be
// edited and synchronized again (both append entries to the scenario).
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import type { OperationStatus, OperationSummary } from '../../engine/protocol';
import { branch, icon, leaf, loadMoreNode, type Node, Pager, ScenarioTree, type ScenarioContext } from './base';

const STATUSES: readonly OperationStatus[] = ['Failed', 'Pending', 'PendingUpload', 'Succeeded'];

export class SyncStatusView extends ScenarioTree {
  private readonly pager = new Pager();

  loadMore(key: string): void {
    this.pager.more(key);
    this.refresh();
  }

  protected async roots({ engine, doc }: ScenarioContext): Promise<Node[]> {
    const counts = await engine.request({ kind: 'operationCounts', doc });
    const labels: Record<OperationStatus, string> = {
      Failed: l10n.t('Failed'),
      Pending: l10n.t('Pending in HQ staging'),
      PendingUpload: l10n.t('Waiting for upload (channel)'),
      Succeeded: l10n.t('Succeeded'),
    };
    const icons: Record<OperationStatus, vscode.ThemeIcon> = {
      Failed: icon('error', 'testing.iconFailed'),
      Pending: icon('clock', 'list.warningForeground'),
      PendingUpload: icon('cloud-upload'),
      Succeeded: icon('pass-filled', 'testing.iconPassed'),
    };
    return STATUSES.map((status) => {
      const data = { kind: 'operationStatus', status } as const;
      const options = { description: String(counts[status]), iconPath: icons[status], contextValue: `status.${status}` };
      if (counts[status] === 0) {
        return leaf(`status/${status}`, data, labels[status], options);
      }
      return branch(`status/${status}`, data, labels[status], () => this.operations(engine, doc, status, counts[status]), options, status === 'Failed');
    });
  }

  private async operations(engine: ScenarioContext['engine'], doc: string, status: OperationStatus, total: number): Promise<Node[]> {
    const operations = await engine.request({ kind: 'operations', doc, status, offset: 0, limit: this.pager.limit(status) });
    const nodes = operations.map((op) => operationNode(op));
    if (total > operations.length) {
      nodes.push(loadMoreNode(`status/${status}/more`, 'syncStatus', status, operations.length, total));
    }
    return nodes;
  }
}

function operationNode(op: OperationSummary): Node {
  const failed = op.status === 'Failed';
  return leaf(`operation/${op.operationId}`, { kind: 'operation', id: op.operationId, status: op.status }, `${op.operationId} ${op.operationType}`, {
    description: `${op.channel} · ${op.accountNum ?? op.asyncCustomerId}`,
    iconPath: failed ? icon('error', 'testing.iconFailed') : undefined,
    contextValue: failed ? 'operation.failed' : `operation.${op.status}`,
    tooltip: new vscode.MarkdownString(
      [
        `**${op.operationId}** ${op.operationType} · ${op.channel} (${op.channelDatabase})`,
        `${l10n.t('Temporary id')}: \`${op.asyncCustomerId}\``,
        op.accountNum ? `${l10n.t('Account')}: \`${op.accountNum}\`` : '',
        op.failureReason ? `${l10n.t('Reason')}: ${op.failureReason}` : '',
        op.failedFields.length ? `${l10n.t('Fields to correct')}: ${op.failedFields.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    ),
  });
}
