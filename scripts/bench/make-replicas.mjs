// Writes tests/fixtures/pages/replicas/*.html: replicas of the structure of real Indian news pages
// (written here, not saved from the web: this machine has no network). What matters for cost and
// safety is reproduced: mega-menus, tickers, ad slots, inline scripts and JSON-LD, related-link
// lists, comment threads, live-blog updates, forms and an editor, Hindi text.
// Run: node scripts/bench/make-replicas.mjs (the files are committed; the bench and e2e tests read them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/browser.mjs';
import { rng } from './pages.mjs';

const OUT = join(ROOT, 'tests', 'fixtures', 'pages', 'replicas');

const SECTIONS = ['India', 'World', 'Business', 'Markets', 'Tech', 'Sports', 'Cricket', 'Entertainment',
  'Opinion', 'Cities', 'Education', 'Health', 'Science', 'Lifestyle', 'Auto', 'Videos', 'Photos', 'Podcasts'];
const CITIES = ['Delhi', 'Mumbai', 'Bengaluru', 'Chennai', 'Kolkata', 'Hyderabad', 'Pune', 'Ahmedabad', 'Jaipur', 'Lucknow'];
const HEADLINES = [
  'Monsoon covers entire country a week early, says weather office',
  'Sensex ends flat as metal stocks drag, rupee steady against dollar',
  'UPI transactions cross a new monthly record, NPCI data shows',
  'State cabinet approves new policy for electric buses in cities',
  'Aadhaar-based face authentication used for pension certificates',
  'ONDC sellers in small towns report rise in orders during festive season',
  'Opinion: what the DPDP Act means for your phone\'s apps',
  'Cricket: young pacer takes five as hosts win by an innings',
  'Startups bet on Account Aggregator data for small business loans',
  'Metro line extension opens, commuters welcome shorter travel time',
  'DigiLocker now holds driving licences for a crore more people',
  'Heatwave alert in north India; schools to close early',
];
const ARTICLE = [
  'NEW DELHI: Payments made through the Unified Payments Interface (UPI) crossed another record last month, according to figures released by the National Payments Corporation of India (NPCI) on Sunday.',
  'The system processed more transactions than in any previous month, with small-value payments at grocery shops, tea stalls and auto-rickshaws making up the bulk of the growth, officials said.',
  'UPI Lite, which lets users make small payments without entering a PIN each time, saw the fastest growth among the products, while RuPay credit cards linked to UPI also gained ground.',
  'Bankers said the rise reflected the spread of QR codes to smaller towns. "Even vegetable vendors in district towns now ask for a scan," said the head of digital banking at a public sector bank.',
  'The growth comes as the government pushes other parts of what it calls India Stack: Aadhaar for identity, DigiLocker for documents and the Account Aggregator framework for sharing financial data with consent.',
  'Privacy researchers, however, warned that more data flowing between apps makes the rules under the Digital Personal Data Protection Act, 2023 (DPDP Act) all the more important. The rules are being phased in.',
  'Several readers wrote in to ask whether e-RUPI vouchers, issued for specific welfare schemes, count in the UPI figures. They do not: e-RUPI is a separate prepaid instrument that runs on the same rails.',
  'Meanwhile the Open Network for Digital Commerce (ONDC) said more than a thousand towns now have at least one seller on the network, though order volumes remain small compared with large marketplaces.',
  'Analysts expect the numbers to keep rising through the festive season, when shopping typically peaks. "The question now is how the system will be funded as volumes grow," one analyst said.',
  'The Reserve Bank of India has asked banks to strengthen fraud monitoring, after complaints about fake payment requests rose along with the volumes.',
];
const HINDI = [
  'नई दिल्ली: यूपीआई से होने वाले भुगतान ने पिछले महीने एक नया रिकॉर्ड बनाया, एनपीसीआई के आंकड़ों से यह जानकारी मिली है।',
  'छोटे शहरों में किराना दुकानों और सब्ज़ी विक्रेताओं तक क्यूआर कोड पहुंचने से लेन-देन तेज़ी से बढ़े हैं।',
  'सरकार आधार, डिजिलॉकर और अकाउंट एग्रीगेटर जैसी सेवाओं को भी आगे बढ़ा रही है। Aadhaar authentication के मामले भी बढ़े हैं।',
  'विशेषज्ञों का कहना है कि डेटा सुरक्षा के नियम अब और ज़रूरी हो गए हैं, खासकर DPDP Act के लागू होने के बाद।',
  'ग्रामीण इलाकों में इंटरनेट की पहुंच अब भी एक चुनौती है, जिससे डिजिटल भुगतान का लाभ सबको नहीं मिल पाता।',
];

