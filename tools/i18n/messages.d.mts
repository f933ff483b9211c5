export declare const MESSAGES: Record<string, [string, string]>;
