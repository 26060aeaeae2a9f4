import { registerCardEntries } from './card-entries-answer';
import { lookUpSelection, moveToTerm, registerReaderActions, toggleHighlights } from './reader-actions';

export default defineBackground(() => {
  registerReaderActions();
  registerCardEntries();
  // The same handlers the context menu and the command call, reachable from the service worker's
  // console and from end-to-end tests (which cannot click native menus or press commands).
  Object.assign(globalThis, { dpiLens: { lookUpSelection, toggleHighlights, moveToTerm } });
});
