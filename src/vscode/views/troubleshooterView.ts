// The FAQ's questions as a checklist for the active scenario: each cause passed, failed or not
// applicable. A failed cause leads to its findings in the scenario file.
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import { branch, icon, leaf, type Node, ScenarioTree, type ScenarioContext } from './base';

const OUTCOME_ICON = {
  passed: () => icon('pass-filled', 'testing.iconPassed'),
  failed: () => icon('error', 'testing.iconFailed'),
  notApplicable: () => icon('circle-slash', 'disabledForeground'),
};

export class TroubleshooterView extends ScenarioTree {
  protected override message(context: ScenarioContext): string | undefined {
    const failed = context.snapshot.walk.flatMap((q) => q.causes).filter((c) => c.outcome === 'failed').length;
    return failed === 0 ? l10n.t('No FAQ cause applies to this scenario.') : undefined;
  }

  protected roots(context: ScenarioContext): Node[] {
    const { snapshot, uri } = context;
    return snapshot.walk.map((question) => {
      const worst = question.causes.some((c) => c.outcome === 'failed') ? 'failed' : question.causes.some((c) => c.outcome === 'passed') ? 'passed' : 'notApplicable';
      return branch(
        `question/${question.id}`,
        { kind: 'question', id: question.id },
        question.question,
        () =>
          question.causes.map((cause) => {
            const label = cause.label;
            const outcome = OUTCOME_LABEL()[cause.outcome];
            if (cause.findings.length === 0) {
              return leaf(`cause/${cause.ruleId}`, { kind: 'cause', ruleId: cause.ruleId }, label, { description: `${outcome} · ${cause.ruleId}`, iconPath: OUTCOME_ICON[cause.outcome](), contextValue: `cause.${cause.outcome}` });
            }
            return branch(
              `cause/${cause.ruleId}`,
              { kind: 'cause', ruleId: cause.ruleId },
              label,
              () =>
                cause.findings.map((index) => {
                  const finding = snapshot.findings[index];
                  return leaf(`finding/${index}`, { kind: 'finding', index }, finding.message, {
                    description: l10n.t('line {0}', finding.location.range.start.line + 1),
                    tooltip: new vscode.MarkdownString(`**${finding.ruleId}** ${finding.message}${finding.remedy ? `\n\n*${finding.remedy.menuPath ?? ''}* ${finding.remedy.text}` : ''}`),
                    iconPath: icon('debug-stackframe-dot'),
                    command: { command: 'asyncCustomers.revealFinding', title: l10n.t('Reveal Finding'), arguments: [uri, index] },
                  });
                }),
              {
                description: `${outcome} · ${cause.ruleId}`,
                iconPath: OUTCOME_ICON[cause.outcome](),
                contextValue: `cause.${cause.outcome}`,
                command: { command: 'asyncCustomers.revealFinding', title: l10n.t('Reveal Finding'), arguments: [uri, cause.findings[0]] },
              },
              true,
            );
          }),
        { iconPath: OUTCOME_ICON[worst](), contextValue: `question.${worst}` },
        true,
      );
    });
  }
}

function OUTCOME_LABEL() {
  return { passed: l10n.t('passed'), failed: l10n.t('failed'), notApplicable: l10n.t('not applicable') };
}
