'use client';
/**
 * A matching question's item: its partner, chosen among the question's targets as the author has
 * them in the form right now (added, renamed or removed without saving first). Stored as the
 * target's id in the option's `match`; cms/hooks/deriveAnswerKeys.ts turns partners into the key.
 */
import React from 'react';
import { SelectField, useFormFields } from '@payloadcms/ui';
import type { SelectFieldClientProps, TextFieldClientProps } from 'payload';

/** `questions.2.options.0.match` → `questions.2.targets.` */
const targetsPrefix = (path: string) => path.replace(/\.options\.\d+\.match$/, '.targets.');

export function MatchSelect(props: TextFieldClientProps) {
  const prefix = targetsPrefix(props.path);
  // A string, so the component re-renders only when the targets change.
  const encoded = useFormFields(([fields]) => {
    const rows: Record<string, { id?: string; text?: string }> = {};
    for (const [key, state] of Object.entries(fields)) {
      if (!key.startsWith(prefix)) continue;
      const [row, name] = key.slice(prefix.length).split('.');
      if (name !== 'targetId' && name !== 'text') continue;
      rows[row] = { ...rows[row], [name === 'targetId' ? 'id' : 'text']: state?.value as string };
    }
    return JSON.stringify(
      Object.keys(rows)
        .sort((a, b) => Number(a) - Number(b))
        .map((row) => rows[row])
        .filter((t) => t.id),
    );
  });
  const targets = JSON.parse(encoded) as { id: string; text?: string }[];
  const field = {
    ...props.field,
    type: 'select',
    hasMany: false,
    options: targets.map((t) => ({
      value: t.id,
      label: t.text ? `${t.text} (${t.id})` : t.id,
    })),
  } as unknown as SelectFieldClientProps['field'];
  return <SelectField {...(props as unknown as SelectFieldClientProps)} field={field} />;
}
