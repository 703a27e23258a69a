/** Text made safe inside HTML (element content and quoted attributes): chat data is user input. */
export declare function escapeHtml(value: string): string;
