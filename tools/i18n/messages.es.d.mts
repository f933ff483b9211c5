export declare const MESSAGES_ES: Record<string, string>;
