export const title = 'Key and CSR creation (added with the Create issue)';
export async function run() {
  return [{ label: 'not measured yet', value: '-' }];
}
