/**
 * The extension's own UI in the page (the hover card's host, present only while a card is open). The highlighter never
 * walks into it, and the hover card mounts under this name, so both read it from here.
 */
export const OWN_UI_TAG = 'dpi-lens-card';
