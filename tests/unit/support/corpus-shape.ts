/**
 * What every labelled corpus file must be, whatever it is for (passages.json for tuning, the
 * holdouts for measuring): known kinds, allowed ids, labels that point at their text. Registered
 * inside the file's describe; each file keeps its own size and id rules.
 */
import { expect, it } from 'vitest';
import { KINDS, TERM_IDS, type Passage } from '../../corpus/corpus';

/** `load` runs inside each test, so a passage that does not parse fails tests, not the whole file. */
export function itHasPassageShape(load: () => readonly Passage[]): void {
  it('uses only known kinds and a non-empty genre', () => {
    for (const p of load()) {
      expect(KINDS, p.id).toContain(p.kind);
      expect(p.genre, p.id).toMatch(/^[a-z-]+$/);
    }
  });

  it('every label id is an allowed term id', () => {
    const allowed = new Set<string>(TERM_IDS);
    const bad = load().flatMap((p) =>
      p.labels.filter((l) => !allowed.has(l.id)).map((l) => `${p.id}: ${l.text}|${l.id}`),
    );
    expect(bad).toEqual([]);
  });

  it('label offsets point at the labelled text, in order, without overlap', () => {
    for (const p of load()) {
      let prevEnd = 0;
      for (const l of p.labels) {
        expect(p.text.slice(l.start, l.end), p.id).toBe(l.text);
        expect(l.start, p.id).toBeGreaterThanOrEqual(prevEnd);
        expect(l.end, p.id).toBeGreaterThan(l.start);
        prevEnd = l.end;
      }
      expect(p.text, p.id).not.toMatch(/\[\[|\]\]/);
    }
  });

  it('dpi and mixed passages have labels', () => {
    const empty = load()
      .filter((p) => p.kind !== 'confounder' && p.labels.length === 0)
      .map((p) => p.id);
    expect(empty).toEqual([]);
  });
}
