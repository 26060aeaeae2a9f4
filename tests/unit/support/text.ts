/** What a reader sees in an element, whitespace collapsed (there is no jest-dom here). */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
