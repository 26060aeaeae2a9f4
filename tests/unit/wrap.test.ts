import { beforeEach, describe, expect, it } from 'vitest';
import { discardWrap, unwrapText, wrapText } from '@/entrypoints/content/wrap';

const m = (id: string, start: number, end: number, text: string) => ({ id, start, end, text });

let p: HTMLParagraphElement;
let text: Text;
beforeEach(() => {
  document.body.innerHTML = '<p>Pay by UPI or Aadhaar today</p>';
  p = document.querySelector('p')!;
  text = p.firstChild as Text;
});

describe('wrapText / unwrapText', () => {
  it('wraps each hit in the mark contract and keeps the original node for the text before it', () => {
    const wrapped = wrapText(text, [m('upi', 7, 10, 'UPI'), m('aadhaar', 14, 21, 'Aadhaar')]);
    expect(p.innerHTML).toBe(
      'Pay by <mark class="dpi-lens-term" data-dpi-term="upi">UPI</mark> or ' +
        '<mark class="dpi-lens-term" data-dpi-term="aadhaar">Aadhaar</mark> today',
    );
    expect(p.firstChild).toBe(text);
    expect(wrapped.ids).toEqual(['upi', 'aadhaar']);
    expect(p.textContent).toBe('Pay by UPI or Aadhaar today');
  });

  it('restores the exact HTML and the same text node on undo', () => {
    const before = p.innerHTML;
    unwrapText(wrapText(text, [m('upi', 7, 10, 'UPI')]));
    expect(p.innerHTML).toBe(before);
    expect(p.firstChild).toBe(text);
    expect(p.childNodes).toHaveLength(1);
  });

  it('keeps the text, once, when the page moved a mark before undo', () => {
    const wrapped = wrapText(text, [m('upi', 7, 10, 'UPI')]);
    const mark = p.querySelector('mark')!;
    const div = document.createElement('div');
    document.body.append(div);
    div.append(mark);
    unwrapText(wrapped);
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.textContent).toBe('Pay by  or Aadhaar todayUPI');
  });

  it('drops the split-off old text when a framework rewrites the original node', () => {
    const wrapped = wrapText(text, [m('upi', 7, 10, 'UPI')]);
    text.data = 'New text from a re-render';
    discardWrap(wrapped);
    expect(p.textContent).toBe('New text from a re-render');
    expect(p.querySelectorAll('mark')).toHaveLength(0);
  });

  it('gives the original node its whole text back when the page removes it', () => {
    const wrapped = wrapText(text, [m('upi', 7, 10, 'UPI')]);
    text.remove();
    discardWrap(wrapped);
    expect(p.textContent).toBe('');
    expect(text.data).toBe('Pay by UPI or Aadhaar today');
  });
});
