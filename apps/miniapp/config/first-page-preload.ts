import type { Compilation, Compiler } from 'webpack';

/**
 * Makes index.html preload the chunks of the pages a worker lands on first (login and home). Taro's H5
 * router imports a page only after the entry chunks have downloaded and run, so without this the first
 * page's chunks start downloading seconds late on a slow phone (one more round trip in a chain that is
 * already the longest part of the first load; issue 22). Low priority: they must not hold back the boot screen's
 * first paint (index.html), only start before the router asks for them.
 */
export class FirstPagePreload {
  constructor(
    private readonly pages: RegExp,
    private readonly htmlPlugin: { getHooks(compilation: Compilation): HtmlHooks },
  ) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(FirstPagePreload.name, (compilation) => {
      this.htmlPlugin.getHooks(compilation).alterAssetTagGroups.tap(FirstPagePreload.name, (data) => {
        const publicPath = String(compilation.outputOptions.publicPath ?? '/');
        const initial = new Set(data.headTags.concat(data.bodyTags).map((tag) => tag.attributes.src ?? tag.attributes.href));
        const files = new Set<string>();
        for (const group of compilation.chunkGroups) {
          if (!group.origins.some((origin) => this.pages.test(origin.request ?? ''))) continue;
          for (const file of group.getFiles()) files.add(publicPath + file);
        }
        for (const href of [...files].sort()) {
          if (initial.has(href) || !/\.(js|css)$/.test(href)) continue;
          data.headTags.push({
            tagName: 'link',
            voidTag: true,
            meta: { plugin: FirstPagePreload.name },
            attributes: { rel: 'preload', href, as: href.endsWith('.js') ? 'script' : 'style', fetchpriority: 'low' },
          });
        }
        return data;
      });
    });
  }
}

interface HtmlTag {
  tagName: string;
  voidTag: boolean;
  meta: Record<string, unknown>;
  attributes: Record<string, string | boolean | undefined>;
}
interface HtmlHooks {
  alterAssetTagGroups: {
    tap(name: string, fn: (data: { headTags: HtmlTag[]; bodyTags: HtmlTag[] }) => { headTags: HtmlTag[]; bodyTags: HtmlTag[] }): void;
  };
}
