import type { GlossaryEntry } from './types';

// Every entry file is bundled at build time; there is no network fetch, ever.
const files = import.meta.glob<GlossaryEntry>('./entries/*.json', { eager: true, import: 'default' });

/** All bundled entries, sorted by id. */
export const glossary: readonly GlossaryEntry[] = Object.values(files).sort((a, b) =>
  a.id.localeCompare(b.id),
);

const byId = new Map(glossary.map((entry) => [entry.id, entry]));

export function getEntry(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}

/** The path of an entry's file, relative to `glossary/`: used by the data tests' messages. */
export const entryFiles: Readonly<Record<string, GlossaryEntry>> = files;
