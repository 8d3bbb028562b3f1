/**
 * WeChat's Linux template and style compilers (wcc, wcsc from miniprogram-compiler) on the build: every
 * WXML file (with the components its JSON names) and every WXSS file. They reject what WeChat would, such
 * as an unclosed tag, which miniprogram-ci's minifier lets through.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const MAX_OUTPUT = 256 * 1024 * 1024;

/** Throws with the compiler's message when a file does not compile; returns the templates' count. */
export function wxmlCheck(distDir) {
  const { wxmlToJs, wxssToJs } = require('miniprogram-compiler');
  // The output is view-layer code (it needs WeChat's webview globals), so it is compiled, not run.
  const wxml = wxmlToJs(distDir, { maxBuffer: MAX_OUTPUT });
  if (!wxml.includes('$gwx')) throw new Error('wcc produced no template function');
  // wxssToJs returns (does not throw) its Error.
  const wxss = wxssToJs(distDir, { maxBuffer: MAX_OUTPUT });
  if (wxss instanceof Error) throw wxss;
  return { wxmlBytes: wxml.length, wxssBytes: wxss.length };
}
