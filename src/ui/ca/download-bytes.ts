// Moved to src/ui/shared/download.ts; kept only while src/ui/workshop/LeaderPanel.svelte imports this path.
export { downloadBytes } from '../shared/download.ts';
