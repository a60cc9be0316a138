/**
 * Refuses a translator's or reviewer's write that changes a shared (non-localized) field: the
 * request fails with 403 and a message naming collection, fields and locale, before anything is
 * stored. A shared field sent unchanged (the admin form sends the whole document) passes. Wired by
 * cms/access/translated-fields-only.ts.
 */
import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type FieldHook,
  type PayloadRequest,
} from 'payload';
import { editsTranslatedTextsOnly, hasRole, workLocalesOf } from '../access/roles.ts';

/**
 * A shared field the request changes: its value, or (`rows`) which rows an array or blocks field
 * has.
 */
interface SharedChange {
  path: string;
  rows?: boolean;
}

// Field hooks note changes against the request's data object; the collection hook, which runs after
// all field hooks and before anything is written, throws once with all of them. Field access has by
// then put the stored values back, so the changes must be noted before it runs: field
// beforeValidate hooks do.
const changesByData = new WeakMap<object, SharedChange[]>();

const mustCheck = (
  req: PayloadRequest,
  operation: string | undefined,
  overrideAccess: boolean | undefined,
) => operation === 'update' && !overrideAccess && editsTranslatedTextsOnly(req);

function note(data: object | undefined, change?: SharedChange) {
  if (!data) return;
  const changes = changesByData.get(data) ?? [];
  if (change) changes.push(change);
  changesByData.set(data, changes);
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);
const idOf = (ref: unknown) =>
  String(ref && typeof ref === 'object' && 'id' in ref ? (ref as { id: unknown }).id : ref);
type PolymorphicRef = { relationTo: string; value: unknown };
const refKey = (ref: unknown) =>
  ref && typeof ref === 'object' && 'relationTo' in ref
    ? `${(ref as PolymorphicRef).relationTo}:${idOf((ref as PolymorphicRef).value)}`
    : idOf(ref);

/**
 * A field's value in a form that compares equal when it means the same (ids as strings, empty as
 * null).
 */
function comparable(field: { type: string }, value: unknown): unknown {
  if (field.type === 'checkbox') return value === true || value === 'true';
  if (isEmpty(value)) return null;
  switch (field.type) {
    case 'number':
      return Array.isArray(value) ? value.map(Number) : Number(value);
    case 'relationship':
    case 'upload':
      return Array.isArray(value) ? value.map(refKey) : refKey(value);
    case 'date':
      return new Date(value as string).getTime();
    default:
      return value;
  }
}

/** JSON with sorted object keys, so that `{a, b}` and `{b, a}` compare equal. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

const sameValue = (field: { type: string }, a: unknown, b: unknown) =>
  stableJson(comparable(field, a)) === stableJson(comparable(field, b));

/** On every shared field that holds a value: note it when the request sends a different one. */
export const noteSharedValueChange: FieldHook = ({
  data,
  field,
  operation,
  overrideAccess,
  path,
  previousValue,
  req,
  siblingData,
}) => {
  if (!mustCheck(req, operation, overrideAccess)) return undefined;
  note(data);
  const sent = field.name
    ? (siblingData as Record<string, unknown> | undefined)?.[field.name]
    : undefined;
  if (sent !== undefined && !sameValue(field, sent, previousValue))
    note(data, { path: path.join('.') });
  return undefined; // leaves the value as sent: field access then puts the stored one back
};

type Row = { id?: unknown; blockType?: unknown };
const rowKeys = (rows: unknown, stored: Row[] = []) =>
  (Array.isArray(rows) ? rows : []).map((row: Row | null) => {
    const id = row && typeof row === 'object' && row.id != null ? String(row.id) : '(new row)';
    // A row that does not name its block keeps the stored one (Payload does the same).
    const blockType = row?.blockType ?? stored.find((s) => String(s.id) === id)?.blockType ?? '';
    return `${id}/${String(blockType)}`;
  });

/**
 * On every shared array or blocks field: note it when the request adds, removes or reorders rows
 * (matched by id).
 */
