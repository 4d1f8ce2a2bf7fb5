// The user's header mapping (`--mapping FILE.json`): extra header names for the fields of
// each export kind, tried before the documented ones. Shape:
//
//   { "headers": { "downloadSessions": { "dataStore": ["Kanaldatabas", "Store DB"] },
//                  "featureManagement": { "featureName": "Funktionsnamn" } } }
//
// Kinds and fields are the names KIND_SPECS uses; a value is one header name or a list.
import { EvidenceOptionError } from './errors';
import { EVIDENCE_KINDS, type EvidenceKind, KIND_SPECS } from './kinds';

/** Extra header names per kind and field. */
export type HeaderMapping = Partial<Record<EvidenceKind, Readonly<Record<string, readonly string[]>>>>;

export const EMPTY_MAPPING: HeaderMapping = {};

/** Validates a parsed mapping file; every problem names its place in the file. */
export function parseHeaderMapping(source: string, json: unknown): HeaderMapping {
  if (!isPlainObject(json)) {
    throw new EvidenceOptionError(source, 'expected a JSON object like { "headers": { "downloadSessions": { "dataStore": ["Kanaldatabas"] } } }');
  }
  for (const key of Object.keys(json)) {
    if (key !== 'headers' && key !== '$schema' && key !== 'description') {
      throw new EvidenceOptionError(source, `unknown key "${key}"; expected "headers" (and optionally "description")`);
    }
  }
  const headers = json.headers;
  if (headers === undefined) {
    return EMPTY_MAPPING;
  }
  if (!isPlainObject(headers)) {
    throw new EvidenceOptionError(source, `"headers" must be an object whose keys are export kinds: ${EVIDENCE_KINDS.join(', ')}`);
  }
  const mapping: Partial<Record<EvidenceKind, Record<string, readonly string[]>>> = {};
  for (const [kindName, fields] of Object.entries(headers)) {
    const spec = KIND_SPECS.find((k) => k.kind === kindName);
    if (!spec) {
      throw new EvidenceOptionError(source, `headers.${kindName}: unknown export kind; expected one of ${EVIDENCE_KINDS.join(', ')}`);
    }
    if (!isPlainObject(fields)) {
      throw new EvidenceOptionError(source, `headers.${kindName}: expected an object whose keys are fields: ${spec.fields.map((f) => f.field).join(', ')}`);
    }
    const perField: Record<string, readonly string[]> = {};
    for (const [field, names] of Object.entries(fields)) {
      if (!spec.fields.some((f) => f.field === field)) {
        throw new EvidenceOptionError(source, `headers.${kindName}.${field}: unknown field; expected one of ${spec.fields.map((f) => f.field).join(', ')}`);
      }
      const list = typeof names === 'string' ? [names] : names;
      if (!Array.isArray(list) || list.length === 0 || !list.every((n) => typeof n === 'string' && n.trim() !== '')) {
        throw new EvidenceOptionError(source, `headers.${kindName}.${field}: expected a header name or a non-empty list of header names`);
      }
      perField[field] = list as string[];
    }
    mapping[spec.kind] = perField;
  }
  return mapping;
}

/** Reads a mapping file's text: JSON syntax errors are reported like validation errors. */
export function parseHeaderMappingText(source: string, text: string): HeaderMapping {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new EvidenceOptionError(source, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseHeaderMapping(source, json);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
