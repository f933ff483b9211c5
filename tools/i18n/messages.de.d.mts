export declare const MESSAGES_DE: Record<string, string>;
