// Unit-test setup: Node 20 lacks Set.prototype.intersection, which every browser
// the extension supports has (Chrome 122, Firefox 127). The pre-screen uses it.
if (!('intersection' in Set.prototype)) {
  Object.defineProperty(Set.prototype, 'intersection', {
    configurable: true,
    writable: true,
    value<T>(this: Set<T>, other: ReadonlySet<unknown>): Set<T> {
      return new Set([...this].filter((item) => other.has(item)));
    },
  });
}
