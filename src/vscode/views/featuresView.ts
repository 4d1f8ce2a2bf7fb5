// HQ feature management in the simulation: each feature's state, its prerequisites as children.
import * as vscode from 'vscode';
import { localizeFeatureName } from '../../domain/l10n';
import * as l10n from '../l10n';
import type { Node } from '../nodes';
import { icon, leaf, ScenarioTree, type ScenarioContext } from './base';

export class FeaturesView extends ScenarioTree {
  protected async roots({ engine, doc }: ScenarioContext): Promise<Node[]> {
    const features = await engine.request({ kind: 'featureStates', doc });
    const locale = l10n.currentLocale();
    const name = (id: string) => localizeFeatureName(id, locale);
    return features.map((feature) => {
      const state = feature.enabled ? l10n.t('Enabled') : l10n.t('Disabled');
      const blocked = !feature.enabled && feature.missingPrerequisites.length > 0;
      const item = new vscode.TreeItem(
        name(feature.id),
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
                  leaf(`feature/${feature.id}/requires/${p.id}`, { kind: 'prerequisite', feature: feature.id, id: p.id }, name(p.id), {
                    description: p.enabled ? l10n.t('prerequisite, enabled') : l10n.t('prerequisite, disabled'),
                    iconPath: p.enabled ? icon('pass', 'testing.iconPassed') : icon('warning', 'list.warningForeground'),
                    contextValue: p.enabled ? 'prerequisite.enabled' : 'prerequisite.disabled',
                  }),
                )
            : undefined,
      };
    });
  }
}
