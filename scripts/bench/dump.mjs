export const title = 'Dump 10,000 certificates vs openssl (added with the Inspect issue)';
export async function run() {
  return [{ label: 'not measured yet', value: '-' }];
}
