// Types of web-inputs.js, for the test that imports it (the tsconfig has no allowJs).
/** Files outside web/ that web/src imports, directly or through each other. */
export function importedFiles(root: string): string[];
/** Every file web/dist is built from, with the last build's modules. */
export function inputs(root: string, modules?: string[]): string[];
export function hashOf(root: string, file: string): string | null;
/** Why web/dist must be built again, or null when it need not. */
export function staleBecause(root: string): string | null;
/** Records what web/dist was just built from. */
export function writeManifest(root: string, modules: string[]): void;
