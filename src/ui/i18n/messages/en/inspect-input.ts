/**
 * Inspect's input box when it holds something other than typed text: a big paste decoded without
 * going into the box, or files (see src/ui/inspect/big-paste.ts). Numbers arrive formatted for the locale.
 */
const en = {
  sizeBytes: '{size} bytes',
  sizeKB: '{size} KB',
  sizeMB: '{size} MB',
  sizeGB: '{size} GB',
  pemBlocksNone: 'no PEM blocks',
  pemBlocksOne: '{count} PEM block',
  pemBlocksMany: '{count} PEM blocks',
  pasted: 'Pasted {size} of text ({blocks}), decoded without putting it in the box (a text this big would freeze the page) — Clear to start again.',
  dropped: 'Dropped {size} of text ({blocks}), decoded without putting it in the box (a text this big would freeze the page) — Clear to start again.',
  pastedLost: 'The {size} of text ({blocks}) pasted before the page was reloaded was not kept (too big for the tab’s memory): paste it again to see it.',
  droppedLost: 'The {size} of text ({blocks}) dropped before the page was reloaded was not kept (too big for the tab’s memory): drop it again to see it.',
  filesOne: 'Opened {count} file: {list}',
  filesMany: 'Opened {count} files: {list}',
  filesLostOne: 'The file opened before the page was reloaded was not kept: {list}. Open it again to see it.',
  filesLostMany: 'The {count} files opened before the page was reloaded were not kept: {list}. Open them again to see them.',
  fileEntry: '{name} ({size})',
  listSeparator: ', ',
  filesMore: '{list} and {count} more',
  pasteUnread: 'The clipboard could not be read, so nothing was pasted: paste again.',
} as const;

export default en;