function megaMenu(random) {
  const parts = ['<header class="site-header"><div class="top-bar"><a href="/">ePaper</a> <a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a> <form role="search" action="/search"><input type="search" name="q" placeholder="Search news, e.g. UPI" value=""></form></div>',
    '<nav class="mega-menu" aria-label="Sections"><ul>'];
  for (const section of SECTIONS) {
    parts.push(`<li class="menu-item"><a href="/${section.toLowerCase()}">${section}</a><div class="submenu"><ul>`);
    for (let i = 0; i < 14; i += 1) {
      const city = CITIES[Math.floor(random() * CITIES.length)];
      parts.push(`<li><a href="/${section.toLowerCase()}/${i}">${city} ${section.toLowerCase()} ${i + 1}</a></li>`);
    }
    parts.push('</ul></div></li>');
  }
  parts.push('</ul></nav><div class="ticker" aria-label="Breaking news"><span class="label">Breaking</span><ul>');
  for (const h of HEADLINES.slice(0, 6)) parts.push(`<li><a href="/b">${h}</a></li>`);
  parts.push('</ul></div></header>');
  return parts.join('');
}

function adSlot(id) {
  return `<div class="ad-slot" id="ad-${id}" data-ad-unit="/1234/news/${id}" style="min-height:250px"><span class="ad-label">Advertisement</span>` +
    `<script>window.googletag=window.googletag||{cmd:[]};googletag.cmd.push(function(){ /* slot ${id} */ });</script></div>`;
}

function related(random, title, count) {
  const parts = [`<aside class="related"><h3>${title}</h3><ul>`];
  for (let i = 0; i < count; i += 1) {
    const h = HEADLINES[Math.floor(random() * HEADLINES.length)];
    parts.push(`<li><a href="/story/${i}"><img alt="" width="80" height="60" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><span>${h}</span></a><time>${1 + (i % 23)} hours ago</time></li>`);
  }
  parts.push('</ul></aside>');
  return parts.join('');
}

function comments(random, count) {
  const bodies = ['Good article. UPI has changed how my father runs his shop.', 'What about people without smartphones?',
    'The DPDP Act rules are still not clear to most users.', 'Aadhar seeding of bank accounts took me three visits to the branch.',
    'Fraud calls asking for UPI PIN have increased, banks must act.', 'Nice to see ONDC reaching small towns.', 'Totally agree with the analyst.'];
  const parts = ['<section class="comments" aria-label="Comments"><h3>Comments</h3><form class="comment-form"><label for="comment">Your comment</label><textarea id="comment" name="comment" data-e2e="editable">I paid by UPI at the </textarea><div id="reply-editor" contenteditable="true" data-e2e="editable">Reply about Aadhaar and UPI Lite</div><button type="submit">Post</button></form><ol>'];
  for (let i = 0; i < count; i += 1) {
    parts.push(`<li class="comment"><div class="meta"><b>Reader${Math.floor(random() * 9000) + 1000}</b> <time>${i + 2} min ago</time></div><p>${bodies[i % bodies.length]}</p><div class="actions"><button>Like</button> <button>Reply</button> <a href="#r${i}">Report</a></div></li>`);
  }
  parts.push('</ol></section>');
  return parts.join('');
}

function footer(random) {
  const parts = ['<footer><div class="footer-links">'];
  for (const section of SECTIONS) {
    parts.push(`<div><h4>${section}</h4><ul>`);
    for (let i = 0; i < 8; i += 1) parts.push(`<li><a href="/${section}/${i}">${CITIES[Math.floor(random() * CITIES.length)]} news</a></li>`);
    parts.push('</ul></div>');
  }
  parts.push('</div><p>&copy; 2025 A News Publisher. All rights reserved.</p></footer>');
  return parts.join('');
}

const STYLE = `<style>
body{font:17px/1.6 Georgia,serif;margin:0;color:#222}
.site-header{background:#fff;border-bottom:1px solid #ddd}.mega-menu>ul{display:flex;flex-wrap:wrap;list-style:none;margin:0;padding:0}
.menu-item{position:relative;padding:.4rem .6rem}.submenu{display:none;position:absolute}.menu-item:hover .submenu{display:block}
.ticker ul{display:flex;gap:1rem;overflow:hidden;white-space:nowrap;list-style:none}
.layout{display:grid;grid-template-columns:minmax(0,46rem) 18rem;gap:2rem;max-width:68rem;margin:1rem auto}
.ad-slot{background:#f4f4f4;text-align:center;margin:1rem 0}.related li{display:flex;gap:.5rem;margin:.4rem 0}
.comment{border-top:1px solid #eee;padding:.5rem 0}#reply-editor{border:1px solid #aaa;min-height:3rem;padding:.3rem}
footer{background:#222;color:#ccc;padding:1rem}.footer-links{display:flex;flex-wrap:wrap;gap:1rem}
</style>`;

