// Bench pages, generated deterministically (same seed, same page, every run), and the three
// replicas of real news pages (tests/fixtures/pages/replicas/, written by make-replicas.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/root.mjs';

/** A small seeded PRNG (mulberry32): the pages must be identical from run to run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ordinary news words that are no glossary form (the bench checks: the no-term page must have 0 hits).
const WORDS = (
  'the minister said on tuesday that state government officials would review the budget ' +
  'allocation for rural roads after farmers in several districts reported delays monsoon rains ' +
  'flooded low lying areas while the opposition demanded a debate in parliament prices of onions ' +
  'and tomatoes rose sharply in city markets traders blamed transport costs the court adjourned ' +
  'hearing until next month police registered a case against unknown persons cricket team won ' +
  'series after a tense final over students protested fee hike university administration agreed ' +
  'to meet their representatives election commission announced schedule for assembly polls ' +
  'company shares fell quarterly profit missed estimates analysts expect recovery next year ' +
  'hospital added beds doctors warned about heat wave water supply restored in eastern wards'
).split(' ');

/** Forms the matcher knows (checked by the bench: generated pages report how many hits they hold). */
export const TERMS = [
  'UPI', 'Aadhaar', 'ONDC', 'DigiLocker', 'Account Aggregator', 'DPDP Act', 'CoWIN', 'e-RUPI',
  'UPI Lite', 'AePS', 'India Stack', 'MOSIP', 'ABHA', 'FASTag', 'NPCI', 'RuPay', 'Jan Dhan', 'BHIM',
];

function words(random, count) {
  const out = [];
  for (let i = 0; i < count; i += 1) out.push(WORDS[Math.floor(random() * WORDS.length)]);
  return out.join(' ');
}

/**
 * A page of `paragraphs` paragraphs, each with `nodesPerParagraph` text nodes (text split by
 * inline elements) of about `charsPerNode` characters, and `terms` term mentions spread evenly,
 * after a navigation bar of `navLinks` links.
 */
export function generatePage({ seed, title, paragraphs, nodesPerParagraph, charsPerNode, terms, navLinks = 0 }) {
  const random = rng(seed);
  const wordsPerNode = Math.max(1, Math.round(charsPerNode / 6));
  const totalNodes = paragraphs * nodesPerParagraph;
  const termEvery = terms > 0 ? totalNodes / terms : Infinity;
  let nextTermAt = termEvery / 2;
  let termIndex = 0;
  const parts = [`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>`,
    '<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem}nav a{margin-right:.5rem}</style></head><body>'];
  if (navLinks) {
    parts.push('<nav>');
    for (let i = 0; i < navLinks; i += 1) parts.push(`<a href="/s/${i}">${words(random, 1)}</a> `);
    parts.push('</nav>');
  }
  parts.push('<main><article>');
  let node = 0;
  for (let p = 0; p < paragraphs; p += 1) {
    if (p % 12 === 0) parts.push(`<h2>${words(random, 5)}</h2>`);
    parts.push('<p>');
    for (let n = 0; n < nodesPerParagraph; n += 1, node += 1) {
      let text = words(random, wordsPerNode);
      if (node >= nextTermAt) {
        text += ` ${TERMS[termIndex % TERMS.length]} ${words(random, 2)}`;
        termIndex += 1;
        nextTermAt += termEvery;
      }
      // Alternate plain text and inline elements so each paragraph has nodesPerParagraph text nodes.
      parts.push(n % 2 === 1 ? `<a href="/t/${node}">${text}</a>` : `${text} `);
    }
    parts.push('</p>\n');
  }
  parts.push('</article></main></body></html>');
  return parts.join('');
}

/** The generated bench pages: name -> { html, note }. */
export function generatedPages() {
  return {
    article: {
      note: '~30 KB text, ~1,500 text nodes, 40 terms',
      html: generatePage({ seed: 1, title: 'Article', paragraphs: 90, nodesPerParagraph: 16, charsPerNode: 18, terms: 40, navLinks: 60 }),
    },
    large: {
      note: '~2 MB text, ~100,000 text nodes, 3,000 terms',
      html: generatePage({ seed: 2, title: 'Large', paragraphs: 5000, nodesPerParagraph: 20, charsPerNode: 19, terms: 3000 }),
    },
    'no-term': {
      note: '10,000 text nodes, no term',
      html: generatePage({ seed: 3, title: 'No term', paragraphs: 500, nodesPerParagraph: 20, charsPerNode: 19, terms: 0 }),
    },
  };
}

/** The replicas of real news pages the bench measures (tests/fixtures/pages/replicas/). */
export const REPLICAS = ['national-daily', 'business-live', 'hindi-portal'];
export const REPLICA_DIR = join(ROOT, 'tests', 'fixtures', 'pages', 'replicas');

/** A replica's HTML. */
export function replicaHtml(name) {
  return readFileSync(join(REPLICA_DIR, `${name}.html`), 'utf8');
}

/** Any bench page's HTML by name (a generated page or a replica file); undefined when there is none. */
export function benchPageHtml(name) {
  const generated = generatedPages()[name];
  if (generated) return generated.html;
  return existsSync(join(REPLICA_DIR, `${name}.html`)) ? replicaHtml(name) : undefined;
}
