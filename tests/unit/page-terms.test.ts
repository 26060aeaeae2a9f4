import { beforeEach, describe, expect, it } from 'vitest';
import { PAGE_TERMS_MESSAGE } from '@/glossary/messages';
import { answerPageTerms } from '@/entrypoints/content/page-terms';

beforeEach(() => {
  document.body.innerHTML = `
    <p><mark class="dpi-lens-term" data-dpi-term="aadhaar">Aadhaar</mark> and
       <mark class="dpi-lens-term" data-dpi-term="upi">UPI</mark></p>
    <p><mark class="dpi-lens-term" data-dpi-term="upi">UPI</mark> again,
       <mark>UPI</mark> marked by the site itself</p>`;
});

describe('answerPageTerms', () => {
  it('answers the popup with the terms in reading order and their counts', async () => {
    await expect(answerPageTerms({ type: PAGE_TERMS_MESSAGE }, document)).resolves.toEqual([
      { id: 'aadhaar', count: 1 },
      { id: 'upi', count: 2 },
    ]);
  });

  it.each([
    ['another type', { type: 'something-else' }],
    ['a string', PAGE_TERMS_MESSAGE],
    ['null', null],
    ['an object without type', {}],
  ])('leaves %s to other listeners', (_name, message) => {
    expect(answerPageTerms(message, document)).toBeUndefined();
  });
});