const SCRIPTS = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"UPI crosses a new record","keywords":"UPI, NPCI, Aadhaar"}</script>
<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({event:'pageview',section:'business'});</script>`;

function page({ title, lang, body }) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>${STYLE}${SCRIPTS}</head><body>${body}</body></html>\n`;
}

function nationalDaily() {
  const random = rng(11);
  const article = ARTICLE.map((p, i) => `<p>${p}</p>${i === 3 ? adSlot('inarticle-1') : ''}${i === 7 ? `<div class="also-read"><b>Also read:</b> <a href="/x">${HEADLINES[4]}</a></div>` : ''}`).join('\n');
  return page({
    title: 'UPI transactions cross a new record - National Daily', lang: 'en',
    body: `${megaMenu(random)}${adSlot('top')}<div class="layout"><main><article><h1>UPI transactions cross a new monthly record, NPCI data shows</h1><p class="byline">By A Correspondent <time>Updated: 2 June 2025, 09:14 IST</time></p><figure><img alt="A shopkeeper shows a QR code" width="640" height="360" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><figcaption>A vendor displays a UPI QR code in Pune.</figcaption></figure>${article}</article>${related(random, 'Related stories', 30)}${comments(random, 60)}</main><aside class="rail">${adSlot('rail-1')}${related(random, 'Most read', 20)}${adSlot('rail-2')}${related(random, 'Trending', 20)}</aside></div>${footer(random)}`,
  });
}

function businessLive() {
  const random = rng(12);
  const updates = [];
  for (let i = 0; i < 60; i += 1) {
    const p = ARTICLE[i % ARTICLE.length];
    updates.push(`<li class="update"><time>${String(18 - Math.floor(i / 4)).padStart(2, '0')}:${String((59 - i * 7) % 60 < 0 ? 0 : (59 - i * 7) % 60).padStart(2, '0')} IST</time><h3>${HEADLINES[i % HEADLINES.length]}</h3><p>${p}</p>${i % 10 === 5 ? adSlot(`live-${i}`) : ''}</li>`);
  }
  const ticker = ['<table class="market"><caption>Markets</caption><tbody>'];
  for (let i = 0; i < 40; i += 1) ticker.push(`<tr><th>Stock ${i + 1}</th><td>${(random() * 4000).toFixed(2)}</td><td>${(random() * 4 - 2).toFixed(2)}%</td></tr>`);
  ticker.push('</tbody></table>');
  return page({
    title: 'Business live: markets, UPI data and more', lang: 'en',
    body: `${megaMenu(random)}<div class="layout"><main><h1>Business news live updates</h1><p class="summary">Follow the day's business news: markets, the RBI, UPI data and startup funding.</p><ol class="live-blog" id="live-blog">${updates.join('\n')}</ol><button id="load-more">Load more updates</button>${comments(random, 40)}</main><aside>${ticker.join('')}${related(random, 'Top business stories', 30)}</aside></div>${footer(random)}`,
  });
}

function hindiPortal() {
  const random = rng(13);
  const paras = [];
  for (let i = 0; i < 24; i += 1) paras.push(`<p>${HINDI[i % HINDI.length]}</p>${i === 8 ? adSlot('hi-1') : ''}`);
  return page({
    title: 'यूपीआई भुगतान ने बनाया नया रिकॉर्ड', lang: 'hi',
    body: `${megaMenu(random)}<div class="layout"><main><article><h1>यूपीआई भुगतान ने बनाया नया रिकॉर्ड</h1>${paras.join('\n')}</article>${related(random, 'संबंधित खबरें', 30)}${comments(random, 30)}</main><aside>${related(random, 'सबसे ज़्यादा पढ़ी गई', 25)}</aside></div>${footer(random)}`,
  });
}

export const REPLICAS = { 'national-daily': nationalDaily, 'business-live': businessLive, 'hindi-portal': hindiPortal };

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(OUT, { recursive: true });
  for (const [name, make] of Object.entries(REPLICAS)) {
    const html = make();
    writeFileSync(join(OUT, `${name}.html`), html);
    console.log(`${name}.html  ${(html.length / 1024).toFixed(0)} KB`);
  }
}
