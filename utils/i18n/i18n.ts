/**
 * The interface's words, from the browser's own i18n (`public/_locales/<lang>/messages.json`),
 * picked from the browser's language with English (the manifest's default_locale) as the
 * browser's own fallback. Typed: a key that is not in the English file does not compile.
 * The English file is not bundled (24 KB in every page's content script, the card module, the
 * popup and the options page): outside an extension (unit tests) a table given to
 * `useFallbackMessages` is used instead, with the browser's placeholder rules.
 */
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('@/public/_locales/en/messages.json');

interface MessageSpec {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** The browser's placeholder rules, for the fallback: $NAME$ -> its content, $1..$9 -> substitutions. */
export function formatMessage(spec: MessageSpec, substitutions: readonly string[] = []): string {
  const positional = (text: string) => text.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
  return spec.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name?: string) => {
    if (name === undefined) return '$'; // "$$" is a literal dollar sign
    const placeholder = spec.placeholders?.[name.toLowerCase()];
    return placeholder ? positional(placeholder.content) : match;
  });
}

let fallback: Readonly<Record<string, MessageSpec>> = {};

/** Where there is no extension i18n (unit tests: tests/unit/support/english-messages.ts), these messages are used. */
export function useFallbackMessages(messages: Readonly<Record<string, MessageSpec>>): void {
  fallback = messages;
}

export function t(key: MessageKey, ...substitutions: string[]): string {
  try {
    const message = browser.i18n.getMessage(key, substitutions);
    if (message) return message;
  } catch {
    // No extension i18n here (unit tests, a page outside the extension): use the fallback.
  }
  const spec = fallback[key];
  // In the extension every key exists in the default locale; the key itself beats an empty string.
  return spec ? formatMessage(spec, substitutions) : key;
}

/** The interface's language ("en" or "hi"), for `<html lang>`, so screen readers pronounce it right. */
export function uiLanguage(): string {
  return t('lang');
}

/**
 * A count with its noun: browser i18n has no plurals, so each such message comes as a pair of
 * keys and the UI language's plural rule picks one ("1 mention" / "2 mentions"; Hindi counts 0
 * and 1 as singular). The count is the message's first substitution; `rest` follow it.
 */
export function tCount(one: MessageKey, other: MessageKey, count: number, ...rest: string[]): string {
  const rule = new Intl.PluralRules(uiLanguage()).select(count);
  return t(rule === 'one' ? one : other, String(count), ...rest);
}

/**
 * A message with an element in the middle (a `<time>`, a `<code>`): the text before and after
 * the one substitution, so translations can put the element where their grammar needs it.
 */
export function tAround(key: MessageKey): [before: string, after: string] {
  const marker = '\uE000'; // a private-use character: no message contains it
  const [before = '', after = ''] = t(key, marker).split(marker);
  return [before, after];
}
