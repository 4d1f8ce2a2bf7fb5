// Short labels for the Troubleshooter, so they fit a 300 px sidebar: the FAQ's full question and
// the cause's full wording are in the tooltips. A failed cause says the problem, a passed one the check.
import * as l10n from '../l10n';

export function questionLabel(id: string): string {
  switch (id) {
    case 'cannotEnableEditing':
      return l10n.t("Can't enable editing");
    case 'realtimeCallsContinue':
      return l10n.t('Real-time calls continue');
    case 'customersMissingInHq':
      return l10n.t('Customers missing in HQ');
    case 'whichOperationFailed':
      return l10n.t('Failed operations');
    case 'ordersAndLoyalty':
      return l10n.t('Orders and loyalty cards');
    default:
      return id;
  }
}

/** The cause as a short problem (failed) or check (passed, not applicable). */
export function causeLabel(ruleId: string, failed: boolean): string {
  switch (ruleId) {
    case 'ACD001':
      return failed ? l10n.t('A prerequisite feature is off') : l10n.t('Prerequisites enabled');
    case 'ACD002':
      return failed ? l10n.t('Jobs 1110, 1010, 1070 not run') : l10n.t('Jobs 1110, 1010, 1070 ran');
    case 'ACD003':
      return failed ? l10n.t('CSU cache not expired yet') : l10n.t('CSU cache expired');
    case 'ACD004':
      return failed ? l10n.t('Records wait for the P-job') : l10n.t('P-job uploaded the records');
    case 'ACD005':
      return failed ? l10n.t('Records wait for the batch job') : l10n.t('Batch job processed them');
    case 'ACD006':
      return failed ? l10n.t('An operation failed') : l10n.t('No operation failed');
    case 'ACD007':
      return failed ? l10n.t('Waiting for job 1010') : l10n.t('Back on the channel');
    case 'ACD008':
      return failed ? l10n.t('A channel is not in async mode') : l10n.t('Channels in async mode');
    case 'ACD009':
      return failed ? l10n.t('HQ version lacks a feature') : l10n.t('Commerce version suffices');
    case 'ACD010':
      return failed ? l10n.t('A pipeline job is not scheduled') : l10n.t('Pipeline jobs are scheduled');
    case 'ACD011':
      return failed ? l10n.t('A job run failed') : l10n.t('Last job runs succeeded');
    case 'ACD012':
      return failed ? l10n.t('Order for an unsynced customer') : l10n.t('Orders for synced customers');
    case 'ACD013':
      return failed ? l10n.t('Loyalty card before account number') : l10n.t('Loyalty cards have account numbers');
    case 'ACD106':
      return failed ? l10n.t('An action was refused') : l10n.t('Every action accepted');
    case 'ACD109':
      return failed ? l10n.t('A reference is ambiguous') : l10n.t('References are unambiguous');
    default:
      return ruleId;
  }
}
