/** The Kubernetes area's t(): its strings live in src/ui/i18n/messages/kubernetes.ts. */
import { translator } from '../i18n/t.svelte.ts';
import * as messages from '../i18n/messages/kubernetes.ts';

export const t = translator(messages);
export type KubeMessageKey = keyof typeof messages.en;
