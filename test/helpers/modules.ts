// Every test process sees the same permission table and org-tree hooks as the
// app: src/app/modules.ts installs each module's declarations on import.
import '../../src/app/modules.ts';
