/**
 * The admin settings every JSON field uses: its value edited as text by
 * cms/components/JsonField.tsx (Payload's Monaco editor would load from a public CDN; the admin
 * loads nothing from another host).
 */
export const jsonText = {
  components: { Field: '/components/JsonField.tsx#JsonField' },
} as const;
