// Every command id in one place; package.json contributes exactly these (checked by a unit test).
export const Commands = {
  tagClaim: 'claimTagger.tagClaim',
  tagAttribution: 'claimTagger.tagAttribution',
  tagOpinion: 'claimTagger.tagOpinion',
  tagAs: 'claimTagger.tagAs',
  removeTag: 'claimTagger.removeTag',
  editNote: 'claimTagger.editNote',
  setStatus: 'claimTagger.setStatus',
  changeKind: 'claimTagger.changeKind',
  addLink: 'claimTagger.addLink',
  setSource: 'claimTagger.setSource',
  nextTag: 'claimTagger.nextTag',
  previousTag: 'claimTagger.previousTag',
  goToTag: 'claimTagger.goToTag',
  toggleHighlights: 'claimTagger.toggleHighlights',
  repinTag: 'claimTagger.repinTag',
  openSidecar: 'claimTagger.openSidecar',
  reloadSidecar: 'claimTagger.reloadSidecar',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
