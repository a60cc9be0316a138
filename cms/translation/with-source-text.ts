import type { Field } from 'payload';

const sourceText = '/components/SourceText.tsx#SourceText';

/**
 * Every localized text field of a collection gets the source-locale text and the field's
 * translation status under its input (cms/components/SourceText.tsx), so a translator never faces
 * an empty box.
 */
export function withSourceText(fields: Field[]): Field[] {
  return fields.map((field) => {
    if ((field.type === 'text' || field.type === 'textarea') && field.localized) {
      const admin = field.admin ?? {};
      return {
        ...field,
        admin: {
          ...admin,
          components: {
            ...admin.components,
            afterInput: [...(admin.components?.afterInput ?? []), sourceText],
          },
        },
      } as Field;
    }
    if (['array', 'group', 'row', 'collapsible'].includes(field.type) && 'fields' in field)
      return { ...field, fields: withSourceText(field.fields) } as Field;
    return field;
  });
}
