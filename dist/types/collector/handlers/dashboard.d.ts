import type { RouteHandler } from '../context.js';
/**
 * The dashboard's policy: nothing but its own stylesheet and its own form. No script at all, so
 * a chat partner's name that slipped through escaping still could not run.
 */
export declare const DASHBOARD_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** `GET /dashboard`: the figures, the chart, the lists, and the installation check when asked. */
export declare const dashboard: RouteHandler;
/** `GET /dashboard.css` and `GET /dashboard.svg` (its icon). */
export declare const dashboardCss: RouteHandler;
export declare const dashboardIcon: RouteHandler;
