/**
 * Translators and reviewers write only the localized text fields of their locales.
 * `translatedFieldsOnly` wraps a collection so that every shared (non-localized) field, nested ones
 * included, is read-only for them in the admin (field access) and refused on the server with a
 * message (cms/hooks/refuseSharedFieldChanges.ts): field access alone would drop a changed value
 * silently. Arrays keep their rows: texts inside existing rows can be translated, rows cannot be
 * added, removed or reordered.
 */
import type { CollectionConfig, Field, FieldAccess, FieldHook } from 'payload';
import { editsTranslatedTextsOnly } from './roles.ts';
import {
  noteSharedRowsChange,
  noteSharedValueChange,
  refuseSharedFieldChanges,
  refuseWholeDocumentChanges,
} from '../hooks/refuseSharedFieldChanges.ts';

/**
 * Field rule for shared fields: everyone who may edit the document, except translators and
 * reviewers.
 */
export const mayEditSharedFields: FieldAccess = ({ req }) => !editsTranslatedTextsOnly(req);

type Hooks = { beforeValidate?: FieldHook[] } | undefined;
// The noting hook runs first, so that it sees the value as the request sent it.
const withNote = (hooks: Hooks, hook: FieldHook) => ({
  ...hooks,
  beforeValidate: [hook, ...(hooks?.beforeValidate ?? [])],
});

function alsoSharedRule(update: FieldAccess | undefined): FieldAccess {
  if (!update) return mayEditSharedFields;
  return async (args) => (await mayEditSharedFields(args)) && (await update(args));
}

/**
 * The fields, with every shared field guarded; localized fields (and everything inside a localized
 * one) stay open.
 */
export function guardSharedFields(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if ('localized' in field && field.localized) return field;
    switch (field.type) {
      case 'ui':
      case 'join':
        return field;
      case 'array':
        // No field access on the array itself: it would drop the translated texts inside its rows.
        return {
          ...field,
          hooks: withNote(field.hooks, noteSharedRowsChange),
          fields: guardSharedFields(field.fields),
        };
      case 'blocks':
        return {
          ...field,
          hooks: withNote(field.hooks, noteSharedRowsChange),
          blocks: (field.blocks ?? []).map((block) => ({
            ...block,
            fields: guardSharedFields(block.fields),
          })),
        };
      case 'group':
      case 'row':
      case 'collapsible':
        return { ...field, fields: guardSharedFields(field.fields) } as Field;
      case 'tabs':
        return {
          ...field,
          tabs: field.tabs.map((tab) =>
            'localized' in tab && tab.localized
              ? tab
              : { ...tab, fields: guardSharedFields(tab.fields) },
          ),
        };
      default:
        return {
          ...field,
          access: { ...field.access, update: alsoSharedRule(field.access?.update) },
          hooks: withNote(field.hooks, noteSharedValueChange),
        } as Field;
    }
  });
}

/**
 * The collection with its shared fields guarded against translators and reviewers (see the top of
 * this file).
 */
export function translatedFieldsOnly(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {};
  return {
    ...collection,
    fields: guardSharedFields(collection.fields),
    hooks: {
      ...hooks,
      beforeOperation: [refuseWholeDocumentChanges, ...(hooks.beforeOperation ?? [])],
      beforeValidate: [refuseSharedFieldChanges, ...(hooks.beforeValidate ?? [])],
    },
  };
}
