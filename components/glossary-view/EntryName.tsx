import type { GlossaryEntry } from '../../glossary/types';

/** An entry's name, then its Hindi name (marked lang="hi", so it is read and hyphenated as Hindi) when it has one. */
export function EntryName({ entry }: { entry: Pick<GlossaryEntry, 'name' | 'nameHi'> }) {
  return (
    <>
      {entry.name}
      {entry.nameHi && (
        <span class="name-hi" lang="hi">
          {' '}
          {entry.nameHi}
        </span>
      )}
    </>
  );
}
