// Every command id in one place; package.json contributes exactly these (checked by a unit test).
export const Commands = {
  tagClaim: 'claimTagger.tagClaim',
  repinTag: 'claimTagger.repinTag',
  openSidecar: 'claimTagger.openSidecar',
  reloadSidecar: 'claimTagger.reloadSidecar',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
