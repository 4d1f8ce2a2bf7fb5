// Short labels for the Troubleshooter, so they fit a 300 px sidebar: the FAQ's full question and
// the cause's full wording are in the tooltips. A failed cause says the problem, a passed one the check.
import * as vscode from 'vscode';

export function questionLabel(id: string): string {
  switch (id) {
    case 'cannotEnableEditing':
      return vscode.l10n.t("Can't enable editing");
    case 'realtimeCallsContinue':
      return vscode.l10n.t('Real-time calls continue');
    case 'customersMissingInHq':
      return vscode.l10n.t('Customers missing in HQ');
    case 'whichOperationFailed':
      return vscode.l10n.t('Failed operations');
    default:
      return id;
  }
}

/** The cause as a short problem (failed) or check (passed, not applicable). */
export function causeLabel(ruleId: string, failed: boolean): string {
  switch (ruleId) {
    case 'ACD001':
      return failed ? vscode.l10n.t('A prerequisite feature is off') : vscode.l10n.t('Prerequisites enabled');
    case 'ACD002':
      return failed ? vscode.l10n.t('Jobs 1110, 1010, 1070 not run') : vscode.l10n.t('Jobs 1110, 1010, 1070 ran');
    case 'ACD003':
      return failed ? vscode.l10n.t('CSU cache not expired yet') : vscode.l10n.t('CSU cache expired');
    case 'ACD004':
      return failed ? vscode.l10n.t('Records wait for the P-job') : vscode.l10n.t('P-job uploaded the records');
    case 'ACD005':
      return failed ? vscode.l10n.t('Records wait for the batch job') : vscode.l10n.t('Batch job processed them');
    case 'ACD006':
      return failed ? vscode.l10n.t('An operation failed') : vscode.l10n.t('No operation failed');
    case 'ACD007':
      return failed ? vscode.l10n.t('Waiting for job 1010') : vscode.l10n.t('Back on the channel');
    case 'ACD008':
      return failed ? vscode.l10n.t('A channel is not in async mode') : vscode.l10n.t('Channels in async mode');
    case 'ACD106':
      return failed ? vscode.l10n.t('An action was refused') : vscode.l10n.t('Every action accepted');
    case 'ACD109':
      return failed ? vscode.l10n.t('A reference is ambiguous') : vscode.l10n.t('References are unambiguous');
    default:
      return ruleId;
  }
}
