import { MINIAPP_PAGES, type MiniappPage } from '@jingcai/shared';

/**
 * Page paths: the shared map, which the API also uses for the pages it names in notifications, so a moved
 * page breaks the typecheck on both sides rather than a tap.
 */
export const ROUTES = MINIAPP_PAGES;

export type Route = MiniappPage;

/** A page with its query: `pageUrl(ROUTES.careClaim, { id: 5 })` → `/packages/care/pages/claim/index?id=5`. */
export { pageUrl } from '@jingcai/shared';

/** Tab pages open with `switchTab`; `navigateTo` refuses them. */
export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.services, ROUTES.me];
