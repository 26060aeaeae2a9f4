// Unit tests run outside an extension, where browser.i18n has no messages: the interface's words
// come from the English file, as readers with an English browser see them (utils/i18n/i18n.ts).
import en from '@/public/_locales/en/messages.json';
import { useFallbackMessages } from '@/utils/i18n/i18n';

useFallbackMessages(en);
