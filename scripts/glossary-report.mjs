#!/usr/bin/env node
// `npm run glossary:report`: prints, per glossary entry, its number of sources, the primary
// source's publisher and the oldest/latest as-of dates, a histogram of the latest as-of dates by
// quarter; lists entries not checked for a year (oldest first) and
// entries without a source. Exit 0 (it is a report), 1 if an entry has no source.
// Today's date can be fixed for reproducible output: `npm run glossary:report -- --today 2026-11-28`.
import { loadTs as load } from './lib/load-ts.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--today');
const today = at >= 0 ? args[at + 1] : new Date().toISOString().slice(0, 10);

const { glossary } = await load('glossary/index.ts');
const { buildReport, formatReport } = await load('glossary/report.ts');
const report = buildReport(glossary, today);
process.stdout.write(formatReport(report));
process.exitCode = report.withoutSource.length > 0 ? 1 : 0;
