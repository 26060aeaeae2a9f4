/** Written by scripts/lib/glossary-plugin.mjs at build time (see glossary/heads.ts). */
declare module 'virtual:dpi-lens/glossary-data' {
  const data: import('./heads').GlossaryData;
  export default data;
}
