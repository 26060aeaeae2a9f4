/** Hand-made glossary entries for component and storage tests: their wording is the test's, not the glossary's. */
import type { GlossaryEntry } from '@/glossary/types';

/** An entry with every required field filled in plainly ("UPI in one line.", one dated source); `fields` override. */
export function entry(fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'name'>): GlossaryEntry {
  return {
    aliases: [],
    category: 'concepts',
    short: `${fields.name} in one line.`,
    definition: `${fields.name} at length.`,
    significance: [],
    challenges: [],
    related: [],
    sources: [
      { url: `https://example.org/${fields.id}`, title: `About ${fields.name}`, publisher: 'Example', asOf: '2024-01-15' },
    ],
    ...fields,
  };
}

/** A bundled UPI with nothing but its name: for tests of the reader's own terms beside the glossary. */
export const PLAIN_UPI: GlossaryEntry = entry({
  id: 'upi',
  name: 'UPI',
  category: 'payments',
  short: 'Payments.',
  definition: 'Payments.',
  sources: [],
});
