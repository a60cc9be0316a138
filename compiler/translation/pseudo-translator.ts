/**
 * The built-in machine translation provider `pseudo`: offline and deterministic, it returns each
 * segment pseudo-translated (accented, wrapped in ⟦ ⟧, placeholders where they were), whatever the
 * target locale. For tests and for trying the draft and review workflow without a service.
 */
import type { MachineTranslator } from './machine-translation.ts';
import { fromProviderText, toProviderText } from './machine-translation.ts';
import { pseudoSegment } from './pseudo-locale.ts';

export const pseudoTranslator: MachineTranslator = {
  name: 'pseudo',
  async translate({ segments }) {
    return segments.map(({ id, text }) => ({
      id,
      text: toProviderText(pseudoSegment(fromProviderText(text))),
    }));
  },
};
