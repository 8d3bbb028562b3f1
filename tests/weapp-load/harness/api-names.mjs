/**
 * The names of WeChat's `wx.*` APIs, read from miniprogram-api-typings (the `Wx` interface). Taro builds
 * `Taro.*` from `Object.keys(wx)`, so a stub with other keys would hide an API the app calls that WeChat
 * lacks, or lack one it has.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const require = createRequire(import.meta.url);

/** Every member of `interface Wx` in the typings' API file, methods and properties alike, sorted. */
export function wxApiNames() {
  const file = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts');
  return membersOf(readFileSync(file, 'utf8'), 'Wx');
}

/** Members of the named interface(s) in a declaration file's text (all declarations merged). */
export function membersOf(source, interfaceName) {
  const sourceFile = ts.createSourceFile('api.d.ts', source, ts.ScriptTarget.Latest, false);
  const names = new Set();
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === interfaceName) {
      for (const member of node.members) {
        if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
          names.add(member.name.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...names].sort();
}
