/**
 * WeChat has no document root: each page is its own tree, so a root class cannot reach every page there (care
 * mode on the WeChat build is still open, issue 20). The H5 build takes `document-root.h5.ts`.
 */
export function toggleRootClass(_name: string, _on: boolean): void {}
