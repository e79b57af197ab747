/**
 * A form's finished output on the bench (a Secret, a kubeconfig, a zip): called while a component
 * starts, it keeps the bench's copy in step with the output, one entry per form (its slot).
 */
import { untrack } from 'svelte';
import { bench, type BenchItemInput } from './bench.svelte.ts';

export function keepOnBench(output: () => BenchItemInput | undefined): void {
  $effect(() => {
    const entry = output();
    // Only the output is followed: adding reads the bench, which must not re-run this.
    if (entry) untrack(() => bench.add(entry));
  });
}
