import { beforeEach, describe, expect, it } from 'vitest';
import { HUGE_MUTATIONS_COUNT, planMutations, type MutationLike } from '@/entrypoints/content/page/page-changes';

const added = (target: Node, ...nodes: Node[]): MutationLike => ({ type: 'childList', target, addedNodes: nodes, removedNodes: [] });
const removed = (target: Node, ...nodes: Node[]): MutationLike => ({ type: 'childList', target, addedNodes: [], removedNodes: nodes });
const textChanged = (target: Text): MutationLike => ({ type: 'characterData', target, addedNodes: [], removedNodes: [] });
const notOwn = () => false;

beforeEach(() => {
  document.body.innerHTML = '<main><ul id="feed"></ul><p id="p">UPI</p></main>';
});

describe('planMutations: which subtrees a frame of mutations asks to scan', () => {
  it('scans an added subtree once, not each of its descendants added in the same frame', () => {
    const feed = document.getElementById('feed')!;
    const item = document.createElement('li');
    const inner = document.createElement('span');
    item.append(inner);
    feed.append(item);
    const plan = planMutations([added(feed, item), added(item, inner)], notOwn);
    expect(plan.roots).toEqual([item]);
    expect(plan.fullRescan).toBe(false);
  });

  it('skips nodes that were added and removed again within the frame', () => {
    const feed = document.getElementById('feed')!;
    const gone = document.createElement('li');
    const plan = planMutations([added(feed, gone)], notOwn);
    expect(plan.roots).toEqual([]);
  });

  it('never rescans what the extension itself inserted', () => {
    const feed = document.getElementById('feed')!;
    const mark = document.createElement('mark');
    feed.append(mark);
    const plan = planMutations([added(feed, mark)], (node) => node === mark);
    expect(plan.roots).toEqual([]);
  });

  it('rescans a text node whose text the page rewrote and reports it as touched', () => {
    const text = document.getElementById('p')!.firstChild as Text;
    text.data = 'Aadhaar';
    const plan = planMutations([textChanged(text)], notOwn);
    expect(plan.roots).toEqual([text]);
    expect([...plan.touchedText]).toEqual([text]);
  });

  it('reports a text node the page took out as touched, and does not scan it', () => {
    const p = document.getElementById('p')!;
    const text = p.firstChild as Text;
    text.remove();
    const plan = planMutations([removed(p, text)], notOwn);
    expect(plan.roots).toEqual([]);
    expect(plan.touchedText.has(text)).toBe(true);
  });

  it('asks for one full rescan when a frame adds more than HUGE_MUTATIONS_COUNT subtrees', () => {
    const feed = document.getElementById('feed')!;
    const items = Array.from({ length: HUGE_MUTATIONS_COUNT + 1 }, () => document.createElement('li'));
    feed.append(...items);
    expect(planMutations([added(feed, ...items)], notOwn).fullRescan).toBe(true);
    expect(planMutations([added(feed, ...items.slice(0, 10))], notOwn).fullRescan).toBe(false);
  });

  it('ignores comments and other node types', () => {
    const feed = document.getElementById('feed')!;
    const comment = document.createComment('x');
    feed.append(comment);
    expect(planMutations([added(feed, comment)], notOwn).roots).toEqual([]);
  });
});
