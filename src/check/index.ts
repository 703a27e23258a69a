/** The installation check: is the page script on a page, configured, and able to reach its collector? */
export { type BlockedBy, FILTER_LIST_URLS, type FilterListSource, loadFilterLists } from './filters.js';
export { type Installation, scanPage } from './find.js';
export { formatCheck } from './report-text.js';
export { type CheckLine, type CheckOptions, type CheckReport, type CheckStatus, checkInstallation } from './run.js';
