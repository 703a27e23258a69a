/**
 * The chats-per-day chart as inline SVG, drawn here rather than by a charting library: one
 * stacked bar per day needs a few dozen lines, runs no script in the browser (the dashboard's
 * CSP allows none), loads nothing, and scales to a phone through its viewBox. Colours come from
 * classes in the dashboard's stylesheet, so no inline style is needed either.
 */
export interface DailyCount {
    /** UTC day, `YYYY-MM-DD`. */
    day: string;
    attributed: number;
    unattributed: number;
}
/** Stacked bars, attributed below and not attributed above, one per day, with axis labels. */
export declare function chatsPerDayChart(days: readonly DailyCount[]): string;
/**
 * One entry per UTC day of the period ending on `nowMs`'s day, oldest first: the days the
 * database has counts for, and zero for the others (a gap in the chart is a day without chats).
 */
export declare function dailySeries(counts: readonly DailyCount[], days: number, nowMs: number): DailyCount[];
