/**
 * The extension's own UI in the page (the hover card's shadow-root host). The highlighter never
 * walks into it, and the hover card mounts under this name, so both read it from here.
 */
export const OWN_UI_TAG = 'dpi-lens-card';

/** Selector matching the own UI host and anything inside it. */
export const OWN_UI_SELECTOR = OWN_UI_TAG;
