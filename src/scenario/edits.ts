// Edits of the scenario text that fixes are made of: insert timeline entries, set features.
// Entries are written one per line in the file's own indentation, comments are kept.
import { modify, type FormattingOptions } from 'jsonc-parser';
import { FEATURES } from '../domain/features';
import { minimalEdit } from '../domain/text';
import type { Scenario } from './model';

export type EntryValue = string | number | boolean | null | readonly EntryValue[] | { readonly [key: string]: EntryValue | undefined };

export interface RawEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

/** Inserts entries into the timeline before the element at `index` (or at the end). */
export function insertEntries(scenario: Scenario, index: number, written: readonly EntryValue[]): RawEdit {
  const text = scenario.text;
  const entries = written.map((entry) => inFileStyle(scenario, entry));
  const eol = eolOf(text);
  const spans = scenario.timelineElementSpans;
  if (!scenario.timelineSpan) {
    const after = modify(text, ['timeline'], entries, { formattingOptions: formattingOf(text) });
    return minimalEdit(text, applyAll(text, after.map(toRaw)));
  }
  if (spans.length === 0) {
    const array = scenario.timelineSpan;
    const indent = indentOfLine(text, array.offset);
    const inner = indent + unitOf(text);
    return { offset: array.offset, length: array.length, newText: `[${eol}${entries.map((e) => inner + inline(e)).join(`,${eol}`)}${eol}${indent}]` };
  }
  const clamped = Math.max(0, Math.min(index, spans.length));
  if (clamped < spans.length) {
    const before = spans[clamped];
    const indent = indentOfLine(text, before.offset);
    const separator = sameLineAsPrevious(text, before.offset) ? ', ' : `,${eol}${indent}`;
    return { offset: before.offset, length: 0, newText: entries.map(inline).join(separator) + separator };
  }
  const last = spans[spans.length - 1];
  const indent = indentOfLine(text, last.offset);
  const separator = sameLineAsPrevious(text, last.offset) ? ', ' : `,${eol}${indent}`;
  return { offset: last.offset + last.length, length: 0, newText: entries.map((e) => separator + inline(e)).join('') };
}

export function appendEntries(scenario: Scenario, entries: readonly EntryValue[]): RawEdit {
  return insertEntries(scenario, scenario.timelineLength, entries);
}

/** Appends recurring runs to "schedules" (creating it when missing). */
export function appendSchedules(scenario: Scenario, schedules: readonly EntryValue[]): RawEdit {
  let text = scenario.text;
  const options = { formattingOptions: formattingOf(text), isArrayInsertion: true };
  for (const schedule of schedules) {
    text = applyAll(text, modify(text, ['schedules', -1], inFileStyle(scenario, schedule), options).map(toRaw));
  }
  return minimalEdit(scenario.text, text);
}

/** Sets a top-level key (e.g. "commerceVersion") to a value, adding it when missing. */
export function setTopLevel(scenario: Scenario, key: string, value: EntryValue): RawEdit {
  const after = modify(scenario.text, [key], value, { formattingOptions: formattingOf(scenario.text) });
  return minimalEdit(scenario.text, applyAll(scenario.text, after.map(toRaw)));
}

/** Sets one value inside a timeline entry (`path` below the entry), adding the key when missing; the rest of the entry and its comments stay. */
export function setInEntry(scenario: Scenario, index: number, path: readonly string[], value: EntryValue): RawEdit {
  const after = modify(scenario.text, ['timeline', index, ...path], value, { formattingOptions: formattingOf(scenario.text) });
  return minimalEdit(scenario.text, applyAll(scenario.text, after.map(toRaw)));
}

/** Sets feature keys in the "features" object (the key as already written, or the id). */
export function setFeatures(scenario: Scenario, values: readonly { key: string; enabled: boolean }[]): RawEdit {
  let text = scenario.text;
  const options = { formattingOptions: formattingOf(text) };
  for (const { key, enabled } of values) {
    text = applyAll(text, modify(text, ['features', key], enabled, options).map(toRaw));
  }
  return minimalEdit(scenario.text, text);
}

/**
 * An entry written the way the file writes its others: feature names where the file uses names,
 * job numbers where it writes "runJob": 1110.
 */
function inFileStyle(scenario: Scenario, entry: EntryValue): EntryValue {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return entry;
  }
  const out: Record<string, EntryValue | undefined> = { ...(entry as Record<string, EntryValue | undefined>) };
  for (const key of ['enableFeature', 'disableFeature']) {
    const id = out[key];
    if (scenario.style.featureNames && typeof id === 'string') {
      out[key] = FEATURES.find((f) => f.id === id)?.name ?? id;
    }
  }
  const job = out.runJob;
  if (scenario.style.jobIdsAsNumbers && typeof job === 'string' && /^\d+$/.test(job)) {
    out.runJob = Number(job);
  }
  return out;
}

/** One timeline entry on one line: { "runJob": "1110", "channelDatabase": "Default" }. */
function inline(value: EntryValue | undefined): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map(inline).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function toRaw(edit: { offset: number; length: number; content?: string }): RawEdit {
  return { offset: edit.offset, length: edit.length, newText: edit.content ?? '' };
}

function applyAll(text: string, edits: readonly RawEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, edit.offset) + edit.newText + out.slice(edit.offset + edit.length);
  }
  return out;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function indentOfLine(text: string, offset: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function sameLineAsPrevious(text: string, offset: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  return text.slice(lineStart, offset).trim().length > 0;
}

function unitOf(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  if (!match) {
    return '  ';
  }
  return match[1].startsWith('\t') ? '\t' : ' '.repeat(Math.min(match[1].length, 4));
}

function formattingOf(text: string): FormattingOptions {
  const unit = unitOf(text);
  return { insertSpaces: unit !== '\t', tabSize: unit === '\t' ? 4 : unit.length, eol: eolOf(text) };
}