export const noteSharedRowsChange: FieldHook = ({
  data,
  field,
  operation,
  overrideAccess,
  path,
  previousValue,
  req,
  siblingData,
}) => {
  if (!mustCheck(req, operation, overrideAccess)) return undefined;
  note(data);
  const sent = field.name
    ? (siblingData as Record<string, unknown> | undefined)?.[field.name]
    : undefined;
  const stored = Array.isArray(previousValue) ? (previousValue as Row[]) : [];
  if (sent !== undefined && rowKeys(sent, stored).join('\n') !== rowKeys(stored).join('\n'))
    note(data, { path: path.join('.'), rows: true });
  return undefined;
};

// Payload's own file fields of an upload collection, which the request may carry: compared here
// because they get no field hooks. (`filename`, `url`, `sizes` are never taken from a request; a
// new file is refused earlier.)
const uploadMetadata = ['mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY'];

// No commas after the message's first colon: the admin's error toast splits the rest at commas into
// a list.
const quoted = (paths: string[]) => paths.map((p) => `"${p}"`).join(' and ');

/**
 * 403 with the message, and `{collection, locale, fields}` as data (REST `errors[0].data`, GraphQL
 * `extensions.data`).
 */
class SharedFieldChangeError extends APIError {
  constructor(req: PayloadRequest, collection: string, where: string[], why: string) {
    const who = hasRole(req, 'translator') ? 'translators' : 'reviewers';
    const locales = workLocalesOf(req).join(' and ') || 'none';
    const fields = where.map((w) => `${collection}/${w}`).join(', ');
    const message =
      `${fields} (editing ${req.locale}): ` +
      `${who} can change only the translated texts of their locales (${locales}); ` +
      `${why}. Ask an author.`;
    super(message, 403, { collection, locale: req.locale, fields: where }, true);
    // spelled out: the admin's production build renames classes
    this.name = 'SharedFieldChangeError';
  }
}

/**
 * Before anything is written: refuse the request when a field hook noted a change of a shared
 * field.
 */
export const refuseSharedFieldChanges: CollectionBeforeValidateHook = ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const noted = data ? changesByData.get(data) : undefined;
  if (!data || !noted) return data;
  changesByData.delete(data);
  const sent = data as Record<string, unknown>;
  const stored = (originalDoc ?? {}) as Record<string, unknown>;
  const changes = [...noted];
  if (collection.upload) {
    for (const field of collection.fields) {
      if (
        'name' in field &&
        uploadMetadata.includes(field.name) &&
        sent[field.name] !== undefined &&
        !sameValue(field, sent[field.name], stored[field.name])
      )
        changes.push({ path: field.name });
    }
  }
  // A value inside a row that is itself added or moved is not worth a second mention.
  const shown = changes.filter(
    (c) => !changes.some((r) => r.rows && r !== c && c.path.startsWith(`${r.path}.`)),
  );
  if (!shown.length) return data;
  const values = shown.filter((c) => !c.rows).map((c) => c.path);
  const rows = shown.filter((c) => c.rows).map((c) => c.path);
  const why = [
    values.length
      ? `${quoted(values)} ${values.length === 1 ? 'is' : 'are'} shared by every language`
      : '',
    rows.length
      ? `the number and order of the rows of ${quoted(rows)} are shared by every language`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
  throw new SharedFieldChangeError(
    req,
    collection.slug,
    shown.map((c) => c.path),
    why,
  );
};

/**
 * Before the operation starts: whole-document changes (restoring a version, a new or re-cropped
 * file) are refused.
 */
export const refuseWholeDocumentChanges: CollectionBeforeOperationHook = ({
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || !editsTranslatedTextsOnly(req)) return undefined;
  if (operation === 'restoreVersion') {
    throw new SharedFieldChangeError(
      req,
      collection.slug,
      ['versions'],
      'restoring a version brings back every field in every language',
    );
  }
  if (operation === 'update' && collection.upload && (req.file || req.query?.uploadEdits)) {
    throw new SharedFieldChangeError(
      req,
      collection.slug,
      ['file'],
      'the file is shared by every language',
    );
  }
  return undefined;
};
