// Types for framework-pages.mjs.
export declare const FRAMEWORK_PAGES: string;
export declare const FRAMEWORKS: readonly ('react' | 'vue' | 'svelte')[];
export declare const MODES: readonly ('ssr' | 'csr')[];
export declare function buildFrameworkPages(): Promise<string[]>;
