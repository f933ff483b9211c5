export declare const LANGS: readonly ["en", "fr", "de", "es"];
export type Lang = (typeof LANGS)[number];
export declare function catalogue(lang: Lang): Record<string, string>;
export declare function rawCatalogue(lang: Lang): Record<string, string>;
