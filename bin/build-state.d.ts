// Types of build-state.js, for the TypeScript files that import it (the Vitest configs).
export declare const ROOT: string;
export declare const DIST: string;
export declare const STAMP: string;
export declare const CONFIGS: string[];
export declare function distState(): 'fresh' | 'stale' | 'missing';
