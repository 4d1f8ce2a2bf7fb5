// Redaction of a scenario's text before it is diagnosed, so every message, evidence row, fix
// title and the scenario copy are built from pseudonyms and no personal value survives.
// Values are judged by where they are in the file (an allow-list of non-personal places: ids,
// flags, feature and job ids, customer groups, countries/regions); everything else a person could
// have typed (an address's street, zip code and city included) becomes a pseudonym that keeps
// what the diagnosis depends on: an empty value stays empty, a malformed email stays malformed,
// a valid one valid, and a reference ("Ana Berg", "ana@example.com") maps to the pseudonyms of
// the same customer. Comments are removed.
import { type JSONPath, ParseErrorCode, visit } from 'jsonc-parser';
import { applyEdits } from '../domain/text';

type Kind = 'keep' | 'name' | 'email' | 'phone' | 'street' | 'zip' | 'city' | 'reference' | 'text' | 'other';

export interface Redaction {
  /** The scenario text with every personal value replaced and comments removed. */
  readonly text: string;
  /** Free text (a title, a file name) with every personal value the scenario holds replaced. */
  redactText(text: string): string;
}

interface Literal {
  readonly offset: number;
  readonly length: number;
  readonly value: string | number;
  readonly kind: Kind;
}

const KEEP_TOP = new Set(['$schema', 'start', 'commerceVersion', 'csuCacheDuration', 'features', 'channelDatabases', 'schedules']);
const CHANNEL_KEYS = new Set(['id', 'kind', 'channelDatabase', 'asyncCustomerCreation', 'asyncCustomerOrders', 'filterSharedCustomerDataTables']);
const KEEP_ACTIONS = new Set(['enableFeature', 'disableFeature', 'runJob', 'runBatch', 'advance']);
const FIELD_KINDS: Readonly<Record<string, Kind>> = {
  firstName: 'name',
  lastName: 'name',
  email: 'email',
  secondaryEmail: 'email',
  phone: 'phone',
  secondaryPhone: 'phone',
  street: 'street',
  zip: 'zip',
  customer: 'reference',
  operation: 'reference',
  channel: 'keep',
  offline: 'keep',
  realtimeCallFails: 'keep',
  title: 'keep',
  customerGroup: 'keep',
  affiliations: 'keep',
  city: 'city',
  countryRegion: 'keep',
  mode: 'keep',
};
const ACTION_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  createCustomer: new Set(['channel', 'firstName', 'lastName', 'email', 'phone', 'title', 'customerGroup', 'secondaryEmail', 'secondaryPhone', 'offline', 'realtimeCallFails', 'affiliations']),
  editCustomer: new Set(['channel', 'customer', 'offline', 'firstName', 'lastName', 'email', 'phone', 'title', 'customerGroup']),
  createAddress: new Set(['channel', 'customer', 'offline', 'street', 'city', 'zip', 'countryRegion']),
  editFailedOperation: new Set(['operation', 'firstName', 'lastName', 'email', 'phone', 'title', 'customerGroup', 'street', 'city', 'zip', 'countryRegion']),
  updateChannel: new Set(['channel', 'asyncCustomerCreation', 'filterSharedCustomerDataTables']),
  generateCustomers: new Set(['count', 'channels', 'countryRegion', 'offline']),
  createCustomerOrder: new Set(['channel', 'customer', 'mode']),
  createSale: new Set(['channel', 'customer']),
  issueLoyaltyCard: new Set(['channel', 'customer']),
};
const ADDRESS_FIELDS = new Set(['street', 'city', 'zip', 'countryRegion']);
/** A status line as an export shows it: ids and states, and the error text someone copied from HQ. */
const OBSERVED_FIELDS: Readonly<Record<string, Kind>> = {
  channel: 'keep',
  asyncCustomerAccount: 'keep',
  customerAccount: 'keep',
  operation: 'keep',
  status: 'keep',
  lastKnownError: 'text',
};

/** What a value at `path` is, from the scenario format (src/scenario/parse.ts). */
function kindAt(path: JSONPath): Kind {
  const [top, index, key, ...rest] = path;
  if (path.length === 0) return 'other';
  if (typeof top === 'string' && KEEP_TOP.has(top)) return 'keep';
  if (top === 'name' || top === 'description') return path.length === 1 ? 'text' : 'other';
  if (top === 'channels') return path.length === 3 && typeof key === 'string' && CHANNEL_KEYS.has(key) ? 'keep' : 'other';
  if (top !== 'timeline' || typeof index !== 'number' || typeof key !== 'string') return 'other';
  if (key === 'at' || key === 'channelDatabase') return path.length === 3 ? 'keep' : 'other';
  // A failed run's message is free text someone copied from HQ.
  if (key === 'fails') return path.length === 3 ? 'text' : 'other';
  if (KEEP_ACTIONS.has(key)) return 'keep';
  if (key === 'resync') return rest.length === 0 || (rest.length === 1 && rest[0] === 'operation') ? 'reference' : 'other';
  return actionFieldKind(key, rest);
}

