/** The two Go formatting routines kubeadm's tables go through, so certbench's read the same. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Go's layout "Jan 02, 2006 15:04 MST" in UTC: "Oct 04, 2025 10:16 UTC". */
export function kubeadmDate(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${pad2(d.getUTCDate())}, ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`;
}

/** k8s.io/apimachinery duration.ShortHumanDuration of whole seconds: "45s", "59m", "23h", "364d", "9y", "<invalid>". */
export function shortHumanDuration(seconds: number): string {
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(seconds / 3600);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(seconds / 3600 / 24 / 365)}y`;
}

/**
 * Go's text/tabwriter with kubeadm's settings (minwidth 10, padding 3, spaces): every
 * tab-terminated cell is padded to its column's width; a line's last cell is written as is.
 * Columns are aligned within blocks of consecutive lines, so an empty line starts a new table.
 */
export function tabwrite(lines: readonly string[], minWidth = 10, padding = 3): string {
  const rows = lines.map((l) => l.split('\t'));
  const out: string[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end < rows.length && rows[end]!.length > 1) end++;
    const block = rows.slice(start, end);
    const widths: number[] = [];
    for (const r of block) {
      r.slice(0, -1).forEach((cell, i) => {
        widths[i] = Math.max(widths[i] ?? minWidth, [...cell].length + padding);
      });
    }
    for (const r of block) out.push(r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]!) : cell)).join(''));
    if (end < rows.length) out.push(rows[end]!.join(''));
    start = end + 1;
  }
  return out.map((l) => `${l}\n`).join('');
}
