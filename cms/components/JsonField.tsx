'use client';
/**
 * The editor of every JSON field in the admin: the value as indented JSON in a plain monospace
 * textarea, stored only while it parses; otherwise the parser's message shows under it and the
 * last valid value stays. Payload's own JSON editor (Monaco) loads from a public CDN built into
 * @payloadcms/ui, so offline it stays a grey placeholder; this one needs nothing from another host.
 */
import React, { useEffect, useState } from 'react';
import { FieldDescription, FieldError, FieldLabel, useField } from '@payloadcms/ui';
import type { JSONFieldClientProps } from 'payload';
import { useAdminT } from './use-admin-t.ts';

const shown = (value: unknown) =>
  value === undefined || value === null ? '' : JSON.stringify(value, null, 2);

export function JsonField({ field, path: pathFromProps, readOnly }: JSONFieldClientProps) {
  const t = useAdminT();
  const { path, value, setValue, showError, disabled } = useField<unknown>({
    potentiallyStalePath: pathFromProps,
  });
  const [text, setText] = useState(() => shown(value));
  const [problem, setProblem] = useState<string | undefined>();
  // A value set from elsewhere (a save, a reset) replaces the text unless the text already says it.
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value ?? null)) return current;
      } catch {
        // the text does not parse: show the value
      }
      return shown(value);
    });
  }, [value]);

  const onChange = (event: React.ChangeEvent<HTMLTextAreaElement>) => {
    const next = event.target.value;
    setText(next);
    if (!next.trim()) {
      setProblem(undefined);
      setValue(null);
      return;
    }
    try {
      setValue(JSON.parse(next));
      setProblem(undefined);
    } catch (error) {
      setProblem(t('admin.jsonField.invalid', { error: (error as Error).message }));
    }
  };
  const id = `field-${path.replace(/\./g, '__')}`;
  const lines = Math.min(24, Math.max(3, text.split('\n').length + 1));
  return (
    <div className={`field-type json-field${readOnly || disabled ? ' read-only' : ''}`}>
      <FieldLabel htmlFor={id} label={field.label} required={field.required} path={path} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <textarea
          id={id}
          name={path}
          value={text}
          rows={lines}
          spellCheck={false}
          readOnly={readOnly || disabled}
          onChange={onChange}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          style={{
            width: '100%',
            fontFamily: 'var(--font-mono, monospace)',
            fontSize: '0.8125rem',
            padding: '0.5rem 0.75rem',
            border: '1px solid var(--theme-elevation-150)',
            borderRadius: 'var(--style-radius-s)',
            background: 'var(--theme-input-bg)',
            color: 'var(--theme-elevation-800)',
          }}
        />
        {problem ? (
          <p id={`${id}-problem`} role="alert" style={{ color: 'var(--theme-error-500)' }}>
            {problem}
          </p>
        ) : null}
        <FieldDescription description={field.admin?.description} path={path} />
      </div>
    </div>
  );
}
