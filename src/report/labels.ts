// The words the reports put around findings, in English and Swedish.
import type { Severity } from '../domain/finding';
import type { CauseMood } from '../domain/severity';
import type { Locale } from '../domain/l10n';
import { count } from '../domain/l10n/plural';

interface ReportLabels {
  readonly scenario: string;
  readonly findings: (n: number, errors: number) => string;
  readonly troubleshooter: string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  /** A cause as the Troubleshooter shows it: information is "to note", never "failed". */
  readonly outcome: Readonly<Record<CauseMood, string>>;
  readonly lineColumn: (line: number, column: number) => string;
  readonly faq: string;
  readonly inHq: string;
  readonly fix: string;
  readonly evidence: string;
  readonly scenarioLine: string;
  /** The banner of a redacted report; `withCopy` when the redacted scenario copy goes with it (the support bundle). */
  readonly redacted: (withCopy: boolean) => string;
  readonly severity: Readonly<Record<Severity, string>>;
}

const en: ReportLabels = {
  scenario: 'Scenario',
  findings: (n, errors) => `${count('en', n, 'finding', 'findings')}, ${count('en', errors, 'error', 'errors')}.`,
  troubleshooter: 'Troubleshooter',
  findingsHeading: 'Findings',
  noFindings: 'No findings.',
  outcome: { passed: '✅ passed', failed: '❌ failed', warning: '⚠️ needs action', toNote: 'ℹ️ to note', notApplicable: '➖ not applicable' },
  lineColumn: (line, column) => `line ${line}, column ${column}`,
  faq: 'FAQ',
  inHq: 'In HQ',
  fix: 'Fix',
  evidence: 'Evidence',
  scenarioLine: 'Scenario line',
  redacted: (withCopy) =>
    withCopy
      ? 'Redacted: names, emails, phone numbers and addresses (street, ZIP/postal code, city) in this report and in the scenario copy are pseudonyms (the same value has the same pseudonym throughout; countries/regions are kept); comments were removed.'
      : 'Redacted: names, emails, phone numbers and addresses (street, ZIP/postal code, city) in this report are pseudonyms (the same value has the same pseudonym throughout; countries/regions are kept).',
  severity: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};

const sv: ReportLabels = {
  scenario: 'Scenario',
  findings: (n, errors) => `${count('sv', n, 'anmärkning', 'anmärkningar')}, ${count('sv', errors, 'fel', 'fel')}.`,
  troubleshooter: 'Felsökning',
  findingsHeading: 'Anmärkningar',
  noFindings: 'Inga anmärkningar.',
  outcome: { passed: '✅ godkänd', failed: '❌ underkänd', warning: '⚠️ kräver åtgärd', toNote: 'ℹ️ att notera', notApplicable: '➖ ej tillämplig' },
  lineColumn: (line, column) => `rad ${line}, kolumn ${column}`,
  faq: 'Vanliga frågor',
  inHq: 'I HQ',
  // Not 'Åtgärd': that is an operation on the Kundsynkroniseringsstatus page.
  fix: 'Korrigering',
  evidence: 'Belägg',
  scenarioLine: 'Scenariorad',
  redacted: (withCopy) =>
    withCopy
      ? 'Maskerad: namn, e-postadresser, telefonnummer och adresser (gatuadress, postnummer, ort) i rapporten och i scenariokopian är pseudonymer (samma värde har samma pseudonym överallt; länder/regioner är kvar); kommentarerna har tagits bort.'
      : 'Maskerad: namn, e-postadresser, telefonnummer och adresser (gatuadress, postnummer, ort) i rapporten är pseudonymer (samma värde har samma pseudonym överallt; länder/regioner är kvar).',
  severity: { error: 'fel', warning: 'varning', information: 'information', hint: 'tips' },
};

export function reportLabels(locale: Locale): ReportLabels {
  return locale === 'sv' ? sv : en;
}
