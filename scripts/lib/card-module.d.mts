// Types for card-module.mjs.
export declare const CARD_MODULE_PATH: string;
export declare function buildCardModule(): Promise<string>;
