import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import hi from '@/public/_locales/hi/messages.json';
import { formatMessage, t } from '@/utils/i18n/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const placeholdersOf = (text: string) => [...text.matchAll(/\$([A-Z0-9_]+)\$/gi)].map((m) => m[1]!.toLowerCase()).sort();

describe('locales', () => {
  it('Hindi has exactly the English keys, so no string falls back silently', () => {
    expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: same placeholders in both languages, each defined, none empty', (key) => {
    for (const messages of [en as Messages, hi as Messages]) {
      const spec = messages[key]!;
      expect(spec.message.trim()).not.toBe('');
      expect(placeholdersOf(spec.message)).toEqual(placeholdersOf((en as Messages)[key]!.message));
      for (const name of placeholdersOf(spec.message)) expect(spec.placeholders?.[name]).toBeDefined();
    }
  });

  it('names the language of each file', () => {
    expect([en.lang.message, hi.lang.message]).toEqual(['en', 'hi']);
  });
});

describe('t', () => {
  it('falls back to English with substitutions outside the browser', () => {
    expect(t('removeSite', 'ndtv.com')).toBe('Remove ndtv.com');
    expect(t('turnOffSite')).toBe('Off on this site');
  });

  it('formats placeholders as the browser does', () => {
    expect(formatMessage({ message: 'Off for $SITE$ ($$)', placeholders: { site: { content: '$1' } } }, ['a.in'])).toBe(
      'Off for a.in ($)',
    );
  });
});
