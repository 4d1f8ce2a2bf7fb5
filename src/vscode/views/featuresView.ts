// HQ feature management in the simulation: each feature's state, its prerequisites as children.
import * as vscode from 'vscode';
import { localizeFeatureName } from '../../domain/l10n';
import * as l10n from '../l10n';
import type { Node } from '../nodes';
import { icon, leaf, ScenarioTree, type ScenarioContext } from './base';

export class FeaturesView extends ScenarioTree {
  protected async roots({ engine, doc, afterEntry }: ScenarioContext): Promise<Node[]> {
    const features = await engine.request({ kind: 'featureStates', doc, afterEntry });
    const locale = l10n.currentLocale();
    const name = (id: string) => localizeFeatureName(id, locale);
    const label = (id: string, fullName: string) => (locale === 'sv' ? localizeFeatureName(id, locale) : shortFeatureName(id, fullName));
    return features.map((feature) => {
      const state = feature.enabled ? l10n.t('Enabled') : l10n.t('Disabled');
      const blocked = !feature.enabled && feature.missingPrerequisites.length > 0;
      const item = new vscode.TreeItem(
        label(feature.id, feature.name),
        feature.prerequisites.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
      );
      item.description = state;
      item.iconPath = feature.enabled ? icon('pass-filled', 'testing.iconPassed') : icon(blocked ? 'lock' : 'circle-large-outline');
      item.contextValue = feature.enabled ? 'feature.enabled' : blocked ? 'feature.disabled.blocked' : 'feature.disabled';
      item.tooltip = new vscode.MarkdownString(
        `**${name(feature.id)}** (\`${feature.id}\`)\n\n${state}${blocked ? `\n\n${l10n.t('HQ refuses to enable it until these are enabled: {0}', feature.missingPrerequisites.map(name).join(', '))}` : ''}`,
      );
      return {
        id: `feature/${feature.id}`,
        data: { kind: 'feature', id: feature.id, enabled: feature.enabled },
        item,
        children:
          feature.prerequisites.length > 0
            ? () =>
                feature.prerequisites.map((p) =>
                  leaf(`feature/${feature.id}/requires/${p.id}`, { kind: 'prerequisite', feature: feature.id, id: p.id }, label(p.id, p.name), {
                    tooltip: p.name,
                    description: p.enabled ? l10n.t('enabled') : l10n.t('disabled'),
                    iconPath: p.enabled ? icon('pass', 'testing.iconPassed') : icon('warning', 'list.warningForeground'),
                    contextValue: p.enabled ? 'prerequisite.enabled' : 'prerequisite.disabled',
                  }),
                )
            : undefined,
      };
    });
  }
}

/** A name that fits the sidebar; the exact name in Feature management is in the tooltip. */
function shortFeatureName(id: string, name: string): string {
  switch (id) {
    case 'AsyncCustomerEditing':
      return l10n.t('Async customer editing');
    case 'EnhancedAsyncCustomerCreation':
      return l10n.t('Enhanced async creation');
    case 'AsyncCustomerAddressCreation':
      return l10n.t('Async address creation');
    case 'CustomerOrderPerformance':
      return l10n.t('Customer order performance');
    default:
      return name;
  }
}
