// SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format) for a diagnosed scenario:
// one run, the rules that occur, one result per finding with its place in the scenario, the
// evidence rows, and its fixes as replacements of scenario text.
import type * as Sarif from 'sarif';
import type { Evidence, Finding, Location, Severity } from '../domain/finding';
import type { Locale } from '../domain/l10n';
import type { QuestionResult } from '../diagnose/engine';
import { describeRule } from './ruleCatalog';
import { reportLabels } from './labels';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'Async Customer Doctor';

export interface SarifInput {
  /** The scenario file as a URI reference relative to where the SARIF file is read (forward slashes). */
  readonly artifactUri: string;
  readonly findings: readonly Finding[];
  readonly walk: readonly QuestionResult[];
  readonly locale?: Locale;
  readonly redacted?: boolean;
}

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function sarifLog(input: SarifInput): Sarif.Log {
  const locale = input.locale ?? 'en';
  const labels = reportLabels(locale);
  const ruleIds = [...new Set(input.findings.map((f) => f.ruleId))];
  const artifactLocation: Sarif.ArtifactLocation = { uri: input.artifactUri, index: 0 };
  const rules = ruleIds.map((id): Sarif.ReportingDescriptor => {
    const first = input.findings.find((f) => f.ruleId === id)!;
    const rule = describeRule(id, locale);
    const help = [
      first.remedy ? `${labels.inHq}: ${first.remedy.menuPath ? `${first.remedy.menuPath}: ` : ''}${first.remedy.text}` : undefined,
      first.question ? `${labels.faq}: ${first.question}` : undefined,
    ].filter((line): line is string => line !== undefined);
    return {
      id,
      name: rule.name,
      shortDescription: { text: rule.description },
      fullDescription: { text: first.question ? `${rule.description} (${labels.faq}: ${first.question})` : rule.description },
      ...(help.length > 0 ? { help: { text: help.join('\n'), markdown: help.map((line) => line.replace(/^([^:]+):/, '**$1:**')).join('\n\n') } } : {}),
      defaultConfiguration: { level: LEVEL[first.severity] },
    };
  });
  const results = input.findings.map(
    (finding): Sarif.Result => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIds.indexOf(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: physicalLocation(artifactLocation, finding.location) }],
      ...relatedLocations(artifactLocation, finding.evidence),
      ...(finding.fixes.length > 0
        ? {
            fixes: finding.fixes.map(
              (fix): Sarif.Fix => ({
                description: { text: fix.title },
                artifactChanges: [
                  {
                    artifactLocation,
                    replacements: fix.edits.map((edit) => ({
                      deletedRegion: { charOffset: edit.offset, charLength: edit.length },
                      insertedContent: { text: edit.newText },
                    })),
                  },
                ],
              }),
            ),
          }
        : {}),
      properties: {
        ...(finding.question ? { question: finding.question } : {}),
        ...(finding.remedy ? { remedy: finding.remedy } : {}),
        evidence: finding.evidence.map((row) => ({ database: row.database, table: row.table, key: row.key, columns: row.columns })),
      },
    }),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, rules } },
        artifacts: [{ location: { uri: input.artifactUri }, mimeType: 'application/json', roles: ['analysisTarget'] }],
        columnKind: 'utf16CodeUnits',
        results,
        properties: { walk: input.walk, redacted: input.redacted === true },
      },
    ],
  };
}

function physicalLocation(artifactLocation: Sarif.ArtifactLocation, location: Location): Sarif.PhysicalLocation {
  const { start, end } = location.range;
  return {
    artifactLocation,
    region: {
      startLine: start.line + 1,
      startColumn: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      charOffset: location.offset,
      charLength: location.length,
    },
  };
}

function relatedLocations(artifactLocation: Sarif.ArtifactLocation, evidence: readonly Evidence[]): { relatedLocations?: Sarif.Location[] } {
  const related = evidence.flatMap((row, index): Sarif.Location[] =>
    row.location
      ? [{ id: index, physicalLocation: physicalLocation(artifactLocation, row.location), message: { text: `${row.database} · ${row.table} ${row.key}` } }]
      : [],
  );
  return related.length > 0 ? { relatedLocations: related } : {};
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function relativeUri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
