/** Sets or clears a class on the document root, which every H5 page sits under (the WeChat build takes `document-root.ts`). */
export function toggleRootClass(name: string, on: boolean): void {
  document.documentElement.classList.toggle(name, on);
}
