'use client';
/**
 * Under a caption row's WebVTT text: load a `.vtt` file from the computer into it (replacing what
 * is there), so captions are uploaded and replaced from the unit. The text is checked on save like
 * any other (cms/fields/webvtt-text.ts); a file that is not UTF-8 text or is too large is refused
 * here, saying why.
 */
import React, { useId, useState } from 'react';
import { useField } from '@payloadcms/ui';
import { maxCaptionBytes } from '../../compiler/model/webvtt-problems.ts';
import { useAdminT } from './use-admin-t.ts';

export function CaptionFile({ path }: { path: string }) {
  const t = useAdminT();
  const id = useId();
  const { setValue, disabled } = useField<string>({ potentiallyStalePath: path });
  const [message, setMessage] = useState<string>();
  const load = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > maxCaptionBytes) {
      setMessage(t('admin.captions.tooLarge', { name: file.name, mb: maxCaptionBytes / 1e6 }));
      return;
    }
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      setValue(text.replace(/^\uFEFF/, ''));
      setMessage(t('admin.captions.loaded', { name: file.name }));
    } catch {
      setMessage(t('admin.captions.notUtf8', { name: file.name }));
    }
  };
  return (
    <div className="polycourse-caption-file" style={{ marginTop: '0.5rem' }}>
      <label htmlFor={id}>{t('admin.captions.load')}</label>{' '}
      <input
        id={id}
        type="file"
        accept=".vtt,text/vtt"
        disabled={disabled}
        onChange={(e) => void load(e.target.files?.[0])}
      />
      {message && <p role="status">{message}</p>}
    </div>
  );
}
