// The extension's own strings in the language of the setting asyncCustomerDoctor.language.
// vscode.l10n.t follows VS Code's display language only, and a Swedish HQ is often used from an
// English VS Code (and no Swedish language pack exists offline), so the extension reads its
// l10n/bundle.l10n.sv.json itself when the setting (or, with `auto`, VS Code) says Swedish.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { localeOf, type Locale } from '../domain/l10n';
import { form } from '../domain/l10n/plural';

type Arg = string | number | boolean;

let bundleDirectory: string | undefined;
let swedish: Readonly<Record<string, string>> | undefined;

/** Where the bundles are (the extension's l10n/ folder); read on the first Swedish string. */
export function setBundleDirectory(directory: string): void {
  bundleDirectory = directory;
}

/** The language findings, views and the report use: the setting, or VS Code's with `auto`. */
export function currentLocale(): Locale {
  const setting = vscode.workspace.getConfiguration('asyncCustomerDoctor').get<string>('language', 'auto');
  return setting === 'en' || setting === 'sv' ? setting : localeOf(vscode.env.language);
}

/**
 * Keeps the context key asyncCustomers.language in step with the setting: the manifest shows the
 * Swedish walkthrough (media/walkthrough/sv/) when it is 'sv', the English one otherwise.
 */
export function publishLanguage(): vscode.Disposable {
  const publish = () => void vscode.commands.executeCommand('setContext', 'asyncCustomers.language', currentLocale());
  publish();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('asyncCustomerDoctor.language')) {
      publish();
    }
  });
}

/** The string in the current language, {0}, {1}, ... replaced by the arguments. */
export function t(message: string, ...args: Arg[]): string {
  return format(currentLocale() === 'sv' ? (swedishBundle()[message] ?? message) : message, args);
}

/** The form of a counted string that agrees with n ('{0} row' or '{0} rows'), n as {0}. */
export function tn(n: number, one: string, other: string, ...args: Arg[]): string {
  return t(form(currentLocale(), n, one, other), n, ...args);
}

function format(template: string, args: readonly Arg[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

function swedishBundle(): Readonly<Record<string, string>> {
  if (!swedish) {
    try {
      swedish = JSON.parse(readFileSync(join(bundleDirectory ?? join(__dirname, '..', 'l10n'), 'bundle.l10n.sv.json'), 'utf8')) as Record<string, string>;
    } catch {
      // A missing bundle leaves the strings in English rather than breaking a view.
      swedish = {};
    }
  }
  return swedish;
}
