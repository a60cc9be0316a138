/**
 * `payload generate:types` (npm run cms:types) writes the types of the environment it runs in: the
 * id type of the DATABASE_URI adapter and the locales of POLYCOURSE_EXTRA_LOCALES. The committed
 * cms/payload-types.ts must hold for every database and setting, so before it is written its JSON
 * schema is widened:
 * - a document id (and a relationship holding one) is `string | number`: numbers with SQLite and
 *   PostgreSQL, strings with MongoDB;
 * - a locale is any string: POLYCOURSE_EXTRA_LOCALES adds locales at run time (select fields keep
 *   their options, e.g. a course's `languages`).
 */
import type { Config } from 'payload';

type SchemaHook = NonNullable<NonNullable<Config['typescript']>['schema']>[number];
type JSONSchema = ReturnType<SchemaHook>;

const idTypes = ['string', 'number'] as const;

/** `number` or `string` (possibly with `null`) → both, `null` kept. */
const bothIdTypes = (type: JSONSchema['type']): JSONSchema['type'] => [
  ...idTypes,
  ...[type ?? []].flat().filter((t) => t !== 'string' && t !== 'number'),
];

/**
 * Every `oneOf` of an id and a `$ref` to a collection (a relationship, populated or not) gets both
 * id types.
 */
function widenRelationships(schema: JSONSchema, collectionRefs: Set<string>): void {
  for (const value of Object.values(schema)) {
    if (Array.isArray(value))
      value.forEach((v) => v && typeof v === 'object' && widenRelationships(v, collectionRefs));
    else if (value && typeof value === 'object') widenRelationships(value, collectionRefs);
  }
  const options = schema.oneOf;
  if (!options?.some((o) => typeof o.$ref === 'string' && collectionRefs.has(o.$ref))) return;
  for (const option of options)
    if (!option.$ref && option.type && Object.keys(option).length === 1)
      option.type = bothIdTypes(option.type);
}

export const widenGeneratedTypes: SchemaHook = ({ config, jsonSchema }) => {
  const definitions = jsonSchema.definitions ?? {};
  const withDefaultIds = config.collections.filter(
    (c) => !c.fields.some((f) => 'name' in f && f.name === 'id'),
  );
  for (const { slug } of withDefaultIds) {
    const id = definitions[slug]?.properties?.id;
    if (id) id.type = bothIdTypes(id.type);
  }
  widenRelationships(
    jsonSchema,
    new Set(withDefaultIds.map(({ slug }) => `#/definitions/${slug}`)),
  );
  const properties = jsonSchema.properties ?? {};
  if (properties.db?.properties?.defaultIDType)
    properties.db.properties.defaultIDType = { type: [...idTypes] };
  if (properties.locale) properties.locale = { type: 'string' };
  // fallbackLocale: keep 'false' | 'none' | 'null' | false | null; a locale or a list of locales is
  // any string.
  for (const option of properties.fallbackLocale?.oneOf ?? []) {
    if (option.type === 'string' && option.enum && !option.enum.includes('false'))
      delete option.enum;
    if (option.type === 'array' && option.items && !Array.isArray(option.items))
      delete option.items.enum;
  }
  return jsonSchema;
};