function actionFieldKind(action: string, rest: JSONPath): Kind {
  const fields = ACTION_FIELDS[action];
  const [field, sub] = rest;
  if (action === 'observedOperation') return typeof field === 'string' && sub === undefined ? (OBSERVED_FIELDS[field] ?? 'other') : 'other';
  if (!fields || typeof field !== 'string') return 'other';
  if (field === 'address' && (action === 'createCustomer' || action === 'createAddress')) {
    return typeof sub === 'string' && ADDRESS_FIELDS.has(sub) ? (FIELD_KINDS[sub] ?? 'other') : 'other';
  }
  if (field === 'set' && action === 'editFailedOperation') {
    return typeof sub === 'string' && fields.has(sub) ? (FIELD_KINDS[sub] ?? 'other') : 'other';
  }
  if (!fields.has(field)) return 'other';
  if (action === 'generateCustomers' || action === 'updateChannel') return 'keep';
  return FIELD_KINDS[field] ?? 'other';
}

/** An email address inside free text: no white space, quotes or brackets, a dot in the domain. */
const EMAIL_IN_TEXT = /[^\s'"<>()[\],;:]+@[^\s'"<>()[\],;:]+\.[^\s'"<>()[\],;:]*[^\s'"<>()[\],;:.]/g;

/** HQ's email check (the simulation's model): one '@' after something, no white space, a dot inside the domain. */
export function isValidEmail(email: string): boolean {
  const at = email.indexOf('@');
  return at > 0 && email.indexOf('@', at + 1) < 0 && !/[ \t\n\r]/.test(email) && /^.+\..+$/s.test(email.slice(at + 1));
}

const NAME_WORDS = ['Alfa', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett', 'Kilo', 'Lima', 'Mike'];
const MORE_NAME_WORDS = ['November', 'Oscar', 'Papa', 'Quebec', 'Romeo', 'Sierra', 'Tango', 'Uniform', 'Victor', 'Whiskey', 'Xray', 'Yankee', 'Zulu'];
const GIVEN = [...NAME_WORDS, ...MORE_NAME_WORDS];

/** One table per kind of value: the same value (case and surrounding spaces ignored) gets the same pseudonym. */
class Pseudonyms {
  private readonly tables = new Map<string, Map<string, string>>();
  private readonly taken = new Set<string>();

  constructor(private readonly originals: ReadonlySet<string>) {}

  get(table: string, value: string, make: (n: number) => string): string {
    const key = value.trim().toLowerCase();
    let entries = this.tables.get(table);
    if (!entries) {
      entries = new Map();
      this.tables.set(table, entries);
    }
    const known = entries.get(key);
    if (known !== undefined) return known;
    // Never hand out a pseudonym that is itself one of the file's personal values.
    let n = entries.size + 1;
    let candidate = make(n);
    while (this.originals.has(candidate.toLowerCase()) || this.taken.has(`${table}\u0000${candidate.toLowerCase()}`)) {
      candidate = make(++n);
    }
    this.taken.add(`${table}\u0000${candidate.toLowerCase()}`);
    entries.set(key, candidate);
    return candidate;
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GENERATED_EMAIL = /^customer\d+@example\.com$/i;

export function redactScenario(text: string): Redaction {
  const literals: Literal[] = [];
  const removals: { offset: number; length: number; newText: string }[] = [];
  let generates = false;
  visit(
    text,
    {
      onLiteralValue: (value: unknown, offset, length, _line, _column, pathSupplier) => {
        if (typeof value === 'string' || typeof value === 'number') {
          const kind = kindAt(pathSupplier());
          if (kind !== 'keep') literals.push({ offset, length, value, kind });
        }
      },
      onObjectProperty: (property) => {
        if (property === 'generateCustomers') generates = true;
      },
      onComment: (offset, length) => {
        removals.push({ offset, length, newText: text.slice(offset, offset + length).replace(/[^\r\n]/g, '') });
      },
      onError: (error, offset, length) => {
        // A bare word JSON cannot read may hold a name as well.
        if (error === ParseErrorCode.InvalidSymbol && length > 0 && /[\p{L}\p{N}]/u.test(text.slice(offset, offset + length))) {
          removals.push({ offset, length, newText: 'redacted' });
        }
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );

  const strings = literals.filter((l): l is Literal & { value: string } => typeof l.value === 'string');
  const originals = new Set<string>();
  for (const literal of strings) {
    originals.add(literal.value.trim().toLowerCase());
    for (const word of literal.value.split(/[\s-]+/)) if (word) originals.add(word.toLowerCase());
  }
  const knownEmails = new Set(strings.filter((l) => l.kind === 'email').map((l) => l.value.trim().toLowerCase()));
  const pseudonyms = new Pseudonyms(originals);
  const seen = new Map<string, string>();
  const remember = (original: string, pseudonym: string) => {
    if (original.trim() !== '' && original.trim() !== pseudonym.trim()) seen.set(original.trim().toLowerCase(), pseudonym.trim());
  };

  const nameWords = (value: string) =>
    // Word by word (hyphenated names too), keeping the spaces: "Ana Berg" as one first name or as
    // first and last name gives the same reference either way.
    value.replace(/[^\s-]+/g, (word) => {
      const pseudonym = pseudonyms.get('name', word, (n) => (n <= GIVEN.length ? GIVEN[n - 1] : `${GIVEN[(n - 1) % GIVEN.length]}${Math.ceil(n / GIVEN.length)}`));
      remember(word, pseudonym);
      return pseudonym;
    });
  const keepingSpaces = (value: string, replace: (core: string) => string) => {
    const core = value.trim();
    if (core === '') return value;
    const start = value.indexOf(core);
    const pseudonym = replace(core);
    remember(core, pseudonym);
    return value.slice(0, start) + pseudonym + value.slice(start + core.length);
  };
  const email = (value: string) =>
    keepingSpaces(value, (core) =>
      pseudonyms.get('email', core, (n) => (isValidEmail(core) ? `person${n}@example.invalid` : `person${n}.at.example.invalid`)),
    );
  const redactString = (kind: Kind, value: string): string => {
    switch (kind) {
      case 'name':
        return nameWords(value);
      case 'email':
        return email(value);
      case 'phone':
        return keepingSpaces(value, (core) => pseudonyms.get('phone', core, (n) => `+00 000 ${String(n).padStart(4, '0')}`));
      case 'street':
        return keepingSpaces(value, (core) => pseudonyms.get('street', core, (n) => `Street ${n}`));
      case 'zip':
        return keepingSpaces(value, (core) => pseudonyms.get('zip', core, (n) => String(n).padStart(5, '0')));
      case 'city':
        return keepingSpaces(value, (core) => pseudonyms.get('city', core, (n) => `City ${n}`));
      case 'reference':
        return reference(value);
      case 'other':
        return keepingSpaces(value, (core) => pseudonyms.get('other', core, (n) => `redacted-${n}`));
      default:
        return value;
    }
  };
  const reference = (value: string): string => {
    const key = value.trim().toLowerCase();
    if (knownEmails.has(key)) return email(value);
    // Operation ids, temporary ids and account numbers (100001 on) say nothing about a person; a
    // phone number used as a reference (a leading 0, ten digits or more) is not kept.
    if (/^ASYNC-\d+$/i.test(key) || GUID.test(key) || /^[1-9]\d{0,8}$/.test(key) || (generates && GENERATED_EMAIL.test(key))) return value;
    return key.includes('@') ? email(value) : nameWords(value);
  };

  const edits: { offset: number; length: number; newText: string }[] = [...removals];
  // Names, emails and the rest first, so the free text (a title naming a customer) can use their pseudonyms.
  const texts: Literal[] = [];
  for (const literal of literals) {
    if (literal.kind === 'text' && typeof literal.value === 'string') {
      texts.push(literal);
    } else if (typeof literal.value === 'number') {
      const digits = pseudonyms.get(`number-${literal.kind}`, String(literal.value), (n) => String(10_000_000 + n));
      remember(text.slice(literal.offset, literal.offset + literal.length), digits);
      edits.push({ offset: literal.offset, length: literal.length, newText: digits });
    } else {
      const redacted = redactString(literal.kind, literal.value);
      if (redacted !== literal.value) edits.push({ offset: literal.offset, length: literal.length, newText: JSON.stringify(redacted) });
    }
  }
  // Free text copied from HQ (a failed run's message, a last known error) can hold an email the
  // rest of the file does not: every email-shaped word gets its pseudonym too.
  const ownEmails = texts.map((literal) => String(literal.value).replace(EMAIL_IN_TEXT, (match) => email(match)));
  const redactText = freeTextRedactor(seen);
  texts.forEach((literal, i) => {
    edits.push({ offset: literal.offset, length: literal.length, newText: JSON.stringify(redactText(ownEmails[i])) });
  });
  return { text: applyEdits(text, withoutOverlaps(edits)), redactText };
}

/** Replaces every known personal value in free text, whole words only, longest first. */
function freeTextRedactor(seen: ReadonlyMap<string, string>): (text: string) => string {
  const originals = [...seen.keys()].sort((a, b) => b.length - a.length);
  if (originals.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${originals.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, (match) => seen.get(match.toLowerCase()) ?? match);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An error inside a literal and the literal itself may both ask for an edit; the literal's wins. */
function withoutOverlaps<T extends { offset: number; length: number }>(edits: T[]): T[] {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const out: T[] = [];
  let end = -1;
  for (const edit of sorted) {
    if (edit.offset >= end) {
      out.push(edit);
      end = edit.offset + Math.max(edit.length, 0);
    }
  }
  return out;
}
