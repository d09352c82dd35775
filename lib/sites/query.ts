/** The first element any of the selectors matches, trying them in order (a site's selectors come with fallbacks). */
export function queryFirst<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E | null {
  for (const selector of selectors) {
    const hit = root.querySelector<E>(selector);
    if (hit) return hit;
  }
  return null;
}
