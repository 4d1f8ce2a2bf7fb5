// The FAQ's questions as a checklist for the active scenario, what failed first: each cause failed
// (an error), needs action (a warning), is to note (information), passed or does not apply. The
// first failed cause is revealed (expanded and selected) after each analysis. Labels are short;
// the FAQ's full wording, the finding and the remedy in HQ are in the tooltips.
import * as vscode from 'vscode';
import type { Finding } from '../../domain/finding';
import { causeMood, type CauseMood, MOOD_ORDER } from '../../domain/severity';
import type { CauseResult, QuestionResult } from '../../diagnose/engine';
import * as l10n from '../l10n';
import { branch, icon, leaf, type Node, ScenarioTree, type ScenarioContext } from './base';
import { causeLabel, questionLabel } from './troubleshooterLabels';

const MOOD_ICON: Record<CauseMood, () => vscode.ThemeIcon> = {
  failed: () => icon('error', 'problemsErrorIcon.foreground'),
  warning: () => icon('warning', 'problemsWarningIcon.foreground'),
  toNote: () => icon('info', 'problemsInfoIcon.foreground'),
  passed: () => icon('pass', 'testing.iconPassed'),
  notApplicable: () => icon('circle-slash', 'disabledForeground'),
};

function moodLabel(mood: CauseMood): string {
  switch (mood) {
    case 'failed':
      return l10n.t('failed');
    case 'warning':
      return l10n.t('needs action');
    case 'toNote':
      return l10n.t('to note');
    case 'passed':
      return l10n.t('passed');
    case 'notApplicable':
      return l10n.t('not applicable');
  }
}

function moodOf(cause: CauseResult, findings: readonly Finding[]): CauseMood {
  return causeMood(
    cause.outcome,
    cause.findings.map((i) => findings[i].severity),
  );
}

/** The remedy in HQ as Markdown: the menu path, then what to do. */
function remedyMarkdown(finding: Finding): string {
  if (!finding.remedy) return '';
  return `${l10n.t('In HQ')}: ${finding.remedy.menuPath ? `*${finding.remedy.menuPath}* — ` : ''}${finding.remedy.text}`;
}

export class TroubleshooterView extends ScenarioTree {
  /** The first failed cause of the last render, revealed once its tree is shown. */
  private toReveal?: Node;
  private revealed?: string;

  protected override get followsTravel(): boolean {
    return false;
  }

  protected override message(context: ScenarioContext): string | undefined {
    if (!context.snapshot.scenario.usable) {
      return l10n.t('The scenario cannot be read yet: fix the problems marked in the file (see Problems), then the FAQ walk follows.');
    }
    const failed = context.snapshot.walk.flatMap((q) => q.causes).filter((c) => c.outcome === 'failed').length;
    if (failed > 0) return undefined;
    return context.snapshot.findings.length === 0
      ? l10n.t('No FAQ cause applies to this scenario: nothing is stuck.')
      : l10n.t('No FAQ cause applies; the scenario file has problems of its own (see Problems).');
  }

  protected roots(context: ScenarioContext): Node[] {
    const { snapshot, uri } = context;
    const findings = snapshot.findings;
    const questions = snapshot.walk.map((question) => {
      const causes = [...question.causes].sort((a, b) => MOOD_ORDER[moodOf(a, findings)] - MOOD_ORDER[moodOf(b, findings)]);
      const worst = causes.length > 0 ? moodOf(causes[0], findings) : 'notApplicable';
      return { question, causes, worst };
    });
    questions.sort((a, b) => MOOD_ORDER[a.worst] - MOOD_ORDER[b.worst]);
    let first: Node | undefined;
    const nodes = questions.map(({ question, causes, worst }) => {
      const causeNodes = causes.map((cause) => {
        const node = this.causeNode(cause, moodOf(cause, findings), findings, uri);
        if (!first && cause.outcome === 'failed') first = node;
        return node;
      });
      const questionNode = this.questionNode(question, worst, causeNodes);
      for (const cause of causeNodes) this.setParent(cause, questionNode);
      return questionNode;
    });
    this.toReveal = first;
    return nodes;
  }

  private questionNode(question: QuestionResult, worst: CauseMood, causes: Node[]): Node {
    const failing = worst === 'failed' || worst === 'warning' || worst === 'toNote';
    return branch(
      `question/${question.id}`,
      { kind: 'question', id: question.id },
      questionLabel(question.id),
      () => causes,
      {
        iconPath: MOOD_ICON[worst](),
        contextValue: `question.${worst}`,
        tooltip: question.question,
        accessibilityInformation: { label: `${questionLabel(question.id)}, ${moodLabel(worst)}` },
      },
      failing,
    );
  }

  private causeNode(cause: CauseResult, mood: CauseMood, findings: readonly Finding[], uri: vscode.Uri): Node {
    const label = causeLabel(cause.ruleId, cause.outcome === 'failed');
    const tooltip = new vscode.MarkdownString(`**${moodLabel(mood)}** · ${cause.ruleId}\n\n${cause.label}`);
    // The icon says the mood (no room for a word beside the label at 300 px); the tooltip and screen readers say it in words.
    const options = { iconPath: MOOD_ICON[mood](), contextValue: `cause.${mood}`, tooltip, accessibilityInformation: { label: `${label}, ${moodLabel(mood)}` } };
    const data = { kind: 'cause', ruleId: cause.ruleId } as const;
    if (cause.findings.length === 0) {
      return leaf(`cause/${cause.ruleId}`, data, label, options);
    }
    const first = findings[cause.findings[0]];
    tooltip.appendMarkdown(`\n\n${first.message}${first.remedy ? `\n\n${remedyMarkdown(first)}` : ''}`);
    return branch(
      `cause/${cause.ruleId}`,
      data,
      label,
      () => cause.findings.map((index) => this.findingNode(findings[index], index, uri)),
      { ...options, command: { command: 'asyncCustomers.revealFinding', title: l10n.t('Reveal Finding'), arguments: [uri, cause.findings[0]] } },
      true,
    );
  }

  private findingNode(finding: Finding, index: number, uri: vscode.Uri): Node {
    const line = finding.location.range.start.line + 1;
    return leaf(`finding/${index}`, { kind: 'finding', index }, l10n.t('Line {0}', line), {
      description: finding.message,
      tooltip: new vscode.MarkdownString(`**${finding.ruleId}** ${finding.message}${finding.remedy ? `\n\n${remedyMarkdown(finding)}` : ''}`),
      iconPath: icon('go-to-file'),
      command: { command: 'asyncCustomers.revealFinding', title: l10n.t('Reveal Finding'), arguments: [uri, index] },
    });
  }

  override async getChildren(node?: Node): Promise<Node[]> {
    const children = await super.getChildren(node);
    if (!node) this.revealSoon();
    return children;
  }

  /** Selects the first failed cause once per analysis, so the user sees it without looking for it. */
  private revealSoon(): void {
    const target = this.toReveal;
    const key = `${this.scenarios.activeScenario?.toString() ?? ''}#${this.scenarios.activeScenario ? (this.scenarios.snapshot(this.scenarios.activeScenario)?.version ?? '') : ''}#${target?.id ?? ''}`;
    if (!target || !this.view?.visible || key === this.revealed) return;
    this.revealed = key;
    setTimeout(() => {
      void Promise.resolve(this.view?.reveal(target, { select: true, focus: false, expand: true })).catch(() => undefined);
    }, 50);
  }
}
