// Moved to src/ui/shared/download.ts; kept only while src/ui/verify and src/ui/workshop import this path.
export { downloadText } from '../shared/download.ts';
