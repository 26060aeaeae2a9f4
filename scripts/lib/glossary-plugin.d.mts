import type { Plugin } from 'vite';

export const GLOSSARY_DATA_ID: 'virtual:dpi-lens/glossary-data';
/** Vite plugin: `virtual:dpi-lens/glossary-data` (see glossary/heads.ts). */
export function glossaryData(): Plugin;
