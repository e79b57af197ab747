// Filled in by the build (scripts/vite-third-party-licences.ts): the third-party packages this build bundled.
declare module 'virtual:certbench-licences' {
  const packages: readonly { name: string; version: string; license: string; text: string }[];
  export default packages;
}
