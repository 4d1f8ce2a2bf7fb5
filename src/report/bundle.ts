// One diagnosis rendered as the files a user sends to support: the Markdown report, the SARIF
// file and a copy of the scenario, redacted by default. Pure: the caller writes the files.
import type { SqlJsStatic } from 'sql.js';
import type { Finding } from '../domain/finding';
import type { Locale } from '../domain/l10n';
import { analyze, type QuestionResult } from '../diagnose/engine';
import { markdownReport } from './markdown';
import { redactScenario } from './redact';
import { relativeUri, sarifLog } from './sarif';

export interface ReportSource {
  /** The scenario's file name or path as the user knows it; only its last segment is used in the bundle. */
  readonly file: string;
  readonly text: string;
  readonly locale?: Locale;
  /** Pseudonyms for names, emails, phone numbers and addresses (street, zip code, city); comments removed. */
  readonly redact: boolean;
}

export interface DiagnosedSource {
  /** The scenario text that was diagnosed: the redacted copy when redacting. */
  readonly text: string;
  /** The file name as reports show it (redacted when redacting). */
  readonly displayName: string;
  readonly title: string;
  readonly findings: readonly Finding[];
  readonly walk: readonly QuestionResult[];
  /** False when the text is not a scenario at all. */
  readonly usable: boolean;
  readonly redacted: boolean;
}

/** Redacts (when asked) and then diagnoses, so every message and evidence row is built from pseudonyms. */
export function diagnoseForReport(sql: SqlJsStatic, source: ReportSource): DiagnosedSource {
  const name = baseName(source.file);
  const redaction = source.redact ? redactScenario(source.text) : undefined;
  const text = redaction ? redaction.text : source.text;
  const displayName = redaction ? redaction.redactText(name) : name;
  const analysis = analyze(sql, text, { locale: source.locale ?? 'en' });
  return {
    text,
    displayName,
    title: analysis.scenario.name ?? displayName.replace(/\.asyncscenario\.json$/i, ''),
    findings: analysis.findings,
    walk: analysis.walk,
    usable: analysis.scenario.usable,
    redacted: source.redact,
  };
}

export interface BundleFile {
  readonly name: string;
  readonly content: string;
}

export interface SupportBundle {
  /** The Markdown report, the SARIF file and the scenario copy, to be written side by side. */
  readonly files: readonly [BundleFile, BundleFile, BundleFile];
  readonly findings: readonly Finding[];
  readonly redacted: boolean;
}

export interface SupportBundleOptions {
  readonly locale?: Locale;
  /** Default true: the bundle leaves the user's hands. */
  readonly redact?: boolean;
  /** When the bundle was made (ISO-8601); now by default. */
  readonly generatedAt?: string;
}

/** The files of Export Support Bundle for one scenario. */
export function supportBundle(sql: SqlJsStatic, file: string, text: string, options: SupportBundleOptions = {}): SupportBundle {
  const locale = options.locale ?? 'en';
  const diagnosed = diagnoseForReport(sql, { file, text, locale, redact: options.redact ?? true });
  const stem = diagnosed.displayName.replace(/\.asyncscenario\.json$/i, '').replace(/\.jsonc?$/i, '') || 'scenario';
  const copyName = `${stem}.asyncscenario.json`;
  const report = markdownReport({
    title: diagnosed.title,
    file: copyName,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    findings: diagnosed.findings,
    walk: diagnosed.walk,
    locale,
    redacted: diagnosed.redacted,
    withScenarioCopy: true,
  });
  const sarif = sarifLog({ artifactUri: relativeUri(copyName), findings: diagnosed.findings, walk: diagnosed.walk, locale, redacted: diagnosed.redacted });
  return {
    files: [
      { name: `${stem}.report.md`, content: report },
      { name: `${stem}.sarif`, content: `${JSON.stringify(sarif, null, 2)}\n` },
      { name: copyName, content: diagnosed.text },
    ],
    findings: diagnosed.findings,
    redacted: diagnosed.redacted,
  };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
